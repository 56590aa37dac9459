"""Notices: short messages at the foot of the screen, over whatever scene is on top."""

from __future__ import annotations

from typing import NamedTuple

import pygame

from .theme import Theme
from .widgets import draw_panel, draw_text, measure


class Toast(NamedTuple):
    text: str
    until: float


def draw_toasts(surface: pygame.Surface, t: Theme, toasts: list[Toast]) -> None:
    """The notices at the foot of the screen, the newest lowest."""
    w, h = surface.get_size()
    y = h - t.margin
    font = t.font("body")
    for toast in reversed(toasts):
        tw = min(w - 2 * t.margin, font.size(toast.text)[0] + t.space(4))
        th_ = measure(font, toast.text, tw - t.space(4)) + t.space(2)
        box = pygame.Rect((w - tw) // 2, y - th_, tw, th_)
        draw_panel(surface, box, t, fill=t.colour.raised, edge=t.colour.accent)
        draw_text(surface, toast.text, font, t.colour.text, box.inflate(-t.space(4), -t.space(2)), align="center")
        y = box.top - t.space(1)
