"""How the loop is drawn, apart from its layout: the two figures, the link, the state shapes.

The loop view (loop_view.py) lays out its header, stage and scale and keeps its animation state;
everything here is a pure drawing function of numbers, a theme and a surface. Shapes are drawn at
1x with smooth edges straight onto the surface.
"""

from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.core import scoring
from game.core.kinds import LoopState

from .theme import Theme

RGB = tuple[int, int, int]


def ease(f: float) -> float:
    f = max(0.0, min(1.0, f))
    return f * f * (3 - 2 * f)


def mix(a: RGB, b: RGB, f: float) -> RGB:
    f = max(0.0, min(1.0, f))
    return tuple(round(x + (y - x) * f) for x, y in zip(a, b, strict=True))


def state_colour(theme: Theme, t: float) -> RGB:
    """A colour that moves continuously through the three state colours as tension rises."""
    c = theme.colour
    soft, stuck, esc = (c.state(s) for s in (LoopState.SOFTENED, LoopState.STUCK, LoopState.ESCALATED))
    if t <= 5:
        return mix(soft, stuck, ease((t - 2) / 3))
    return mix(stuck, esc, ease((t - 6) / 2.5))


def draw_state_shape(surface: pygame.Surface, state: LoopState, centre: tuple[int, int], r: int, colour: RGB) -> None:
    """Circle for softened, square for stuck, triangle for escalated: the state by shape."""
    x, y = centre
    if state is LoopState.SOFTENED:
        pygame.draw.circle(surface, colour, centre, r)
    elif state is LoopState.STUCK:
        pygame.draw.rect(surface, colour, (x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7))
    else:
        pygame.draw.polygon(surface, colour, [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)])


def draw_link(img, a, b, fig_h, theme: Theme, t: float) -> None:
    """Warm arc when open, broken line when stuck, jagged line when escalated."""
    colour = state_colour(theme, t)
    lw = max(2.0, fig_h * 0.025)
    (x0, y0), (x1, _) = a, b
    x0 += fig_h * 0.14
    x1 -= fig_h * 0.14
    if x1 - x0 < lw * 4:
        return
    y = y0 - fig_h * 0.05
    state = scoring.loop_state(t)
    if state is LoopState.SOFTENED:
        rise = fig_h * 0.18
        pts = [(x0 + (x1 - x0) * i / 16, y - rise * math.sin(math.pi * i / 16)) for i in range(17)]
        _stroke(img, colour, pts, lw)
        _heart(img, ((x0 + x1) / 2, y - rise - lw * 4), lw * 4, colour)
    elif state is LoopState.STUCK:
        n = 9
        for i in range(0, n, 2):
            _stroke(img, colour, [(x0 + (x1 - x0) * i / n, y), (x0 + (x1 - x0) * (i + 1) / n, y)], lw)
    else:
        n = 10
        amp = fig_h * 0.06
        pts = [(x0 + (x1 - x0) * i / n, y + (amp if i % 2 else -amp)) for i in range(n + 1)]
        _stroke(img, colour, pts, lw)


def _rot(px: float, py: float, ox: float, oy: float, a: float) -> tuple[float, float]:
    s, co = math.sin(a), math.cos(a)
    dx, dy = px - ox, py - oy
    return ox + dx * co - dy * s, oy + dx * s + dy * co


def draw_figure(img, x, ground, h, face, lean, arms, colour, shadow) -> None:
    """A standing figure: feet at (x, ground), facing +1 right or -1 left, leaning by `lean`.

    `arms` runs from 0 (reaching towards the other) through 0.5 (hanging) to 1 (crossed);
    past 0.75 the figure also turns its face away.
    """
    a = lean * face

    def p(dx: float, dy: float) -> tuple[float, float]:
        return _rot(x + dx * face, ground - dy, x, ground, a)

    dark = tuple(max(0, v - 46) for v in colour)
    sw, sh = max(2, round(h * 0.4)), max(2, round(h * 0.06))
    img.blit(_shadow(sw, sh, shadow), (round(x - sw / 2), round(ground - h * 0.03)))
    # legs
    for side in (-1, 1):
        inner, outer = 0.012 * side, 0.1 * side
        _poly(img, dark, [p(inner * h, 0), p(outer * h, 0), p(outer * 1.2 * h, 0.44 * h), p(inner * h, 0.44 * h)])
    # torso, with rounded shoulders
    body = [
        p(-0.13 * h, 0.4 * h),
        p(0.13 * h, 0.4 * h),
        p(0.15 * h, 0.66 * h),
        p(0.1 * h, 0.72 * h),
        p(-0.1 * h, 0.72 * h),
        p(-0.15 * h, 0.66 * h),
    ]
    _poly(img, colour, body)
    for side in (-1, 1):
        _disc(img, colour, p(0.1 * side * h, 0.66 * h), h * 0.06)
    head = p(0.02 * h, 0.85 * h)
    _disc(img, colour, p(0.0, 0.74 * h), h * 0.05)  # neck
    _disc(img, colour, head, h * 0.115)
    turned = arms > 0.75
    eye = p((-0.06 if turned else 0.07) * h, 0.865 * h)
    _disc(img, dark, eye, max(1.2, h * 0.016))
    # arms: reaching forward when open, hanging when stuck, crossed when escalated
    lw = max(2.0, h * 0.06)
    shoulder = p(0.1 * h, 0.65 * h)
    if turned:
        back = p(-0.1 * h, 0.65 * h)
        _stroke(img, dark, [shoulder, p(0.16 * h, 0.5 * h), p(-0.08 * h, 0.56 * h)], lw)
        _stroke(img, dark, [back, p(-0.16 * h, 0.5 * h), p(0.08 * h, 0.55 * h)], lw)
        return
    if arms < 0.45:
        reach = 1 - arms / 0.45
        elbow = p((0.15 + 0.1 * reach) * h, (0.48 + 0.04 * reach) * h)
        hand = p((0.17 + 0.2 * reach) * h, (0.36 + 0.16 * reach) * h)
    else:
        elbow = p(0.15 * h, 0.5 * h)
        hand = p(0.14 * h, 0.35 * h)
    _stroke(img, dark, [shoulder, elbow, hand], lw)


