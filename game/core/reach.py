"""Where a card's loop can stand at each beat: the exhaustive walk behind dead lines.

A beat's partner line is picked by the loop state on arrival. When the partner
is flooded on arrival, the player may take the pause action before answering:
the tension drops by the break's relief and the line is picked again, so the
state after the break can be shown too. `arrivals` walks every configuration
(beat, tension, whether the partner was already heard) a play can reach,
cycles included, and `dead_lines` lists each per-state `says` variant that no
play can ever show.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import scoring
from .model import END, STATES, Card, LoopState, Pos

# Tensions are sums of a few constants: rounding keeps float noise from
# splitting one configuration into two.
_DIGITS = 6


@dataclass(frozen=True, slots=True)
class DeadLine:
    """A `says` variant no play can show."""

    card_id: str
    beat_id: str
    state: LoopState
    pos: Pos


def arrivals(card: Card) -> dict[str, set[LoopState]]:
    """For each beat, the loop states a player can see its line in (pause action included)."""
    seen: dict[str, set[LoopState]] = {b: set() for b in card.beats}
    start = (card.start, round(float(card.tension), _DIGITS), False)
    done = {start}
    stack = [start]
    while stack:
        beat_id, t, heard = stack.pop()
        beat = card.beats[beat_id]
        tensions = [t]
        if scoring.is_flooded(t):  # the pause action, then the line is picked again
            tensions.append(round(scoring.break_relief(t), _DIGITS))
        for here in tensions:
            seen[beat_id].add(scoring.loop_state(here))
            for c in beat.choices:
                if c.next == END or c.next not in card.beats:
                    continue
                nxt = (c.next, round(scoring.next_tension(here, c, heard), _DIGITS), heard or scoring.listens(c))
                if nxt not in done:
                    done.add(nxt)
                    stack.append(nxt)
    return seen


def dead_lines(card: Card) -> list[DeadLine]:
    """Every per-state `says` variant of the card that no path can show, in file order."""
    seen = arrivals(card)
    out: list[DeadLine] = []
    for beat in card.beats.values():
        if not beat.says_varies or not seen[beat.id]:
            continue  # one text for every state, or a beat no path reaches (AT401 says so)
        for state in STATES:
            if state not in seen[beat.id]:
                out.append(DeadLine(card.full_id, beat.id, state, beat.says_pos.get(state, beat.pos)))
    return out
