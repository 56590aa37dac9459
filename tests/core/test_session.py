"""The session layer: one card from start to record, the words and the figure table every screen shares."""

import json

import pytest

from game.core.debrief import Review, figure_rows
from game.core.model import Fear, LoopState, Mode
from game.core.progress import Store
from game.core.runner import RunnerError
from game.core.session import Session, deck_order, suggested_card

from .decks import LOOPING
from .test_runner import card, pick


def test_a_solo_session_plays_names_the_fear_and_records_once(tmp_path):
    store = Store(tmp_path)
    s = Session(card(), seed=1)
    step = s.choose(pick(s.runner, "You feel unheard, and alone with it."))
    said = s.reaction(step)
    assert said.reply == "Ana softens a little." and said.cue == "soften"
    assert said.loop == "The loop softens: tension 5 to 3. Stuck to Softened."
    last = s.choose(pick(s.runner, "You're being dramatic."))
    assert s.reaction(last).cue == "end" and (s.reaction(last).pattern or "").startswith("Protest Polka: ")
    assert s.name_fear(Fear.NOT_ENOUGH) and "You heard it." in (s.fear_words() or "")
    reviews = s.reviews()
    assert [type(r) for r in reviews] == [Review, Review]
    assert reviews[0].tone == "good" and reviews[0].better is None
    assert reviews[1].tone == "poor" and reviews[1].better and "Reflect, +3" in reviews[1].better
    rec = s.record(store, when="2026-12-01T10:00:00")
    assert s.record(store) is rec and len(store.history()) == 1 and rec.mode is Mode.SOLO


def test_the_debrief_and_the_progress_screen_share_one_figure_table(tmp_path):
    store = Store(tmp_path)
    s = Session(card(), seed=1)
    while not s.ended:
        s.choose(0)
    s.name_fear(Fear.TOO_MUCH)
    s.record(store)
    one, every = figure_rows(s.summary().figures), figure_rows(store.totals(), across_plays=True)
    assert [r.key for r in every] == ["attunement", "named-fear", "listening", "fear", "warm"]
    assert [r.key for r in one] == ["attunement", "named-fear", "listening", "warm"]
    for a in one:  # the same names, scales, guides and values; only the note says which plays
        b = next(r for r in every if r.key == a.key)
        assert (a.label, a.fraction, a.value, a.guides) == (b.label, b.fraction, b.value, b.guides)
    assert every[1].guides == ((0.4, "fair 40%"), (0.5, "good 50%"))


def test_pause_words_follow_the_loop():
    s = Session(card(LOOPING), seed=0)
    s.choose(pick(s.runner, "No, you do."))  # floods
    note = s.pause()
    assert note.brk is not None and note.brk.relieved and "twenty minutes" in note.words
    again = s.pause()  # once a beat: the question only
    assert again.brk is None


def test_a_couple_shares_a_score_and_each_has_their_own_figures():
    s = Session(card(), seed=1, mode=Mode.TOGETHER, players=("Ana", "Ben"))
    s.choose(pick(s.runner, "You feel unheard, and alone with it."), player="Ana", rating=9)
    with pytest.raises(RunnerError):
        s.choose(0, player="Cy")  # not playing
    s.choose(pick(s.runner, "You're being dramatic."), player="Ben", rating=3)
    assert s.summary().felt_understood == 6.0
    assert s.summary("Ana").figures.earned == 2 and s.summary("Ben").figures.earned == -3
    back = Session.from_dict(s.card, json.loads(json.dumps(s.to_dict())))
    assert back.mode is Mode.TOGETHER and back.players == ("Ana", "Ben") and back.summary() == s.summary()


def test_a_room_votes_and_the_session_keeps_every_tally(tmp_path):
    s = Session(card(LOOPING), seed=2, mode=Mode.WORKSHOP)
    while not s.ended:
        n = len(s.choices)
        s.choose(votes=[1] * n)  # a tie each time: the first shown is played
        assert s.steps[-1].choice == s.steps[-1].offered[0]
    rec = s.record(Store(tmp_path))
    assert rec.mode is Mode.WORKSHOP and all(sum(v) == len(v) for v in rec.votes)


@pytest.mark.parametrize("bad", [None, [], {"mode": "duet"}, {"players": "Ana"}, {"runner": {"card": "x/y"}}])
def test_a_damaged_session_is_refused(bad):
    with pytest.raises(RunnerError):
        Session.from_dict(card(), bad)


class _History:
    def __init__(self, played: dict[str, LoopState]) -> None:
        self.ends = played

    def played(self, card_id: str) -> bool:
        return card_id in self.ends

    def best_ending(self, card_id: str) -> LoopState | None:
        return self.ends.get(card_id)


def test_gentle_decks_first_and_the_next_card_is_the_first_unplayed_then_the_weakest():
    from game.core.library import load_library
    from game.paths import SCENARIOS

    decks = load_library([SCENARIOS]).decks
    ordered = deck_order(decks)
    gentle = [any(t in ("beginner", "gentle") for t in d.tags) for d in ordered]
    assert gentle == sorted(gentle, reverse=True)
    first = ordered[0].cards[0]
    assert suggested_card(decks, _History({})) is first
    cards = [c for d in ordered for c in d.cards]
    every = {c.full_id: LoopState.SOFTENED for c in cards}
    every[cards[3].full_id] = LoopState.ESCALATED
    assert suggested_card(decks, _History(every)) is cards[3]
    assert suggested_card([], _History({})) is None


def test_the_last_answer_of_a_card_is_never_met_by_waiting_for_a_next_move():
    """A steady answer mid-card: the partner waits for what comes next; after the last one, the ending follows."""
    from game.core.workshop_records import Outcome

    from .decks import BASE, edit

    steady = edit("I always listen.\n            move: defend", "I always listen.\n            move: pause", BASE)
    steady = edit(
        "You're being dramatic.\n            move: attack", "You're being dramatic.\n            move: pause", steady
    )
    c = card(steady)
    s = Session(c, seed=1)
    first = s.choose(pick(s.runner, "I always listen."))
    assert s.reaction(first).reply == "Ana waits to see what you do next."
    last = s.choose(pick(s.runner, "You're being dramatic."))
    assert s.runner.ended and last.tension_after == last.tension_before
    assert "next" not in s.reaction(last).reply
    # a room's reveal of an answer that would end the card says the same
    mid, end = c.beats["first"].choices[1], c.beats["second"].choices[1]
    assert Outcome(mid, 0, 5.0, 5.0).reply("Ana") == "Ana waits to see what you do next."
    assert "next" not in Outcome(end, 0, 5.0, 5.0).reply("Ana")
