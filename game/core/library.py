"""The library: every deck file under the paths given, found, read, loaded (through the cache) and gathered.

    lib = load_library([folder, "extra.yaml"], cache=True)
    lib.decks, lib.diagnostics, lib.card("home/late-night")

One bad deck never stops the others: `load_library` returns what loaded and
the diagnostics for the rest, including the folders it could not search and
the files it could not read. A file named twice is read once.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import cache
from .diagnostics import Diagnostic, Reported, error, refused
from .model import Card, Deck, Pos
from .reader import MAX_DECK_BYTES, Entry, Refused, read_bytes, walk

DECK_SUFFIXES = (".yaml", ".yml")


def deck_entries(paths: Iterable[str | os.PathLike[str]]) -> list[Entry]:
    """The deck files named and found in the folders named (any case of .yaml/.yml), each once."""
    return walk(paths, DECK_SUFFIXES)


@contextlib.contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a library loads.

    Loading makes hundreds of thousands of small objects that are freed by
    reference counting, never by the collector; left on, the collector keeps
    rescanning the growing library and loading 10,000 cards takes twice as
    long. Anything cyclic made meanwhile is collected once it is back on.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


@dataclass(frozen=True)
class Library(Reported):
    decks: tuple[Deck, ...]
    diagnostics: tuple[Diagnostic, ...]

    def cards(self) -> Iterator[Card]:
        for d in self.decks:
            yield from d.cards

    def deck(self, deck_id: str) -> Deck | None:
        return next((d for d in self.decks if d.id == deck_id), None)

    def card(self, full_id: str) -> Card | None:
        deck_id, _, card_id = full_id.partition("/")
        deck = self.deck(deck_id)
        return deck.card(card_id) if deck else None


def load_library(paths: Iterable[str | os.PathLike[str]], cache: bool = False) -> Library:
    """Every deck under `paths`, and what is wrong with the rest.

    With `cache=True` a file whose path and bytes were loaded before (by the
    same version of these rules) is answered from the cache folder without
    parsing it, and new answers are kept there (see cache.py). The result is
    the same either way.
    """
    decks: list[Deck] = []
    diags: list[Diagnostic] = []
    ids: dict[str, str] = {}
    entries = deck_entries(paths)
    with cycle_collector_paused():
        loaded = _load_all(entries, cache)
    for deck, ds in loaded:
        diags.extend(ds)
        if deck is None:
            continue
        clash = deck_id_clash(deck.id, deck.pos, ids)
        if clash is not None:
            diags.append(clash)
            continue
        decks.append(deck)
    return Library(tuple(decks), tuple(diags))


def _parse_deck(raw: bytes, path: str) -> tuple[Deck | None, list[Diagnostic]]:
    """Parse one deck file's bytes; the parser and the rules load only when a file is not in the cache."""
    from .deckfile import load_deck_bytes as parse

    return parse(raw, path)


def _load_all(entries: list[Entry], use_cache: bool) -> list[tuple[Deck | None, list[Diagnostic]]]:
    store = cache.cache_dir() / cache.DECKS_FILE if use_cache else None
    stored = cache.read(store) if store is not None else {}
    salt = cache.salt() if use_cache else b""
    out: list[tuple[Deck | None, list[Diagnostic]]] = []
    fresh: dict[str, list] = {}
    for entry in entries:
        p = entry.path
        if entry.refused is not None:
            out.append((None, [refused(p, entry.refused)]))
            continue
        raw = read_bytes(p, MAX_DECK_BYTES)
        if isinstance(raw, Refused):
            out.append((None, [refused(p, raw)]))
            continue
        if not use_cache:
            out.append(_parse_deck(raw, p))
            continue
        key = cache.file_key(salt, p, raw)
        row = stored.get(key)
        if row is not None:
            try:
                deck_row, diag_rows = row
                deck = cache.deck_from_json(p, deck_row) if deck_row is not None else None
                out.append((deck, cache.diags_from_json(p, diag_rows)))
                continue
            except (KeyError, ValueError, TypeError, IndexError, AttributeError):
                pass  # an entry of another shape: parse the file again
        deck, ds = _parse_deck(raw, p)
        out.append((deck, ds))
        fresh[key] = [cache.deck_to_json(deck) if deck is not None else None, cache.diags_to_json(ds)]
    if fresh and store is not None:
        for key in fresh:
            stored.pop(key, None)
        stored.update(fresh)
        cache.write(store, stored)
    return out


def deck_id_clash(deck_id: str, pos: Pos, ids: dict[str, str]) -> Diagnostic | None:
    """AT208 when an earlier file already has this deck id; otherwise note the id in `ids`."""
    if deck_id in ids:
        return error(
            pos.path,
            pos.line,
            pos.col,
            "AT208",
            f"deck id `{deck_id}` is already used by {ids[deck_id]}: give this deck its own id",
        )
    ids[deck_id] = pos.path
    return None
