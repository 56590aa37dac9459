"""Play one card: the setting, the partner's portrait and line, shuffled choices, the loop.

    app.push(PlayScene, callback, card=card)   # callback(session) once the card ends; callback(None) on leaving

After a choice the scene shows the reaction: your words, the partner's
reply (or how they take it), what it did to the loop, and the loop moving.
P opens the pause ("what is my vulnerable fear right now?") at any time;
when the loop is flooded the scene suggests it. Esc asks before leaving.
Everything shown comes from the Runner; the scene computes no score.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.model import Card
from game.core.safety import CARE_POINTER
from game.core.session import FEARS_ASKED, PAUSE_QUESTION, PauseNote, Reaction, Session

from ..intents import LEAVE, PAUSE, Intent, number_keys
from ..loop_view import LoopView
from ..portrait import Portrait
from ..theme import HEADER_SHARE
from ..widgets import Button, ScrollColumn, draw_panel, draw_text, elide, measure, stack_buttons
from .base import Scene
from .overlay import Overlay, ask_to_leave

KEYS_CHOOSE = "Keys: {keys} answer  ·  arrows and Enter  ·  P pause  ·  Esc leave"
KEYS_REACT = "Keys: Enter continue  ·  P pause  ·  Esc leave"


class PlayScene(Scene):
    name = "play"

    def __init__(
        self,
        app: Any,
        card: Card,
        seed: int | str | None = None,
        session: Session | None = None,
        names: tuple[str, str] = ("You", ""),
        **p: Any,
    ) -> None:
        super().__init__(app, **p)
        self.card = card
        self.session = session or Session(card, seed)  # another mode hands in its own session
        self.run = self.session.runner
        self.phase = "choose"  # or "reaction"
        self.last: Reaction | None = None
        self.view = LoopView(names=(names[0], names[1] or card.partner))
        self.view.set(self.run.tension, instant=True)
        self.portrait = Portrait(card.partner, card.pattern)
        self.column = ScrollColumn()
        self.blocks: list[tuple[str, str, pygame.Rect]] = []

    # -- layout ------------------------------------------------------------
    def _content(self) -> tuple[list[tuple[str, str]], list[Button]]:
        """The right column's blocks and in-column buttons for the current phase."""
        name = self.card.partner
        blocks: list[tuple[str, str]] = []
        buttons: list[Button] = []
        if self.phase == "choose":
            blocks.append(("speaker", f"{name} says"))
            blocks.append(("bubble", self.run.line))
            if self.run.flooded and self.run.can_pause:
                blocks.append(("banner", "The loop is flooded: it is hard for either of you to hear anything now."))
                buttons.append(Button("Take the pause (P)", "pause", style="primary", column=self.column))
            blocks.append(("label", f"Your answer ({number_keys(len(self.run.choices))}, or click)"))
            for i, choice in enumerate(self.run.choices):
                buttons.append(Button(choice.say, i, key=str(i + 1), style="choice", column=self.column))
        else:
            said = self.last
            assert said is not None
            blocks.append(("speaker", "You said"))
            blocks.append(("you", said.step.choice.say))
            blocks.append(("speaker", name))
            blocks.append(("bubble", said.reply))
            blocks.append(("note", said.loop))
            if said.pattern:
                blocks.append(("note", said.pattern))
            if self.run.ended:
                blocks.append(("speaker", "How it ends"))
                blocks.append(("ending", self.run.ending))
            label = "Name the fear" if self.run.ended else "Continue"
            buttons.append(Button(label, "continue", style="primary", column=self.column))
        return blocks, buttons

    def layout(self, size: tuple[int, int]) -> None:
        t = self.theme
        w, h = size
        m = t.margin
        keep = self.focused.action if self.buttons else None
        self.pause_button = Button("Pause (P)", "pause", style="quiet")
        self.leave_button = Button("Leave", "leave", style="quiet")
        head = [self.pause_button, self.leave_button]
        # header: title and setting at the left, Pause and Leave at the right
        bw = [b.natural_width(t) + t.space(0.5) for b in head]
        bh = max(b.measure(t, x) for b, x in zip(head, bw, strict=True))
        x = w - m
        for b, width in reversed(list(zip(head, bw, strict=True))):
            x -= width
            b.place(pygame.Rect(x, m, width, bh))
            x -= t.space(1)
        text_w = x - m - t.space(1)
        h2 = t.font("h2")
        self.title_text = elide(h2, self.card.title, text_w, lines=max(1, int(h * HEADER_SHARE) // t.line_height("h2")))
        self.title_box = pygame.Rect(m, m, text_w, measure(h2, self.title_text, text_w))
        sy = self.title_box.bottom + t.space(0.2)
        self.setting_box = pygame.Rect(m, sy, text_w, measure(t.font("em"), self.card.setting, text_w))
        # a long setting in a small window would squeeze the talk: it opens the scrolling column instead
        self.setting_in_column = self.setting_box.bottom > h * HEADER_SHARE
        if self.setting_in_column:
            self.setting_box.height = 0
        top = max(self.setting_box.bottom, m + bh) + t.space(1.5)
        wide = w >= h * 1.3
        gap = t.space(2.5)
        if wide:
            left_w = int((w - 2 * m - gap) * (0.36 - 0.02 * t.text_size))  # larger text: more room to read
            left = pygame.Rect(m, top, left_w, h - top - m)
            name_h = t.line_height("strong")
            room = left.height - name_h - t.space(2) - self.view.min_height(t, left.width - t.space(1))
            psize = max(int(t.body_px * 2.5), int(min(left.width * 0.6, left.height * 0.34, room)))
            self.portrait_box = pygame.Rect(0, 0, psize, psize)
            self.portrait_box.midtop = (left.centerx, left.top)
            self.name_box = pygame.Rect(left.x, self.portrait_box.bottom + t.space(0.3), left.width, name_h)
            self.view_box = pygame.Rect(left.x, self.name_box.bottom + t.space(1), left.width, 0)
            self.view_box.height = left.bottom - self.view_box.top
            right = pygame.Rect(left.right + gap, top, w - m - left.right - gap, h - top - m)
        else:
            band = int((h - top - m) * 0.34)
            psize = band - t.line_height("strong")
            self.portrait_box = pygame.Rect(m, top, psize, psize)
            self.name_box = pygame.Rect(m, self.portrait_box.bottom, max(psize, t.body_px * 5), t.line_height("strong"))
            self.view_box = pygame.Rect(m + psize + gap, top, w - 2 * m - psize - gap, band)
            right = pygame.Rect(m, top + band + t.space(1.5), w - 2 * m, h - top - band - m - t.space(1.5))
        self.name_text = elide(t.font("strong"), self.card.partner, self.name_box.width)  # a long name ends in "…"
        # the right column scrolls when its content is taller than the window
        # a line of key hints at the foot, for keyboard players (the mouse needs none)
        choosing = self.phase == "choose"
        self.hint = KEYS_CHOOSE.format(keys=number_keys(len(self.run.choices))) if choosing else KEYS_REACT
        hint_h = measure(t.font("small"), self.hint, right.width)
        self.hint_box = pygame.Rect(right.x, right.bottom - hint_h, right.width, hint_h)
        right.height -= hint_h + t.space(1)
        for compact in (False, True):  # when it does not fit, the answer label goes and padding tightens
            column_buttons = self._place(right, compact)
            if not self.column.scrollable:
                break
        self.buttons = column_buttons + head
        target = self.button_for(keep) if keep == "continue" or self.phase == "reaction" else None
        self.set_focus(target or column_buttons[0] if column_buttons else head[0])

    def _place(self, right: pygame.Rect, compact: bool) -> list[Button]:
        """Lay the right column's blocks and buttons out in the scroll column; returns the buttons."""
        t = self.theme
        blocks, column_buttons = self._content()
        if self.setting_in_column and self.phase == "choose":
            blocks.insert(0, ("setting", self.card.setting))
        if compact:
            blocks = [b for b in blocks if b[0] != "label"]
        inner = right.width - ScrollColumn.gutter(t)
        pad = t.space(1.1 if compact else 1.6)
        self.pad = pad
        y = right.top
        placed: list[tuple[str, str, pygame.Rect]] = []
        for kind, text in blocks:
            role = self._role(kind)
            if kind in ("bubble", "you", "ending", "banner"):
                th = measure(t.font(role), text, inner - 2 * pad)
                r = pygame.Rect(right.x, y, inner, th + 2 * pad)
            else:
                r = pygame.Rect(right.x, y, inner, measure(t.font(role), text, inner))
            placed.append((kind, text, r))
            y = r.bottom + (t.space(0.4) if kind == "speaker" else t.space(0.9 if compact else 1.2))
        y = stack_buttons(column_buttons, t, right.x, y, inner, t.space(0.6 if compact else 0.8))
        self.blocks = placed
        self.column.set_view(right, y - right.top + t.space(0.5))
        return column_buttons

    @staticmethod
    def _role(kind: str) -> str:
        return {
            "speaker": "small-bold",
            "bubble": "line",
            "you": "body",
            "ending": "em",
            "banner": "strong",
            "label": "small",
            "note": "small",
            "setting": "em",
        }[kind]

    # -- input -------------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        if intent.kind == PAUSE:
            self.open_pause()
            return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        a = button.action
        if a == "pause":
            self.open_pause()
        elif a == "leave":
            self.back()
        elif a == "continue":
            if self.run.ended:
                self.close(self.session)
            else:
                self.phase = "choose"
                self.layout(self.app.size)
        elif isinstance(a, int) and self.phase == "choose":
            self.choose(a)

    def choose(self, index: int) -> Reaction:
        step = self.session.choose(index)
        self.last = said = self.session.reaction(step)
        self.phase = "reaction"
        self.view.set(self.run.tension, pattern=step.dialogue)
        self.app.sound.play(said.cue)
        self.column.offset = 0
        self.layout(self.app.size)
        return said

    def open_pause(self) -> None:
        note = self.session.pause()
        self.app.sound.play("pause")
        self.app.push(PauseOverlay, self._after_pause, play=self, note=note)

    def back(self) -> None:
        ask_to_leave(self, "Leave this card?", "Your answers on this card so far will not be kept.", "Leave the card")

    def _after_pause(self, result: Any) -> None:
        if result == LEAVE:
            self.close()
        else:
            self.view.set(self.run.tension, pattern=self.view.pattern)
            self.layout(self.app.size)

    # -- frames ------------------------------------------------------------
    def update(self, dt: float) -> bool:
        return self.view.update(dt, self.theme.reduced_motion)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        draw_text(surface, self.title_text, t.font("h2"), c.text, self.title_box)
        if not self.setting_in_column:
            draw_text(surface, self.card.setting, t.font("em"), c.text_dim, self.setting_box)
        live = self.app.live  # the portrait and the loop view move; the rest stays until input comes
        live.draw(
            surface,
            self.portrait_box,
            lambda s: self.portrait.draw(s, self.portrait_box, t, self.view.t),
            key=lambda: self.portrait.step(self.view.t),
        )
        draw_text(surface, self.name_text, t.font("strong"), c.text, self.name_box, align="center")
        draw_panel(surface, self.view_box.inflate(t.space(2), t.space(2)), t, shadow=False)
        inner = self.view_box.inflate(-t.space(1), -t.space(1))
        live.draw(surface, self.view_box, lambda s: self.view.draw(s, inner, t))
        pad = self.pad
        with self.column.clipped(surface) as dy:
            for kind, text, r in self.blocks:
                if not self.column.visible(r):
                    continue
                r = r.move(0, dy)
                role = self._role(kind)
                if kind == "bubble":
                    draw_panel(surface, r, t, fill=c.raised, edge=c.partner)
                    self._tail(surface, r)
                elif kind == "you":
                    draw_panel(surface, r, t, fill=c.panel, edge=c.player)
                elif kind == "ending":
                    draw_panel(surface, r, t, fill=c.panel, edge=c.accent)
                elif kind == "banner":
                    draw_panel(surface, r, t, fill=c.raised, edge=c.poor)
                if kind in ("bubble", "you", "ending", "banner"):
                    r = r.inflate(-2 * pad, -2 * pad)
                colour = c.text_dim if kind in ("label", "note", "speaker", "setting") else c.text
                if kind == "speaker":
                    colour = c.accent
                draw_text(surface, text, t.font(role), colour, r)
        draw_text(surface, self.hint, t.font("small"), c.text_dim, self.hint_box)
        self.draw_buttons(surface)
        self.column.draw_fades(surface, t)
        self.column.draw_bar(surface, t)

    def _tail(self, surface: pygame.Surface, bubble: pygame.Rect) -> None:
        """A small tail on the speech bubble, pointing at the portrait."""
        t = self.theme
        if self.portrait_box.right > bubble.left:
            return
        s = t.space(1.2)
        y = bubble.top + t.space(2.5)
        pts = [(bubble.left + 1, y), (bubble.left - s, y + s * 0.4), (bubble.left + 1, y + s)]
        pygame.draw.polygon(surface, t.colour.raised, pts)
        pygame.draw.lines(surface, t.colour.partner, False, pts, t.line_width)


class PauseOverlay(Overlay):
    """The pause: the seed's question, and a real break when the loop is flooded."""

    name = "pause"

    def __init__(self, app: Any, play: PlayScene, note: PauseNote, **p: Any) -> None:
        paras: list[tuple[str, str]] = [("h2", FEARS_ASKED), ("body", note.asked)]
        relieved = note.brk is not None and note.brk.relieved
        paras.append(("body" if relieved or play.run.flooded else "small", note.words))
        if play.card.care:
            paras.append(("body", f"{play.card.care} {CARE_POINTER}"))
        super().__init__(
            app,
            title=PAUSE_QUESTION,
            paragraphs=paras,
            choices=[("Back to the talk", "resume", "primary"), ("Leave this card", LEAVE, "quiet")],
            cancel="resume",
            **p,
        )

    def handle(self, intent: Intent) -> bool:
        if intent.kind == PAUSE:
            self.close("resume")
            return True
        return super().handle(intent)
