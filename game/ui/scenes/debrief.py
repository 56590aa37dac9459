"""The debrief: how it ended, the figures beside their guides, the pattern, every answer, the teaching.

    app.push(DebriefScene, callback, session=session)  # records the play, once; callback("again"|"decks"|"title"|None)

Every word here comes from the session layer (core/session.py, core/debrief.py):
the figure table the progress screen shares, each move named with its points
and what it did to the loop, the option's own "why", and on a beat where a
better answer was offered, those better words.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.debrief import GUIDE_NOTE, Review, figure_rows, pattern_words
from game.core.safety import CARE_POINTER
from game.core.scoring import ATTUNEMENT_MEANING
from game.core.session import Session

from ..loop_view import draw_state_shape
from ..widgets import Button, ScrollColumn, draw_meter, draw_text, meter_height, row_buttons
from ..widgets.prose import Block, Custom, Framed, Heading, Para, Prose
from .base import Scene
from .page import draw_prose_page


class DebriefScene(Scene):
    name = "debrief"

    def __init__(self, app: Any, session: Session, record: bool = True, **p: Any) -> None:
        super().__init__(app, **p)
        self.session = session
        self.run = session.runner
        self.summary = session.summary()
        self.card = session.card
        self.column = ScrollColumn()
        if record:
            session.record(self.app.store)  # once; a save that fails is told by the app

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
        width = min(inner, int(t.body_px * 48))
        blocks: list[Block] = []
        # how it ended
        head = Custom(t.font("h2").get_height(), self._ending_head, gap_after=0.5)
        blocks.append(Framed([head, Para(s.ending, "line")], edge=c.state(s.ending_state), shadow=False, gap_after=1.2))
        # the fear
        text = self.session.fear_words()
        if text is not None:
            blocks.append(Para(text, "strong", colour="good" if s.fear_correct else None, gap_after=1.6))
        # a care note, where the card touches risk
        if self.card.care:
            care = [Heading("Take care", accent=True, gap_after=0.5), Para(self.card.care), Para(CARE_POINTER, "small")]
            blocks.append(Framed(care, edge="accent", shadow=False, gap_after=1.6))
        # figures beside their guides
        blocks.append(Heading("Your figures", accent=True))
        blocks.append(Para(ATTUNEMENT_MEANING, "small", gap_after=0.8))
        blocks += self._figures(width)
        blocks.append(Para(GUIDE_NOTE, "small", dim=True, gap_after=1.6))
        # the pattern
        blocks.append(Heading("The pattern", accent=True))
        pattern, meaning = pattern_words(s.dialogue)
        if pattern:
            blocks.append(Para(pattern, "strong", gap_after=0.3))
        blocks.append(Para(meaning, gap_after=1.6))
        # every answer
        blocks.append(Heading("Answer by answer", accent=True))
        for entry in self.session.reviews():
            blocks.append(self._step(entry) if isinstance(entry, Review) else self._break(entry))
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
        items = figure_rows(self.summary.figures)
        cols = 2 if width >= t.body_px * 30 else 1
        gap = t.space(2.5)
        mw = (width - gap * (cols - 1)) // cols
        rows: list[Block] = []
        for i in range(0, len(items), cols):
            row = items[i : i + cols]
            guided = any(f.guides for f in row)  # side by side, the notes line up
            rh = max(meter_height(t, mw, f.label, f.note, f.value, guide_line=guided) for f in row)

            def draw_row(surface: pygame.Surface, rect: pygame.Rect, row=row, guided=guided) -> None:
                for j, f in enumerate(row):
                    r = pygame.Rect(rect.x + j * (mw + gap), rect.y, mw, rect.height)
                    draw_meter(surface, r, t, f.label, f.fraction, f.value, list(f.guides), f.note, guide_line=guided)

            rows.append(Custom(rh, draw_row, gap_after=1.4))
        return rows

    def _step(self, r: Review) -> Block:
        """One answer in a panel: the line, your words, the move and its points, why, and better words."""
        blocks: list[Block] = [
            Para(f'{self.card.partner}: "{r.line}"', "em", dim=True, gap_after=0.5),
            Para(f'You: "{r.said}"', gap_after=0.5),
            Para(r.verdict, "small-bold", colour=r.tone, gap_after=0.4),
        ]
        if r.dialogue:
            blocks.append(Para(r.dialogue, "small", colour="poor", gap_after=0.4))
        return Framed(blocks + why_and_better(r), fill="panel", edge="panel_edge", pad=1.3, shadow=False, gap_after=0.9)

    def _break(self, text: str) -> Block:
        return Para(text, "small-bold", colour="good", gap_after=0.9)

    def draw(self, surface: pygame.Surface) -> None:
        draw_prose_page(self, surface)  # the same reading page as every PageScene

    def on_button(self, button: Button) -> None:
        if button.action in ("again", "decks", "title"):
            self.close(button.action)  # whoever started the card decides where that leads


def why_and_better(r: Review) -> list[Block]:
    """The foot of an answer's panel, alone or together: why it landed so, a note on the move, better words."""
    blocks: list[Block] = [Para(r.why, "small", gap_after=0.4)]
    if r.note:
        blocks.append(Para(r.note, "small", gap_after=0.4))
    if r.better:
        blocks.append(Para(r.better, "small-bold", colour="accent", gap_after=0.3))
        blocks.append(Para(r.better_why or "", "small", dim=True))
    return blocks
