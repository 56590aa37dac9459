"""The whole solo flow, keyboard only and mouse only: title, decks, a card, every beat, the fear, the debrief."""

from __future__ import annotations

import pygame

from game.core import scoring
from game.ui.scenes.solo import play_card
from game.ui.scenes.title import TitleScene
from game.ui.widgets import FIT


def _progress_shows(pilot, card_title: str) -> None:
    """The play is in the profile's history, and the progress screen (once built) draws it."""
    assert pilot.app.store.history(), "the play was not recorded"
    assert pilot.scene.name == "progress"
    FIT.start()
    pilot.frames(2)
    FIT.stop()
    texts = " ".join(r.text for r in FIT.records if r.scene == "progress")
    assert card_title in texts, "the progress screen does not show the play"


def test_keyboard_only_plays_a_card_to_the_debrief(make_app, drive):
    p = drive(make_app())
    assert p.scene.name == "title"
    assert p.scene.focused.label == "Play"
    p.press(pygame.K_DOWN)
    assert p.scene.focused.label == "Decks and cards"
    p.press(pygame.K_RETURN)
    assert p.scene.name == "decks"
    card = p.app.library.card(p.scene.focused.action)
    p.press(pygame.K_RETURN)
    assert p.scene.name == "play"
    beats = 0
    while p.scene.name == "play":
        run = p.scene.run
        if p.scene.phase == "choose":
            beats += 1
            # arrows and Enter on odd beats, number keys on even ones
            if beats % 2:
                p.press(pygame.K_DOWN)  # from the first choice, or from the pause the game suggests
                p.press(pygame.K_RETURN)
            else:
                p.press(pygame.K_2)
            assert p.scene.name == "play" and p.scene.phase == "reaction"
            assert p.scene.focused.action == "continue"
        p.press(pygame.K_RETURN)
        assert beats < 50, "the card never ended"
    assert run.ended and len(run.steps) == beats
    assert p.scene.name == "name-fear"
    p.press(pygame.K_1)
    assert p.scene.name == "debrief"
    assert p.scene.summary.fear_guess is not None
    assert len(p.app.store.history()) == 1
    p.press(pygame.K_PAGEDOWN)
    p.press(pygame.K_END)
    assert p.scene.column.offset == p.scene.column.max_offset
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "decks"
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "title"
    if True:
        while p.scene.focused.action != "progress":
            p.press(pygame.K_TAB)
        p.press(pygame.K_RETURN)
    _progress_shows(p, card.title)


def test_mouse_only_plays_a_card_to_the_debrief(make_app, drive):
    p = drive(make_app())
    p.click("Decks and cards")
    assert p.scene.name == "decks"
    card = p.app.library.card(p.scene.buttons[-2].action)  # the last card listed: reached by scrolling
    p.click(card.title)
    assert p.scene.name == "play" and p.scene.card is card
    while p.scene.name == "play":
        if p.scene.phase == "choose":
            options = p.scene.run.choices
            best = max(range(len(options)), key=lambda i: scoring.points(options[i]))
            p.click(options[best].say)
            assert p.scene.phase == "reaction"
        p.click(lambda b: b.action == "continue")
    assert p.scene.name == "name-fear"
    p.click(card.fear.words)
    assert p.scene.name == "debrief"
    assert p.scene.summary.fear_correct is True
    assert p.scene.summary.ending_state.value == "softened"
    p.click("Done")
    assert p.scene.name == "decks"
    assert "Best ending so far: softened" in p.button(card.title).detail
    p.click("Back")
    assert p.scene.name == "title"
    p.click("Your progress")
    _progress_shows(p, card.title)


def test_title_play_starts_the_suggested_card_and_leaving_asks_first(pilot):
    pilot.press(pygame.K_RETURN)
    assert pilot.scene.name == "play"
    pilot.press(pygame.K_ESCAPE)
    assert pilot.scene.name == "confirm"
    pilot.press(pygame.K_ESCAPE)  # Esc on the question keeps you in the card
    assert pilot.scene.name == "play"
    pilot.press(pygame.K_ESCAPE)
    pilot.click("Leave the card")
    assert pilot.scene.name == "title"
    assert not pilot.app.store.history()


