"""A one-line text field for a short name, typed from the keyboard.

    field = TextField(max_len=32, placeholder="Type a name")
    field.insert("Sam"); field.backspace()
    h = field.height(theme)
    field.draw(surface, rect, theme, active=True)

The field only holds and draws text. The scene that shows it asks the app
for typing mode (`app.start_typing(scene)`, see app.py) and hands the field
what arrives: a TEXT intent's `intent.text` to `insert`, ERASE (Backspace)
to `backspace`. A steady caret marks where typing goes, so nothing needs to
blink and the game can sleep while the player thinks. When the text is wider
than the field, its end stays in view.
"""

from __future__ import annotations

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
