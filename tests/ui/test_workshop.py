"""Run a workshop through the real app: a clicker alone, tallies, blanking, a crash and a resume, the report."""

import csv

import pygame
import pytest

from game.core import workshop_save
from game.core.playlist import Playlist
from game.core.workshop import Stage
from game.ui.scenes.workshop.room import SMALLEST
from game.ui.widgets import FIT

CARDS = ("everyday/dishes", "first-steps/late-for-the-film", "first-steps/free-saturday")


def open_room(app, presenter=False):
    from game.ui.scenes.workshop.flow import open_workshop

    ids = tuple(c for c in CARDS if app.library.card(c) is not None)
    assert len(ids) == 3
    open_workshop(app, playlist=Playlist("Three cards", 60, ids, "test"), presenter=presenter)
    app.frame(0.1)
    assert app.top.name == "workshop"
    return app.top


def test_a_clicker_alone_runs_a_three_card_playlist_with_tallies_to_the_report(drive, make_app, attune_home):
    p = drive(make_app())
    room = open_room(p.app, presenter=True)
    FIT.start()
    tallies = []
    for _ in range(400):
        w = room.w
        if w.stage is Stage.SUMMARY:
            break
        if w.stage is Stage.OPTIONS:
            p.press(pygame.K_1)  # the room's show of hands: two for the first answer, one for the second
            p.press(pygame.K_1)
            p.press(pygame.K_2)
            p.press(pygame.K_3)
            p.press(pygame.K_3, mod=pygame.KMOD_SHIFT)  # a miscount taken back
            tallies.append(w.votes)
        elif w.stage in (Stage.LINE, Stage.REVEAL):
            p.press(pygame.K_5)  # number keys do nothing outside the answers step
        p.press(pygame.K_PAGEDOWN)
    FIT.stop()
    assert room.w.stage is Stage.SUMMARY and len(room.w.records) == 3
    said = " ".join(text for _, text, _, _ in room.placed["items"]).replace("\u200b", "")
    assert "The report on Three cards is saved" in said and str(attune_home) not in said  # no path of this computer
    for rec in room.w.records:  # each card and how it ended, in its ending's colour beside its shape
        assert f"{rec.card.title}: it ended {rec.ending_state.label.lower()}" in said
    kinds = [kind for kind, *_ in room.placed["items"]]
    assert sum(k.startswith("ended-") for k in kinds) == 3
    listened, votes = room.w.votes_for_listening
    assert f"3 cards played together, {votes} votes: {round(100 * listened / votes)}%" in said
    assert "what will you listen for underneath" in said  # the room's question to take home
    assert all(t[:3] == (2, 1, 0) for t in tallies)
    assert FIT.overflows == []
    h = p.app.size[1]
    assert min(r.px for r in FIT.records if r.scene == "workshop" and r.px) >= h / SMALLEST
    # the report: one row per option shown at each beat, the played one marked
    (table,) = (attune_home / "workshops").glob("*.csv")
    rows = list(csv.DictReader(table.open()))
    assert list(rows[0]) == ["card", "beat", "shown", "move", "points", "say", "votes", "played"]
    for rec in room.w.records:
        for b in rec.beats:
            mine = [r for r in rows if r["card"] == rec.card.full_id and r["beat"] == b.beat_id]
            assert [int(r["votes"]) for r in mine[: len(b.shown)]] == list(b.votes) == [2, 1] + [0] * (len(b.shown) - 2)
            assert [r["played"] for r in mine[: len(b.shown)]] == ["yes", "no"] + ["no"] * (len(b.shown) - 2)
    assert list((attune_home / "workshops").glob("*.md"))
    assert not workshop_save.exists(attune_home)  # over and exported: nothing left to resume
    p.press(pygame.K_ESCAPE)  # over: Esc leaves at once, with no talk of resuming what is finished
    assert p.scene is not room and p.scene.name != "confirm" and room not in p.app.stack


