"""What a debrief says, for any front end: the figure table and each answer's review.

The debrief after a card and the progress screen over every play show the same
table (`figure_rows`): the same names, scales, guides and notes, the guide
values taken from `scoring`. `review(step)` tells one answer in words: its
move and points, what it did to the loop, why, and better words where a better
answer was on offer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import scoring
from .steps import Break, Step

# A full bar on the ratio meters: 3:1 listening to fixing, 6:1 warm to cold.
RATIO_SCALE = 3.0
POSITIVE_SCALE = 6.0

GUIDE_NOTE = (
    "Guides, not verdicts: the fair and good marks come from a listening-skills coding manual (MITI 4.2.1) "
    "and from couples research, and rest on expert opinion."
)


@dataclass(frozen=True, slots=True)
class FigureRow:
    """One figure as a meter shows it: a bar from 0 to 1 (None: nothing to show yet) and its guides."""

    key: str
    label: str
    fraction: float | None
    value: str
    guides: tuple[tuple[float, str], ...]  # (where on the bar, label)
    note: str


def signed(points: int) -> str:
    return f"+{points}" if points > 0 else str(points)


def percent(x: float | None) -> str:
    return "none yet" if x is None else f"{round(x * 100)}%"


def ratio_fraction(value: float | None, scale: float) -> float | None:
    """A ratio placed on a bar that is full at `scale`."""
    if value is None:
        return None
    return 1.0 if value == float("inf") else min(value, scale) / scale


def figure_rows(f: scoring.Figures, across_plays: bool = False) -> list[FigureRow]:
    """The figure table: one play's (the debrief) or every play's (the progress screen, with the fear row)."""
    lr, pr = f.listening_ratio, f.positive_ratio
    fr = scoring.format_ratio
    rows = [
        FigureRow(
            "attunement",
            "Attunement",
            f.attunement / 100,
            f"{round(f.attunement)}%",
            (),
            "Where your answers fell between the worst and the best on offer"
            + (", across every play." if across_plays else ", on the path you took."),
        ),
        FigureRow(
            "named-fear",
            "Reflections that named the fear",
            f.named_fear_share,
            percent(f.named_fear_share),
            (
                (scoring.GUIDE_NAMED_FEAR_FAIR, f"fair {percent(scoring.GUIDE_NAMED_FEAR_FAIR)}"),
                (scoring.GUIDE_NAMED_FEAR_GOOD, f"good {percent(scoring.GUIDE_NAMED_FEAR_GOOD)}"),
            ),
            "Of your reflections, how many said the fear beneath the words.",
        ),
        FigureRow(
            "listening",
            "Listening to fixing",
            ratio_fraction(lr, RATIO_SCALE),
            fr(lr),
            (
                (scoring.GUIDE_RATIO_FAIR / RATIO_SCALE, f"fair {fr(scoring.GUIDE_RATIO_FAIR)}"),
                (scoring.GUIDE_RATIO_GOOD / RATIO_SCALE, f"good {fr(scoring.GUIDE_RATIO_GOOD)}"),
            ),
            "Reflecting and validating, against fixing, reassuring and defending.",
        ),
    ]
    if across_plays:
        rows.append(
            FigureRow(
                "fear",
                "Fear named correctly",
                f.fear_named_share,
                f"{f.fear_named} of {f.fear_asked}" if f.fear_asked else "none yet",
                (),
                "How often you named the fear under your partner's words.",
            )
        )
    rows.append(
        FigureRow(
            "warm",
            "Warm to cold answers",
            ratio_fraction(pr, POSITIVE_SCALE),
            fr(pr).replace("all listening", "all warm"),
            ((scoring.GUIDE_POSITIVE_TO_NEGATIVE / POSITIVE_SCALE, fr(scoring.GUIDE_POSITIVE_TO_NEGATIVE)),),
            "Kind answers against hurtful ones. Couples who stay close average about five warm moves to each "
            "cold one in conflict.",
        )
    )
    return rows


def reaction_words(name: str, step: Step | Any, last: bool = False) -> str:
    """How the partner takes an answer, told in words from what it did to the loop.

    After the `last` answer of a card the ending follows: nothing waits for a next move then.
    """
    if step.tension_after < step.tension_before:
        return f"{name} softens a little." if step.state_after.value == "softened" else f"{name} eases, a little."
    if step.tension_after > step.tension_before:
        return f"{name} bristles." if step.state_after.value == "escalated" else f"{name} tenses."
    return f"{name} takes that in quietly." if last else f"{name} waits to see what you do next."


def loop_words(step: Step | Break | Any) -> str:
    """What an answer or a break did to the loop, in one sentence."""
    a, b = step.tension_before, step.tension_after
    verb = "softens" if b < a else "tightens" if b > a else "holds"
    sa, sb = getattr(step, "state_before", None), getattr(step, "state_after", None)  # a Break has neither
    states = f" {sa.label} to {sb.label}." if sa is not None and sa is not sb else ""
    return f"The loop {verb}: tension {a:.0f} to {b:.0f}.{states}"


@dataclass(frozen=True, slots=True)
class Review:
    """One answer told in words, for the debrief."""

    line: str  # what the partner said
    said: str  # the answer given
    tone: str  # "good", "fair" or "poor", by its points
    verdict: str  # "Reflect, +2 points. The loop softens: ..."
    dialogue: str | None  # "This joined the Protest Polka pattern."
    why: str
    note: str | None  # how a context-dependent move was scored here
    better: str | None  # 'Better words here: "..." (Reflect, +2)'
    better_why: str | None
    rating: int | None = None
    votes: tuple[int, ...] | None = None
    player: str | None = None


def review(step: Step) -> Review:
    tone = "good" if step.points > 0 else "poor" if step.points < 0 else "fair"
    points = f"{signed(step.points)} point{'s' * (abs(step.points) != 1)}"
    better = better_why = None
    if not step.was_best:
        best = step.best
        better = f'Better words here: "{best.say}" ({best.move.label}, {signed(step.points_of(best))})'
        better_why = best.why
    return Review(
        line=step.line,
        said=step.choice.say,
        tone=tone,
        verdict=f"{step.choice.move.label}, {points}. {loop_words(step)}",
        dialogue=f"This joined the {step.dialogue} pattern." if step.dialogue else None,
        why=step.choice.why,
        note=scoring.move_note(step.choice, step.listened),
        better=better,
        better_why=better_why,
        rating=step.rating,
        votes=step.votes,
        player=step.player,
    )


def break_words(brk: Break) -> str:
    return f"You paused to ask what your fear was. {loop_words(brk)}"


def pattern_words(dialogue: str | None) -> tuple[str, str]:
    """The pattern's name and what it means, or a line saying none took hold."""
    if dialogue:
        return dialogue, scoring.PATTERN_EXPLAINED[dialogue]
    return "", "No demon dialogue took hold: your answers did not join the loop."
