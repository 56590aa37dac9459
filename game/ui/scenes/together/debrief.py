"""A couple's debrief: our ending, our figures, each answer with the game's judgement beside the felt rating.

    open_debrief(app, together, tc, done)   # done("next") or done("stop")
    open_closing(app, together, done)       # after the last card of the day: done("done")

Every figure is the couple's: attunement of the answers given together, the
average felt-understood rating, the blind matches. No line compares the two
partners. The card's question for the two of them closes the page.
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.debrief import Review
from game.core.prompts import CLOSING_TOGETHER
from game.core.together import Together, TogetherCard

from ...loop_view import draw_state_shape
from ...widgets import draw_meter, draw_text, measure, meter_height
from ...widgets.prose import Block, Custom, Framed, Heading, Para
from ..debrief import why_and_better
from ..page import PageScene


def our_figures(theme: Any, width: int, rows: list[tuple[str, float | None, str, str]]) -> list[Block]:
    """Meters for the couple's figures: (label, fraction 0..1 or None, value, note), two to a row where they fit."""
    cols = 2 if width >= theme.body_px * 30 else 1
    gap = theme.space(2.5)
    mw = (width - gap * (cols - 1)) // cols
    out: list[Block] = []
    for i in range(0, len(rows), cols):
        row = rows[i : i + cols]
        rh = max(meter_height(theme, mw, label, note, value) for label, _, value, note in row)

        def paint(surface: pygame.Surface, rect: pygame.Rect, row=row) -> None:
            for j, (label, fraction, value, note) in enumerate(row):
                r = pygame.Rect(rect.x + j * (mw + gap), rect.y, mw, rect.height)
                draw_meter(surface, r, theme, label, fraction, value, [], note)

        out.append(Custom(rh, paint, gap_after=1.2))
    return out


def figure_rows(figures: Any, felt: float | None, matches: tuple[int, int], scope: str) -> list[tuple]:
    met, played = matches
    return [
        ("Our attunement", figures.attunement / 100, f"{round(figures.attunement)}%", f"The game's view, {scope}."),
        (
            "How understood it felt",
            None if felt is None else felt / 10,
            "-" if felt is None else f"{felt:.1f} / 10",
            "The average of the ratings given after each answer.",
        ),
        (
            "Blind matches",
            None if not played else met / played,
            f"{met} of {played}" if played else "none yet",
            "Where what one would say met what the other wanted to hear.",
        ),
    ]


