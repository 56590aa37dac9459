"""Key hints say the keys that work: a beat with three answers says 1-3, in every mode."""

from __future__ import annotations

import pygame

from game.core.deckfile import load_deck_text
from game.core.playlist import Playlist
from game.core.together import Phase, Together
from game.core.workshop import Stage
from game.ui.intents import number_keys
from tests.core.decks import edit

THIRD = """          - say: I always listen.
            move: defend
            why: It argues.
            next: second
"""
THREE = edit(THIRD, THIRD + THIRD.replace("I always listen.", "Not this again."))


def three_answer_card():
    deck, diags = load_deck_text(THREE, "three.yaml")
    assert deck is not None, diags
    card = deck.cards[0]
    assert len(card.beats[card.start].choices) == 3
    return card


def test_number_keys_names_the_range():
    assert (number_keys(1), number_keys(3), number_keys(4)) == ("1", "1-3", "1-4")


def test_solo_hints_count_the_answers_on_the_beat(make_app):
    from game.ui.scenes.solo import play_card

    app = make_app()
    scene = play_card(app, three_answer_card(), seed=1)
    app.frame(0.1)
    assert "1-3 answer" in scene.hint and "1-4" not in scene.hint
    assert "Your answer (1-3, or click)" in [text for kind, text in scene._content()[0] if kind == "label"]


def test_couples_hints_count_the_answers_on_the_beat(make_app):
    from game.ui.scenes.together.play import TogetherPlayScene

    app = make_app()
    tc = Together(("Ana", "Ben"), seed=1).start(three_answer_card())
    scene = app.push(TogetherPlayScene, None, together=tc)
    app.frame(0.1)
    assert tc.phase in (Phase.SPEAK, Phase.BLIND)
    scene.layout(app.size)
    assert "1-3" in scene.hint and "1-4" not in scene.hint


def test_the_workshop_foot_counts_the_options_shown(drive, attune_home, tmp_path):
    from game.core.progress import Store
    from game.ui.app import App
    from game.ui.scenes.workshop import flow

    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "three.yaml").write_text(THREE, encoding="utf-8")
    app = App(size=(1280, 720), store=Store(attune_home), extra_decks=[str(tmp_path / "decks")])
    card = three_answer_card()
    assert app.library.card(card.full_id) is not None
    flow.open_workshop(app, playlist=Playlist("One card", 60, (card.full_id,), "test"))
    p = drive(app)
    room = app.top
    for _ in range(6):
        if room.w.stage is Stage.OPTIONS:
            break
        p.press(pygame.K_PAGEDOWN)
    assert room.w.stage is Stage.OPTIONS
    foot = room.placed["foot"][0]
    assert "1-3 add a vote" in foot and "1-6" not in foot
