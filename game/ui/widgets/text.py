"""Wrapped text with a render cache, and a fit check that reports text leaving its box.

    h = measure(font, text, width)                 # the height the text needs at that width
    draw_text(surface, text, font, colour, rect)   # wraps, draws, reports if it does not fit

Every call to `draw_text` is a laid-out text box. While `FIT.recording` is on
(the screenshot tour and the tests switch it on), each box is kept with the
size its text needed; `FIT.overflows` lists the boxes whose text did not fit
(too tall, a word too wide, or the box itself outside the window).
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import pygame

from game.core.safetext import screen_text

RGB = tuple[int, int, int]
LINE_SPACING = 1.12  # line height over the font's line size
ELLIPSIS = "\u2026"


class FitRecord(NamedTuple):
    scene: str
    text: str
    box: tuple[int, int, int, int]
    needed: tuple[int, int]
    problem: str  # "" when the text fits
    px: int = 0  # the font's height in pixels: how small the text is drawn

    def __str__(self) -> str:
        x, y, w, h = self.box
        nw, nh = self.needed
        short = self.text if len(self.text) < 60 else self.text[:57] + "..."
        return f"[{self.scene}] {self.problem}: box {w}x{h} at ({x},{y}) needs {nw}x{nh}: {short!r}"


class FitLog:
    """Collects laid-out text boxes while recording."""

    def __init__(self) -> None:
        self.recording = False
        self.scene = ""
        self.records: list[FitRecord] = []

    def start(self) -> None:
        self.recording = True
        self.records.clear()

    def stop(self) -> None:
        self.recording = False

    @property
    def overflows(self) -> list[FitRecord]:
        seen: set[tuple] = set()
        out = []
        for r in self.records:
            key = (r.scene, r.text, r.problem)
            if r.problem and key not in seen:
                seen.add(key)
                out.append(r)
        return out

    def note(
        self,
        text: str,
        box: pygame.Rect,
        needed: tuple[int, int],
        bounds: pygame.Rect,
        px: int = 0,
        scrolls: bool = False,
    ) -> None:
        """One laid-out box. `bounds` is the window; where the box `scrolls` (drawn under a clip), it may
        run past the window's top or bottom, never past its sides."""
        if not self.recording:
            return
        problem = ""
        if needed[0] > box.width + 1:
            problem = "too wide"
        elif needed[1] > box.height + 1:
            problem = "too tall"
        elif box.left < bounds.left or box.right > bounds.right or (not scrolls and not bounds.contains(box)):
            problem = "outside the window"
        self.records.append(FitRecord(self.scene, text, tuple(box), needed, problem, px))

    def screen(self, since: int = 0) -> tuple[int | None, int]:
        """The smallest text (px) and the boxes whose text did not fit, among the records from `since` on:
        what the tour reports for one screen."""
        mine = self.records[since:]
        sizes = [r.px for r in mine if r.px and r.text.strip()]
        return (min(sizes) if sizes else None), len({(r.text, r.problem) for r in mine if r.problem})


FIT = FitLog()


def _words(text: str) -> list[str]:
    return text.split(" ")


