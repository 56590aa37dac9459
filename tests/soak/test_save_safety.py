"""Save safety: killed mid-save, the files are the old or the new ones; bad files are set aside and said.

- A writer process (save_writer.py) is killed with SIGKILL at random moments
  while it saves, many times over; after every kill progress.json and
  settings.json are whole, hold every play saved before, and load without a
  word of complaint.
- A corrupt, empty or unreadable file is set aside under a new name with its
  bytes kept, the player is told on the title, and a fresh file is started.
- A read-only data folder lets the game play, and the title says progress
  cannot be saved.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from game.core.progress import PROGRESS_FILE, SETTINGS_FILE, Store
from game.core.schema import SCHEMA

from .conftest import count

pytestmark = pytest.mark.soak

ROOT = Path(__file__).resolve().parents[2]


def _plays_in(home: Path) -> list[str]:
    data = json.loads((home / PROGRESS_FILE).read_text(encoding="utf-8"))
    assert data["version"] == SCHEMA
    return [p["when"] for p in data["profiles"]["Me"]["plays"]]


def _writer(home: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-m", "tests.soak.save_writer", str(home)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_killed_while_saving_the_files_are_old_or_new(tmp_path: Path):
    home = tmp_path / "home"
    rng = random.Random(20261125)
    kills = count(100, 400)
    saved = 0  # plays the writer said were saved before its last kill
    mid_write = 0  # kills that left a half-written temporary file behind
    for k in range(kills):
        proc = _writer(home)
        first = proc.stdout.readline()
        assert first.startswith("STARTED "), first + proc.stderr.read()
        # the writer starts from exactly what was found on disk after the last kill (it is saving again already,
        # so the file itself is not read here)
        assert int(first.split()[1]) == saved, (first, saved)
        time.sleep(rng.uniform(0.0, 0.06))  # a random moment: mostly mid-save, as saves follow each other
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        # read through the same text stream as `readline` above: it may already hold later lines in its
        # buffer, which `communicate()` (reading the pipe itself) would never see
        out = proc.stdout.read()
        proc.stdout.close()
        proc.stderr.close()
        reported = [int(line.split()[1]) for line in out.splitlines() if line.startswith("SAVED ")]
        if reported:
            saved = reported[-1]
        leftovers = list(home.glob(f".{PROGRESS_FILE}.*.tmp")) + list(home.glob(f".{SETTINGS_FILE}.*.tmp"))
        mid_write += bool(leftovers)
        for f in leftovers:  # keep the folder small; the game never reads these
            f.unlink()
        if not (home / PROGRESS_FILE).exists():
            assert saved == 0, f"kill {k}: progress.json vanished after {saved} saves"
            continue
        plays = _plays_in(home)  # whole JSON, or this raises
        # the old file or the new one: every play said saved, and at most the one being saved
        assert len(plays) in (saved, saved + 1), f"kill {k}: {len(plays)} plays, {saved} said saved"
        assert plays == [f"soak-{i}" for i in range(len(plays))]
        saved = len(plays)
        settings = (
            json.loads((home / SETTINGS_FILE).read_text(encoding="utf-8")) if (home / SETTINGS_FILE).exists() else None
        )
        assert settings is None or settings["version"] == SCHEMA
        store = Store(home)
        assert store.messages == [] and store.writable
        assert not list(home.glob("*.unreadable-*"))
    assert saved > 0, "the writer never got a save done"
    assert mid_write > 0, "no kill landed in the middle of a save: the test did not test"


# -- bad files ------------------------------------------------------------------

BAD_FILES = {
    "garbage": b"\x00\xff{{{ not json",
    "truncated": b'{"version": 1, "profiles": {"Me": {"plays": [{"card": "a/b", "wh',
    "empty": b"",
    "blank": b"  \n\t\n",
    "not-utf8": b'{"version": 1, "profiles": {"M\xe9": {}}}',
    "wrong-version": b'{"version": 0, "profiles": {}}',  # no release wrote it (a newer one is kept, see test_schema)
    "a-list": b"[1, 2, 3]",
}


@pytest.mark.parametrize(
    ("which", "name"),
    [(PROGRESS_FILE, n) for n in BAD_FILES] + [(SETTINGS_FILE, n) for n in BAD_FILES],
)
def test_a_bad_file_is_set_aside_kept_and_said(tmp_path: Path, name: str, which: str):
    home = tmp_path / "home"
    home.mkdir()
    raw = BAD_FILES[name]
    (home / which).write_bytes(raw)
    store = Store(home)
    aside = list(home.glob(f"{which}.unreadable-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == raw, "the bad file is kept, byte for byte"
    assert len(store.messages) == 1 and aside[0].name in store.messages[0]
    assert store.writable
    assert store.save_settings() and store.save_progress()
    again = Store(home)
    assert again.messages == [] and again.history() == store.history()
    _title_says(home, store, aside[0].name)


def test_a_damaged_play_in_an_old_file_is_dropped_and_said_and_the_original_kept(tmp_path: Path):
    home = tmp_path / "home"
    home.mkdir()
    raw = b'{"version": 1, "profiles": {"Me": {"plays": [{"card": "x"}]}}}'
    (home / PROGRESS_FILE).write_bytes(raw)
    store = Store(home)
    (kept,) = home.glob(f"{PROGRESS_FILE}.v1-backup")
    assert kept.read_bytes() == raw, "the original is kept, byte for byte"
    assert len(store.messages) == 1 and "damaged" in store.messages[0]
    assert store.writable and store.save_progress()
    again = Store(home)
    assert again.messages == [] and again.history() == store.history() == []


def test_an_unreadable_file_is_set_aside_and_said(tmp_path: Path):
    home = tmp_path / "home"
    (home / PROGRESS_FILE).mkdir(parents=True)  # a folder where the file should be: reading it fails
    (home / PROGRESS_FILE / "inside").write_text("kept")
    store = Store(home)
    aside = list(home.glob(f"{PROGRESS_FILE}.unreadable-*"))
    assert len(aside) == 1 and (aside[0] / "inside").read_text() == "kept"
    assert len(store.messages) == 1 and "could not be read" in store.messages[0]
    assert store.save_progress() and Store(home).messages == []


def _title_says(home: Path, store: Store, words: str) -> None:
    """The title, the first screen, shows the store's message until the player dismisses it."""
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    store.settings.seen_intro = True
    app = App(size=(1024, 700), store=store, home=home)
    try:
        app.push(TitleScene)
        app.frame(0.05)
        assert app.top.name == "title"
        assert any(words in m for m in app.top.messages), app.top.messages
    finally:
        import pygame

        pygame.display.quit()


