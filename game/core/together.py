"""A couple's card: one speaker, one listener, a felt-understood rating, a blind match; one shared score.

    t = TogetherCard(card, names=("Ana", "Ben"), speaker=0, seed=4)
    t.phase                 # Phase.SPEAK: the speaker reads the partner's line aloud; the listener picks
    t.pick(2)               # the listener's answer (shown order)   -> Phase.RATE
    t.rate(7)               # the speaker: how understood that felt, 0-10 -> Phase.REACT, the loop answers
    t.go_on()               # the next beat, or Phase.DONE

At one beat the game picks (the blind match), both choose unseen first:
CURTAIN (listener) -> BLIND (listener picks what they would say) -> CURTAIN
(speaker) -> BLIND (speaker picks what they would most want to hear) ->
MATCH (both picks side by side) -> RATE -> REACT, playing the listener's pick.
While the second partner chooses, nothing about the first pick is exposed
(`first_pick_hidden`): the screen has nothing to draw it from.

The score is the couple's: no figure here belongs to one partner alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum
from statistics import mean
from typing import Any

from . import scoring
from .model import Card, Choice, Mode
from .prompts import together_question
from .runner import Runner
from .session import Session
from .steps import RATING_MAX, RATING_MIN, Step

GAP_LOW = 4  # a well-scored answer felt at or below this: a gap worth talking about
GAP_HIGH = 7  # a poorly scored answer felt at or above this: a gap too


class Phase(str, Enum):
    SPEAK = "speak"
    CURTAIN = "curtain"
    BLIND = "blind"
    MATCH = "match"
    RATE = "rate"
    REACT = "react"
    DONE = "done"


class TogetherError(Exception):
    """A call the current phase does not allow."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One answer of the listener, the game's judgement and the speaker's felt rating."""

    step: Step
    listener: str
    speaker: str
    rating: int
    blind_wanted: Choice | None  # at the blind match: what the speaker wanted to hear

    @property
    def met(self) -> bool | None:
        return None if self.blind_wanted is None else self.blind_wanted == self.step.choice

    @property
    def gap(self) -> str | None:
        """A sentence when the game's judgement and the felt rating disagree, to talk about."""
        p = self.step.points
        if p > 0 and self.rating <= GAP_LOW:
            return (
                f"The game scored this {p:+d}; {self.speaker} felt {self.rating}/10 understood. "
                "Talk about the gap: what would have helped it land?"
            )
        if p < 0 and self.rating >= GAP_HIGH:
            return (
                f"The game scored this {p:+d}; {self.speaker} felt {self.rating}/10 understood. "
                "Talk about the gap: what about it felt right to you?"
            )
        return None


class _CoupleStore:
    """Records a couple's play under their own profile, whatever profile the solo game is on."""

    def __init__(self, store: Any, profile: str, matches: tuple[int, int]) -> None:
        self.store, self.profile, self.matches = store, profile, matches

    def record(self, summary: Any, when: str | None = None, **details: Any) -> Any:
        return self.store.record(summary, when, profile=self.profile, blind=self.matches, **details)


def blind_beat_index(seed: int | str) -> int:
    """Which answer of the card (0 first, 1 second) is the blind match, from the seed."""
    return random.Random(f"blind:{seed}").choice((0, 1))


