"""Your progress: attunement over time, the moves chosen, and the figures beside their guides, per profile.

Every number comes from the store (`totals()`, `history()`, `move_counts()`);
this screen only draws them. The profile row switches between the people who
play on this computer and adds a new one: "New profile" opens a name field
that takes typed text in the app's typing mode (Enter adds, Esc cancels). The page scrolls with the
wheel, Page Up/Down, Home/End, and the arrows once the focus has no further
to go.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pygame

from game.core import scoring
from game.core.debrief import FigureRow, figure_rows
from game.core.model import Move

from ..intents import BACK, ERASE, TEXT, Intent
from ..widgets import Button, ScrollColumn, draw_meter, draw_panel, draw_text, measure, meter_height
from ..widgets.chart import BarRow, ChartPoint, LineChart, MoveBars
from ..widgets.textfield import TextField
from ..widgets.toggle import OptionButton
from .base import Scene

TITLE = "Your progress"
TWO_COLUMNS_EMS = 40  # wider than this, figures and moves sit side by side
NAME_MAX = 32
GUIDES_NOTE = "The guides come from research on listening and on couples. Read them as guides, never as verdicts."
EMPTY = (
    "Nothing here yet. Play a card, and each play will show here: your attunement over time, "
    "the moves you chose, and your figures beside their guides."
)
TYPE_HINT = "Type a name, then press Enter. Esc cancels."


def _day(when: str) -> str:
    try:
        d = datetime.fromisoformat(when)
    except ValueError:
        return ""
    return f"{d.day} {d.strftime('%b %Y')}"


class ProgressScene(Scene):
    name = "progress"

    def enter(self) -> None:
        self.column = ScrollColumn()
        self.field = TextField(max_len=NAME_MAX, placeholder="A name")
        self.editing = False
        self.hint = TYPE_HINT
        self.texts: list[tuple[str, str, pygame.Rect, str]] = []  # role, text, rect, colour name
        self.panels: list[pygame.Rect] = []
        self.meters: list[tuple[pygame.Rect, FigureRow]] = []
        self.bars: list[tuple[MoveBars, tuple[int, int]]] = []
        self.chart: LineChart | None = None
        self.field_rect: pygame.Rect | None = None

    # -- building --------------------------------------------------------
    def _build(self) -> None:
        store = self.app.store
        col = self.column
        names = store.profiles()
        self.profile_buttons = [OptionButton(n, ("profile", n), selected=n == store.profile, column=col) for n in names]
        self.new_button = Button("New profile\u2026", "new", column=col)
        self.add_button = Button("Add", "add", style="primary", column=col)
        self.cancel_button = Button("Cancel", "cancel", column=col)

    def layout(self, size: tuple[int, int]) -> None:
        keep = self.focused.action if self.buttons else "back"
        self._build()
        t = self.theme
        w, h = size
        area = self.layout_page(TITLE)
        x, top, cw = area.x, area.top, area.width
        self.texts, self.panels, self.meters, self.bars = [], [], [], []
        self.chart = None
        y = top + t.space(0.5)
        y = self._layout_profiles(x, y, cw)
        store = self.app.store
        plays = store.history()
        y = self._text("body", self._summary(plays), x, y, cw, "dim") + t.space(1.5)
        if not plays:
            y = self._empty_panel(x, y, cw, EMPTY)
        else:
            y = self._layout_chart(plays, x, y, cw, h)
            two = cw >= t.body_px * TWO_COLUMNS_EMS
            gap = t.space(3)
            col_w = (cw - gap) // 2 if two else cw
            y1 = self._layout_figures(x, y, col_w)
            bx = x + col_w + gap if two else x
            y2 = self._layout_moves(bx, y if two else y1 + t.space(2), col_w)
            y = max(y1, y2) if two else y2
        y += t.space(2)
        self.column.set_view(pygame.Rect(0, top, w, h - top), y - top)
        order = [*self.profile_buttons]
        order += [self.add_button, self.cancel_button] if self.editing else [self.new_button]
        self.buttons = [*order, self.back_button]
        if self.editing:
            self.set_focus(self.add_button)
        else:
            self.set_focus(self.button_for(keep) or self.back_button)

    def _text(self, role: str, text: str, x: int, y: int, width: int, colour: str = "text") -> int:
        """Lay out one wrapped text; returns the y below it."""
        r = pygame.Rect(x, y, width, measure(self.theme.font(role), text, width))
        self.texts.append((role, text, r, colour))
        return r.bottom

    def _summary(self, plays: list[Any]) -> str:
        n = len(plays)
        who = self.app.store.profile
        if not n:
            return f"No plays yet for {who}."
        last = plays[-1]
        card = self.app.library.card(last.card_id)
        title = card.title if card is not None else last.card_id
        count = "One play" if n == 1 else f"{n} plays"
        return f"{count} for {who}. Latest: {title}, which ended {last.ending.label.lower()}."

    def _empty_panel(self, x: int, y: int, width: int, text: str) -> int:
        t = self.theme
        pad = t.space(2)
        inner = min(width - 2 * pad, round(t.body_px * 34))
        th = measure(t.font("body"), text, inner)
        panel = pygame.Rect(x, y, inner + 2 * pad, th + 2 * pad)
        self.panels.append(panel)
        self._text("body", text, x + pad, y + pad, inner)
        return panel.bottom + t.space(2)

    def _layout_profiles(self, x: int, y: int, width: int) -> int:
        t = self.theme
        y = self._text("h2", "Profile", x, y, width) + t.space(0.8)
        gap = t.space(0.8)
        flow = [*self.profile_buttons] + ([] if self.editing else [self.new_button])
        cx, row_h = x, 0
        for b in flow:
            bw = min(width, b.natural_width(t))
            bh = b.measure(t, bw)
            if cx > x and cx + bw > x + width:
                cx, y, row_h = x, y + row_h + gap, 0
            b.place(pygame.Rect(cx, y, bw, bh))
            cx += bw + gap
            row_h = max(row_h, bh)
        y += row_h
        self.field_rect = None
        if self.editing:
            y += gap
            y = self._text("small", self.hint, x, y, width, "dim") + t.space(0.5)
            fh = TextField.height(t)
            bws = [b.natural_width(t) for b in (self.add_button, self.cancel_button)]
            fw = min(width, round(t.body_px * 16))
            if fw + sum(bws) + 2 * gap <= width:
                self.field_rect = pygame.Rect(x, y, fw, fh)
                bx = x + fw + gap
                for b, bw in zip((self.add_button, self.cancel_button), bws, strict=True):
                    bh = b.measure(t, bw)
                    b.place(pygame.Rect(bx, y + (fh - bh) // 2, bw, bh))
                    bx += bw + gap
                y += max(fh, max(b.box.height for b in (self.add_button, self.cancel_button)))
            else:
                self.field_rect = pygame.Rect(x, y, width, fh)
                y += fh + gap
                bx = x
                bh = max(b.measure(t, bw) for b, bw in zip((self.add_button, self.cancel_button), bws, strict=True))
                for b, bw in zip((self.add_button, self.cancel_button), bws, strict=True):
                    b.place(pygame.Rect(bx, y, min(bw, width), bh))
                    bx += bw + gap
                y += bh
        return y + t.space(1.5)

    def _layout_chart(self, plays: list[Any], x: int, y: int, width: int, win_h: int) -> int:
        t = self.theme
        y = self._text("h2", "Attunement over time", x, y, width) + t.space(0.8)
        if len(plays) == 1:
            p = plays[0]
            text = (
                f"One play so far, with {round(p.attunement)}% attunement. Play another card and a line "
                "will start here, showing how your listening changes over time."
            )
            return self._empty_panel(x, y, width, text)
        most = max(2, width // max(1, t.space(2.6)))
        shown = plays[-most:]
        first = len(plays) - len(shown) + 1
        points = [ChartPoint(p.attunement, p.ending, str(first + i)) for i, p in enumerate(shown)]
        when = [d for d in (_day(shown[0].when), _day(shown[-1].when)) if d]
        span = f", {when[0]} to {when[-1]}" if len(when) == 2 and when[0] != when[-1] else ""
        if len(shown) < len(plays):
            x_title = f"Your last {len(shown)} plays, numbered from your first{span}"
        else:
            x_title = f"Each play, oldest to newest{span}"
        total = self.app.store.totals().attunement
        self.chart = LineChart(
            points, "Attunement in each play", x_title, guide=(total, f"All your plays: {round(total)}%")
        )
        plot_h = max(t.body_px * 6, min(t.body_px * 13, round(win_h * 0.34)))
        ch = self.chart.extra_height(t, width) + plot_h
        self.chart.layout(t, pygame.Rect(x, y, width, ch))
        return y + ch + t.space(2.5)

    def _layout_figures(self, x: int, y: int, width: int) -> int:
        t = self.theme
        y = self._text("h2", "Your figures", x, y, width) + t.space(0.4)
        y = self._text("small", GUIDES_NOTE, x, y, width, "dim") + t.space(1.2)
        for fig in figure_rows(self.app.store.totals(), across_plays=True):  # the debrief's table, over every play
            mh = meter_height(t, width, fig.label, fig.note, fig.value, guides=list(fig.guides))
            self.meters.append((pygame.Rect(x, y, width, mh), fig))
            y += mh + t.space(1.6)
        return y

    def _layout_moves(self, x: int, y: int, width: int) -> int:
        t = self.theme
        counts = self.app.store.move_counts()
        rows = [(m, counts.get(m.value, 0)) for m in Move]
        top = max((c for _, c in rows), default=0)
        helpful = [BarRow(m.label, c) for m, c in rows if scoring.POINTS[m] >= 0]
        poor = [BarRow(m.label, c) for m, c in rows if scoring.POINTS[m] < 0]
        label_w = max(t.font("body").size(m.label)[0] for m in Move) + 2
        for title, group, good in (("Moves that help", helpful, True), ("Moves that keep the loop going", poor, False)):
            bars = MoveBars(title, group, helpful=good, top=top)
            bh = bars.layout(t, width, label_w=min(label_w, width // 2))
            self.bars.append((bars, (x, y)))
            y += bh + t.space(2)
        return y

    # -- drawing ---------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        self.draw_header(surface)
        with self.column.clipped(surface) as dy:
            for panel in self.panels:
                draw_panel(surface, panel.move(0, dy), t)
            for role, text, r, colour in self.texts:
                draw_text(
                    surface, text, t.font(role), getattr(c, "text_dim" if colour == "dim" else "text"), r.move(0, dy)
                )
            if self.field_rect is not None:
                self.field.draw(surface, self.field_rect.move(0, dy), t, active=True)
            if self.chart is not None:
                self.chart.draw(surface, t, dy)
            for rect, fig in self.meters:
                draw_meter(surface, rect.move(0, dy), t, fig.label, fig.fraction, fig.value, list(fig.guides), fig.note)
            for bars, (bx, by) in self.bars:
                bars.draw(surface, t, (bx, by + dy))
        self.column.draw_bar(surface, t)
        self.draw_buttons(surface)

    # -- input -----------------------------------------------------------
    def handle(self, intent: Intent) -> bool:
        if self.editing and intent.kind in (TEXT, ERASE, BACK):
            if intent.kind == TEXT:
                self.field.insert(intent.text)
            elif intent.kind == ERASE:
                self.field.backspace()
            else:  # Esc while typing cancels the name, not the screen
                self._stop_editing()
            return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        a = button.action
        if isinstance(a, tuple) and a[0] == "profile":
            self._switch(a[1])
        elif a == "new":
            self._start_editing()
        elif a == "add":
            self._add()
        elif a == "cancel":
            self._stop_editing()

    def _switch(self, name: str) -> None:
        if self.editing:
            self._stop_editing(relayout=False)
        self.app.store.set_profile(name)
        self.column.offset = 0
        self.layout(self.app.size)
        self.set_focus(self.button_for(("profile", self.app.store.profile)))

    def _add(self) -> None:
        name = " ".join(self.field.text.split())
        if not name:
            self.hint = "Type a name first, then press Enter. Esc cancels."
            self.layout(self.app.size)
            return
        self._switch(name)

    # -- typing a name ---------------------------------------------------
    def _start_editing(self) -> None:
        self.editing = True
        self.field.clear()
        self.hint = TYPE_HINT
        self.app.start_typing(self)
        self.layout(self.app.size)
        if self.field_rect is not None:
            self.column.show(self.field_rect)

    def _stop_editing(self, relayout: bool = True) -> None:
        self.editing = False
        self.app.stop_typing(self)
        if relayout:
            self.layout(self.app.size)
            self.set_focus(self.new_button)
