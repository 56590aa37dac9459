"""How to play: four short pages for a first run, skippable at every page, reachable again from the title.

    app.push(IntroScene, callback, first_run=True)

What the game rewards, the two fears, the three ways shame shows, and how to
play, in under a minute of reading. Skip (the button, or Esc) and the last
page's button both mark the intro as seen and save that, so a first run
shows it once. Next and Previous turn the pages, as do Page Down and Page Up
(a presentation clicker); the arrows move the focus and, when a page is
taller than the screen at a large text size, scroll it.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core import scoring

from ..intents import BACK, MOVE, PAGE, Intent
from ..widgets import Button, ScrollColumn, draw_panel, draw_text, measure
from ..widgets.prose import Block, Columns, Framed, Heading, Item, Para, Prose, Quote
from .base import Scene

TITLE = "How to play"
FIRST_TITLE = "Welcome to Attune"
NOT_ENOUGH = "Can sound like a complaint: \u201cYou never notice what I do.\u201d"
TOO_MUCH = "Can sound like backing off: \u201cForget it. It doesn't matter.\u201d"
CONTENT_EMS = 34  # the widest a page gets, in body-text sizes: about 65 characters a line


def pages() -> list[list[Block]]:
    return [
        [
            Heading("Hear the fear beneath the words"),
            Quote("On the surface", "\u201cYou could have just texted. It takes two seconds.\u201d"),
            Quote("Underneath", "I was afraid I'm not enough for you to remember.", beneath=True, gap_after=1.4),
            Para(
                "Attune rewards hearing that fear and saying it back. Not the right advice, "
                "not winning the point: showing that you understood."
            ),
        ],
        [
            Heading("Two fears"),
            Para("Most sharp words in a couple cover one of two fears."),
            Columns(
                [
                    Framed([Heading("\u201cI am not enough\u201d", accent=True), Para(NOT_ENOUGH)]),
                    Framed([Heading("\u201cI am too much\u201d", accent=True), Para(TOO_MUCH)]),
                ]
            ),
        ],
        [
            Heading("Three ways shame shows"),
            Para("When a fear is touched, people protect themselves, in a partner and in you:"),
            Item("1", "Blaming yourself", "Trying harder, apologising for everything."),
            Item("2", "Withdrawing", "Going quiet, shutting down, changing the subject."),
            Item("3", "Blaming or attacking", "Pushing the hurt back out at the other person."),
            Para("Each keeps the loop going. Listening lets it soften."),
        ],
        [
            Heading("Playing a card"),
            Item("1", "Read the line", "The setting, then what your partner says."),
            Item("2", "Pick an answer", "Press 1 to 4, or click it."),
            Item("3", "Watch the loop", "It softens or escalates between you."),
            Item("4", "Pause with P", "Ask: what is my vulnerable fear right now?"),
            Item("5", "Name the fear", "Which one sat under their words?"),
            Item("6", "Read the debrief", "Each move named, and better words where they help."),
            Para(scoring.ATTUNEMENT_MEANING, "small"),
        ],
    ]


class IntroScene(Scene):
    name = "intro"

    def __init__(self, app: Any, first_run: bool = False, **params: Any) -> None:
        super().__init__(app, **params)
        self.first_run = first_run
        self.page = 0
        self.pages = [Prose(blocks) for blocks in pages()]
        self.column = ScrollColumn()
        self.prev_button = Button("Previous", "prev")
        self.next_button = Button("Next", "next", style="primary")
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.dots_rect = pygame.Rect(0, 0, 0, 0)
        self.count_rect = pygame.Rect(0, 0, 0, 0)
        self.finished = False

    @property
    def last(self) -> bool:
        return self.page == len(self.pages) - 1

    # -- layout ----------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        keep = self.focused.action if self.buttons else "next"
        t = self.theme
        w, h = size
        m = t.margin
        self.buttons = []
        top = self.layout_header(FIRST_TITLE if self.first_run else TITLE, back_label="Skip")
        self.prev_button.enabled = self.page > 0
        self.next_button.label = ("Let's begin" if self.first_run else "Done") if self.last else "Next"
        # the footer: Previous at the left, the page count in the middle, Next at the right
        cw = min(w - 2 * m, round(t.body_px * CONTENT_EMS))
        x = (w - cw) // 2
        bw = max(self.prev_button.natural_width(t), self.next_button.natural_width(t), t.space(9))
        bw = min(bw, cw // 3)
        bh = max(self.prev_button.measure(t, bw), self.next_button.measure(t, bw))
        fy = h - m - bh
        self.prev_button.place(pygame.Rect(x, fy, bw, bh))
        self.next_button.place(pygame.Rect(x + cw - bw, fy, bw, bh))
        small = t.font("small")
        mid_w = cw - 2 * bw - t.space(2)
        count_h = measure(small, self.count_text, mid_w)
        dot_h = t.space(1.2)
        block = dot_h + t.space(0.5) + count_h
        self.dots_rect = pygame.Rect(x + bw + t.space(1), fy + (bh - block) // 2, mid_w, dot_h)
        self.count_rect = pygame.Rect(self.dots_rect.x, self.dots_rect.bottom + t.space(0.5), mid_w, count_h)
        # the page, in a panel; scrolled when it is taller than the room
        pad = t.space(2)
        room = fy - t.space(1.5) - top
        prose = self.pages[self.page]
        inner_w = cw - 2 * pad - ScrollColumn.gutter(t)
        tallest = max(p.layout(t, inner_w) for p in self.pages)  # one panel size for every page: nothing jumps
        need = prose.layout(t, inner_w)
        ph = min(room, tallest + 2 * pad)
        self.panel = pygame.Rect(x, top + max(0, (room - ph) // 3), cw, ph)
        self.column.set_view(self.panel.inflate(-pad, -pad), need + pad)
        self.prose_origin = (self.panel.x + pad, self.panel.y + pad)
        self.buttons = [self.back_button, self.prev_button, self.next_button]
        self.set_focus(self.button_for(keep) or self.next_button)
        if not self.focused or not self.focused.enabled:
            self.set_focus(self.next_button)

    @property
    def count_text(self) -> str:
        return f"Page {self.page + 1} of {len(self.pages)}"

    # -- drawing ---------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        self.draw_header(surface)
        draw_panel(surface, self.panel, t)
        with self.column.clipped(surface) as dy:
            x, y = self.prose_origin
            self.pages[self.page].draw(surface, t, (x, y + dy), view=self.column.view)
        self.column.draw_bar(surface, t)
        self._draw_dots(surface)
        draw_text(surface, self.count_text, t.font("small"), c.text_dim, self.count_rect, align="center")
        self.draw_buttons(surface)

    def _draw_dots(self, surface: pygame.Surface) -> None:
        """One dot a page: the current one large and filled, the others small rings."""
        t = self.theme
        c = t.colour
        n = len(self.pages)
        r = self.dots_rect.height // 2
        gap = r * 3
        x0 = self.dots_rect.centerx - (n - 1) * gap // 2
        for i in range(n):
            centre = (x0 + i * gap, self.dots_rect.centery)
            if i == self.page:
                pygame.draw.circle(surface, c.accent, centre, r)
            else:
                pygame.draw.circle(surface, c.text_dim, centre, max(3, r * 2 // 3), width=max(2, t.line_width))

    # -- input -----------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        if intent.kind == PAGE:
            self.turn(intent.dy)
            return True
        if intent.kind == MOVE and intent.dy and self.column.scrollable:
            # a tall page: up and down only scroll, so Up at its top never lands on Skip
            return self.column.scroll_by(intent.dy * self.theme.space(4)) or True
        if intent.kind == BACK:
            self.finish("skipped")
            return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        if button is self.next_button:
            self.turn(1)
        elif button is self.prev_button:
            self.turn(-1)

    def back(self) -> None:
        self.finish("skipped")

    def turn(self, step: int) -> None:
        page = self.page + step
        if page >= len(self.pages):
            self.finish("done")
            return
        if page < 0 or page == self.page:
            return
        self.page = page
        self.column.offset = 0
        self.layout(self.app.size)
        if not self.prev_button.enabled or step > 0:
            self.set_focus(self.next_button)

    def finish(self, result: str) -> None:
        """Mark the intro as seen, save that, and go back to where it was opened from."""
        if self.finished:
            return
        self.finished = True
        store = self.app.store
        store.settings.seen_intro = True
        store.save_settings()
        self.close(result)
