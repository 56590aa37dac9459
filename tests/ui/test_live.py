"""Partial frames: while only the loop view and the portrait move, a frame redraws just them,
and the screen is the same, pixel for pixel, as if everything had been drawn."""

import pygame
import pytest

from game.core.loader import load_library
from game.paths import SCENARIOS
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.solo import play_card


def _full(app) -> pygame.Surface:
    app.redraw_all = True
    app.draw()
    assert app.dirty is None
    return app.screen.copy()


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (800, 900)])
def test_a_partial_frame_shows_what_a_full_frame_would(make_app, size):
    app = make_app(size=size)
    app.partial_frames = True
    card = next(load_library([SCENARIOS]).cards())
    play_card(app, card, seed=1)
    view = app.top.view
    app.frame(0.0)  # a full frame: the stack changed
    assert app.dirty is None
    for target in (9.5, 2.0, 6.0):  # through every state, flooding included
        view.set(target)
        for _ in range(12):
            app.frame(1 / 20)
            assert app.dirty is not None and app.dirty, "only the moving parts should be drawn"
            partial = app.screen.copy()
            assert pygame.image.tobytes(partial, "RGB") == pygame.image.tobytes(_full(app), "RGB")


def test_input_an_overlay_or_a_notice_brings_back_full_frames(make_app):
    app = make_app()
    app.partial_frames = True
    app.frame(0.1)
    app.frame(0.1)
    assert app.dirty is not None  # the title: only its loop view is redrawn
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 5), rel=(1, 0), buttons=(0, 0, 0)))
    app.frame(0.1)
    assert app.dirty is None
    app.notify("Saved.")
    app.frame(0.1)
    app.frame(0.1)
    assert app.dirty is None  # a notice lies over the screen while it shows
    app.toasts.clear()
    app.frame(0.1)
    app.push(SettingsScene)
    app.frame(0.1)
    app.frame(0.1)
    assert app.dirty is None  # settings has no moving parts


def test_tests_and_the_tour_draw_every_frame_whole(make_app):
    app = make_app()
    for _ in range(3):
        app.frame(0.1)
        assert app.dirty is None