class TogetherCard:
    def __init__(
        self, card: Card, names: tuple[str, str], speaker: int = 0, seed: int | str = 0, blind: bool = True
    ) -> None:
        if speaker not in (0, 1):
            raise TogetherError("the speaker is partner 0 or partner 1")
        self.card = card
        self.names = names
        self.speaker_index = speaker
        self.seed = seed
        self._session = Session(card, seed, mode=Mode.TOGETHER, players=names)
        self._answers: list[Answer] = []
        self._blind_at = blind_beat_index(seed) if blind else -1
        self._listener_pick: int | None = None
        self._speaker_pick: int | None = None
        self._curtain_for = ""  # whose turn it is behind the curtain
        self._pending: int | None = None
        self._phase = Phase.SPEAK
        self._enter_beat()

    # -- who is who -------------------------------------------------------
    @property
    def speaker(self) -> str:
        return self.names[self.speaker_index]

    @property
    def listener(self) -> str:
        return self.names[1 - self.speaker_index]

    # -- reading ---------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self._phase

    @property
    def session(self) -> Session:
        return self._session

    @property
    def runner(self) -> Runner:
        return self._session.runner

    @property
    def line(self) -> str:
        return self._session.line

    @property
    def options(self) -> tuple[Choice, ...]:
        return self._session.choices

    @property
    def answers(self) -> tuple[Answer, ...]:
        return tuple(self._answers)

    @property
    def last(self) -> Answer | None:
        return self._answers[-1] if self._answers else None

    @property
    def is_blind_beat(self) -> bool:
        return len(self._answers) == self._blind_at

    @property
    def curtain_for(self) -> str:
        """At a CURTAIN or BLIND phase: who is choosing now, unseen."""
        return self._curtain_for

    @property
    def curtain_away(self) -> str:
        """At a CURTAIN phase: who looks away."""
        return self.speaker if self._curtain_for == self.listener else self.listener

    @property
    def first_pick_hidden(self) -> bool:
        """True whenever a pick exists that the partner now on screen must not see."""
        return self._phase in (Phase.CURTAIN, Phase.BLIND) and self._listener_pick is not None

    @property
    def blind_picks(self) -> tuple[Choice, Choice]:
        """At MATCH: (what the listener would say, what the speaker wanted to hear)."""
        if self._phase is not Phase.MATCH or self._listener_pick is None or self._speaker_pick is None:
            raise TogetherError("the blind picks are shown only at the match")
        return self.options[self._listener_pick], self.options[self._speaker_pick]

    @property
    def pending(self) -> Choice:
        """At RATE: the listener's answer waiting for the speaker's rating."""
        if self._pending is None:
            raise TogetherError("no answer is waiting for a rating")
        return self.options[self._pending]

    @property
    def ended(self) -> bool:
        return self._phase is Phase.DONE

    @property
    def question(self) -> str:
        return together_question(self.card)

    # -- acting ----------------------------------------------------------
    def pick(self, index: int) -> Phase:
        """The listener's answer in the open (SPEAK), or the current chooser's pick behind the curtain (BLIND)."""
        self._check_index(index)
        if self._phase is Phase.SPEAK:
            self._pending = index
            self._phase = Phase.RATE
        elif self._phase is Phase.BLIND:
            if self._curtain_for == self.listener:
                self._listener_pick = index
                self._curtain_for = self.speaker
                self._phase = Phase.CURTAIN
            else:
                self._speaker_pick = index
                self._curtain_for = ""
                self._phase = Phase.MATCH
        else:
            raise TogetherError(f"nobody picks an answer at {self._phase.value}")
        return self._phase

    def lift_curtain(self) -> Phase:
        """The partner named at the curtain can now see the screen alone."""
        if self._phase is not Phase.CURTAIN:
            raise TogetherError("there is no curtain to lift")
        self._phase = Phase.BLIND
        return self._phase

    def to_rating(self) -> Phase:
        """From the match, on to the speaker's rating of the listener's pick."""
        if self._phase is not Phase.MATCH:
            raise TogetherError("not at the match")
        self._pending = self._listener_pick
        self._phase = Phase.RATE
        return self._phase

    def rate(self, rating: int) -> Step:
        """The speaker's felt-understood rating; then the loop answers."""
        if self._phase is not Phase.RATE or self._pending is None:
            raise TogetherError("a rating comes after the listener's answer")
        if not isinstance(rating, int) or isinstance(rating, bool) or not RATING_MIN <= rating <= RATING_MAX:
            raise TogetherError(f"a rating is a whole number from {RATING_MIN} to {RATING_MAX}")
        wanted = self.options[self._speaker_pick] if self._speaker_pick is not None else None
        step = self._session.choose(self._pending, player=self.listener, rating=rating)
        self._answers.append(Answer(step, self.listener, self.speaker, rating, wanted))
        self._pending = None
        self._phase = Phase.REACT
        return step

    def go_on(self) -> Phase:
        if self._phase is not Phase.REACT:
            raise TogetherError("go on after the loop has answered")
        if self._session.ended:
            self._phase = Phase.DONE
        else:
            self._enter_beat()
        return self._phase

    def pause(self) -> Any:
        """The pause (a real break when the loop is flooded); the session's PauseNote."""
        return self._session.pause()

    def record(self, store: Any) -> Any:
        """Keep the finished card under the couple's profile, with ratings and the blind match."""
        if not self.ended:
            raise TogetherError("the card has not ended")
        return self._session.record(_CoupleStore(store, couple_profile(self.names), self.matches))

    # -- the shared score ------------------------------------------------
    def figures(self) -> scoring.Figures:
        return self._session.summary().figures

    @property
    def felt(self) -> float | None:
        """The couple's average felt-understood rating on this card."""
        return mean(a.rating for a in self._answers) if self._answers else None

    @property
    def matches(self) -> tuple[int, int]:
        """(blind matches met, blind matches played) on this card."""
        played = [a for a in self._answers if a.blind_wanted is not None]
        return sum(1 for a in played if a.met), len(played)

    # -- inside ----------------------------------------------------------
    def _check_index(self, index: int) -> None:
        if not isinstance(index, int) or not 0 <= index < len(self.options):
            raise TogetherError(f"no answer {index}: there are {len(self.options)}")

    def _enter_beat(self) -> None:
        self._listener_pick = self._speaker_pick = self._pending = None
        if self.is_blind_beat:
            self._curtain_for = self.listener
            self._phase = Phase.CURTAIN
        else:
            self._curtain_for = ""
            self._phase = Phase.SPEAK


