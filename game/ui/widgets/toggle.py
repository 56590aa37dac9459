"""Buttons that show a setting's state by shape and word as well as colour.

    OptionButton("Large", action=("text_size", 2), selected=True)   # one of a group: a filled dot in a ring
    SwitchButton(on=True, action="high_contrast")                   # a switch, with the word On or Off

They are `Button`s, so the scene's focus, keys and mouse work on them as on
any other; the indicator sits where a key badge would, at the left.
"""

from __future__ import annotations

from typing import Any

import pygame

from ..theme import Theme
from .button import Button


def _indicator(theme: Theme) -> int:
    """The height of an indicator: about the height of a line of bold text."""
    return max(12, theme.font("strong").get_height() * 4 // 5)


class OptionButton(Button):
    def __init__(self, label: str, action: Any, *, selected: bool = False, **kw: Any) -> None:
        super().__init__(label, action, align="left", **kw)
        self.selected = selected

    def _pads(self, theme: Theme) -> tuple[int, int, int]:
        px, py, _ = super()._pads(theme)
        return px, py, _indicator(theme) + theme.space(0.8)

    def draw(self, surface: pygame.Surface, theme: Theme, focused: bool = False) -> None:
        super().draw(surface, theme, focused)
        c = theme.colour
        rect = self.rect
        if self.selected:
            pygame.draw.rect(surface, c.accent, rect, width=max(2, theme.line_width), border_radius=theme.radius)
        px, _, _ = super()._pads(theme)
        r = _indicator(theme) // 2
        centre = (rect.x + px + r, rect.centery)
        pygame.draw.circle(surface, c.text, centre, r, width=max(2, theme.line_width))
        if self.selected:
            pygame.draw.circle(surface, c.accent, centre, max(3, r - max(2, theme.line_width) - 2))


class SwitchButton(Button):
    WORDS = ("Off", "On")

    def __init__(self, action: Any, *, on: bool = False, **kw: Any) -> None:
        super().__init__(self.WORDS[on], action, align="left", **kw)
        self.on = on

    def set(self, on: bool) -> None:
        self.on = on
        self.label = self.WORDS[on]

    def _track(self, theme: Theme) -> tuple[int, int]:
        h = _indicator(theme)
        return h * 2, h

    def _pads(self, theme: Theme) -> tuple[int, int, int]:
        px, py, _ = super()._pads(theme)
        return px, py, self._track(theme)[0] + theme.space(0.8)

    def natural_width(self, theme: Theme) -> int:
        # wide enough for either word, so the button keeps its size when it flips
        px, _, badge = self._pads(theme)
        word = max(theme.font(self.role).size(w)[0] for w in self.WORDS)
        return word + px * 2 + badge

    def draw(self, surface: pygame.Surface, theme: Theme, focused: bool = False) -> None:
        super().draw(surface, theme, focused)
        c = theme.colour
        rect = self.rect
        px, _, _ = super()._pads(theme)
        tw, th = self._track(theme)
        track = pygame.Rect(rect.x + px, rect.centery - th // 2, tw, th)
        lw = max(2, theme.line_width)
        if self.on:
            pygame.draw.rect(surface, c.accent, track, border_radius=th // 2)
        else:
            pygame.draw.rect(surface, c.bg_top, track, border_radius=th // 2)
        pygame.draw.rect(surface, c.text, track, width=lw, border_radius=th // 2)
        r = th // 2 - lw - 1
        cx = track.right - th // 2 if self.on else track.x + th // 2
        knob = c.text_on_accent if self.on else c.text
        pygame.draw.circle(surface, knob, (cx, track.centery), max(3, r))
