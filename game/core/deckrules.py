"""The deck format as data: the keys each part takes, the YAML kinds, the length limits.

docs/card-format.md describes the same format for authors; the builder
(builder.py) checks a file against what is here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from yaml.nodes import Node

FORMAT_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Lengths that fit every screen at 1024x600 and the default text size (AT402 warns).
# tests/ui/test_fit_limits.py tours a deck with every text at its limit, in capital
# W's, through every screen: long texts scroll or page, long names end in an
# ellipsis, and nothing leaves its box. The choice is the tightest: a workshop room
# shows each answer whole on one page, and 400 W's no longer fit one at 1024x600.
# The limits leave room for that; they are set for writing that reads well.
# docs/card-format.md, "Length limits", tells authors the same.
MAX_CHOICE_CHARS = 160
MAX_LINE_CHARS = 220
MAX_SETTING_CHARS = 160
MAX_TITLE_CHARS = 40
MAX_PARTNER_CHARS = 24
MAX_NOTE_CHARS = 320  # care, together and discuss: one or two sentences
MAX_TEACHING_CHARS = 800  # the teaching: the debrief scrolls, but it is read at the end of a play
MAX_WORD_CHARS = 24  # the longest unbroken word that wraps in the narrowest box (AT406 warns)

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
MERGE = "tag:yaml.org,2002:merge"  # a plain `<<` key
VALUE = "tag:yaml.org,2002:value"  # a plain `=`: only text in a deck
TIMESTAMP = "tag:yaml.org,2002:timestamp"
PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, MAP, SEQ, VALUE, TIMESTAMP})
TEXT_TAGS = frozenset({STR, VALUE})
KIND_WORDS = {
    BOOL: "a yes/no value",
    INT: "a number",
    FLOAT: "a number",
    NULL: "nothing",
    TIMESTAMP: "a date",
}

DECK_KEYS = {"format": True, "deck": True, "cards": True}
DECK_INFO_KEYS = {"id": True, "title": True, "description": False, "tags": False}
CARD_KEYS = {
    "id": True,
    "title": True,
    "partner": True,
    "fear": True,
    "pattern": True,
    "setting": True,
    "tension": False,
    "teaching": True,
    "start": False,
    "beats": True,
    "endings": False,
    "care": False,
    "together": False,
    "discuss": False,
}
BEAT_KEYS = {"says": True, "choices": True, "discuss": False}
CHOICE_KEYS = {"say": True, "move": True, "why": True, "next": True, "reply": False, "names_fear": False}


class AnyKey(dict):
    """A key set that admits any key (beat ids are the author's own)."""

    def __contains__(self, key: object) -> bool:
        return True

    def items(self):  # no required keys
        return iter(())


_PLAIN_INT = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)")
_PLAIN_FLOAT = re.compile(r"[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?")
_FORMS = (
    (re.compile(r"[-+]?0b[0-1_]+"), "a binary number"),
    (re.compile(r"[-+]?0x[0-9a-fA-F_]+"), "a hexadecimal number"),
    (re.compile(r"[-+]?0[0-7_]+"), "an octal number (a leading 0)"),
    (re.compile(r"[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"), "a base-60 number (like a time)"),
    (re.compile(r"[-+]?\.(?:inf|Inf|INF)"), "infinity"),
    (re.compile(r"\.(?:nan|NaN|NAN)"), "not a number (.nan)"),
)


def plain_number(value: str) -> float | str:
    """A YAML number written the plain way (`5`, `-2`, `7.5`) as a float; else what form it is, in words."""
    v = value.strip()
    if len(v) <= 32 and (_PLAIN_INT.fullmatch(v) or _PLAIN_FLOAT.fullmatch(v)):
        try:
            return float(v.replace("_", ""))
        except ValueError:
            pass
    for regex, words in _FORMS:
        if regex.fullmatch(v):
            return words
    return "not a plain number"


def allowed(values: Iterable[str]) -> str:
    return ", ".join(values)


def short(node: Node) -> str:
    if node.id == "scalar":
        return name(node.value, 30)
    return "..."


def name(text: str, limit: int = 40) -> str:
    """An author's word for a message: cut when long (escaping is left to the diagnostic)."""
    return text if len(text) <= limit else text[: limit - 3] + "..."


def close_match(word: str, options: Iterable[str]) -> str | None:
    import difflib

    if len(word) > 64:
        return None
    m = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return m[0] if m else None


def longest_word(text: str) -> str:
    """The longest run of characters with no space to break at."""
    return max(text.split(), key=len, default="")
