"""A couple's screens around the card: safety, who reads, the curtain, a real break, the check-in.

Each opens with a callback and closes with the couple's choice; the flow
(flow.py) decides what follows. The curtain draws nothing but itself, so a
pick made before it can never show through.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.prompts import BREAK_MINUTES, BREAK_WHY, SAFETY_TOGETHER
from game.core.timer import Countdown
from game.core.together import TogetherCard

from ...intents import CONFIRM, COUPLES_KEYS, TIMER, Intent
from ...widgets import Button, draw_text, measure, row_buttons
from ...widgets.prose import Framed, Heading, Para
from ..base import Scene
from ..page import PageScene


def open_safety(app: Any, done: Any) -> None:
    """Before a couple's first card: play only when both feel safe with each other."""

    def blocks(theme, width):
        return [
            Para(SAFETY_TOGETHER, "h2", gap_after=1.4),
            Para(
                "This is practice in listening, not a test of your relationship. One of you reads a partner's "
                "words aloud, the other answers; after each answer the one who spoke says how understood it "
                "felt. You share one score: there is no winner.",
                gap_after=1.0,
            ),
            Para("You can stop at any card, and take a break whenever the loop floods.", dim=True),
        ]

    app.push(
        PageScene,
        done,
        title="Before you start",
        name="together-safety",
        blocks=blocks,
        choices=[("We both feel safe: begin", "begin", "primary"), ("About and safety", "about", "normal")],
        back=None,
    )


def open_roles(app: Any, tc: TogetherCard, number: int, done: Any) -> None:
    """Who reads and who answers on this card, in words and in each role's colour."""
    card = tc.card

    def blocks(theme, width):
        return [
            Heading(f"Card {number}: {card.title}", gap_after=0.4),
            Para(card.setting, "em", dim=True, gap_after=1.4),
            Framed(
                [
                    Para(f"{tc.speaker} speaks", "h2", colour="partner", gap_after=0.3),
                    Para(
                        f"Read {card.partner}'s lines aloud, in your own voice, as if they were yours. After each "
                        "answer, say how understood it made you feel, from 0 to 10.",
                        gap_after=0.2,
                    ),
                ],
                edge="partner",
                shadow=False,
                gap_after=0.9,
            ),
            Framed(
                [
                    Para(f"{tc.listener} listens", "h2", colour="player", gap_after=0.3),
                    Para(
                        "Hear the fear under the words. Pick the answer you would give, then say it aloud, to "
                        f"{tc.speaker}, not to the screen.",
                        gap_after=0.2,
                    ),
                ],
                edge="player",
                shadow=False,
                gap_after=0.9,
            ),
            Para("Roles swap with every card.", "small", dim=True),
        ]

    app.push(
        PageScene,
        done,
        title="Who reads, who listens",
        name="together-roles",
        blocks=blocks,
        choices=[("We're ready", "ready", "primary")],
        back=None,
        back_label="Stop",
    )


def open_checkin(app: Any, done: Any) -> None:
    """Between cards: keep going, take a break, or stop here for today."""

    def blocks(theme, width):
        return [
            Para("How are the two of you doing?", "h2", gap_after=0.8),
            Para(
                "Check in with each other before the next card. If either of you feels tense or tired, a break "
                "or stopping for today is a good answer too: the cards will be here next week.",
            ),
        ]

    app.push(
        PageScene,
        done,
        title="A check-in",
        name="together-checkin",
        blocks=blocks,
        choices=[
            ("Keep going", "next", "primary"),
            (f"Take a {BREAK_MINUTES}-minute break", "break", "normal"),
            ("Stop here for today", "stop", "normal"),
        ],
        back="stop",
        back_label="Stop",
    )


def open_curtain(app: Any, tc: TogetherCard, done: Any) -> None:
    app.push(CurtainScene, done, away=tc.curtain_away, chooser=tc.curtain_for)


def open_break(app: Any, done: Any) -> None:
    app.push(BreakScene, done)


