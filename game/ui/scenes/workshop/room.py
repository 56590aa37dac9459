"""The room's view of a workshop: one step at a time, large enough to read from the back.

    app.push(WorkshopScene, callback, workshop=Workshop(...), saver=save_fn, presenter=True)

The facilitator drives it with a presentation clicker (Page Down / Page Up,
the arrows, B or . to blank the screen) or the keyboard: 1-6 add a vote in
the OPTIONS step, Shift with 1-6 takes one away, 0 clears, T starts or pauses
the discussion timer, H or F1 shows the keys, Esc asks before leaving. A
left click goes on, as a clicker would. Every step is saved as it is taken
(`saver(workshop)`), so a closed laptop loses nothing. What the room sees
comes from core/workshop.py; this screen only lays it out, in type no
smaller than a thirtieth of the window's height.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from game.core.workshop import Stage, Workshop, WorkshopError

from ...intents import (
    BACK,
    BACKWARD,
    BLANK,
    CLEAR,
    CLICK,
    CLICKER_KEYS,
    FORWARD,
    HELP,
    TIMER,
    UNVOTE,
    VOTE,
    Intent,
)
from ...loop_view import LoopView
from ...theme import Theme
from ..base import Scene
from ..overlay import Overlay, ask_to_leave
from .stages import draw_stage, layout_stage

KEY_SHEET = (
    ("Page Down, Right, Space, Enter, N, click", "next step"),
    ("Page Up, Left", "step back (a played answer is undone only when you say so)"),
    ("B or .", "blank the screen, and back"),
    ("1 to 6", "one more vote for that answer (while the answers show)"),
    ("Shift + 1 to 6", "one vote fewer"),
    ("0", "clear this line's votes"),
    ("T", "start or pause the discussion timer"),
    ("H or F1", "these keys"),
    ("Esc", "leave the workshop (it is saved: resume it later)"),
)
SMALLEST = 30  # no text smaller than 1/SMALLEST of the window height


def projector_theme(theme: Theme) -> Theme:
    """The app's theme with type large enough for a room: the smallest role at least a 30th of the height."""
    smallest = math.ceil(theme.size[1] / SMALLEST)
    body = max(theme.body_px, math.ceil(smallest / 0.84) + 1)  # "small" text is 0.84 of body
    return theme._replace(body_px=body)


