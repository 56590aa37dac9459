"""What a play is made of: its steps and breaks, its summary, votes and ratings.

The runner (runner.py) makes these; every front end reads them. Checks on
votes, player names and ratings live here too, so a saved state and a live
call are held to the same rules.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from . import scoring
from .model import Choice, Fear, LoopState


class RunnerError(Exception):
    """A call the current state does not allow, or a saved state that cannot be restored."""


RATING_MIN, RATING_MAX = 0, 10  # "how understood did you feel", as couples' counsellors ask it
MAX_VOTES = 100_000  # per option: more than any room holds
MAX_PLAYER_NAME = 64
MAX_SEED_TEXT = 200


class TieRule(str, Enum):
    """How a tie between the most-voted options is broken."""

    FIRST_SHOWN = "first-shown"  # the first tied option in shown order (what a room can see and check)
    SEEDED = "seeded"  # drawn from the tied options by the runner's seed and the visit


def vote_winner(votes: Sequence[int], rule: TieRule = TieRule.FIRST_SHOWN, seed: object = 0) -> tuple[int, bool]:
    """The index (in shown order) of the most-voted option, and whether a tie was broken.

    FIRST_SHOWN takes the first tied option in shown order; SEEDED draws one of
    the tied options with a random source seeded by `seed`, so the same votes
    and seed always give the same answer.
    """
    if not votes or max(votes) <= 0:
        raise RunnerError("no votes to play by")
    top = max(votes)
    tied = [i for i, v in enumerate(votes) if v == top]
    if len(tied) == 1 or rule is TieRule.FIRST_SHOWN:
        return tied[0], len(tied) > 1
    return random.Random(f"tie:{seed}").choice(tied), True


@dataclass(frozen=True, slots=True)
class Step:
    """One answer and what it did to the loop."""

    beat_id: str
    line: str  # what the partner said before the answer
    choice: Choice
    offered: tuple[Choice, ...]  # the options as shown, in shown order
    points: int
    tension_before: float
    tension_after: float
    state_before: LoopState
    state_after: LoopState
    dialogue: str | None  # the demon dialogue this answer joined, if any
    listened: bool = False  # the partner had been heard earlier on this card (see scoring.points)
    votes: tuple[int, ...] | None = None  # the room's tally per option, in shown order
    player: str | None = None  # who answered, when more than one plays
    rating: int | None = None  # how understood the partner who spoke felt, 0-10

    def votes_for(self, choice: Choice) -> int:
        """The votes an offered option received (0 without a tally)."""
        if self.votes is None:
            return 0
        return self.votes[self.offered.index(choice)]

    def points_of(self, choice: Choice) -> int:
        """What an option offered here was worth, in this step's context."""
        return scoring.points(choice, self.listened)

    @property
    def best(self) -> Choice:
        """The best-scoring option on this beat (the first one in the card on a tie)."""
        return max(self.offered_in_card_order, key=self.points_of)

    @property
    def offered_in_card_order(self) -> tuple[Choice, ...]:
        return tuple(sorted(self.offered, key=lambda c: (c.pos.line, c.pos.col)))

    @property
    def was_best(self) -> bool:
        return self.points >= self.points_of(self.best)


@dataclass(frozen=True, slots=True)
class Break:
    """The pause action, taken between answers."""

    beat_id: str
    tension_before: float
    tension_after: float

    @property
    def relieved(self) -> bool:
        return self.tension_after < self.tension_before


@dataclass(frozen=True, slots=True)
class Summary:
    card_id: str
    ending_state: LoopState
    ending: str
    figures: scoring.Figures
    moves: tuple[str, ...]
    dialogue: str | None
    fear_guess: Fear | None
    fear: Fear
    player: str | None = None  # the one player these figures cover; None for everyone's
    ratings: tuple[int, ...] = ()  # felt-understood ratings, in the order given
    players: tuple[str, ...] = ()  # who answered, in the order they first did

    @property
    def fear_correct(self) -> bool | None:
        return None if self.fear_guess is None else self.fear_guess is self.fear

    @property
    def felt_understood(self) -> float | None:
        """The mean felt-understood rating, 0-10, or None when nobody rated."""
        return sum(self.ratings) / len(self.ratings) if self.ratings else None


def check_tally(votes: Any, shown: int) -> tuple[int, ...]:
    """A tally per shown option, checked: whole numbers from 0 to MAX_VOTES, one per option."""
    if not isinstance(votes, (list, tuple)) or len(votes) != shown:
        raise RunnerError(f"votes must be one count per shown option ({shown})")
    for v in votes:
        if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= MAX_VOTES:
            raise RunnerError(f"a vote count must be a whole number from 0 to {MAX_VOTES}")
    return tuple(votes)


def check_player(name: Any) -> str | None:
    if name is None:
        return None
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_PLAYER_NAME:
        raise RunnerError(f"a player's name is a text of 1 to {MAX_PLAYER_NAME} characters")
    return name


def check_rating(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not RATING_MIN <= value <= RATING_MAX:
        raise RunnerError(f"a felt-understood rating is a whole number from {RATING_MIN} to {RATING_MAX}")
    return value
