"""Play together, through the real app: by keys alone, by mouse alone; the curtain; what is kept; no ranking."""

import re

import pygame
import pytest

from game.core.progress import Store
from game.core.together import Phase, TogetherCard, blind_beat_index
from game.ui.widgets import FIT


def focus_on(p, action, limit=40):
    """Tab through the buttons, as a keyboard player would, until `action` has the focus."""
    for _ in range(limit):
        if p.scene.focused is not None and p.scene.focused.action == action:
            return
        p.press(pygame.K_TAB)
    raise AssertionError(f"never reached {action!r} on {p.scene.name}")


def play_card_by_keys(p, rating_key=pygame.K_7):
    """Play the card on screen to its end with keys: picks, the curtain, the rating, the reactions."""
    for _ in range(60):
        s = p.scene
        if s.name == "together-curtain":
            p.press(pygame.K_SPACE)
        elif s.name == "together-play":
            phase = s.together.phase
            if phase in (Phase.SPEAK, Phase.BLIND):
                p.press(pygame.K_1)
            elif phase is Phase.RATE:
                p.press(rating_key)
                p.press(pygame.K_RETURN)
            elif phase in (Phase.MATCH, Phase.REACT):
                p.press(pygame.K_RETURN)
        else:
            return
    raise AssertionError("the card did not end")


def test_a_couple_plays_three_cards_by_keys_alone_and_finds_them_next_week(drive, make_app, attune_home):
    p = drive(make_app())
    FIT.start()
    focus_on(p, "together")
    p.press(pygame.K_RETURN)
    assert p.scene.name == "together-setup"
    p.press(pygame.K_UP)  # from "deal us a card" to the second name
    p.press(pygame.K_UP)
    assert p.scene.focused.action == ("name", 0)
    p.press(pygame.K_RETURN)
    p.post(pygame.TEXTINPUT, text="Ana")
    p.press(pygame.K_RETURN)  # on to the second name
    p.press(pygame.K_RETURN)
    p.post(pygame.TEXTINPUT, text="Ben")
    p.press(pygame.K_RETURN)
    assert p.scene.focused.action == "deal"
    p.press(pygame.K_RETURN)
    assert p.scene.name == "together-safety"
    p.press(pygame.K_RETURN)
    speakers = []
    for n in range(3):
        assert p.scene.name == "together-roles", p.scene.name
        p.press(pygame.K_RETURN)
        play = p.app.stack[-1] if p.scene.name == "together-play" else p.app.stack[-2]
        speakers.append(play.together.speaker)
        play_card_by_keys(p)
        assert p.scene.name == "together-debrief"
        if n < 2:
            p.press(pygame.K_RETURN)  # next card
            assert p.scene.name == "together-checkin"
            p.press(pygame.K_RETURN)  # keep going
    focus_on(p, "stop")
    p.press(pygame.K_RETURN)
    assert p.scene.name == "together-closing"  # the day's last page: what they played, their figures
    shown = " ".join(r.text for r in FIT.records if r.scene == "together-closing")
    assert "Ana and Ben, you played 3 cards together today." in shown
    assert "Our figures today" in shown and "one thing you heard today" in shown
    assert sum(" it ended " in r.text for r in FIT.records if r.scene == "together-closing") >= 3
    p.press(pygame.K_RETURN)  # done for today
    assert p.scene.name == "title"
    FIT.stop()
    assert FIT.overflows == []
    assert speakers in (["Ana", "Ben", "Ana"], ["Ben", "Ana", "Ben"])
    # next week, on the same computer
    again = Store(attune_home)
    assert again.couples() == ["Ana & Ben"]
    plays = again.history("Ana & Ben")
    assert len(plays) == 3 and len({x.card_id for x in plays}) == 3
    assert all(x.ratings and set(x.ratings) == {7} for x in plays)
    assert all(x.mode.value == "together" and set(x.players) <= {"Ana", "Ben"} for x in plays)
    assert sum(x.blind[1] for x in plays) >= 3  # one blind match a card
    from game.ui.scenes.together.progress import TogetherProgressScene

    p2 = drive(make_app())
    p2.app.push(TogetherProgressScene, None)
    p2.frames(3)
    assert p2.scene.profile == "Ana & Ben"


