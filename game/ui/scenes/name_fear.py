"""Name the fear: before the debrief, the player says which fear sat under the partner's words.

app.push(NameFearScene, callback, session=session)   # the card has ended; callback(session) once named
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.model import Fear
from game.core.session import FEAR_HINTS, Session

from ..portrait import Portrait
from ..widgets import Button, ScrollColumn, draw_text, measure, stack_buttons
from .base import Scene
from .overlay import ask_to_leave


class NameFearScene(Scene):
    name = "name-fear"

    def __init__(self, app: Any, session: Session, **p: Any) -> None:
        super().__init__(app, **p)
        self.session = session
        self.run = session.runner
        self.portrait = Portrait(session.card.partner, session.card.pattern)
        self.column = ScrollColumn()

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        m = t.margin
        keep = self.focused.action if self.buttons else None
        name = self.run.card.partner
        self.question = f"Which fear sat under {name}'s words?"
        first = self.session.first_line
        self.recap = f'{name} began: "{first}"' if first else ""
        self.buttons = [
            Button(fear.words, fear, key=str(i + 1), detail=FEAR_HINTS[fear], column=self.column)
            for i, fear in enumerate((Fear.NOT_ENOUGH, Fear.TOO_MUCH))
        ]
        cw = min(w - 2 * m, int(t.body_px * 34))
        x = (w - cw) // 2
        psize = int(min(h * 0.24, cw * 0.3))
        view = pygame.Rect(x, m, cw + ScrollColumn.gutter(t), h - 2 * m)
        inner = cw
        y = m
        self.portrait_box = pygame.Rect(0, 0, psize, psize)
        self.portrait_box.midtop = (x + cw // 2, y)
        y += psize + t.space(1.5)
        self.q_box = pygame.Rect(x, y, inner, measure(t.font("h1"), self.question, inner))
        y = self.q_box.bottom + t.space(1)
        self.recap_box = pygame.Rect(x, y, inner, measure(t.font("em"), self.recap, inner) if self.recap else 0)
        y = self.recap_box.bottom + t.space(2)
        y = stack_buttons(self.buttons, t, x, y, inner, t.space(1))
        shift = max(0, (h - m - y) // 2)  # centred in the window when it all fits
        for r in (self.portrait_box, self.q_box, self.recap_box):
            r.move_ip(0, shift)
        for b in self.buttons:
            b.box.move_ip(0, shift)
        y += shift
        self.column.set_view(view, y - m + t.space(1))
        self.set_focus(self.button_for(keep) or self.buttons[0])

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        with self.column.clipped(surface) as dy:
            if self.column.visible(self.portrait_box):
                self.portrait.draw(surface, self.portrait_box.move(0, dy), t, self.run.tension)
            draw_text(surface, self.question, t.font("h1"), c.text, self.q_box.move(0, dy), align="center")
            if self.recap:
                draw_text(surface, self.recap, t.font("em"), c.text_dim, self.recap_box.move(0, dy), align="center")
        self.column.draw_bar(surface, t)
        self.draw_buttons(surface)

    def on_button(self, button: Button) -> None:
        if isinstance(button.action, Fear):
            right = self.session.name_fear(button.action)
            self.app.sound.play("soften" if right else "steady")
            self.close(self.session)

    def back(self) -> None:
        ask_to_leave(self, "Leave without the debrief?", "This play will not be kept in your progress.")
