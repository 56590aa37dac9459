"""What a room did with a card: each option's outcome, each beat as played, each card as it ended."""

from __future__ import annotations

from dataclasses import dataclass

from . import scoring
from .debrief import loop_words, reaction_words
from .model import END, Card, Choice, LoopState
from .steps import TieRule, vote_winner


@dataclass(frozen=True, slots=True)
class Outcome:
    """What one option would do to the loop, from where it stands now."""

    choice: Choice
    points: int
    tension_before: float
    tension_after: float

    @property
    def state_before(self) -> LoopState:
        return scoring.loop_state(self.tension_before)

    @property
    def state_after(self) -> LoopState:
        return scoring.loop_state(self.tension_after)

    def reply(self, partner: str) -> str:
        """The partner's reply, or how they would take it."""
        return self.choice.reply or reaction_words(partner, self, last=self.choice.next == END)

    @property
    def loop(self) -> str:
        return loop_words(self)


@dataclass(frozen=True, slots=True)
class BeatRecord:
    """One beat as the room played it: what was shown, the votes, and what was played."""

    card_id: str
    beat_id: str
    line: str
    shown: tuple[Choice, ...]
    points: tuple[int, ...]
    votes: tuple[int, ...]
    played: int  # index in shown order
    tie: bool
    walked: bool  # no votes: every outcome was shown, and the best was played


@dataclass(frozen=True, slots=True)
class CardRecord:
    card: Card
    beats: tuple[BeatRecord, ...]
    ending_state: LoopState
    ending: str
    attunement: float
    dialogue: str | None

    @property
    def votes(self) -> int:
        return sum(sum(b.votes) for b in self.beats)

    @property
    def votes_for_listening(self) -> int:
        """Votes cast for an answer that lowered the tension."""
        return sum(v for b in self.beats for v, p in zip(b.votes, b.points, strict=True) if p > 0)


def played_index(votes: tuple[int, ...] | list[int], points: tuple[int, ...] | list[int]) -> tuple[int, bool, bool]:
    """The option the room plays: (index, tie broken, walked through).

    The most-voted option; a tie goes to the first tied option in shown order
    (the session layer's TieRule.FIRST_SHOWN, which the room can see and check).
    With no votes at all, the best-scoring option (the first in shown order on a tie).
    """
    if sum(votes) == 0:
        best = max(points)
        return points.index(best), False, True
    index, tie = vote_winner(votes, TieRule.FIRST_SHOWN)
    return index, tie, False
