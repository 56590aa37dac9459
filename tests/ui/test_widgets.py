"""Widgets on their own: meters."""

from __future__ import annotations

import pygame

from game.ui.theme import Theme
from game.ui.widgets import FIT, draw_meter, meter_height


def test_a_meter_leaves_room_for_guide_names_only_when_it_has_guides():
    pygame.font.init()
    t = Theme.build((1280, 720))
    guides = [(0.4, "fair 40%"), (0.5, "good 50%")]
    plain = meter_height(t, 500, "Attunement", "A note.", "72%")
    guided = meter_height(t, 500, "Attunement", "A note.", "72%", guides=guides)
    assert plain < guided
    assert meter_height(t, 500, "Attunement", "A note.", "72%", guide_line=True) == guided
    surface = pygame.Surface((600, 400))
    FIT.start()
    try:
        draw_meter(surface, pygame.Rect(10, 10, 500, plain), t, "Attunement", 0.72, "72%", note="A note.")
        draw_meter(surface, pygame.Rect(10, 200, 500, guided), t, "Named", 0.5, "50%", guides, note="A note.")
    finally:
        FIT.stop()
    assert not FIT.overflows, FIT.overflows
    notes = [r for r in FIT.records if r.text == "A note."]
    assert [r.box[1] + r.box[3] for r in notes] == [10 + plain, 200 + guided], "each note ends at its meter's foot"
