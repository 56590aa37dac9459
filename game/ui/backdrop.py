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
    # Made at a quarter of the size and stretched: the gradient and the glow change by less than one
    # colour level over four pixels, so the stretching cannot be seen, and it costs far less.
    qw, qh = (w + 3) // 4, (h + 3) // 4
    # the gradient: one pixel column, then stretched (the same pixels as a line per row)
    rows = bytearray()
    for y in range(qh):
        f = y / max(1, qh - 1)
        rows += bytes(round(a + (b - a) * f) for a, b in zip(c.bg_top, c.bg_bottom, strict=True))
    small = pygame.transform.scale(pygame.image.frombytes(bytes(rows), (1, qh), "RGB"), (qw, qh))
    # a lamp glow, low and to one side, drawn small and smoothly scaled up
    glow = pygame.Surface((64, 36), pygame.SRCALPHA)
    for r in range(18, 0, -1):
        a = int(42 * (1 - r / 18) ** 1.6)
        pygame.draw.ellipse(
            glow, (*c.glow, a), pygame.Rect(0, 0, r * 3.2, r * 1.9).move(10 + (18 - r) * 1.6, 18 - r + 8)
        )
    small.blit(pygame.transform.smoothscale(glow, (qw, qh)), (0, 0))
    half = pygame.transform.smoothscale(small, ((w + 1) // 2, (h + 1) // 2))  # smooth to half the size,
    return pygame.transform.scale(half, (w, h))  # then doubled: under a colour level between neighbours
