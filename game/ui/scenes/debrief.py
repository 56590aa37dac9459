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
from ..widgets import Button, ScrollColumn, draw_meter, draw_text, meter_height, row_buttons
from ..widgets.prose import Block, Custom, Framed, Heading, Para, Prose
from .base import Scene
from .play import CARE_POINTER, loop_words

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
        width = min(inner, int(t.body_px * 48))
        blocks: list[Block] = []
        # how it ended
        head = Custom(t.font("h2").get_height(), self._ending_head, gap_after=0.5)
        blocks.append(Framed([head, Para(s.ending, "line")], edge=c.state(s.ending_state), shadow=False, gap_after=1.2))
        # the fear
        if s.fear_guess is not None:
            verdict = "You heard it." if s.fear_correct else "Look back at the words below for where it showed."
            text = f"You named '{s.fear_guess.words}'. {name}'s fear was '{s.fear.words}'. {verdict}"
            blocks.append(Para(text, "strong", colour="good" if s.fear_correct else None, gap_after=1.6))
        # a care note, where the card touches risk
        if self.card.care:
            care = [Heading("Take care", accent=True, gap_after=0.5), Para(self.card.care), Para(CARE_POINTER, "small")]
            blocks.append(Framed(care, edge="accent", shadow=False, gap_after=1.6))
        # figures beside their guides
        blocks.append(Heading("Your figures", accent=True))
        blocks.append(Para(scoring.ATTUNEMENT_MEANING, "small", gap_after=0.8))
        blocks += self._figures(width)
        blocks.append(Para(GUIDE_NOTE, "small", dim=True, gap_after=1.6))
        # the pattern
        blocks.append(Heading("The pattern", accent=True))
        if s.dialogue:
            blocks.append(Para(s.dialogue, "strong", gap_after=0.3))
            blocks.append(Para(scoring.PATTERN_EXPLAINED[s.dialogue], gap_after=1.6))
        else:
            blocks.append(Para("No demon dialogue took hold: your answers did not join the loop.", gap_after=1.6))
        # every answer
        blocks.append(Heading("Answer by answer", accent=True))
        for entry in self.run.transcript:
            blocks.append(self._step(entry) if isinstance(entry, Step) else self._break(entry))
        # the teaching
        teaching = [Heading("What this card teaches", accent=True, gap_after=0.5), Para(self.card.teaching, "em")]
        blocks.append(Framed(teaching, edge="accent", shadow=False))
        self.prose = Prose(blocks)
        self.column.set_view(view, self.prose.layout(t, width) + t.space(1.2))
        self.foot = foot
        self.buttons = foot + [self.back_button]
        self.set_focus(self.button_for(keep) or foot[0])

    def _ending_head(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        t = self.theme
        state = self.summary.ending_state
        r = rect.height // 3
        draw_state_shape(surface, state, (rect.x + r + 2, rect.centery), r, t.colour.state(state))
        x = rect.x + 2 * r + t.space(1.2)
        text = f"It ended {state.label.lower()}"
        draw_text(
            surface, text, t.font("h2"), t.colour.state(state), pygame.Rect(x, rect.y, rect.right - x, rect.height)
        )

    def _figures(self, width: int) -> list[Block]:
        """The figures as meters, two to a row where they fit."""
        t = self.theme
        f = self.summary.figures
        share = f.named_fear_share
        items = [
            (
                "Attunement",
                f.attunement / 100,
                f"{f.attunement:.0f}%",
                [],
                "From the worst answers on offer (0%) to the best (100%).",
            ),
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
        cols = 2 if width >= t.body_px * 30 else 1
        gap = t.space(2.5)
        mw = (width - gap * (cols - 1)) // cols
        rows: list[Block] = []
        for i in range(0, len(items), cols):
            row = items[i : i + cols]
            guided = any(guides for *_, guides, _ in row)  # side by side, the notes line up
            rh = max(meter_height(t, mw, label, note, value, guide_line=guided) for label, _, value, _, note in row)

            def draw_row(surface: pygame.Surface, rect: pygame.Rect, row=row, guided=guided) -> None:
                for j, (label, frac, value, guides, note) in enumerate(row):
                    r = pygame.Rect(rect.x + j * (mw + gap), rect.y, mw, rect.height)
                    draw_meter(surface, r, t, label, frac, value, guides, note, guide_line=guided)

            rows.append(Custom(rh, draw_row, gap_after=1.4))
        return rows

    def _step(self, step: Step) -> Block:
        """One answer in a panel: the line, your words, the move and its points, why, and better words."""
        tone = "good" if step.points > 0 else "poor" if step.points < 0 else "fair"
        points = f"{signed(step.points)} point{'s' * (abs(step.points) != 1)}"
        blocks: list[Block] = [
            Para(f'{self.card.partner}: "{step.line}"', "em", dim=True, gap_after=0.5),
            Para(f'You: "{step.choice.say}"', gap_after=0.5),
            Para(f"{step.choice.move.label}, {points}. {loop_words(step)}", "small-bold", colour=tone, gap_after=0.4),
        ]
        if step.dialogue:
            blocks.append(Para(f"This joined the {step.dialogue} pattern.", "small", colour="poor", gap_after=0.4))
        blocks.append(Para(step.choice.why, "small", gap_after=0.4))
        note = scoring.move_note(step.choice, step.listened)
        if note:
            blocks.append(Para(note, "small", gap_after=0.4))
        if not step.was_best:
            best = step.best
            better = f'Better words here: "{best.say}" ({best.move.label}, {signed(step.points_of(best))})'
            blocks.append(Para(better, "small-bold", colour="accent", gap_after=0.3))
            blocks.append(Para(best.why, "small", dim=True))
        return Framed(blocks, fill="panel", edge="panel_edge", pad=1.3, shadow=False, gap_after=0.9)

    def _break(self, brk: Break) -> Block:
        text = f"You paused to ask what your fear was. {loop_words(brk)}"
        return Para(text, "small-bold", colour="good", gap_after=0.9)

    def draw(self, surface: pygame.Surface) -> None:
        self.app.draw_background(surface)
        self.draw_header(surface)
        with self.column.clipped(surface) as dy:
            view = self.column.view
            self.prose.draw(surface, self.theme, (view.x, view.y + dy), view=view)
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
