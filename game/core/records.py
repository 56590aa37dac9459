"""What the data files hold, record by record: the settings and each play, read from a file's data field by field.

A field that is missing keeps its default; a wrong one (a wrong kind, a
number no field can hold, text that is too long or not safe to show) is reset
to its default and counted in `Fixes`; a play without what makes it a play
(its card, when, how it ended) is left out and counted. progress.py reads
and writes the files; this module says what a good record is.
"""

from __future__ import annotations

from types import MappingProxyType, SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple

from .datafile import Bool, Fixes, Int, ListOf, Num, OneOf, Text, clean_text, conform, conform_record
from .kinds import LoopState, Mode

if TYPE_CHECKING:
    from collections.abc import Mapping

    from . import scoring

DEFAULT_PROFILE = "Me"
TEXT_SIZES = ("Small", "Medium", "Large", "Huge")
MAX_PROFILE_CHARS = 32
MAX_PLAYS = 100_000  # per profile; a file with more keeps the first
MAX_PROFILES = 1000


class Settings(SimpleNamespace):
    """The player's settings. A plain namespace (equality and repr come with it), not a dataclass:
    the class is defined at every start, and defining a dataclass costs about a millisecond on Python 3.11."""

    text_size: int  # index into TEXT_SIZES
    high_contrast: bool
    reduced_motion: bool
    volume: float  # 0.0 to 1.0
    fullscreen: bool
    seen_intro: bool

    def __init__(
        self,
        text_size: int = 1,
        high_contrast: bool = False,
        reduced_motion: bool = False,
        volume: float = 0.6,
        fullscreen: bool = False,
        seen_intro: bool = False,
    ) -> None:
        super().__init__(
            text_size=text_size,
            high_contrast=high_contrast,
            reduced_motion=reduced_motion,
            volume=volume,
            fullscreen=fullscreen,
            seen_intro=seen_intro,
        )

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in SETTINGS_FIELDS}

    @classmethod
    def from_dict(cls, data: Any, fixes: Fixes | None = None) -> Settings:
        """Settings from a file's data: a field that is missing keeps its default, a wrong one is reset."""
        fixes = fixes if fixes is not None else Fixes()
        s = cls()
        if not isinstance(data, dict):
            fixes.reset += 1
            return s
        schema = settings_schema()
        for name in SETTINGS_FIELDS:
            if name in data:
                setattr(s, name, conform(data[name], schema[name], fixes))
        return s


SETTINGS_FIELDS = ("text_size", "high_contrast", "reduced_motion", "volume", "fullscreen", "seen_intro")


def settings_schema() -> dict[str, Any]:
    d = Settings()
    return {
        "text_size": Int(d.text_size, 0, len(TEXT_SIZES) - 1),
        "high_contrast": Bool(d.high_contrast),
        "reduced_motion": Bool(d.reduced_motion),
        "volume": Num(d.volume, 0.0, 1.0),
        "fullscreen": Bool(d.fullscreen),
        "seen_intro": Bool(d.seen_intro),
    }


_FIGURE_FIELDS = (
    "earned",
    "best_available",
    "worst_available",
    "reflections",
    "reflections_naming_fear",
    "listening",
    "fixing",
    "positive",
    "negative",
)


