"""The order decks are shown in and the card offered next: what the title needs, and no more.

Kept apart from the session layer (which re-exports both) so the first screen
does not wait for the runner, the debrief and the session to load.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from .kinds import LoopState

if TYPE_CHECKING:
    from .model import Card, Deck

GENTLE_TAGS = ("beginner", "gentle")  # decks for newcomers come first
_ENDING_ORDER = {LoopState.SOFTENED: 0, LoopState.STUCK: 1, LoopState.ESCALATED: 2}


class History(Protocol):
    """What the suggested card needs to know of a player's history (progress.Store has it)."""

    def played(self, card_id: str) -> bool: ...
    def best_ending(self, card_id: str) -> LoopState | None: ...


def deck_order(decks: Iterable[Deck]) -> list[Deck]:
    """Decks for newcomers first (tagged beginner or gentle), then the rest as loaded."""
    return sorted(decks, key=lambda d: -sum(tag in GENTLE_TAGS for tag in d.tags))


def suggested_card(decks: Iterable[Deck], history: History) -> Card | None:
    """The card to play next: the first not yet played, else the one whose best ending is worst."""
    cards = [card for deck in deck_order(decks) for card in deck.cards]
    if not cards:
        return None
    for card in cards:
        if not history.played(card.full_id):
            return card
    return max(cards, key=lambda c: _ENDING_ORDER[history.best_ending(c.full_id) or LoopState.ESCALATED])
