"""The partner's drawn portrait, whose expression follows the loop.

    p = Portrait("Sam", Pattern.ATTACK)
    p.draw(surface, rect, theme, tension)     # tension 0..10, usually the loop view's eased value

Open (low tension): a soft smile, relaxed brows. Stuck: a flat mouth, brows
drawn. Escalated: a frown, and the brows of the partner's shame pattern:
angry for one who attacks, worried for one who blames themself, lowered
eyes and a turned head for one who withdraws. Flooded: flushed cheeks and
raised shoulders. The look (skin, hair) comes from the name, so each
partner keeps one face. Drawn at twice the size and smoothed; cached per
size and expression step.
"""

from __future__ import annotations

import math
import zlib
from functools import lru_cache

import pygame

from game.core import scoring
from game.core.model import Pattern

from .loop_figures import mix, state_colour
from .theme import Theme

RGB = tuple[int, int, int]
SS = 2
STEPS_PER_POINT = 4  # expression steps per tension point (cache granularity)

SKINS: tuple[RGB, ...] = (
    (241, 200, 170),
    (222, 172, 134),
    (190, 136, 98),
    (150, 100, 70),
    (108, 72, 52),
    (236, 188, 150),
)
HAIRS: tuple[RGB, ...] = ((50, 36, 30), (92, 58, 36), (28, 24, 26), (150, 98, 56), (196, 160, 110), (120, 112, 110))
CLOTHES: tuple[RGB, ...] = ((96, 120, 160), (150, 92, 110), (88, 130, 112), (170, 120, 80), (110, 96, 150))
STYLES = ("short", "long", "bun", "curly")


class Portrait:
    def __init__(self, name: str, pattern: Pattern) -> None:
        self.name = name
        self.pattern = pattern
        h = zlib.crc32(name.encode("utf-8"))
        self.skin = SKINS[h % len(SKINS)]
        self.hair = HAIRS[(h >> 4) % len(HAIRS)]
        self.clothes = CLOTHES[(h >> 8) % len(CLOTHES)]
        self.style = STYLES[(h >> 12) % len(STYLES)]

    @staticmethod
    def step(tension: float) -> int:
        """The expression drawn for a tension: it changes by steps, not with every frame."""
        return round(tension * STEPS_PER_POINT)

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme, tension: float) -> None:
        size = max(8, min(rect.width, rect.height))
        step = self.step(tension)
        backdrop = state_colour(theme, step / STEPS_PER_POINT)
        img = _render(self, size, step, backdrop, theme.colour.panel, theme.colour.panel_edge, theme.high_contrast)
        surface.blit(img, img.get_rect(center=pygame.Rect(rect).center))

    def __hash__(self) -> int:
        return hash((self.name, self.pattern))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Portrait) and (self.name, self.pattern) == (other.name, other.pattern)


@lru_cache(maxsize=96)
def _render(p: Portrait, size: int, step: int, backdrop: RGB, panel: RGB, edge: RGB, contrast: bool) -> pygame.Surface:
    t = step / STEPS_PER_POINT
    f = t / scoring.TENSION_MAX
    S = size * SS
    img = pygame.Surface((S, S), pygame.SRCALPHA)
    cx = S / 2
    # the round frame, tinted by the loop
    pygame.draw.circle(img, mix(panel, backdrop, 0.28 if not contrast else 0.0), (cx, cx), S / 2)
    clip = pygame.Surface((S, S), pygame.SRCALPHA)
    withdraw = p.pattern is Pattern.WITHDRAW
    attack = p.pattern is Pattern.ATTACK
    turn = (f - 0.4) * 0.12 * S if withdraw and f > 0.4 else 0.0  # head turns aside
    drop = (f - 0.4) * 0.05 * S if withdraw and f > 0.4 else 0.0
    shrug = max(0.0, f - 0.55) * 0.12 * S  # shoulders rise with tension
    head = (cx + turn, S * 0.43 + drop)
    hw, hh = S * 0.2, S * 0.25
    # hair behind the head
    if p.style == "long":
        pygame.draw.ellipse(clip, p.hair, (head[0] - hw * 1.25, head[1] - hh * 1.05, hw * 2.5, hh * 2.75))
    elif p.style == "curly":
        for a in range(0, 360, 30):
            r = math.radians(a)
            pygame.draw.circle(
                clip,
                p.hair,
                (head[0] + math.cos(r) * hw * 1.02, head[1] - hh * 0.2 + math.sin(r) * hh * 0.95),
                hw * 0.38,
            )
    # neck, then shoulders over it, with a round neckline
    neck = pygame.Rect(0, 0, hw * 0.8, hh * 1.0)
    neck.midtop = (head[0] - turn * 0.5, head[1] + hh * 0.6)
    pygame.draw.rect(clip, _shade(p.skin, 0.88), neck, border_radius=int(hw * 0.2))
    body = pygame.Rect(0, 0, S * 0.86, S * 0.6)
    body.midtop = (cx, S * 0.72 - shrug)
    pygame.draw.ellipse(clip, p.clothes, body)
    line = pygame.Rect(0, 0, hw * 1.0, S * 0.075)
    line.center = (neck.centerx, body.top + S * 0.012)
    pygame.draw.ellipse(clip, _shade(p.skin, 0.88), line)
    pygame.draw.arc(clip, _shade(p.clothes, 0.75), line.inflate(SS * 2, SS * 2), math.pi * 1.05, math.pi * 1.95, SS * 2)
    # face
    pygame.draw.ellipse(clip, p.skin, (head[0] - hw, head[1] - hh, hw * 2, hh * 2))
    # hair on top
    cap = pygame.Rect(head[0] - hw * 1.06, head[1] - hh * 1.12, hw * 2.12, hh * 1.2)
    if p.style in ("short", "bun", "long"):
        pygame.draw.ellipse(clip, p.hair, cap)
        pygame.draw.ellipse(clip, p.skin, (head[0] - hw * 0.86, head[1] - hh * 0.58, hw * 1.72, hh * 1.0))
        pygame.draw.rect(clip, p.skin, (head[0] - hw * 0.86, head[1] - hh * 0.1, hw * 1.72, hh * 0.6))
        if p.style == "bun":
            pygame.draw.circle(clip, p.hair, (head[0], head[1] - hh * 1.12), hw * 0.42)
    else:
        for a in range(200, 341, 20):
            r = math.radians(a)
            pygame.draw.circle(
                clip, p.hair, (head[0] + math.cos(r) * hw * 0.8, head[1] + math.sin(r) * hh * 0.86), hw * 0.34
            )
    _face(clip, p, head, hw, hh, f, t, withdraw, attack)
    # keep everything inside the round frame
    mask = pygame.Surface((S, S), pygame.SRCALPHA)
    pygame.draw.circle(mask, (255, 255, 255, 255), (cx, cx), S / 2 - SS * 2)
    clip.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    img.blit(clip, (0, 0))
    pygame.draw.circle(img, edge if contrast else mix(edge, backdrop, 0.6), (cx, cx), S / 2 - SS, width=max(2, SS * 3))
    return pygame.transform.smoothscale(img, (size, size))


