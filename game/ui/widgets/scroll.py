"""A scrollable column: content laid out taller than its view, moved by wheel, keys or focus.

    col = ScrollColumn()
    col.set_view(view_rect, content_height)       # in layout(); content y starts at view.top
    col.scroll_by(dy) / col.page(+1) / col.show(rect_in_content)
    with col.clipped(surface) as dy:              # in draw(): draw each item at rect.move(0, dy)
        ...
    col.draw_bar(surface, theme)

Buttons placed in a column take `column=col`, so their on-screen rect follows the scroll.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pygame

from ..theme import Theme


class ScrollColumn:
    def __init__(self) -> None:
        self.view = pygame.Rect(0, 0, 0, 0)
        self.content_height = 0
        self.offset = 0

    @property
    def max_offset(self) -> int:
        return max(0, self.content_height - self.view.height)

    @property
    def scrollable(self) -> bool:
        return self.max_offset > 0

    def set_view(self, view: pygame.Rect, content_height: int) -> None:
        self.view = pygame.Rect(view)
        self.content_height = int(content_height)
        self.offset = max(0, min(self.offset, self.max_offset))

    def scroll_by(self, dy: int) -> bool:
        """Scroll by dy pixels; True when the offset changed."""
        before = self.offset
        self.offset = max(0, min(self.max_offset, self.offset + int(dy)))
        return self.offset != before

    def page(self, direction: int) -> bool:
        return self.scroll_by(direction * max(40, int(self.view.height * 0.85)))

    def show(self, rect: pygame.Rect, margin: int = 12) -> None:
        """Scroll the least distance that brings `rect` (content coordinates) into view."""
        top = rect.top - self.view.top - margin
        bottom = rect.bottom - self.view.top + margin
        if top < self.offset:
            self.offset = max(0, top)
        elif bottom > self.offset + self.view.height:
            self.offset = min(self.max_offset, bottom - self.view.height)

    def to_screen(self, rect: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(rect).move(0, -self.offset)

    def visible(self, rect: pygame.Rect) -> bool:
        return self.view.colliderect(self.to_screen(rect))

    @contextmanager
    def clipped(self, surface: pygame.Surface) -> Iterator[int]:
        old = surface.get_clip()
        surface.set_clip(self.view.clip(old))
        try:
            yield -self.offset
        finally:
            surface.set_clip(old)

    @staticmethod
    def gutter(theme: Theme) -> int:
        """Width to keep free at the right of the view for the scroll bar."""
        return max(4, theme.space(0.5)) * 3

    def draw_bar(self, surface: pygame.Surface, theme: Theme) -> None:
        """A thin bar inside the view's right gutter, with arrows that say more lies above or below."""
        if not self.scrollable:
            return
        c = theme.colour
        w = max(4, theme.space(0.5))
        a = w + 2  # arrow half-width
        cx = self.view.right - a - 1
        track = pygame.Rect(cx - w // 2, self.view.top + a * 2 + 4, w, self.view.height - a * 4 - 8)
        pygame.draw.rect(surface, c.panel_edge, track, border_radius=w // 2)
        h = max(w * 3, int(track.height * self.view.height / max(1, self.content_height)))
        y = track.top + int((track.height - h) * self.offset / self.max_offset)
        pygame.draw.rect(surface, c.text_dim, (track.x, y, w, h), border_radius=w // 2)
        top, bottom = self.view.top + 2, self.view.bottom - 2
        up = c.accent if self.offset > 0 else c.panel_edge
        down = c.accent if self.offset < self.max_offset else c.panel_edge
        pygame.draw.polygon(surface, up, [(cx, top), (cx - a, top + a * 2), (cx + a, top + a * 2)])
        pygame.draw.polygon(surface, down, [(cx, bottom), (cx - a, bottom - a * 2), (cx + a, bottom - a * 2)])

    def draw_fades(self, surface: pygame.Surface, theme: Theme, colour: tuple[int, int, int] | None = None) -> None:
        """Soft fades at the view's top and bottom edges where more content lies beyond them.

        `colour` is what the view sits on; by default the window's background gradient at each edge.
        """
        if not self.scrollable or theme.high_contrast:
            return
        h = max(8, theme.space(2.5))
        for edge, more in ((self.view.top, self.offset > 0), (self.view.bottom, self.offset < self.max_offset)):
            if not more:
                continue
            c = colour or _background_at(theme, edge)
            fade = pygame.Surface((self.view.width, h), pygame.SRCALPHA)
            for i in range(h):
                a = int(235 * (i + 1) / h)
                y = i if edge != self.view.top else h - 1 - i
                pygame.draw.line(fade, (*c, a), (0, y), (self.view.width, y))
            surface.blit(fade, (self.view.x, edge - h if edge == self.view.bottom else edge))


def _background_at(theme: Theme, y: int) -> tuple[int, int, int]:
    c = theme.colour
    f = max(0.0, min(1.0, y / max(1, theme.size[1] - 1)))
    return tuple(round(a + (b - a) * f) for a, b in zip(c.bg_top, c.bg_bottom, strict=True))
