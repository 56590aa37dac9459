"""Seeded play of whole cards without a window: policies and path walks.

- `play(card, policy, seed)` plays one card with the policy `best` (the
  highest-scoring option at every beat), `worst` (the lowest) or `random`.
- `walk(card)` follows every path of a card, returning each path's moves and
  final state; a beat is entered at most `max_visits` times on one path, so
  cycles with a way out are walked without looping for ever.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from . import scoring
from .model import END, Card, Choice, LoopState
from .runner import Runner, RunnerError

POLICIES = ("best", "worst", "random")


@dataclass(frozen=True, slots=True)
class PlayResult:
    card_id: str
    policy: str
    seed: int
    ended: bool
    ending_state: LoopState | None
    attunement: float
    moves: tuple[str, ...]
    error: str | None = None

    def to_json(self) -> dict[str, object]:
        return {
            "card": self.card_id,
            "policy": self.policy,
            "seed": self.seed,
            "ended": self.ended,
            "ending": self.ending_state.value if self.ending_state else None,
            "attunement": round(self.attunement, 1),
            "moves": list(self.moves),
            "error": self.error,
        }


def pick(policy: str, options: tuple[Choice, ...], rng: random.Random, listened: bool = False) -> int:
    """The index (in shown order) the policy picks. Ties go to the earlier option in the card."""
    if policy == "random":
        return rng.randrange(len(options))
    ranked = sorted(range(len(options)), key=lambda i: (options[i].pos.line, options[i].pos.col))
    if policy == "best":
        return max(ranked, key=lambda i: scoring.points(options[i], listened))
    if policy == "worst":
        return min(ranked, key=lambda i: scoring.points(options[i], listened))
    raise ValueError(f"unknown policy {policy!r}: use one of {', '.join(POLICIES)}")


def play(card: Card, policy: str = "best", seed: int = 0) -> PlayResult:
    run = Runner(card, seed=f"{seed}:{card.full_id}")
    rng = random.Random(f"policy:{seed}:{card.full_id}")
    try:
        while not run.ended:
            run.choose(pick(policy, run.choices, rng, run.listened))
    except RunnerError as e:
        return PlayResult(card.full_id, policy, seed, False, None, 0.0, _moves(run), str(e))
    s = run.summary()
    return PlayResult(card.full_id, policy, seed, True, s.ending_state, s.figures.attunement, s.moves)


def _moves(run: Runner) -> tuple[str, ...]:
    return tuple(s.choice.move.value for s in run.steps)


@dataclass(frozen=True, slots=True)
class Path:
    choices: tuple[Choice, ...]
    beats: tuple[str, ...]
    tension: float

    @property
    def state(self) -> LoopState:
        return scoring.loop_state(self.tension)


def walk(card: Card, max_visits: int = 2, limit: int = 200_000) -> Iterator[Path]:
    """Every path from start to end, visiting a beat at most `max_visits` times."""
    count = 0

    def go(beat_id: str, t: float, taken: tuple[Choice, ...], beats: tuple[str, ...], heard: bool) -> Iterator[Path]:
        nonlocal count
        if beat_id == END:
            count += 1
            if count > limit:
                raise RuntimeError(f"card {card.full_id} has more than {limit} paths")
            yield Path(taken, beats, t)
            return
        if beats.count(beat_id) >= max_visits:
            return
        for c in card.beats[beat_id].choices:
            after = scoring.next_tension(t, c, heard)
            yield from go(c.next, after, taken + (c,), beats + (beat_id,), heard or scoring.listens(c))

    yield from go(card.start, float(card.tension), (), (), False)
