"""Plays one card: a small pull API in the manner of ink's Story.

    run = Runner(card, seed=7)
    while not run.ended:
        show(run.line, run.choices)      # the partner's line by loop state; shuffled choices
        step = run.choose(i)             # the reply, the new tension and state
    run.ending                           # the ending text for the final state
    run.name_fear(Fear.TOO_MUCH)         # the player's guess, scored
    run.summary()                        # figures for the debrief

Other modes pass more to `choose`: the room's `votes` per shown option (the
most voted is played; see `vote_winner` and `TieRule`), the `player` who
answered, and the `rating` 0-10 of how understood the partner who spoke felt.
`summary(player=...)` gives one player's figures.

The state is a plain dict (`to_dict`/`from_dict`): the card's id, the seed and
the events so far. Restoring replays the events, so a save can never hold a
state the rules could not reach.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Sequence
from typing import Any

from . import scoring
from .model import END, Beat, Card, Choice, Fear, LoopState
from .steps import (
    MAX_PLAYER_NAME,
    MAX_SEED_TEXT,
    MAX_VOTES,
    RATING_MAX,
    RATING_MIN,
    Break,
    RunnerError,
    Step,
    Summary,
    TieRule,
    check_player,
    check_rating,
    check_tally,
    vote_winner,
)

__all__ = [
    "MAX_PLAYER_NAME",
    "MAX_VOTES",
    "RATING_MAX",
    "RATING_MIN",
    "Break",
    "Runner",
    "RunnerError",
    "Step",
    "Summary",
    "TieRule",
    "vote_winner",
]


class Runner:
    MAX_STEPS = 200  # a card that has not ended by then is broken
    MAX_EVENTS = 4 * MAX_STEPS + 2  # answers, one pause a beat, ratings, the fear: more is not a save

    def __init__(self, card: Card, seed: int | str = 0) -> None:
        self._card = card
        self._seed = seed
        self._tension: float = float(card.tension)
        self._beat_id: str = card.start
        self._transcript: list[Step | Break] = []
        self._fear_guess: Fear | None = None
        self._fear_player: str | None = None
        self._events: list[list[Any]] = []
        self._visit = 0
        self._line = ""
        self._order: tuple[int, ...] = ()
        self._beat_start = 0
        self._enter_beat()

    # -- reading ---------------------------------------------------------
    @property
    def card(self) -> Card:
        return self._card

    @property
    def seed(self) -> int | str:
        return self._seed

    @property
    def tension(self) -> float:
        return self._tension

    @property
    def beat_id(self) -> str:
        return self._beat_id

    @property
    def transcript(self) -> tuple[Step | Break, ...]:
        """Every answer and break so far, in order."""
        return tuple(self._transcript)

    @property
    def fear_guess(self) -> Fear | None:
        return self._fear_guess

    @property
    def ended(self) -> bool:
        return self._beat_id == END

    @property
    def beat(self) -> Beat:
        if self.ended:
            raise RunnerError("the card has ended")
        return self._card.beats[self._beat_id]

    @property
    def state(self) -> LoopState:
        return scoring.loop_state(self._tension)

    @property
    def flooded(self) -> bool:
        return scoring.is_flooded(self._tension)

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
        return [s for s in self._transcript if isinstance(s, Step)]

    @property
    def ending(self) -> str:
        if not self.ended:
            raise RunnerError("the card has not ended yet")
        return self._card.endings[self.state]

    @property
    def listened(self) -> bool:
        """Whether the partner has been heard on this card so far (a reflect or validate)."""
        return any(scoring.listens(s.choice) for s in self.steps)

    @property
    def can_pause(self) -> bool:
        """One break a beat: a break is a pause, not a way to skip the talk."""
        return not self.ended and not any(
            isinstance(e, Break) and e.beat_id == self._beat_id for e in self._transcript[self._beat_start :]
        )

    @property
    def players(self) -> tuple[str, ...]:
        """Who has answered, in the order they first did."""
        return tuple(dict.fromkeys(s.player for s in self.steps if s.player is not None))

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
        """Answer with the option at `index` in the shown (shuffled) order.

        `votes` is a tally per shown option, kept in the step; without an
        `index` the most-voted option is played (`vote_winner` with `tie`).
        `player` names who answered; `rating` is the speaker's 0-10.
        """
        options = self.choices
        tally = check_tally(votes, len(options)) if votes is not None else None
        if index is None:
            if tally is None:
                raise RunnerError("choose needs an index or votes")
            index, _ = vote_winner(tally, tie, f"{self._seed}:{self._visit}")
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(options):
            raise RunnerError(f"no choice {index!r}: there are {len(options)}")
        return self._apply_choice(self._order[index], tally, check_player(player), check_rating(rating))

    def rate(self, rating: int) -> Step:
        """Give the last answer its felt-understood rating (when it comes after the answer)."""
        last = next(
            (i for i in range(len(self._transcript) - 1, -1, -1) if isinstance(self._transcript[i], Step)), None
        )
        if last is None:
            raise RunnerError("there is no answer to rate yet")
        step = self._transcript[last]
        assert isinstance(step, Step)
        rated = dataclasses.replace(step, rating=check_rating(rating))
        self._transcript[last] = rated
        self._events.append(["rate", rated.rating])
        return rated

    def pause(self) -> Break:
        """The pause action: relief when flooded; a moment to notice the fear otherwise."""
        if not self.can_pause:
            raise RunnerError("already paused on this beat")
        before = self._tension
        self._tension = scoring.break_relief(before)
        if scoring.loop_state(before) is not self.state:  # back from a break, the talk resumes where it now stands
            self._line = self.beat.line_for(self.state)
        b = Break(self._beat_id, before, self._tension)
        self._transcript.append(b)
        self._events.append(["pause"])
        return b

    def name_fear(self, fear: Fear, player: str | None = None) -> bool:
        if not self.ended:
            raise RunnerError("name the fear after the card has ended")
        if not isinstance(fear, Fear):
            raise RunnerError(f"not a fear: {fear!r}")
        self._fear_guess = fear
        self._fear_player = check_player(player)
        self._events.append(["fear", fear.value] if player is None else ["fear", fear.value, self._fear_player])
        return fear is self._card.fear

    def summary(self, player: str | None = None) -> Summary:
        """Figures for the play; with `player`, for that player's answers alone."""
        steps = [s for s in self.steps if player is None or s.player == player]
        guessed = self._fear_guess is not None and (player is None or self._fear_player in (None, player))
        asked = 1 if guessed else 0
        named = 1 if guessed and self._fear_guess is self._card.fear else 0
        figs = scoring.figures([(s.choice, s.offered, s.listened) for s in steps], fear_named=named, fear_asked=asked)
        return Summary(
            card_id=self._card.full_id,
            ending_state=self.state,
            ending=self.ending if self.ended else "",
            figures=figs,
            moves=tuple(s.choice.move.value for s in steps),
            dialogue=scoring.main_dialogue(s.dialogue for s in steps),
            fear_guess=self._fear_guess if guessed else None,
            fear=self._card.fear,
            player=player,
            ratings=tuple(s.rating for s in steps if s.rating is not None),
            players=self.players,
        )

    # -- saving ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {"card": self._card.full_id, "seed": self._seed, "events": [_copy_event(e) for e in self._events]}

    @classmethod
    def from_dict(cls, card: Card, data: Any) -> Runner:
        """Replay a saved state; anything damaged or hostile raises RunnerError, nothing else."""
        try:
            return cls._restore(card, data)
        except RunnerError:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, OverflowError, RecursionError) as e:
            raise RunnerError(f"the saved state cannot be restored: {type(e).__name__}") from None

    @classmethod
    def _restore(cls, card: Card, data: Any) -> Runner:
        if not isinstance(data, dict):
            raise RunnerError("a saved state is a mapping")
        if data.get("card") != card.full_id:
            raise RunnerError(f"this state belongs to {str(data.get('card'))[:80]!r}, not {card.full_id!r}")
        seed = data.get("seed", 0)
        if isinstance(seed, bool) or not isinstance(seed, (int, str)) or len(str(seed)) > MAX_SEED_TEXT:
            raise RunnerError("the saved seed is not a number or a short text")
        events = data.get("events", [])
        if not isinstance(events, list):
            raise RunnerError("the saved events are not a list")
        if len(events) > cls.MAX_EVENTS:
            raise RunnerError(f"{len(events)} saved events: more than a card can hold ({cls.MAX_EVENTS})")
        run = cls(card, seed=seed)
        for event in events:
            run._replay(event)
        return run

    def _replay(self, event: Any) -> None:
        if not isinstance(event, list) or not event or not isinstance(event[0], str):
            raise RunnerError("a saved event is not a list that starts with its kind")
        kind, args = event[0], event[1:]
        if kind == "choose" and len(args) in (1, 2):
            original = args[0]
            if isinstance(original, bool) or not isinstance(original, int):
                raise RunnerError("a saved answer is not a number")
            extra = args[1] if len(args) == 2 else {}
            if not isinstance(extra, dict) or not set(extra) <= {"votes", "player", "rating"}:
                raise RunnerError("a saved answer carries unknown details")
            shown = len(self.choices)
            tally = check_tally(extra["votes"], shown) if "votes" in extra else None
            self._apply_choice(original, tally, check_player(extra.get("player")), check_rating(extra.get("rating")))
        elif kind == "pause" and not args:
            self.pause()
        elif kind == "rate" and len(args) == 1:
            self.rate(args[0])
        elif kind == "fear" and len(args) in (1, 2):
            if args[0] not in {f.value for f in Fear}:
                raise RunnerError("a saved fear is not one of the two")
            self.name_fear(Fear(args[0]), args[1] if len(args) == 2 else None)
        else:
            raise RunnerError(f"unknown event {str(kind)[:40]!r} with {len(args)} details")

    # -- inside ----------------------------------------------------------
    def _apply_choice(
        self, original: int, votes: tuple[int, ...] | None = None, player: str | None = None, rating: int | None = None
    ) -> Step:
        if self.ended:
            raise RunnerError("the card has ended")
        if len(self.steps) >= self.MAX_STEPS:
            raise RunnerError(f"card {self._card.full_id} did not end within {self.MAX_STEPS} answers")
        beat = self.beat
        if not 0 <= original < len(beat.choices):
            raise RunnerError(f"beat {beat.id} has no choice {original}")
        choice = beat.choices[original]
        before = self._tension
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
            dialogue=scoring.dialogue_for(self._card.pattern, choice.move),
            listened=listened,
            votes=votes,
            player=player,
            rating=rating,
        )
        self._tension = after
        self._transcript.append(step)
        extra = {
            k: (list(v) if k == "votes" else v)
            for k, v in (("votes", votes), ("player", player), ("rating", rating))
            if v is not None
        }
        self._events.append(["choose", original, extra] if extra else ["choose", original])
        self._beat_id = choice.next
        self._enter_beat()
        return step

    def _enter_beat(self) -> None:
        self._beat_start = len(self._transcript)
        if self.ended:
            self._line = ""
            self._order = ()
            return
        beat = self._card.beats[self._beat_id]
        self._line = beat.line_for(self.state)
        order = list(range(len(beat.choices)))
        random.Random(f"{self._seed}:{self._visit}").shuffle(order)
        self._order = tuple(order)
        self._visit += 1


def _copy_event(event: list[Any]) -> list[Any]:
    return [
        dict(x, **({"votes": list(x["votes"])} if "votes" in x else {})) if isinstance(x, dict) else x for x in event
    ]