NAME_MAX = 20
DEFAULT_NAMES = ("Partner A", "Partner B")


def clean_name(text: str, default: str) -> str:
    """A first name as typed, made safe for the screen: printable, one line, at most NAME_MAX characters."""
    name = " ".join("".join(ch if ch.isprintable() else " " for ch in str(text)).split())[:NAME_MAX].strip()
    return name or default


def couple_profile(names: tuple[str, str]) -> str:
    """The profile a couple's plays are kept under: the same whichever of them typed their name first."""
    a, b = sorted(names, key=str.casefold)
    return f"{a} & {b}"


class Together:
    """A couple's sitting: cards one after another, roles swapping each card, one shared score."""

    def __init__(self, names: tuple[str, str], seed: int | str = 0, first_speaker: int = 0) -> None:
        self.names = (clean_name(names[0], DEFAULT_NAMES[0]), clean_name(names[1], DEFAULT_NAMES[1]))
        if self.names[0].casefold() == self.names[1].casefold():
            self.names = (self.names[0], f"{self.names[1]} (2)"[: NAME_MAX + 4])
        self.seed = seed
        self.first_speaker = first_speaker % 2
        self._played: list[TogetherCard] = []
        self._current: TogetherCard | None = None

    @property
    def profile(self) -> str:
        return couple_profile(self.names)

    @property
    def current(self) -> TogetherCard | None:
        return self._current

    @property
    def played(self) -> tuple[TogetherCard, ...]:
        return tuple(self._played)

    @property
    def next_speaker(self) -> int:
        return (self.first_speaker + len(self._played)) % 2

    def start(self, card: Card) -> TogetherCard:
        if self._current is not None and not self._current.ended:
            raise TogetherError("finish the card in play first")
        if self._current is not None:
            self._played.append(self._current)
        self._current = TogetherCard(card, self.names, self.next_speaker, seed=f"{self.seed}:{len(self._played)}")
        return self._current

    def finish(self) -> TogetherCard:
        if self._current is None or not self._current.ended:
            raise TogetherError("the card has not ended")
        done, self._current = self._current, None
        self._played.append(done)
        return done

    def leave(self) -> None:
        """The couple left the card in play before its end: nothing of it is kept or counted."""
        if self._current is not None and not self._current.ended:
            self._current = None

    # -- the couple's figures, over every card of the sitting ------------
    def _all(self) -> list[Answer]:
        cards = self._played + ([self._current] if self._current is not None else [])
        return [a for t in cards for a in t.answers]

    def figures(self) -> scoring.Figures:
        answers = self._all()
        return scoring.figures([(a.step.choice, a.step.offered, a.step.listened) for a in answers])

    @property
    def felt(self) -> float | None:
        answers = self._all()
        return mean(a.rating for a in answers) if answers else None

    @property
    def matches(self) -> tuple[int, int]:
        blind = [a for a in self._all() if a.blind_wanted is not None]
        return sum(1 for a in blind if a.met), len(blind)


def deal(cards: list[Card], played_together: set[str], seed: int | str) -> Card | None:
    """A card neither partner has played together yet (seeded); if every card has been, any card."""
    if not cards:
        return None
    fresh = [c for c in cards if c.full_id not in played_together]
    return random.Random(f"deal:{seed}").choice(fresh or cards)
