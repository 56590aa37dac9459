"""Text from a file, made safe to print on a terminal or draw on the screen.

A deck, a data file or a file name can hold anything: newlines that would
split one diagnostic over two lines, ANSI escape sequences that would clear
or recolour the terminal, right-to-left overrides that make text read other
than it is, lone surrogates (a file name that is not UTF-8) that no font or
encoder accepts. Two helpers, used by the diagnostics and the UI text widget:

- `one_line(text)`: one printable line; every control or format character is
  shown as an escape (`\\n`, `\\x1b`, `\\u202e`), a byte of a non-UTF-8 name as
  `\\xNN`;
- `screen_text(text)`: for drawing; keeps newlines, turns tabs into spaces
  and everything else unsafe into U+FFFD (the replacement character).
"""

from __future__ import annotations

import functools
import re

# C0 and C1 controls, DEL, the line and paragraph separators, bidi controls,
# zero-width and other invisible format characters, lone surrogates.
_UNSAFE_CHARS = (
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]"
)


@functools.cache
def _unsafe() -> re.Pattern[str]:
    """Compiled on first need (about a millisecond): printable text, most of it, never needs it."""
    return re.compile(_UNSAFE_CHARS)


def _plain(text: str) -> bool:
    """Printable text holds none of the unsafe characters: every one of them is a control, a format
    character, a line or paragraph separator or a surrogate, which `str.isprintable` refuses."""
    return text.isprintable()


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_REPLACEMENT = "\ufffd"


def _escape(m: re.Match[str]) -> str:
    ch = m.group()
    named = _NAMED.get(ch)
    if named is not None:
        return named
    n = ord(ch)
    if 0xDC80 <= n <= 0xDCFF:  # a byte of a name that is not UTF-8 (surrogateescape)
        return f"\\x{n - 0xDC00:02x}"
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def one_line(text: str, limit: int | None = None) -> str:
    """`text` as one printable line; cut to `limit` characters (with "...") when given."""
    if limit is not None and len(text) > limit:
        text = text[: max(0, limit - 3)] + "..."
    if _plain(text) or _unsafe().search(text) is None:
        return text
    return _unsafe().sub(_escape, text)


def _replace(m: re.Match[str]) -> str:
    ch = m.group()
    if ch == "\n":
        return ch
    if ch == "\t":
        return " "
    if ch in "\r\u2028\u2029\x85":
        return "\n" if ch != "\r" else ""
    return _REPLACEMENT if ch < "\u00ad" or "\ud800" <= ch <= "\udfff" else ""


def screen_text(text: str) -> str:
    """`text` safe for a font: newlines kept, invisible format characters dropped, other controls as U+FFFD."""
    if _plain(text) or _unsafe().search(text) is None:
        return text
    return _unsafe().sub(_replace, text)


def path_text(path: str) -> str:
    """A file name to show: bytes that are not UTF-8 as `\\xNN`, controls escaped."""
    return one_line(path)
