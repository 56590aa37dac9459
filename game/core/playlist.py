"""Workshop playlists: a small YAML file, read and checked like a deck, with the same kind of messages.

    format: 1
    workshop:
      title: Listening under pressure
      discussion_seconds: 180
      cards:
        - everyday/dishes
        - first-steps/late-for-the-film

    playlist, diagnostics = load_playlist_file(path, library)   # None when it cannot be used

It goes through the same guarded reader and YAML checks as a deck (tags,
anchors, duplicate and unknown keys are refused at their line and column);
a card the library does not hold is an error at its line, with the nearest
id when one is close.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from .deckfile import decode
from .deckrules import INT, close_match
from .diagnostics import Diagnostic, capped, error
from .nodecheck import NodeChecks, Reject, is_map, is_scalar, is_seq
from .reader import MAX_DECK_BYTES, Refused, read_bytes
from .yamlnodes import Places, compose

FORMAT_VERSION = 1
DEFAULT_DISCUSSION = 180  # seconds
MAX_DISCUSSION = 3600
MAX_CARDS = 200
TOP_KEYS = {"format": True, "workshop": True}
WORKSHOP_KEYS = {"title": True, "discussion_seconds": False, "cards": True}


@dataclass(frozen=True, slots=True)
class Playlist:
    title: str
    discussion_seconds: int
    cards: tuple[str, ...]  # full card ids, in the order shown
    path: str


def is_playlist_text(text: str) -> bool:
    """A cheap look: does this YAML text hold a playlist rather than a deck?"""
    return any(line.startswith("workshop:") for line in text.splitlines()[:40])


def playlist_text(title: str, seconds: int, card_ids: list[str] | tuple[str, ...]) -> str:
    """A playlist as a file, for the setup screen's "save as a playlist"."""
    safe = title.replace('"', "'").replace("\\", "/")
    lines = ["format: 1", "workshop:", f'  title: "{safe}"', f"  discussion_seconds: {int(seconds)}", "  cards:"]
    lines += [f"    - {card_id}" for card_id in card_ids]
    return "\n".join(lines) + "\n"


def load_playlist_text(text: str, path: str, library: Any) -> tuple[Playlist | None, list[Diagnostic]]:
    """Check a playlist against `library` (anything with `card(full_id)` and `cards()`)."""
    if not text.strip():
        return None, [error(path, 1, 1, "AT103", "the file is empty: a playlist starts with `format: 1`")]
    places = Places(text)
    docs = compose(text, places)
    if hasattr(docs, "more"):
        found = [error(path, p.line, p.col, p.code, p.message) for p in docs]  # type: ignore[union-attr]
        return None, capped(found, path, docs.more, bool(docs.more))  # type: ignore[union-attr]
    if len(docs) != 1:
        return None, [error(path, 1, 1, "AT106", "a playlist file holds one playlist")]
    c = NodeChecks(path, places)
    try:
        playlist = _build(c, docs[0], path, library)
    except Reject:
        playlist = None
    if c.errors:
        playlist = None
    return playlist, capped(c.diags, path, c.more, c.more_errors)


def _build(c: NodeChecks, root: Any, path: str, library: Any) -> Playlist | None:
    top = c.mapping(root, "the playlist", TOP_KEYS)
    if "format" in top:
        node = top["format"][1]
        c.check_tag(node)
        if not (is_scalar(node) and node.tag == INT and node.value.strip() == str(FORMAT_VERSION)):
            c.err(
                node,
                "AT206",
                f"format `{node.value if is_scalar(node) else '...'}` is not supported: write `format: 1`",
            )
    if "workshop" not in top:
        return None
    w = c.mapping(top["workshop"][1], "workshop", WORKSHOP_KEYS)
    title = c.text(w["title"][1], "the title") if "title" in w else None
    seconds = DEFAULT_DISCUSSION
    if "discussion_seconds" in w:
        node = w["discussion_seconds"][1]
        c.check_tag(node)
        value = _whole(node)
        if value is None or not 0 <= value <= MAX_DISCUSSION:
            c.err(node, "AT210", f"discussion_seconds should be a whole number of seconds from 0 to {MAX_DISCUSSION}")
        else:
            seconds = value
    ids: list[str] = []
    if "cards" in w:
        seq = w["cards"][1]
        c.check_tag(seq)
        if not is_seq(seq) or not seq.value:
            c.err(seq, "AT204", "cards should be a list of card ids, each on its own line as `- deck/card`")
            return None
        if len(seq.value) > MAX_CARDS:
            c.err(seq, "AT210", f"a playlist holds at most {MAX_CARDS} cards")
            return None
        known = [card.full_id for card in library.cards()]
        for node in seq.value:
            full_id = c.text(node, "a card id")
            if full_id is None:
                continue
            if library.card(full_id) is None:
                hint = close_match(full_id, known)
                extra = f"; did you mean `{hint}`?" if hint else ": write it as deck-id/card-id"
                c.err(node, "AT217", f"no card `{full_id[:80]}` in the decks loaded{extra}")
                continue
            ids.append(full_id)
    if title is None or not ids or c.errors:
        return None
    return Playlist(title, seconds, tuple(ids), path)


def _whole(node: Any) -> int | None:
    if not is_scalar(node) or node.tag != INT or is_map(node):
        return None
    text = node.value.replace("_", "")
    if not text.lstrip("+-").isdigit() or len(text) > 6:
        return None  # 0x, 0o and sexagesimal forms are not a number of seconds here
    return int(text)


def load_playlist_file(path: str | os.PathLike[str], library: Any) -> tuple[Playlist | None, list[Diagnostic]]:
    p = os.fspath(path)
    raw = read_bytes(p, MAX_DECK_BYTES)
    if isinstance(raw, Refused):
        return None, [error(p, 1, 1, raw.code, raw.reason)]
    text = decode(raw, p)
    if isinstance(text, Diagnostic):
        return None, [text]
    return load_playlist_text(text, p, library)
