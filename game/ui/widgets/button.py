"""Buttons: a label (wrapped when long), an optional key badge and detail line, a visible focus ring.

    b = Button("Play", action="play", key="1", detail="The next card")
    h = b.measure(theme, width)       # the height it needs at a width (wrapping the label)
    b.place(pygame.Rect(x, y, width, h))
    b.draw(surface, theme, focused=True)

A scene keeps its buttons in `self.buttons`; the Scene base class moves the
focus between them and activates them by key and mouse (see scenes/base.py).
`action` is anything the scene wants back from `on_button(button)`.
"""

from __future__ import annotations

from typing import Any

import pygame

from ..theme import Theme
from .panel import badge_radius, draw_badge, draw_focus_ring
from .scroll import ScrollColumn
from .text import draw_text, measure

STYLES = ("normal", "primary", "quiet", "choice")


class Button:
    def __init__(
        self,
        label: str,
        action: Any = None,
        *,
        key: str | None = None,
        detail: str | None = None,
        style: str = "normal",
        enabled: bool = True,
        role: str | None = None,
        align: str | None = None,
        column: ScrollColumn | None = None,
    ) -> None:
        assert style in STYLES, style
        self.label = label
        self.action = action if action is not None else label
        self.key = key
        self.detail = detail
        self.style = style
        self.enabled = enabled
        self.role = role or ("body" if style == "choice" else "strong")
        self.align = align or ("left" if style == "choice" or key else "center")
        self.column = column
        self.box = pygame.Rect(0, 0, 0, 0)  # in content coordinates when in a column

    def __repr__(self) -> str:
        return f"Button({self.label!r}, action={self.action!r})"

    # -- layout ------------------------------------------------------------
    def _pads(self, theme: Theme) -> tuple[int, int, int]:
        """(horizontal padding, vertical padding, space taken by the key badge)."""
        px, py = theme.space(1.4), theme.space(0.9)
        badge = badge_radius(theme) * 2 + theme.space(1) if self.key else 0
        return px, py, badge

    def measure(self, theme: Theme, width: int) -> int:
        px, py, badge = self._pads(theme)
        inner = max(10, width - px * 2 - badge)
        h = measure(theme.font(self.role), self.label, inner)
        if self.detail:
            h += theme.space(0.3) + measure(theme.font("small"), self.detail, inner)
        if self.key:
            h = max(h, badge_radius(theme) * 2)
        return h + py * 2

    def natural_width(self, theme: Theme) -> int:
        """The width the label takes on one line, with padding."""
        px, _, badge = self._pads(theme)
        w = theme.font(self.role).size(self.label)[0]
        if self.detail:
            w = max(w, theme.font("small").size(self.detail)[0])
        return w + px * 2 + badge

    def place(self, rect: pygame.Rect) -> None:
        self.box = pygame.Rect(rect)

    @property
    def rect(self) -> pygame.Rect:
        """Where the button is on screen now."""
        return self.column.to_screen(self.box) if self.column else pygame.Rect(self.box)

    def hit(self, pos: tuple[int, int]) -> bool:
        if not self.enabled or not self.rect.collidepoint(pos):
            return False
        return self.column is None or self.column.view.collidepoint(pos)

    # -- drawing -----------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme, focused: bool = False) -> None:
        c = theme.colour
        rect = self.rect
        if self.style == "primary":
            fill, text, edge = c.accent, c.text_on_accent, c.accent
        elif self.style == "quiet":
            fill, text, edge = (c.raised_hover if focused else c.bg_top), c.text, c.panel_edge
        else:
            fill, text, edge = (c.raised_hover if focused else c.raised), c.text, c.panel_edge
        if not self.enabled:  # any style, drawn as a plain button: dim words on the accent could not be read
            fill, text, edge = (c.bg_top if self.style == "quiet" else c.raised), c.text_dim, c.panel_edge
        if focused and theme.high_contrast:  # drawn first: the button covers its middle
            draw_focus_ring(surface, rect, theme)
        pygame.draw.rect(surface, fill, rect, border_radius=theme.radius)
        pygame.draw.rect(surface, edge, rect, width=theme.line_width, border_radius=theme.radius)
        if focused and not theme.high_contrast:
            draw_focus_ring(surface, rect, theme)
        px, py, badge = self._pads(theme)
        inner = pygame.Rect(rect.x + px + badge, rect.y + py, rect.width - px * 2 - badge, rect.height - py * 2)
        if self.key:
            r = badge_radius(theme)
            draw_badge(surface, (rect.x + px + r, rect.centery), self.key, theme, focused)
        font = theme.font(self.role)
        label_h = measure(font, self.label, inner.width)
        detail_h = 0
        if self.detail:
            detail_h = theme.space(0.3) + measure(theme.font("small"), self.detail, inner.width)
        top = inner.y + max(0, (inner.height - label_h - detail_h) // 2)
        draw_text(surface, self.label, font, text, pygame.Rect(inner.x, top, inner.width, label_h), align=self.align)
        if self.detail:
            dcol = text if self.style == "primary" else c.text_dim
            r2 = pygame.Rect(inner.x, top + label_h + theme.space(0.3), inner.width, detail_h - theme.space(0.3))
            draw_text(surface, self.detail, theme.font("small"), dcol, r2, align=self.align)


def stack_buttons(buttons: list[Button], theme: Theme, x: int, y: int, width: int, gap: int | None = None) -> int:
    """Place buttons one under another from (x, y) at `width`; returns the y below the last."""
    gap = theme.space(0.8) if gap is None else gap
    for b in buttons:
        h = b.measure(theme, width)
        b.place(pygame.Rect(x, y, width, h))
        y += h + gap
    return y - gap if buttons else y


def row_buttons(buttons: list[Button], theme: Theme, rect: pygame.Rect, gap: int | None = None) -> int:
    """Place buttons side by side across `rect`, sharing its width; returns the row's height.

    When their labels do not fit side by side, they wrap within their share.
    """
    if not buttons:
        return 0
    gap = theme.space(1) if gap is None else gap
    w = (rect.width - gap * (len(buttons) - 1)) // len(buttons)
    h = max(b.measure(theme, w) for b in buttons)
    for i, b in enumerate(buttons):
        b.place(pygame.Rect(rect.x + i * (w + gap), rect.y, w, h))
    return h
