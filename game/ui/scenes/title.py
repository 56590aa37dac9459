"""The title: play, decks, progress, settings, how to play, about and safety, quit.

On a first run (settings.seen_intro is false) it opens the intro on top, unless
it lies under a mode named on the command line (`intro=False`, see launch.py).
Messages the store had when the game opened (a save set aside, progress that
cannot be saved) are shown here, with the focus on "Got it", until the
player dismisses them; the app tells any later ones as notices.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.next_card import suggested_card

from ..loop_view import LoopView
from ..widgets import Button, draw_panel, draw_text, measure, row_buttons, stack_buttons
from .base import Scene

TAGLINE = "Hear the fear beneath the words."
SUBTITLE = "Practise listening to a partner, one card at a time."


class TitleScene(Scene):
    name = "title"

    def enter(self) -> None:
        self.view = LoopView(names=("You", "Partner"), show_labels=False)
        self.view.set(3.0, instant=True)
        self.messages: list[str] = self.app.startup_messages
        self.app.startup_messages = []
        if not self.app.store.settings.seen_intro and self.params.get("intro", True):
            from .intro import IntroScene

            self.app.push(IntroScene, self._refresh, first_run=True)

    def _build(self) -> None:
        if self.app.library_ready:
            card = suggested_card(self.app.library.decks, self.app.store)
            detail = f"Next card: {card.title}" if card else "No cards loaded: see Decks"
        else:  # the game's first frame: the decks load just after it
            detail = "Finding your next card…"
        play = Button("Play", "play", style="primary", detail=detail)
        items = [
            play,
            Button("Decks and cards", "decks"),
            Button("Play together", "together"),
            Button("Run a workshop", "workshop"),
            Button("Your progress", "progress"),
            Button("How to play", "intro"),
            Button("Settings", "settings"),
            Button("About and safety", "about"),
        ]
        self.menu = items
        self.dismiss = Button("Got it", "dismiss") if self.messages else None
        self.quit_button = Button("Quit", "quit", style="quiet")  # in the corner, where Back sits elsewhere
        self.buttons = ([self.dismiss] if self.dismiss else []) + items + [self.quit_button]

    def layout(self, size: tuple[int, int]) -> None:
        keep = self.focused.action if self.buttons else ("dismiss" if self.messages else "play")
        self._build()
        t = self.theme
        w, h = size
        m = t.margin
        wide = w >= h * 1.25
        left_w = int(w * 0.5) if wide else w - 2 * m
        x = m + t.space(2) if wide else m
        col_w = min(left_w - x, int(t.body_px * 21))
        qw = self.quit_button.natural_width(t) + t.space(1)
        self.quit_button.place(pygame.Rect(w - m - qw, m, qw, self.quit_button.measure(t, qw)))
        y = self.quit_button.box.bottom + t.space(1) if self.messages else m
        # a notice about saved data, first
        self.notice_rect = None
        if self.messages:
            text = "\n".join(self.messages)
            nw = w - 2 * m
            tw = nw - t.space(4) - self.dismiss.natural_width(t) - t.space(2)
            nh = measure(t.font("body"), text, tw) + t.space(2)
            bw = self.dismiss.natural_width(t)
            bh = self.dismiss.measure(t, bw)
            nh = max(nh, bh + t.space(2))
            self.notice_rect = pygame.Rect(m, y, nw, nh)
            self.notice_text = pygame.Rect(m + t.space(2), y + t.space(1), tw, nh - t.space(2))
            self.dismiss.place(pygame.Rect(self.notice_rect.right - t.space(2) - bw, y + (nh - bh) // 2, bw, bh))
            y = self.notice_rect.bottom + t.space(2)
        display = t.font("display")
        self.name_rect = pygame.Rect(x, y, col_w, display.get_height())
        y = self.name_rect.bottom
        self.tag_rect = pygame.Rect(x, y, col_w, measure(t.font("h2"), TAGLINE, col_w))
        y = self.tag_rect.bottom + t.space(0.5)
        self.sub_rect = pygame.Rect(x, y, col_w, measure(t.font("body"), SUBTITLE, col_w))
        y = self.sub_rect.bottom + t.space(2)
        # the menu: one column when it fits, else two
        gap = t.space(0.7)
        need = sum(b.measure(t, col_w) for b in self.menu) + gap * (len(self.menu) - 1)
        if y + need <= h - m:
            stack_buttons(self.menu, t, x, y, col_w, gap)
        else:
            narrow = w - x - m if not wide else max(col_w, int(w * 0.56) - x)
            # beside the art two or three to a row; where that does not fit, across the whole window
            tries = [(narrow, 2), (narrow, 3), (w - x - m, 3), (w - x - m, 4)]
            top = y
            for width, per_row in tries:
                y = top
                first = self.menu[0]
                fh = first.measure(t, width)
                first.place(pygame.Rect(x, y, width, fh))
                y += fh + gap
                rest = self.menu[1:]
                for i in range(0, len(rest), per_row):
                    rh = row_buttons(rest[i : i + per_row], t, pygame.Rect(x, y, width, 0), gap)
                    y += rh + gap
                if y - gap <= h - m:
                    break
        # centre the name and the menu in the height left over (not when a notice sits on top)
        bottom = max(b.box.bottom for b in self.menu)
        shift = 0 if self.messages else max(0, (h - m - bottom) // 2 - m // 2)
        for r in (self.name_rect, self.tag_rect, self.sub_rect):
            r.move_ip(0, shift)
        for b in self.menu:
            b.box.move_ip(0, shift)
        self.art_rect = None
        if wide:
            right = max(b.box.right for b in self.menu) + t.space(3)
            aw = w - right - m
            ah = min(h - m * 4, int(aw * 0.8), int(h * 0.6))
            self.art_rect = pygame.Rect(right, 0, aw, ah)
            self.art_rect.centery = h // 2 + m
        self.set_focus(self.button_for(keep) or self.menu[0])

    def update(self, dt: float) -> bool:
        return self.view.update(dt, self.theme.reduced_motion)

    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        art = self.art_rect if self.art_rect is not None and self.art_rect.width > t.body_px * 8 else None
        lamp = art.inflate(art.width // 3, art.height // 3) if art is not None and not t.high_contrast else None
        self.app.draw_background(surface, glow=None if lamp is None else (lamp, c.accent))  # a light behind them
        if art is not None:
            self.app.live.draw(surface, art, lambda s: self.view.draw(s, art, t))  # moves; the rest stays
        if self.notice_rect is not None:
            draw_panel(surface, self.notice_rect, t, fill=c.raised, edge=c.accent)
            draw_text(surface, "\n".join(self.messages), t.font("body"), c.text, self.notice_text)
        draw_text(surface, "Attune", t.font("display"), c.accent, self.name_rect)
        draw_text(surface, TAGLINE, t.font("h2"), c.text, self.tag_rect)
        draw_text(surface, SUBTITLE, t.font("body"), c.text_dim, self.sub_rect)
        self.draw_buttons(surface)

    def on_button(self, button: Button) -> None:
        a = button.action
        if a == "dismiss":
            self.messages = []
            self.layout(self.app.size)
        elif a == "play":
            card = suggested_card(self.app.library.decks, self.app.store)
            if card is None:
                self._open_decks()
            else:
                from .solo import play_card

                play_card(self.app, card, done=self._after_card)
        elif a == "workshop":
            from .workshop.flow import open_workshop

            open_workshop(self.app, done=self._refresh)
        elif a == "together":
            from .together.flow import start_together

            start_together(self.app, self._refresh)
        elif a == "decks":
            self._open_decks()
        elif a == "quit":
            self.app.quit()
        else:
            self.app.push(_screen(a), self._refresh, **({"first_run": False} if a == "intro" else {}))

    def _open_decks(self) -> None:
        from .decks import DecksScene

        self.app.push(DecksScene, self._refresh)

    def _after_card(self, result: str | None) -> None:
        if result == "decks":
            self._open_decks()
        else:
            self._refresh()

    def _refresh(self, result: Any = None) -> None:
        self.layout(self.app.size)  # the suggested card may have changed

    def back(self) -> None:
        """Esc on the title does nothing: Quit is a button, so a stray Esc never closes the game."""


def _screen(action: str) -> type[Scene]:
    """The screen a title button opens, imported when first asked for (a quicker start)."""
    if action == "progress":
        from .progress import ProgressScene

        return ProgressScene
    if action == "intro":
        from .intro import IntroScene

        return IntroScene
    if action == "settings":
        from .settings import SettingsScene

        return SettingsScene
    from .about import AboutScene

    return AboutScene
