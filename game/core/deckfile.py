"""One deck file -> a deck and what is wrong with it.

    deck, diagnostics = load_deck_file(path)    # through the guarded reader
    deck, diagnostics = load_deck_bytes(raw, path)
    deck, diagnostics = load_deck_text(text, path)

The deck is None when the file cannot be used at all; a card with an error
is left out and the rest load. At most MAX_PER_FILE diagnostics come back
for one file, then one that counts the rest.
"""

from __future__ import annotations

import os

from .builder import Builder
from .diagnostics import Diagnostic, capped, error, refused
from .model import Deck
from .nodecheck import might_have_long_words
from .reader import MAX_DECK_BYTES, Refused, read_bytes
from .yamlnodes import Places, compose


def load_deck_text(text: str, path: str, raw: bytes | None = None) -> tuple[Deck | None, list[Diagnostic]]:
    """Build a deck from YAML text; `path` is only used in messages; `raw`: the file's bytes, when read from one."""
    if not text.strip():
        return None, [error(path, 1, 1, "AT103", "the file is empty: a deck starts with `format: 1`")]
    places = Places(text)
    docs = compose(text, places)
    if hasattr(docs, "more"):  # Problems: the text could not be read as a deck at all
        found = [error(path, p.line, p.col, p.code, p.message) for p in docs]  # type: ignore[union-attr]
        return None, capped(found, path, docs.more, bool(docs.more))  # type: ignore[union-attr]
    if not docs:
        return None, [error(path, 1, 1, "AT103", "the file has no content: a deck starts with `format: 1`")]
    b = Builder(path, places, aliases="*" in text, long_words=might_have_long_words(text, raw), escapes="\\" in text)
    if len(docs) > 1:
        b.err(docs[1], "AT106", "a deck file holds one deck: remove the `---` and what follows, or split the file")
        return None, b.diags
    deck = b.deck(docs[0])
    if deck is not None and any(d.code in ("AT105", "AT215") for d in b.diags):
        deck = None
    return deck, capped(b.diags, path, b.more, b.more_errors)


def decode(raw: bytes, path: str) -> str | Diagnostic:
    """A file's bytes as text, or the AT102 that says where it is not UTF-8 (decks and playlists alike)."""
    if raw.startswith(b"\xef\xbb\xbf"):  # a byte-order mark: not part of the text an editor shows
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as e:
        start = raw.rfind(b"\n", 0, e.start) + 1
        line = raw.count(b"\n", 0, e.start) + 1
        col = len(raw[start : e.start].decode("utf-8", "replace")) + 1  # characters, not bytes
        return error(
            path,
            line,
            col,
            "AT102",
            f"the file is not UTF-8 text (the byte 0x{raw[e.start]:02X} here): save it as UTF-8 in your editor",
        )


def load_deck_bytes(raw: bytes, path: str) -> tuple[Deck | None, list[Diagnostic]]:
    """Build a deck from a file's bytes; `path` is only used in messages."""
    text = decode(raw, path)
    if isinstance(text, Diagnostic):
        return None, [text]
    return load_deck_text(text, path, raw)


def load_deck_file(path: str | os.PathLike[str]) -> tuple[Deck | None, list[Diagnostic]]:
    p = os.fspath(path)
    raw = read_bytes(p, MAX_DECK_BYTES)
    if isinstance(raw, Refused):
        return None, [refused(p, raw)]
    return load_deck_bytes(raw, p)