@lru_cache(maxsize=4096)
def _wrap_cached(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    lines: list[str] = []
    for para in screen_text(text).split("\n"):
        if font.size(para)[0] <= width:  # fits on one line: one measure instead of one a word
            lines.append(para)
            continue
        current = ""
        for word in _words(para):
            trial = word if not current else f"{current} {word}"
            if font.size(trial)[0] <= width:
                current = trial
                continue
            if current:
                lines.append(current)
            pieces = _break_word(font, word, width)
            lines.extend(pieces[:-1])
            current = pieces[-1]
        lines.append(current)
    return tuple(lines)


def _break_word(font: pygame.font.Font, word: str, width: int) -> list[str]:
    """`word` whole when it fits in `width`; else cut into pieces that do (at least a letter each)."""
    pieces: list[str] = []
    while font.size(word)[0] > width and len(word) > 1:
        lo, hi = 1, len(word) - 1  # the longest head that fits, by halves
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if font.size(word[:mid])[0] <= width:
                lo = mid
            else:
                hi = mid - 1
        pieces.append(word[:lo])
        word = word[lo:]
    pieces.append(word)
    return pieces


def wrap(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    """The lines of `text` wrapped at `width` pixels; a word wider than the width is cut where it must be."""
    return _wrap_cached(font, text, max(1, width))


def elide(font: pygame.font.Font, text: str, width: int, lines: int = 1) -> str:
    """`text` in at most `lines` lines of `width`, cut with an ellipsis where it runs longer
    (a name in a fixed box, a title in a header)."""
    if lines > 1:
        wrapped = wrap(font, text, width)
        if len(wrapped) <= lines:
            return text
        return "\n".join([*wrapped[: lines - 1], elide(font, " ".join(wrapped[lines - 1 :]), width)])
    line = screen_text(text).replace("\n", " ")
    if font.size(line)[0] <= width:
        return line
    lo, hi = 0, len(line)
    while lo < hi:  # the longest head that fits with the ellipsis after it
        mid = (lo + hi + 1) // 2
        if font.size(line[:mid].rstrip() + ELLIPSIS)[0] <= width:
            lo = mid
        else:
            hi = mid - 1
    return line[:lo].rstrip() + ELLIPSIS


def line_height(font: pygame.font.Font) -> int:
    return round(font.get_linesize() * LINE_SPACING)


def measure(font: pygame.font.Font, text: str, width: int) -> int:
    """The height `text` needs when wrapped at `width`."""
    lines = wrap(font, text, width)
    return line_height(font) * (len(lines) - 1) + font.get_height() if lines else 0


def text_width(font: pygame.font.Font, text: str) -> int:
    """The width of the widest line of unwrapped `text`."""
    return max((font.size(line)[0] for line in screen_text(text).split("\n")), default=0)


@lru_cache(maxsize=2048)
def _render_line(font: pygame.font.Font, line: str, colour: RGB) -> pygame.Surface:
    return font.render(screen_text(line).replace("\n", " "), True, colour)


def render_line(font: pygame.font.Font, line: str, colour: RGB) -> pygame.Surface:
    return _render_line(font, line, tuple(colour))


def _clipped(surface: pygame.Surface) -> bool:
    return surface.get_clip() != surface.get_rect()


def draw_text(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: RGB,
    rect: pygame.Rect,
    align: str = "left",
    valign: str = "top",
) -> int:
    """Draw `text` wrapped inside `rect`; returns the height it used.

    The text is clipped to `rect` so an overflow can never paint over other
    things; the overflow is reported to `FIT` instead.
    """
    rect = pygame.Rect(rect)
    lines = wrap(font, text, rect.width)
    lh = line_height(font)
    needed_h = lh * (len(lines) - 1) + font.get_height() if lines else 0
    needed_w = max((font.size(line)[0] for line in lines), default=0)  # lines are safe: wrap made them so
    FIT.note(text, rect, (needed_w, needed_h), surface.get_rect(), font.get_height(), _clipped(surface))
    y = rect.y
    if valign == "middle":
        y = rect.y + (rect.height - needed_h) // 2
    elif valign == "bottom":
        y = rect.bottom - needed_h
    old_clip = surface.get_clip()
    surface.set_clip(rect.clip(old_clip))
    for line in lines:
        img = render_line(font, line, colour)
        if align == "center":
            x = rect.x + (rect.width - img.get_width()) // 2
        elif align == "right":
            x = rect.right - img.get_width()
        else:
            x = rect.x
        surface.blit(img, (x, y))
        y += lh
    surface.set_clip(old_clip)
    return needed_h


def draw_label(
    surface: pygame.Surface,
    text: str,
    font: pygame.font.Font,
    colour: RGB,
    pos: tuple[int, int],
    anchor: str = "topleft",
) -> pygame.Rect:
    """One unwrapped line placed by an anchor ("topleft", "center", "midleft", ...); returns its rect.

    Use it for short labels whose width is known to fit; it is recorded for the fit check too.
    """
    img = render_line(font, text, colour)
    r = img.get_rect(**{anchor: pos})
    FIT.note(text, r, r.size, surface.get_rect(), font.get_height(), _clipped(surface))
    surface.blit(img, r)
    return r


def fit_font(fonts: list[pygame.font.Font], text: str, width: int, height: int) -> pygame.font.Font:
    """The first (largest) font in `fonts` whose wrapped text fits in width x height; else the last."""
    safe = screen_text(text)
    for f in fonts:
        if measure(f, safe, width) <= height and all(f.size(w)[0] <= width for w in safe.split()):
            return f
    return fonts[-1]
