"""Meters: a labelled bar with the guides it is read against (never a verdict).

    guides = [(0.4, "fair"), (0.5, "good")]
    h = meter_height(theme, width, "Attunement", note, "72%", guides=guides)
    draw_meter(surface, rect, theme, "Attunement", 0.72, "72%", guides=guides, note=note)

The fill is a bar, the value is written in words, and each guide is a tick
with its name, so nothing depends on telling colours apart. The line for
the guides' names is there only when there are guides; meters side by side
pass `guide_line=True` to all of them when any has guides, so their notes
line up.
"""

from __future__ import annotations

import pygame

from ..theme import Theme
from .text import draw_text, line_height, measure, render_line

RGB = tuple[int, int, int]


def _bar_h(theme: Theme) -> int:
    return max(10, theme.space(1.2))


def _guide_line_h(theme: Theme, guides: list | None, guide_line: bool | None) -> int:
    """The room under the bar for the guides' names: none when there are none (unless asked for)."""
    if not (bool(guides) if guide_line is None else guide_line):
        return 0
    return theme.space(0.4) + line_height(theme.font("small"))


def meter_height(
    theme: Theme,
    width: int,
    label: str,
    note: str | None = None,
    value_text: str = "",
    guides: list[tuple[float, str]] | None = None,
    guide_line: bool | None = None,
) -> int:
    """The height `draw_meter` needs at `width` (`guide_line`: room for guide names; by default when guided)."""
    label_w = width - theme.font("h2").size(value_text)[0] - theme.space(1) if value_text else width
    top = max(measure(theme.font("strong"), label, max(10, label_w)), theme.font("h2").get_height())
    h = top + theme.space(0.6) + _bar_h(theme) + _guide_line_h(theme, guides, guide_line)
    if note:
        h += theme.space(0.4) + measure(theme.font("small"), note, width)
    return h


def draw_meter(
    surface: pygame.Surface,
    rect: pygame.Rect,
    theme: Theme,
    label: str,
    fraction: float | None,
    value_text: str,
    guides: list[tuple[float, str]] | None = None,
    note: str | None = None,
    colour: RGB | None = None,
    guide_line: bool | None = None,
) -> None:
    c = theme.colour
    rect = pygame.Rect(rect)
    big = theme.font("h2")
    vw = big.size(value_text)[0] if value_text else 0
    label_w = rect.width - vw - theme.space(1) if value_text else rect.width
    label_h = measure(theme.font("strong"), label, max(10, label_w))
    top_h = max(label_h, big.get_height())
    draw_text(surface, label, theme.font("strong"), c.text, pygame.Rect(rect.x, rect.y, label_w, label_h))
    if value_text:
        draw_text(
            surface, value_text, big, colour or c.accent, pygame.Rect(rect.right - vw, rect.y, vw, big.get_height())
        )
    y = rect.y + top_h + theme.space(0.6)
    bh = _bar_h(theme)
    track = pygame.Rect(rect.x, y, rect.width, bh)
    pygame.draw.rect(surface, c.raised, track, border_radius=bh // 2)
    if fraction is not None:
        f = max(0.0, min(1.0, fraction))
        if f > 0:
            pygame.draw.rect(
                surface,
                colour or c.accent,
                (track.x, track.y, max(bh, int(track.width * f)), bh),
                border_radius=bh // 2,
            )
    pygame.draw.rect(surface, c.panel_edge, track, width=max(1, theme.line_width // 2 or 1), border_radius=bh // 2)
    small = theme.font("small")
    ly = track.bottom + theme.space(0.4)
    placed: list[pygame.Rect] = []
    ticks = [(track.x + int(track.width * max(0.0, min(1.0, frac))), name) for frac, name in guides or []]
    for i, (gx, name) in enumerate(ticks):
        pygame.draw.line(surface, c.text, (gx, track.y - 3), (gx, track.bottom + 3), max(2, theme.line_width))
        img = render_line(small, name, c.text_dim)
        r = img.get_rect(midtop=(gx, ly))
        if len(ticks) > 1 and i == 0:  # two close guides: the first ends at its tick, the next starts at its own
            r.topright = (gx + 2, ly)
        elif len(ticks) > 1:
            r.topleft = (gx - 2, ly)
        r.clamp_ip(pygame.Rect(rect.x, ly, rect.width, r.height))
        if not any(r.colliderect(p.inflate(6, 0)) for p in placed):  # guide names never overlap
            draw_text(surface, name, small, c.text_dim, r)
            placed.append(r)
    if note:
        ny = track.bottom + _guide_line_h(theme, guides, guide_line) + theme.space(0.4)
        draw_text(surface, note, small, c.text_dim, pygame.Rect(rect.x, ny, rect.width, rect.bottom - ny))
