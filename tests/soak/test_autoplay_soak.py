"""Seeded random play of every shipped card, many times over: every play ends and none fails."""

from __future__ import annotations

import random

import pytest

from game.core.autoplay import play
from game.core.library import load_library
from game.core.model import STATES, Fear
from game.core.runner import Runner
from game.paths import SCENARIOS

from .conftest import count

pytestmark = pytest.mark.soak

LIBRARY = load_library([SCENARIOS])
CARDS = list(LIBRARY.cards())


def test_the_shipped_library_loads_cleanly():
    assert CARDS and not LIBRARY.errors


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.full_id)
def test_random_autoplay_always_ends(card):
    plays = count(1000, 1000)  # cheap enough to run the count everywhere
    failed = []
    for seed in range(plays):
        result = play(card, "random", seed)
        if not result.ended or result.ending_state not in STATES or not result.moves:
            failed.append((seed, result.error))
    assert not failed, f"{len(failed)} of {plays} plays of {card.full_id} failed, first: {failed[:3]}"


@pytest.mark.parametrize("card", CARDS, ids=lambda c: c.full_id)
def test_random_play_with_pauses_saves_and_restores(card):
    """A restless player: pauses at random, the game is saved and restored mid-card, the fear is named."""
    for seed in range(count(60, 1000)):
        rng = random.Random(f"restless:{seed}:{card.full_id}")
        run = Runner(card, seed=seed)
        while not run.ended:
            if run.can_pause and rng.random() < 0.2:
                run.pause()
            if rng.random() < 0.1:
                again = Runner.from_dict(card, run.to_dict())
                assert (again.beat_id, again.tension, again.line, again.choices) == (
                    run.beat_id,
                    run.tension,
                    run.line,
                    run.choices,
                )
                run = again
            run.choose(rng.randrange(len(run.choices)))
        run.name_fear(rng.choice(list(Fear)))
        summary = run.summary()
        assert summary.ending_state in STATES and summary.ending == card.endings[summary.ending_state]
        assert 0.0 <= summary.figures.attunement <= 100.0
        assert Runner.from_dict(card, run.to_dict()).summary() == summary
