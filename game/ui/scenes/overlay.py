"""Overlays: a panel over the dimmed scene below, and the question asked before leaving a scene.

self.app.push(Confirm, self.after, title="Leave this card?", paragraphs=[("body", "...")],
              choices=[("Stay", None, "primary"), ("Leave", LEAVE, "normal")])
ask_to_leave(self, "Leave this card?", "Your answers will not be kept.")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from ..intents import LEAVE
from ..widgets import Button, ScrollColumn, draw_panel, draw_text, measure, row_buttons, stack_buttons
from .base import Scene

if TYPE_CHECKING:
    from ..app import App


def ask_to_leave(scene: Scene, title: str, text: str, leave_label: str = "Leave") -> None:
    """Ask before leaving `scene`, with the focus on Stay; leaving closes it (with no result)."""

    def answered(result: Any) -> None:
        if result == LEAVE:
            scene.close()

    scene.app.push(
        Confirm,
        answered,
        title=title,
        paragraphs=[("body", text)],
        choices=[("Stay", None, "primary"), (leave_label, LEAVE, "normal")],
    )


class Overlay(Scene):
    """A panel over the dimmed scene below, closed by one of its buttons with that button's action.

        self.app.push(Confirm, callback, title="Leave this card?", paragraphs=[("body", "...")],
                      choices=[("Stay", None, "primary"), ("Leave", LEAVE, "normal")])
        # callback("leave") or callback(None)

    `paragraphs` are (role, text) pairs; a long text scrolls inside the panel.
    Esc closes with `cancel` (None unless given).
    """

    opaque = False
    name = "overlay"

    def __init__(
        self,
        app: App,
        title: str = "",
        paragraphs: list[tuple[str, str]] | tuple = (),
        choices: list[tuple[str, Any, str]] | tuple = (("OK", None, "primary"),),
        cancel: Any = None,
        **params: Any,
    ) -> None:
        super().__init__(app, **params)
        self.title = title
        self.paragraphs = list(paragraphs)
        self.choices = list(choices)
        self.cancel = cancel
        self.column = ScrollColumn()
        self.panel = pygame.Rect(0, 0, 0, 0)
        self._placed: list[tuple[str, str, pygame.Rect]] = []

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        m = t.margin
        keep = self.focused.action if self.buttons else None
        self.buttons = [Button(label, action, style=style) for label, action, style in self.choices]
        pw = min(w - 2 * m, int(t.body_px * 34))
        pad = t.space(2.5)
        inner = pw - 2 * pad
        gutter = ScrollColumn.gutter(t)
        row_h = max(
            b.measure(t, (inner - t.space(1) * (len(self.buttons) - 1)) // len(self.buttons)) for b in self.buttons
        )
        stacked = row_h > t.line_height("strong") * 2 + t.space(2) or any(
            b.natural_width(t) > (inner - t.space(1) * (len(self.buttons) - 1)) // len(self.buttons)
            for b in self.buttons
        )
        buttons_h = (
            sum(b.measure(t, inner) for b in self.buttons) + t.space(0.8) * (len(self.buttons) - 1)
            if stacked
            else row_h
        )
        title_h = measure(t.font("h1"), self.title, inner) if self.title else 0
        self._placed = []
        y = 0
        for role, text in self.paragraphs:
            ph = measure(t.font(role), text, inner - gutter)
            self._placed.append((role, text, pygame.Rect(0, y, inner - gutter, ph)))
            y += ph + t.space(1)
        text_h = max(0, y - t.space(1))
        max_h = h - 2 * m
        fixed = pad * 2 + title_h + (t.space(1.5) if self.title else 0) + t.space(2) + buttons_h
        view_h = max(t.body_px * 2, min(text_h, max_h - fixed))
        ph = fixed + view_h
        self.panel = pygame.Rect((w - pw) // 2, max(m, (h - ph) // 2), pw, ph)
        x = self.panel.x + pad
        top = self.panel.y + pad
        self._title_box = pygame.Rect(x, top, inner, title_h)
        vy = top + title_h + (t.space(1.5) if self.title else 0)
        self.column.set_view(pygame.Rect(x, vy, inner, view_h), text_h)
        for i, (role, text, r) in enumerate(self._placed):
            self._placed[i] = (role, text, r.move(x, vy))
        by = self.column.view.bottom + t.space(2)
        if stacked:
            stack_buttons(self.buttons, t, x, by, inner)
        else:
            row_buttons(self.buttons, t, pygame.Rect(x, by, inner, 0))
        self.set_focus(self.button_for(keep) or self.buttons[0])

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        draw_panel(surface, self.panel, t, edge=t.colour.accent)
        if self.title:
            draw_text(surface, self.title, t.font("h1"), t.colour.text, self._title_box)
        with self.column.clipped(surface) as dy:
            for role, text, r in self._placed:
                if self.column.visible(r):
                    colour = t.colour.text_dim if role == "small" else t.colour.text
                    draw_text(surface, text, t.font(role), colour, r.move(0, dy))
        self.column.draw_bar(surface, t)
        self.draw_buttons(surface)

    def on_button(self, button: Button) -> None:
        self.close(button.action)

    def back(self) -> None:
        self.close(self.cancel)


class Confirm(Overlay):
    name = "confirm"
