"""A reading page with a row of choices at its foot: prose that scrolls, buttons that close it.

    app.push(PageScene, callback, title="Before you start", blocks=lambda theme, width: [Para("...")],
             choices=[("We both feel safe", "start", "primary"), ("About and safety", "about", "normal")],
             back="back")
    # callback(action) with the chosen button's action; Esc or Back gives `back`

The blocks are built anew on every layout (a function of the theme and the
width), so the page follows the window size and the text-size setting. Any
mode's screens that are mostly words use it: a couple's safety screen and
check-in, the room's summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..theme import Theme
from ..widgets import Button, ScrollColumn, row_buttons, stack_buttons
from ..widgets.prose import Block, Prose
from .base import Scene

Builder = Callable[[Theme, int], list[Block]]
Choice = tuple[str, Any, str]  # label, action, style


def draw_prose_page(scene: Scene, surface: pygame.Surface) -> None:
    """A reading page: background, header, the scene's prose in its scroll column, its buttons."""
    scene.app.draw_background(surface)
    scene.draw_header(surface)
    col = scene.column
    with col.clipped(surface) as dy:
        view = col.view
        scene.prose.draw(surface, scene.theme, (view.x, view.y + dy), view=view)
    col.draw_fades(surface, scene.theme)
    col.draw_bar(surface, scene.theme)
    scene.draw_buttons(surface)


class PageScene(Scene):
    name = "page"
    max_width_em = 44  # the reading measure, in body-text heights

    def __init__(
        self,
        app: Any,
        title: str,
        blocks: Builder,
        choices: list[Choice] | tuple[Choice, ...],
        back: Any = None,
        back_label: str = "Back",
        name: str | None = None,
        **p: Any,
    ) -> None:
        super().__init__(app, **p)
        self.title = title
        self.build = blocks
        self.choices = list(choices)
        self.back_result = back
        self.back_label = back_label
        if name:
            self.name = name
        self.column = ScrollColumn()
        self.prose = Prose([])

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        m = t.margin
        keep = self.focused.action if self.buttons else None
        self.buttons = []
        top = self.layout_header(self.title, back_label=self.back_label)
        foot = [Button(label, action, style=style) for label, action, style in self.choices]
        width = min(w - 2 * m, int(t.body_px * self.max_width_em))
        x = (w - width) // 2
        row_h = row_buttons(foot, t, pygame.Rect(x, 0, width, 0))
        if row_h > t.line_height("strong") * 2 + t.space(2):  # labels that wrap: one under another
            fh = stack_buttons(foot, t, x, 0, width) if foot else 0
        else:
            fh = row_h
        shift = h - m - fh
        for b in foot:
            b.box.move_ip(0, shift)
        view = pygame.Rect(x, top, width + ScrollColumn.gutter(t), shift - t.space(1.5) - top)
        self.prose = Prose(self.build(t, width))
        self.column.set_view(view, self.prose.layout(t, width) + t.space(1))
        self.buttons = foot + [self.back_button]
        self.set_focus(self.button_for(keep) or (foot[0] if foot else self.back_button))

    def draw(self, surface: pygame.Surface) -> None:
        draw_prose_page(self, surface)

    def on_button(self, button: Button) -> None:
        self.close(button.action)

    def back(self) -> None:
        self.close(self.back_result)