# -- a read-only data folder -----------------------------------------------------------


def _make_read_only(folder: Path) -> None:
    """Read-only for real: by permissions, or for root (whom permissions do not stop) by the immutable flag."""
    paths = [*folder.iterdir(), folder]
    if os.geteuid() != 0:
        for p in paths:
            p.chmod(0o444 if p.is_file() else 0o555)
        return
    chattr = shutil.which("chattr")
    if chattr is None or subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True).returncode != 0:
        pytest.skip("running as root where the immutable flag cannot be set: no way to make a folder read-only")


def _make_writable(folder: Path) -> None:
    paths = [*folder.iterdir(), folder]
    if os.geteuid() == 0 and shutil.which("chattr"):
        subprocess.run([shutil.which("chattr"), "-i", *map(str, paths)], capture_output=True)
    for p in paths:
        p.chmod(0o644 if p.is_file() else 0o755)


def test_a_read_only_folder_lets_the_game_play_and_says_so(tmp_path: Path):
    home = Path(tempfile.mkdtemp(prefix="attune-ro-", dir=tmp_path))
    first = Store(home)
    first.settings.seen_intro = True
    first.save_settings()
    summary = _a_summary()
    first.record(summary, when="before")
    before = {p.name: p.read_bytes() for p in home.iterdir()}
    _make_read_only(home)
    try:
        with pytest.raises(OSError):
            (home / "probe").write_text("x")  # the folder really is read-only
        store = Store(home)
        assert not store.writable
        assert any("cannot be saved" in m for m in store.messages)
        assert [p.when for p in store.history()] == ["before"], "the old progress still shows"
        _play_a_card_through_the_ui(home, store)
        assert {p.name: p.read_bytes() for p in home.iterdir()} == before, "nothing on disk changed"
    finally:
        _make_writable(home)


def _a_summary():
    from .save_writer import a_summary

    return a_summary()


def _play_a_card_through_the_ui(home: Path, store: Store) -> None:
    import pygame

    from game.ui.app import App
    from game.ui.scenes.solo import play_card
    from game.ui.scenes.title import TitleScene

    app = App(size=(1280, 720), store=store, home=home)
    try:
        app.push(TitleScene)
        app.frame(0.05)
        assert any("cannot be saved" in m for m in app.top.messages)
        card = next(app.library.cards())
        play_card(app, card, seed=3)
        plays_before = len(store.history())
        for _ in range(400):  # answer with the first option and confirm what follows, until the play is recorded
            if len(store.history()) > plays_before:
                break
            for key in (pygame.K_1, pygame.K_RETURN):
                pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode="", scancode=0))
                app.frame(1.0)
        assert len(store.history()) == plays_before + 1, "the play counts for this session"
        assert app.running and app.top is not None
    finally:
        pygame.display.quit()
