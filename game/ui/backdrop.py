"""The background every screen is drawn on: a warm night gradient with a soft lamp glow."""

from __future__ import annotations

import pygame

from . import theme as th


def make_background(size: tuple[int, int], theme: th.Theme) -> pygame.Surface:
    """The background for a window of `size` (plain in high contrast); the app keeps one per size."""
    w, h = size
    c = theme.colour
    if theme.high_contrast:
        surf = pygame.Surface(size)
        surf.fill(c.bg_top)
        return surf
    # the gradient: one pixel column, then stretched (the same pixels as a line per row, in half the time)
    column = pygame.Surface((1, h))
    for y in range(h):
        f = y / max(1, h - 1)
        column.set_at((0, y), tuple(round(a + (b - a) * f) for a, b in zip(c.bg_top, c.bg_bottom, strict=True)))
    surf = pygame.transform.scale(column, (w, h))
    # a lamp glow, low and to one side, drawn small and smoothly scaled up
    glow = pygame.Surface((64, 36), pygame.SRCALPHA)
    for r in range(18, 0, -1):
        a = int(42 * (1 - r / 18) ** 1.6)
        pygame.draw.ellipse(
            glow, (*c.glow, a), pygame.Rect(0, 0, r * 3.2, r * 1.9).move(10 + (18 - r) * 1.6, 18 - r + 8)
        )
    surf.blit(pygame.transform.smoothscale(glow, (w, h)), (0, 0))
    return surf
