"""Data files (settings, progress, the cache): read safely, then checked field by field against a schema.

    got = read_json(path, limit)        # never raises, never recurses deep, never hangs
    fixes = Fixes()
    value = conform(raw, Num(0.6, 0.0, 1.0), fixes)   # the default when raw is wrong

Reading goes through the guarded reader (a regular file, a size cap), then
refuses nesting deeper than MAX_DEPTH before the JSON parser could recurse
into it. Numbers that no field can hold (NaN, infinities, 1e400, thousands
of digits) are read as `BAD`, so the one field holding one is reset, not the
file. A schema (`Bool`, `Int`, `Num`, `Text`, `OneOf`, `ListOf`: named tuples,
cheap to define at every start) says what
each field may be; `conform` answers the value when it fits and the default
when it does not, counting each reset in `Fixes`, so the caller can keep
everything else and tell the player once.
"""

from __future__ import annotations

import json
import math
import os
import re
from typing import Any, NamedTuple

from .reader import Refused, read_bytes
from .safetext import screen_text

MAX_DEPTH = 32  # the data files nest 5 deep
MAX_INT_DIGITS = 18
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKETS = re.compile(r"[^\[\]{}]+")


class _Bad:
    """A number read from a file that no field can hold."""

    def __repr__(self) -> str:
        return "BAD"


BAD = _Bad()


class Got(NamedTuple):
    """What reading a data file gave: `data`, or `missing`, or `problem` (a reason for the player)."""

    data: Any = None
    missing: bool = False
    problem: str | None = None


def depth(text: str) -> int:
    """How deeply the JSON text nests (strings skipped), without parsing it."""
    brackets = _NOT_BRACKETS.sub("", _STRINGS.sub("", text))
    level = deepest = 0
    for ch in brackets:
        if ch in "[{":
            level += 1
            if level > deepest:
                deepest = level
        else:
            level -= 1
    return deepest


def _int(text: str) -> int | _Bad:
    digits = len(text.lstrip("-"))
    return int(text) if digits <= MAX_INT_DIGITS else BAD


def _float(text: str) -> float | _Bad:
    value = float(text) if len(text) <= 64 else math.inf
    return value if math.isfinite(value) else BAD


def _constant(text: str) -> _Bad:  # NaN, Infinity, -Infinity
    return BAD


def parse_json(text: str, checked: bool = True) -> Any:
    """JSON text -> data; raises ValueError when it is not JSON or nests too deeply.

    `checked=False` is for a reader that checks the type and range of every
    value it takes (the deck cache): json's own numbers, and json's own
    guard against deep nesting (a RecursionError, which `read_json` turns
    into "damaged") instead of the slower pass that counts the levels first.
    """
    if not checked:
        return json.loads(text)
    if depth(text) > MAX_DEPTH:
        raise ValueError(f"it nests more than {MAX_DEPTH} levels deep")
    return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_constant)


def read_json(path: str | os.PathLike[str], limit: int, checked: bool = True) -> Got:
    """A JSON data file, read through the guarded reader; never raises (`checked`: see parse_json)."""
    raw = read_bytes(path, limit)
    if isinstance(raw, Refused):
        if raw.reason.endswith("No such file or directory"):
            return Got(missing=True)
        return Got(problem=raw.reason)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return Got(problem="it is not readable text")
    if not text.strip():
        return Got(problem="it is empty")
    try:
        return Got(data=parse_json(text, checked))
    except RecursionError:  # json's own guard, when unchecked: depth() stops it first otherwise
        return Got(problem="it is damaged")
    except ValueError as e:
        return Got(problem="it is damaged" if isinstance(e, json.JSONDecodeError) else str(e))


# -- the schema ---------------------------------------------------------------------


class Fixes:
    """Counts what `conform` had to change: fields reset and records dropped."""

    def __init__(self) -> None:
        self.reset = 0
        self.dropped = 0

    def __bool__(self) -> bool:
        return bool(self.reset or self.dropped)

    def words(self) -> str:
        parts = []
        if self.reset:
            parts.append(f"{self.reset} damaged value{'s' * (self.reset != 1)} reset")
        if self.dropped:
            parts.append(f"{self.dropped} damaged record{'s' * (self.dropped != 1)} left out")
        return " and ".join(parts)


class Bool(NamedTuple):
    default: bool


class Int(NamedTuple):
    default: int
    lo: int
    hi: int


class Num(NamedTuple):
    default: float
    lo: float
    hi: float


class Text(NamedTuple):
    """Text of at most `limit` characters; `cut` shortens a longer one instead of resetting it."""

    default: str | None
    limit: int
    cut: bool = False


class OneOf(NamedTuple):
    default: Any
    values: tuple[Any, ...]


class ListOf(NamedTuple):
    """A list of items of `item`'s kind; a wrong item is left out (counted), past `limit` too."""

    item: Any
    limit: int


def is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def clean_text(value: str) -> str:
    """Text from a file, safe to draw and to save: lone surrogates and controls replaced."""
    return screen_text(value)


def conform(value: Any, spec: Any, fixes: Fixes) -> Any:
    """`value` when it fits `spec`; else the spec's default, counted in `fixes`."""
    ok, out = _fit(value, spec, fixes)
    if ok:
        return out
    fixes.reset += 1
    return spec.default if not isinstance(spec, ListOf) else []


def _fit(value: Any, spec: Any, fixes: Fixes) -> tuple[bool, Any]:
    if isinstance(spec, Bool):
        return isinstance(value, bool), value
    if isinstance(spec, Int):
        ok = isinstance(value, int) and not isinstance(value, bool) and spec.lo <= value <= spec.hi
        return ok, value
    if isinstance(spec, Num):
        ok = is_number(value) and math.isfinite(value) and spec.lo <= value <= spec.hi
        return ok, float(value) if ok else value
    if isinstance(spec, Text):
        if not isinstance(value, str):
            return False, value
        text = clean_text(value)
        if text != value:  # a lone surrogate or a control character, made safe: the rest is kept
            fixes.reset += 1
        if len(text) > spec.limit:
            if not spec.cut:
                return False, value
            text = text[: spec.limit]
            fixes.reset += 1
        return True, text
    if isinstance(spec, OneOf):
        return any(value == v and type(value) is type(v) for v in spec.values), value
    if isinstance(spec, ListOf):
        if not isinstance(value, list):
            return False, value
        out = []
        for item in value[: spec.limit]:
            ok, got = _fit(item, spec.item, fixes)
            if ok:
                out.append(got)
            else:
                fixes.reset += 1
        fixes.reset += len(value) > spec.limit
        return True, out
    raise TypeError(f"not a schema: {spec!r}")


def conform_record(data: Any, schema: dict[str, Any], required: frozenset[str], fixes: Fixes) -> dict[str, Any] | None:
    """A record (a JSON object) checked field by field.

    A required field that is missing or wrong drops the record (None, counted);
    an optional one that is wrong is reset to its default. Unknown keys are left out.
    """
    if not isinstance(data, dict):
        fixes.dropped += 1
        return None
    out: dict[str, Any] = {}
    for key, spec in schema.items():
        if key not in data:
            if key in required:
                fixes.dropped += 1
                return None
            out[key] = spec.default if not isinstance(spec, ListOf) else []
            continue
        if key in required:
            ok, got = _fit(data[key], spec, fixes)
            if not ok:
                fixes.dropped += 1
                return None
            out[key] = got
        else:
            out[key] = conform(data[key], spec, fixes)
    return out
