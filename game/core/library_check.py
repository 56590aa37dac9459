"""Validate a large library fast: on every core, and with a cache of verdicts.

`check_library(paths)` answers what `load_library(paths)` would say about the
files (the same diagnostics, in the same order, and how many decks and cards
load) without handing back the decks, which is all that `attune validate`
needs. Two things make it faster on a big library:

- the files are checked in worker processes, one per core, once the library
  is large enough to repay starting them (`jobs`);
- with `cache=True`, each file's verdict is kept in the cache folder
  (`validation.json`, see cache.py), keyed by the file's path and bytes and
  the rules that judged it, so an unchanged file is answered at once and any
  change to the file or to the rules checks it again.

Decks for play always come from `load_library`; nothing here builds a deck
the game will use.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from . import cache as cache_files
from .deckfile import load_deck_bytes
from .diagnostics import Diagnostic, Reported, refused
from .library import cycle_collector_paused, deck_entries, deck_id_clash
from .model import Pos
from .reader import MAX_DECK_BYTES, Refused, read_bytes

# Below this many bytes of deck files to check, starting worker processes costs
# more than it saves (a shipped card is about 6 KB).
PARALLEL_MIN_BYTES = 2_000_000
# Files per task handed to a worker: large enough to keep the pipes quiet.
CHUNK_FILES = 16


@dataclass(frozen=True, slots=True)
class Verdict:
    """What checking one file found."""

    path: str
    deck_id: str | None  # None when the deck did not load
    deck_pos: Pos | None
    cards: int
    diagnostics: tuple[Diagnostic, ...]


@dataclass(frozen=True)
class Report(Reported):
    files: int
    decks: int
    cards: int
    diagnostics: tuple[Diagnostic, ...]
    from_cache: int = 0  # files answered from the cache
    checked: int = 0  # files parsed and checked in this run


# -- checking one file ------------------------------------------------------


def _check_bytes(raw: bytes, path: str) -> Verdict:
    deck, diags = load_deck_bytes(raw, path)
    if deck is None:
        return Verdict(path, None, None, 0, tuple(diags))
    return Verdict(path, deck.id, deck.pos, len(deck.cards), tuple(diags))


def _to_row(v: Verdict) -> list:
    """A verdict as plain JSON data (the path is the caller's)."""
    pos = [v.deck_pos.line, v.deck_pos.col] if v.deck_pos else None
    return [v.deck_id, pos, v.cards, cache_files.diags_to_json(v.diagnostics)]


def _from_row(path: str, row: list) -> Verdict:
    """Rebuild a verdict; raises (ValueError, TypeError, ...) on a row of another shape (a damaged cache)."""
    deck_id, pos, cards, diags = row
    if (deck_id is not None and type(deck_id) is not str) or type(cards) is not int or not 0 <= cards < 1 << 31:
        raise ValueError("not a verdict")
    return Verdict(
        path,
        deck_id,
        cache_files.place(path, pos) if pos else None,
        cards,
        tuple(cache_files.diags_from_json(path, diags)),
    )


def _check_one(path: str, raw: bytes | None) -> Verdict:
    """One file's verdict; with no bytes given, the file is read here (in the worker, when there is one)."""
    if raw is None:
        got = read_bytes(path, MAX_DECK_BYTES)
        if isinstance(got, Refused):
            return Verdict(path, None, None, 0, (refused(path, got),))
        raw = got
    return _check_bytes(raw, path)


def _check_chunk(items: Sequence[tuple[str, bytes | None]]) -> list[list]:
    """Worker side: check each (path, bytes or None: read it here); answer with plain rows, cheap to send back."""
    with cycle_collector_paused():
        return [_to_row(_check_one(path, raw)) for path, raw in items]


# -- the library --------------------------------------------------------------


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def check_library(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    cache: bool = False,
    cache_folder: str | os.PathLike[str] | None = None,
) -> Report:
    """Check every deck file under `paths`, as `load_library` would, and report what it found.

    `jobs`: worker processes (default: one per core; 1 checks in this process).
    `cache`: answer unchanged files from, and keep new verdicts in, the cache folder
    (`cache_folder`, by default cache_files.cache_dir()).
    """
    use_cache = cache  # the flag; `cache_files` is the module
    entries = deck_entries(paths)
    files = [e.path for e in entries]
    verdicts: list[Verdict | None] = [None] * len(files)
    todo: list[tuple[int, str, bytes | None]] = []
    keys: list[str | None] = [None] * len(files)
    folder = Path(cache_folder) if cache_folder is not None else cache_files.cache_dir()
    store = folder / cache_files.VALIDATION_FILE
    stored: dict[str, list] = cache_files.read(store) if use_cache else {}
    salt = cache_files.salt() if use_cache else b""
    used: dict[str, list] = {}
    hits = 0
    for i, entry in enumerate(entries):
        path = entry.path
        if entry.refused is None and not use_cache:
            todo.append((i, path, None))  # read where it is checked: no bytes through the pipes
            continue
        raw = entry.refused or read_bytes(path, MAX_DECK_BYTES)
        if isinstance(raw, Refused):
            verdicts[i] = Verdict(path, None, None, 0, (refused(path, raw),))
            continue
        if use_cache:
            key = keys[i] = cache_files.file_key(salt, path, raw)
            row = stored.get(key)
            if row is not None:
                with contextlib.suppress(ValueError, TypeError, KeyError, IndexError):
                    verdicts[i] = _from_row(path, row)
                    used[key] = row
                    hits += 1
                    continue
        todo.append((i, path, raw))

    rows = _check_all([(path, raw) for _, path, raw in todo], jobs)
    for (i, path, _), row in zip(todo, rows, strict=True):
        verdicts[i] = _from_row(path, row)
        if use_cache and keys[i] is not None:
            used[keys[i]] = row  # type: ignore[index]
    if use_cache and todo:
        for key in used:  # move this run's entries to the young end
            stored.pop(key, None)
        stored.update(used)
        cache_files.write(store, stored)

    diags: list[Diagnostic] = []
    ids: dict[str, str] = {}
    decks = cards = 0
    for v in verdicts:
        assert v is not None
        diags.extend(v.diagnostics)
        if v.deck_id is None or v.deck_pos is None:
            continue
        clash = deck_id_clash(v.deck_id, v.deck_pos, ids)
        if clash is not None:
            diags.append(clash)
            continue
        decks += 1
        cards += v.cards
    return Report(len(files), decks, cards, tuple(diags), from_cache=hits, checked=len(todo))


def _check_all(items: list[tuple[str, bytes | None]], jobs: int | None) -> list[list]:
    jobs = default_jobs() if jobs is None else max(1, jobs)
    if jobs == 1 or len(items) < 2 or not _large(items):
        return _check_chunk(items)
    chunks = [items[i : i + CHUNK_FILES] for i in range(0, len(items), CHUNK_FILES)]
    pool = None
    try:
        pool = ProcessPoolExecutor(max_workers=min(jobs, len(chunks)), mp_context=_context(), initializer=_worker)
        with _signals_held():  # the workers start here: a Ctrl-C waits until they can ignore it
            parts = pool.map(_check_chunk, chunks)
        out: list[list] = []
        for part in parts:
            out.extend(part)
    except (BrokenProcessPool, OSError):
        # No worker processes to be had here (a sandbox, or a caller that spawn cannot re-import):
        # the same answers, on one core.
        _stop(pool)
        return _check_chunk(items)
    except BaseException:  # Ctrl-C or SIGTERM: the workers stop now, not after the work queued for them
        _stop(pool)
        raise
    pool.shutdown()
    return out


_HELD = ("SIGINT", "SIGTERM")


@contextlib.contextmanager
def _signals_held() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM back while workers are made: each starts with them held until `_worker` runs."""
    import signal

    held = {getattr(signal, name) for name in _HELD if hasattr(signal, name)}
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no masks to inherit
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a signal that came meanwhile arrives now


def _worker() -> None:
    """In each worker: Ctrl-C is for the command to handle (it stops the workers), SIGTERM simply ends one."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {getattr(signal, n) for n in _HELD if hasattr(signal, n)})


def _stop(pool: ProcessPoolExecutor | None) -> None:
    """Cancel what is queued and end the workers at once."""
    if pool is None:
        return
    pool.shutdown(wait=False, cancel_futures=True)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        with contextlib.suppress(Exception):
            process.terminate()


def _large(items: list[tuple[str, bytes | None]]) -> bool:
    """Whether the files hold at least PARALLEL_MIN_BYTES (looked up only until they do)."""
    size = 0
    for path, raw in items:
        if raw is not None:
            size += len(raw)
        else:
            with contextlib.suppress(OSError, ValueError):  # else the worker's reader says what is wrong
                size += os.stat(path).st_size
        if size >= PARALLEL_MIN_BYTES:
            return True
    return False


def _context():
    """fork where it is safe (POSIX, one thread: nothing to re-import, quick to start); spawn elsewhere."""
    import multiprocessing
    import threading

    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")
