"""Care notes on the pause screen and in the debrief; what attunement means; controlling behaviour on About."""

from __future__ import annotations

import dataclasses

import pygame

from game.core import scoring
from game.core.safety import CARE_POINTER
from game.ui.scenes.solo import play_card
from game.ui.widgets import FIT

CARE = "If someone you love talks of being a burden, ask them gently how low it gets, and don't carry it alone."


def drawn(pilot, scene: str) -> str:
    FIT.start()
    pilot.frames(1)
    FIT.stop()
    return " ".join(r.text for r in FIT.records if r.scene == scene)


def read_all(pilot, scene) -> str:
    seen = drawn(pilot, scene.name)
    while scene.column.offset < scene.column.max_offset:
        pilot.press(pygame.K_PAGEDOWN)
        seen += " " + drawn(pilot, scene.name)
    return seen


def start(p, care: str | None):
    card = next(iter(p.app.library.cards()))
    card = dataclasses.replace(card, care=care)
    play_card(p.app, card, seed=1)
    p.frames(1)
    return card


def test_the_pause_screen_shows_the_care_note(make_app, drive):
    p = drive(make_app())
    start(p, CARE)
    p.press(pygame.K_p)
    assert p.scene.name == "pause"
    text = drawn(p, "pause")
    assert CARE in text and CARE_POINTER in text


def test_no_care_note_no_pointer(make_app, drive):
    p = drive(make_app())
    start(p, None)
    p.press(pygame.K_p)
    assert CARE_POINTER not in drawn(p, "pause")


def _play_to_debrief(p) -> None:
    while p.scene.name == "play":
        if p.scene.phase == "choose":
            p.press(pygame.K_1)
        p.press(pygame.K_RETURN)
    p.press(pygame.K_2)
    assert p.scene.name == "debrief"


def test_the_debrief_shows_the_care_note_and_what_attunement_means(make_app, drive):
    p = drive(make_app())
    start(p, CARE)
    _play_to_debrief(p)
    text = read_all(p, p.scene)
    assert CARE in text and CARE_POINTER in text
    assert scoring.ATTUNEMENT_MEANING in text


def test_a_debrief_without_care_has_no_care_block(make_app, drive):
    p = drive(make_app())
    start(p, None)
    _play_to_debrief(p)
    text = read_all(p, p.scene)
    assert "Take care" not in text and scoring.ATTUNEMENT_MEANING in text


def test_about_names_controlling_behaviour_as_a_matter_for_help(make_app, drive):
    p = drive(make_app())
    p.click("About and safety")
    text = read_all(p, p.scene).lower()
    for words in ("checks your phone", "controls the money", "cuts you off from friends", "frightens you"):
        assert words in text, words
    assert "a matter for help, not for better listening" in text


def test_the_intro_says_what_attunement_means():
    from game.ui.scenes.intro import pages
    from game.ui.widgets.prose import Para

    said = [b.text for page in pages() for b in page if isinstance(b, Para)]
    assert scoring.ATTUNEMENT_MEANING in said
