"""The card model: frozen dataclasses built by the loader, read by everything else (the kinds: kinds.py).

Each is built through `quick_init` (frozen.py): decks hold thousands of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .frozen import quick_init
from .kinds import END, MOVE_LABELS, STATES, Fear, LoopState, Mode, Move, Pattern

__all__ = [
    "END",
    "MOVE_LABELS",
    "NOWHERE",
    "STATES",
    "Beat",
    "Card",
    "Choice",
    "Deck",
    "Fear",
    "LoopState",
    "Mode",
    "Move",
    "Pattern",
    "Pos",
]


@quick_init
@dataclass(frozen=True, slots=True)
class Pos:
    """Where a node stands in its file; line and column are 1-based."""

    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


NOWHERE = Pos("<none>", 1, 1)


@quick_init
@dataclass(frozen=True, slots=True)
class Choice:
    say: str
    move: Move
    why: str
    next: str
    reply: str | None = None
    names_fear: bool = False
    pos: Pos = NOWHERE
    next_pos: Pos = NOWHERE
    reply_pos: Pos = NOWHERE  # where the reply stands, when there is one


@quick_init
@dataclass(frozen=True, slots=True)
class Beat:
    id: str
    says: dict[LoopState, str]  # always all three states; one text fills all
    choices: tuple[Choice, ...]
    says_varies: bool = False  # True when the author wrote a line per state
    pos: Pos = NOWHERE
    says_pos: dict[LoopState, Pos] = field(default_factory=dict)  # where each state's line stands
    discuss: str | None = None  # a question for a workshop room after this beat

    def line_for(self, state: LoopState) -> str:
        return self.says[state]


DEFAULT_ENDINGS = {
    LoopState.SOFTENED: "The talk softens. You both feel a little closer.",
    LoopState.STUCK: "The talk stays on the surface. The thing underneath goes unsaid.",
    LoopState.ESCALATED: "The talk ends in hurt. You both feel unseen.",
}


@quick_init
@dataclass(frozen=True, slots=True)
class Card:
    id: str
    deck_id: str
    title: str
    partner: str
    fear: Fear
    pattern: Pattern
    setting: str
    tension: float
    teaching: str
    start: str
    beats: dict[str, Beat]
    endings: dict[LoopState, str] = field(default_factory=lambda: dict(DEFAULT_ENDINGS))
    pos: Pos = NOWHERE
    care: str | None = None  # a safety note for the debrief and the pause screen
    together: str | None = None  # a question for a couple after the card
    discuss: str | None = None  # a question for a workshop room after the card

    @property
    def full_id(self) -> str:
        return f"{self.deck_id}/{self.id}"


@quick_init
@dataclass(frozen=True, slots=True)
class Deck:
    id: str
    title: str
    description: str
    tags: tuple[str, ...]
    cards: tuple[Card, ...]
    path: str
    format: int = 1
    pos: Pos = NOWHERE

    def card(self, card_id: str) -> Card | None:
        for c in self.cards:
            if c.id == card_id:
                return c
        return None
