"""A couple's progress: how understood each card felt and how attuned the answers were, over the weeks.

    app.push(TogetherProgressScene, None, profile="Ana & Ben")

Only this computer's record of the two of them, kept under their shared
profile. Figures are the couple's; nothing compares the partners.
"""

from __future__ import annotations

from statistics import mean
from typing import Any

import pygame

from game.core.model import Mode

from ...widgets.chart import ChartPoint, LineChart
from ...widgets.prose import Block, Custom, Heading, Para
from ..page import PageScene
from .debrief import figure_rows, our_figures

RECENT = 12  # cards shown on a chart


def chart_block(theme: Any, width: int, points: list[ChartPoint], y_title: str, x_title: str) -> Block:
    chart = LineChart(points, y_title=y_title, x_title=x_title)
    plot_h = int(theme.body_px * 8)
    h = chart.extra_height(theme, width) + plot_h

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        chart.layout(theme, rect)
        chart.draw(surface, theme, 0)

    return Custom(h, paint, gap_after=1.4)


class TogetherProgressScene(PageScene):
    name = "together-progress"

    def __init__(self, app: Any, profile: str | None = None, **p: Any) -> None:
        couples = app.store.couples()
        self.profile = profile or (couples[0] if couples else None)
        super().__init__(
            app,
            title=f"Our progress: {self.profile}" if self.profile else "Our progress",
            blocks=self._blocks,
            choices=[(f"See {c}", ("couple", c), "normal") for c in couples if c != self.profile][:3],
            back=None,
        )

    def _blocks(self, theme: Any, width: int) -> list[Block]:
        if self.profile is None:
            return [Para("Nothing yet. Play a card together and it will show here, on this computer only.")]
        plays = [p for p in self.app.store.history(self.profile) if p.mode is Mode.TOGETHER]
        if not plays:
            return [Para("Nothing yet. Play a card together and it will show here, on this computer only.")]
        shown = plays[-RECENT:]
        first = len(plays) - len(shown) + 1
        felt_all = [r for p in plays for r in p.ratings]
        met = sum(p.blind[0] for p in plays)
        played = sum(p.blind[1] for p in plays)
        totals = self.app.store.totals(self.profile)
        out: list[Block] = [
            Para(
                f"{len(plays)} card{'s' * (len(plays) != 1)} played together, kept on this computer only.",
                gap_after=1.2,
            ),
            Heading("Ours, over every card", accent=True),
        ]
        out += our_figures(
            theme, width, figure_rows(totals, mean(felt_all) if felt_all else None, (met, played), "over every card")
        )
        felt_points = [
            ChartPoint(10 * mean(p.ratings) if p.ratings else 0.0, p.ending, str(first + i))
            for i, p in enumerate(shown)
        ]
        att_points = [ChartPoint(p.attunement, p.ending, str(first + i)) for i, p in enumerate(shown)]
        x_title = "Cards played together, oldest to newest"
        out.append(chart_block(theme, width, felt_points, "Felt understood (x10)", x_title))
        out.append(chart_block(theme, width, att_points, "Our attunement %", x_title))
        return out

    def on_button(self, button: Any) -> None:
        a = button.action
        if isinstance(a, tuple) and a[0] == "couple":
            self.app.replace(TogetherProgressScene, profile=a[1])
        else:
            super().on_button(button)
