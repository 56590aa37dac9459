"""The debrief: how it ended, the figures beside their guides, the pattern, every answer, the teaching.

    app.push("debrief", runner=runner)       # records the play in the player's progress, once

Every word here comes from the runner and the card: each move named with its
points and what it did to the loop, the option's own "why", and on a beat
where a better answer was offered, those better words.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core import scoring
from game.core.runner import Break, Runner, Step

from ..loop_view import draw_state_shape
from ..widgets import Button, ScrollColumn, draw_meter, meter_height, row_buttons
from ..widgets.flow import Flow
from .base import Scene
from .play import loop_words

GUIDE_NOTE = (
    "Guides, not verdicts: the fair and good marks come from a listening-skills coding manual (MITI 4.2.1) "
    "and from couples research, and rest on expert opinion."
)


def signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def ratio_fraction(value: float | None, top: float) -> float | None:
    if value is None:
        return None
    return 1.0 if value == float("inf") else min(1.0, value / top)


class DebriefScene(Scene):
    def __init__(self, app: Any, runner: Runner, record: bool = True, **p: Any) -> None:
        super().__init__(app, **p)
        self.run = runner
        self.summary = runner.summary()
        self.card = runner.card
        self.column = ScrollColumn()
        if record:
            self.app.store.record(self.summary)  # a save that fails is told by the app

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        c = t.colour
        w, h = size
        m = t.margin
        keep = self.focused.action if self.buttons else None
        self.buttons = []
        top = self.layout_header(f"Debrief: {self.card.title}", back_label="Done")
        foot = [
            Button("Play it again", "again", style="primary"),
            Button("Another card", "decks"),
            Button("Title", "title"),
        ]
        fw = w - 2 * m
        fh = row_buttons(foot, t, pygame.Rect(m, 0, fw, 0))
        for b in foot:
            b.box.bottom = h - m
        view = pygame.Rect(m, top, w - 2 * m, h - m - fh - t.space(1.5) - top)
        inner = view.width - ScrollColumn.gutter(t)
        s = self.summary
        name = self.card.partner
        flow = Flow(t, view.x, view.y, min(inner, int(t.body_px * 48)))
        # how it ended
        state = s.ending_state
        flow.begin_panel(edge=c.state(state))
        r = t.font("h2").get_height()
        flow.custom(r, lambda surf, rect: self._ending_head(surf, rect), after=0.5)
        flow.text(s.ending, "line", after=0.4)
        flow.end_panel()
        # the fear
        if s.fear_guess is not None:
            verdict = "You heard it." if s.fear_correct else "Look back at the words below for where it showed."
            flow.text(
                f"You named '{s.fear_guess.words}'. {name}'s fear was '{s.fear.words}'. {verdict}",
                "strong",
                colour=c.good if s.fear_correct else c.text,
                after=1.6,
            )
        # figures beside their guides
        flow.text("Your figures", "h2", colour=c.accent, after=0.6)
        self._figures(flow)
        flow.text(GUIDE_NOTE, "small", colour=c.text_dim, after=1.6)
        # the pattern
        flow.text("The pattern", "h2", colour=c.accent, after=0.6)
        if s.dialogue:
            flow.text(s.dialogue, "strong", after=0.3)
            flow.text(scoring.PATTERN_EXPLAINED[s.dialogue], "body", after=1.6)
        else:
            flow.text("No demon dialogue took hold: your answers did not join the loop.", "body", after=1.6)
        # every answer
        flow.text("Answer by answer", "h2", colour=c.accent, after=0.6)
        for entry in self.run.transcript:
            if isinstance(entry, Step):
                self._step(flow, entry)
            else:
                self._break(flow, entry)
        # the teaching
        flow.begin_panel(edge=c.accent)
        flow.text("What this card teaches", "h2", colour=c.accent, after=0.5)
        flow.text(self.card.teaching, "em", after=0.2)
        flow.end_panel()
        self.flow = flow
        self.column.set_view(view, flow.height)
        self.foot = foot
        self.buttons = foot + [self.back_button]
        self.set_focus(self.button_for(keep) or foot[0])

    def _ending_head(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        from ..widgets import draw_text

        t = self.theme
        state = self.summary.ending_state
        r = rect.height // 3
        draw_state_shape(surface, state, (rect.x + r + 2, rect.centery), r, t.colour.state(state))
        x = rect.x + 2 * r + t.space(1.2)
        text = f"It ended {state.label.lower()}"
        draw_text(
            surface, text, t.font("h2"), t.colour.state(state), pygame.Rect(x, rect.y, rect.right - x, rect.height)
        )

    def _figures(self, flow: Flow) -> None:
        t = self.theme
        f = self.summary.figures
        share = f.named_fear_share
        items = [
            ("Attunement", f.attunement / 100, f"{f.attunement:.0f}%", [], "Points earned over the best on your path."),
            (
                "Reflections that named the fear",
                share,
                "none yet" if share is None else f"{share:.0%}",
                [(scoring.GUIDE_NAMED_FEAR_FAIR, "fair 40%"), (scoring.GUIDE_NAMED_FEAR_GOOD, "good 50%")],
                "Of your reflections, how many said the fear beneath the words.",
            ),
            (
                "Listening to fixing",
                ratio_fraction(f.listening_ratio, 3.0),
                scoring.format_ratio(f.listening_ratio),
                [(scoring.GUIDE_RATIO_FAIR / 3, "fair 1:1"), (scoring.GUIDE_RATIO_GOOD / 3, "good 2:1")],
                "Reflecting and validating, against fixing, reassuring and defending.",
            ),
            (
                "Warm to cold answers",
                ratio_fraction(f.positive_ratio, 6.0),
                scoring.format_ratio(f.positive_ratio).replace("all listening", "all warm"),
                [(scoring.GUIDE_POSITIVE_TO_NEGATIVE / 6, "5:1")],
                "Couples who stay close average about five warm moves to each cold one in conflict.",
            ),
        ]
        cols = 2 if flow.width >= t.body_px * 30 else 1
        gap = t.space(2.5)
        mw = (flow.width - gap * (cols - 1)) // cols
        for i in range(0, len(items), cols):
            row = items[i : i + cols]
            guided = any(guides for *_, guides, _ in row)  # side by side, the notes line up
            rh = max(meter_height(t, mw, label, note, value, guide_line=guided) for label, _, value, _, note in row)

            def draw_row(surface: pygame.Surface, rect: pygame.Rect, row=row, guided=guided) -> None:
                for j, (label, frac, value, guides, note) in enumerate(row):
                    r = pygame.Rect(rect.x + j * (mw + gap), rect.y, mw, rect.height)
                    draw_meter(surface, r, t, label, frac, value, guides, note, guide_line=guided)

            flow.custom(rh, draw_row, after=1.4)

    def _step(self, flow: Flow, step: Step) -> None:
        t = self.theme
        c = t.colour
        name = self.card.partner
        tone = c.good if step.points > 0 else c.poor if step.points < 0 else c.fair
        flow.begin_panel(fill=c.panel, edge=c.panel_edge, pad=1.3)
        flow.text(f'{name}: "{step.line}"', "em", colour=c.text_dim, after=0.5)
        flow.text(f'You: "{step.choice.say}"', "body", after=0.5)
        points = f"{signed(step.points)} point{'s' * (abs(step.points) != 1)}"
        flow.text(f"{step.choice.move.label}, {points}. {loop_words(step)}", "small-bold", colour=tone, after=0.4)
        if step.dialogue:
            flow.text(f"This joined the {step.dialogue} pattern.", "small", colour=c.poor, after=0.4)
        flow.text(step.choice.why, "small", colour=c.text, after=0.4)
        if not step.was_best:
            best = step.best
            flow.text(
                f'Better words here: "{best.say}" ({best.move.label}, {signed(scoring.points(best))})',
                "small-bold",
                colour=c.accent,
                after=0.3,
            )
            flow.text(best.why, "small", colour=c.text_dim, after=0.2)
        flow.end_panel(after=0.9)

    def _break(self, flow: Flow, brk: Break) -> None:
        c = self.theme.colour
        flow.text(f"You paused to ask what your fear was. {loop_words(brk)}", "small-bold", colour=c.good, after=0.9)

    def draw(self, surface: pygame.Surface) -> None:
        self.app.draw_background(surface)
        self.draw_header(surface)
        self.flow.draw(surface, self.column)
        self.column.draw_fades(surface, self.theme)
        self.column.draw_bar(surface, self.theme)
        self.draw_buttons(surface)

    def on_button(self, button: Button) -> None:
        a = button.action
        if a == "again":
            self.app.replace("play", card=self.card)
        elif a == "decks":
            below = self.app.stack[-2].name if len(self.app.stack) > 1 else ""
            if below == "decks":
                self.close()
            else:
                self.app.replace("decks")
        elif a == "title":
            self.app.pop_to("title")


SCENE = DebriefScene
