"""A room's session: steps, votes, ties, walking through, undo, save and restore, the export."""

import contextlib
import csv
import io
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core.deckfile import load_deck_text
from game.core.workshop import Stage, Workshop, WorkshopError, played_index
from game.core.workshop_export import CSV_COLUMNS, export, to_csv, to_markdown

from .decks import BASE, LOOPING


def cards():
    out = []
    for text in (BASE, LOOPING):
        deck, ds = load_deck_text(text, "deck.yaml")
        assert deck is not None, ds
        out += list(deck.cards)
    return out


def shown_index(w: Workshop, say: str) -> int:
    return [c.say for c in w.options].index(say)


def test_the_steps_of_a_beat_in_order():
    w = Workshop("T", cards(), discussion_seconds=60, seed=1)
    seen = [w.stage]
    for _ in range(4):
        seen.append(w.next())
    assert seen == [Stage.LINE, Stage.OPTIONS, Stage.REVEAL, Stage.REVEAL, Stage.WHY]  # two options walked
    assert w.next() is Stage.DISCUSS and w.timer.left == 60 and not w.timer.running
    w.timer.toggle()
    w.timer.tick(5.5)
    assert w.timer.text() == "0:55"


def test_votes_only_in_options_and_the_most_voted_is_played():
    w = Workshop("T", cards(), seed=1)
    with pytest.raises(WorkshopError):
        w.add_vote(0)  # LINE: options are hidden
    w.next()
    defend = shown_index(w, "I always listen.")
    for _ in range(3):
        w.add_vote(defend)
    w.add_vote(1 - defend)
    w.remove_vote(1 - defend)
    w.remove_vote(1 - defend)  # never below zero
    assert w.votes[defend] == 3 and w.votes[1 - defend] == 0
    w.next()
    assert w.stage is Stage.REVEAL and w.revealed.choice.say == "I always listen."
    w.next()
    assert w.stage is Stage.WHY  # with votes, REVEAL shows one outcome
    w.next(), w.next()
    assert w.stage is Stage.LINE and w.line == "Whatever."  # defend: the loop is stuck
    assert w.beats_so_far[0].votes[defend] == 3


def test_a_tie_goes_to_the_first_tied_option_in_shown_order():
    assert played_index([2, 2, 1], [-2, 2, 0]) == (0, True, False)
    assert played_index([0, 3, 3], [3, -2, 2]) == (1, True, False)
    assert played_index([0, 0, 0], [-2, 2, 2]) == (1, False, True)  # no votes: the best


def test_no_votes_walks_every_outcome_then_plays_the_best():
    w = Workshop("T", cards(), seed=3)
    w.next(), w.next()
    outcomes = []
    while w.stage is Stage.REVEAL:
        outcomes.append(w.revealed.choice.say)
        w.next()
    assert sorted(outcomes) == sorted(c.say for c in w.options)
    w.next(), w.next()
    assert w.beats_so_far[0].walked and w.beats_so_far[0].shown[w.beats_so_far[0].played].move.value == "reflect"


def test_back_steps_within_a_beat_and_undo_restores_votes():
    w = Workshop("T", cards(), seed=1)
    w.next()
    w.add_vote(0)
    w.next(), w.next()
    assert w.back() is Stage.REVEAL and w.back() is Stage.OPTIONS and w.votes[0] == 1
    assert w.back() is Stage.LINE and w.back() is Stage.LINE  # nothing before the first step
    w.next(), w.next(), w.next(), w.next(), w.next()
    assert w.stage is Stage.LINE and w.can_undo
    assert w.back() is Stage.LINE  # back never undoes a played answer by itself
    w.undo_last_answer()
    assert w.stage is Stage.DISCUSS and w.votes == (1, 0) and not w.beats_so_far


def play_through(w: Workshop, vote: int | None = 0) -> None:
    while w.stage is not Stage.SUMMARY:
        if w.stage is Stage.OPTIONS and vote is not None:
            w.add_vote(vote % len(w.options))
        w.next()


def test_a_whole_session_and_its_export(tmp_path):
    w = Workshop("Listening under pressure", cards(), seed=5)
    play_through(w)
    assert [r.card.full_id for r in w.records] == ["test/one", "loops/round"]
    md, table = export(w, tmp_path, when=0)
    assert md.parent.name == "workshops" and md.suffix == ".md" and table.suffix == ".csv"
    rows = list(csv.DictReader(io.StringIO(table.read_text())))
    assert tuple(rows[0]) == CSV_COLUMNS
    shown = sum(len(b.shown) for r in w.records for b in r.beats)
    assert len(rows) == shown
    for r in w.records:
        for b in r.beats:
            mine = [x for x in rows if x["card"] == r.card.full_id and x["beat"] == b.beat_id]
            assert [x["played"] for x in mine[: len(b.shown)]].count("yes") == 1
            assert [int(x["votes"]) for x in mine[: len(b.shown)]] == list(b.votes)
    text = md.read_text()
    assert "# Listening under pressure" in text and "(played)" in text and "Ending" in text
    listened, votes = w.votes_for_listening
    assert votes == sum(sum(b.votes) for r in w.records for b in r.beats) > 0
    eased = sum(v for r in w.records for b in r.beats for v, p in zip(b.votes, b.points, strict=True) if p > 0)
    assert listened == eased and 0 <= listened <= votes


