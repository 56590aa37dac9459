"""Setting up a couple's sitting: two first names, then a deck or "deal us a card".

    app.push(TogetherSetupScene, callback)   # callback(("deal" | deck_id, (name_a, name_b))) or None

The names are optional (Partner A and Partner B when left empty); the last
couple who played on this computer is filled in, so next week starts where
they left off. A name field takes typing when it is chosen (Enter or a
click); Enter or Tab ends the name and moves on.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.session import deck_order
from game.core.together import DEFAULT_NAMES, NAME_MAX

from ...intents import BACK, CONFIRM, COUPLES_KEYS, ERASE, NEXT, PREV, TEXT, Intent
from ...widgets import Button, ScrollColumn, draw_text, measure, stack_buttons
from ...widgets.textfield import TextField
from ..base import Scene


def last_couple(store: Any) -> tuple[str, str] | None:
    couples = store.couples()
    if not couples:
        return None
    a, _, b = couples[0].partition(" & ")
    return (a, b) if a and b else None


class TogetherSetupScene(Scene):
    name = "together-setup"
    keys = COUPLES_KEYS

    def __init__(self, app: Any, **p: Any) -> None:
        super().__init__(app, **p)
        names = last_couple(app.store) or ("", "")
        self.fields = [TextField(names[0], NAME_MAX, DEFAULT_NAMES[0]), TextField(names[1], NAME_MAX, DEFAULT_NAMES[1])]
        self.editing: int | None = None
        self.column = ScrollColumn()

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        keep = self.focused.action if self.buttons else None
        self.buttons = []
        top = self.layout_header("Play together")
        self.progress_button = Button("Our progress", "progress", style="quiet")
        in_header = self._place_in_header(self.progress_button)
        top = max(top, in_header)
        width = min(w - 2 * t.margin - ScrollColumn.gutter(t), int(t.body_px * 40))
        x = (w - width) // 2
        col = self.column
        intro = "Two first names (you can leave them as they are), then pick a deck, or let the game deal a card."
        y = top
        self.intro_box = pygame.Rect(x, y, width, measure(t.font("body"), intro, width))
        self.intro = intro
        y = self.intro_box.bottom + t.space(1.5)
        self.labels: list[tuple[str, pygame.Rect]] = []
        self.field_buttons = []
        fh = TextField.height(t)
        label_h = t.line_height("small-bold")
        for i, f in enumerate(self.fields):
            self.labels.append((f"Name {i + 1} (Enter to type)", pygame.Rect(x, y, width, label_h)))
            field = Button(f.text or f.placeholder, ("name", i), align="left", column=col)
            field.place(pygame.Rect(x, y + label_h + t.space(0.2), width, max(fh, field.measure(t, width))))
            self.field_buttons.append(field)
            y = field.box.bottom + t.space(1)
        y += t.space(0.5)
        self.deal = Button(
            "Deal us a card", "deal", style="primary", detail="One you have not played together yet", column=col
        )
        decks = [
            Button(d.title, ("deck", d.id), detail=f"{len(d.cards)} cards", column=col)
            for d in deck_order(self.app.library.decks)
        ]
        listed = [self.deal, *decks]
        if not in_header:  # no room beside the title: it ends the list instead
            self.progress_button.column = col
            listed.append(self.progress_button)
        end = stack_buttons(listed, t, x, y, width)
        col.set_view(pygame.Rect(x, top, width + ScrollColumn.gutter(t), h - top - t.margin), end - top)
        self.buttons = [*self.field_buttons, self.deal, *decks, self.progress_button, self.back_button]
        self.set_focus(self.button_for(keep) or self.deal)

    def _place_in_header(self, b: Button) -> int:
        """Put `b` in the header, left of Back, where a couple looks first; returns where content starts then,
        or 0 when the title would be left too little room beside it (a narrow window at a large text size)."""
        t = self.theme
        m = t.margin
        back = self.back_button
        assert back is not None
        bw = b.natural_width(t) + t.space(1)
        bh = b.measure(t, bw)
        box = pygame.Rect(back.box.x - t.space(1) - bw, m, bw, bh)
        font = t.font("h1")
        title_w = box.x - m - t.space(2)
        if title_w < max(font.size(word)[0] for word in self._title.split()):
            return 0
        b.place(box)
        self._title_rect.width = title_w
        self._title_rect.height = measure(font, self._title, title_w)
        return max(self._title_rect.bottom, box.bottom, back.box.bottom) + t.space(1.5)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.app.draw_background(surface)
        self.draw_header(surface)
        col = self.column
        with col.clipped(surface):
            draw_text(surface, self.intro, t.font("body"), t.colour.text, col.to_screen(self.intro_box))
            for text, box in self.labels:
                draw_text(surface, text, t.font("small-bold"), t.colour.text_dim, col.to_screen(box))
        self.draw_buttons(surface)
        if self.editing is not None:
            with col.clipped(surface):
                self.fields[self.editing].draw(surface, self.field_buttons[self.editing].rect, t, active=True)
        col.draw_bar(surface, t)

    # -- input -------------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        if self.editing is not None:
            k = intent.kind
            if k == TEXT:
                self.fields[self.editing].insert(intent.text)
                return True
            if k == ERASE:
                self.fields[self.editing].backspace()
                return True
            if k in (CONFIRM, NEXT, PREV, BACK):
                i = self.editing
                self._stop()
                if k != BACK:
                    nxt = i + (1 if k != PREV else -1)
                    self.set_focus(self.field_buttons[nxt] if 0 <= nxt < 2 else self.deal)
                return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        a = button.action
        if isinstance(a, tuple) and a[0] == "name":
            self.editing = a[1]
            self.app.start_typing(self)
            self.layout(self.app.size)
        elif a == "deal":
            self.close(("deal", self.names))
        elif isinstance(a, tuple) and a[0] == "deck":
            self.close((a[1], self.names))
        elif a == "progress":
            from .progress import TogetherProgressScene

            self.app.push(
                TogetherProgressScene, None, profile=self.app.store.couples()[0] if self.app.store.couples() else None
            )

    def _stop(self) -> None:
        self.editing = None
        self.app.stop_typing(self)
        self.layout(self.app.size)

    @property
    def names(self) -> tuple[str, str]:
        return (self.fields[0].text or DEFAULT_NAMES[0], self.fields[1].text or DEFAULT_NAMES[1])
