"""A couple plays one card at one screen: the speaker reads, the listener answers, the speaker rates.

    app.push(TogetherPlayScene, callback, together=TogetherCard(...))  # callback(TogetherCard) at the end,
                                                                        # callback(None) when they leave

The layout is the solo play screen's (the portrait, the loop view, the
column); what the column holds follows the couple's phase (core/together.py):
the line for the speaker to read aloud and the answers for the listener, the
felt-understood scale, the curtain and the two blind picks, the match, and the
loop's answer. Who is who is always said in words, and shown by colour
(the speaker in the partner's colour, the listener in the player's) and by
place (the speaker's name sits by the portrait at the left, the listener's
over the answers at the right). At a curtain nothing but the curtain is drawn.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.prompts import BREAK_MINUTES
from game.core.together import Phase, TogetherCard

from ...intents import CONFIRM, COUPLES_KEYS, DIGIT, MOVE, PAUSE, Intent, number_keys
from ...widgets import Button, draw_text, measure, row_buttons
from ..play import PlayScene

RATING_DEFAULT = 5
KEYS = {
    Phase.SPEAK: "Keys: {keys} answer  ·  P pause  ·  Esc leave",
    Phase.BLIND: "Keys: {keys} pick  ·  Esc leave",
    Phase.RATE: "Keys: Left/Right or 0-9 set  ·  Enter confirm",
    Phase.MATCH: "Keys: Enter continue",
    Phase.REACT: "Keys: Enter continue  ·  P pause",
}


class TogetherPlayScene(PlayScene):
    name = "together-play"
    keys = COUPLES_KEYS

    def __init__(self, app: Any, together: TogetherCard, **p: Any) -> None:
        self.together = together
        self.rating = RATING_DEFAULT
        super().__init__(app, together.card, session=together.session, names=(together.listener, together.speaker))

    # -- what the column holds --------------------------------------------
    @property
    def stage(self) -> Phase:
        return self.together.phase

    def _content(self) -> tuple[list[tuple[str, str]], list[Button]]:
        tc = self.together
        col = self.column
        blocks: list[tuple[str, str]] = []
        buttons: list[Button] = []
        phase = tc.phase
        self.phase = "reaction" if phase in (Phase.REACT, Phase.MATCH) else "choose"
        if phase is Phase.SPEAK:
            blocks.append(("speaker", f"{tc.speaker}, read {self.card.partner}'s words aloud"))
            blocks.append(("bubble", tc.line))
            if self.run.flooded:
                blocks.append(("banner", "The loop is flooded. A real break helps more than any answer now."))
                buttons.append(Button(f"Take a {BREAK_MINUTES}-minute break", "break", style="primary", column=col))
            blocks.append(("listener", f"{tc.listener}, pick your answer, then say it aloud in your own voice"))
            for i, choice in enumerate(tc.options):
                buttons.append(Button(choice.say, i, key=str(i + 1), style="choice", column=col))
        elif phase is Phase.BLIND:
            chooser = tc.curtain_for
            ask = "what would you say?" if chooser == tc.listener else "what would you most want to hear?"
            blocks.append(("speaker", f"{self.card.partner} says"))
            blocks.append(("bubble", tc.line))
            blocks.append(("listener", f"{chooser}, only you can see this: {ask}"))
            for i, choice in enumerate(tc.options):
                buttons.append(Button(choice.say, i, key=str(i + 1), style="choice", column=col))
        elif phase is Phase.MATCH:
            said, wanted = tc.blind_picks
            met = said == wanted
            blocks.append(("label", f"{tc.listener} would say"))
            blocks.append(("you", said.say))
            blocks.append(("label", f"{tc.speaker} wanted to hear"))
            blocks.append(("bubble", wanted.say))
            verdict = (
                "You met: the same answer. You are hearing each other."
                if met
                else "Different answers. Nobody got it wrong: after the card, talk about what each of you heard."
            )
            blocks.append(("banner" if not met else "ending", verdict))
            buttons.append(Button(f"{tc.speaker} rates it", "to-rating", style="primary", column=col))
        elif phase is Phase.RATE:
            blocks.append(("listener", f"{tc.listener} said"))
            blocks.append(("you", tc.pending.say))
            blocks.append(("ask", f"{tc.speaker}, how understood did that feel? 0 not at all, 10 completely"))
            blocks.append(("scale", ""))
            for n in range(0, 11):
                style = "primary" if n == self.rating else "normal"
                buttons.append(Button(str(n), ("rate", n), style=style, align="center", column=col))
            buttons.append(Button(f"That's it: {self.rating} out of 10", "confirm", style="primary", column=col))
        elif phase is Phase.REACT and self.last is not None:
            said = self.last
            blocks.append(("listener", f"{tc.listener} said"))
            blocks.append(("you", said.step.choice.say))
            blocks.append(("speaker", self.card.partner))
            blocks.append(("bubble", said.reply))
            blocks.append(("note", f"{tc.speaker} felt {tc.last.rating}/10 understood. {said.loop}"))
            if said.pattern:
                blocks.append(("note", said.pattern))
            if self.run.ended:
                blocks.append(("speaker", "How it ends"))
                blocks.append(("ending", self.run.ending))
            buttons.append(
                Button("Our debrief" if self.run.ended else "Continue", "continue", style="primary", column=col)
            )
        return blocks, buttons

    def layout(self, size: tuple[int, int]) -> None:
        super().layout(size)
        t = self.theme
        self.hint = KEYS.get(self.stage, "").format(keys=number_keys(len(self.together.options)))
        # who speaks, under the partner's name by the portrait (where the window is wide enough for it)
        self.tag = f"{self.together.speaker} speaks"
        self.tag_box = None
        if self.view_box.top > self.name_box.bottom:
            th = measure(t.font("small-bold"), self.tag, self.name_box.width)
            self.tag_box = pygame.Rect(self.name_box.x, self.name_box.bottom, self.name_box.width, th)
            shift = th + t.space(0.3)
            vb = self.view_box
            self.view_box = pygame.Rect(vb.x, vb.y + shift, vb.width, vb.height - shift)
        scale = [b for b in self.buttons if isinstance(b.action, tuple) and b.action[0] == "rate"]
        if scale:  # the 0-10 scale sits in one row where the "scale" block was laid out
            row = next(r for kind, _, r in self.blocks if kind == "scale")
            gap = t.space(0.3)
            per = (row.width - gap * (len(scale) - 1)) // len(scale)
            rows = [scale] if all(b.natural_width(t) <= per for b in scale) else [scale[:6], scale[6:]]
            y = row.y
            for part in rows:  # where eleven do not fit across, 0-5 over 6-10
                y += row_buttons(part, t, pygame.Rect(row.x, y, row.width, 0), gap=gap) + gap
            confirm = self.button_for("confirm")
            if confirm is not None:
                confirm.box.y = y + t.space(0.7)
            self.column.set_view(self.column.view, confirm.box.bottom - self.column.view.top + self.theme.space(0.5))
            self.set_focus(self.button_for(("rate", self.rating)))
        if self.stage in (Phase.SPEAK, Phase.BLIND):
            first = next((b for b in self.buttons if isinstance(b.action, int)), None)
            self.set_focus(first)  # never where the other partner's pick was

    def _place(self, right: pygame.Rect, compact: bool) -> list[Button]:
        buttons = super()._place(right, compact)
        if self.stage is Phase.RATE:  # the scale's row needs room: give the block a height
            h = max(b.measure(self.theme, right.width // 11) for b in buttons[:11])
            self.blocks = [(k, t, r if k != "scale" else pygame.Rect(r.x, r.y, r.width, h)) for k, t, r in self.blocks]
        return buttons

    @staticmethod
    def _role(kind: str) -> str:
        if kind in ("listener", "ask"):
            return "strong"
        if kind == "scale":
            return "small"
        return PlayScene._role(kind)

    # -- input -------------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        phase = self.stage
        if phase is Phase.RATE:
            if intent.kind == DIGIT:
                self._set_rating(intent.index)
                return True
            if intent.kind == MOVE:
                self._set_rating(self.rating + (intent.dx or -intent.dy))
                return True
            if intent.kind == CONFIRM:
                self._rate()
                return True
        if intent.kind == PAUSE and phase not in (Phase.SPEAK, Phase.REACT):
            return True  # a pause mid-rating or behind the curtain would show what is hidden
        if intent.kind == DIGIT and phase not in (Phase.SPEAK, Phase.BLIND):
            return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        a = button.action
        tc = self.together
        if isinstance(a, int) and tc.phase in (Phase.SPEAK, Phase.BLIND):
            tc.pick(a)
            self.rating = RATING_DEFAULT  # each answer's scale starts in the middle, never on the last rating
            self._refresh()
        elif a == "to-rating":
            tc.to_rating()
            self.rating = RATING_DEFAULT
            self._refresh()
        elif isinstance(a, tuple) and a[0] == "rate":
            self._set_rating(a[1])
        elif a == "confirm":
            self._rate()
        elif a == "break":
            from .pages import open_break

            open_break(self.app, self._after_break)
        elif a == "continue":
            if self.run.ended:
                tc.go_on()
                self.close(tc)
            else:
                tc.go_on()
                self._refresh()
        elif a in ("pause", "leave"):
            super().on_button(button)

    def _set_rating(self, value: int) -> None:
        self.rating = max(0, min(10, value))
        self._refresh()

    def _rate(self) -> None:
        step = self.together.rate(self.rating)
        self.last = said = self.session.reaction(step)
        self.view.set(self.run.tension, pattern=step.dialogue)
        self.app.sound.play(said.cue)
        self._refresh()

    def _after_break(self, took: Any) -> None:
        if took and self.run.can_pause:
            self.session.pause()  # the break they took brings the flood down
            self.view.set(self.run.tension, pattern=None)
        self._refresh()

    def _refresh(self) -> None:
        self.column.offset = 0
        self.layout(self.app.size)
        if self.stage is Phase.CURTAIN:
            from .pages import open_curtain

            open_curtain(self.app, self.together, self._after_curtain)

    def _after_curtain(self, lifted: Any) -> None:
        if lifted:
            self.together.lift_curtain()
            self._refresh()
        else:
            self.close()

    def enter(self) -> None:
        if self.stage is Phase.CURTAIN:
            from .pages import open_curtain

            open_curtain(self.app, self.together, self._after_curtain)

    # -- frames ------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        super().draw(surface)
        t = self.theme
        c = t.colour
        # the roles, in words, colour and place: the speaker by the portrait, the listener over the answers
        if self.tag_box is not None:
            draw_text(surface, self.tag, t.font("small-bold"), c.partner, self.tag_box, align="center")
        for kind, _, r in self.blocks:
            if kind == "listener" and self.column.visible(r):
                with self.column.clipped(surface) as dy:
                    mark = r.move(0, dy)
                    pygame.draw.rect(surface, c.player, (mark.x - t.space(0.8), mark.y, t.space(0.35), mark.height))
        scale = [b for b in self.buttons if isinstance(b.action, tuple) and b.action[0] == "rate"]
        if scale and self.column.visible(scale[0].box):
            chosen = next(b for b in scale if b.action[1] == self.rating)
            with self.column.clipped(surface):
                pygame.draw.rect(surface, c.focus, chosen.rect.inflate(t.space(0.5), t.space(0.5)), width=t.line_width)
