"""The background every screen is drawn on: a warm night gradient with a soft lamp glow.

Both are made at half the window's size and doubled as they are drawn: they change by less
than a colour level between neighbouring pixels, so the doubling cannot be seen, and the
copy the app keeps takes a quarter of the memory. The title adds a warm light behind its
figures (`with_glow`), blended into its own half-size copy.
"""

from __future__ import annotations

import pygame

from . import theme as th

RGB = tuple[int, int, int]


class Backdrops:
    """The backgrounds the app keeps, at half size: the plain one, and the title's with its glow."""

    def __init__(self) -> None:
        self.kept: dict[tuple, pygame.Surface] = {}

    def draw(self, surface: pygame.Surface, theme: th.Theme, glow: tuple[pygame.Rect, RGB] | None = None) -> None:
        size = surface.get_size()
        key = (size, None if glow is None else (tuple(glow[0]), tuple(glow[1])))
        half = self.kept.get(key)
        if half is None:
            plain = self.kept.get((size, None)) or make_background(size, theme)
            half = plain if glow is None else with_glow(plain, pygame.Rect(glow[0]), glow[1])
            if len(self.kept) >= 2:
                self.kept.clear()  # the plain one and the title's are all that are ever shown
            self.kept[key] = half
        try:
            pygame.transform.scale(half, size, surface)  # doubled straight onto the surface
        except ValueError:  # a surface of another pixel format
            surface.blit(pygame.transform.scale(half, size), (0, 0))


def make_background(size: tuple[int, int], theme: th.Theme) -> pygame.Surface:
    """The background for a window of `size` (plain in high contrast), at half that size: the app keeps
    it so and doubles it onto the screen (the same pixels as a full-size copy, a quarter of the memory)."""
    w, h = size
    c = theme.colour
    if theme.high_contrast:
        surf = pygame.Surface(((w + 1) // 2, (h + 1) // 2))
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
    small = pygame.Surface((qw, qh))  # the screen's own pixel format, so drawing it needs no conversion
    small.blit(pygame.transform.scale(pygame.image.frombytes(bytes(rows), (1, qh), "RGB"), (qw, qh)), (0, 0))
    # a lamp glow, low and to one side, drawn small and smoothly scaled up
    glow = pygame.Surface((64, 36), pygame.SRCALPHA)
    for r in range(18, 0, -1):
        a = int(42 * (1 - r / 18) ** 1.6)
        pygame.draw.ellipse(
            glow, (*c.glow, a), pygame.Rect(0, 0, r * 3.2, r * 1.9).move(10 + (18 - r) * 1.6, 18 - r + 8)
        )
    small.blit(pygame.transform.smoothscale(glow, (qw, qh)), (0, 0))
    return pygame.transform.smoothscale(small, ((w + 1) // 2, (h + 1) // 2))  # doubled when drawn


def with_glow(half: pygame.Surface, area: pygame.Rect, colour: RGB) -> pygame.Surface:
    """A copy of a half-size background with a soft round light filling `area` (in full-size pixels)."""
    out = half.copy()
    w, h = max(1, area.width // 2), max(1, area.height // 2)
    small = pygame.Surface((48, 48), pygame.SRCALPHA)
    for r in range(24, 0, -1):
        a = int(38 * (1 - r / 24) ** 1.8)
        pygame.draw.circle(small, (*colour, a), (24, 24), r)
    glow = pygame.transform.smoothscale(small, (w, h))
    out.blit(glow, glow.get_rect(center=(area.centerx // 2, area.centery // 2)))
    return out
