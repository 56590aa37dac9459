"""Versions of the data files, and how a file from an older release is brought up to date.

`progress.json` and `settings.json` each carry `"version"`. The first release
wrote version 1 (plays without mode, players, ratings or votes, and counts
without `worst_available`); a file with no version at all is read as that
first shape. `migrate(kind, data)` turns any older version into the current
one, step by step, without losing a field it does not know. A file from a
newer release is never migrated nor written: the game reads what it can and
leaves the file as it is.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .atomic import atomic_write
from .reader import MAX_DATA_BYTES, Refused, read_bytes

SCHEMA = 2  # the version this release writes, for both files
FIRST_VERSION = 1  # what a file without a version is taken to be


class NotAVersion(ValueError):
    """The file's version is not a whole number from 1 up."""


def version_of(data: dict[str, Any]) -> int:
    v = data.get("version", FIRST_VERSION)
    if isinstance(v, bool) or not isinstance(v, int) or v < FIRST_VERSION:
        raise NotAVersion(repr(v)[:40])
    return v


def _progress_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    """Every play gains a mode (solo: the first release had no other), and empty players, ratings and votes."""
    profiles = data.get("profiles")
    if isinstance(profiles, dict):
        for prof in profiles.values():
            plays = prof.get("plays") if isinstance(prof, dict) else None
            for play in plays if isinstance(plays, list) else []:
                if isinstance(play, dict):
                    play.setdefault("mode", "solo")
                    play.setdefault("players", [])
                    play.setdefault("ratings", [])
                    play.setdefault("votes", [])
    return data


def _settings_1_to_2(data: dict[str, Any]) -> dict[str, Any]:
    return data  # the same fields; only the version moves on


STEPS: dict[str, dict[int, Callable[[dict[str, Any]], dict[str, Any]]]] = {
    "progress": {1: _progress_1_to_2},
    "settings": {1: _settings_1_to_2},
}


def migrate(kind: str, data: dict[str, Any]) -> dict[str, Any]:
    """`data` (a file's contents, not changed) brought up to SCHEMA; raises NotAVersion for a bad version."""
    version = version_of(data)
    out = copy.deepcopy(data)
    while version < SCHEMA:
        out = STEPS[kind][version](out)
        version += 1
    out["version"] = SCHEMA
    return out


def backup_path(path: Path, version: int) -> Path:
    return path.with_name(f"{path.name}.v{version}-backup")


def back_up(path: Path, version: int) -> bool:
    """Copy a file from an older release aside, once (an earlier copy is kept); False when it cannot be."""
    backup = backup_path(path, version)
    if backup.exists():
        return True
    raw = read_bytes(path, MAX_DATA_BYTES)  # through the guarded reader, as every file the game reads
    if isinstance(raw, Refused):
        return False
    try:
        atomic_write(backup, raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return False
    return True
