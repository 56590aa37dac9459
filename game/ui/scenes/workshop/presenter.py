"""The facilitator's own window: the step's notes, the votes, the timer and what comes next.

    presenter = Presenter.open()      # None where the platform cannot open a second window
    presenter.show(scene)             # redraw it from the workshop scene, each frame that changes
    presenter.close()

It uses pygame-ce's `pygame.Window`, a second window beside the display one.
The room's window shows only the room's view; the notes stay here.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pygame

from game.core.workshop import Stage

from ...theme import Theme
from ...widgets import FIT, draw_text, measure

SIZE = (1024, 640)
NEXT = {
    Stage.LINE: "the answers, hidden until now",
    Stage.OPTIONS: "the reveal: the votes and the answer played",
    Stage.REVEAL: "every answer's why",
    Stage.WHY: "the discussion",
    Stage.DISCUSS: "the next line, or how the card ends",
    Stage.ENDING: "the next card, or the summary",
    Stage.SUMMARY: "nothing: the session is over",
}


class Presenter:
    def __init__(self, window: Any) -> None:
        self.window = window
        self._last: tuple | None = None

    @classmethod
    def open(cls) -> Presenter | None:
        try:
            window = pygame.Window("Attune: presenter notes", SIZE, resizable=True)
        except (pygame.error, AttributeError, TypeError):
            return None
        return cls(window)

    def close(self) -> None:
        with contextlib.suppress(pygame.error):
            self.window.destroy()

    def notes(self, scene: Any) -> list[tuple[str, str]]:
        """(role, text) lines: the step, its notes, the votes and the timer, what comes next."""
        w = scene.w
        card = w.card
        out = [("h2", f"Card {w.card_number} of {len(w.cards)}: {card.title}  ·  {w.stage.value.upper()}")]
        if w.stage is Stage.SUMMARY:
            out.append(("body", "The session is over. The report is in the data folder's workshops/ folder."))
            return out
        if w.stage is not Stage.ENDING:
            out.append(("em", f'{card.partner}: "{w.line}"'))
            best = w.best_index
            for i, c in enumerate(w.options):
                mark = "  BEST" if i == best else ""
                n = w.votes[i]
                out.append(("strong", f"{i + 1}. [{c.move.label} {w.points[i]:+d}] {n} vote{'s' * (n != 1)}{mark}"))
                out.append(("small", f"{c.say}  Why: {c.why}"))
            out.append(("body", f"Discuss: {w.question}"))
        out.append(("body", f"Timer: {w.timer.text()} ({'running' if w.timer.running else 'stopped'})"))
        out.append(("small", f"Teaching: {card.teaching}"))
        out.append(("strong", f"Next: {NEXT[w.stage]}"))
        return out

    def show(self, scene: Any) -> None:
        w = scene.w
        key = (
            (w.stage, w.card_number, w.votes, w.timer.text(), w.walk_index, len(w.beats_so_far), scene.blank),
            tuple(self.window.size),
            getattr(scene.app, "side_redraws", 0),  # resized or uncovered since: draw afresh
        )
        if key == self._last:
            return
        self._last = key
        was, FIT.scene = FIT.scene, "workshop-presenter"  # the fit check tells its text apart from the room's
        try:
            self._draw(scene)
        finally:
            FIT.scene = was

    def _draw(self, scene: Any) -> None:
        surface = self.window.get_surface()
        app_theme = scene.app.theme
        theme = Theme.build(surface.get_size(), 1, app_theme.high_contrast, app_theme.reduced_motion)
        surface.fill(theme.colour.bg_top)
        m = theme.margin
        width = surface.get_width() - 2 * m
        y = m
        for role, text in self.notes(scene):
            h = measure(theme.font(role), text, width)
            if y + h > surface.get_height() - m:
                break
            draw_text(surface, text, theme.font(role), theme.colour.text, pygame.Rect(m, y, width, h))
            y += h + theme.space(0.6)
        if scene.blank:
            draw_text(
                surface,
                "The room's screen is blank (B to bring it back).",
                theme.font("strong"),
                theme.colour.accent,
                pygame.Rect(
                    m, surface.get_height() - m - theme.line_height("strong"), width, theme.line_height("strong")
                ),
            )
        self.window.flip()
