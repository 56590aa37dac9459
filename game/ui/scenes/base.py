"""The Scene base class: life, focus, input and the standard pieces every screen shares.

How to add a screen
-------------------
1. Make a module `game/ui/scenes/<name>.py`; in it, subclass `Scene` and
   give the class a `name` (used in fit reports and tests, never to decide
   what happens).
2. Open it with `self.app.push(YourScene, callback, **params)`; the params
   arrive as keyword arguments to `__init__(self, app, **params)`.
3. Close it with `self.close(result)`; the opener's `callback(result)` runs.
   What follows a scene is decided by whoever opened it (see solo.py for the
   play -> name the fear -> debrief flow), never by a scene looking at
   another's name. `self.app.replace(YourScene, **params)` swaps the top.

Keys: `keys` names the key table the scene reads (intents.py): SOLO_KEYS by
default; a couple's screens take COUPLES_KEYS, a workshop's CLICKER_KEYS.

A scene's life: `__init__` -> `enter()` -> `layout(size)` (again on every
resize and settings change) -> many `handle(intent)`, `update(dt)`,
`draw(surface)` -> `leave()`. `draw()` never changes state. `update(dt)`
returns True while something animates, so the game can sleep otherwise.

Buttons and focus: put `Button`s in `self.buttons` in reading order and
place them in `layout`. The base `handle` then gives keyboard and mouse
access for free: arrows move the focus to the nearest button that way, Tab
and Shift+Tab go through them in order, Enter or a click activates one
(calling `on_button(button)`), a number key activates the button whose
`key` is that number, the wheel and Page Up/Down scroll `self.column`,
and up and down scroll it too where the focus cannot take them further
(see `move`), Esc calls `back()` (which closes the scene). Override `handle` for more
and call `super().handle(intent)` for the rest.

Typing: `self.app.start_typing(self)` puts the app in typing mode while
this scene is on top: letters, digits, space and P then arrive as TEXT
intents (with `intent.text`) instead of picks, confirms and pauses,
Backspace as ERASE, and Enter, Esc, Tab and the arrows keep their meaning.
`self.app.stop_typing(self)` ends it; closing the scene ends it too.

A standard header: `y = self.layout_header(title)` places the screen title
and a Back button (`self.back_button`, included in `self.buttons` by
`layout_header`) and returns the y where content starts. A scrolling page
calls `area = self.layout_page(title, max_width)` instead: the header, then
the rect its content goes in (centred, clear of the scroll bar).

Leaving with a question: `ask_to_leave(self, title, text)` (overlay.py) asks
"Stay" or "Leave" with the focus on Stay, and closes the scene when the player
leaves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from ..intents import (
    BACK,
    CLICK,
    CONFIRM,
    DIGIT,
    JUMP,
    MOVE,
    NEXT,
    PAGE,
    PICK,
    POINT,
    PREV,
    SCROLL,
    SOLO_KEYS,
    Intent,
    KeyTable,
)
from ..theme import HEADER_SHARE, Theme
from ..widgets import Button, ScrollColumn, draw_text, elide, measure

if TYPE_CHECKING:
    from ..app import App


class Scene:
    opaque = True  # False for an overlay: the scene below is drawn first, dimmed
    name = ""  # what fit reports and tests call the screen (the class name when empty)
    keys: KeyTable = SOLO_KEYS  # the key table this scene reads (intents.py)

    def __init__(self, app: App, **params: Any) -> None:
        self.app = app
        self.params = params
        self.buttons: list[Button] = []
        self.focus = 0
        self.column: ScrollColumn | None = None  # the scrollable part, if any
        self.back_button: Button | None = None
        self._title = ""
        self._title_rect = pygame.Rect(0, 0, 0, 0)

    # -- life ------------------------------------------------------------
    @property
    def theme(self) -> Theme:
        return self.app.theme

    def enter(self) -> None:
        """Called once, when the scene is opened, before the first layout."""

    def leave(self) -> None:
        """Called once, when the scene is closed."""

    def layout(self, size: tuple[int, int]) -> None:
        """Place everything from the window size and `self.theme`."""

    def update(self, dt: float) -> bool:
        """Advance animations by dt seconds; True while anything still moves."""
        return False

    def draw(self, surface: pygame.Surface) -> None:
        self.app.draw_background(surface)
        self.draw_header(surface)
        self.draw_buttons(surface)

    def on_reload(self) -> None:
        """The decks were reloaded from disk (F5): refresh what is shown."""
        self.layout(self.app.size)

    def on_button(self, button: Button) -> None:
        """A button was activated by key or mouse."""

    def back(self) -> None:
        """Esc or the Back button: close the scene."""
        self.close()

    def close(self, result: Any = None) -> None:
        if self.app.top is self:
            self.app.pop(result)

    # -- focus and input -------------------------------------------------
    @property
    def focused(self) -> Button | None:
        live = [b for b in self.buttons if b.enabled]
        if not live:
            return None
        if not 0 <= self.focus < len(self.buttons) or not self.buttons[self.focus].enabled:
            self.focus = self.buttons.index(live[0])
        return self.buttons[self.focus]

    def set_focus(self, button: Button | None) -> None:
        if button is None or button not in self.buttons:
            return
        self.focus = self.buttons.index(button)
        if button.column is not None:
            button.column.show(button.box)

    def button_for(self, action: Any) -> Button | None:
        return next((b for b in self.buttons if b.action == action), None)

    def activate(self, button: Button) -> None:
        if not button.enabled:
            return
        self.set_focus(button)
        if button is self.back_button:
            self.back()
        else:
            self.on_button(button)
        self.app.sound.play("select")  # afterwards, so a volume button is heard at the level it set

    def move_focus(self, dx: int, dy: int) -> None:
        """Move the focus to the nearest enabled button in a direction."""
        current = self.focused
        live = [b for b in self.buttons if b.enabled and b is not current]
        if current is None or not live:
            return
        cx, cy = current.box.center
        cur = current.box
        best, best_cost = None, None
        for b in live:
            bx, by = b.box.center
            ddx, ddy = bx - cx, by - cy
            along = ddx * dx + ddy * dy
            if along <= 0:
                continue
            across = abs(ddy) if dx else abs(ddx)
            # a button in the same row (for left and right) or column (for up and down) comes first
            if dx:
                level = b.box.bottom > cur.top and b.box.top < cur.bottom
            else:
                level = b.box.right > cur.left and b.box.left < cur.right
            cost = (0 if level else 1, along + across * 2)
            if best_cost is None or cost < best_cost:
                best, best_cost = b, cost
        if best is None:  # nothing that way: step in reading order
            self.step_focus(1 if dx + dy > 0 else -1, wrap=False)
        else:
            self.set_focus(best)

    def step_focus(self, step: int, wrap: bool = True) -> None:
        live = [b for b in self.buttons if b.enabled]
        if not live:
            return
        current = self.focused
        i = live.index(current) if current in live else 0
        j = i + step
        if wrap:
            j %= len(live)
        else:
            j = max(0, min(len(live) - 1, j))
        self.set_focus(live[j])

    def handle(self, intent: Intent) -> bool:
        """Default input: focus, activation, scrolling, back. True when the intent was used."""
        k = intent.kind
        if k == MOVE:
            self.move(intent.dx, intent.dy)
            return True
        if k in (NEXT, PREV):
            self.step_focus(1 if k == NEXT else -1)
            return True
        if k == CONFIRM:
            b = self.focused
            if b is not None:
                self.activate(b)
            return b is not None
        if k == PICK or (k == DIGIT and 1 <= intent.index <= 6):
            number = intent.index + 1 if k == PICK else intent.index
            b = next((b for b in self.buttons if b.enabled and b.key == str(number)), None)
            if b is not None:
                self.activate(b)
            return b is not None
        if k == POINT and intent.pos is not None:
            b = next((b for b in self.buttons if b.hit(intent.pos)), None)
            if b is not None and b is not self.focused:
                self.focus = self.buttons.index(b)
            return b is not None
        if k == CLICK and intent.pos is not None:
            b = next((b for b in self.buttons if b.hit(intent.pos)), None)
            if b is not None:
                self.activate(b)
            return b is not None
        if k in (SCROLL, PAGE) and self.column is not None:
            if k == PAGE:
                moved = self.column.page(intent.dy)
            else:
                moved = self.column.scroll_by(intent.dy * self.theme.space(5))
            self.keep_focus_in_view(intent.dy)
            return moved
        if k == BACK:
            self.back()
            return True
        return False

    def move(self, dx: int, dy: int) -> None:
        """An arrow key: move the focus, and scroll the column where the arrow means "read on".

        When no button sits in the column (a page to read), up and down scroll
        it first and move the focus only once it can scroll no further. When
        buttons sit in it, the focus moves first, and the column scrolls once
        the focus can go no further that way.
        """
        col = self.column
        if not dy or col is None:
            self.move_focus(dx, dy)
            return
        step = dy * self.theme.space(4)
        if not self.buttons_in_column():
            if not col.scroll_by(step):
                self.move_focus(dx, dy)
            return
        before = self.focused
        self.move_focus(dx, dy)
        if self.focused is before:
            col.scroll_by(step)

    def keep_focus_in_view(self, dy: int) -> None:
        """After the column scrolled: a focus it carried out of sight comes to the nearest of its buttons in
        view (the first after Home, the last after End), so Enter never acts on a button nobody can see."""
        col, current = self.column, self.focused
        if col is None or current is None or current.column is not col or col.visible(current.box):
            return
        mine = [b for b in self.buttons if b.enabled and b.column is col]
        shown = [b for b in mine if col.view.contains(col.to_screen(b.box))] or [b for b in mine if col.visible(b.box)]
        if shown:
            jump = abs(dy) >= JUMP  # Home or End: the first or the last; else the one nearest where it was
            self.set_focus(shown[0] if (dy < 0) == jump else shown[-1])

    def buttons_in_column(self) -> bool:
        return any(b.column is self.column for b in self.buttons)

    # -- standard pieces -------------------------------------------------
    def layout_header(self, title: str, back_label: str = "Back") -> int:
        """Place the screen title and a Back button at the top; returns where content starts."""
        t = self.theme
        m = t.margin
        w, _ = self.app.size
        if self.back_button is None or self.back_button.label != back_label:
            self.back_button = Button(back_label, action="back", style="quiet")
        if self.back_button not in self.buttons:
            self.buttons.append(self.back_button)
        bw = self.back_button.natural_width(t) + t.space(1)
        bh = self.back_button.measure(t, bw)
        self.back_button.place(pygame.Rect(w - m - bw, m, bw, bh))
        font = t.font("h1")
        title_w = w - 2 * m - bw - t.space(2)
        most = max(1, int(self.app.size[1] * HEADER_SHARE) // t.line_height("h1"))
        self._title = title = elide(font, title, title_w, lines=most)  # a title past its limit ends in "..."
        th = measure(font, title, title_w)
        self._title_rect = pygame.Rect(m, m + max(0, (bh - font.get_height()) // 2), title_w, th)
        return max(self._title_rect.bottom, self.back_button.box.bottom) + t.space(1.5)

    def layout_page(self, title: str, max_width: int | None = None, back_label: str = "Back") -> pygame.Rect:
        """A scrolling page: the header (see `layout_header`), then the rect its content goes in.

        The rect runs from below the header to the window's foot, within the
        margins and clear of the scroll bar's gutter at the right; it is at
        most `max_width` wide, centred. `self.buttons` is emptied first: set
        them once they are placed.
        """
        t = self.theme
        w, h = self.app.size
        self.buttons = []
        top = self.layout_header(title, back_label)
        room = w - 2 * t.margin - ScrollColumn.gutter(t)
        width = room if max_width is None else min(room, max_width)
        return pygame.Rect(t.margin + (room - width) // 2, top, width, h - top)

    def draw_header(self, surface: pygame.Surface) -> None:
        if self._title:
            draw_text(surface, self._title, self.theme.font("h1"), self.theme.colour.text, self._title_rect)

    def draw_buttons(self, surface: pygame.Surface, buttons: list[Button] | None = None) -> None:
        """Draw buttons (all of them by default), each with its focus ring when focused."""
        focused = self.focused
        for b in self.buttons if buttons is None else buttons:
            if b.column is not None and not b.column.visible(b.box):
                continue
            if b.column is not None:
                with b.column.clipped(surface):
                    b.draw(surface, self.theme, focused=b is focused)
            else:
                b.draw(surface, self.theme, focused=b is focused)
