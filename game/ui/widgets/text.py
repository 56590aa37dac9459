"""Wrapped text with a render cache, and a fit check that reports text leaving its box.

    h = measure(font, text, width)                 # the height the text needs at that width
    draw_text(surface, text, font, colour, rect)   # wraps, draws, reports if it does not fit

Every call to `draw_text` is a laid-out text box. While `FIT.recording` is on
(the screenshot tour and the tests switch it on), each box is kept with the
size its text needed; `FIT.overflows` lists the boxes whose text did not fit
(too tall, a word too wide, or the box itself outside the window).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pygame

from game.core.safetext import screen_text

RGB = tuple[int, int, int]
LINE_SPACING = 1.12  # line height over the font's line size


@dataclass(frozen=True)
class FitRecord:
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


@dataclass
class FitLog:
    """Collects laid-out text boxes while recording."""

    recording: bool = False
    scene: str = ""
    records: list[FitRecord] = field(default_factory=list)

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
        self, text: str, box: pygame.Rect, needed: tuple[int, int], bounds: pygame.Rect | None, px: int = 0
    ) -> None:
        if not self.recording:
            return
        problem = ""
        if needed[0] > box.width + 1:
            problem = "too wide"
        elif needed[1] > box.height + 1:
            problem = "too tall"
        elif bounds is not None and not bounds.contains(box):
            problem = "outside the window"
        self.records.append(FitRecord(self.scene, text, tuple(box), needed, problem, px))

    def smallest(self, scene: str) -> int | None:
        """The height of the smallest text drawn on a screen while recording (None when none was)."""
        sizes = [r.px for r in self.records if r.scene == scene and r.px and r.text.strip()]
        return min(sizes) if sizes else None


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
            if font.size(trial)[0] <= width or not current:
                current = trial
            else:
                lines.append(current)
                current = word
        lines.append(current)
    return tuple(lines)


def wrap(font: pygame.font.Font, text: str, width: int) -> tuple[str, ...]:
    """The lines of `text` wrapped at `width` pixels (a word longer than the width stays whole)."""
    return _wrap_cached(font, text, max(1, width))


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
    bounds = None if surface.get_clip() != surface.get_rect() else surface.get_rect()
    FIT.note(text, rect, (needed_w, needed_h), bounds, font.get_height())
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
    bounds = None if surface.get_clip() != surface.get_rect() else surface.get_rect()
    FIT.note(text, r, r.size, bounds, font.get_height())
    surface.blit(img, r)
    return r


def fit_font(fonts: list[pygame.font.Font], text: str, width: int, height: int) -> pygame.font.Font:
    """The first (largest) font in `fonts` whose wrapped text fits in width x height; else the last."""
    safe = screen_text(text)
    for f in fonts:
        if measure(f, safe, width) <= height and all(f.size(w)[0] <= width for w in safe.split()):
            return f
    return fonts[-1]
