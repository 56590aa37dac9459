"""Quicker construction for the model's frozen, slotted dataclasses.

A frozen dataclass's generated `__init__` sets each field through
`object.__setattr__`, about twice the cost of setting the slot through its
own descriptor. Decks are made of thousands of these objects (some 50 places
and a dozen answers a card), built at every validation and every start from
the cache, so `quick_init` gives a class an `__init__` that sets the slots
directly: the same parameters, defaults and default factories, in the same
order. Everything else about the class (frozen, equality, hashing, repr,
`dataclasses.fields` and `replace`) stays the dataclass's own.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

T = TypeVar("T")


class _Unset:
    def __repr__(self) -> str:
        return "<unset>"


_UNSET = _Unset()


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass an `__init__` that sets its slots through their descriptors."""
    assert "__slots__" in cls.__dict__ and cls.__dataclass_params__.frozen, cls  # type: ignore[attr-defined]
    ns: dict[str, Any] = {"_UNSET": _UNSET}
    params: list[str] = []
    body: list[str] = []
    for f in fields(cls):  # type: ignore[arg-type]
        if not f.init:
            continue
        ns[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        value = f.name
        if f.default is not MISSING:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        elif f.default_factory is not MISSING:
            ns[f"_factory_{f.name}"] = f.default_factory
            params.append(f"{f.name}=_UNSET")
            value = f"_factory_{f.name}() if {f.name} is _UNSET else {f.name}"
        else:
            params.append(f.name)
        body.append(f"    _set_{f.name}(self, {value})")
    source = f"def __init__(self, {', '.join(params)}):\n" + "\n".join(body or ["    pass"]) + "\n"
    exec(source, ns)  # noqa: S102 - our own source, built from the class's field names, as dataclasses does
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    cls.__init__ = init  # type: ignore[misc]
    return cls
