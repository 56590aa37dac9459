"""A one-line text field for a short name, typed from the keyboard.

    field = TextField(max_len=32, placeholder="Type a name")
    field.insert("Sam"); field.backspace()
    h = field.height(theme)
    field.draw(surface, rect, theme, active=True)

The field only holds and draws text; a `TextCapture` (below) feeds it the
keyboard's text (pygame TEXTINPUT events). A steady caret marks where typing
goes, so nothing needs to blink and the game can sleep while the player thinks.
When the text is wider than the field, its end stays in view.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pygame

from ..theme import Theme
from .text import draw_text, render_line


class TextField:
    def __init__(self, text: str = "", max_len: int = 32, placeholder: str = "") -> None:
        self.text = text
        self.max_len = max_len
        self.placeholder = placeholder

    def insert(self, text: str) -> None:
        clean = "".join(ch for ch in text if ch.isprintable() and ch not in "\r\n\t")
        self.text = (self.text + clean)[: self.max_len]

    def backspace(self) -> None:
        self.text = self.text[:-1]

    def clear(self) -> None:
        self.text = ""

    @staticmethod
    def height(theme: Theme) -> int:
        return theme.font("body").get_height() + theme.space(1.6) + 4

    def draw(self, surface: pygame.Surface, rect: pygame.Rect, theme: Theme, active: bool = True) -> None:
        c = theme.colour
        rect = pygame.Rect(rect)
        pygame.draw.rect(surface, c.bg_top, rect, border_radius=theme.radius // 2)
        edge = c.focus if active else c.panel_edge
        pygame.draw.rect(
            surface, edge, rect, width=max(2, theme.line_width + (1 if active else 0)), border_radius=theme.radius // 2
        )
        font = theme.font("body")
        pad = theme.space(0.8)
        inner = rect.inflate(-pad * 2, -pad * 2)
        caret_w = max(2, theme.line_width)
        if not self.text:
            if self.placeholder:
                gap = caret_w + theme.space(0.4)
                box = pygame.Rect(inner.x + gap, inner.y, inner.width - gap, inner.height)
                draw_text(surface, self.placeholder, font, c.text_dim, box, valign="middle")
            x = inner.x
        else:
            img = render_line(font, self.text, c.text)
            old = surface.get_clip()
            surface.set_clip(inner.clip(old))
            room = inner.width - caret_w - 2
            x0 = inner.x if img.get_width() <= room else inner.x + room - img.get_width()
            surface.blit(img, (x0, inner.centery - img.get_height() // 2))
            surface.set_clip(old)
            x = min(inner.right - caret_w, x0 + img.get_width() + 1)
        if active:
            h = font.get_height()
            pygame.draw.rect(surface, c.focus, (x, inner.centery - h // 2, caret_w, h))


class TextCapture:
    """While on, the keyboard types into a field instead of becoming game keys.

        capture = TextCapture(app, field, owner=scene, on_enter=scene.add, on_escape=scene.cancel)
        capture.start()   # letters, digits, space and P now type; Backspace deletes
        capture.stop()    # keys are game keys again (also when `owner` is no longer on top)

    The app turns key presses into intents (pick, pause, confirm...), which
    carry no text; a capture stands in front of `app.dispatch` for as long as
    it is on, takes the text events and the editing keys, and hands the rest
    (Tab, the arrows, F5, F11, the mouse, quitting) to the app as before.
    """

    PASS_KEYS = (pygame.K_TAB, pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT)

    def __init__(
        self, app: Any, field: TextField, owner: Any, on_enter: Callable[[], None], on_escape: Callable[[], None]
    ) -> None:
        self.app = app
        self.field = field
        self.owner = owner
        self.on_enter = on_enter
        self.on_escape = on_escape
        self.active = False

    def start(self) -> None:
        if not self.active:
            self.active = True
            self.app.dispatch = self._dispatch
            pygame.key.start_text_input()

    def stop(self) -> None:
        if self.active:
            self.active = False
            if self.app.__dict__.get("dispatch") == self._dispatch:
                del self.app.dispatch
            pygame.key.stop_text_input()

    def _dispatch(self, event: pygame.event.Event) -> None:
        app_dispatch = type(self.app).dispatch
        if not self.active or self.app.top is not self.owner:
            self.stop()
            app_dispatch(self.app, event)
            return
        if event.type == pygame.TEXTINPUT:
            self.field.insert(event.text)
            return
        if event.type == pygame.KEYDOWN:
            k = event.key
            if k == pygame.K_BACKSPACE:
                self.field.backspace()
                return
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.on_enter()
                return
            if k == pygame.K_ESCAPE:
                self.on_escape()
                return
            if k not in self.PASS_KEYS and not pygame.K_F1 <= k <= pygame.K_F12:
                return  # letters, digits, space and P arrive as text, not as game keys
        app_dispatch(self.app, event)
