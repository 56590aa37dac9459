"""Graph checks on a built card: targets, choice counts, reachability, termination, dead lines, care.

The loader runs these on every card it builds; a card with an error is left
out of its deck. Warnings (AT4xx) leave the card playable; `--strict` makes
them fail the `validate` command.
"""

from __future__ import annotations

from . import reach, safety
from .diagnostics import Diagnostic, error, warning
from .model import END, Card, Pos


def _at(make, p: Pos, code: str, message: str) -> Diagnostic:
    return make(p.path, p.line, p.col, code, message)


MIN_CHOICES = 2
MAX_CHOICES = 6


def check_card(card: Card) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    beats = card.beats
    # next targets and choice counts
    for beat in beats.values():
        n = len(beat.choices)
        if not MIN_CHOICES <= n <= MAX_CHOICES:
            p = beat.pos
            out.append(
                _at(
                    error,
                    p,
                    "AT303",
                    f"beat `{beat.id}` has {n} choice{'s' if n != 1 else ''}: a beat needs 2 to 6",
                )
            )
        for c in beat.choices:
            if c.next != END and c.next not in beats:
                p = c.next_pos
                out.append(
                    _at(
                        error,
                        p,
                        "AT301",
                        f"next `{c.next}` names no beat of card `{card.id}`; use `end` or one of: {', '.join(beats)}",
                    )
                )
    if any(d.is_error for d in out):
        return out
    # reachability from start (a warning: the card still plays)
    reached = {card.start}
    stack = [card.start]
    while stack:
        for c in beats[stack.pop()].choices:
            if c.next != END and c.next not in reached:
                reached.add(c.next)
                stack.append(c.next)
    for beat in beats.values():
        if beat.id not in reached:
            p = beat.pos
            out.append(
                _at(
                    warning,
                    p,
                    "AT401",
                    f"beat `{beat.id}` can never be reached from `{card.start}`: point a `next` at it, or remove it",
                )
            )
    # termination: every beat must have some way to the end
    can_end = _can_end(card)
    for beat in beats.values():
        if beat.id not in can_end:
            p = beat.pos
            out.append(
                _at(
                    error,
                    p,
                    "AT304",
                    f"from beat `{beat.id}` no path ever reaches `end`: its choices go round in a "
                    "circle; give one of them `next: end` or a beat that ends",
                )
            )
    # the same words offered twice in one card
    said: dict[str, int] = {}
    for beat in beats.values():
        for c in beat.choices:
            key = " ".join(c.say.lower().split())
            if key in said:
                p = c.pos
                out.append(
                    _at(
                        warning,
                        p,
                        "AT403",
                        f"this choice says the same as the one on line {said[key]}: give each its own words",
                    )
                )
            else:
                said[key] = c.pos.line
    out += _dead_lines(card)
    out += _care(card)
    return out


def _can_end(card: Card) -> set[str]:
    """The beats from which some path reaches `end`: walked back from the answers that end the card."""
    before: dict[str, list[str]] = {}
    can_end: set[str] = set()
    for beat in card.beats.values():
        for c in beat.choices:
            if c.next == END:
                can_end.add(beat.id)
            else:
                before.setdefault(c.next, []).append(beat.id)
    stack = list(can_end)
    while stack:
        for b in before.get(stack.pop(), ()):
            if b not in can_end:
                can_end.add(b)
                stack.append(b)
    return can_end


def _dead_lines(card: Card) -> list[Diagnostic]:
    """AT404: per-state `says` variants that no path shows (every path walked, the pause action too)."""
    return [
        _at(
            warning,
            dead.pos,
            "AT404",
            f"the {dead.state.value} line of beat `{dead.beat_id}` can never be shown: no path arrives here "
            f"{dead.state.value}; lead an answer that leaves the loop {dead.state.value} to this beat, "
            "or write one line for every state",
        )
        for dead in reach.dead_lines(card)
    ]


def _care(card: Card) -> list[Diagnostic]:
    """AT405: the partner voices risk and the card has no `care:` note, at the first such line."""
    if card.care:
        return []
    risk = safety.first_risk(card)
    if risk is None:
        return []
    pos, kind, _ = risk
    return [
        _at(
            warning,
            pos,
            "AT405",
            f"the partner speaks of {kind} here and card `{card.id}` has no `care:` note: add one or two "
            "sentences that point to help (the game shows them with a link to About and safety)",
        )
    ]
