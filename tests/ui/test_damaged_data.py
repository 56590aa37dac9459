"""Each damaged data file, then a real start of the game (headless): it starts, tells the player once, plays on."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pygame
import pytest

from game.core.progress import PROGRESS_FILE, SETTINGS_FILE
from game.paths import SCENARIOS
from game.ui.scenes.title import TitleScene
from tests.core.plays import PLAY

SEEN = {"version": 1, "settings": {"seen_intro": True}, "profile": "Me"}


def _plays(*plays, name="Me") -> str:
    return json.dumps({"version": 1, "profiles": {name: {"plays": list(plays)}}})


DAMAGED = {
    "settings null": ('{"version":1,"settings":null}', None),
    "settings a number": ('{"version":1,"settings":5}', None),
    "settings a string": ('{"version":1,"settings":"big"}', None),
    "settings a list": ('{"version":1,"settings":[1]}', None),
    "settings 5000 digits": ('{"version":1,"settings":{"volume":' + "7" * 5000 + "}}", None),
    "settings nan volume": ('{"version":1,"settings":{"volume":NaN}}', None),
    "settings deep": ("[" * 100_000, None),
    "progress deep": (None, "[" * 100_000),
    "earned 1e400": (None, _plays({**PLAY, "counts": {"earned": 1e400}})),
    "attunement 400 digits": (None, _plays(PLAY).replace("80.0", "9" * 400)),
    "attunement nan": (None, _plays(PLAY).replace("80.0", "NaN")),
    "lone surrogate": (None, _plays({**PLAY, "card": "\ud800", "when": "\udfff"}, name="\ud800")),
    "moves a string": (None, _plays({**PLAY, "moves": "reflect"})),
    "profile 100000 chars": (json.dumps({**SEEN, "profile": "W" * 100_000}), _plays(PLAY, name="W" * 100_000)),
    "escape sequences": (json.dumps({**SEEN, "profile": "\x1b[2J\n\u202e"}), None),
    "not utf-8": ("\xff\xfe".encode("latin-1"), None),
    "a folder": ("folder", None),
}


def _write(path: Path, content) -> None:
    if content == "folder":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", errors="surrogatepass")


@pytest.mark.parametrize("case", list(DAMAGED))
def test_the_game_starts_tells_once_and_shows_progress(attune_home: Path, drive, case):
    from game.ui.app import App

    settings, progress = DAMAGED[case]
    attune_home.mkdir(parents=True, exist_ok=True)
    _write(attune_home / SETTINGS_FILE, settings if settings is not None else json.dumps(SEEN))
    if progress is not None:
        _write(attune_home / PROGRESS_FILE, progress)
    app = App(size=(1024, 600), home=attune_home)
    app.push(TitleScene)
    p = drive(app)
    p.frames(3)
    told = app.stack[0].messages  # the title shows what the store said at start
    assert 1 <= len(told) <= 2 and all(told), told  # one message a damaged file
    for scene in ("Your progress", "Decks and cards", "Settings"):
        while p.scene.name != "title":
            p.press(pygame.K_ESCAPE)
        if getattr(p.scene, "dismiss", None) is not None:
            p.click("Got it")
        p.click(scene)
        p.frames(3)
    assert app.store.save_progress() and app.store.save_settings()
    for name in (SETTINGS_FILE, PROGRESS_FILE):
        json.loads((attune_home / name).read_text(encoding="utf-8"))
    pygame.display.quit()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX names")
def test_a_deck_file_whose_name_is_not_utf8_shows_on_the_decks_screen(attune_home: Path, tmp_path: Path, drive):
    from game.ui.app import App

    folder = tmp_path / "decks"
    folder.mkdir()
    text = (SCENARIOS / "first-steps.yaml").read_text().replace("id: first-steps", "id: odd-name", 1)
    (folder / os.fsdecode(b"odd-\xff\x1b[2J.yaml")).write_text(text)
    (folder / os.fsdecode(b"broken-\xfe.yaml")).write_text("format: 1\n")
    attune_home.mkdir(parents=True, exist_ok=True)
    (attune_home / SETTINGS_FILE).write_text(json.dumps(SEEN))
    app = App(size=(1024, 600), home=attune_home, extra_decks=[str(folder)])
    app.push(TitleScene)
    p = drive(app)
    p.frames(2)
    assert app.library.deck("odd-name") is not None
    p.click("Decks and cards")
    p.frames(3)
    pygame.display.quit()
