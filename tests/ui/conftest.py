"""Headless UI tests: SDL dummy drivers, a temporary data folder, and a pilot that sends real events."""

from __future__ import annotations

import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.core.progress import Store  # noqa: E402


@pytest.fixture(autouse=True)
def attune_home(tmp_path, monkeypatch):
    home = tmp_path / "attune-home"
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    return home


class Pilot:
    """Drives the real app with raw pygame events, one frame after each (no real clock)."""

    def __init__(self, app) -> None:
        self.app = app

    @property
    def scene(self):
        return self.app.top

    def frames(self, n: int = 1, dt: float = 0.1) -> None:
        for _ in range(n):
            self.app.frame(dt)

    def post(self, type_: int, **attrs) -> None:
        pygame.event.post(pygame.event.Event(type_, **attrs))
        self.app.frame(0.05)

    def press(self, key: int, mod: int = 0) -> None:
        self.post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        self.post(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)

    def click_at(self, pos: tuple[int, int]) -> None:
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(1, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=1)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=1)

    def wheel(self, dy: int, pos: tuple[int, int] | None = None) -> None:
        if pos is not None:
            self.post(pygame.MOUSEMOTION, pos=pos, rel=(1, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy))

    def button(self, match):
        """The top scene's button whose label is `match` (or for which match(button) is true)."""
        for b in self.scene.buttons:
            if (b.label == match) if isinstance(match, str) else match(b):
                return b
        labels = [b.label for b in self.scene.buttons]
        raise AssertionError(f"no button {match!r} on {self.scene.name}: {labels}")

    def click(self, match) -> None:
        """Scroll the button into view with the wheel, as a person would, then click it."""
        b = self.button(match)
        col = b.column
        for _ in range(200):
            if col is None or col.view.contains(b.rect):
                break
            self.wheel(1 if b.rect.top < col.view.top else -1, pos=col.view.center)  # wheel up is +1
        assert b.enabled, f"{b.label!r} is disabled"
        self.click_at(b.rect.center)


@pytest.fixture
def make_app(attune_home):
    from game.ui.app import App
    from game.ui.scenes.title import TitleScene

    made = []

    def make(size=(1280, 720), seen_intro=True, **settings):
        store = Store(attune_home)
        store.settings.seen_intro = seen_intro
        for k, v in settings.items():
            setattr(store.settings, k, v)
        store.save_settings()
        app = App(size=size, store=Store(attune_home))
        made.append(app)
        app.push(TitleScene)
        app.frame(0.1)
        return app

    yield make
    pygame.display.quit()


@pytest.fixture
def pilot(make_app):
    return Pilot(make_app())


@pytest.fixture
def drive():
    """Pilot, the class: `p = drive(app)`."""
    return Pilot
