"""The runner: lines by loop state, seeded shuffles, saving, and golden plays."""

from pathlib import Path

import pytest

from game.core import scoring
from game.core.deckfile import load_deck_text
from game.core.model import Fear, LoopState
from game.core.runner import Runner, RunnerError

from .decks import BASE, LOOPING

GOLDEN = Path(__file__).parent / "golden"


def card(text: str = BASE):
    deck, ds = load_deck_text(text, "deck.yaml")
    assert deck is not None, ds
    return deck.cards[0]


def pick(run: Runner, say: str) -> int:
    return [c.say for c in run.choices].index(say)


def test_best_answers_soften_and_the_line_follows():
    run = Runner(card(), seed=1)
    assert run.line == "You never listen." and run.state is LoopState.STUCK
    step = run.choose(pick(run, "You feel unheard, and alone with it."))
    assert (step.tension_before, step.tension_after) == (5.0, 3.0)
    assert step.state_after is LoopState.SOFTENED and step.was_best
    assert run.line == "Maybe I worry I'm not enough for you."
    run.choose(pick(run, "You worry you're not enough for me. Is that right?"))
    assert run.ended and run.state is LoopState.SOFTENED
    assert run.ending == "The talk softens. You both feel a little closer."
    assert run.name_fear(Fear.NOT_ENOUGH) is True
    s = run.summary()
    assert s.figures.attunement == 100.0 and s.fear_correct is True
    assert s.moves == ("reflect", "reflect") and s.dialogue is None


def test_worst_answers_escalate_and_name_the_dialogue():
    run = Runner(card(), seed=1)
    step = run.choose(pick(run, "I always listen."))
    assert step.tension_after == 5 + 2 * scoring.K_NEG and not step.was_best
    assert step.best.say == "You feel unheard, and alone with it."
    assert run.line == "Whatever." and not run.flooded  # one slip does not flood
    run.choose(pick(run, "You're being dramatic."))
    assert run.state is LoopState.ESCALATED
    assert run.summary().dialogue == "Protest Polka"


def test_same_seed_same_order_and_different_seeds_differ():
    c = card(LOOPING)
    orders = {tuple(o.say for o in Runner(c, seed=s).choices) for s in range(20)}
    assert len(orders) > 1
    assert Runner(c, seed=5).choices == Runner(c, seed=5).choices


def test_pause_when_flooded_relieves_once_a_beat():
    c = card(LOOPING)  # starts at 6
    run = Runner(c, seed=0)
    run.choose(pick(run, "No, you do."))  # attack: 6 + 3 x 1.25 = 9.75, and on to b
    assert run.flooded and run.line == "Go away."
    b = run.pause()
    assert b.relieved and run.tension == 9.75 - scoring.PAUSE_RELIEF and run.line == "Hm."
    assert not run.can_pause
    with pytest.raises(RunnerError):
        run.pause()


def test_pause_when_calm_changes_nothing():
    run = Runner(card(LOOPING), seed=0)
    b = run.pause()
    assert not b.relieved and run.tension == 6.0


def test_save_and_restore_mid_card():
    c = card(LOOPING)
    run = Runner(c, seed="abc")
    run.choose(pick(run, "Let's take twenty minutes and come back."))
    run.pause()
    run.choose(pick(run, "No, you do."))
    data = run.to_dict()
    import json

    again = Runner.from_dict(c, json.loads(json.dumps(data)))
    assert again.tension == run.tension and again.beat_id == run.beat_id
    assert again.choices == run.choices and again.line == run.line
    assert [type(e).__name__ for e in again.transcript] == ["Step", "Break", "Step"]


def test_restore_refuses_another_cards_state():
    with pytest.raises(RunnerError):
        Runner.from_dict(card(), {"card": "other/card", "seed": 0, "events": []})


def test_bad_calls_are_refused():
    run = Runner(card(), seed=0)
    with pytest.raises(RunnerError):
        run.choose(7)
    with pytest.raises(RunnerError):
        run.name_fear(Fear.TOO_MUCH)
    with pytest.raises(RunnerError):
        _ = run.ending


# -- golden plays: a plain-text plan of the lines, options and picks -----------------


def render_play(text: str, seed: str, picks: list[str]) -> str:
    """Play the card, picking by the words; write down everything a player sees."""
    run = Runner(card(text), seed=seed)
    out = [f"card: {run.card.full_id}", f"seed: {seed}"]
    for say in picks:
        out.append(f"{run.card.partner} ({run.state.value}, {run.tension:g}): {run.line}")
        out += [f"  {i + 1}. {c.say}" for i, c in enumerate(run.choices)]
        step = run.choose(pick(run, say))
        out.append(
            f"> {step.choice.say} [{step.choice.move.value} {step.points:+d}] "
            f"{step.tension_before:g} -> {step.tension_after:g}"
        )
        if step.choice.reply:
            out.append(f"{run.card.partner}: {step.choice.reply}")
    out.append(f"ending ({run.state.value}): {run.ending}")
    return "\n".join(out) + "\n"


def read_plan(path: Path) -> tuple[str, list[str]]:
    lines = path.read_text().splitlines()
    seed = next(x for x in lines if x.startswith("seed: "))[6:]
    picks = [x[2:].rsplit(" [", 1)[0] for x in lines if x.startswith("> ")]
    return seed, picks


@pytest.mark.parametrize(
    ("deck", "plan"),
    [(BASE, "base-best.plan"), (BASE, "base-worst.plan"), (LOOPING, "looping.plan")],
)
def test_golden_plays(deck, plan):
    expected = (GOLDEN / plan).read_text()
    seed, picks = read_plan(GOLDEN / plan)
    assert render_play(deck, seed, picks) == expected
