"""A panel (card frame): a rounded, softly shadowed box that content sits in."""

from __future__ import annotations

from functools import lru_cache

import pygame

from ..theme import Theme

RGB = tuple[int, int, int]


@lru_cache(maxsize=64)
def _shadow(size: tuple[int, int], radius: int, colour: RGB, alpha: int) -> pygame.Surface:
    w, h = size
    spread = max(4, radius // 2)
    surf = pygame.Surface((w + spread * 2, h + spread * 2), pygame.SRCALPHA)
    steps = 4
    for i in range(steps):
        inset = i * spread // steps
        a = alpha * (i + 1) // (steps * 2)
        pygame.draw.rect(
            surf,
            (*colour, a),
            surf.get_rect().inflate(-inset * 2, -inset * 2),
            border_radius=radius + spread - inset,
        )
    return surf


def draw_panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    theme: Theme,
    fill: RGB | None = None,
    edge: RGB | None = None,
    shadow: bool = True,
    edge_width: int | None = None,
) -> None:
    """Draw a panel; `fill` and `edge` default to the palette's panel colours."""
    c = theme.colour
    r = theme.radius
    rect = pygame.Rect(rect)
    if shadow and not theme.high_contrast and rect.width > 0 and rect.height > 0:
        img = _shadow(rect.size, r, c.shadow, 150)
        spread = (img.get_width() - rect.width) // 2
        surface.blit(img, (rect.x - spread, rect.y - spread + spread // 2))
    pygame.draw.rect(surface, fill or c.panel, rect, border_radius=r)
    width = edge_width if edge_width is not None else (theme.line_width + (1 if theme.high_contrast else 0))
    if width > 0:
        pygame.draw.rect(surface, edge or c.panel_edge, rect, width=width, border_radius=r)


def draw_focus_ring(surface: pygame.Surface, rect: pygame.Rect, theme: Theme) -> None:
    """The visible focus: a thick ring standing off the element.

    In high contrast the focus colour is also the primary buttons' colour, so the ring stands further
    off, across a band of the background: a solid yellow button is primary, a ring round one is focus.
    There it is drawn as two filled shapes, before the element (which then covers the middle).
    """
    ring = theme.ring
    if theme.high_contrast:
        gap = ring + 1
        outer = pygame.Rect(rect).inflate((ring + gap) * 2, (ring + gap) * 2)
        pygame.draw.rect(surface, theme.colour.focus, outer, border_radius=theme.radius + ring + gap)
        band = pygame.Rect(rect).inflate(gap * 2, gap * 2)
        pygame.draw.rect(surface, theme.colour.bg_top, band, border_radius=theme.radius + gap)
        return
    outer = pygame.Rect(rect).inflate(ring * 2 + 4, ring * 2 + 4)
    pygame.draw.rect(surface, theme.colour.focus, outer, width=ring, border_radius=theme.radius + ring)


def draw_badge(surface: pygame.Surface, centre: tuple[int, int], text: str, theme: Theme, active: bool) -> None:
    """A round key badge ("1", "2", ...) that says which key picks the element."""
    from .text import render_line

    font = theme.font("small-bold")
    r = max(font.get_height() // 2 + theme.space(0.4), 10)
    c = theme.colour
    fill = c.accent if active else c.panel
    pygame.draw.circle(surface, fill, centre, r)
    pygame.draw.circle(surface, c.accent if not active else c.focus, centre, r, width=max(1, theme.line_width))
    img = render_line(font, text, c.text_on_accent if active else c.text)
    surface.blit(img, img.get_rect(center=centre))


def badge_radius(theme: Theme) -> int:
    font = theme.font("small-bold")
    return max(font.get_height() // 2 + theme.space(0.4), 10)