class WorkshopScene(Scene):
    name = "workshop"
    keys = CLICKER_KEYS

    def __init__(self, app: Any, workshop: Workshop, saver: Any = None, presenter: bool = False, **p: Any) -> None:
        super().__init__(app, **p)
        self.w = workshop
        self.saver = saver
        self.blank = False
        self.page = 0  # a step shows a page at a time where it does not all fit (WHY: its answers)
        self.pages = 1
        self.view = LoopView(names=("The room", workshop.card.partner))
        self.view.set(workshop.runner.tension, instant=True)
        self._theme_key: tuple | None = None
        self._theme: Theme | None = None
        self.placed: dict[str, Any] = {}
        self.presenter = None
        if presenter:
            from .presenter import Presenter

            self.presenter = Presenter.open()
            if self.presenter is not None:
                app.side_windows.append(self.presenter.window)

    @property
    def theme(self) -> Theme:
        base = self.app.theme
        key = (base.size, base.body_px, base.colour.name, base.reduced_motion)
        if key != self._theme_key:
            self._theme_key, self._theme = key, projector_theme(base)
        return self._theme

    # -- layout --------------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        self.buttons = []
        self.placed = layout_stage(self, size)

    def update(self, dt: float) -> bool:
        self.w.timer.tick(dt)
        moving = self.view.update(dt, self.theme.reduced_motion)
        if self.presenter is not None and self.presenter.window in self.app.side_windows:
            self.presenter.show(self)
        return moving or self.w.timer.running  # a running timer needs every frame's time, or it stalls while idle

    def draw(self, surface: pygame.Surface) -> None:
        if self.blank:
            surface.fill((0, 0, 0))
            return
        draw_stage(self, surface)

    # -- input ---------------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        k = intent.kind
        if k == BLANK:
            self.blank = not self.blank
            return True
        if self.blank and k in (FORWARD, BACKWARD, CLICK):
            self.blank = False  # the first press after a blank brings the room back, and does no more
            return True
        if k in (FORWARD, CLICK):
            self.forward()
        elif k == BACKWARD:
            self.backward()
        elif k in (VOTE, UNVOTE, CLEAR):
            self.vote(k, intent.index)
        elif k == TIMER:
            if self.w.stage is Stage.DISCUSS:
                self.w.timer.toggle()
                self._changed()
        elif k == HELP:
            self.app.push(KeySheet, None)
        elif k == BACK and self.w.stage is Stage.SUMMARY:
            self.close()  # the session is over and its report written: nothing is left to resume
        elif k == BACK:
            ask_to_leave(
                self,
                "Leave the workshop?",
                "It is saved as it stands: resume it from the title or with attune workshop --resume.",
                "Leave",
            )
        else:
            return False
        return True

    def forward(self) -> None:
        if self.page < self.pages - 1:
            self.page += 1
            self.layout(self.app.size)
            return
        if self.w.stage is Stage.SUMMARY:
            return
        before = self.w.stage
        self.w.next()
        self.page = 0
        if self.w.stage is Stage.REVEAL:
            self.view.set(self.w.revealed.tension_after, pattern=None)
            self.app.sound.play(_cue(self.w.revealed.tension_before, self.w.revealed.tension_after))
        elif self.w.stage in (Stage.LINE, Stage.ENDING) and before is Stage.DISCUSS:
            self.view.set(self.w.runner.tension, pattern=None)
        elif before is Stage.ENDING and self.w.stage is Stage.LINE:
            self.view = LoopView(names=("The room", self.w.card.partner))
            self.view.set(self.w.runner.tension, instant=True)
        if self.w.stage is Stage.SUMMARY and self.saver is not None:
            self.saver(self.w, finished=True)
        self._changed()

    def backward(self) -> None:
        if self.page > 0:
            self.page -= 1
            self.layout(self.app.size)
            return
        if self.w.can_undo and self.w.stage in (Stage.LINE, Stage.ENDING, Stage.SUMMARY):
            self.app.push(
                Overlay,
                self._after_undo,
                title="Undo the room's last answer?",
                paragraphs=[("body", "The answer played on the line before is taken back; its votes are kept.")],
                choices=[("Keep it", None, "primary"), ("Undo it", "undo", "normal")],
            )
            return
        self.w.back()
        self.page = 0
        if self.w.stage is Stage.REVEAL:
            self.view.set(self.w.revealed.tension_after, pattern=None)
        elif self.w.stage is Stage.OPTIONS:
            self.view.set(self.w.runner.tension, pattern=None)
        self._changed()

    def _after_undo(self, result: Any) -> None:
        if result == "undo":
            self.w.undo_last_answer()
            self.view = LoopView(names=("The room", self.w.card.partner))
            self.view.set(self.w.runner.tension, instant=True)
            self._changed()

    def vote(self, kind: str, index: int) -> None:
        if self.w.stage is not Stage.OPTIONS:
            return  # number keys do nothing outside the answers step
        try:
            if kind == VOTE:
                self.w.add_vote(index)
            elif kind == UNVOTE:
                self.w.remove_vote(index)
            else:
                self.w.clear_votes()
        except WorkshopError:
            return  # a number with no answer behind it
        self._changed()

    def _changed(self, relayout: bool = True) -> None:
        if self.saver is not None and self.w.stage is not Stage.SUMMARY:
            self.saver(self.w)
        if relayout:
            self.layout(self.app.size)

    def leave(self) -> None:
        if self.presenter is not None:
            if self.presenter.window in self.app.side_windows:
                self.app.side_windows.remove(self.presenter.window)
                self.presenter.close()
            self.presenter = None


def _cue(before: float, after: float) -> str:
    return "soften" if after < before else "escalate" if after > before else "steady"


class KeySheet(Overlay):
    """The clicker and keyboard keys, on the room's screen until dismissed."""

    name = "workshop-keys"
    keys = CLICKER_KEYS

    def __init__(self, app: Any, **p: Any) -> None:
        lines = [("body", f"{keys}: {what}") for keys, what in KEY_SHEET]
        super().__init__(app, title="Keys", paragraphs=lines, choices=[("Close", None, "primary")], **p)

    @property
    def theme(self) -> Theme:
        return projector_theme(self.app.theme)

    def handle(self, intent: Intent) -> bool:
        if intent.kind in (HELP, FORWARD, BACKWARD, BACK, CLICK):
            self.close()
            return True
        return super().handle(intent)