def open_debrief(app: Any, together: Together, tc: TogetherCard, done: Any) -> None:
    card = tc.card
    summary = tc.session.summary()

    def ending_head(surface: pygame.Surface, rect: pygame.Rect, theme=None) -> None:
        t = app.theme
        state = summary.ending_state
        r = rect.height // 3
        draw_state_shape(surface, state, (rect.x + r + 2, rect.centery), r, t.colour.state(state))
        x = rect.x + 2 * r + t.space(1.2)
        box = pygame.Rect(x, rect.y, rect.right - x, rect.height)
        draw_text(surface, f"It ended {state.label.lower()}", t.font("h2"), t.colour.state(state), box)

    def blocks(theme: Any, width: int) -> list[Block]:
        out: list[Block] = [
            Framed(
                [Custom(theme.font("h2").get_height(), ending_head, gap_after=0.5), Para(summary.ending, "line")],
                edge=theme.colour.state(summary.ending_state),
                shadow=False,
                gap_after=1.2,
            ),
            Heading("Our figures on this card", accent=True),
        ]
        out += our_figures(theme, width, figure_rows(summary.figures, tc.felt, tc.matches, "on this card"))
        if len(together.played) + 1 > 1:
            out.append(Heading("Our figures today", accent=True))
            out += our_figures(theme, width, figure_rows(together.figures(), together.felt, together.matches, "today"))
        out.append(Heading("Answer by answer", accent=True))
        answers = iter(tc.answers)
        for entry in tc.session.reviews():
            if not isinstance(entry, Review):
                out.append(Para(entry, "small-bold", colour="good", gap_after=0.9))
                continue
            a = next(answers)
            parts: list[Block] = [
                Para(f'{card.partner} ({a.speaker} reading): "{entry.line}"', "em", dim=True, gap_after=0.5),
                Para(f'{a.listener}: "{entry.said}"', gap_after=0.5),
                Para(entry.verdict, "small-bold", colour=entry.tone, gap_after=0.4),
                Para(f"{a.speaker} felt {a.rating}/10 understood.", "small-bold", gap_after=0.4),
            ]
            if a.blind_wanted is not None:
                met = "You met." if a.met else f'{a.speaker} wanted to hear: "{a.blind_wanted.say}"'
                parts.append(Para(f"Blind match: {met}", "small", gap_after=0.4))
            if a.gap:
                parts.append(Para(a.gap, "small-bold", colour="accent", gap_after=0.4))
            parts.extend(why_and_better(entry))
            out.append(Framed(parts, fill="panel", edge="panel_edge", pad=1.3, shadow=False, gap_after=0.9))
        if card.care:
            out.append(Framed([Para(card.care, "body")], edge="poor", shadow=False, gap_after=1.2))
        talk = [Heading("For the two of you", accent=True, gap_after=0.5), Para(tc.question, "h2")]
        out.append(Framed(talk, edge="accent", shadow=False, gap_after=1.2))
        out.append(Framed([Heading("What this card teaches", gap_after=0.5), Para(card.teaching, "em")], shadow=False))
        return out

    app.push(
        PageScene,
        done,
        title=f"Our debrief: {card.title}",
        name="together-debrief",
        blocks=blocks,
        choices=[("Next card", "next", "primary"), ("Stop here for today", "stop", "normal")],
        back="stop",
        back_label="Done",
    )


def open_closing(app: Any, together: Together, done: Any) -> None:
    """The last page of a couple's sitting: the cards they played and how each ended, their figures for
    the day, and a last word true to the teaching. Nothing here compares the two of them."""
    cards = together.played

    def blocks(theme: Any, width: int) -> list[Block]:
        a, b = together.names
        n = len(cards)
        out: list[Block] = [
            Para(f"{a} and {b}, you played {n} card{'s' if n != 1 else ''} together today.", "h2", gap_after=0.9)
        ]
        for i, tc in enumerate(cards, 1):
            out.append(_ended_line(theme, tc, gap_after=1.2 if i == n else 0.4))
        out.append(Heading("Our figures today", accent=True, gap_after=0.6))
        out += our_figures(theme, width, figure_rows(together.figures(), together.felt, together.matches, "today"))
        out.append(Framed([Para(CLOSING_TOGETHER, "body")], edge="accent", shadow=False))
        return out

    app.push(
        PageScene,
        done,
        title="Today, together",
        name="together-closing",
        blocks=blocks,
        choices=[("Done for today", "done", "primary")],
        back="done",
        back_label="Done",
    )


def _ended_line(theme: Any, tc: TogetherCard, gap_after: float) -> Custom:
    """A card of the day and how it ended: the ending's shape, then its words in the ending's colour."""
    state = tc.session.summary().ending_state
    line = f"{tc.card.title}: it ended {state.label.lower()}."
    font = theme.font("body")
    r = font.get_height() // 3
    indent = 3 * r

    def paint(surface: pygame.Surface, rect: pygame.Rect) -> None:
        colour = theme.colour.state(state)
        draw_state_shape(surface, state, (rect.x + r, rect.y + font.get_height() // 2), r, colour)
        draw_text(surface, line, font, colour, pygame.Rect(rect.x + indent, rect.y, rect.width - indent, rect.height))

    return Custom(lambda width: measure(font, line, width - indent), paint, gap_after=gap_after)
