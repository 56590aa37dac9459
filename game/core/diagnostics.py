"""Problems found in a deck, as data: each has a stable code and a place.

Every code is documented for authors in docs/card-format.md with the mistake
and its mend. Codes never change meaning; retired codes are never reused.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING

from .safetext import one_line

if TYPE_CHECKING:
    from .reader import Refused


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


# Stable codes. AT1xx: the file itself; AT2xx: the shape of the deck;
# AT3xx: the story graph; AT4xx: warnings about what a player will see.
CODES: dict[str, str] = {
    "AT101": "file cannot be read",
    "AT102": "file is not UTF-8 text",
    "AT103": "file is empty",
    "AT104": "file is not valid YAML",
    "AT105": "YAML tags are not allowed",
    "AT106": "more than one YAML document in a file",
    "AT107": "file too large",
    "AT108": "not a file",
    "AT109": "too many problems in one file",
    "AT110": "YAML directives are not allowed",
    "AT201": "duplicate key",
    "AT202": "unknown key",
    "AT203": "missing required key",
    "AT204": "wrong kind of value",
    "AT205": "value not in the vocabulary",
    "AT206": "unsupported format version",
    "AT207": "invalid id",
    "AT208": "duplicate id",
    "AT209": "empty text",
    "AT210": "number out of range",
    "AT211": "says map needs all three loop states",
    "AT212": "names_fear is only for reflect",
    "AT213": "deck has no cards",
    "AT214": "anchors and aliases are not allowed",
    "AT215": "merge keys are not allowed",
    "AT216": "a control character in a text",
    "AT217": "a playlist names a card that is not loaded",
    "AT301": "next names no beat",
    "AT302": "start names no beat",
    "AT303": "wrong number of choices",
    "AT304": "beat has no way to the end",
    "AT305": "card has no beats",
    "AT401": "beat is unreachable",
    "AT402": "text too long for the screen",
    "AT403": "two choices in a card say the same",
    "AT404": "a partner line no path can show",
    "AT405": "a partner voices risk and the card has no care note",
    "AT406": "a word too long to fit the screen",
}


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int  # 1-based
    col: int  # 1-based
    severity: Severity
    code: str
    message: str

    def __str__(self) -> str:
        """One line, whatever the file held: newlines, escape sequences and odd bytes are shown escaped."""
        where = f"{one_line(self.path)}:{self.line}:{self.col}"
        return f"{where}: {self.severity.value}[{self.code}]: {one_line(self.message)}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def error(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    assert code in CODES, code
    return Diagnostic(path, line, col, Severity.ERROR, code, message)


def refused(path: str, why: Refused) -> Diagnostic:
    """The error for a file the guarded reader would not read (reader.py says why, with its own code)."""
    return error(path, 1, 1, why.code, why.reason)


def warning(path: str, line: int, col: int, code: str, message: str) -> Diagnostic:
    assert code in CODES, code
    return Diagnostic(path, line, col, Severity.WARNING, code, message)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.path, d.line, d.col, d.code)


class Reported:
    """Mixin for results that carry `diagnostics`: their errors and warnings apart."""

    diagnostics: tuple[Diagnostic, ...]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]


MAX_PER_FILE = 200  # diagnostics shown for one file; the rest are counted


def capped(diags: list[Diagnostic], path: str, more: int = 0, more_errors: bool = False) -> list[Diagnostic]:
    """At most MAX_PER_FILE of `diags` (sorted), then one AT109 that counts the rest (and `more` not kept)."""
    diags = sorted(diags, key=sort_key)
    rest = len(diags) - MAX_PER_FILE + more
    if rest <= 0:
        return diags
    kept = diags[:MAX_PER_FILE]
    severity = Severity.ERROR if any(d.is_error for d in diags[MAX_PER_FILE:]) or more_errors else Severity.WARNING
    last = kept[-1] if kept else None
    line, col = (last.line, last.col) if last else (1, 1)
    kept.append(
        Diagnostic(path, line, col, severity, "AT109", f"{rest} more problem{'s' * (rest != 1)} in this file not shown")
    )
    return kept
