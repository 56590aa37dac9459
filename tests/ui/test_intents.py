"""Key tables: the same keys mean what each kind of screen needs; scenes never steer by another's name."""

from __future__ import annotations

import ast
from pathlib import Path

import pygame

from game.ui.intents import (
    BACK,
    BACKWARD,
    BLANK,
    CLEAR,
    CLICKER_KEYS,
    CONFIRM,
    COUPLES_KEYS,
    DIGIT,
    FORWARD,
    HELP,
    PICK,
    PREV,
    SOLO_KEYS,
    TIMER,
    UNVOTE,
    VOTE,
    Intent,
    intents_for,
)

SCENES = Path(__file__).resolve().parents[2] / "game" / "ui" / "scenes"


def key(k: int, shift: bool = False) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=pygame.KMOD_SHIFT if shift else 0, unicode="", scancode=0)


def test_the_solo_table_is_the_default():
    assert intents_for(key(pygame.K_3)) == [Intent(PICK, index=2)]
    assert intents_for(key(pygame.K_TAB, shift=True)) == [Intent(PREV)]
    assert intents_for(key(pygame.K_SPACE)) == [Intent(CONFIRM)]
    assert intents_for(key(pygame.K_0)) == [] and intents_for(key(pygame.K_b)) == []
    assert intents_for(key(pygame.K_3), keys=SOLO_KEYS) == intents_for(key(pygame.K_3))


def test_a_couple_has_every_digit_for_the_rating():
    assert intents_for(key(pygame.K_0), keys=COUPLES_KEYS) == [Intent(DIGIT, index=0)]
    assert intents_for(key(pygame.K_KP9), keys=COUPLES_KEYS) == [Intent(DIGIT, index=9)]
    assert intents_for(key(pygame.K_ESCAPE), keys=COUPLES_KEYS) == [Intent(BACK)]


def test_a_clicker_steps_blanks_and_counts_votes():
    on = {k: intents_for(key(k), keys=CLICKER_KEYS) for k in CLICKER_KEYS}
    for k in (pygame.K_PAGEDOWN, pygame.K_RIGHT, pygame.K_SPACE, pygame.K_RETURN, pygame.K_n):
        assert on[k] == [Intent(FORWARD)]
    for k in (pygame.K_PAGEUP, pygame.K_LEFT):
        assert on[k] == [Intent(BACKWARD)]
    assert on[pygame.K_b] == on[pygame.K_PERIOD] == [Intent(BLANK)]
    assert on[pygame.K_1] == [Intent(VOTE, index=0)]
    assert intents_for(key(pygame.K_6, shift=True), keys=CLICKER_KEYS) == [Intent(UNVOTE, index=5)]
    assert on[pygame.K_0] == [Intent(CLEAR)] and on[pygame.K_t] == [Intent(TIMER)]
    assert on[pygame.K_h] == on[pygame.K_F1] == [Intent(HELP)]


def test_the_top_scene_chooses_its_table(make_app):
    from game.ui.scenes.base import Scene

    got: list[Intent] = []

    class Clicker(Scene):
        name = "clicker"
        keys = CLICKER_KEYS

        def handle(self, intent: Intent) -> bool:
            got.append(intent)
            return True

    app = make_app()
    app.push(Clicker)
    app.dispatch(key(pygame.K_PAGEDOWN))
    app.pop()
    app.push(Clicker)
    app.dispatch(key(pygame.K_2, shift=True))
    assert got == [Intent(FORWARD), Intent(UNVOTE, index=1)]


def test_no_scene_steers_by_another_scenes_name():
    found = []
    for path in SCENES.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef) and node.name == "resume":
                found.append(f"{path.name}:{node.lineno}: resume(name, result)")
            if isinstance(node, ast.Attribute) and node.attr == "stack":
                found.append(f"{path.name}:{node.lineno}: looks at the scene stack")
            if isinstance(node, ast.Compare):
                sides = [node.left, *node.comparators]
                if any(isinstance(s, ast.Attribute) and s.attr == "name" for s in sides):
                    found.append(f"{path.name}:{node.lineno}: compares a scene's name")
    assert found == []


def test_a_pointer_that_has_not_moved_is_not_a_point():
    """SDL reports where the pointer rests when a window opens under it (rel 0, 0): not a move."""
    rest = pygame.event.Event(pygame.MOUSEMOTION, pos=(40, 50), rel=(0, 0), buttons=(0, 0, 0))
    moved = pygame.event.Event(pygame.MOUSEMOTION, pos=(40, 50), rel=(2, -1), buttons=(0, 0, 0))
    assert intents_for(rest) == []
    assert intents_for(moved) == [Intent("point", pos=(40, 50))]


def test_the_window_opening_under_the_pointer_leaves_the_focus_where_the_screen_put_it(make_app, drive):
    p = drive(make_app())
    assert p.scene.focused.action == "play"
    decks = p.scene.button_for("decks").box.center
    p.post(pygame.WINDOWENTER)
    p.post(pygame.MOUSEMOTION, pos=decks, rel=(0, 0), buttons=(0, 0, 0))
    assert p.scene.focused.action == "play"
    p.post(pygame.MOUSEMOTION, pos=(decks[0] + 1, decks[1]), rel=(1, 0), buttons=(0, 0, 0))
    assert p.scene.focused.action == "decks"
