"""Intents: what the player asked for, whatever the device; and the key tables that map keys to them.

    intents_for(event, typing=False, keys=SOLO_KEYS) -> list[Intent]

A scene names the table it reads in `keys` (the solo game's by default); the
app turns each raw pygame event into intents with the top scene's table, so a
couple's rating screen or a workshop's clicker gets its own keys without the
app knowing either. The mouse means the same everywhere: it points, clicks
(left), goes back (right) and scrolls (wheel).

Tables: a key maps to one Intent, or to a pair (without Shift, with Shift).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

import pygame

# What the player asked for.
PICK = "pick"  # index: 0-based option (keys 1-6)
MOVE = "move"  # dx, dy: an arrow key
NEXT = "next"  # Tab
PREV = "prev"  # Shift+Tab
CONFIRM = "confirm"  # Enter, keypad Enter, Space
BACK = "back"  # Esc
PAUSE = "pause"  # P
POINT = "point"  # pos: the mouse moved
CLICK = "click"  # pos: left click released
SCROLL = "scroll"  # dy: wheel steps, positive = towards the end
PAGE = "page"  # dy: Page Up (-1) / Page Down (+1)
JUMP = 10_000  # a SCROLL's dy for Home (-JUMP) and End (+JUMP): to the top or the bottom
TEXT = "text"  # text: typed characters (only while the app is in typing mode)
ERASE = "erase"  # Backspace (only while the app is in typing mode)
# a couple at one screen
DIGIT = "digit"  # index: 0-9, for a rating (1-6 also pick, see Scene.handle)
# a facilitator with a presentation clicker
FORWARD = "forward"  # the next step
BACKWARD = "backward"  # the step before
BLANK = "blank"  # a black screen, and back
VOTE = "vote"  # index: one more vote for that option
UNVOTE = "unvote"  # index: one vote fewer
CLEAR = "clear"  # this beat's votes to nothing
TIMER = "timer"  # start or pause the discussion timer
HELP = "help"  # the key sheet
KINDS = (
    PICK, MOVE, NEXT, PREV, CONFIRM, BACK, PAUSE, POINT, CLICK, SCROLL, PAGE, TEXT, ERASE,
    DIGIT, FORWARD, BACKWARD, BLANK, VOTE, UNVOTE, CLEAR, TIMER, HELP,
)  # fmt: skip

LEAVE = "leave"  # the result of a question when the player chose to leave the scene below it


class Intent(NamedTuple):
    kind: str
    index: int = -1
    dx: int = 0
    dy: int = 0
    pos: tuple[int, int] | None = None
    text: str = ""


KeyTable = Mapping[int, "Intent | tuple[Intent, Intent]"]


def _numbers(kind: str, shifted: str | None = None, first: int = 1, last: int = 6) -> dict[int, Intent]:
    """Number keys and keypad numbers `first`..`last` as `kind` (index: the number, less one for picks)."""
    out: dict[int, Intent | tuple[Intent, Intent]] = {}
    for n in range(first, last + 1):
        index = n - 1 if kind in (PICK, VOTE) else n
        plain = Intent(kind, index=index)
        value = (plain, Intent(shifted, index=index)) if shifted else plain
        out[getattr(pygame, f"K_{n}")] = value
        out[getattr(pygame, f"K_KP{n}")] = value
    return out  # type: ignore[return-value]


_ARROWS = {
    pygame.K_UP: Intent(MOVE, dy=-1),
    pygame.K_DOWN: Intent(MOVE, dy=1),
    pygame.K_LEFT: Intent(MOVE, dx=-1),
    pygame.K_RIGHT: Intent(MOVE, dx=1),
}
_ENTER = Intent(CONFIRM)

SOLO_KEYS: KeyTable = {
    **_numbers(PICK),
    **_ARROWS,
    pygame.K_TAB: (Intent(NEXT), Intent(PREV)),
    pygame.K_RETURN: _ENTER,
    pygame.K_KP_ENTER: _ENTER,
    pygame.K_SPACE: _ENTER,
    pygame.K_ESCAPE: Intent(BACK),
    pygame.K_p: Intent(PAUSE),
    pygame.K_PAGEUP: Intent(PAGE, dy=-1),
    pygame.K_PAGEDOWN: Intent(PAGE, dy=1),
    pygame.K_HOME: Intent(SCROLL, dy=-JUMP),
    pygame.K_END: Intent(SCROLL, dy=JUMP),
}

# Two partners at one screen: the solo keys, and every digit 0-9 for the felt-understood rating.
COUPLES_KEYS: KeyTable = {**SOLO_KEYS, **_numbers(DIGIT, first=0, last=9)}

_FORWARD, _BACKWARD = Intent(FORWARD), Intent(BACKWARD)
# A presentation clicker sends Page Up/Down or the arrows, and often B.
CLICKER_KEYS: KeyTable = {
    **{k: _FORWARD for k in (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_RETURN, pygame.K_n)},
    pygame.K_KP_ENTER: _FORWARD,
    pygame.K_PAGEUP: _BACKWARD,
    pygame.K_LEFT: _BACKWARD,
    pygame.K_b: Intent(BLANK),
    pygame.K_PERIOD: Intent(BLANK),
    **_numbers(VOTE, shifted=UNVOTE),
    pygame.K_0: Intent(CLEAR),
    pygame.K_KP0: Intent(CLEAR),
    pygame.K_t: Intent(TIMER),
    pygame.K_h: Intent(HELP),
    pygame.K_F1: Intent(HELP),
    pygame.K_ESCAPE: Intent(BACK),
    pygame.K_TAB: (Intent(NEXT), Intent(PREV)),
    pygame.K_UP: Intent(MOVE, dy=-1),
    pygame.K_DOWN: Intent(MOVE, dy=1),
}

KEYPAD_TEXT = {getattr(pygame, f"K_KP{i}") for i in range(10)} | {
    pygame.K_KP_PERIOD,
    pygame.K_KP_DIVIDE,
    pygame.K_KP_MULTIPLY,
    pygame.K_KP_MINUS,
    pygame.K_KP_PLUS,
}


def number_keys(count: int) -> str:
    """The number keys that pick among `count` options, as a key hint says them: "1-3", or "1"."""
    return "1" if count <= 1 else f"1-{count}"


def types_text(key: int) -> bool:
    """True for a key whose press arrives as typed text in typing mode (letters, digits, space, P...)."""
    return 32 <= key < 127 or key in KEYPAD_TEXT


def intents_for(event: pygame.event.Event, typing: bool = False, keys: KeyTable = SOLO_KEYS) -> list[Intent]:
    """The intents a raw pygame event means (most mean none); `typing`: the app is in typing mode."""
    t = event.type
    if t == pygame.TEXTINPUT:
        return [Intent(TEXT, text=event.text)] if typing and event.text else []
    if t == pygame.KEYDOWN:
        k = event.key
        if typing and k == pygame.K_BACKSPACE:
            return [Intent(ERASE)]
        if typing and types_text(k):
            return []  # it arrives again as a TEXTINPUT event
        found = keys.get(k)
        if found is None:
            return []
        if type(found) is tuple:  # a pair (plain, with Shift); an Intent is a named tuple
            return [found[1] if event.mod & pygame.KMOD_SHIFT else found[0]]
        return [found]
    if t == pygame.MOUSEMOTION:
        if tuple(getattr(event, "rel", (1, 1))) == (0, 0):
            # SDL says where the pointer rests when a window opens under it: it has not moved, and
            # the focus stays where the screen put it (the first card, not the one under the pointer)
            return []
        return [Intent(POINT, pos=tuple(event.pos))]
    if t == pygame.MOUSEBUTTONUP and event.button == 1:
        return [Intent(CLICK, pos=tuple(event.pos))]
    if t == pygame.MOUSEBUTTONUP and event.button == 3:
        return [Intent(BACK)]
    if t == pygame.MOUSEWHEEL:
        return [Intent(SCROLL, dy=-int(event.y))] if event.y else []
    return []