def test_blank_shows_nothing_and_the_next_press_only_brings_the_room_back(drive, make_app):
    p = drive(make_app())
    room = open_room(p.app)
    p.press(pygame.K_b)
    p.frames(2)
    assert pygame.transform.average_color(p.app.screen)[:3] == (0, 0, 0)
    p.press(pygame.K_PAGEDOWN)
    assert room.w.stage is Stage.LINE and not room.blank
    p.press(pygame.K_PERIOD)
    p.press(pygame.K_PERIOD)
    assert not room.blank


def test_esc_during_a_session_asks_before_leaving_and_says_it_can_be_resumed(drive, make_app):
    p = drive(make_app())
    room = open_room(p.app)
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "confirm" and p.scene.focused.action == "Stay"  # the focus on Stay
    p.press(pygame.K_RETURN)
    assert p.scene is room


def test_a_crash_loses_no_vote_and_resume_goes_on_at_the_same_step(drive, make_app, attune_home):
    p = drive(make_app())
    room = open_room(p.app)
    p.press(pygame.K_PAGEDOWN)
    for key in (pygame.K_2, pygame.K_2, pygame.K_1):
        p.press(key)
    before = (room.w.stage, room.w.card.full_id, room.w.votes)
    pygame.display.quit()  # the laptop closes: no goodbye, no save on the way out
    p2 = drive(make_app())
    from game.ui.scenes.workshop.flow import open_workshop

    open_workshop(p2.app, resume=True)
    p2.frames(2)
    w = p2.scene.w
    assert (w.stage, w.card.full_id, w.votes) == before


def test_back_never_undoes_a_played_answer_without_asking(drive, make_app):
    p = drive(make_app())
    room = open_room(p.app)
    for _ in range(5):
        p.press(pygame.K_PAGEDOWN)  # through the first line, no votes: the best answer is played
    while room.w.stage is not Stage.LINE:
        p.press(pygame.K_PAGEDOWN)
    played = len(room.w.beats_so_far)
    p.press(pygame.K_PAGEUP)
    assert p.scene.name != "workshop" and len(room.w.beats_so_far) == played  # it asks first
    p.press(pygame.K_RETURN)  # "Keep it" has the focus
    assert p.scene is room and len(room.w.beats_so_far) == played


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_key_sheet_and_every_step_fit_and_read_from_the_back(drive, make_app, size):
    p = drive(make_app(size=size))
    room = open_room(p.app)
    FIT.start()
    p.press(pygame.K_h)
    assert p.scene.name == "workshop-keys"
    p.press(pygame.K_h)
    for _ in range(60):
        if room.w.stage is Stage.SUMMARY:
            break
        p.press(pygame.K_RIGHT)
    FIT.stop()
    assert FIT.overflows == []
    smallest = min(r.px for r in FIT.records if r.scene in ("workshop", "workshop-keys") and r.px)
    assert smallest >= size[1] / SMALLEST


def test_the_rooms_loop_panel_names_every_zone_of_the_scale_in_words(drive, make_app, monkeypatch):
    """The projected panel is narrow: the short Escalated zone still gets its word, not a bare triangle."""
    from game.core.model import LoopState
    from game.ui import loop_view

    room = open_room(make_app())
    shapes, words = [], []
    real_shape, real_text = loop_view.draw_state_shape, loop_view.draw_text
    monkeypatch.setattr(loop_view, "draw_state_shape", lambda s, st, *a: shapes.append(st) or real_shape(s, st, *a))
    monkeypatch.setattr(
        loop_view, "draw_text", lambda s, text, *a, **k: words.append(text) or real_text(s, text, *a, **k)
    )
    room.view._kept.clear()  # draw the header and the scale afresh, not from kept pixels
    room.app.redraw_all = True
    room.app.draw()
    assert len(shapes) == 1  # the header's shape beside its word; none stands in for a zone's name
    assert {s.label for s in LoopState} <= set(words)