class CurtainScene(Scene):
    """A screen with nothing on it but who looks away and who may look now."""

    name = "together-curtain"
    keys = COUPLES_KEYS

    def __init__(self, app: Any, away: str, chooser: str, **p: Any) -> None:
        super().__init__(app, **p)
        self.away, self.chooser = away, chooser
        self.text = f"{away}, look away. {chooser}, press Space when only you can see the screen."

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        width = min(w - 2 * t.margin, int(t.body_px * 30))
        x = (w - width) // 2
        th = measure(t.font("h1"), self.text, width)
        self.lift = Button(f"Only {self.chooser} can see the screen", True, style="primary")
        self.leave_button = Button("Leave the card", False, style="quiet")
        self.buttons = [self.lift, self.leave_button]
        bh = row_buttons(self.buttons, t, pygame.Rect(x, 0, width, 0))
        top = max(t.margin, (h - th - bh - t.space(3)) // 2)
        self.text_box = pygame.Rect(x, top, width, th)
        for b in self.buttons:
            b.box.y = self.text_box.bottom + t.space(3)
        self.set_focus(self.lift)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        surface.fill(t.colour.bg_top)
        draw_text(surface, self.text, t.font("h1"), t.colour.text, self.text_box, align="center")
        self.draw_buttons(surface)

    def on_button(self, button: Button) -> None:
        self.close(button.action)

    def back(self) -> None:
        """Esc does nothing here: one stray key must not end the card; the button leaves."""


class BreakScene(Scene):
    """A real break: a 20-minute countdown the couple can start, pause or skip, and why it helps."""

    name = "together-break"
    keys = {**COUPLES_KEYS, pygame.K_t: Intent(TIMER)}

    def __init__(self, app: Any, seconds: float = BREAK_MINUTES * 60, **p: Any) -> None:
        super().__init__(app, **p)
        self.timer = Countdown(float(seconds))

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        top = self.layout_header("A real break", back_label="Back to the talk")
        width = min(w - 2 * t.margin, int(t.body_px * 40))
        x = (w - width) // 2
        self.clock_box = pygame.Rect(x, top, width, t.font("display").get_height())
        self.status_box = pygame.Rect(x, self.clock_box.bottom, width, t.line_height("strong"))
        why_h = measure(t.font("body"), BREAK_WHY, width)
        self.why_box = pygame.Rect(x, self.status_box.bottom + t.space(1.5), width, why_h)
        label = "Pause the timer" if self.timer.running else ("Start again" if self.timer.done else "Start the timer")
        self.toggle = Button(f"{label} (T)", "toggle", style="primary")
        self.skip = Button("We're ready to come back", "skip")
        row = [self.toggle, self.skip]
        row_buttons(row, t, pygame.Rect(x, self.why_box.bottom + t.space(2), width, 0))
        self.buttons = row + [self.back_button]
        self.set_focus(self.toggle)

    def update(self, dt: float) -> bool:
        was = self.timer.running
        self.timer.tick(dt)
        if was and not self.timer.running:  # the time is up
            self.app.sound.play("end")
            self.layout(self.app.size)
        return self.timer.running  # a running countdown needs every frame's time, or it stalls while idle

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        self.app.draw_background(surface)
        self.draw_header(surface)
        if self.timer.done:
            status = "Time's up: come back to the talk"
        elif self.timer.running:
            status = "Counting down"
        else:
            status = "Paused" if self.timer.left < self.timer.seconds else "Start it when you both step away"
        draw_text(surface, self.timer.text(), t.font("display"), t.colour.accent, self.clock_box, align="center")
        draw_text(surface, status, t.font("strong"), t.colour.text_dim, self.status_box, align="center")
        draw_text(surface, BREAK_WHY, t.font("body"), t.colour.text, self.why_box)
        self.draw_buttons(surface)

    def handle(self, intent: Intent) -> bool:
        if intent.kind == TIMER:
            self._toggle()
            return True
        if intent.kind == CONFIRM and self.focused is self.toggle:
            self._toggle()
            return True
        return super().handle(intent)

    def _toggle(self) -> None:
        self.timer.toggle()
        self.layout(self.app.size)

    def on_button(self, button: Button) -> None:
        if button.action == "toggle":
            self._toggle()
        elif button.action == "skip":
            self.close(True)

    def back(self) -> None:
        self.close(True)  # they took a break of whatever length they needed
