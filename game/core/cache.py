"""The cache folder: what was learnt from a deck file, kept so an unchanged file is not parsed again.

Two caches live there, each one JSON file written whole and atomically:

- `decks.json`: decks as built by the loader, with their diagnostics, for
  `load_library(paths, cache=True)`: the game's start, which then needs
  neither PyYAML nor the parse for decks it has seen before.
- `validation.json`: verdicts (diagnostics and counts) for
  `check_library(paths, cache=True)`.

Every entry is keyed by a hash of the file's path and bytes and of a salt:
the Attune version, the YAML parser in use and the source of every module
in this package (read as bytes from the package's own files, so however the
rules are split across modules none is left out). Change the file, the rules or the parser and
the entry no longer matches, so a stale answer is never given. The caches
are a convenience: one that cannot be read is ignored, one that cannot be
written is left as it was, and deleting the folder only costs time.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import importlib.util
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from .datafile import read_json
from .diagnostics import CODES, Diagnostic, Severity
from .model import END, NOWHERE, STATES, Beat, Card, Choice, Deck, Fear, LoopState, Move, Pattern, Pos
from .reader import MAX_CACHE_BYTES

try:  # the BLAKE2 module alone: hashlib would also load OpenSSL, 3.6 MiB the game does not otherwise need
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - a Python built without it
    from hashlib import blake2b

FORMAT = 2
MAX_ENTRIES = 20_000  # per cache file; the oldest written go first
DECKS_FILE = "decks.json"
VALIDATION_FILE = "validation.json"


def cache_dir() -> Path:
    """ATTUNE_HOME/cache when ATTUNE_HOME is set, else the user's cache folder."""
    override = os.environ.get("ATTUNE_HOME")
    if override:
        return Path(override).expanduser() / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("attune", appauthor=False))


# -- keys ---------------------------------------------------------------------

_code: bytes | None = None


def _code_digest() -> bytes:
    """The version and the rules' source, read once a process."""
    global _code
    if _code is None:
        from .. import __version__

        h = blake2b(digest_size=16)
        h.update(f"{FORMAT}|{__version__}|".encode())
        for name, source in rule_sources():
            h.update(f"{name}|{len(source)}|".encode())
            h.update(source)
        _code = h.digest()
    return _code


def rule_sources() -> list[tuple[str, bytes]]:
    """Every module of this package, as bytes, by name: whatever turns a file into a deck is among them."""
    out: list[tuple[str, bytes]] = []
    here = Path(__file__).parent
    folder = here if here.is_dir() else importlib.resources.files(__package__)  # a folder, or inside a zip
    with contextlib.suppress(OSError):
        for item in folder.iterdir():
            if item.name.endswith(".py") and item.is_file():
                with contextlib.suppress(OSError):
                    out.append((item.name, item.read_bytes()))
    return sorted(out)


def _parser_id() -> str:
    """Which YAML parser would read a deck now, told without importing PyYAML."""
    nodes = sys.modules.get(f"{__package__}.yamlnodes")  # not loaded: nothing has chosen a parser yet
    chosen = nodes.__dict__.get("_Loader") if nodes is not None else None
    if chosen is not None and chosen is not nodes._default_loader():
        return f"custom:{chosen.__module__}.{chosen.__qualname__}"
    spec = importlib.util.find_spec("yaml")
    if spec is None or spec.origin is None:
        return "no-yaml"
    folder = Path(spec.origin).parent
    version = ""
    with contextlib.suppress(OSError):
        version = blake2b(Path(spec.origin).read_bytes(), digest_size=8).hexdigest()
    c_parser = any(folder.glob("_yaml*.so")) or any(folder.glob("_yaml*.pyd"))
    return f"pyyaml-{version}-{'c' if c_parser else 'py'}"


def salt() -> bytes:
    return _code_digest() + _parser_id().encode()


def file_key(salt: bytes, path: str, raw: bytes) -> str:
    h = blake2b(salt, digest_size=16)
    h.update(path.encode("utf-8", "surrogateescape"))
    h.update(b"\0")
    h.update(raw)
    return h.hexdigest()


# -- files --------------------------------------------------------------------


def read(file: Path) -> dict[str, Any]:
    """The entries of a cache file; empty when it is missing, unreadable or of another format."""
    data = read_json(file, MAX_CACHE_BYTES, checked=False).data  # every value is checked as it is taken
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("entries"), dict):
        return {}
    return data["entries"]


def write(file: Path, entries: dict[str, Any]) -> None:
    """Replace a cache file whole; a folder that cannot be written is left alone."""
    if len(entries) > MAX_ENTRIES:  # dicts keep order: the oldest written come first
        entries = dict(list(entries.items())[-MAX_ENTRIES:])
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{file.name}.", suffix=".tmp", dir=file.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump({"format": FORMAT, "entries": entries}, f, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, file)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


# -- diagnostics and decks as plain data ------------------------------------------


def diags_to_json(diags: list[Diagnostic] | tuple[Diagnostic, ...]) -> list[list[Any]]:
    return [[d.line, d.col, d.severity.value, d.code, d.message] for d in diags]


