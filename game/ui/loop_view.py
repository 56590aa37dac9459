"""The loop view: two figures whose distance, posture and colour follow the tension.

    view = LoopView(names=("You", "Sam"))
    view.set(tension, pattern="Protest Polka")   # the target; eased over EASE_SECONDS
    view.update(dt, reduced_motion)              # True while moving
    view.draw(surface, rect, theme)

The state is always told four ways: the figures (close and leaning in, apart
and upright, far and turned away with arms crossed), the link between them
(a warm arc, a broken line, a jagged line), a shape and a word (circle
Softened, square Stuck, triangle Escalated) and a tension scale with its
zones named. Flooding adds heat lines over both heads and the word. The view
takes only numbers and names, so the couples and workshop modes can feed it
from their own state. With reduced motion every change is instant.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.core import scoring
from game.core.kinds import LoopState

from .loop_figures import draw_figure, draw_heat, draw_link, draw_state_shape, ease, mix, state_colour
from .theme import EASE_SECONDS, Theme
from .widgets import draw_text, elide, line_height, measure, render_line

__all__ = ["STATE_WORDS", "LoopView", "draw_state_shape", "ease", "mix", "state_colour"]

PULSE_SECONDS = 2.4  # flooding pulses this long, then holds still

STATE_WORDS = {
    LoopState.SOFTENED: "Open: you can hear each other.",
    LoopState.STUCK: "On the surface: the fear stays unsaid.",
    LoopState.ESCALATED: "Escalating: each guards, nobody hears.",
}


class LoopView:
    def __init__(self, names: tuple[str, str] = ("You", "Partner"), show_labels: bool = True) -> None:
        self.names = names
        self.show_labels = show_labels
        self.t = scoring.DEFAULT_TENSION  # what is drawn
        self.target = self.t
        self._from = self.t
        self._elapsed = EASE_SECONDS
        self.pattern: str | None = None
        self._pulse = PULSE_SECONDS
        self._kept: dict[str, tuple[Any, pygame.Rect, pygame.Surface, Any]] = {}  # see _reuse

    @property
    def state(self) -> LoopState:
        return scoring.loop_state(self.target)

    @property
    def flooded(self) -> bool:
        return scoring.is_flooded(self.target)

    def set(self, tension: float, pattern: str | None = None, instant: bool = False) -> None:
        """Move towards `tension`; `pattern` names a demon dialogue when one shows (None clears it)."""
        was_flooded = self.flooded
        self._from = self.t
        self.target = float(tension)
        self._elapsed = EASE_SECONDS if instant else 0.0
        if instant:
            self.t = self.target
        self.pattern = pattern
        if self.flooded and not was_flooded and not instant:
            self._pulse = 0.0

    def update(self, dt: float, reduced_motion: bool = False) -> bool:
        if reduced_motion:
            self.t = self.target
            self._elapsed = EASE_SECONDS
            self._pulse = PULSE_SECONDS
            return False
        moving = self._elapsed < EASE_SECONDS or (self.flooded and self._pulse < PULSE_SECONDS)
        self._elapsed = min(EASE_SECONDS, self._elapsed + dt)
        self._pulse = min(PULSE_SECONDS, self._pulse + dt)
        self.t = self._from + (self.target - self._from) * ease(self._elapsed / EASE_SECONDS)
        return moving

    # -- drawing -----------------------------------------------------------
    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme) -> None:
        """Draw in `rect`; when space is short, the state's description and the tension figure give way first."""
        rect = pygame.Rect(rect)
        state = scoring.loop_state(self.t)
        y = rect.top
        value = words = self.show_labels
        if self.show_labels:
            key = (surface, tuple(rect), theme, state, scoring.is_flooded(self.t), self.pattern)
            kept = self._reuse("head", surface, key)
            if kept is None:
                room = rect.height - self._stage_min(theme)
                if self._state_line(None, rect, theme, state, True) + self._foot_height(theme, True) > room:
                    words = False
                if self._state_line(None, rect, theme, state, words) + self._foot_height(theme, True) > room:
                    value = False
                head = self._state_line(surface, rect, theme, state, words)
                kept = (head, value)
                self._keep("head", surface, key, pygame.Rect(rect.x, rect.y, rect.width, head), kept)
            head, value = kept
            y += head
        foot = self._foot_height(theme, value) if self.show_labels else 0
        stage = pygame.Rect(rect.x, y, rect.width, max(10, rect.bottom - y - foot))
        if stage.height > theme.body_px * 2:
            self._draw_stage(surface, stage, theme)
        if self.show_labels:
            self._draw_scale(surface, pygame.Rect(rect.x, stage.bottom, rect.width, foot), theme, value)

    def _reuse(self, slot: str, surface: pygame.Surface, key: Any) -> Any:
        """Put back the pixels kept in `slot` if they were drawn for `key`; what was kept with them, else None.

        The header and the scale's bar change only with the state, so a frame of the animation
        copies them back instead of laying out and drawing their text again.
        """
        kept = self._kept.get(slot)
        if kept is None or kept[0] != key:
            return None
        surface.blit(kept[2], kept[1])
        return kept[3]

    def _keep(self, slot: str, surface: pygame.Surface, key: Any, area: pygame.Rect, extra: Any = True) -> None:
        area = area.clip(surface.get_rect())
        self._kept[slot] = (key, area, surface.subsurface(area).copy(), extra)

    def min_height(self, theme: Theme, width: int) -> int:
        """The least height that shows the state, the pattern, small figures and the scale."""
        r = pygame.Rect(0, 0, width, 0)
        head = self._state_line(None, r, theme, LoopState.ESCALATED, False)
        return head + self._foot_height(theme, False) + self._stage_min(theme)

    def _stage_min(self, theme: Theme) -> int:
        return int(theme.body_px * 3.5) + line_height(theme.font("small-bold"))

    def _foot_height(self, theme: Theme, value: bool) -> int:
        lh = line_height(theme.font("small"))
        bh = max(6, theme.space(0.6))
        return theme.space(0.8) + (lh + theme.space(0.5) if value else 0) + bh + max(5, bh) + 4 + lh

    def _state_line(
        self, surface: pygame.Surface | None, rect: pygame.Rect, theme: Theme, state: LoopState, words: bool
    ) -> int:
        """The state by shape and word, its description, the pattern; returns the height (measures when no surface)."""
        c = theme.colour
        h2 = theme.font("h2")
        r = h2.get_height() // 3
        colour = c.state(state)
        cx, cy = rect.x + r + 2, rect.top + h2.get_height() // 2
        x = cx + r + theme.space(1)
        label = state.label + (" and flooded" if scoring.is_flooded(self.t) else "")
        if surface is None:  # measuring ahead of the animation: allow for the longest label
            label = f"{LoopState.ESCALATED.label} and flooded"
        lw = rect.right - x
        lh = measure(h2, label, lw)
        if surface is not None:
            draw_state_shape(surface, state, (cx, cy), r, colour)
            draw_text(surface, label, h2, colour, pygame.Rect(x, rect.top, lw, lh))
        y = rect.top + lh + theme.space(0.2)
        if words:
            small = theme.font("small")
            text = STATE_WORDS[state]
            hh = measure(small, text, rect.width)
            if surface is not None:
                draw_text(surface, text, small, c.text_dim, pygame.Rect(rect.x, y, rect.width, hh))
            y += hh
        if self.pattern:
            y += theme.space(0.6)
            text = f"Pattern: {self.pattern}"
            font = theme.font("small-bold")
            ph = measure(font, text, rect.width - theme.space(2)) + theme.space(0.8)
            box = pygame.Rect(rect.x, y, rect.width, ph)
            if surface is not None:
                pygame.draw.rect(surface, c.raised, box, border_radius=theme.radius // 2)
                pygame.draw.rect(surface, c.poor, box, width=theme.line_width, border_radius=theme.radius // 2)
                draw_text(surface, text, font, c.text, box.inflate(-theme.space(2), -theme.space(0.8)))
            y = box.bottom
        return y + theme.space(0.5) - rect.top

    def _draw_scale(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme, value: bool = True) -> None:
        """Tension 0-10 with the three zones named, and a marker where the loop stands."""
        c = theme.colour
        small = theme.font("small")
        y = rect.top + theme.space(0.8)
        if value:
            text = f"Tension {self.t:.0f} of 10"
            box = pygame.Rect(rect.x, y, rect.width, line_height(small))
            key = (surface, tuple(box), theme, text)
            if self._reuse("value", surface, key) is None:
                draw_text(surface, text, small, c.text, box)
                self._keep("value", surface, key, box)
            y += line_height(small) + theme.space(0.5)
        bar_y = y
        bh = max(6, theme.space(0.6))
        x0, x1 = rect.x, rect.right
        span = x1 - x0

        def at(v: float) -> int:
            return x0 + round(span * v / scoring.TENSION_MAX)

        m = max(5, bh)
        key = (surface, tuple(rect), theme, bar_y)
        if self._reuse("bar", surface, key) is None:
            self._draw_zones(surface, rect, theme, bar_y, at)
            self._keep("bar", surface, key, pygame.Rect(rect.x, bar_y, rect.width, rect.bottom - bar_y))
        mx = min(x1 - 6, max(x0 + 6, at(self.t)))
        knob = pygame.Rect(0, 0, max(6, theme.line_width * 3), bh + m + 2)
        knob.midtop = (mx, bar_y - m // 2 - 1)
        pygame.draw.rect(surface, c.shadow, knob.inflate(4, 4), border_radius=knob.width // 2 + 2)
        pygame.draw.rect(surface, c.text, knob, border_radius=knob.width // 2)

    def _draw_zones(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme, bar_y: int, at) -> None:
        """The scale's bar in its three zones, each named (or shown by its shape when the word does not fit)."""
        c = theme.colour
        small = theme.font("small")
        bh = max(6, theme.space(0.6))
        m = max(5, bh)
        zones = [
            (0, scoring.SOFTENED_BELOW, LoopState.SOFTENED),
            (scoring.SOFTENED_BELOW, scoring.FLOODED_AT, LoopState.STUCK),
            (scoring.FLOODED_AT, scoring.TENSION_MAX, LoopState.ESCALATED),
        ]
        for lo, hi, st in zones:
            pygame.draw.rect(surface, mix(c.panel, c.state(st), 0.55), (at(lo), bar_y, at(hi) - at(lo) - 2, bh))
        ly = bar_y + bh + m + 4
        gap = theme.space(0.5)
        taken = rect.x - gap  # where the last word placed ends
        for lo, hi, st in zones:
            name = st.label
            img = render_line(small, name, c.text_dim)
            zone = pygame.Rect(at(lo), ly, at(hi) - at(lo), img.get_height())
            word = pygame.Rect(0, ly, img.get_width(), img.get_height())
            word.centerx = zone.centerx  # centred on its zone, kept within the bar (the end zones are short)
            word.right = min(word.right, rect.right)
            word.left = max(word.left, rect.x)
            if word.left >= taken + gap and word.right <= rect.right:
                draw_text(surface, name, small, c.text_dim, word, align="center")
                taken = word.right
            else:  # no room for the word: its shape says which zone it is
                r = max(4, img.get_height() // 3)
                draw_state_shape(surface, st, (zone.centerx, zone.centery), r, c.text_dim)

    def _draw_stage(self, surface: pygame.Surface, stage: pygame.Rect, theme: Theme) -> None:
        """The two figures and the link, drawn at 1x with anti-aliased edges straight onto the surface."""
        c = theme.colour
        t = self.t
        f = t / scoring.TENSION_MAX  # 0 open .. 1 flooded
        w, h = stage.size
        name_h = line_height(theme.font("small-bold")) if self.show_labels else 0
        fig_h = int(min((h - name_h - theme.space(1)) / 1.22, w * 0.42))  # headroom for the link and heat
        if fig_h < 20:
            return
        ground = stage.y + h - name_h - theme.space(0.6)
        mid = stage.x + w / 2
        near, far = fig_h * 0.8, max(fig_h * 0.8, w - fig_h * 0.55)  # reaching hands meet .. at the edges
        gap = near + (far - near) * f  # distance between the two figures
        lean = math.radians(14 - 30 * f)  # towards the other when open, away when escalated
        arms = f  # 0 reaching, 0.5 down, 1 crossed
        tone = state_colour(theme, t)
        left_x, right_x = mid - gap / 2, mid + gap / 2
        head_y = ground - fig_h * 0.86
        draw_link(surface, (left_x, head_y), (right_x, head_y), fig_h, theme, t)
        for x, face, base in ((left_x, 1, c.player), (right_x, -1, c.partner)):
            colour = mix(base, tone, 0.45 if not theme.high_contrast else 0.0)
            draw_figure(surface, x, ground, fig_h, face, lean, arms, colour, c.shadow)
        if scoring.is_flooded(t):
            phase = self._pulse / PULSE_SECONDS
            for x in (left_x, right_x):
                draw_heat(surface, x, head_y - fig_h * 0.15, fig_h, c.poor, phase)
        if self.show_labels:
            font = theme.font("small-bold")
            half = pygame.Rect(stage.x, stage.bottom - name_h, stage.width // 2 - theme.space(0.5), name_h)
            for x, name, side in (
                (left_x, self.names[0], half),
                (right_x, self.names[1], half.move(w - half.width, 0)),
            ):
                name = elide(font, name, side.width)  # each name keeps to its own half, never over the other
                r = render_line(font, name, c.text).get_rect(midtop=(x, side.top))
                r.clamp_ip(side)
                draw_text(surface, name, font, c.text, r.clip(side))
