"""A workshop in progress, kept in the data folder after every step, and found again after a crash.

    save(home, workshop)                     # atomically, after each step
    workshop, message = resume(home, find)   # (None, None) when nothing is saved
    discard(home)                            # once the session is over and exported

A saved file that cannot be restored is set aside under a new name, with a
message that says where, never silently dropped.
"""

from __future__ import annotations

import contextlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from .atomic import atomic_write
from .model import Card
from .workshop import Workshop, WorkshopError

SAVE_FILE = "workshop.json"
MAX_BYTES = 4 * 1024 * 1024  # a long session's votes come to a few hundred kilobytes
MAX_DEPTH = 20


def path_in(home: str | os.PathLike[str]) -> Path:
    return Path(home) / SAVE_FILE


def save(home: str | os.PathLike[str], workshop: Workshop) -> str | None:
    """Keep the workshop as it stands; a message when the data folder cannot be written."""
    try:
        Path(home).mkdir(parents=True, exist_ok=True)
        atomic_write(path_in(home), json.dumps({"version": 1, "workshop": workshop.to_dict()}))
    except OSError as e:
        return f"The workshop cannot be saved ({e.strerror or e}); it goes on, but a crash would lose it."
    return None


def exists(home: str | os.PathLike[str]) -> bool:
    return path_in(home).is_file()


def discard(home: str | os.PathLike[str]) -> None:
    with contextlib.suppress(OSError):
        path_in(home).unlink()


def _depth(value: object, limit: int = MAX_DEPTH) -> bool:
    """True when JSON text nests no deeper than `limit` (checked on the text, before parsing)."""
    depth = 0
    in_string = escaped = False
    for ch in value if isinstance(value, str) else "":
        if in_string:
            escaped = not escaped and ch == "\\"
            if ch == '"' and not escaped:
                in_string = False
            continue
        if ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def resume(home: str | os.PathLike[str], find: Callable[[str], Card | None]) -> tuple[Workshop | None, str | None]:
    """The saved workshop, or (None, a message) when it cannot be restored; (None, None) when none is saved."""
    path = path_in(home)
    if not path.is_file():
        return None, None
    try:
        if path.stat().st_size > MAX_BYTES:
            raise WorkshopError("it is far larger than a workshop's save")
        text = path.read_text(encoding="utf-8")
        if not _depth(text):
            raise WorkshopError("it nests deeper than a workshop's save")
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != 1:
            raise WorkshopError("it is not in a form this version understands")
        return Workshop.from_dict(data.get("workshop"), find), None
    except (OSError, UnicodeDecodeError, ValueError, WorkshopError, RecursionError) as e:
        reason = str(e) if isinstance(e, WorkshopError) else "it is damaged"
        target = path.with_name(f"{SAVE_FILE}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, target)
        except OSError:
            return None, f"The saved workshop could not be restored ({reason}) and was left where it is."
        return None, f"The saved workshop could not be restored ({reason}); it was kept as {target.name}."
