"""quick_init gives the model's classes a quicker __init__ that behaves exactly as the dataclass's own."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from game.core.frozen import quick_init
from game.core.model import NOWHERE, Beat, Card, Choice, Deck, LoopState, Move, Pos


def _pair():
    def make():
        @dataclass(frozen=True, slots=True)
        class Thing:
            a: int
            b: str = "b"
            c: dict = field(default_factory=dict)
            d: tuple = ()

        return Thing

    return make(), quick_init(make())


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [((1,), {}), ((1, "x"), {}), ((1,), {"c": {"k": 1}}), ((), {"a": 2, "d": (1,)}), ((1, "x", {}, (2,)), {})],
)
def test_the_same_objects_as_the_dataclass_would_make(args, kwargs):
    plain, quick = _pair()
    p, q = plain(*args, **kwargs), quick(*args, **kwargs)
    assert dataclasses.astuple(p) == dataclasses.astuple(q)
    assert repr(p).split("(", 1)[1] == repr(q).split("(", 1)[1]
    assert q == quick(*args, **kwargs)
    assert quick(1).c is not quick(1).c  # a fresh default each time, as a default_factory promises


def test_the_same_mistakes_fail_the_same_way():
    plain, quick = _pair()
    for make in (plain, quick):
        with pytest.raises(TypeError):
            make()  # a required field missing
        with pytest.raises(TypeError):
            make(1, "b", {}, (), 5)  # one too many
        with pytest.raises(TypeError):
            make(1, e=2)  # a field that is not there
        with pytest.raises(dataclasses.FrozenInstanceError):
            make(1).a = 2  # type: ignore[misc]


def test_every_model_class_is_built_the_quick_way_and_stays_frozen():
    for cls in (Pos, Choice, Beat, Card, Deck):
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        assert "_set_" in cls.__init__.__code__.co_names[0]
    c = Choice("hi", Move.REFLECT, "why", "end")
    assert (c.reply, c.names_fear, c.pos) == (None, False, NOWHERE)
    b = Beat("b", {s: "x" for s in LoopState}, (c,))
    assert b.says_pos == {} and b.says_pos is not Beat("b", {}, ()).says_pos
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.say = "other"  # type: ignore[misc]
    assert dataclasses.replace(c, say="other").say == "other"
