"""The one way the game reads a file: decks, settings, progress and the cache.

`read_bytes(path, limit)` answers the file's bytes or a `Refused` that says
why not, and never raises and never hangs:

- only a regular file is read. The file is opened without blocking (a named
  pipe with no writer would otherwise wait for ever) and checked with fstat
  before a byte is read, so a FIFO, a device such as /dev/zero, a socket or
  a folder gets a clear message instead;
- at most `limit` bytes are read; a larger file is refused with its own code;
- a file that cannot be opened (missing, no permission, a loop of links)
  is refused with the system's reason.

`walk(paths, suffixes)` lists the files named and the files with one of the
suffixes (any case) in the folders named, each real file once, and reports a
folder it cannot open instead of skipping it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from typing import NamedTuple

from .safetext import one_line

# Codes shared with the deck diagnostics (see diagnostics.CODES).
CANNOT_READ = "AT101"
TOO_LARGE = "AT107"
NOT_A_FILE = "AT108"

MIB = 1024 * 1024
MAX_DECK_BYTES = 2 * MIB  # a shipped card is about 6 KB: room for some 300 cards in one file
MAX_DATA_BYTES = 32 * MIB  # settings and progress (a play's record is under 1 KB)
MAX_CACHE_BYTES = 512 * MIB  # the deck cache of a very large library

_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
_CHUNK = 1 * MIB


class Refused(NamedTuple):
    """Why a file was not read: a stable code and a reason a person can act on."""

    code: str
    reason: str  # e.g. "it is a named pipe (FIFO), not a file"


def kind_of(mode: int) -> str:
    """What a non-regular file is, in words."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def os_reason(e: OSError) -> str:
    return one_line(e.strerror or type(e).__name__)


def size_words(n: int) -> str:
    if n >= MIB:
        return f"{n / MIB:.1f} MB"
    return f"{n / 1024:.0f} KB" if n >= 1024 else f"{n} bytes"


def read_bytes(path: str | os.PathLike[str], limit: int) -> bytes | Refused:
    """The bytes of the regular file at `path` (at most `limit`), or why they cannot be had."""
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as e:
        return Refused(CANNOT_READ, f"cannot read the file: {os_reason(e)}")
    except (ValueError, TypeError):  # a NUL in the name
        return Refused(CANNOT_READ, "cannot read the file: its name is not a valid file name")
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return Refused(NOT_A_FILE, f"this is {kind_of(st.st_mode)}, not a file")
        if st.st_size > limit:
            return Refused(TOO_LARGE, _too_large(st.st_size, limit))
        parts: list[bytes] = []
        got = 0
        while True:  # to the end, as the file may have grown since fstat
            chunk = os.read(fd, min(_CHUNK, limit + 1 - got))
            if not chunk:
                break
            parts.append(chunk)
            got += len(chunk)
            if got > limit:
                return Refused(TOO_LARGE, _too_large(got, limit))
        return b"".join(parts)
    except OSError as e:
        return Refused(CANNOT_READ, f"cannot read the file: {os_reason(e)}")
    finally:
        os.close(fd)


def _too_large(size: int, limit: int) -> str:
    more = "more than " if size > limit and size == limit + 1 else ""
    return f"the file is {more}{size_words(size)}; at most {size_words(limit)} is read: split it into smaller files"


class Entry(NamedTuple):
    """A file found by `walk`, or a path that could not be searched (`refused` says why)."""

    path: str
    refused: Refused | None = None


def walk(paths: Iterable[str | os.PathLike[str]], suffixes: tuple[str, ...]) -> list[Entry]:
    """The files named, and those under the folders named whose names end in one of `suffixes`.

    Suffixes match in any case (`A.YAML`); folders are searched in name order,
    following links but never round a loop; a file reached twice (named twice,
    or through a link) is listed once, the first time. A folder that cannot
    be opened is listed with the reason, so nothing is skipped in silence.
    """
    ends = tuple(s.lower() for s in suffixes)
    out: list[Entry] = []
    seen: set[tuple[int, int] | str] = set()

    def first_time(p: str, st: os.stat_result | None) -> bool:
        key: tuple[int, int] | str = (st.st_dev, st.st_ino) if st is not None else os.path.abspath(p)
        if key in seen:
            return False
        seen.add(key)
        return True

    for raw in paths:
        top = os.fspath(raw)
        try:
            st = os.stat(top)
        except (OSError, ValueError):
            st = None
        if st is None or not stat.S_ISDIR(st.st_mode):
            if first_time(top, st):
                out.append(Entry(top, _unreachable(top)))  # else the reader says what is wrong, if anything
            continue
        if not first_time(top, st):
            continue
        _search(top, ends, out, first_time)
    return out


def _listing(folder: str, out: list[Entry]) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as e:
        out.append(Entry(folder, Refused(CANNOT_READ, f"cannot open the folder: {os_reason(e)}")))
        return []


def _search(top: str, ends: tuple[str, ...], out: list[Entry], first_time) -> None:
    """Depth first in name order (as sorted paths would be), with a stack, not recursion."""
    stack = [iter(_listing(top, out))]
    while stack:
        e = next(stack[-1], None)
        if e is None:
            stack.pop()
            continue
        try:
            st: os.stat_result | None = e.stat()  # follows a link
        except OSError as err:
            st = None
            if _listed_as_folder(e):  # seen in the listing, but it cannot be looked into
                out.append(Entry(e.path, Refused(CANNOT_READ, f"cannot open the folder: {os_reason(err)}")))
                continue
        if st is not None and stat.S_ISDIR(st.st_mode):
            if first_time(e.path, st):
                stack.append(iter(_listing(e.path, out)))
        elif e.name.lower().endswith(ends) and first_time(e.path, st):
            out.append(Entry(e.path))


def _listed_as_folder(e: os.DirEntry[str]) -> bool:
    try:
        return e.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _unreachable(path: str) -> Refused | None:
    """Why `path` cannot even be looked at (a folder on the way cannot be searched), or None."""
    try:
        os.stat(path)
    except PermissionError as e:
        return Refused(CANNOT_READ, f"cannot open it: {os_reason(e)} (a folder on the way cannot be searched)")
    except (OSError, ValueError):
        return None
    return None