def draw_heat(img, x, y, h, colour, phase: float) -> None:
    """Wavy heat lines over a head: flooded."""
    lw = max(2.0, h * 0.02)
    rise = h * 0.05 * math.sin(phase * math.pi * 3) if phase < 1 else 0
    for k in (-1, 0, 1):
        pts = []
        for i in range(9):
            yy = y - i * h * 0.02 - rise
            pts.append((x + k * h * 0.08 + math.sin(i * 1.3) * h * 0.018, yy))
        _stroke(img, colour, pts, lw)


def window_icon(px: int = 64) -> pygame.Surface:
    """The window's icon: the heart the link between the two figures grows when the loop softens."""
    from .theme import STANDARD

    img = pygame.Surface((px, px), pygame.SRCALPHA)
    _heart(img, (px / 2, px * 0.36), px * 0.42, STANDARD.state(LoopState.SOFTENED))
    return img


def _heart(img, centre, r, colour) -> None:
    x, y = centre
    _disc(img, colour, (x - r * 0.5, y), r * 0.55)
    _disc(img, colour, (x + r * 0.5, y), r * 0.55)
    _poly(img, colour, [(x - r * 1.03, y + r * 0.15), (x + r * 1.03, y + r * 0.15), (x, y + r * 1.2)])


# -- anti-aliased shapes at 1x: a filled shape with a smooth edge -------------------


def _disc(img: pygame.Surface, colour, centre, r: float) -> None:
    """A filled circle with a smooth rim (a third of the cost of a filled anti-aliased circle)."""
    if r < 3:
        pygame.draw.aacircle(img, colour, centre, r)
    else:
        pygame.draw.circle(img, colour, centre, r)
        pygame.draw.aacircle(img, colour, centre, r, 1)


def _poly(img: pygame.Surface, colour, pts) -> None:
    pygame.draw.polygon(img, colour, pts)
    pygame.draw.aalines(img, colour, True, pts)


def _stroke(img: pygame.Surface, colour, pts, width: float) -> None:
    """A line through `pts`, `width` wide, with round ends and smooth edges.

    Gentle bends are mitred inside one outline polygon; at a sharp bend (an elbow) the line
    is split and the joint drawn round.
    """
    r = width / 2
    normals = []
    for (ax, ay), (bx, by) in zip(pts, pts[1:], strict=False):
        d = math.hypot(bx - ax, by - ay) or 1.0
        normals.append((-(by - ay) / d, (bx - ax) / d))
    left, right = [], []
    for i, (x, y) in enumerate(pts):
        (ax, ay), (bx, by) = normals[max(0, i - 1)], normals[min(i, len(normals) - 1)]
        mx, my = ax + bx, ay + by
        m = math.hypot(mx, my)
        cos = (mx * ax + my * ay) / m if m > 1e-6 else 0.0  # cosine of half the turn
        if cos < 0.8:  # sharp: end this run round here and start the next from the same point
            left.append((x + ax * r, y + ay * r))
            right.append((x - ax * r, y - ay * r))
            _poly(img, colour, left + right[::-1])
            _disc(img, colour, (x, y), r)
            left, right = [(x + bx * r, y + by * r)], [(x - bx * r, y - by * r)]
            continue
        length = r / cos  # the mitre: along the mean normal, keeping both edges `r` from the line
        ox, oy = mx / m * length, my / m * length
        left.append((x + ox, y + oy))
        right.append((x - ox, y - oy))
    _poly(img, colour, left + right[::-1])
    _disc(img, colour, pts[0], r)
    _disc(img, colour, pts[-1], r)


@lru_cache(maxsize=8)
def _shadow(w: int, h: int, colour) -> pygame.Surface:
    """The soft shadow at a figure's feet: drawn at twice the size once, smoothed down, kept."""
    big = pygame.Surface((w * 2, h * 2), pygame.SRCALPHA)
    pygame.draw.ellipse(big, (*colour, 90), big.get_rect())
    return pygame.transform.smoothscale(big, (w, h))
