"""Plays one card: a small pull API in the manner of ink's Story.

    run = Runner(card, seed=7)
    while not run.ended:
        show(run.line, run.choices)      # the partner's line by loop state; shuffled choices
        step = run.choose(i)             # the reply, the new tension and state
    run.ending                           # the ending text for the final state
    run.name_fear(Fear.TOO_MUCH)         # the player's guess, scored
    run.summary()                        # figures for the debrief

The state is a plain dict (`to_dict`/`from_dict`): the card's id, the seed and
the events so far. Restoring replays the events, so a save can never hold a
state the rules could not reach.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from . import scoring
from .model import END, Beat, Card, Choice, Fear, LoopState


class RunnerError(Exception):
    """A call the current state does not allow (a bug in the caller)."""


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

    @property
    def fear_correct(self) -> bool | None:
        return None if self.fear_guess is None else self.fear_guess is self.fear


class Runner:
    MAX_STEPS = 200  # a card that has not ended by then is broken

    def __init__(self, card: Card, seed: int | str = 0) -> None:
        self.card = card
        self.seed = seed
        self.tension: float = float(card.tension)
        self.beat_id: str = card.start
        self.transcript: list[Step | Break] = []
        self.fear_guess: Fear | None = None
        self._events: list[Any] = []
        self._visit = 0
        self._line = ""
        self._order: tuple[int, ...] = ()
        self._enter_beat()

    # -- reading ---------------------------------------------------------
    @property
    def ended(self) -> bool:
        return self.beat_id == END

    @property
    def beat(self) -> Beat:
        if self.ended:
            raise RunnerError("the card has ended")
        return self.card.beats[self.beat_id]

    @property
    def state(self) -> LoopState:
        return scoring.loop_state(self.tension)

    @property
    def flooded(self) -> bool:
        return scoring.is_flooded(self.tension)

    @property
    def line(self) -> str:
        """The partner's line at this beat, picked by the loop state on arrival."""
        return self._line

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The options, shuffled for this visit by the seeded random source."""
        if self.ended:
            return ()
        beat = self.beat
        return tuple(beat.choices[i] for i in self._order)

    @property
    def steps(self) -> list[Step]:
        return [s for s in self.transcript if isinstance(s, Step)]

    @property
    def ending(self) -> str:
        if not self.ended:
            raise RunnerError("the card has not ended yet")
        return self.card.endings[self.state]

    @property
    def listened(self) -> bool:
        """Whether the partner has been heard on this card so far (a reflect or validate)."""
        return any(scoring.listens(s.choice) for s in self.steps)

    @property
    def can_pause(self) -> bool:
        """One break a beat: a break is a pause, not a way to skip the talk."""
        return not self.ended and not any(
            isinstance(e, Break) and e.beat_id == self.beat_id for e in self.transcript[self._beat_start :]
        )

    # -- acting ----------------------------------------------------------
    def choose(self, index: int) -> Step:
        """Answer with the option at `index` in the shown (shuffled) order."""
        options = self.choices
        if not 0 <= index < len(options):
            raise RunnerError(f"no choice {index}: there are {len(options)}")
        original = self._order[index]
        return self._apply_choice(original)

    def pause(self) -> Break:
        """The pause action: relief when flooded; a moment to notice the fear otherwise."""
        if not self.can_pause:
            raise RunnerError("already paused on this beat")
        before = self.tension
        self.tension = scoring.break_relief(before)
        if scoring.loop_state(before) is not self.state:  # back from a break, the talk resumes where it now stands
            self._line = self.beat.line_for(self.state)
        b = Break(self.beat_id, before, self.tension)
        self.transcript.append(b)
        self._events.append(["pause"])
        return b

    def name_fear(self, fear: Fear) -> bool:
        if not self.ended:
            raise RunnerError("name the fear after the card has ended")
        self.fear_guess = fear
        self._events.append(["fear", fear.value])
        return fear is self.card.fear

    def summary(self) -> Summary:
        steps = self.steps
        asked = 1 if self.fear_guess is not None else 0
        named = 1 if self.fear_guess is self.card.fear else 0
        figs = scoring.figures([(s.choice, s.offered, s.listened) for s in steps], fear_named=named, fear_asked=asked)
        return Summary(
            card_id=self.card.full_id,
            ending_state=self.state,
            ending=self.ending if self.ended else "",
            figures=figs,
            moves=tuple(s.choice.move.value for s in steps),
            dialogue=scoring.main_dialogue(s.dialogue for s in steps),
            fear_guess=self.fear_guess,
            fear=self.card.fear,
        )

    # -- saving ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"card": self.card.full_id, "seed": self.seed, "events": [list(e) for e in self._events]}

    @classmethod
    def from_dict(cls, card: Card, data: dict[str, Any]) -> Runner:
        if data.get("card") != card.full_id:
            raise RunnerError(f"this state belongs to {data.get('card')!r}, not {card.full_id!r}")
        run = cls(card, seed=data.get("seed", 0))
        for event in data.get("events", []):
            kind = event[0]
            if kind == "choose":
                run._apply_choice(int(event[1]))
            elif kind == "pause":
                run.pause()
            elif kind == "fear":
                run.name_fear(Fear(event[1]))
            else:
                raise RunnerError(f"unknown event {kind!r}")
        return run

    # -- inside ----------------------------------------------------------
    _beat_start = 0

    def _apply_choice(self, original: int) -> Step:
        if self.ended:
            raise RunnerError("the card has ended")
        if len(self.steps) >= self.MAX_STEPS:
            raise RunnerError(f"card {self.card.full_id} did not end within {self.MAX_STEPS} answers")
        beat = self.beat
        if not 0 <= original < len(beat.choices):
            raise RunnerError(f"beat {beat.id} has no choice {original}")
        choice = beat.choices[original]
        before = self.tension
        listened = self.listened
        after = scoring.next_tension(before, choice, listened)
        step = Step(
            beat_id=beat.id,
            line=self._line,
            choice=choice,
            offered=self.choices,
            points=scoring.points(choice, listened),
            tension_before=before,
            tension_after=after,
            state_before=scoring.loop_state(before),
            state_after=scoring.loop_state(after),
            dialogue=scoring.dialogue_for(self.card.pattern, choice.move),
            listened=listened,
        )
        self.tension = after
        self.transcript.append(step)
        self._events.append(["choose", original])
        self.beat_id = choice.next
        self._enter_beat()
        return step

    def _enter_beat(self) -> None:
        self._beat_start = len(self.transcript)
        if self.ended:
            self._line = ""
            self._order = ()
            return
        beat = self.card.beats[self.beat_id]
        self._line = beat.line_for(self.state)
        order = list(range(len(beat.choices)))
        random.Random(f"{self.seed}:{self._visit}").shuffle(order)
        self._order = tuple(order)
        self._visit += 1
