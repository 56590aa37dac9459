"""Every colour, type size and spacing of the game, named in one place.

A `Theme` is built from the player's settings and the window size:

    theme = Theme.build((1280, 720), text_size=1, high_contrast=False, reduced_motion=False)
    theme.font("body")          # a pygame Font for a role
    theme.colour.text           # a colour from the palette in use
    theme.space(2)              # spacing in pixels, two units

Type sizes grow with the window (a projector at 1920x1080 gets larger type
than a laptop at 1024x600) and with the text-size setting (0 Small, 1 Medium,
2 Large, 3 Huge). The palette is warm and dark for someone practising at
night; the high-contrast one is black, white and yellow, and every state is
also told by a word and a shape, never by colour alone.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game.core.kinds import LoopState
from game.paths import FONTS

RGB = tuple[int, int, int]

DEFAULT_SIZE = (1280, 720)
TEXT_SIZE_NAMES = ("Small", "Medium", "Large", "Huge")
TEXT_SIZE_FACTORS = (0.86, 1.0, 1.2, 1.42)
BODY_PX_AT_DEFAULT = 23  # body text at 1280x720, Medium
MIN_PX = 14  # nothing is drawn smaller than this
HEADER_SHARE = 0.25  # the most of the window's height a screen's title (and the play screen's setting) takes

# Type roles relative to body text.
ROLES: dict[str, tuple[str, float]] = {
    "display": ("Bold", 3.0),  # the game's name on the title
    "h1": ("Bold", 1.6),  # a screen's title
    "h2": ("Bold", 1.22),  # a section or card title
    "line": ("Italic", 1.18),  # what the partner says
    "body": ("Regular", 1.0),
    "strong": ("Bold", 1.0),
    "em": ("Italic", 1.0),
    "small": ("Regular", 0.84),
    "small-bold": ("Bold", 0.84),
}

FRAME_MS = 1000 // 60  # the animation frame while something moves
IDLE_WAIT_MS = 5000  # longest sleep when nothing moves (the loop wakes on any event first)
IDLE_POLL_MS = 40  # while asleep, how often the loop looks for input (a key waits at most this long)
EASE_SECONDS = 0.9  # loop and portrait easing
TOAST_SECONDS = 4.0  # how long a notice stays on screen
MESSAGE_SECONDS = 12.0  # how long a message about saved data stays: long enough to read a folder path
RADIUS = 14  # corner radius of panels and buttons at default size


class Palette(NamedTuple):
    name: str
    bg_top: RGB
    bg_bottom: RGB
    glow: RGB  # a soft lamp-light glow behind the content
    panel: RGB
    panel_edge: RGB
    raised: RGB  # a button at rest
    raised_hover: RGB
    text: RGB
    text_dim: RGB
    text_on_accent: RGB
    accent: RGB  # warm highlight, primary buttons
    focus: RGB  # the focus ring
    good: RGB
    fair: RGB
    poor: RGB
    player: RGB  # "you" in the loop view
    partner: RGB  # the partner in the loop view
    shadow: RGB
    states: dict[LoopState, RGB]

    def state(self, s: LoopState) -> RGB:
        return self.states[s]


STANDARD = Palette(
    name="standard",
    bg_top=(27, 22, 38),
    bg_bottom=(44, 31, 48),
    glow=(92, 58, 66),
    panel=(46, 37, 60),
    panel_edge=(86, 70, 104),
    raised=(60, 48, 78),
    raised_hover=(78, 62, 98),
    text=(246, 236, 222),
    text_dim=(196, 182, 198),
    text_on_accent=(38, 24, 20),
    accent=(242, 166, 90),
    focus=(255, 214, 130),
    good=(128, 204, 168),
    fair=(233, 196, 106),
    poor=(236, 128, 104),
    player=(140, 182, 222),
    partner=(242, 166, 90),
    shadow=(12, 9, 18),
    states={
        LoopState.SOFTENED: (128, 204, 168),
        LoopState.STUCK: (233, 196, 106),
        LoopState.ESCALATED: (236, 112, 90),
    },
)

HIGH_CONTRAST = Palette(
    name="high-contrast",
    bg_top=(0, 0, 0),
    bg_bottom=(0, 0, 0),
    glow=(0, 0, 0),
    panel=(0, 0, 0),
    panel_edge=(255, 255, 255),
    raised=(0, 0, 0),
    raised_hover=(40, 40, 40),
    text=(255, 255, 255),
    text_dim=(230, 230, 230),
    text_on_accent=(0, 0, 0),
    accent=(255, 230, 0),
    focus=(255, 230, 0),
    good=(90, 255, 160),
    fair=(255, 230, 0),
    poor=(255, 120, 120),
    player=(120, 220, 255),
    partner=(255, 200, 80),
    shadow=(0, 0, 0),
    states={
        LoopState.SOFTENED: (90, 255, 160),
        LoopState.STUCK: (255, 230, 0),
        LoopState.ESCALATED: (255, 120, 120),
    },
)

_FONT_CACHE: dict[tuple[str, int], pygame.font.Font] = {}


def load_font(style: str, px: int) -> pygame.font.Font:
    """Lato in a style ("Regular", "Bold", "Italic") at a pixel size, cached."""
    key = (style, px)
    font = _FONT_CACHE.get(key)
    if font is None:
        if not pygame.font.get_init():
            pygame.font.init()
        font = pygame.font.Font(str(FONTS / f"Lato-{style}.ttf"), px)
        _FONT_CACHE[key] = font
    return font


def window_scale(size: tuple[int, int]) -> float:
    """How much larger than 1280x720 the window is, by its tighter side."""
    w, h = size
    return max(0.5, min(w / DEFAULT_SIZE[0], h / DEFAULT_SIZE[1]))


class Theme(NamedTuple):
    colour: Palette
    size: tuple[int, int]
    text_size: int
    reduced_motion: bool
    body_px: int

    @classmethod
    def build(
        cls,
        size: tuple[int, int],
        text_size: int = 1,
        high_contrast: bool = False,
        reduced_motion: bool = False,
    ) -> Theme:
        text_size = max(0, min(len(TEXT_SIZE_FACTORS) - 1, int(text_size)))
        body = round(BODY_PX_AT_DEFAULT * window_scale(size) * TEXT_SIZE_FACTORS[text_size])
        return cls(
            colour=HIGH_CONTRAST if high_contrast else STANDARD,
            size=size,
            text_size=text_size,
            reduced_motion=reduced_motion,
            body_px=max(MIN_PX, body),
        )

    @property
    def high_contrast(self) -> bool:
        return self.colour is HIGH_CONTRAST

    def px(self, role: str) -> int:
        return max(MIN_PX, round(self.body_px * ROLES[role][1]))

    def font(self, role: str) -> pygame.font.Font:
        style, _ = ROLES[role]
        return load_font(style, self.px(role))

    def line_height(self, role: str) -> int:
        return round(self.font(role).get_linesize() * 1.12)

    def space(self, units: float = 1) -> int:
        """Spacing in pixels: one unit is about half a line of body text."""
        return max(2, round(units * max(6, self.body_px * 0.5)))

    @property
    def margin(self) -> int:
        """The outer margin of a screen, from the window size (not the text size)."""
        return max(14, round(min(self.size) * 0.035))

    @property
    def radius(self) -> int:
        return max(6, round(RADIUS * window_scale(self.size)))

    @property
    def ring(self) -> int:
        """The focus ring's width: thick enough to see from the back of a room."""
        return max(3, round(3 * window_scale(self.size)))

    @property
    def line_width(self) -> int:
        return max(1, round(2 * window_scale(self.size)))
