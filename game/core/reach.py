"""Where a card's loop can stand at each beat: the exhaustive walk behind dead lines.

A beat's partner line is picked by the loop state on arrival. When the partner
is flooded on arrival, the player may take the pause action before answering:
the tension drops by the break's relief and the line is picked again, so the
state after the break can be shown too. `arrivals` walks every configuration
(beat, tension, whether the partner was already heard) a play can reach,
cycles included, and `dead_lines` lists each per-state `says` variant that no
play can ever show.

The walk visits each configuration once, never a path: a card with cycles
still has few configurations, as tensions are sums of a few constants held
between 0 and 10. What scoring makes of a tension and an answer is looked up
in a table filled from scoring.py as the walk meets them (`_after`, `_shown`),
so the walk asks scoring once per tension and kind of answer, not once per
step; `dead_lines` stops as soon as every line that could be dead is shown.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from . import scoring
from .model import END, STATES, Card, Choice, LoopState, Pos

# Tensions are sums of a few constants: rounding keeps float noise from
# splitting one configuration into two.
_DIGITS = 6
_TABLE_MAX = 100_000  # entries kept in each table below (a library meets a few hundred)

# (tension, kind of answer, heard) -> (tension after the answer, heard after it). The kind of answer is
# its move and whether it names the fear, all that scoring.points and scoring.next_tension read of a
# choice (tests/core/test_reach_walk.py holds the walk to one that asks scoring at every step).
_AFTER: dict[tuple[float, str, bool], tuple[float, bool]] = {}
# tension on arrival -> ((tension the line is picked at, its loop state), ...): the pause action included.
_SHOWN: dict[float, tuple[tuple[float, LoopState], ...]] = {}


@dataclass(frozen=True, slots=True)
class DeadLine:
    """A `says` variant no play can show."""

    card_id: str
    beat_id: str
    state: LoopState
    pos: Pos


def _shown(t: float) -> tuple[tuple[float, LoopState], ...]:
    got = _SHOWN.get(t)
    if got is None:
        tensions = [t]
        if scoring.is_flooded(t):  # the pause action, then the line is picked again
            tensions.append(round(scoring.break_relief(t), _DIGITS))
        got = tuple((x, scoring.loop_state(x)) for x in tensions)
        if len(_SHOWN) < _TABLE_MAX:
            _SHOWN[t] = got
    return got


def _kind(c: Choice) -> str:
    return f"{c.move.value} {c.names_fear}"


def _after(t: float, kind: str, c: Choice, heard: bool) -> tuple[float, bool]:
    got = (round(scoring.next_tension(t, c, heard), _DIGITS), heard or scoring.listens(c))
    if len(_AFTER) < _TABLE_MAX:
        _AFTER[(t, kind, heard)] = got
    return got


def _walk(card: Card, wanted: set[str] | None = None) -> dict[str, set[LoopState]]:
    """The loop states each beat's line can be shown in; with `wanted`, stop once those beats show all three."""
    beats = card.beats
    seen: dict[str, set[LoopState]] = {b: set() for b in beats}
    moves = {
        b: tuple((c.next, _kind(c), c) for c in beat.choices if c.next != END and c.next in beats)
        for b, beat in beats.items()
    }
    todo = set(wanted) if wanted is not None else None
    start = (card.start, round(float(card.tension), _DIGITS), False)
    done = {start}
    queue = deque([start])  # breadth first: the early stop comes sooner than depth first
    after = _AFTER.get
    while queue:
        beat_id, t, heard = queue.popleft()
        shown = seen[beat_id]
        exits = moves[beat_id]
        for here, state in _SHOWN.get(t) or _shown(t):
            shown.add(state)
            for nxt, kind, c in exits:
                got = after((here, kind, heard)) or _after(here, kind, c, heard)
                conf = (nxt, got[0], got[1])
                if conf not in done:
                    done.add(conf)
                    queue.append(conf)
        if todo is not None and beat_id in todo and len(shown) == len(STATES):
            todo.discard(beat_id)
            if not todo:
                break  # every line that could be dead is shown: the rest of the walk cannot change the answer
    return seen


def arrivals(card: Card) -> dict[str, set[LoopState]]:
    """For each beat, the loop states a player can see its line in (pause action included)."""
    return _walk(card)


def dead_lines(card: Card) -> list[DeadLine]:
    """Every per-state `says` variant of the card that no path can show, in file order."""
    varying = {beat.id for beat in card.beats.values() if beat.says_varies}
    if not varying:
        return []
    seen = _walk(card, varying)
    out: list[DeadLine] = []
    for beat in card.beats.values():
        if not beat.says_varies or not seen[beat.id]:
            continue  # one text for every state, or a beat no path reaches (AT401 says so)
        for state in STATES:
            if state not in seen[beat.id]:
                out.append(DeadLine(card.full_id, beat.id, state, beat.says_pos.get(state, beat.pos)))
    return out
