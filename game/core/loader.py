"""The names callers knew from the time one module did all the loading.

Loading is now split by job: yamlnodes.py (YAML text -> nodes, places,
what the format refuses), deckrules.py (the format as data), nodecheck.py
and builder.py (nodes -> a deck), deckfile.py (one file -> a deck) and
library.py (finding files, the cache, the library). New code imports from
those; this module only re-exports.
"""

from __future__ import annotations

from .deckfile import load_deck_bytes, load_deck_file, load_deck_text
from .deckrules import (
    FORMAT_VERSION,
    MAX_CHOICE_CHARS,
    MAX_LINE_CHARS,
    MAX_NOTE_CHARS,
    MAX_PARTNER_CHARS,
    MAX_SETTING_CHARS,
    MAX_TITLE_CHARS,
    MAX_WORD_CHARS,
)
from .library import Library, deck_id_clash, load_library

__all__ = [
    "FORMAT_VERSION",
    "MAX_CHOICE_CHARS",
    "MAX_LINE_CHARS",
    "MAX_NOTE_CHARS",
    "MAX_PARTNER_CHARS",
    "MAX_SETTING_CHARS",
    "MAX_TITLE_CHARS",
    "MAX_WORD_CHARS",
    "Library",
    "deck_id_clash",
    "load_deck_bytes",
    "load_deck_file",
    "load_deck_text",
    "load_library",
]
