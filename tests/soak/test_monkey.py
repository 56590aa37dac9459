"""A monkey at the real app, headless: random keys, clicks, wheel turns, typing and resizes.

Every action goes through pygame's own event queue into `App.frame`, as a
player's input would. The seed is fixed, so a failure can be replayed: the
message names the action number and the last actions taken. After every
action the app must be on a valid screen: a scene on top that the game knows,
laid out for the window it has, with its focus on one of its own buttons.
When the monkey finds Quit, the game is opened again on the same data folder,
as a player would, and the monkey carries on.
"""

from __future__ import annotations

import os
import random
from collections import Counter, deque
from pathlib import Path

import pytest

from .conftest import count

pytestmark = pytest.mark.soak

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

import pygame  # noqa: E402

SEED = int(os.environ.get("ATTUNE_MONKEY_SEED", "20261125"))  # another seed, another walk
SIZES = [(640, 480), (800, 600), (1024, 768), (1280, 720), (1366, 768), (1920, 1080), (2560, 1440), (720, 1280)]


def _keys() -> list[tuple[int, int]]:
    """(key, weight): the game's keys often, and some it does not use."""
    k = pygame
    common = [k.K_1, k.K_2, k.K_3, k.K_4, k.K_RETURN, k.K_SPACE, k.K_TAB, k.K_UP, k.K_DOWN, k.K_LEFT, k.K_RIGHT]
    some = [k.K_5, k.K_6, k.K_KP1, k.K_KP_ENTER, k.K_ESCAPE, k.K_p, k.K_PAGEUP, k.K_PAGEDOWN, k.K_HOME, k.K_END]
    rare = [k.K_BACKSPACE, k.K_DELETE, k.K_a, k.K_z, k.K_7, k.K_0, k.K_F1, k.K_F5, k.K_LSHIFT, k.K_INSERT]
    return [(key, 8) for key in common] + [(key, 3) for key in some] + [(key, 1) for key in rare]


