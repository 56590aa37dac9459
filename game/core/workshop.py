"""A room's session: a facilitator walks a playlist of cards, the room votes, the loop answers.

    w = Workshop(playlist, cards, seed=1)
    w.stage                  # Stage.LINE: the setting and the partner's line, options hidden
    w.next()                 # Stage.OPTIONS: numbered options; the room votes by show of hands
    w.add_vote(2)            # the facilitator enters the count, one vote at a time
    w.next()                 # Stage.REVEAL: the spread, and the most-voted answer's outcome
    w.next(); w.next()       # Stage.WHY (every option's move and why), Stage.DISCUSS (a question, a timer)
    w.next()                 # the answer is played; the next beat's LINE, or the card's ENDING
    ...                      # after the last card: Stage.SUMMARY

Nothing is played until the room leaves a beat: every step of a beat can be
stepped back through freely. Stepping back past a played answer undoes it
only when asked to (`undo_last_answer`), and the votes come back with it.
With no votes entered, REVEAL walks through every option's outcome in turn
and the card goes on along the best option, so a clicker alone runs a session.
The whole state is a plain dict (`to_dict`/`from_dict`) saved after every step.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from . import scoring
from .model import END, Card, Choice, Mode
from .prompts import discuss_question
from .runner import Runner, RunnerError
from .session import Session
from .timer import Countdown
from .workshop_records import BeatRecord, CardRecord, Outcome, played_index

__all__ = ["BEAT_STAGES", "BeatRecord", "CardRecord", "Outcome", "Stage", "Workshop", "WorkshopError", "played_index"]


class Stage(str, Enum):
    LINE = "line"
    OPTIONS = "options"
    REVEAL = "reveal"
    WHY = "why"
    DISCUSS = "discuss"
    ENDING = "ending"
    SUMMARY = "summary"


BEAT_STAGES = (Stage.LINE, Stage.OPTIONS, Stage.REVEAL, Stage.WHY, Stage.DISCUSS)
MAX_VOTES = 999  # per option: a room of a few hundred, with room for a miscount
MAX_CARDS = 200  # per playlist


class WorkshopError(Exception):
    """A saved workshop that cannot be restored, or a call the current step does not allow."""


class Workshop:
    def __init__(self, title: str, cards: list[Card], discussion_seconds: int = 180, seed: int | str = 0) -> None:
        if not cards:
            raise WorkshopError("a workshop needs at least one card")
        self.title = title
        self.cards = list(cards[:MAX_CARDS])
        self.discussion_seconds = discussion_seconds
        self.seed = seed
        self._card_index = 0
        self._session = self._new_session()
        self._stage = Stage.LINE
        self._votes = [0] * len(self._session.runner.choices)
        self._walk = 0  # which option's outcome REVEAL shows, when walking through
        self._records: list[CardRecord] = []
        self._beats: list[BeatRecord] = []
        self._events: list[list[Any]] = []
        self.timer = Countdown(float(discussion_seconds))

    # -- reading ---------------------------------------------------------
    @property
    def stage(self) -> Stage:
        return self._stage

    @property
    def card(self) -> Card:
        return self.cards[self._card_index]

    @property
    def card_number(self) -> int:
        return self._card_index + 1

    @property
    def session(self) -> Session:
        return self._session

    @property
    def runner(self) -> Runner:
        return self._session.runner

    @property
    def line(self) -> str:
        return self._session.runner.line

    @property
    def options(self) -> tuple[Choice, ...]:
        return self._session.runner.choices

    @property
    def votes(self) -> tuple[int, ...]:
        return tuple(self._votes)

    @property
    def total_votes(self) -> int:
        return sum(self._votes)

    @property
    def records(self) -> tuple[CardRecord, ...]:
        return tuple(self._records)

    @property
    def votes_for_listening(self) -> tuple[int, int]:
        """Over the cards played so far: the votes cast for answers that eased the loop, and all votes cast."""
        return sum(r.votes_for_listening for r in self._records), sum(r.votes for r in self._records)

    @property
    def beats_so_far(self) -> tuple[BeatRecord, ...]:
        """The beats of the current card the room has played."""
        return tuple(self._beats)

    def outcome(self, index: int) -> Outcome:
        """What the option at `index` (shown order) would do, from where the loop stands now."""
        choice = self.options[index]
        listened = self._session.runner.listened
        before = self._session.runner.tension
        return Outcome(choice, scoring.points(choice, listened), before, scoring.next_tension(before, choice, listened))

    @property
    def points(self) -> tuple[int, ...]:
        listened = self._session.runner.listened
        return tuple(scoring.points(c, listened) for c in self.options)

    @property
    def best_index(self) -> int:
        pts = self.points
        return pts.index(max(pts))

    @property
    def played(self) -> tuple[int, bool, bool]:
        """(index, tie broken, walked through) for the current beat's votes."""
        return played_index(self._votes, self.points)

    @property
    def walk_index(self) -> int:
        """In a walked-through REVEAL, the option whose outcome is on screen."""
        return self._walk

    @property
    def revealed(self) -> Outcome:
        """The outcome REVEAL shows now: the played one, or the one being walked through."""
        index, _, walked = self.played
        return self.outcome(self._walk if walked else index)

    @property
    def question(self) -> str:
        """The discussion after this line: the card's own question comes once, after the line that ends it."""
        last = self.options[self.played[0]].next == END if self.options else False
        return discuss_question(self.card, self._session.runner.beat, last)

    @property
    def at_start(self) -> bool:
        return self._card_index == 0 and self._stage is Stage.LINE and not self._beats

    @property
    def can_undo(self) -> bool:
        """Whether stepping back now means undoing an answer the room played."""
        return (self._stage is Stage.LINE and bool(self._beats)) or (
            self._stage in (Stage.ENDING, Stage.SUMMARY) and bool(self._records or self._beats)
        )

    # -- acting: the clicker ---------------------------------------------
    def next(self) -> Stage:
        s = self._stage
        if s is Stage.LINE:
            self._stage = Stage.OPTIONS
        elif s is Stage.OPTIONS:
            self._walk = 0
            self._stage = Stage.REVEAL
        elif s is Stage.REVEAL:
            _, _, walked = self.played
            if walked and self._walk < len(self.options) - 1:
                self._walk += 1
            else:
                self._stage = Stage.WHY
        elif s is Stage.WHY:
            self._stage = Stage.DISCUSS
            self.timer.reset()
        elif s is Stage.DISCUSS:
            self._play()
        elif s is Stage.ENDING:
            if self._card_index + 1 < len(self.cards):
                self._card_index += 1
                self._session = self._new_session()
                self._enter_beat()
            else:
                self._stage = Stage.SUMMARY
        self._events.append(["next"])
        return self._stage

    def back(self) -> Stage:
        """One step back within the beat; at a beat's first step this does nothing (see undo)."""
        s = self._stage
        if s is Stage.REVEAL and self._walk > 0:
            self._walk -= 1
        elif s in BEAT_STAGES and s is not Stage.LINE:
            self._stage = BEAT_STAGES[BEAT_STAGES.index(s) - 1]
            if self._stage is Stage.REVEAL:
                _, _, walked = self.played
                self._walk = len(self.options) - 1 if walked else 0
        self._events.append(["back"])
        return self._stage

    def undo_last_answer(self) -> Stage:
        """Undo the last answer the room played, back to its DISCUSS step, votes restored."""
        if not self.can_undo:
            raise WorkshopError("there is no played answer to undo here")
        self._rewind()
        self._events.append(["undo"])
        return self._stage

    # -- acting: votes ---------------------------------------------------
    def add_vote(self, index: int) -> None:
        self._vote(index, +1)

    def remove_vote(self, index: int) -> None:
        self._vote(index, -1)

    def clear_votes(self) -> None:
        if self._stage is not Stage.OPTIONS:
            raise WorkshopError("votes are entered while the options are shown")
        self._votes = [0] * len(self._votes)
        self._events.append(["clear"])

    def _vote(self, index: int, delta: int) -> None:
        if self._stage is not Stage.OPTIONS:
            raise WorkshopError("votes are entered while the options are shown")
        if not 0 <= index < len(self._votes):
            raise WorkshopError(f"no option {index + 1}: there are {len(self._votes)}")
        self._votes[index] = max(0, min(MAX_VOTES, self._votes[index] + delta))
        self._events.append(["vote", index, delta])

    # -- inside ----------------------------------------------------------
    def _new_session(self) -> Session:
        return Session(self.card, f"{self.seed}:{self._card_index}", mode=Mode.WORKSHOP)

    def _enter_beat(self) -> None:
        self._stage = Stage.LINE
        self._votes = [0] * len(self._session.runner.choices)
        self._walk = 0

    def _play(self) -> None:
        index, tie, walked = self.played
        record = BeatRecord(
            card_id=self.card.full_id,
            beat_id=self._session.runner.beat.id,
            line=self._session.runner.line,
            shown=self.options,
            points=self.points,
            votes=tuple(self._votes),
            played=index,
            tie=tie,
            walked=walked,
        )
        self._session.choose(index, votes=None if walked else tuple(self._votes))
        self._beats.append(record)
        if self._session.runner.ended:
            s = self._session.runner.summary()
            self._records.append(
                CardRecord(
                    card=self.card,
                    beats=tuple(self._beats),
                    ending_state=s.ending_state,
                    ending=s.ending,
                    attunement=s.figures.attunement,
                    dialogue=s.dialogue,
                )
            )
            self._beats = []
            self._stage = Stage.ENDING
        else:
            self._enter_beat()

    def _rewind(self) -> None:
        """Undo the last played answer by replaying everything before it."""
        if self._stage is Stage.SUMMARY:
            self._stage = Stage.ENDING
            return
        if self._stage is Stage.ENDING:
            last = self._records.pop()
            self._beats = list(last.beats)
        undone = self._beats.pop()
        self._session = self._new_session()
        for b in self._beats:
            self._session.choose(b.played, votes=None if b.walked else b.votes)
        self._stage = Stage.DISCUSS
        self._votes = list(undone.votes)
        self.timer.reset()

    # -- saving ----------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "cards": [c.full_id for c in self.cards],
            "discussion_seconds": self.discussion_seconds,
            "seed": self.seed,
            "events": [list(e) for e in self._events],
            "timer_left": self.timer.left,
        }

    @classmethod
    def from_dict(cls, data: Any, find: Any) -> Workshop:
        """Rebuild a saved workshop; `find(full_id)` returns a Card or None. Raises WorkshopError."""
        try:
            if not isinstance(data, dict):
                raise WorkshopError("a saved workshop is a mapping")
            ids = data["cards"]
            if not isinstance(ids, list) or not ids or len(ids) > MAX_CARDS:
                raise WorkshopError("a saved workshop lists its cards")
            cards = []
            for full_id in ids:
                card = find(full_id) if isinstance(full_id, str) else None
                if card is None:
                    raise WorkshopError(f"the card {str(full_id)[:80]!r} is no longer in the library")
                cards.append(card)
            seconds = data.get("discussion_seconds", 180)
            seed = data.get("seed", 0)
            title = data.get("title", "Workshop")
            if not isinstance(seconds, int) or isinstance(seconds, bool) or not 0 <= seconds <= 3600:
                raise WorkshopError("the discussion time is not a whole number of seconds up to an hour")
            if not isinstance(seed, (int, str)) or isinstance(seed, bool) or not isinstance(title, str):
                raise WorkshopError("the saved workshop's seed or title is damaged")
            w = cls(title[:200], cards, seconds, seed)
            events = data.get("events", [])
            if not isinstance(events, list) or len(events) > 100_000:
                raise WorkshopError("the saved steps are damaged")
            for e in events:
                w._replay(e)
            left = data.get("timer_left", seconds)
            if isinstance(left, (int, float)) and not isinstance(left, bool) and 0 <= left <= seconds:
                w.timer.left = float(left)
            return w
        except (RunnerError, KeyError, TypeError, ValueError, IndexError) as e:
            raise WorkshopError(f"the saved workshop cannot be restored: {e}") from None

    def _replay(self, e: Any) -> None:
        if not isinstance(e, list) or not e or not isinstance(e[0], str):
            raise WorkshopError("a saved step is damaged")
        kind = e[0]
        if kind == "next":
            self.next()
        elif kind == "back":
            self.back()
        elif kind == "undo":
            self.undo_last_answer()
        elif kind == "clear":
            self.clear_votes()
        elif kind == "vote" and len(e) == 3 and all(isinstance(x, int) and not isinstance(x, bool) for x in e[1:]):
            if e[2] not in (1, -1):
                raise WorkshopError("a saved vote is damaged")
            self._vote(e[1], e[2])
        else:
            raise WorkshopError(f"unknown saved step {str(kind)[:40]!r}")