class PlayRecord(NamedTuple):
    """One finished play, as saved. A named tuple: immutable, and cheap to define at every start."""

    card_id: str
    when: str  # ISO 8601, local time
    ending: LoopState
    attunement: float
    moves: tuple[str, ...]
    fear_correct: bool | None
    counts: Mapping[str, int] = MappingProxyType({})  # the figures' counts; a fresh dict when read or made
    mode: Mode = Mode.SOLO
    players: tuple[str, ...] = ()  # who played, when named
    ratings: tuple[int, ...] = ()  # felt-understood ratings, 0-10, in the order given
    votes: tuple[tuple[int, ...], ...] = ()  # the room's tally at each answer, when a room voted
    blind: tuple[int, int] = (0, 0)  # a couple's blind matches: (met, played)

    @property
    def figures(self) -> scoring.Figures:
        from . import scoring  # the rules load when figures are asked for, not at every start

        c = {k: int(self.counts.get(k, 0)) for k in _FIGURE_FIELDS}
        asked = 0 if self.fear_correct is None else 1
        return scoring.Figures(
            attunement=scoring.attunement(c["earned"], c["best_available"], c["worst_available"]),
            fear_named=1 if self.fear_correct else 0,
            fear_asked=asked,
            **c,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "card": self.card_id,
            "when": self.when,
            "ending": self.ending.value,
            "attunement": round(self.attunement, 2),
            "moves": list(self.moves),
            "fear_correct": self.fear_correct,
            "counts": dict(self.counts),
            "mode": self.mode.value,
            "players": list(self.players),
            "ratings": list(self.ratings),
            "votes": [list(v) for v in self.votes],
            "blind": list(self.blind),
        }

    @classmethod
    def from_json(cls, d: Any, fixes: Fixes | None = None) -> PlayRecord | None:
        """A record from a file, checked field by field; None when it cannot be a play (counted in `fixes`)."""
        fixes = fixes if fixes is not None else Fixes()
        r = conform_record(d, _RECORD, _REQUIRED, fixes)
        if r is None:
            return None
        counts_in = d.get("counts", {})
        counts: dict[str, int] = {}
        if isinstance(counts_in, dict):
            for k in _FIGURE_FIELDS:
                if k in counts_in:
                    counts[k] = conform(counts_in[k], _COUNT, fixes)
        else:
            fixes.reset += 1
        return cls(
            card_id=r["card"],
            when=r["when"],
            ending=LoopState(r["ending"]),
            attunement=r["attunement"],
            moves=tuple(r["moves"]),
            fear_correct=r["fear_correct"],
            counts=counts,
            mode=Mode(r["mode"]),
            players=tuple(r["players"]),
            ratings=tuple(r["ratings"]),
            votes=tuple(tuple(v) for v in r["votes"]),
            blind=_blind(d.get("blind")),
        )


_COUNT = Int(0, -1_000_000_000, 1_000_000_000)
_RECORD: dict[str, Any] = {
    "card": Text(None, 200),
    "when": Text(None, 64),
    "ending": OneOf(None, tuple(s.value for s in LoopState)),
    "attunement": Num(0.0, 0.0, 100.0),
    "moves": ListOf(Text(None, 32), 1000),
    "fear_correct": OneOf(None, (True, False, None)),
    "mode": OneOf(Mode.SOLO.value, tuple(m.value for m in Mode)),
    "players": ListOf(Text(None, MAX_PROFILE_CHARS, cut=True), 16),
    "ratings": ListOf(Int(0, 0, 10), 10_000),
    "votes": ListOf(ListOf(Int(0, 0, 1_000_000), 16), 10_000),
}  # and "counts", checked key by key in from_json
_REQUIRED = frozenset({"card", "when", "ending"})


def _blind(value: Any) -> tuple[int, int]:
    """A saved (met, played) pair of blind matches; anything else counts as none."""
    if (
        isinstance(value, list)
        and len(value) == 2
        and all(isinstance(n, int) and not isinstance(n, bool) and 0 <= n <= 1000 for n in value)
        and value[0] <= value[1]
    ):
        return value[0], value[1]
    return 0, 0


def profile_name(value: Any, fixes: Fixes) -> str:
    """A profile name safe to show and save: text, one line, at most MAX_PROFILE_CHARS; else the default."""
    if not isinstance(value, str):
        fixes.reset += 1
        return DEFAULT_PROFILE
    cleaned = clean_text(value)
    if cleaned != value:
        fixes.reset += 1
    name = " ".join(cleaned.split())
    if len(name) > MAX_PROFILE_CHARS:
        fixes.reset += 1
        name = name[:MAX_PROFILE_CHARS].rstrip()
    return name or DEFAULT_PROFILE


def _plays_from(profiles: Any, fixes: Fixes) -> dict[str, list[PlayRecord]]:
    """Each profile's plays from a file's data; a damaged play is left out, a damaged field reset."""
    out: dict[str, list[PlayRecord]] = {}
    if not isinstance(profiles, dict):
        fixes.reset += 1
        return out
    for n, (raw_name, prof) in enumerate(profiles.items()):
        if n >= MAX_PROFILES:
            fixes.dropped += len(profiles) - MAX_PROFILES
            break
        name = profile_name(raw_name, fixes)
        plays = prof.get("plays", []) if isinstance(prof, dict) else None
        if not isinstance(plays, list):
            fixes.reset += 1
            plays = []
        kept = out.setdefault(name, [])  # two names that clean to the same one share their plays
        for p in plays[:MAX_PLAYS]:
            rec = PlayRecord.from_json(p, fixes)
            if rec is not None:
                kept.append(rec)
        fixes.dropped += max(0, len(plays) - MAX_PLAYS)
    return out
