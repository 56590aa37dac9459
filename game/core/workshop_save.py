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
from .datafile import read_json
from .model import Card
from .workshop import Workshop, WorkshopError

SAVE_FILE = "workshop.json"
MAX_BYTES = 4 * 1024 * 1024  # a long session's votes come to a few hundred kilobytes


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


def resume(home: str | os.PathLike[str], find: Callable[[str], Card | None]) -> tuple[Workshop | None, str | None]:
    """The saved workshop, or (None, a message) when it cannot be restored; (None, None) when none is saved.

    The file is read like every data file (datafile.read_json: the guarded reader, a size cap, a
    depth limit, no NaN or huge numbers), then rebuilt step by step by Workshop.from_dict.
    """
    path = path_in(home)
    got = read_json(path, MAX_BYTES)
    if got.missing:
        return None, None
    try:
        if got.problem is not None:
            raise WorkshopError(got.problem)
        data = got.data
        if not isinstance(data, dict) or data.get("version") != 1:
            raise WorkshopError("it is not in a form this version understands")
        return Workshop.from_dict(data.get("workshop"), find), None
    except WorkshopError as e:
        target = path.with_name(f"{SAVE_FILE}.unreadable-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(path, target)
        except OSError:
            return None, f"The saved workshop could not be restored ({e}) and was left where it is."
        return None, f"The saved workshop could not be restored ({e}); it was kept as {target.name}."
