"""Setting up a workshop without a playlist file: cards in the order picked, and the discussion time.

    app.push(WorkshopSetupScene, callback)   # callback(("start", title, cards, seconds)), ("resume",) or None

Choosing a card adds it to the end of the session's list (its place is shown
beside it); choosing it again takes it out. "Save as a playlist" writes the
list to the data folder's workshops/ as a playlist file, for next time or to
edit by hand (see docs/card-format.md, "Workshop playlists").

Home goes to Start (the first card while none is chosen), End to the last card:
from deep in a long list, Home then Enter starts the session.
"""

from __future__ import annotations

import time
from typing import Any

import pygame

from game.core.playlist import DEFAULT_DISCUSSION, MAX_DISCUSSION, playlist_text
from game.core.session import deck_order

from ...intents import JUMP, SCROLL, Intent
from ...widgets import Button, ScrollColumn, draw_text, measure, row_buttons, stack_buttons
from ..base import Scene

STEP_SECONDS = 30


class WorkshopSetupScene(Scene):
    name = "workshop-setup"

    def __init__(self, app: Any, can_resume: bool = False, **p: Any) -> None:
        super().__init__(app, **p)
        self.chosen: list[str] = []
        self.seconds = DEFAULT_DISCUSSION
        self.can_resume = can_resume
        self.column = ScrollColumn()
        self.note = "Pick the cards in the order you will show them."

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        keep = self.focused.action if self.buttons else None
        self.buttons = []
        top = self.layout_header("Run a workshop")
        width = min(w - 2 * t.margin - ScrollColumn.gutter(t), int(t.body_px * 44))
        x = (w - width) // 2
        # the fixed part: time, start, save, resume
        self.note_box = pygame.Rect(x, top, width, measure(t.font("body"), self.note, width))
        y = self.note_box.bottom + t.space(1)
        less = Button(f"- {STEP_SECONDS} s", "less")
        more = Button(f"+ {STEP_SECONDS} s", "more")
        time_label = f"Discussion after each line: {self.seconds // 60}:{self.seconds % 60:02d}"
        self.time_box = pygame.Rect(x, y, width, measure(t.font("strong"), time_label, width))
        self.time_label = time_label
        y = self.time_box.bottom + t.space(0.5)
        y += row_buttons([less, more], t, pygame.Rect(x, y, width, 0)) + t.space(1)
        start = Button(
            f"Start with {len(self.chosen)} card{'s' * (len(self.chosen) != 1)}",
            "start",
            style="primary",
            enabled=bool(self.chosen),
        )
        save = Button("Save as a playlist", "save", enabled=bool(self.chosen))
        row = [start, save] + ([Button("Resume the saved workshop", "resume")] if self.can_resume else [])
        y += row_buttons(row, t, pygame.Rect(x, y, width, 0)) + t.space(1.5)
        # the cards, which scroll
        col = self.column
        cards: list[Button] = []
        for deck in deck_order(self.app.library.decks):
            for card in deck.cards:
                place = self.chosen.index(card.full_id) + 1 if card.full_id in self.chosen else None
                label = f"{place}. {card.title}" if place else card.title
                cards.append(
                    Button(
                        label,
                        ("card", card.full_id),
                        detail=deck.title,
                        style="primary" if place else "normal",
                        align="left",
                        column=col,
                    )
                )
        end = stack_buttons(cards, t, x, y, width, t.space(0.5))
        col.set_view(pygame.Rect(x, y, width + ScrollColumn.gutter(t), h - y - t.margin), end - y)
        self.buttons = [less, more, *row, *cards, self.back_button]
        self.set_focus(self.button_for(keep) or (start if self.chosen else cards[0] if cards else self.back_button))

    def handle(self, intent: Intent) -> bool:
        used = super().handle(intent)
        if intent.kind == SCROLL and abs(intent.dy) >= JUMP:  # Home or End: the focus goes too
            cards = [b for b in self.buttons if isinstance(b.action, tuple) and b.action[0] == "card"]
            start = self.button_for("start")
            if intent.dy < 0:
                self.set_focus(start if start is not None and start.enabled else (cards or [None])[0])
            elif cards:
                self.set_focus(cards[-1])
            return True
        return used

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.app.draw_background(surface)
        self.draw_header(surface)
        draw_text(surface, self.note, t.font("body"), t.colour.text_dim, self.note_box)
        draw_text(surface, self.time_label, t.font("strong"), t.colour.text, self.time_box)
        self.draw_buttons(surface)
        self.column.draw_fades(surface, t)
        self.column.draw_bar(surface, t)

    def on_button(self, button: Button) -> None:
        a = button.action
        if isinstance(a, tuple) and a[0] == "card":
            if a[1] in self.chosen:
                self.chosen.remove(a[1])
            else:
                self.chosen.append(a[1])
        elif a in ("less", "more"):
            step = STEP_SECONDS if a == "more" else -STEP_SECONDS
            self.seconds = max(0, min(MAX_DISCUSSION, self.seconds + step))
        elif a == "start":
            cards = [c for c in (self.app.library.card(i) for i in self.chosen) if c is not None]
            self.close(("start", "Workshop", cards, self.seconds))
            return
        elif a == "save":
            self._save()
        elif a == "resume":
            self.close(("resume",))
            return
        self.layout(self.app.size)

    def _save(self) -> None:
        folder = self.app.store.home / "workshops"
        path = folder / f"playlist-{time.strftime('%Y-%m-%d-%H%M')}.yaml"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            from game.core.atomic import atomic_write

            atomic_write(path, playlist_text("Workshop", self.seconds, self.chosen))
        except OSError as e:
            self.note = f"The playlist could not be saved ({e.strerror or e})."
            return
        self.note = f"Saved as {path}: run it with  attune workshop --playlist {path.name}"
