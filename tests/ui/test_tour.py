"""The screenshot tour at the three sizes the game must read well at: no text leaves its box."""

from __future__ import annotations

import pytest

from game.ui.shots import SHOTS, run_tour

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_tour_keeps_every_text_in_its_box(tmp_path, size, capsys):
    assert run_tour(tmp_path, size) == 0, capsys.readouterr().out
    made = {p.stem for p in tmp_path.glob("*.png")}
    assert set(SHOTS) <= made


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_tour_at_the_largest_text_and_high_contrast(tmp_path, size, capsys):
    assert run_tour(tmp_path, size, text_size=3, high_contrast=True) == 0, capsys.readouterr().out


def test_the_fit_check_catches_text_leaving_its_box():
    import pygame

    from game.ui.theme import Theme
    from game.ui.widgets import FIT, draw_text

    pygame.font.init()
    surface = pygame.Surface((400, 300))
    font = Theme.build((1280, 720)).font("body")
    FIT.start()
    try:
        draw_text(surface, "A long line of words " * 10, font, (255, 255, 255), pygame.Rect(10, 10, 200, 30))
        draw_text(surface, "fits", font, (255, 255, 255), pygame.Rect(10, 100, 200, 60))
        draw_text(surface, "off the edge", font, (255, 255, 255), pygame.Rect(350, 100, 200, 60))
    finally:
        FIT.stop()
    problems = [r.problem for r in FIT.overflows]
    assert problems == ["too tall", "outside the window"]
