"""One card from start to record, for any front end (no drawing here).

    s = Session(card, seed=7)                     # solo; or mode=Mode.TOGETHER, players=("Ana", "Ben")
    while not s.ended:
        show(s.line, s.choices)
        step = s.choose(i)                        # or choose(votes=[...]), choose(i, player="Ana", rating=7)
        show(s.reaction(step))                    # the reply, or how the partner takes it, and the loop
    s.name_fear(Fear.TOO_MUCH)
    s.figure_rows()                               # the debrief's figure table (the progress screen's too)
    s.reviews()                                   # every answer told in words
    s.record(store)                               # once; the saved play keeps mode, players, ratings, votes

A session wraps one `Runner` (the rules) and adds what every mode needs
around it: the words for a reaction, the pause and the fear, the debrief's
table, the record written to progress, and the saved state. Deck order and
the suggested next card (next_card.py, re-exported here) are decided here too, so no screen decides them.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from . import scoring
from .debrief import FigureRow, Review, break_words, figure_rows, loop_words, reaction_words, review
from .model import Card, Choice, Fear, Mode
from .next_card import GENTLE_TAGS, History, deck_order, suggested_card  # noqa: F401 - the session's API too
from .runner import Runner, RunnerError, TieRule
from .steps import Break, Step, Summary, check_player

PAUSE_QUESTION = "What is my vulnerable fear right now?"
FEARS_ASKED = "Is it 'I am not enough', or 'I am too much'?"
FEAR_HINTS = {
    Fear.NOT_ENOUGH: "Afraid of falling short: not wanted, not good enough, not chosen.",
    Fear.TOO_MUCH: "Afraid of being a burden: needing too much, feeling too much, asking too much.",
}
MAX_PLAYERS = 8  # names a session can hold (a couple needs two)


class Recorder(Protocol):
    """Where a finished play is kept (progress.Store)."""

    def record(self, summary: Summary, when: str | None = None, **details: Any) -> Any: ...


@dataclass(frozen=True, slots=True)
class Reaction:
    """What the screen tells after an answer."""

    step: Step
    reply: str  # the partner's reply, or how they take it
    loop: str  # what it did to the loop
    pattern: str | None  # "Protest Polka: ..." when the answer joined a demon dialogue
    cue: str  # "soften", "escalate", "steady", or "end" when the card ended


@dataclass(frozen=True, slots=True)
class PauseNote:
    """What the pause says: the question, and what the break did."""

    brk: Break | None  # None when this beat was paused on already
    question: str
    asked: str
    words: str


class Session:
    """One card played by one player, two partners or a room."""

    def __init__(
        self,
        card: Card,
        seed: int | str | None = None,
        *,
        mode: Mode = Mode.SOLO,
        players: Sequence[str] = (),
        runner: Runner | None = None,
    ) -> None:
        if runner is not None and runner.card is not card:
            raise RunnerError("the runner plays another card")
        self.card = card
        self.mode = Mode(mode)
        if len(players) > MAX_PLAYERS:
            raise RunnerError(f"a session holds at most {MAX_PLAYERS} players")
        self.players: tuple[str, ...] = tuple(p for p in (check_player(n) for n in players) if p)
        self.runner = runner or Runner(card, seed if seed is not None else random.randrange(1_000_000))
        self.recorded: Any = None  # the record, once written

    # -- reading ---------------------------------------------------------
    @property
    def line(self) -> str:
        return self.runner.line

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self.runner.choices

    @property
    def ended(self) -> bool:
        return self.runner.ended

    @property
    def tension(self) -> float:
        return self.runner.tension

    @property
    def flooded(self) -> bool:
        return self.runner.flooded

    @property
    def can_pause(self) -> bool:
        return self.runner.can_pause

    @property
    def ending(self) -> str:
        return self.runner.ending

    @property
    def steps(self) -> list[Step]:
        return self.runner.steps

    @property
    def transcript(self) -> tuple[Step | Break, ...]:
        return self.runner.transcript

    @property
    def first_line(self) -> str:
        """The partner's opening line, for a recap."""
        return next((s.line for s in self.runner.steps), "")

    # -- acting ----------------------------------------------------------
    def choose(
        self,
        index: int | None = None,
        *,
        votes: Sequence[int] | None = None,
        tie: TieRule = TieRule.FIRST_SHOWN,
        player: str | None = None,
        rating: int | None = None,
    ) -> Step:
        """Answer (see Runner.choose); a player must be one of the session's, when it names them."""
        if player is not None and self.players and player not in self.players:
            raise RunnerError(f"{player!r} is not playing this card")
        return self.runner.choose(index, votes=votes, tie=tie, player=player, rating=rating)

    def rate(self, rating: int) -> Step:
        return self.runner.rate(rating)

    def reaction(self, step: Step) -> Reaction:
        name = self.card.partner
        d = step.dialogue
        last = self.runner.ended and step is self.runner.steps[-1]
        if last:
            cue = "end"
        elif step.tension_after == step.tension_before:
            cue = "steady"
        else:
            cue = "soften" if step.tension_after < step.tension_before else "escalate"
        return Reaction(
            step=step,
            reply=step.choice.reply or reaction_words(name, step, last),
            loop=loop_words(step),
            pattern=f"{d}: {scoring.PATTERN_EXPLAINED[d]}" if d else None,
            cue=cue,
        )

    def pause(self) -> PauseNote:
        """Take the pause (once a beat; again it only asks the question)."""
        brk = self.runner.pause() if self.runner.can_pause else None
        name = self.card.partner
        if brk is not None and brk.relieved:
            words = (
                "You ask for twenty minutes and promise to come back. The flood recedes: "
                f"tension {brk.tension_before:.0f} to {brk.tension_after:.0f}."
            )
        elif self.runner.flooded:
            words = "You have paused on this answer already. Name your fear, then answer gently."
        else:
            words = "The loop stays where it is. The pause is for you: know your own fear first."
        asked = f"Breathe out slowly. Notice where the feeling sits. {name} can wait a moment."
        return PauseNote(brk, PAUSE_QUESTION, asked, words)

    def name_fear(self, fear: Fear, player: str | None = None) -> bool:
        return self.runner.name_fear(fear, player)

    # -- the debrief -----------------------------------------------------
    def summary(self, player: str | None = None) -> Summary:
        """Everyone's figures (the shared score), or one player's."""
        return self.runner.summary(player)

    def figure_rows(self, player: str | None = None) -> list[FigureRow]:
        return figure_rows(self.summary(player).figures)

    def reviews(self) -> list[Review | str]:
        """Every answer as a Review, and every break in words, in the order they came."""
        return [review(e) if isinstance(e, Step) else break_words(e) for e in self.runner.transcript]

    def fear_words(self) -> str | None:
        """What naming the fear showed, or None when it was not named."""
        s = self.summary()
        if s.fear_guess is None:
            return None
        verdict = "You heard it." if s.fear_correct else "Look back at the words below for where it showed."
        return f"You named '{s.fear_guess.words}'. {self.card.partner}'s fear was '{s.fear.words}'. {verdict}"

    def votes(self) -> tuple[tuple[int, ...] | None, ...]:
        """The room's tally at each answer (None where nobody voted)."""
        return tuple(s.votes for s in self.runner.steps)

    # -- keeping it ------------------------------------------------------
    def record(self, store: Recorder, when: str | None = None) -> Any:
        """Write the finished play to progress, once; later calls answer the same record."""
        if self.recorded is None:
            votes = self.votes()
            self.recorded = store.record(
                self.summary(),
                when,
                mode=self.mode,
                players=self.players or self.summary().players,
                votes=tuple(v or () for v in votes) if any(v is not None for v in votes) else (),
            )
        return self.recorded

    def to_dict(self) -> dict[str, Any]:
        return {"mode": self.mode.value, "players": list(self.players), "runner": self.runner.to_dict()}

    @classmethod
    def from_dict(cls, card: Card, data: Any) -> Session:
        """Restore a saved session; anything damaged raises RunnerError."""
        if not isinstance(data, dict):
            raise RunnerError("a saved session is a mapping")
        mode = data.get("mode", Mode.SOLO.value)
        if not isinstance(mode, str) or mode not in {m.value for m in Mode}:
            raise RunnerError("the saved mode is not one this game knows")
        players = data.get("players", [])
        if not isinstance(players, list) or len(players) > MAX_PLAYERS:
            raise RunnerError("the saved players are not a short list")
        run = Runner.from_dict(card, data.get("runner"))
        return cls(card, mode=Mode(mode), players=players, runner=run)