def test_leaving_the_next_card_still_closes_the_day_with_the_cards_played_and_none_closes_no_day(drive, make_app):
    p = drive(make_app())
    focus_on(p, "together")
    p.press(pygame.K_RETURN)
    focus_on(p, "deal")
    p.press(pygame.K_RETURN)
    p.press(pygame.K_ESCAPE)  # at "Before you start": no card played, no closing page
    assert p.scene.name == "title"
    focus_on(p, "together")
    p.press(pygame.K_RETURN)
    focus_on(p, "deal")
    p.press(pygame.K_RETURN)
    p.press(pygame.K_RETURN)  # we both feel safe
    p.press(pygame.K_RETURN)  # roles: ready
    play_card_by_keys(p)
    p.press(pygame.K_RETURN)  # next card
    p.press(pygame.K_RETURN)  # keep going
    assert p.scene.name == "together-roles"
    p.press(pygame.K_RETURN)
    if p.scene.name == "together-curtain":
        p.press(pygame.K_SPACE)
    assert p.scene.name == "together-play"
    p.press(pygame.K_ESCAPE)  # leave the second card part way: asked first, with the focus on Stay
    assert p.scene.name == "confirm"
    p.click(lambda b: b.action == "leave")
    assert p.scene.name == "together-closing"
    FIT.start()
    p.app.frame(0)
    FIT.stop()
    shown = " ".join(r.text for r in FIT.records)
    assert "you played 1 card together today." in shown
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "title"


def test_a_couple_plays_a_card_by_mouse_alone(drive, make_app):
    p = drive(make_app())
    p.click("Play together")
    p.click(lambda b: b.action == "deal")
    p.click("We both feel safe: begin")
    p.click("We're ready")
    for _ in range(60):
        s = p.scene
        if s.name == "together-curtain":
            p.click(lambda b: b.action is True)
        elif s.name == "together-play":
            phase = s.together.phase
            if phase in (Phase.SPEAK, Phase.BLIND):
                p.click(lambda b: b.action == 0)
            elif phase is Phase.RATE:
                p.click("3")
                p.click(lambda b: b.action == "confirm")
            elif phase is Phase.MATCH:
                p.click(lambda b: b.action == "to-rating")
            else:
                p.click(lambda b: b.action == "continue")
        else:
            break
    assert p.scene.name == "together-debrief"
    p.click("Stop here for today")
    assert p.scene.name == "together-closing"
    p.click("Done for today")
    assert p.scene.name == "title"
    (rec,) = p.app.store.history("Partner A & Partner B")
    assert set(rec.ratings) == {3}


def blind_screen_after(make_app, listener_pick: int) -> bytes:
    """What the speaker sees when choosing unseen, after the listener picked `listener_pick`."""
    from game.ui.scenes.together.play import TogetherPlayScene

    app = make_app()
    card = app.library.card("first-steps/late-for-the-film") or next(app.library.cards())
    seed = next(s for s in range(100) if blind_beat_index(s) == 0)
    tc = TogetherCard(card, ("Ana", "Ben"), speaker=0, seed=seed)
    app.push(TogetherPlayScene, None, together=tc)
    app.frame(0.1)
    assert app.top.name == "together-curtain"
    app.top.close(True)  # Ben looks; Ana looks away
    app.frame(0.1)
    app.top.on_button(app.top.button_for(listener_pick))
    app.frame(0.1)
    assert app.top.name == "together-curtain" and tc.first_pick_hidden
    app.top.close(True)  # Ana's turn
    for _ in range(40):
        app.frame(0.1)
    assert tc.phase is Phase.BLIND and tc.curtain_for == "Ana"
    shot = pygame.image.tobytes(app.screen, "RGB")
    pygame.display.quit()
    return shot


