"""Every deck in the library and its cards: title, partner, fear once played, best ending so far.

Decks that failed to load are named at the top with each problem's
file:line:col, the way the validator prints them, so an author pressing F5
sees at once what to mend.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.core.next_card import deck_order
from game.paths import SCENARIOS

from ..widgets import Button, ScrollColumn, draw_panel, draw_text, measure
from .base import Scene
from .solo import play_card


def short_path(path: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(SCENARIOS.parent))
    except ValueError:
        return path


def card_detail(app: Any, card: Any) -> str:
    """The partner; once played, the fear and the best ending so far."""
    best = app.store.best_ending(card.full_id)
    if best is None:
        return f"{card.partner}\nNot played yet"
    return f"{card.partner} · fear: {card.fear.words}\nBest ending so far: {best.label.lower()}"


class DecksScene(Scene):
    name = "decks"

    def enter(self) -> None:
        self.column = ScrollColumn()

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        keep = self.focused.action if self.buttons else None
        area = self.layout_page("Decks and cards")
        inner = area.width
        view = pygame.Rect(area.x, area.top, inner + ScrollColumn.gutter(t), area.height - t.margin)
        lib = self.app.library
        self.items: list[tuple[str, str, pygame.Rect]] = []  # (kind, text, rect in content coordinates)
        y = view.top
        cards: list[Button] = []
        errors = lib.errors
        if errors:
            pad = t.space(1.5)
            lines = [f"{short_path(d.path)}:{d.line}:{d.col}: {d.message} [{d.code}]" for d in errors]
            head = (
                f"{len(errors)} problem{'s' * (len(errors) != 1)} kept a deck or card from loading. Mend and press F5:"
            )
            hh = measure(t.font("strong"), head, inner - 2 * pad)
            body = "\n".join(lines)
            bh = measure(t.font("small"), body, inner - 2 * pad)
            box = pygame.Rect(view.x, y, inner, hh + bh + t.space(0.8) + 2 * pad)
            self.items.append(("notice", "", box))
            self.items.append(("strong", head, pygame.Rect(box.x + pad, box.y + pad, inner - 2 * pad, hh)))
            self.items.append(
                ("small", body, pygame.Rect(box.x + pad, box.y + pad + hh + t.space(0.8), inner - 2 * pad, bh))
            )
            y = box.bottom + t.space(2)
        if not lib.decks:
            text = "No decks are loaded. The shipped decks live in the scenarios folder."
            self.items.append(("body", text, pygame.Rect(view.x, y, inner, measure(t.font("body"), text, inner))))
        cols = max(1, min(3, inner // max(1, int(t.body_px * 15))))
        gap = t.space(1)
        cw = (inner - gap * (cols - 1)) // cols
        for deck in deck_order(lib.decks):
            n = len(deck.cards)
            title = f"{deck.title}  ({n} card{'s' * (n != 1)})"
            th = measure(t.font("h2"), title, inner)
            self.items.append(("h2", title, pygame.Rect(view.x, y, inner, th)))
            y += th + t.space(0.4)
            if deck.description:
                dh = measure(t.font("body"), deck.description, inner)
                self.items.append(("dim", deck.description, pygame.Rect(view.x, y, inner, dh)))
                y += dh + t.space(1)
            row: list[Button] = []
            for i, card in enumerate(deck.cards):
                b = Button(
                    card.title, card.full_id, detail=card_detail(self.app, card), align="left", column=self.column
                )
                row.append(b)
                if len(row) == cols or i == n - 1:
                    rh = max(b.measure(t, cw) for b in row)
                    for j, b2 in enumerate(row):
                        b2.place(pygame.Rect(view.x + j * (cw + gap), y, cw, rh))
                    y += rh + gap
                    cards.extend(row)
                    row = []
            y += t.space(1.5)
        self.column.set_view(view, y - view.top)
        self.buttons = cards + [self.back_button]
        self.set_focus(self.button_for(keep) or (cards[0] if cards else self.back_button))

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        self.draw_header(surface)
        with self.column.clipped(surface) as dy:
            for kind, text, r in self.items:
                if not self.column.visible(r):
                    continue
                r = r.move(0, dy)
                if kind == "notice":
                    draw_panel(surface, r, t, fill=c.raised, edge=c.poor)
                elif kind == "h2":
                    draw_text(surface, text, t.font("h2"), c.accent, r)
                elif kind == "dim":
                    draw_text(surface, text, t.font("body"), c.text_dim, r)
                else:
                    draw_text(surface, text, t.font(kind), c.text, r)
        self.draw_buttons(surface)
        self.column.draw_fades(surface, t)
        self.column.draw_bar(surface, t)

    def on_button(self, button: Button) -> None:
        card = self.app.library.card(button.action)
        if card is not None:
            play_card(self.app, card, done=self._after_card)

    def _after_card(self, result: str | None) -> None:
        if result == "title":
            self.close()
        else:
            self.layout(self.app.size)  # best endings may have changed
