"""The player's history and settings, kept in the data folder as JSON.

Two files: `settings.json` (how the game looks and sounds, the current
profile) and `progress.json` (each profile's finished plays). Every write
goes to a temporary file in the same folder, is flushed to disk, then
replaces the old file in one step, so a crash leaves the old file or the new
one, never a broken one. A file that cannot be read is set aside under a new
name with a message for the player, never silently dropped. A read-only data
folder lets the game play on, and says that progress cannot be saved.

Both files carry a version (schema.py). A file from an older release is
copied once to `NAME.vN-backup` and then rewritten in the current form in
place; a file from a newer release is read as far as it can be and never
written, and the player is told.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import atomic_write
from .datafile import Fixes, read_json
from .kinds import LoopState, Mode
from .reader import MAX_DATA_BYTES
from .records import (
    _FIGURE_FIELDS,
    DEFAULT_PROFILE,
    MAX_PROFILE_CHARS,
    TEXT_SIZES,
    PlayRecord,
    Settings,
    _plays_from,
    profile_name,
)
from .schema import SCHEMA, NotAVersion, back_up, migrate, version_of

if TYPE_CHECKING:
    from . import scoring

__all__ = [  # with what callers know from here, though it is kept in records.py and atomic.py
    "DEFAULT_PROFILE",
    "MAX_PROFILE_CHARS",
    "PROGRESS_FILE",
    "SETTINGS_FILE",
    "TEXT_SIZES",
    "PlayRecord",
    "Settings",
    "Store",
    "atomic_write",
]

SETTINGS_FILE = "settings.json"
PROGRESS_FILE = "progress.json"
LEFTOVER_SECONDS = 3600  # a temporary file this old belongs to no save in progress


class Store:
    def __init__(self, home: str | os.PathLike[str] | None = None) -> None:
        if home is None:
            from ..paths import data_home

            home = data_home()
        self.home = Path(home)
        self.messages: list[str] = []
        self.writable = True
        self.kept_as_is: set[str] = set()  # files this session reads but must not write (from a newer release)
        self._outdated: dict[str, int] = {}  # files from an older release, by the version they were written in
        try:
            self.home.mkdir(parents=True, exist_ok=True)
        except OSError:
            self.writable = False
        if self.writable and not os.access(self.home, os.W_OK):
            self.writable = False
        if self.writable:
            self._sweep_leftovers()
        if not self.writable:
            self.messages.append(
                f"Progress cannot be saved: the data folder {self.home} cannot be written to. You can still play."
            )
        raw_settings = self._read(SETTINGS_FILE, "settings")
        fixes = Fixes()
        self.settings = Settings.from_dict(raw_settings.get("settings", {}) if raw_settings else {}, fixes)
        self.profile = (
            profile_name(raw_settings.get("profile", DEFAULT_PROFILE), fixes) if raw_settings else DEFAULT_PROFILE
        )
        self._tell(fixes, "settings")
        self._bring_up_to_date(SETTINGS_FILE)
        raw = self._read(PROGRESS_FILE, "progress")
        self._plays: dict[str, list[PlayRecord]] = {}
        if raw:
            fixes = Fixes()
            self._plays = _plays_from(raw.get("profiles", {}), fixes)
            if fixes.dropped and PROGRESS_FILE not in self._outdated and PROGRESS_FILE not in self.kept_as_is:
                self._copy_aside(PROGRESS_FILE)  # an older file gets its backup before it is rewritten
            self._tell(fixes, "progress")
        self._plays.setdefault(self.profile, [])
        self._bring_up_to_date(PROGRESS_FILE)

    # -- files -----------------------------------------------------------
    def _sweep_leftovers(self) -> None:
        """Remove temporary files a save killed mid-write left behind (never a live save's)."""
        cutoff = time.time() - LEFTOVER_SECONDS
        for name in (SETTINGS_FILE, PROGRESS_FILE):
            for tmp in self.home.glob(f".{name}.*.tmp"):
                with contextlib.suppress(OSError):
                    if tmp.stat().st_mtime < cutoff:
                        tmp.unlink()

    def _tell(self, fixes: Fixes, what: str) -> None:
        """One message for everything that had to be mended in one file."""
        if fixes and f"{what}.json" not in self.kept_as_is:  # a newer release's file: its fields may be new
            self.messages.append(f"Part of your {what} file was damaged ({fixes.words()}); everything else was kept.")

    def _read(self, name: str, what: str) -> dict[str, Any] | None:
        got = read_json(self.home / name, MAX_DATA_BYTES)
        if got.missing:
            return None
        if got.problem is not None:
            self._set_aside(name, what, got.problem)
            return None
        data = got.data
        try:
            version = version_of(data) if isinstance(data, dict) else None
        except NotAVersion:
            version = None
        if version is None:
            self._set_aside(name, what, "it is not in a form this version understands")
            return None
        if version > SCHEMA:
            self.kept_as_is.add(name)
            self.messages.append(
                f"Your {what} file was written by a newer version of Attune, so it is left as it is: this version "
                f"reads what it can and saves nothing to it. Update Attune to keep saving your {what}."
            )
            return data
        if version < SCHEMA:
            data = migrate(what, data)
            self._outdated[name] = version  # rewritten once it has been read whole (_bring_up_to_date)
        return data

    def _bring_up_to_date(self, name: str) -> None:
        """Rewrite a file from an older release in the current form, after a copy of it is kept aside."""
        version = self._outdated.pop(name, None)
        if version is None or not self.writable or not (self.home / name).exists():
            return  # not old, or set aside as unreadable
        if not back_up(self.home / name, version):
            self.kept_as_is.add(name)  # no copy, no rewrite: the old file stays as it was
        elif name == SETTINGS_FILE:
            self.save_settings()
        else:
            self.save_progress()

    def _copy_aside(self, name: str) -> None:
        """Keep a copy of a file as it was before plays that could not be read are left out of it."""
        path = self.home / name
        target = path.with_name(f"{name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        with contextlib.suppress(OSError):
            if not target.exists():
                shutil.copyfile(path, target)

    def _set_aside(self, name: str, what: str, reason: str) -> None:
        path = self.home / name
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = path.with_name(f"{name}.unreadable-{stamp}")
        n = 1
        while target.exists():
            n += 1
            target = path.with_name(f"{name}.unreadable-{stamp}-{n}")
        try:
            os.replace(path, target)
        except OSError:
            self.writable = False
            self.messages.append(
                f"Your {what} file {path} could not be read ({reason}) nor set aside. To keep it safe, "
                "nothing will be saved this session."
            )
            return
        self.messages.append(
            f"Your {what} file could not be read ({reason}), so it was kept as {target.name} in {self.home} "
            f"and a new one was started."
        )

    def _write(self, name: str, payload: dict[str, Any]) -> bool:
        if not self.writable or name in self.kept_as_is:
            return False
        try:
            text = json.dumps(payload, indent=1, ensure_ascii=False, allow_nan=False, default=_unwritable)
            atomic_write(self.home / name, text)
        except (OSError, ValueError) as e:  # ValueError: a value JSON or UTF-8 cannot hold; nothing is replaced
            self.writable = False
            reason = e.strerror if isinstance(e, OSError) and e.strerror else "a value could not be written"
            self.messages.append(f"Progress cannot be saved ({reason}). You can still play.")
            return False
        return True

    # -- settings --------------------------------------------------------
    def save_settings(self) -> bool:
        return self._write(
            SETTINGS_FILE, {"version": SCHEMA, "settings": self.settings.to_json(), "profile": self.profile}
        )

    # -- profiles --------------------------------------------------------
    def profiles(self) -> list[str]:
        """The solo players' profiles (a couple's plays are kept apart, see `couples`)."""
        return sorted(
            n for n, plays in self._plays.items() if not plays or any(p.mode is not Mode.TOGETHER for p in plays)
        )

    def couples(self) -> list[str]:
        """The profiles couples have played together under, most recently played first."""
        together = {
            n: max(p.when for p in plays)
            for n, plays in self._plays.items()
            if plays and all(p.mode is Mode.TOGETHER for p in plays)
        }
        return sorted(together, key=lambda n: together[n], reverse=True)

    def set_profile(self, name: str) -> None:
        name = profile_name(name, Fixes())
        self.profile = name
        self._plays.setdefault(name, [])
        self.save_settings()

    # -- history ---------------------------------------------------------
    def record(
        self,
        summary: Any,
        when: str | None = None,
        *,
        mode: Mode = Mode.SOLO,
        players: tuple[str, ...] = (),
        votes: tuple[tuple[int, ...], ...] = (),
        profile: str | None = None,
        blind: tuple[int, int] = (0, 0),
    ) -> PlayRecord:
        """Append a finished play (a runner Summary) to a profile (the current one by default) and save."""
        f = summary.figures
        rec = PlayRecord(
            card_id=summary.card_id,
            when=when or time.strftime("%Y-%m-%dT%H:%M:%S"),
            ending=summary.ending_state,
            attunement=f.attunement,
            moves=tuple(summary.moves),
            fear_correct=summary.fear_correct,
            counts={k: getattr(f, k) for k in _FIGURE_FIELDS},
            mode=Mode(mode),
            players=tuple(players),
            ratings=tuple(getattr(summary, "ratings", ())),
            votes=tuple(tuple(v) for v in votes),
            blind=blind,
        )
        self._plays.setdefault(profile or self.profile, []).append(rec)
        self.save_progress()
        return rec

    def save_progress(self) -> bool:
        payload = {
            "version": SCHEMA,
            "profiles": {name: {"plays": [p.to_json() for p in plays]} for name, plays in self._plays.items()},
        }
        return self._write(PROGRESS_FILE, payload)

    def history(self, profile: str | None = None) -> list[PlayRecord]:
        return list(self._plays.get(profile or self.profile, []))

    def played(self, card_id: str) -> bool:
        return any(p.card_id == card_id for p in self.history())

    def best_ending(self, card_id: str) -> LoopState | None:
        order = {LoopState.SOFTENED: 0, LoopState.STUCK: 1, LoopState.ESCALATED: 2}
        endings = [p.ending for p in self.history() if p.card_id == card_id]
        return min(endings, key=order.__getitem__) if endings else None

    def totals(self, profile: str | None = None) -> scoring.Figures:
        from . import scoring  # the rules load when figures are asked for, not at every start

        plays = self.history(profile)
        c = {k: sum(int(p.counts.get(k, 0)) for p in plays) for k in _FIGURE_FIELDS}
        asked = sum(1 for p in plays if p.fear_correct is not None)
        named = sum(1 for p in plays if p.fear_correct)
        return scoring.Figures(
            attunement=scoring.attunement(c["earned"], c["best_available"], c["worst_available"]) if plays else 0.0,
            fear_named=named,
            fear_asked=asked,
            **c,
        )

    def move_counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for p in self.history():
            for m in p.moves:
                out[m] = out.get(m, 0) + 1
        return out

    def delete_all(self) -> bool:
        """Forget every play (alone and together), setting and workshop record, here and on disk."""
        self._plays = {DEFAULT_PROFILE: []}
        self.profile = DEFAULT_PROFILE
        self.settings = Settings()
        ok = True
        backups = [p.name for n in (PROGRESS_FILE, SETTINGS_FILE) for p in self.home.glob(f"{n}.v*-backup")]
        self.kept_as_is.clear()
        workshop = [p.name for p in self.home.glob("workshop.json*")]  # a room's session in progress, set aside ones
        for name in (PROGRESS_FILE, SETTINGS_FILE, *backups, *workshop):
            try:
                (self.home / name).unlink()
            except FileNotFoundError:
                pass
            except OSError:
                ok = False
        reports = self.home / "workshops"  # workshop reports and saved playlists
        if reports.is_dir():
            shutil.rmtree(reports, onerror=lambda *_: None)
            ok = ok and not reports.exists()
        return ok


def _unwritable(value: Any) -> None:
    """A value read from a damaged file that no field can hold (datafile.BAD) is written as null."""
    return None