def test_nothing_of_the_first_pick_shows_while_the_second_partner_chooses(make_app):
    screens = {blind_screen_after(make_app, pick) for pick in range(3)}
    assert len(screens) == 1, "the speaker's screen differs with the listener's pick"


# A line that sets one partner above the other ("Ana listened better", "Ben wins"); card text about a
# best man or a better job does not count, only a partner's name with a comparison made of them.
COMPARING = re.compile(
    r"\b(Ana|Ben)\b('s)? (is|was|did|scored|answered|listened|heard|rated|got|wins|won|beat)\b[^.]{0,24}"
    r"\b(better|best|more|higher|ahead|winner|most)\b|(?<!no )\bwinner\b|\b(Ana|Ben) (wins|won)\b",
    re.I,
)


def test_no_screen_ranks_one_partner_over_the_other(drive, make_app):
    p = drive(make_app())
    FIT.start()
    p.click("Play together")
    p.click(lambda b: b.action == "deal")
    p.press(pygame.K_RETURN)
    p.press(pygame.K_RETURN)
    play_card_by_keys(p, rating_key=pygame.K_2)
    texts = [r.text for r in FIT.records]
    FIT.stop()
    assert any("Our attunement" in t for t in texts) and any("How understood it felt" in t for t in texts)
    assert not [t for t in texts if COMPARING.search(t)]


@pytest.mark.parametrize("size", [(1024, 600), (1920, 1080)])
def test_the_couples_screens_fit(drive, make_app, size):
    p = drive(make_app(size=size, text_size=3))
    FIT.start()
    p.click("Play together")
    p.click(lambda b: b.action == "deal")
    p.press(pygame.K_RETURN)
    p.press(pygame.K_RETURN)
    play_card_by_keys(p)
    FIT.stop()
    assert FIT.overflows == []


def test_the_ranking_check_catches_a_ranking_and_not_a_best_man():
    assert COMPARING.search("Ana listened better than Ben") and COMPARING.search("The winner is Ben")
    assert not COMPARING.search("Ben asked me to be his best man") and not COMPARING.search("Our attunement")


@pytest.mark.parametrize("start", ["together", "workshop"])
def test_a_mode_opened_from_the_command_line_on_a_fresh_folder_leaves_to_the_title_not_the_intro(
    drive, attune_home, start
):
    from game.ui.app import App
    from game.ui.launch import open_at

    app = App(size=(1280, 720), store=Store(attune_home))  # nothing saved yet: a first run
    assert not app.store.settings.seen_intro
    open_at(app, start)
    p = drive(app)
    p.frames(2)
    if start == "together":
        p.click(lambda b: b.action == "deal")
        p.click("We both feel safe: begin")
        p.click("We're ready")
        for _ in range(3):  # leave the card, from behind the curtain or from the pause
            if p.scene.name == "title":
                break
            if p.scene.name != "together-curtain":
                p.press(pygame.K_ESCAPE)
            p.click(lambda b: str(b.label).startswith("Leave"))
    else:
        assert p.scene.name == "workshop-setup"
        p.press(pygame.K_ESCAPE)
    assert [s.name for s in app.stack] == ["title"]
    assert not app.store.settings.seen_intro  # the intro still waits for the first time the title opens


@pytest.mark.parametrize("size", [(1280, 720), (1024, 600)])
def test_our_progress_shows_without_scrolling_and_comes_after_the_decks(drive, make_app, size):
    p = drive(make_app(size=size))
    p.click("Play together")
    s = p.scene
    b = p.button("Our progress")
    assert b.column is None and s.app.screen.get_rect().contains(b.box)  # in sight, not below the deck list
    order = [x.action for x in s.buttons]
    decks = [i for i, a in enumerate(order) if isinstance(a, tuple) and a[0] == "deck"]
    assert max(decks) < order.index("progress") < order.index("back")
    assert not b.box.colliderect(s._title_rect) and not b.box.colliderect(s.back_button.box)
    p.click("Our progress")
    assert p.scene.name == "together-progress"
