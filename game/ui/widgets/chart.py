"""Charts drawn with pygame.draw: a line chart of plays over time, and labelled bars of counts.

    chart = LineChart(points, y_title="Attunement", x_title="Your plays, oldest to newest",
                      guide=(64.0, "All your plays: 64%"))
    h = chart.extra_height(theme, width) + plot_height
    chart.layout(theme, pygame.Rect(x, y, width, h))
    chart.draw(surface, theme, dy)                   # dy: a scroll offset

    bars = MoveBars("Moves that help", rows, helpful=True, top=12)
    h = bars.layout(theme, width); bars.draw(surface, theme, (x, y))

Nothing is told by colour alone: each point's ending is a shape (circle
softened, square stuck, triangle escalated, the shapes of the loop view) with
a legend in words; helpful bars are solid with a round marker, unhelpful ones
hatched with a triangle marker, under a heading that names the group. Every
piece of text goes through the fit check.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.core.model import STATES, LoopState

from ..loop_view import draw_state_shape
from ..theme import Theme
from .text import draw_label, draw_text, line_height, measure

Y_TICKS = (0, 25, 50, 75, 100)


@dataclass(frozen=True)
class ChartPoint:
    value: float  # 0..100
    state: LoopState  # how the play ended: its marker's shape
    label: str  # the tick under it (a play number)


def _marker_r(theme: Theme) -> int:
    return max(5, theme.space(0.55))


def _dashed(surface: pygame.Surface, colour, a: tuple[int, int], b: tuple[int, int], width: int, dash: int) -> None:
    (x1, y1), (x2, y2) = a, b
    length = math.hypot(x2 - x1, y2 - y1)
    if length == 0:
        return
    n = int(length // (dash * 2)) + 1
    for i in range(n):
        f1, f2 = i * 2 * dash / length, min(1.0, (i * 2 + 1) * dash / length)
        if f1 >= 1:
            break
        pygame.draw.line(
            surface,
            colour,
            (x1 + (x2 - x1) * f1, y1 + (y2 - y1) * f1),
            (x1 + (x2 - x1) * f2, y1 + (y2 - y1) * f2),
            width,
        )


class LineChart:
    def __init__(
        self,
        points: list[ChartPoint],
        y_title: str,
        x_title: str,
        guide: tuple[float, str] | None = None,
    ) -> None:
        self.points = points
        self.y_title = y_title
        self.x_title = x_title
        self.guide = guide
        self.rect = pygame.Rect(0, 0, 0, 0)
        self.plot = pygame.Rect(0, 0, 0, 0)
        self._legend: list[tuple[str, str, pygame.Rect, pygame.Rect]] = []  # (kind, text, sample, text rect)
        self._x_title_rect = pygame.Rect(0, 0, 0, 0)
        self._y_title_rect = pygame.Rect(0, 0, 0, 0)

    # -- layout ----------------------------------------------------------
    def _legend_entries(self) -> list[tuple[str, str]]:
        out = [(s.value, s.label) for s in STATES]
        if self.guide is not None:
            out.append(("guide", self.guide[1]))
        return out

    def _layout_legend(self, theme: Theme, x: int, y: int, width: int) -> int:
        """Place the legend entries in rows from (x, y); returns the height used."""
        small = theme.font("small")
        lh = line_height(small)
        sample_w = _marker_r(theme) * 2 + theme.space(0.6)
        self._legend = []
        cx, cy = x, y
        for kind, text in self._legend_entries():
            sw = theme.space(2.4) if kind == "guide" else sample_w
            tw = min(small.size(text)[0] + 2, width - sw - theme.space(0.4))
            th = measure(small, text, tw)
            need = sw + theme.space(0.4) + tw
            if cx > x and cx + need > x + width:
                cx, cy = x, cy + lh + theme.space(0.4)
            sample = pygame.Rect(cx, cy, sw, small.get_height())
            self._legend.append((kind, text, sample, pygame.Rect(sample.right + theme.space(0.4), cy, tw, th)))
            cx += need + theme.space(1.6)
        bottom = max((r.bottom for *_, r in self._legend), default=y)
        return bottom - y

    def _left(self, theme: Theme) -> int:
        return theme.font("small").size("100%")[0] + theme.space(0.8)

    def extra_height(self, theme: Theme, width: int) -> int:
        """The height the chart needs beyond its plot area, at `width`."""
        small, bold = theme.font("small"), theme.font("small-bold")
        top = line_height(bold) + theme.space(0.6)
        ticks = line_height(small) + theme.space(0.4)
        x_title = measure(bold, self.x_title, width - self._left(theme)) + theme.space(0.8)
        legend = self._layout_legend(theme, 0, 0, width - self._left(theme))
        return top + ticks + x_title + legend + _marker_r(theme)

    def layout(self, theme: Theme, rect: pygame.Rect) -> None:
        self.rect = pygame.Rect(rect)
        small, bold = theme.font("small"), theme.font("small-bold")
        left = self._left(theme)
        r = _marker_r(theme)
        self._y_title_rect = pygame.Rect(rect.x, rect.y, rect.width, line_height(bold))
        legend_h = self._layout_legend(theme, rect.x + left, 0, rect.width - left)
        xt_h = measure(bold, self.x_title, rect.width - left)
        bottom = rect.bottom - legend_h - theme.space(0.8) - xt_h - line_height(small) - theme.space(0.4)
        top = self._y_title_rect.bottom + theme.space(0.6) + r
        self.plot = pygame.Rect(rect.x + left, top, rect.width - left - r, max(10, bottom - top))
        ty = self.plot.bottom + theme.space(0.4) + line_height(small)
        self._x_title_rect = pygame.Rect(self.plot.x, ty, rect.width - left, xt_h)
        self._layout_legend(theme, rect.x + left, self._x_title_rect.bottom + theme.space(0.8), rect.width - left)

    def _xy(self, i: int, value: float) -> tuple[int, int]:
        p = self.plot
        n = len(self.points)
        pad = max(12, p.width // 40)
        x = p.centerx if n == 1 else p.x + pad + round(i * (p.width - 2 * pad) / (n - 1))
        y = p.bottom - round(max(0.0, min(100.0, value)) / 100 * p.height)
        return x, y

    # -- drawing ---------------------------------------------------------
    def draw(self, surface: pygame.Surface, theme: Theme, dy: int = 0) -> None:
        c = theme.colour
        small, bold = theme.font("small"), theme.font("small-bold")
        p = self.plot.move(0, dy)
        lw = max(1, theme.line_width)
        draw_text(surface, self.y_title, bold, c.text, self._y_title_rect.move(0, dy))
        # grid and y ticks
        for v in Y_TICKS:
            y = p.bottom - round(v / 100 * p.height)
            pygame.draw.line(surface, c.panel_edge, (p.x, y), (p.right, y), 1 if v else lw)
            draw_label(surface, f"{v}%", small, c.text_dim, (p.x - theme.space(0.5), y), anchor="midright")
        pygame.draw.line(surface, c.text_dim, (p.x, p.y), (p.x, p.bottom), lw)
        # the guide
        if self.guide is not None:
            gy = p.bottom - round(max(0.0, min(100.0, self.guide[0])) / 100 * p.height)
            _dashed(surface, c.accent, (p.x, gy), (p.right, gy), max(2, lw), theme.space(0.7))
        # the line and its points
        pts = [(x, y + dy) for x, y in (self._xy(i, pt.value) for i, pt in enumerate(self.points))]
        if len(pts) > 1:
            pygame.draw.lines(surface, c.text_dim, False, pts, max(2, lw))
        r = _marker_r(theme)
        for (x, y), pt in zip(pts, self.points, strict=True):
            draw_state_shape(surface, pt.state, (x, y), r + max(2, lw), c.shadow if not theme.high_contrast else c.text)
            draw_state_shape(surface, pt.state, (x, y), r, c.state(pt.state))
        # x ticks, spaced so that they never overlap
        if self.points:
            widest = max(small.size(pt.label)[0] for pt in self.points) + theme.space(1)
            step = max(1, math.ceil(len(self.points) * widest / max(1, p.width)))
            last_right = -(10**6)
            ty = p.bottom + theme.space(0.4)
            for i in range(len(self.points) - 1, -1, -step):
                x, _ = pts[i]
                img_w = small.size(self.points[i].label)[0]
                x = max(self.rect.x, min(self.rect.right - img_w // 2, x))
                if last_right != -(10**6) and x + img_w // 2 > last_right - theme.space(0.5):
                    continue
                draw_label(surface, self.points[i].label, small, c.text_dim, (x, ty), anchor="midtop")
                last_right = x - img_w // 2
        draw_text(surface, self.x_title, bold, c.text, self._x_title_rect.move(0, dy))
        # the legend
        for kind, text, sample, text_rect in self._legend:
            s = sample.move(0, dy)
            if kind == "guide":
                _dashed(surface, c.accent, (s.x, s.centery), (s.right, s.centery), max(2, lw), theme.space(0.5))
            else:
                state = LoopState(kind)
                draw_state_shape(surface, state, (s.x + r, s.centery), r, c.state(state))
            draw_text(surface, text, small, c.text, text_rect.move(0, dy))


@dataclass(frozen=True)
class BarRow:
    label: str
    count: int


class MoveBars:
    """A group of labelled bars under a heading; helpful bars solid with a circle, others hatched with a triangle."""

    def __init__(self, title: str, rows: list[BarRow], helpful: bool, top: int) -> None:
        self.title = title
        self.rows = rows
        self.helpful = helpful
        self.top = max(1, top)  # the count a full bar stands for (shared between groups)
        self.height = 0
        self._title_rect = pygame.Rect(0, 0, 0, 0)
        self._rows: list[tuple[pygame.Rect, pygame.Rect, pygame.Rect, pygame.Rect]] = []

    def layout(self, theme: Theme, width: int, label_w: int | None = None) -> int:
        body, strong = theme.font("body"), theme.font("strong")
        r = _marker_r(theme)
        self._title_rect = pygame.Rect(0, 0, width, measure(theme.font("h2"), self.title, width))
        y = self._title_rect.bottom + theme.space(0.8)
        marker_w = r * 2 + theme.space(0.8)
        lw = label_w if label_w is not None else max(body.size(row.label)[0] for row in self.rows) + 2
        count_w = strong.size(str(max(self.top, 10)))[0] + theme.space(0.8)  # the same in every group
        bar_x = marker_w + lw + theme.space(0.8)
        bar_w = max(theme.space(3), width - bar_x - count_w)
        row_h = line_height(body)
        mid = body.get_ascent() - round(body.get_height() * 0.3)  # the middle of a capital letter
        bar_h = max(6, row_h * 3 // 5)
        self._rows = []
        for _row in self.rows:
            marker = pygame.Rect(0, y + mid - r, marker_w, 2 * r)
            label = pygame.Rect(marker_w, y, lw, row_h)
            bar = pygame.Rect(bar_x, y + mid - bar_h // 2, bar_w, bar_h)
            count = pygame.Rect(bar_x + bar_w + theme.space(0.4), y, count_w, row_h)
            self._rows.append((marker, label, bar, count))
            y += row_h + theme.space(0.5)
        self.height = y - theme.space(0.5)
        return self.height

    def draw(self, surface: pygame.Surface, theme: Theme, origin: tuple[int, int]) -> None:
        c = theme.colour
        ox, oy = origin
        body, strong = theme.font("body"), theme.font("strong")
        draw_text(surface, self.title, theme.font("h2"), c.text, self._title_rect.move(origin))
        r = _marker_r(theme)
        colour = c.good if self.helpful else c.poor
        lw = max(2, theme.line_width)
        for row, (marker, label, bar, count) in zip(self.rows, self._rows, strict=True):
            m = marker.move(origin)
            centre = (m.x + r, m.centery)
            if self.helpful:
                pygame.draw.circle(surface, colour, centre, r)
            else:
                tri = [
                    (centre[0], centre[1] - r),
                    (centre[0] + r, centre[1] + r * 4 // 5),
                    (centre[0] - r, centre[1] + r * 4 // 5),
                ]
                pygame.draw.polygon(surface, colour, tri, width=lw)
            draw_text(surface, row.label, body, c.text, label.move(origin))
            b = bar.move(ox, oy)
            pygame.draw.rect(surface, c.raised, b, border_radius=b.height // 3)
            if row.count > 0:
                fill = pygame.Rect(
                    b.x, b.y, max(b.height // 2, round(b.width * min(1.0, row.count / self.top))), b.height
                )
                pygame.draw.rect(surface, colour, fill, border_radius=b.height // 3)
                if not self.helpful:  # hatching, so the two groups differ without colour
                    old = surface.get_clip()
                    surface.set_clip(fill.clip(old))
                    step = max(6, b.height // 2)
                    for x in range(fill.x - fill.height, fill.right, step):
                        pygame.draw.line(surface, c.panel, (x, fill.bottom), (x + fill.height, fill.y), max(2, lw))
                    surface.set_clip(old)
            pygame.draw.rect(surface, c.panel_edge, b, width=1, border_radius=b.height // 3)
            draw_text(surface, str(row.count), strong, c.text if row.count else c.text_dim, count.move(origin))
