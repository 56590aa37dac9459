"""The loop model and the session figures, checked against hand-computed values."""

import pytest

from game.core import scoring
from game.core.model import Choice, LoopState, Move, Pattern


def ch(move: str, names_fear: bool = False) -> Choice:
    return Choice(say=move, move=Move(move), why="-", next="end", names_fear=names_fear)


def test_points_follow_the_brief():
    assert [scoring.points(ch(m.value)) for m in Move] == [2, 2, 1, 1, 1, 1, 0, -1, -1, -1, -2, -2, -3]
    assert scoring.points(ch("reflect", names_fear=True)) == 3


def test_negativity_weighs_more():
    up = scoring.next_tension(5, ch("withdraw"))  # -2 points
    down = scoring.next_tension(5, ch("reflect"))  # +2 points
    assert up - 5 == pytest.approx(3.0)
    assert 5 - down == pytest.approx(2.0)


def test_tension_is_clamped():
    assert scoring.next_tension(9.5, ch("attack")) == 10
    assert scoring.next_tension(1, ch("reflect", True)) == 0


def test_best_path_softens_and_worst_escalates():
    t = 5.0
    for m in ("reflect", "validate", "reflect"):
        t = scoring.next_tension(t, ch(m))
    assert scoring.loop_state(t) is LoopState.SOFTENED
    t = 5.0
    for m in ("defend", "withdraw", "attack"):
        t = scoring.next_tension(t, ch(m))
    assert scoring.loop_state(t) is LoopState.ESCALATED


def test_flooding_halves_softening():
    assert scoring.is_flooded(8.0) and not scoring.is_flooded(7.9)
    assert scoring.next_tension(9, ch("reflect")) == pytest.approx(8.0)  # 2 points, halved
    assert scoring.next_tension(7, ch("reflect")) == pytest.approx(5.0)  # not flooded: full


def test_pause_relieves_only_when_flooded():
    assert scoring.next_tension(9, ch("pause")) == pytest.approx(6.0)
    assert scoring.next_tension(6, ch("pause")) == pytest.approx(6.0)
    assert scoring.break_relief(8.5) == pytest.approx(5.5)
    assert scoring.break_relief(5) == 5


@pytest.mark.parametrize(
    ("t", "state"),
    [(0, "softened"), (3.99, "softened"), (4, "stuck"), (7.99, "stuck"), (8, "escalated"), (10, "escalated")],
)
def test_loop_states(t, state):
    assert scoring.loop_state(t).value == state


def test_dialogues():
    assert scoring.dialogue_for(Pattern.ATTACK, Move.ATTACK) == scoring.BAD_GUY
    assert scoring.dialogue_for(Pattern.ATTACK, Move.WITHDRAW) == scoring.PROTEST_POLKA
    assert scoring.dialogue_for(Pattern.ATTACK, Move.DEFEND) == scoring.PROTEST_POLKA
    assert scoring.dialogue_for(Pattern.WITHDRAW, Move.WITHDRAW) == scoring.FREEZE_AND_FLEE
    assert scoring.dialogue_for(Pattern.WITHDRAW, Move.ATTACK) == scoring.PROTEST_POLKA
    assert scoring.dialogue_for(Pattern.SELF_BLAME, Move.ATTACK) == scoring.BAD_GUY
    assert scoring.dialogue_for(Pattern.ATTACK, Move.REFLECT) is None
    assert scoring.dialogue_for(Pattern.ATTACK, Move.FIX) is None
    assert scoring.main_dialogue([None, "b", "a", "a", "b"]) == "b"  # tie: first seen
    assert scoring.main_dialogue([None]) is None


def test_figures_on_a_hand_computed_transcript():
    # Three beats; options offered and what was picked:
    #   beat 1: reflect(2) defend(-2) fix(-1)    picked defend  -> -2, best 2
    #   beat 2: reflect+fear(3) validate(2)      picked validate -> 2, best 3
    #   beat 3: reflect(2) reassure(-1) pause(0) picked reflect -> 2, best 2
    b1 = (ch("reflect"), ch("defend"), ch("fix"))
    b2 = (ch("reflect", True), ch("validate"))
    b3 = (ch("reflect"), ch("reassure"), ch("pause"))
    f = scoring.figures([(b1[1], b1), (b2[1], b2), (b3[0], b3)], fear_named=1, fear_asked=1)
    assert (f.earned, f.best_available) == (2, 7)
    assert f.attunement == pytest.approx(100 * 2 / 7)
    assert f.reflections == 1 and f.named_fear_share == 0.0
    assert (f.listening, f.fixing) == (2, 1) and f.listening_ratio == 2.0
    assert (f.positive, f.negative) == (2, 1) and f.positive_ratio == 2.0
    assert f.fear_named_share == 1.0


def test_figures_named_fear_share():
    b = (ch("reflect", True), ch("reflect"))
    f = scoring.figures([(b[0], b), (b[1], b), (b[0], b), (b[0], b)])
    assert f.named_fear_share == pytest.approx(0.75)
    assert f.listening_ratio == float("inf") and f.fixing == 0


def test_attunement_is_bounded():
    assert scoring.attunement(-5, 6) == 0.0
    assert scoring.attunement(6, 6) == 100.0
    assert scoring.attunement(0, 0) == 100.0


def test_format_ratio():
    assert scoring.format_ratio(2.0) == "2:1"
    assert scoring.format_ratio(0.5) == "1:2"
    assert scoring.format_ratio(1.5) == "1.5:1"
    assert scoring.format_ratio(None) == "none yet"
    assert scoring.format_ratio(float("inf")) == "all listening"
    assert scoring.format_ratio(0.0) == "0:1"
