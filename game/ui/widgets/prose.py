"""Prose: long pages of headings, paragraphs, marked items, panels and drawn pieces, one under another.

    doc = Prose([Heading("Two fears"), Para("Most sharp words..."), Item("1", "Blaming yourself", "Trying...")])
    h = doc.layout(theme, width)          # the height it needs; call again on every re-layout
    doc.draw(surface, theme, (x, y))      # draw with its top-left at (x, y)
    doc.draw(surface, theme, (x, y + dy), view=column.view)   # in a scroll column: only what shows

The screens that are mostly reading (the first-run pages, about and safety,
the debrief) are built from these blocks, so their text wraps from the window
size and the text-size setting, never overflows, and is checked by the fit
check like any other laid-out text. Each block's `gap_after` is the space
below it, in theme units. `Framed` puts blocks in a panel, `Columns` sets
them side by side where there is room, and `Custom` gives a drawn piece (a
meter, a shape with words) its place in the page. A colour is a palette
name ("accent", "good", "text_dim") or an RGB triple. `breakable` lets a
long unbroken word (a folder path) wrap at its separators instead of
running out of its box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from ..theme import Theme
from .panel import draw_panel
from .text import draw_text, measure

BREAK_AFTER = "/\\-_."  # characters a long word may break after

RGB = tuple[int, int, int]
Colour = str | RGB | None  # a palette name, an RGB triple, or None for the block's usual colour


def colour_of(theme: Theme, colour: Colour, default: RGB) -> RGB:
    """The RGB for a block's colour: a palette name is looked up in the theme's palette."""
    if colour is None:
        return default
    return getattr(theme.colour, colour) if isinstance(colour, str) else colour


def breakable(font: pygame.font.Font, text: str, width: int) -> str:
    """`text` with line breaks put inside any word too wide for `width` (after a separator where one fits)."""
    width = max(1, width)
    out = []
    for line in text.split("\n"):
        words = []
        for word in line.split(" "):
            if font.size(word)[0] <= width:
                words.append(word)
                continue
            pieces, rest = [], word
            while rest and font.size(rest)[0] > width:
                cut = 1
                for i in range(1, len(rest) + 1):
                    if font.size(rest[:i])[0] > width:
                        break
                    cut = i
                soft = max((i + 1 for i in range(cut) if rest[i] in BREAK_AFTER), default=0)
                cut = soft if soft > 0 else cut
                pieces.append(rest[:cut])
                rest = rest[cut:]
            if rest:
                pieces.append(rest)
            words.append("\n".join(pieces))
        out.append(" ".join(words))
    return "\n".join(out)


class Block:
    """One piece of prose: `layout` places its parts relative to its top-left and returns its height."""

    gap_after: float = 1.0  # space units below the block

    def layout(self, theme: Theme, width: int) -> int:
        raise NotImplementedError

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        raise NotImplementedError


@dataclass
class Heading(Block):
    text: str = ""
    role: str = "h2"
    accent: bool = False
    gap_after: float = 0.6
    _rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)

    def layout(self, theme: Theme, width: int) -> int:
        self._rect = pygame.Rect(0, 0, width, measure(theme.font(self.role), self.text, width))
        return self._rect.height

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        colour = theme.colour.accent if self.accent else theme.colour.text
        draw_text(surface, self.text, theme.font(self.role), colour, self._rect.move(origin))


@dataclass
class Para(Block):
    text: str = ""
    role: str = "body"
    dim: bool = False
    wrap_words: bool = False  # True for text with long unbroken words (folder paths)
    gap_after: float = 1.0
    colour: Colour = None  # instead of the text colour (or the dim one)
    _rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)
    _shown: str = ""

    def layout(self, theme: Theme, width: int) -> int:
        font = theme.font(self.role)
        self._shown = breakable(font, self.text, width) if self.wrap_words else self.text
        self._rect = pygame.Rect(0, 0, width, measure(font, self._shown, width))
        return self._rect.height

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        colour = colour_of(theme, self.colour, theme.colour.text_dim if self.dim else theme.colour.text)
        draw_text(surface, self._shown, theme.font(self.role), colour, self._rect.move(origin))


@dataclass
class Item(Block):
    """A marked item: a small round marker (a number, or a dot when empty), a bold title, then its text."""

    marker: str = ""
    title: str = ""
    text: str = ""
    gap_after: float = 0.9
    _marker_c: tuple[int, int] = (0, 0)
    _r: int = 0
    _title_rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)
    _text_rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)
    _shown: str = ""

    def layout(self, theme: Theme, width: int) -> int:
        strong = theme.font("strong")
        self._r = max(strong.get_height() // 2, theme.space(0.8)) if self.marker else theme.space(0.45)
        indent = self._r * 2 + theme.space(1.2)
        inner = max(10, width - indent)
        th = measure(strong, self.title, inner) if self.title else 0
        self._title_rect = pygame.Rect(indent, 0, inner, th)
        y = th + (theme.space(0.2) if self.title and self.text else 0)
        self._shown = breakable(theme.font("body"), self.text, inner)
        bh = measure(theme.font("body"), self._shown, inner) if self.text else 0
        self._text_rect = pygame.Rect(indent, y, inner, bh)
        first_line = strong.get_height() if self.title else theme.font("body").get_height()
        self._marker_c = (self._r, max(self._r, first_line // 2))
        return max(y + bh, self._marker_c[1] + self._r)

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        c = theme.colour
        ox, oy = origin
        centre = (ox + self._marker_c[0], oy + self._marker_c[1])
        if self.marker:
            pygame.draw.circle(surface, c.raised, centre, self._r)
            pygame.draw.circle(surface, c.accent, centre, self._r, width=max(2, theme.line_width))
            font = theme.font("small-bold")
            w = font.size(self.marker)[0]
            box = pygame.Rect(0, 0, w + 2, font.get_height())
            box.center = centre
            draw_text(surface, self.marker, font, c.text, box, align="center")
        else:
            pygame.draw.circle(surface, c.accent, centre, self._r)
        if self.title:
            draw_text(surface, self.title, theme.font("strong"), c.text, self._title_rect.move(origin))
        if self.text:
            draw_text(surface, self._shown, theme.font("body"), c.text_dim, self._text_rect.move(origin))


@dataclass
class Framed(Block):
    """Blocks inside a panel.

    `accent` draws a firm edge in the accent colour (for what must not be
    missed); `fill` and `edge` colour the panel otherwise; `pad` is the
    padding in theme units; `shadow` False for a panel flat on the page.
    """

    blocks: list[Block] = field(default_factory=list)
    accent: bool = False
    gap_after: float = 1.6
    fill: Colour = None
    edge: Colour = None
    pad: float = 1.6
    shadow: bool = True
    _inner: Prose | None = None
    _size: tuple[int, int] = (0, 0)

    def layout(self, theme: Theme, width: int) -> int:
        pad = theme.space(self.pad)
        self._inner = Prose(self.blocks)
        h = self._inner.layout(theme, max(10, width - pad * 2))
        self._size = (width, h + pad * 2)
        return self._size[1]

    def stretch_to(self, height: int) -> None:
        self._size = (self._size[0], max(self._size[1], height))

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        c = theme.colour
        rect = pygame.Rect(origin, self._size)
        fill = colour_of(theme, self.fill, c.panel)
        edge = c.accent if self.accent else colour_of(theme, self.edge, c.panel_edge)
        width = max(2, theme.line_width) if self.accent else None
        draw_panel(surface, rect, theme, fill=fill, edge=edge, shadow=self.shadow, edge_width=width)
        if self._inner is not None:
            pad = theme.space(self.pad)
            self._inner.draw(surface, theme, (rect.x + pad, rect.y + pad))


@dataclass
class Quote(Block):
    """Words someone says, in a speech bubble with a small label above: "On the surface", "Underneath"."""

    label: str = ""
    text: str = ""
    beneath: bool = False  # drawn quieter, with an accent edge: what is not said out loud
    gap_after: float = 1.0
    _label_rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)
    _bubble: pygame.Rect = field(default_factory=pygame.Rect, repr=False)
    _text_rect: pygame.Rect = field(default_factory=pygame.Rect, repr=False)

    def layout(self, theme: Theme, width: int) -> int:
        small = theme.font("small-bold")
        self._label_rect = pygame.Rect(0, 0, width, measure(small, self.label, width) if self.label else 0)
        y = self._label_rect.bottom + (theme.space(0.4) if self.label else 0)
        pad = theme.space(1.2)
        inner = max(10, width - 2 * pad - theme.space(1))
        th = measure(theme.font("line"), self.text, inner)
        self._bubble = pygame.Rect(0, y, width, th + 2 * pad)
        self._text_rect = pygame.Rect(pad + theme.space(1), y + pad, inner, th)
        return self._bubble.bottom

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        c = theme.colour
        if self.label:
            draw_text(
                surface,
                self.label,
                theme.font("small-bold"),
                c.accent if self.beneath else c.text_dim,
                self._label_rect.move(origin),
            )
        b = self._bubble.move(origin)
        fill = c.bg_top if self.beneath else c.raised
        pygame.draw.rect(surface, fill, b, border_radius=theme.radius)
        edge_w = max(2, theme.line_width)
        pygame.draw.rect(
            surface, c.accent if self.beneath else c.panel_edge, b, width=edge_w, border_radius=theme.radius
        )
        # a bar at the left: solid for what is said, a dotted line for what is left unsaid
        bar_x = b.x + theme.space(1)
        if self.beneath:
            step = max(4, theme.space(0.5))
            for y in range(b.y + theme.space(1), b.bottom - theme.space(1), step * 2):
                pygame.draw.line(
                    surface, c.accent, (bar_x, y), (bar_x, min(y + step, b.bottom - theme.space(1))), edge_w
                )
        else:
            pygame.draw.line(
                surface, c.text_dim, (bar_x, b.y + theme.space(1)), (bar_x, b.bottom - theme.space(1)), edge_w
            )
        colour = c.text if not self.beneath else c.text
        draw_text(surface, self.text, theme.font("line"), colour, self._text_rect.move(origin))


@dataclass
class Columns(Block):
    """Blocks side by side when each gets at least `min_ems` body sizes of width, else one under another."""

    blocks: list[Block] = field(default_factory=list)
    min_ems: float = 14
    gap_after: float = 1.0
    _places: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def layout(self, theme: Theme, width: int) -> int:
        n = len(self.blocks)
        gap = theme.space(1.5)
        col_w = (width - gap * (n - 1)) // max(1, n)
        self._places = []
        if n > 1 and col_w >= theme.body_px * self.min_ems:
            hs = [b.layout(theme, col_w) for b in self.blocks]
            tallest = max(hs)
            for i, b in enumerate(self.blocks):
                if isinstance(b, Framed):  # framed columns share one height, so they line up
                    b.stretch_to(tallest)
                self._places.append((i * (col_w + gap), 0))
            return tallest
        y = 0
        for b in self.blocks:
            self._places.append((0, y))
            y += b.layout(theme, width) + gap
        return y - gap if self.blocks else 0

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        ox, oy = origin
        for (x, y), b in zip(self._places, self.blocks, strict=True):
            b.draw(surface, theme, (ox + x, oy + y))


@dataclass
class Custom(Block):
    """A drawn piece in the page: `paint(surface, rect)` draws it in the rect it was given.

    `height` is its height in pixels, or a function of the width it gets.
    """

    height: int | Callable[[int], int] = 0
    paint: Callable[[pygame.Surface, pygame.Rect], None] | None = None
    gap_after: float = 0.8
    _size: tuple[int, int] = (0, 0)

    def layout(self, theme: Theme, width: int) -> int:
        h = self.height(width) if callable(self.height) else self.height
        self._size = (width, h)
        return h

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        if self.paint is not None:
            self.paint(surface, pygame.Rect(origin, self._size))


class Prose:
    def __init__(self, blocks: list[Block]) -> None:
        self.blocks = blocks
        self._tops: list[int] = []
        self._heights: list[int] = []
        self.width = 0
        self.height = 0

    def layout(self, theme: Theme, width: int) -> int:
        y = 0
        self._tops, self._heights = [], []
        for i, b in enumerate(self.blocks):
            self._tops.append(y)
            self._heights.append(b.layout(theme, width))
            y += self._heights[-1]
            if i < len(self.blocks) - 1:
                y += theme.space(b.gap_after)
        self.width = width
        self.height = y
        return y

    def draw(
        self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int], view: pygame.Rect | None = None
    ) -> None:
        """Draw with the top-left at `origin`; with a `view` (on screen), only the blocks that show in it."""
        ox, oy = origin
        for top, h, b in zip(self._tops, self._heights, self.blocks, strict=True):
            if view is None or view.colliderect(pygame.Rect(ox, oy + top, self.width, h)):
                b.draw(surface, theme, (ox, oy + top))