def diags_from_json(path: str, rows: list[list[Any]]) -> list[Diagnostic]:
    """Rebuild diagnostics; raises (ValueError, TypeError) on rows of another shape."""
    out = []
    for line, col, sev, code, msg in rows:
        if not (_int(line) and _int(col) and code in CODES and isinstance(msg, str)):
            raise ValueError("not a diagnostic")
        out.append(Diagnostic(path, line, col, Severity(sev), code, msg))
    return out


def _int(x: Any) -> bool:
    return type(x) is int and 0 < x < 1 << 40


def deck_to_json(deck: Deck) -> list[Any]:
    def pos(p: Pos) -> list[int]:
        return [p.line, p.col]

    def choice(c: Choice) -> list[Any]:
        return [
            c.say,
            c.move.value,
            c.why,
            c.next,
            c.reply,
            c.names_fear,
            pos(c.pos),
            pos(c.next_pos),
            pos(c.reply_pos),
        ]

    def beat(b: Beat) -> list[Any]:
        return [
            b.id,
            [b.says[s] for s in STATES],
            [choice(c) for c in b.choices],
            b.says_varies,
            pos(b.pos),
            [pos(b.says_pos[s]) if s in b.says_pos else None for s in STATES],
            b.discuss,
        ]

    def card(c: Card) -> list[Any]:
        return [
            c.id,
            c.title,
            c.partner,
            c.fear.value,
            c.pattern.value,
            c.setting,
            c.tension,
            c.teaching,
            c.start,
            [beat(b) for b in c.beats.values()],
            [c.endings[s] for s in STATES],
            pos(c.pos),
            c.care,
            c.together,
            c.discuss,
        ]

    return [
        deck.id,
        deck.title,
        deck.description,
        list(deck.tags),
        deck.format,
        pos(deck.pos),
        [card(c) for c in deck.cards],
    ]


_MOVES = {m.value: m for m in Move}
_FEARS = {f.value: f for f in Fear}
_PATTERNS = {p.value: p for p in Pattern}


def _s(x: Any) -> str:
    if type(x) is not str:
        raise TypeError("not text")
    return x


def _os(x: Any) -> str | None:
    return None if x is None else _s(x)


def place(path: str, at: Any) -> Pos:
    """A [line, column] pair from a cache file as a place; raises ValueError or TypeError on anything else."""
    line, col = at
    if not (_int(line) and _int(col)):
        raise ValueError("not a place")
    return Pos(path, line, col)


def deck_from_json(path: str, row: list[Any]) -> Deck:
    """Rebuild a deck; raises (KeyError, ValueError, TypeError, IndexError) on data of another shape.

    Every text is checked to be text and every place a pair of numbers, so a
    cache file edited by hand can never hand the game a deck it cannot show.
    """
    soft, stuck, esc = STATES

    def states(texts: list[str]) -> dict[LoopState, str]:
        a, b, c = texts
        return {soft: _s(a), stuck: _s(b), esc: _s(c)}

    def choice(r: list[Any]) -> Choice:
        say, move, why, nxt, reply, names_fear, at, next_at, reply_at = r
        where = place(path, reply_at) if reply is not None else NOWHERE
        return Choice(
            _s(say),
            _MOVES[move],
            _s(why),
            _s(nxt),
            _os(reply),
            bool(names_fear),
            place(path, at),
            place(path, next_at),
            where,
        )

    def beat(r: list[Any]) -> Beat:
        bid, says, choices, varies, at, says_at, discuss = r
        says_pos = {s: place(path, where) for s, where in zip(STATES, says_at, strict=True) if where is not None}
        return Beat(
            _s(bid),
            states(says),
            tuple(choice(c) for c in choices),
            bool(varies),
            place(path, at),
            says_pos,
            _os(discuss),
        )

    deck_id, title, description, tags, fmt, deck_at, cards = row
    if type(fmt) is not int:
        raise TypeError("not a format number")

    def card(r: list[Any]) -> Card:
        cid, ctitle, partner, fear, pattern, setting, tension, teaching, start, beats, endings, at, *notes = r
        care, together, discuss = notes
        built = {b.id: b for b in (beat(x) for x in beats)}
        if type(tension) not in (int, float):
            raise TypeError("not a number")
        value = float(tension)
        targets = {n for b in built.values() for c in b.choices for n in (c.next,)}
        if not 0.0 <= value <= 10.0 or start not in built or not targets <= built.keys() | {END}:
            raise ValueError("not a card that can be played")
        return Card(
            id=_s(cid),
            deck_id=_s(deck_id),
            title=_s(ctitle),
            partner=_s(partner),
            fear=_FEARS[fear],
            pattern=_PATTERNS[pattern],
            setting=_s(setting),
            tension=value,
            teaching=_s(teaching),
            start=_s(start),
            beats=built,
            endings=states(endings),
            pos=place(path, at),
            care=_os(care),
            together=_os(together),
            discuss=_os(discuss),
        )

    return Deck(
        _s(deck_id),
        _s(title),
        _s(description),
        tuple(_s(t) for t in tags),
        tuple(card(c) for c in cards),
        path,
        fmt,
        place(path, deck_at),
    )