def test_pause_at_any_time_and_suggested_when_flooded(pilot):
    pilot.press(pygame.K_RETURN)
    play = pilot.scene
    pilot.press(pygame.K_p)
    assert pilot.scene.name == "pause"
    assert "vulnerable fear" in pilot.scene.title
    pilot.press(pygame.K_RETURN)  # back to the talk
    assert pilot.scene is play
    # answer badly until the loop floods
    while not play.run.flooded and not play.run.ended:
        options = play.run.choices
        worst = min(range(len(options)), key=lambda i: scoring.points(options[i]))
        pilot.press(pygame.K_1 + worst)
        pilot.press(pygame.K_RETURN)
    if play.run.ended:
        return  # this card ended before flooding on the worst path
    assert any(b.action == "pause" and b.style == "primary" for b in play.buttons), "no pause suggested"
    before = play.run.tension
    pilot.click("Take the pause (P)")
    assert pilot.scene.name == "pause"
    pilot.click("Back to the talk")
    assert play.run.tension < before


def test_first_run_opens_the_intro(make_app):
    app = make_app(seen_intro=False)
    assert app.top.name == "intro"


def test_f5_reloads_decks_and_names_broken_ones(make_app, drive, tmp_path):
    app = make_app()
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\ndeck:\n  id: broken\n  title: Broken\ncards:\n  - id: x\n    title: [\n")
    app.deck_paths.append(bad)
    p = drive(app)
    p.click("Decks and cards")
    p.press(pygame.K_F5)
    assert app.toasts and "problem" in app.toasts[-1].text
    FIT.start()
    p.frames(1)
    FIT.stop()
    texts = [r.text for r in FIT.records if r.scene == "decks"]
    assert any("bad.yaml:" in t and "AT104" in t for t in texts), texts[:5]


def test_debrief_names_each_move_and_gives_better_words(make_app, drive):
    p = drive(make_app())
    card = p.app.library.card("everyday/dishes")
    play_card(p.app, card, seed=1)
    p.frames(1)
    while p.scene.name == "play":
        if p.scene.phase == "choose":
            options = p.scene.run.choices
            worst = min(range(len(options)), key=lambda i: scoring.points(options[i]))
            p.press(pygame.K_1 + worst)
        p.press(pygame.K_RETURN)
    p.press(pygame.K_2)
    debrief = p.scene
    assert debrief.name == "debrief"
    FIT.start()
    while True:  # read the whole page, scrolling with the keyboard
        p.frames(1)
        if debrief.column.offset >= debrief.column.max_offset:
            break
        p.press(pygame.K_PAGEDOWN)
    FIT.stop()
    text = " ".join(r.text for r in FIT.records if r.scene == "debrief")
    for step in debrief.run.steps:
        assert step.choice.move.label in text and step.choice.why in text
        assert step.best.say in text
    assert "Better words here" in text
    assert card.teaching in text and debrief.summary.ending in text
    assert "fair 40%" in text and "good 2:1" in text
    assert scoring.PATTERN_EXPLAINED[debrief.summary.dialogue] in text


def test_a_corrupt_save_is_named_on_the_title_until_dismissed(attune_home, drive):
    from game.ui.app import App

    attune_home.mkdir(parents=True, exist_ok=True)
    (attune_home / "progress.json").write_text("{ this is not json")
    (attune_home / "settings.json").write_text('{"version": 1, "settings": {"seen_intro": true}}')
    app = App()
    app.push(TitleScene)
    p = drive(app)
    p.frames(1)
    assert any("could not be read" in m for m in p.scene.messages)
    FIT.start()
    p.frames(1)
    FIT.stop()
    assert any("could not be read" in r.text for r in FIT.records)
    assert p.scene.focused.label == "Got it"
    p.press(pygame.K_RETURN)
    assert not p.scene.messages and p.scene.focused.label == "Play"
    assert list(attune_home.glob("progress.json.unreadable-*"))


def test_the_title_says_when_a_data_file_comes_from_a_newer_release(attune_home, drive):
    import json

    from game.core.progress import PROGRESS_FILE, Store
    from game.core.schema import SCHEMA
    from game.ui.app import App

    attune_home.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"version": SCHEMA + 1, "profiles": {"Me": {"plays": []}}})
    (attune_home / PROGRESS_FILE).write_text(text)
    store = Store(attune_home)
    store.settings.seen_intro = True
    app = App(store=store)
    app.push(TitleScene)
    p = drive(app)
    p.frames(1)
    assert any("newer version of Attune" in m for m in app.top.messages)
    p.click("Got it")
    assert (attune_home / PROGRESS_FILE).read_text() == text