def test_the_presenter_window_is_drawn_again_when_resized_or_uncovered(drive, make_app):
    p = drive(make_app())
    room = open_room(p.app, presenter=True)
    if room.presenter is None:
        pytest.skip("no second window on this platform")
    drawn = []
    real = room.presenter._draw
    room.presenter._draw = lambda scene: drawn.append(room.presenter.window.size) or real(scene)
    p.frames(2)
    assert drawn == []  # nothing changed: nothing drawn
    room.presenter.window.size = (800, 500)
    p.frames(1)
    assert drawn == [(800, 500)]
    p.post(pygame.WINDOWEXPOSED, window=room.presenter.window)
    assert len(drawn) == 2
    p.frames(2)
    assert len(drawn) == 2


def test_left_and_right_stay_in_their_row_before_they_leave_it(pilot):
    """From 'Save as a playlist', Left is 'Start', beside it, not the full-width card list below."""
    from game.ui.intents import MOVE, Intent
    from game.ui.scenes.workshop.setup import WorkshopSetupScene

    setup = pilot.app.push(WorkshopSetupScene)
    setup.chosen.append(pilot.app.library.decks[0].cards[0].full_id)
    setup.layout(pilot.app.size)
    setup.set_focus(setup.button_for("save"))
    pilot.app.send(Intent(MOVE, dx=-1, dy=0))
    assert setup.focused.action == "start"
    pilot.app.send(Intent(MOVE, dx=1, dy=0))
    assert setup.focused.action == "save"


def test_end_then_home_pick_the_last_card_and_start_from_deep_in_the_list(drive, make_app):
    """A facilitator far down the card list: End goes to the last card, Home to Start, each in view."""
    from game.ui.scenes.workshop.setup import WorkshopSetupScene

    p = drive(make_app())
    started = []
    setup = p.app.push(WorkshopSetupScene, started.append)
    p.frames(1)
    first = setup.focused.action
    assert first[0] == "card"
    p.press(pygame.K_HOME)  # nothing chosen yet: Start is off, Home stays on the first card
    assert setup.focused.action == first
    p.press(pygame.K_END)
    last = setup.focused.action
    assert last[0] == "card" and last != first
    assert setup.focused is [b for b in setup.buttons if isinstance(b.action, tuple)][-1]
    assert setup.column.offset == setup.column.max_offset > 0  # at the bottom of the list, in view
    assert setup.column.view.contains(setup.column.to_screen(setup.focused.box))
    p.press(pygame.K_RETURN)  # choose it
    p.press(pygame.K_HOME)
    assert setup.focused.action == "start" and setup.focused.enabled
    p.press(pygame.K_RETURN)
    assert started and started[0][0] == "start" and [c.full_id for c in started[0][2]] == [last[1]]


def test_scrolling_a_list_away_from_the_focus_brings_the_focus_into_view(drive, make_app):
    """The wheel or Page Down carries the focused card out of sight: the focus comes to a card in view,
    the nearest one, so Enter never takes a card nobody can see."""
    from game.ui.scenes.workshop.setup import WorkshopSetupScene

    p = drive(make_app())
    setup = p.app.push(WorkshopSetupScene, None)
    p.frames(1)
    first = setup.focused
    col = setup.column
    p.wheel(-3)  # three notches down (the pointer still: no hover)
    assert col.offset > 0 and not col.visible(first.box)
    whole = [b for b in setup.buttons if b.column is col and col.view.contains(col.to_screen(b.box))]
    assert setup.focused is whole[0]  # the nearest wholly in view to where the focus was, above
    p.press(pygame.K_PAGEDOWN)
    assert col.visible(setup.focused.box)
    held = setup.focused
    p.wheel(1)  # one notch back up: the focus is still in view, so it stays
    assert col.visible(held.box) and setup.focused is held
