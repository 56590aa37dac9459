"""The parts of a screen that move while it animates, so a frame redraws only them.

    app.live.draw(surface, rect, paint)   # in a scene's draw: paint(surface) draws what moves in rect

During a full draw a scene hands each moving part (the loop view, the
portrait) to `draw`: it keeps a copy of what lies under the part's rect, then
paints the part. While nothing else changes (no input, no notice, no new
scene), the app's next frames call `redraw`, which puts the copies back and
paints only the moving parts: a fraction of the screen instead of all of it.
A scene that records a live part promises that nothing else it draws changes
between two full draws unless input, a resize or the scene stack changes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable

import pygame

from . import theme as th

Paint = Callable[[pygame.Surface], None]
Key = Callable[[], Hashable]
# A side window's events (the presenter's notes) after which it must be painted again in full:
# the system may have dropped its pixels, or its size changed.
SIDE_REDRAW_EVENTS = frozenset(
    getattr(pygame, name)
    for name in ("WINDOWRESIZED", "WINDOWSIZECHANGED", "WINDOWEXPOSED", "WINDOWSHOWN", "WINDOWRESTORED")
    if hasattr(pygame, name)
)


class LiveParts:
    """Live parts never overlap one another."""

    def __init__(self) -> None:
        self.parts: list[tuple[pygame.Rect, pygame.Surface, Paint, Key | None]] = []
        self._shown: dict[int, Hashable] = {}  # part index -> the key it was last painted with

    def clear(self) -> None:
        self.parts.clear()
        self._shown.clear()

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, paint: Paint, key: Key | None = None) -> None:
        """Keep what lies under `rect`, then paint the moving part (which must stay inside `rect`).

        `key`, if given, says what the part shows: a frame where it gives what it gave when
        the part was last painted leaves the part as it is (the portrait changes by steps).
        """
        rect = pygame.Rect(rect).clip(surface.get_rect())
        if rect.width <= 0 or rect.height <= 0:
            return
        if key is not None:
            self._shown[len(self.parts)] = key()
        self.parts.append((rect, surface.subsurface(rect).copy(), paint, key))
        clip = surface.get_clip()
        surface.set_clip(rect)
        paint(surface)
        surface.set_clip(clip)

    def redraw(self, surface: pygame.Surface) -> list[pygame.Rect]:
        """Put back what lay under each part, paint the parts again; the rects that changed."""
        clip = surface.get_clip()
        changed = []
        for i, (rect, under, paint, key) in enumerate(self.parts):
            if key is not None:
                shows = key()
                if shows == self._shown.get(i):
                    continue
                self._shown[i] = shows
            surface.set_clip(rect)
            surface.blit(under, rect)
            paint(surface)
            changed.append(rect)
        surface.set_clip(clip)
        return changed


def wait_for_event(timeout_ms: int) -> pygame.event.Event:
    """The next event, or NOEVENT after `timeout_ms`: like `pygame.event.wait`, but asleep between looks.

    pygame-ce's own wait wakes every millisecond to poll SDL, which costs
    2.5-3% of a core while nothing happens; looking every IDLE_POLL_MS (40 ms)
    costs about a fifth of that and answers a key within two or three frames
    of a screen that was asleep (a screen that moves is drawn, and reads
    input, every frame).
    """
    end = time.monotonic() + timeout_ms / 1000
    while True:
        event = pygame.event.poll()
        if event.type != pygame.NOEVENT or time.monotonic() >= end:
            return event
        time.sleep(th.IDLE_POLL_MS / 1000)
