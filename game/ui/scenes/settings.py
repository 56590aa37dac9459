"""Settings: text size, high contrast, reduced motion, volume, full screen, and deleting all progress.

Every change applies at once (the app rebuilds the theme and every scene
re-lays out) and is saved straight away, so it is remembered between runs.
The volume moves in steps of ten and plays the select cue at the new level,
so the player hears what they chose. "Delete all progress" asks first, with
the focus on Cancel; it deletes every play in every profile and keeps how the
game looks and sounds, so the screen never changes under the player's eyes.
The foot of the screen says where the data is kept and that nothing leaves
the computer.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.progress import TEXT_SIZES

from ..intents import CLICK, Intent
from ..widgets import Button, ScrollColumn, draw_text, measure, row_buttons
from ..widgets.prose import breakable
from ..widgets.toggle import OptionButton, SwitchButton
from .base import Scene
from .overlay import Confirm

TITLE = "Settings"
CONTENT_EMS = 44  # the widest the settings column gets, in body-text sizes
SIDE_BY_SIDE_EMS = 30  # narrower than this, each control goes under its label
VOLUME_STEPS = 10

ROWS = (
    ("text_size", "Text size", "Larger type for a projector or for tired eyes."),
    ("high_contrast", "High contrast", "Black, white and yellow, with strong edges."),
    ("reduced_motion", "Reduced motion", "Changes happen at once, without easing."),
    ("volume", "Sound volume", "Gentle cues as the loop moves. At 0% the game is silent."),
    ("fullscreen", "Full screen", "F11 switches it at any time."),
)
DATA_TITLE = "Your data"
DATA_WHERE = "Your plays, profiles and settings are kept on this computer only, in this folder:"
DATA_PRIVATE = "Nothing leaves this computer: there is no account and no network."
CONFIRM_TITLE = "Delete all progress?"
CONFIRM_KEEP = "Your text size, contrast, motion, sound and screen settings stay as they are."


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class SettingsScene(Scene):
    name = "settings"

    def __init__(self, app: Any, **params: Any) -> None:
        super().__init__(app, **params)
        self.column = ScrollColumn()
        self.rows: list[tuple[str, str, str, pygame.Rect, pygame.Rect, pygame.Rect]] = []
        self.level_rect = pygame.Rect(0, 0, 0, 0)
        self.data_rects: list[tuple[str, str, pygame.Rect]] = []

    # -- building --------------------------------------------------------
    def _build(self) -> None:
        s = self.app.store.settings
        col = self.column
        self.size_buttons = [
            OptionButton(name, ("text_size", i), selected=s.text_size == i, column=col)
            for i, name in enumerate(TEXT_SIZES)
        ]
        self.switches = {
            key: SwitchButton(key, on=bool(getattr(s, key)), column=col)
            for key in ("high_contrast", "reduced_motion", "fullscreen")
        }
        self.quieter = Button("Quieter", "quieter", column=col)
        self.louder = Button("Louder", "louder", column=col)
        self.delete = Button("Delete all progress\u2026", "delete", column=col)

    def _controls(self, key: str) -> list[Button]:
        if key == "text_size":
            return self.size_buttons
        if key == "volume":
            return [self.quieter, self.louder]
        return [self.switches[key]]

    # -- layout ----------------------------------------------------------
    def layout(self, size: tuple[int, int]) -> None:
        keep = self.focused.action if self.buttons else ("text_size", self.app.store.settings.text_size)
        self._build()
        t = self.theme
        w, h = size
        area = self.layout_page(TITLE, round(t.body_px * CONTENT_EMS))
        x, top, cw = area.x, area.top, area.width
        side = cw >= t.body_px * SIDE_BY_SIDE_EMS
        label_w = round(cw * 0.36) if side else cw
        ctrl_x = x + label_w + t.space(2) if side else x
        ctrl_w = x + cw - ctrl_x
        strong, small = t.font("h2"), t.font("small")
        y = top + t.space(0.5)
        self.rows = []
        for key, label, note in ROWS:
            lh = measure(strong, label, label_w)
            nh = measure(small, note, label_w)
            label_rect = pygame.Rect(x, y, label_w, lh)
            note_rect = pygame.Rect(x, y + lh + t.space(0.3), label_w, nh)
            cy = y if side else note_rect.bottom + t.space(0.8)
            ch = self._place_controls(key, ctrl_x, cy, ctrl_w)
            bottom = max(note_rect.bottom, cy + ch)
            row = pygame.Rect(x, y, cw, bottom - y)
            self.rows.append((key, label, note, label_rect, note_rect, row))
            y = bottom + t.space(2)
        # your data: where it is kept, then the delete button
        body = t.font("body")
        self.data_rects = []
        for role, text in (("h2", DATA_TITLE), ("body", DATA_WHERE), ("path", str(self.app.store.home))):
            font = t.font("strong") if role == "path" else t.font(role)
            shown = breakable(font, text, cw) if role == "path" else text
            r = pygame.Rect(x, y, cw, measure(font, shown, cw))
            self.data_rects.append((role, shown, r))
            y = r.bottom + t.space(0.6)
        r = pygame.Rect(x, y, cw, measure(body, DATA_PRIVATE, cw))
        self.data_rects.append(("body", DATA_PRIVATE, r))
        y = r.bottom + t.space(1.5)
        dw = min(cw, self.delete.natural_width(t))
        dh = self.delete.measure(t, dw)
        self.delete.place(pygame.Rect(x, y, dw, dh))
        y += dh + t.space(1)
        view = pygame.Rect(0, top, w, h - top)
        self.column.set_view(view, y - top)
        order = [b for key, *_ in ROWS for b in self._controls(key)] + [self.delete]
        self.buttons = [*order, self.back_button]
        self.set_focus(self.button_for(keep) or self.size_buttons[0])

    def _place_controls(self, key: str, x: int, y: int, width: int) -> int:
        """Place a row's controls from (x, y) within `width`; returns their height."""
        t = self.theme
        gap = t.space(0.8)
        if key == "text_size":
            bs = self.size_buttons
            per_row = 4 if max(b.natural_width(t) for b in bs) * 4 + gap * 3 <= width else 2
            hgt = 0
            for i in range(0, len(bs), per_row):
                rh = row_buttons(bs[i : i + per_row], t, pygame.Rect(x, y + hgt, width, 0), gap)
                hgt += rh + gap
            return hgt - gap
        if key == "volume":
            bw = max(self.quieter.natural_width(t), self.louder.natural_width(t))
            bh = max(self.quieter.measure(t, bw), self.louder.measure(t, bw))
            level_w = width - 2 * bw - 2 * gap
            if level_w >= t.space(8):
                self.quieter.place(pygame.Rect(x, y, bw, bh))
                self.level_rect = pygame.Rect(x + bw + gap, y, level_w, bh)
                self.louder.place(pygame.Rect(x + width - bw, y, bw, bh))
                return bh
            self.level_rect = pygame.Rect(x, y, width, bh)
            rh = row_buttons([self.quieter, self.louder], t, pygame.Rect(x, y + bh + gap, width, 0), gap)
            return bh + gap + rh
        b = self.switches[key]
        bw = min(width, b.natural_width(t))
        bh = b.measure(t, bw)
        b.place(pygame.Rect(x, y, bw, bh))
        return bh

    def _confirm_text(self) -> str:
        store = self.app.store
        names = store.profiles()
        couples = store.couples()
        plays = sum(len(store.history(n)) for n in names)
        together = f", {_plural(len(couples), 'couple')} who played together" if couples else ""
        return (
            f"This deletes every play in every profile ({_plural(plays, 'play')}, {_plural(len(names), 'profile')}"
            f"{together}), and any workshop saves and reports, from this computer. It cannot be undone."
        )

    # -- drawing ---------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        t = self.theme
        c = t.colour
        self.app.draw_background(surface)
        self.draw_header(surface)
        strong, small = t.font("h2"), t.font("small")
        with self.column.clipped(surface) as dy:
            for i, (key, label, note, label_rect, note_rect, row) in enumerate(self.rows):
                if i:
                    sep = row.top - t.space(1) + dy
                    pygame.draw.line(surface, c.panel_edge, (row.x, sep), (row.right, sep), 1)
                draw_text(surface, label, strong, c.text, label_rect.move(0, dy))
                draw_text(surface, note, small, c.text_dim, note_rect.move(0, dy))
                if key == "volume":
                    self._draw_level(surface, self.level_rect.move(0, dy))
            first = self.data_rects[0][2]
            sep = first.top - t.space(1) + dy
            pygame.draw.line(surface, c.panel_edge, (first.x, sep), (first.right, sep), 1)
            for role, text, r in self.data_rects:
                font = t.font("strong") if role == "path" else t.font(role)
                colour = c.accent if role == "path" else c.text
                draw_text(surface, text, font, colour, r.move(0, dy))
        self.column.draw_bar(surface, t)
        self.draw_buttons(surface)

    def _draw_level(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        """The volume as ten segments, the filled ones solid, and the percentage in words."""
        t = self.theme
        c = t.colour
        steps = round(self.app.store.settings.volume * VOLUME_STEPS)
        text = f"{steps * 100 // VOLUME_STEPS}%" if steps else "0% (silent)"
        font = t.font("strong")
        bar_w = self._bar_width(rect.width)
        tw = rect.width - bar_w
        if not bar_w:  # too narrow for both: the words alone
            draw_text(surface, text, font, c.text, rect, align="center", valign="middle")
            return
        seg_gap = max(2, t.space(0.25))
        seg_w = (bar_w - seg_gap * (VOLUME_STEPS - 1)) // VOLUME_STEPS
        sh = max(8, rect.height // 3)
        for i in range(VOLUME_STEPS):
            seg_h = sh + (rect.height - sh - t.space(1)) * (i + 1) // VOLUME_STEPS // 2
            r = pygame.Rect(rect.x + i * (seg_w + seg_gap), rect.centery + sh // 2 - seg_h, seg_w, seg_h)
            if i < steps:
                pygame.draw.rect(surface, c.accent, r, border_radius=2)
            else:
                pygame.draw.rect(surface, c.panel_edge, r, width=max(1, t.line_width), border_radius=2)
        tr = pygame.Rect(rect.right - tw + t.space(1), rect.y, tw - t.space(1), rect.height)
        draw_text(surface, text, font, c.text, tr, valign="middle")

    def _bar_width(self, width: int) -> int:
        """The width of the volume segments in a level box `width` wide; 0 when only the words fit."""
        t = self.theme
        bar_w = width - t.font("strong").size("0% (silent)")[0] - t.space(1)
        return bar_w if bar_w >= t.space(6) else 0

    # -- input -----------------------------------------------------------
    def move_focus(self, dx: int, dy: int) -> None:
        """Up and Down go to the next line of controls, never past one: the text sizes may take two lines,
        and a control far to the side on a later line must not win over the line just below."""
        current = self.focused
        column = [b for b in self.buttons if b.enabled and b.column is self.column and b is not current]
        if not dy or current is None or current.column is not self.column:
            super().move_focus(dx, dy)
            return
        cx, cy = current.box.center
        ahead = [b for b in column if (b.box.centery - cy) * dy > current.box.height // 2]
        if not ahead:
            super().move_focus(dx, dy)
            return
        line = min(abs(b.box.centery - cy) for b in ahead)
        on_line = [b for b in ahead if abs(b.box.centery - cy) - line <= current.box.height // 2]
        self.set_focus(min(on_line, key=lambda b: abs(b.box.centerx - cx)))

    def handle(self, intent: Intent) -> bool:
        if intent.kind == CLICK and intent.pos is not None:
            level = self.column.to_screen(self.level_rect)
            bar_w = self._bar_width(level.width)
            if bar_w and level.collidepoint(intent.pos) and self.column.view.collidepoint(intent.pos):
                f = (intent.pos[0] - level.x) / bar_w  # a click on a segment sets the volume up to it
                self._set_volume(min(VOLUME_STEPS, int(f * VOLUME_STEPS) + 1))
                self.app.sound.play("select")
                return True
        return super().handle(intent)

    def on_button(self, button: Button) -> None:
        s = self.app.store.settings
        a = button.action
        if isinstance(a, tuple) and a[0] == "text_size":
            s.text_size = a[1]
            self._apply()
        elif a in ("high_contrast", "reduced_motion"):
            setattr(s, a, not getattr(s, a))
            self._apply()
        elif a in ("quieter", "louder"):  # the select cue that follows plays at the new level
            steps = round(s.volume * VOLUME_STEPS)
            self._set_volume(steps + (1 if a == "louder" else -1))
        elif a == "fullscreen":
            s.fullscreen = not self.app.fullscreen
            self._apply()
            s.fullscreen = self.app.fullscreen  # what the display could really do
            self.app.store.save_settings()
        elif a == "delete":
            self.app.push(
                Confirm,
                self._after_question,
                title=CONFIRM_TITLE,
                paragraphs=[("body", self._confirm_text()), ("body", CONFIRM_KEEP)],
                choices=[("Cancel", None, "primary"), ("Delete all progress", "delete", "normal")],
            )

    def _after_question(self, result: Any) -> None:
        """The question closed: Cancel and Esc keep everything; only the delete button deletes."""
        if result == "delete":
            self._delete_all()
        self.set_focus(self.delete)

    def _set_volume(self, steps: int) -> None:
        """Set the volume to a step of ten, apply and save it."""
        steps = max(0, min(VOLUME_STEPS, steps))
        self.app.store.settings.volume = steps / VOLUME_STEPS
        self._apply()

    def _apply(self) -> None:
        """Apply the settings at once and save them (a save that fails is told by the app)."""
        self.app.apply_settings()
        self.app.store.save_settings()

    def _delete_all(self) -> None:
        """Delete every play and profile; keep how the game looks and sounds (saved again at once)."""
        store = self.app.store
        look = store.settings
        ok = store.delete_all()
        for name in ("text_size", "high_contrast", "reduced_motion", "volume", "fullscreen", "seen_intro"):
            setattr(store.settings, name, getattr(look, name))
        self._apply()
        if ok:
            self.app.notify("All progress is deleted.")
        else:
            self.app.notify(f"Some saved files in {store.home} could not be deleted. You can remove them by hand.")
        self.layout(self.app.size)
        self.set_focus(self.delete)