def _face(img, p: Portrait, head, hw, hh, f: float, t: float, withdraw: bool, attack: bool) -> None:
    x, y = head
    ink = (46, 32, 30)
    lw = max(2, int(hw * 0.07))
    look = hw * 0.12 if withdraw and f > 0.5 else 0.0  # eyes look aside
    # cheeks: warm when open, flushed when flooded
    blush = (220, 110, 100)
    if scoring.is_flooded(t):
        for sx in (-1, 1):
            glow = pygame.Surface((int(hw * 0.7), int(hh * 0.35)), pygame.SRCALPHA)
            pygame.draw.ellipse(glow, (*blush, 120), glow.get_rect())
            img.blit(glow, (x + sx * hw * 0.55 - hw * 0.35, y + hh * 0.12))
    elif f < 0.35:
        for sx in (-1, 1):
            glow = pygame.Surface((int(hw * 0.5), int(hh * 0.25)), pygame.SRCALPHA)
            pygame.draw.ellipse(glow, (*blush, 60), glow.get_rect())
            img.blit(glow, (x + sx * hw * 0.55 - hw * 0.25, y + hh * 0.15))
    # eyes, with lids that lower when withdrawn or hurt
    ey = y - hh * 0.02
    lid = 0.0
    if withdraw:
        lid = max(0.0, f - 0.3) * 0.9
    elif f > 0.6:
        lid = 0.25
    for sx in (-1, 1):
        ex = x + sx * hw * 0.42
        er = hw * 0.13
        pygame.draw.ellipse(img, (250, 246, 240), (ex - er * 1.3, ey - er, er * 2.6, er * 2))
        pygame.draw.circle(img, ink, (ex + look, ey + (er * 0.2 if withdraw and f > 0.5 else 0)), er * 0.78)
        pygame.draw.circle(img, (255, 255, 255), (ex + look + er * 0.25, ey - er * 0.3), er * 0.22)
        if lid > 0:
            pygame.draw.rect(img, p.skin, (ex - er * 1.4, ey - er * 1.1, er * 2.8, er * 2 * min(0.95, lid) + er * 0.1))
        pygame.draw.line(
            img,
            _shade(p.skin, 0.7),
            (ex - er * 1.3, ey - er + er * 2 * lid),
            (ex + er * 1.3, ey - er + er * 2 * lid),
            max(1, lw // 2),
        )
    # brows: relaxed and raised when open; drawn together above; angry or worried when escalated
    by = ey - hh * 0.26 - (0.05 * hh if f < 0.3 else 0)
    tension = max(0.0, (f - 0.3) / 0.7)
    inner = tension * hh * 0.12 * (1 if attack else -1)  # + lowers the inner end (anger), - raises it (worry)
    for sx in (-1, 1):
        outer_x, inner_x = x + sx * hw * 0.62, x + sx * hw * 0.18
        pygame.draw.line(img, _shade(p.hair, 0.9), (outer_x, by), (inner_x, by + inner), lw + 1)
    # nose
    pygame.draw.line(
        img, _shade(p.skin, 0.72), (x + hw * 0.02, y + hh * 0.08), (x - hw * 0.06, y + hh * 0.26), max(1, lw // 2)
    )
    # mouth: a smile that flattens, then turns down
    curve = (0.45 - f) * 2.2  # +1 smile .. -1.2 frown
    mw = hw * (0.5 if curve > 0 else 0.4)
    my = y + hh * 0.48
    pts = []
    for i in range(13):
        u = i / 12 * 2 - 1
        pts.append((x + u * mw, my + curve * hh * 0.12 * (1 - u * u) - curve * hh * 0.02))
    pygame.draw.lines(img, (150, 70, 70), False, pts, lw)
    if p.pattern is Pattern.SELF_BLAME and scoring.is_flooded(t):  # a tear
        tx, ty = x - hw * 0.5, ey + hh * 0.2
        pygame.draw.circle(img, (150, 200, 240), (tx, ty + hh * 0.08), hw * 0.06)
        pygame.draw.polygon(
            img,
            (150, 200, 240),
            [(tx - hw * 0.06, ty + hh * 0.08), (tx + hw * 0.06, ty + hh * 0.08), (tx, ty - hh * 0.02)],
        )


def _shade(c: RGB, k: float) -> RGB:
    return tuple(max(0, min(255, round(v * k))) for v in c)
