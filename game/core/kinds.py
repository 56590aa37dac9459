"""The kinds a card is made of: moves, fears, patterns, loop states and play modes.

Plain enums in a module of their own, so that what only needs the kinds
(the progress file's schema, the start of the game) does not build the card
model's classes. `game.core.model` re-exports every name here.
"""

from __future__ import annotations

from enum import Enum


class Move(str, Enum):
    """What a response does. Points live in scoring.py."""

    REFLECT = "reflect"
    VALIDATE = "validate"
    CURIOUS = "curious"
    AFFIRM = "affirm"
    DISCLOSE = "disclose"
    REPAIR = "repair"
    PAUSE = "pause"
    FIX = "fix"
    REASSURE = "reassure"
    SELF_BLAME = "self-blame"
    DEFEND = "defend"
    WITHDRAW = "withdraw"
    ATTACK = "attack"
    REFER = "refer"

    @property
    def label(self) -> str:
        return MOVE_LABELS[self]


MOVE_LABELS = {
    Move.REFLECT: "Reflect",
    Move.VALIDATE: "Validate",
    Move.CURIOUS: "Ask",
    Move.AFFIRM: "Affirm",
    Move.DISCLOSE: "Disclose",
    Move.REPAIR: "Own your part",
    Move.PAUSE: "Pause",
    Move.FIX: "Fix",
    Move.REASSURE: "Reassure",
    Move.SELF_BLAME: "Blame yourself",
    Move.DEFEND: "Defend",
    Move.WITHDRAW: "Withdraw",
    Move.ATTACK: "Attack",
    Move.REFER: "Suggest help",
}


class Fear(str, Enum):
    NOT_ENOUGH = "not-enough"
    TOO_MUCH = "too-much"

    @property
    def words(self) -> str:
        return "I am not enough" if self is Fear.NOT_ENOUGH else "I am too much"


class Pattern(str, Enum):
    """How the partner's shame shows (the seed's three responses)."""

    SELF_BLAME = "self-blame"
    WITHDRAW = "withdraw"
    ATTACK = "attack"

    @property
    def label(self) -> str:
        return {
            Pattern.SELF_BLAME: "blames themself, tries harder",
            Pattern.WITHDRAW: "withdraws, shuts down",
            Pattern.ATTACK: "blames, attacks",
        }[self]


class LoopState(str, Enum):
    SOFTENED = "softened"
    STUCK = "stuck"
    ESCALATED = "escalated"

    @property
    def label(self) -> str:
        return self.value.capitalize()


STATES = (LoopState.SOFTENED, LoopState.STUCK, LoopState.ESCALATED)
END = "end"


class Mode(str, Enum):
    """How a card is played: alone, by a couple at one screen, or by a room."""

    SOLO = "solo"
    TOGETHER = "together"
    WORKSHOP = "workshop"
