"""A couple's sitting from the first screen to the last: who decides what follows each screen.

    start_together(app, done)   # done() once the couple stops for today

setup -> safety (before the first card) -> for each card: who reads and who
listens -> the card -> our debrief (the play is kept under the couple's
profile) -> a check-in: keep going, a real break, or stop for today -> once at
least one card is played, a closing page for the day (what they played, their
figures, a last word), then the title. A deck
plays its cards in order, starting with those the two have not played
together; "deal us a card" deals one neither has played together yet.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from game.core.model import Card
from game.core.together import Together, TogetherCard, deal

from .debrief import open_closing, open_debrief
from .pages import open_break, open_checkin, open_roles, open_safety
from .play import TogetherPlayScene
from .setup import TogetherSetupScene


class Sitting:
    """One evening's play: the couple, where the next card comes from, and the screens in order."""

    def __init__(self, app: Any, names: tuple[str, str], deck_id: str | None, done: Callable[[], None]) -> None:
        self.app = app
        self.together = Together(names, seed=random.randrange(1_000_000))
        self.deck_id = deck_id
        self.done = done
        self.tc: TogetherCard | None = None

    # -- where the cards come from ---------------------------------------
    def played_together(self) -> set[str]:
        return {p.card_id for p in self.app.store.history(self.together.profile)} | {
            t.card.full_id for t in self.together.played
        }

    def next_card(self) -> Card | None:
        library = self.app.library
        seen = self.played_together()
        if self.deck_id is not None:
            deck = library.deck(self.deck_id)
            cards = list(deck.cards) if deck is not None else []
            fresh = [c for c in cards if c.full_id not in seen]
            this_sitting = {t.card.full_id for t in self.together.played}
            return (fresh or [c for c in cards if c.full_id not in this_sitting] or cards or [None])[0]
        return deal(list(library.cards()), seen, seed=f"{self.together.seed}:{len(self.together.played)}")

    # -- the screens -----------------------------------------------------
    def begin(self) -> None:
        open_safety(self.app, self._after_safety)

    def _after_safety(self, result: Any) -> None:
        if result == "begin":
            self._card()
        elif result == "about":
            from ..about import AboutScene

            self.app.push(AboutScene, lambda _: self.begin())
        else:
            self.done()

    def _stop(self) -> None:
        """The sitting ends: the day's closing page once a card was played, then whoever opened it."""
        if self.together.played:
            open_closing(self.app, self.together, lambda _: self.done())
        else:
            self.done()

    def _card(self) -> None:
        card = self.next_card()
        if card is None:
            self._stop()
            return
        self.tc = self.together.start(card)
        open_roles(self.app, self.tc, len(self.together.played) + 1, self._after_roles)

    def _after_roles(self, result: Any) -> None:
        if result == "ready" and self.tc is not None:
            self.app.push(TogetherPlayScene, self._after_play, together=self.tc)
        else:
            self.together.leave()
            self._stop()

    def _after_play(self, tc: TogetherCard | None) -> None:
        if tc is None:  # they left the card: nothing is kept of it
            self.together.leave()
            self._stop()
            return
        tc.record(self.app.store)
        open_debrief(self.app, self.together, tc, self._after_debrief)

    def _after_debrief(self, result: Any) -> None:
        self.together.finish()
        if result == "next":
            open_checkin(self.app, self._after_checkin)
        else:
            self._stop()

    def _after_checkin(self, result: Any) -> None:
        if result == "next":
            self._card()
        elif result == "break":
            open_break(self.app, lambda _: open_checkin(self.app, self._after_checkin))
        else:
            self._stop()


def start_together(app: Any, done: Callable[[], None] | None = None) -> None:
    """Open the couple's setup; the sitting follows from the couple's choices."""

    def finish() -> None:
        if done is not None:
            done()

    def after_setup(result: Any) -> None:
        if not result:
            finish()
            return
        source, names = result
        Sitting(app, names, None if source == "deal" else source, finish).begin()

    app.push(TogetherSetupScene, after_setup)