def test_save_and_restore_at_every_step():
    cs = cards()
    find = {c.full_id: c for c in cs}.get
    w = Workshop("T", cs, seed=9)
    for _ in range(40):
        if w.stage is Stage.SUMMARY:
            break
        if w.stage is Stage.OPTIONS:
            w.add_vote(len(w.options) - 1)
        w.next()
        back = Workshop.from_dict(json.loads(json.dumps(w.to_dict())), find)
        assert (back.stage, back.card.full_id, back.votes, back.line) == (w.stage, w.card.full_id, w.votes, w.line)
        assert back.records == w.records


@settings(deadline=None, max_examples=200)
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(), lambda c: st.lists(c) | st.dictionaries(st.text(), c)
    )
)
def test_restoring_damaged_data_raises_only_workshop_error(data):
    find = {c.full_id: c for c in cards()}.get
    with contextlib.suppress(WorkshopError):  # any other exception fails the test
        Workshop.from_dict(data, find)


def test_restoring_hostile_events_raises_workshop_error():
    find = {c.full_id: c for c in cards()}.get
    base = Workshop("T", cards()).to_dict()
    for events in ([["vote", 99, 1]], [["vote", 0, 1]], [["undo"]], [["fly"]], [[]], "x", [["vote", 0, 5]]):
        with pytest.raises(WorkshopError):
            Workshop.from_dict({**base, "events": events}, find)
    with pytest.raises(WorkshopError):
        Workshop.from_dict({**base, "cards": ["nope/none"]}, find)


def test_csv_and_markdown_keep_each_row_on_one_line():
    w = Workshop("T", cards(), seed=2)
    play_through(w, vote=None)
    assert to_csv(w.records).count("\n") == 1 + sum(len(b.shown) for r in w.records for b in r.beats)
    assert "No votes were entered" in to_markdown("T", w.records, "today")


def test_a_saved_workshop_resumes_at_the_same_step_with_every_vote(tmp_path):
    from game.core import workshop_save

    cs = cards()
    find = {c.full_id: c for c in cs}.get
    w = Workshop("T", cs, seed=4)
    w.next()
    w.add_vote(0)
    w.add_vote(0)
    assert workshop_save.save(tmp_path, w) is None
    back, message = workshop_save.resume(tmp_path, find)
    assert message is None and back.stage is Stage.OPTIONS and back.votes == w.votes


@pytest.mark.parametrize(
    "text",
    ["", "{", "[" * 100_000, '{"version": 1, "workshop": {"cards": ["x/y"]}}', '{"version": 9}', "\udcff"],
)
def test_a_damaged_save_is_set_aside_with_a_message(tmp_path, text):
    from game.core import workshop_save

    (tmp_path / "workshop.json").write_text(text, encoding="utf-8", errors="surrogateescape")
    back, message = workshop_save.resume(tmp_path, {}.get)
    assert back is None and "could not be restored" in message
    assert list(tmp_path.glob("workshop.json.unreadable-*"))


def test_a_cards_own_question_comes_once_after_its_last_line_and_a_beats_after_its_own():
    from game.core.prompts import DISCUSS_DEFAULT

    from .decks import edit

    text = edit(
        "    teaching: Hear the fear.\n", "    teaching: Hear the fear.\n    discuss: What would you say to Ana now?\n"
    )
    deck, ds = load_deck_text(text, "deck.yaml")
    assert deck is not None, ds
    (card,) = deck.cards

    def questions(w: Workshop) -> list[str]:
        asked = []
        while w.stage is not Stage.ENDING:
            if w.stage is Stage.OPTIONS:
                w.add_vote(0)
            if w.stage is Stage.DISCUSS:
                asked.append(w.question)
            w.next()
        return asked

    default = DISCUSS_DEFAULT[card.fear]
    assert questions(Workshop("T", [card], seed=1)) == [default, "What would you say to Ana now?"]
    text = edit("      first:\n", "      first:\n        discuss: Which fear is here?\n", text)
    text = edit("      second:\n", "      second:\n        discuss: What changed?\n", text)
    deck, ds = load_deck_text(text, "deck.yaml")
    assert deck is not None, ds
    asked = questions(Workshop("T", list(deck.cards), seed=1))
    assert asked == ["Which fear is here?", "What changed? What would you say to Ana now?"]
