"""The loop model and the session figures, checked against hand-computed values."""

import pytest

from game.core import scoring
from game.core.model import Choice, LoopState, Move, Pattern


def ch(move: str, names_fear: bool = False) -> Choice:
    return Choice(say=move, move=Move(move), why="-", next="end", names_fear=names_fear)


def test_points_follow_the_brief():
    listened = [scoring.points(ch(m.value), listened=True) for m in Move]
    assert listened == [2, 2, 1, 1, 1, 1, 0, -1, -1, -1, -2, -2, -3, 1]
    assert scoring.points(ch("reflect", names_fear=True)) == 3


def test_refer_counts_only_after_listening():
    assert scoring.points(ch("refer"), listened=True) == 1
    assert scoring.points(ch("refer")) == scoring.points(ch("fix")) == -1
    assert scoring.counts_as_fixing(ch("refer")) and not scoring.counts_as_fixing(ch("refer"), listened=True)
    assert "fix" in scoring.move_note(ch("refer"), False) and "+1" in scoring.move_note(ch("refer"), True)
    assert scoring.move_note(ch("reflect"), True) is None


def test_negativity_weighs_more():
    up = scoring.next_tension(5, ch("withdraw"))  # -2 points
    down = scoring.next_tension(5, ch("reflect"))  # +2 points
    assert up - 5 == pytest.approx(2 * scoring.K_NEG) and scoring.K_NEG > scoring.K_POS
    assert 5 - down == pytest.approx(2 * scoring.K_POS)


def test_one_slip_from_the_default_start_does_not_flood():
    for move in ("defend", "withdraw", "fix", "reassure", "self-blame"):
        assert not scoring.is_flooded(scoring.next_tension(scoring.DEFAULT_TENSION, ch(move))), move
    assert scoring.is_flooded(scoring.next_tension(scoring.DEFAULT_TENSION, ch("attack")))


def test_any_good_move_from_the_default_start_softens():
    for move in ("reflect", "validate", "curious", "affirm", "disclose", "repair"):
        t = scoring.next_tension(scoring.DEFAULT_TENSION, ch(move))
        assert scoring.loop_state(t) is LoopState.SOFTENED, move


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
    assert scoring.next_tension(9, ch("reflect")) == pytest.approx(9 - 2 * scoring.K_POS * 0.5)  # halved
    assert scoring.next_tension(7, ch("reflect")) == pytest.approx(7 - 2 * scoring.K_POS)  # not flooded: full


def test_pause_relieves_only_when_flooded():
    assert scoring.next_tension(9, ch("pause")) == pytest.approx(6.0)
    assert scoring.next_tension(6, ch("pause")) == pytest.approx(6.0)
    assert scoring.break_relief(8.5) == pytest.approx(5.5)
    assert scoring.break_relief(5) == 5


@pytest.mark.parametrize(
    ("t", "state"),
    [(0, "softened"), (4.49, "softened"), (4.5, "stuck"), (7.99, "stuck"), (8, "escalated"), (10, "escalated")],
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
    # worst on offer: -2, 2, -1 = -1; so attunement is (2 - -1) / (7 - -1)
    f = scoring.figures([(b1[1], b1, False), (b2[1], b2, True), (b3[0], b3, True)], fear_named=1, fear_asked=1)
    assert (f.earned, f.best_available, f.worst_available) == (2, 7, -1)
    assert f.attunement == pytest.approx(100 * 3 / 8)
    assert f.reflections == 1 and f.named_fear_share == 0.0
    assert (f.listening, f.fixing) == (2, 1) and f.listening_ratio == 2.0
    assert (f.positive, f.negative) == (2, 1) and f.positive_ratio == 2.0
    assert f.fear_named_share == 1.0


def test_figures_named_fear_share():
    b = (ch("reflect", True), ch("reflect"))
    f = scoring.figures([(b[0], b, False), (b[1], b, True), (b[0], b, True), (b[0], b, True)])
    assert f.named_fear_share == pytest.approx(0.75)
    assert f.listening_ratio == float("inf") and f.fixing == 0


def test_attunement_is_bounded():
    assert scoring.attunement(-5, 6) == 0.0
    assert scoring.attunement(6, 6) == 100.0
    assert scoring.attunement(0, 0) == 100.0
    assert scoring.attunement(0, 6, -6) == 50.0  # halfway between the worst and the best on offer
    assert scoring.attunement(-6, 6, -6) == 0.0 and scoring.attunement(-5, 6, -6) > 0


def test_format_ratio():
    assert scoring.format_ratio(2.0) == "2:1"
    assert scoring.format_ratio(0.5) == "1:2"
    assert scoring.format_ratio(1.5) == "1.5:1"
    assert scoring.format_ratio(None) == "none yet"
    assert scoring.format_ratio(float("inf")) == "all listening"
    assert scoring.format_ratio(0.0) == "0:1"
