"""A flow: text blocks, panels and drawn pieces laid one under another, for long pages.

    flow = Flow(theme, x, y, width)              # in layout(); content coordinates
    flow.text("What happened", "h2")
    flow.begin_panel(edge=theme.colour.accent)   # what follows sits inside a panel
    flow.text(card.teaching, "em")
    flow.end_panel()
    flow.custom(height, lambda surface, rect: ...)   # a meter, a chart, shapes
    column.set_view(view, flow.height)
    ...
    flow.draw(surface, column)                   # in draw(); only what is visible

Text wraps to the flow's width; panels pad their content. Every text block
goes through draw_text, so the fit check sees it.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from ..theme import Theme
from .panel import draw_panel
from .scroll import ScrollColumn
from .text import draw_text, measure

RGB = tuple[int, int, int]


class Flow:
    def __init__(self, theme: Theme, x: int, y: int, width: int) -> None:
        self.theme = theme
        self.top = y
        self.y = y
        self._x = [x]
        self._w = [width]
        self._panels: list[tuple[int, int, RGB | None, RGB | None]] = []  # (item index, start y, fill, edge)
        self.items: list[tuple] = []

    @property
    def x(self) -> int:
        return self._x[-1]

    @property
    def width(self) -> int:
        return self._w[-1]

    @property
    def height(self) -> int:
        return self.y - self.top

    def space(self, units: float = 1) -> None:
        self.y += self.theme.space(units)

    def text(
        self,
        text: str,
        role: str = "body",
        colour: RGB | None = None,
        align: str = "left",
        after: float = 0.8,
        indent: int = 0,
    ) -> pygame.Rect:
        """A wrapped block of text; `after` is the space below it, in theme units."""
        w = self.width - indent
        r = pygame.Rect(self.x + indent, self.y, w, measure(self.theme.font(role), text, w))
        self.items.append(("text", r, text, role, colour or self.theme.colour.text, align))
        self.y = r.bottom + self.theme.space(after)
        return r

    def custom(
        self, height: int, draw: Callable[[pygame.Surface, pygame.Rect], None], after: float = 0.8
    ) -> pygame.Rect:
        r = pygame.Rect(self.x, self.y, self.width, height)
        self.items.append(("custom", r, draw))
        self.y = r.bottom + self.theme.space(after)
        return r

    def begin_panel(self, fill: RGB | None = None, edge: RGB | None = None, pad: float = 1.6) -> None:
        p = self.theme.space(pad)
        self._panels.append((len(self.items), self.y, fill, edge))
        self.items.append(None)  # the panel, filled in by end_panel
        self._x.append(self.x + p)
        self._w.append(self.width - 2 * p)
        self.y += p

    def end_panel(self, after: float = 1.2) -> pygame.Rect:
        index, start, fill, edge = self._panels.pop()
        self._x.pop()
        self._w.pop()
        # the last block's spacing becomes the panel's bottom padding
        last = max((it[1].bottom for it in self.items[index + 1 :] if it is not None), default=start)
        p = self.theme.space(1.6)
        r = pygame.Rect(self.x, start, self.width, last - start + p)
        self.items[index] = ("panel", r, fill, edge)
        self.y = r.bottom + self.theme.space(after)
        return r

    def draw(self, surface: pygame.Surface, column: ScrollColumn | None = None) -> None:
        t = self.theme
        dy = -column.offset if column is not None else 0
        old = surface.get_clip()
        if column is not None:
            surface.set_clip(column.view.clip(old))
        for item in self.items:
            if item is None:
                continue
            r = item[1].move(0, dy)
            if column is not None and not column.view.colliderect(r):
                continue
            if item[0] == "panel":
                draw_panel(surface, r, t, fill=item[2], edge=item[3], shadow=False)
            elif item[0] == "text":
                _, _, text, role, colour, align = item
                draw_text(surface, text, t.font(role), colour, r, align=align)
            else:
                item[2](surface, r)
        surface.set_clip(old)
