"""The dead-line walk (reach.py) answers as a walk that asks scoring at every step would.

`reference_arrivals` is the walk as first written: every configuration (beat,
tension, heard) visited, scoring asked afresh for every answer at every step.
reach.py looks scoring's answers up in tables and stops early; these tests
hold it to the same answers on every shipped card and on generated cards
whose tensions, moves and cycles are drawn at random.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import graph_checks, reach, scoring
from game.core.library import load_library
from game.core.model import END, STATES, Beat, Card, Choice, Fear, LoopState, Move, Pattern, Pos
from game.paths import SCENARIOS


def reference_arrivals(card: Card) -> dict[str, set[LoopState]]:
    seen: dict[str, set[LoopState]] = {b: set() for b in card.beats}
    start = (card.start, round(float(card.tension), 6), False)
    done = {start}
    stack = [start]
    while stack:
        beat_id, t, heard = stack.pop()
        tensions = [t]
        if scoring.is_flooded(t):
            tensions.append(round(scoring.break_relief(t), 6))
        for here in tensions:
            seen[beat_id].add(scoring.loop_state(here))
            for c in card.beats[beat_id].choices:
                if c.next == END or c.next not in card.beats:
                    continue
                nxt = (c.next, round(scoring.next_tension(here, c, heard), 6), heard or scoring.listens(c))
                if nxt not in done:
                    done.add(nxt)
                    stack.append(nxt)
    return seen


def reference_dead(card: Card) -> list[tuple[str, LoopState, Pos]]:
    seen = reference_arrivals(card)
    return [
        (beat.id, state, beat.says_pos.get(state, beat.pos))
        for beat in card.beats.values()
        if beat.says_varies and seen[beat.id]
        for state in STATES
        if state not in seen[beat.id]
    ]


def dead(card: Card) -> list[tuple[str, LoopState, Pos]]:
    return [(d.beat_id, d.state, d.pos) for d in reach.dead_lines(card)]


def test_every_shipped_card_walks_as_the_reference_does():
    cards = [c for d in load_library([SCENARIOS]).decks for c in d.cards]
    assert len(cards) > 50
    for card in cards:
        assert reach.arrivals(card) == reference_arrivals(card), card.full_id
        assert dead(card) == reference_dead(card), card.full_id
    # The shipped cards exercise both answers: some lines alive, and the walk reaches escalated somewhere.
    assert any(LoopState.ESCALATED in s for c in cards for s in reach.arrivals(c).values())


@st.composite
def cards(draw) -> Card:
    """A card with 1 to 7 beats, each with per-state lines or one line, choices pointing anywhere (cycles too)."""
    n = draw(st.integers(1, 7))
    ids = [f"b{i}" for i in range(n)]
    beats: dict[str, Beat] = {}
    for i, bid in enumerate(ids):
        choices = []
        for j in range(draw(st.integers(0, 5))):
            move = draw(st.sampled_from(list(Move)))
            nxt = draw(st.sampled_from([*ids, END, "nowhere"]))
            names = draw(st.booleans())
            choices.append(Choice(f"say {i}-{j}", move, "why", nxt, None, names, Pos("g", 10 * i + j, 1)))
        varies = draw(st.booleans())
        says = {s: f"{bid} {s.value}" if varies else bid for s in STATES}
        places = {s: Pos("g", 10 * i, k + 2) for k, s in enumerate(STATES)}
        beats[bid] = Beat(bid, says, tuple(choices), varies, Pos("g", 10 * i, 1), places)
    tension = draw(
        st.one_of(
            st.integers(0, 10).map(float), st.floats(0, 10, allow_nan=False), st.sampled_from([7.9, 8.0, 4.5, 4.49])
        )
    )
    return Card(
        "c", "gen", "T", "P", Fear.TOO_MUCH, Pattern.ATTACK, "S", tension, "T", draw(st.sampled_from(ids)), beats
    )


@settings(max_examples=400, deadline=None)
@given(cards())
def test_generated_cards_walk_as_the_reference_does(card: Card):
    assert reach.arrivals(card) == reference_arrivals(card)
    assert dead(card) == reference_dead(card)


def test_the_early_stop_still_finds_a_line_shown_late():
    # b's escalated line is only shown after three attacks round a cycle: an early stop must not miss it,
    # and a stop before b's states are all seen must not report the others dead.
    attack = Choice("No.", Move.ATTACK, "w", "a", pos=Pos("g", 1, 1))
    onward = Choice("On.", Move.AFFIRM, "w", "b", pos=Pos("g", 2, 1))
    out = Choice("Bye.", Move.REFLECT, "w", END, pos=Pos("g", 3, 1))
    lines = {s: s.value for s in STATES}
    a = Beat("a", {s: "a" for s in STATES}, (attack, onward), False, Pos("g", 1, 1))
    b = Beat("b", lines, (out, Choice("Back.", Move.WITHDRAW, "w", "a", pos=Pos("g", 4, 1))), True, Pos("g", 5, 1))
    card = Card("c", "gen", "T", "P", Fear.TOO_MUCH, Pattern.ATTACK, "S", 0.0, "T", "a", {"a": a, "b": b})
    assert reach.arrivals(card)["b"] == {LoopState.SOFTENED, LoopState.STUCK, LoopState.ESCALATED}
    assert dead(card) == reference_dead(card) == []


def test_suggesting_help_counts_only_once_the_partner_was_heard():
    # 7 -> reflect -> 5 (stuck) -> refer: +1 once heard, so c is reached softened (4), never stuck (6.25).
    reflect = Choice("You feel alone.", Move.REFLECT, "w", "b", pos=Pos("g", 1, 1))
    refer = Choice("Would a counsellor help?", Move.REFER, "w", "c", pos=Pos("g", 2, 1))
    out = Choice("Bye.", Move.AFFIRM, "w", END, pos=Pos("g", 3, 1))
    lines = {s: s.value for s in STATES}
    places = {s: Pos("g", 5, i + 1) for i, s in enumerate(STATES)}
    a = Beat("a", lines, (reflect, out), False, Pos("g", 1, 1))
    b = Beat("b", lines, (refer, out), False, Pos("g", 2, 1))
    c = Beat("c", lines, (out, out), True, Pos("g", 5, 1), places)
    card = Card("c", "gen", "T", "P", Fear.TOO_MUCH, Pattern.ATTACK, "S", 7.0, "T", "a", {"a": a, "b": b, "c": c})
    assert reach.arrivals(card)["c"] == reference_arrivals(card)["c"] == {LoopState.SOFTENED}
    assert [(d.beat_id, d.state) for d in reach.dead_lines(card)] == [
        ("c", LoopState.STUCK),
        ("c", LoopState.ESCALATED),
    ]


def reference_can_end(card: Card) -> set[str]:
    """The beats with a way to the end, as first written: grown until nothing changes."""
    can_end: set[str] = set()
    changed = True
    while changed:
        changed = False
        for beat in card.beats.values():
            if beat.id not in can_end and any(c.next == END or c.next in can_end for c in beat.choices):
                can_end.add(beat.id)
                changed = True
    return can_end


@settings(max_examples=300, deadline=None)
@given(cards())
def test_the_beats_with_a_way_to_the_end_are_those_the_reference_finds(card: Card):
    assert graph_checks._can_end(card) == reference_can_end(card)