class Monkey:
    def __init__(self, home: Path, rng: random.Random) -> None:
        self.home = home
        self.rng = rng
        self.keys, self.key_weights = zip(*_keys(), strict=True)
        self.app = None
        self.opened = 0
        self.recent: deque[str] = deque(maxlen=12)
        self.seen: Counter[str] = Counter()
        self.open()

    def open(self) -> None:
        from game.ui.app import App
        from game.ui.scenes.title import TitleScene

        if self.app is not None:
            pygame.display.quit()
        size = self.rng.choice(SIZES)
        self.app = App(size=size, home=self.home)
        self.app.push(TitleScene)
        self.app.frame(0.05)
        self.opened += 1

    # -- actions -----------------------------------------------------------
    def post(self, type_: int, **attrs) -> None:
        pygame.event.post(pygame.event.Event(type_, **attrs))

    def frame(self) -> None:
        self.app.frame(self.rng.choice((0.0, 1 / 60, 1 / 60, 0.05, 0.25, 1.0)))

    def key(self) -> str:
        key = self.rng.choices(self.keys, self.key_weights)[0]
        mod = pygame.KMOD_LSHIFT if self.rng.random() < 0.1 else 0
        self.post(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0)
        if self.rng.random() < 0.5:
            self.frame()
        self.post(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0)
        return f"key {pygame.key.name(key)}{' +shift' if mod else ''}"

    def click(self) -> str:
        w, h = self.app.size
        buttons = [b for b in getattr(self.app.top, "buttons", []) if b.enabled]
        if buttons and self.rng.random() < 0.7:
            r = self.rng.choice(buttons).rect
            pos = (
                self.rng.randint(r.left, max(r.left, r.right - 1)),
                self.rng.randint(r.top, max(r.top, r.bottom - 1)),
            )
        else:
            pos = (self.rng.randrange(w), self.rng.randrange(h))
        button = self.rng.choices((1, 3, 2), (12, 2, 1))[0]
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(1, 0), buttons=(0, 0, 0))
        if self.rng.random() < 0.5:
            self.frame()
        self.post(pygame.MOUSEBUTTONDOWN, pos=pos, button=button)
        self.post(pygame.MOUSEBUTTONUP, pos=pos, button=button)
        return f"click {button} at {pos}"

    def motion(self) -> str:
        w, h = self.app.size
        pos = (self.rng.randrange(w), self.rng.randrange(h))
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(1, 1), buttons=(0, 0, 0))
        return f"move to {pos}"

    def wheel(self) -> str:
        w, h = self.app.size
        pos = (self.rng.randrange(w), self.rng.randrange(h))
        dy = self.rng.choice((-3, -1, -1, 1, 1, 3, 10, -10))
        self.post(pygame.MOUSEMOTION, pos=pos, rel=(1, 0), buttons=(0, 0, 0))
        self.post(pygame.MOUSEWHEEL, x=0, y=dy, flipped=False, precise_x=0.0, precise_y=float(dy))
        return f"wheel {dy} at {pos}"

    def resize(self) -> str:
        if self.rng.random() < 0.7:
            size = self.rng.choice(SIZES)
        else:
            size = (self.rng.randint(640, 2600), self.rng.randint(480, 1500))
        # what SDL does when a person drags the window's edge: a new surface, then the events
        pygame.display.set_mode(size, pygame.RESIZABLE)
        self.post(pygame.VIDEORESIZE, size=size, w=size[0], h=size[1])
        self.post(pygame.WINDOWSIZECHANGED, x=size[0], y=size[1])
        return f"resize to {size}"

    def typing(self) -> str:
        text = "".join(self.rng.choice("abcXYZ 019-_'\"éß€ 🙂\t") for _ in range(self.rng.randint(1, 12)))
        self.post(pygame.TEXTINPUT, text=text)
        return f"type {text!r}"

    def focus(self) -> str:
        kind = self.rng.choice(
            (pygame.WINDOWFOCUSLOST, pygame.WINDOWFOCUSGAINED, pygame.WINDOWLEAVE, pygame.WINDOWENTER)
        )
        self.post(kind)
        return f"window event {pygame.event.event_name(kind)}"

    def act(self) -> str:
        action = self.rng.choices(
            (self.key, self.click, self.motion, self.wheel, self.resize, self.typing, self.focus),
            (40, 30, 8, 10, 4, 5, 3),
        )[0]
        done = action()
        self.frame()
        return done

    # -- checks ------------------------------------------------------------
    def check(self, i: int) -> None:
        from game.ui.scenes.base import Scene

        app = self.app
        where = f"after action {i}; last actions: {list(self.recent)}"
        assert app.stack, "no screen at all " + where
        top = app.top
        assert isinstance(top, Scene) and top.name, "the top is not a scene " + where
        assert isinstance(top.name, str) and top.name.strip(), f"{top.name!r} " + where
        surface = pygame.display.get_surface()
        assert surface is not None and surface.get_size() == app.size, "window and app disagree " + where
        assert app.screen.get_size() == surface.get_size(), "the app draws on a stale surface " + where
        if top.buttons:
            assert 0 <= top.focus < len(top.buttons), f"focus {top.focus} of {len(top.buttons)} " + where
        self.seen[top.name] += 1


def test_monkey_at_the_real_app(tmp_path: Path, monkeypatch):
    home = tmp_path / "home"
    monkeypatch.setenv("ATTUNE_HOME", str(home))
    actions = count(8000, 20_000)
    rng = random.Random(SEED)
    random.seed(SEED)  # the game's own draws (a new play's shuffle seed) too, so a run can be replayed
    monkey = Monkey(home, rng)
    kinds: Counter[str] = Counter()
    try:
        for i in range(actions):
            try:
                done = monkey.act()
            except Exception as e:  # name where, so the run can be replayed from the seed
                raise AssertionError(f"action {i} raised {e!r}; last actions: {list(monkey.recent)}") from e
            monkey.recent.append(done)
            kinds[done.split()[0]] += 1
            if not monkey.app.running:  # the monkey found Quit: open the game again, as a player would
                monkey.open()
                continue
            monkey.check(i)
    finally:
        pygame.display.quit()
    print(f"\nmonkey: {actions} actions {dict(kinds)}; screens {dict(monkey.seen)}; opened {monkey.opened} times")
    # it went deep enough to count: past the title, into a card
    assert {"title", "play"} <= set(monkey.seen), dict(monkey.seen)
    from game.core.progress import Store

    assert Store(home).messages == [], "the monkey's saves load cleanly"
