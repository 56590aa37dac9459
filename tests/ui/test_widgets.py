"""Widgets on their own: meters, prose."""

from __future__ import annotations

import pygame
import pytest

from game.ui.theme import Theme
from game.ui.widgets import FIT, draw_meter, meter_height
from game.ui.widgets.prose import Custom, Framed, Heading, Para, Prose


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


def test_prose_lays_blocks_one_under_another_and_draws_only_what_shows():
    pygame.font.init()
    t = Theme.build((1280, 720))
    painted = []
    doc = Prose(
        [
            Heading("First", gap_after=1.0),
            Framed([Para("Inside a panel", colour="good")], fill="panel", edge=(200, 100, 50), pad=1.3, shadow=False),
            Custom(lambda width: width // 10, lambda surface, rect: painted.append(rect), gap_after=0),
            Para("Last", dim=True),
        ]
    )
    height = doc.layout(t, 400)
    surface = pygame.Surface((600, 2000))
    FIT.start()
    try:
        doc.draw(surface, t, (10, 20))
        drawn = [r.text for r in FIT.records]
        FIT.records.clear()
        doc.draw(surface, t, (10, 20), view=pygame.Rect(0, 0, 600, 30))
        shown = [r.text for r in FIT.records]
    finally:
        FIT.stop()
    assert drawn == ["First", "Inside a panel", "Last"] and not FIT.overflows
    assert shown == ["First"], "blocks outside the view are not drawn"
    assert painted[0].width == 400 and painted[0].height == 40
    last = t.font("body").get_height()
    assert painted[0].bottom - 20 + t.space(0) + last == height, "the last block ends the page, with no gap after it"


def test_in_high_contrast_a_primary_button_never_looks_like_the_focus_ring():
    from game.ui.widgets import Button

    theme = Theme.build((1280, 720), 1, True, False)
    c = theme.colour
    assert c.focus == c.accent  # the reason: one yellow for both
    surface = pygame.Surface((600, 300))
    surface.fill(c.bg_top)
    play = Button("Play", "play", style="primary")
    play.place(pygame.Rect(100, 40, 300, 60))
    play.draw(surface, theme, focused=False)
    inner = (play.box.x + theme.line_width + 4, play.box.centery)
    assert tuple(surface.get_at(inner))[:3] == c.accent  # a solid yellow block, not a yellow outline
    other = Button("Decks", "decks")
    other.place(pygame.Rect(100, 160, 300, 60))
    other.draw(surface, theme, focused=True)
    x = other.box.centerx
    off = [tuple(surface.get_at((x, other.box.top - d)))[:3] for d in range(1, theme.ring + 2)]
    assert all(p == c.bg_top for p in off)  # the ring stands off the button across a dark band
    assert c.focus in [
        tuple(surface.get_at((x, other.box.top - d)))[:3] for d in range(theme.ring + 2, 3 * theme.ring + 4)
    ]


def _luminance(rgb) -> float:
    def channel(v: int) -> float:
        v = v / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("high_contrast", [False, True])
@pytest.mark.parametrize("style", ["primary", "normal", "quiet", "choice"])
def test_a_disabled_button_of_any_style_reads_and_does_not_look_like_the_main_action(style, high_contrast):
    """'Start with 0 cards' was dim words on the accent: unreadable, and still the colour of the main action."""
    from game.ui.widgets import Button

    pygame.font.init()
    theme = Theme.build((1280, 720), high_contrast=high_contrast)
    surface = pygame.Surface((400, 120))
    button = Button("Start with 0 cards", "start", style=style, enabled=False)
    button.place(pygame.Rect(10, 10, 380, 100))
    button.draw(surface, theme)
    fill = surface.get_at((20, 60))[:3]
    assert fill != theme.colour.accent
    lum = sorted((_luminance(fill), _luminance(theme.colour.text_dim)), reverse=True)
    assert (lum[0] + 0.05) / (lum[1] + 0.05) >= 3.0  # WCAG's floor for large text, at the least
