"""What the room sees at each step of a workshop, laid out from the window and drawn.

    placed = layout_stage(scene, size)   # rects and texts for the step, kept on the scene
    draw_stage(scene, surface)           # draws them; changes nothing

Every step has the same frame: the card and its number at the top left, the
step's name at the top right, a line of keys at the foot. The loop view is
large wherever the loop moves (the line, the reveal, the ending).
"""

from __future__ import annotations

from typing import Any

import pygame

from game.core.debrief import pattern_words
from game.core.kinds import LoopState
from game.core.prompts import CLOSING_ROOM
from game.core.workshop import Stage

from ...intents import number_keys
from ...loop_view import draw_state_shape
from ...widgets import draw_panel, draw_text, elide, line_height, measure, wrap
from ...widgets.prose import breakable

STAGE_NAMES = {
    Stage.LINE: "The line",
    Stage.OPTIONS: "How would you answer?",
    Stage.REVEAL: "The room's answer",
    Stage.WHY: "Why each answer lands as it does",
    Stage.DISCUSS: "Talk about it",
    Stage.ENDING: "How it ended",
    Stage.SUMMARY: "The session",
}
FOOT = {
    Stage.LINE: "Next: the answers  ·  H keys",
    Stage.OPTIONS: "{keys} add a vote  ·  Shift takes one away  ·  0 clears  ·  Next: reveal",
    Stage.REVEAL: "Next: why  ·  Back: the votes",
    Stage.WHY: "Next: discussion",
    Stage.DISCUSS: "T starts or pauses the timer  ·  Next: the next line",
    Stage.ENDING: "Next card",
    Stage.SUMMARY: "Esc leaves",
}


HEAD_LINES = 3  # the card's number and title: a title within its limit takes at most three


def fit_role(theme: Any, texts: list[str], width: int, height: int, roles: tuple[str, ...]) -> str:
    """The largest role in which all `texts`, one under another at `width`, fit in `height`."""
    gap = theme.space(0.8)
    for role in roles:
        need = sum(measure(theme.font(role), t, width) for t in texts) + gap * max(0, len(texts) - 1)
        if need <= height:
            return role
    return roles[-1]


def layout_stage(scene: Any, size: tuple[int, int]) -> dict[str, Any]:
    t = scene.theme
    w, h = size
    m = t.margin
    ws = scene.w
    p: dict[str, Any] = {"items": []}
    stage = ws.stage
    head = f"Card {ws.card_number} of {len(ws.cards)}: {ws.card.title}" if stage is not Stage.SUMMARY else ws.title
    name = STAGE_NAMES[stage]
    name_w = min(t.font("small-bold").size(name)[0] + 2, w // 3)
    p["name"] = (name, pygame.Rect(w - m - name_w, m, name_w, measure(t.font("small-bold"), name, name_w)))
    head_w = w - 3 * m - name_w
    head = elide(t.font("h2"), head, head_w, lines=HEAD_LINES)  # a title past its limit ends in an ellipsis
    p["head"] = (head, pygame.Rect(m, m, head_w, measure(t.font("h2"), head, head_w)))
    foot = FOOT[stage].format(keys=number_keys(len(ws.options))) if stage is Stage.OPTIONS else FOOT[stage]
    fh = measure(t.font("small"), foot, w - 2 * m)
    p["foot"] = (foot, pygame.Rect(m, h - m - fh, w - 2 * m, fh))
    top = max(p["head"][1].bottom, p["name"][1].bottom) + t.space(1.2)
    body = pygame.Rect(m, top, w - 2 * m, p["foot"][1].top - t.space(1) - top)
    with_loop = stage in (Stage.LINE, Stage.REVEAL, Stage.ENDING)
    if with_loop:
        lw = int(body.width * 0.36)
        p["loop"] = pygame.Rect(body.right - lw, body.top, lw, body.height)
        body = pygame.Rect(body.x, body.y, body.width - lw - t.space(2), body.height)
    p["body"] = body
    items: list[tuple[str, str, str, pygame.Rect]] = []  # kind, text, role, rect
    y = body.top

    def add(
        kind: str, text: str, role: str, pad: int = 0, gap: float = 0.8, paths: bool = False, indent: int = 0
    ) -> None:
        nonlocal y
        if paths:  # a folder path may break after its separators
            text = breakable(t.font(role), text, body.width - 2 * pad)
        th = measure(t.font(role), text, body.width - 2 * pad - indent)
        items.append((kind, text, role, pygame.Rect(body.x + indent, y, body.width - indent, th + 2 * pad)))
        y += th + 2 * pad + t.space(gap)

    pad = t.space(1)
    card = ws.card
    if stage is Stage.LINE:
        add("em", card.setting, "em", gap=1.4)
        add("who", f"{card.partner} says", "small-bold", gap=0.4)
        roles = ("h1", "line", "body", "small")
        add("bubble", ws.line, fit_role(t, [ws.line], body.width - 2 * pad, body.bottom - y - 2 * pad, roles), pad)
    elif stage is Stage.OPTIONS:
        add("who", f'{card.partner}: "{ws.line}"', "em", gap=1.0)
        texts = [c.say for c in ws.options]
        role = fit_role(
            t, texts, body.width - 2 * pad - t.space(3), body.bottom - y - t.space(3), ("h2", "body", "small")
        )
        for i, c in enumerate(ws.options):
            th = measure(t.font(role), c.say, body.width - 2 * pad - t.space(3))
            items.append(("option", f"{i + 1}", role, pygame.Rect(body.x, y, body.width, th + 2 * pad)))
            items.append(
                (
                    "say",
                    c.say,
                    role,
                    pygame.Rect(body.x + pad + t.space(3), y + pad, body.width - 2 * pad - t.space(3), th),
                )
            )
            y += th + 2 * pad + t.space(0.6)
        total = ws.total_votes
        add(
            "count", f"Votes entered: {total}" if total else "No votes yet: enter the show of hands, or go on", "strong"
        )
    elif stage is Stage.REVEAL:
        index, tie, walked = ws.played
        out = ws.revealed
        if walked:
            add("note", f"No votes: what each answer would do ({ws.walk_index + 1} of {len(ws.options)})", "small-bold")
            add("you", out.choice.say, "body", pad)
        else:
            total = max(1, ws.total_votes)
            small = t.font("small")
            most = max(1, (body.height - 2 * t.line_height("small") - t.space(2)) // line_height(small))
            for i, (c, v) in enumerate(zip(ws.options, ws.votes, strict=True)):
                # an answer and its bar keep to one page: in a very small window, its words end in "..."
                label = elide(small, f"{i + 1}. {c.say}", body.width - t.space(8), lines=most)
                th = measure(t.font("small"), label, body.width - t.space(8))
                items.append(("bar", label, "small", pygame.Rect(body.x, y, body.width, th + t.space(1.2))))
                items.append(
                    ("barfill", f"{v}", f"{v / total}|{int(i == index)}", pygame.Rect(body.x, y, body.width, th))
                )
                y += th + t.space(1.8)
            if tie:
                add("note", "A tie: the first tied answer, in the order shown, is played.", "small-bold")
        add("who", card.partner, "small-bold", gap=0.4)
        add("bubble", out.reply(card.partner), "line", pad)
        add("note", out.loop, "small")
    elif stage is Stage.WHY:
        best = ws.best_index
        for i, c in enumerate(ws.options):
            pts = ws.points[i]
            mark = "  (the best answer here)" if i == best else ""
            add("best" if i == best else "label", f"{i + 1}. {c.move.label}, {pts:+d}{mark}", "strong", gap=0.2)
            add("say", f'"{c.say}"', "body", gap=0.2)
            add("why", c.why, "small", gap=1.0)
    elif stage is Stage.DISCUSS:
        add(
            "question",
            ws.question,
            fit_role(t, [ws.question], body.width, body.height // 2, ("h1", "h2", "body", "small")),
            gap=1.5,
        )
        add("timer", ws.timer.text(), "display", gap=0.4)
        add("note", "running" if ws.timer.running else "T to start the timer", "small")
    elif stage is Stage.ENDING:
        rec = ws.records[-1]
        add("state", f"It ended {rec.ending_state.label.lower()}", "h2", gap=0.4)
        add("bubble", rec.ending, "line", pad, gap=1.0)
        pattern, meaning = pattern_words(rec.dialogue)
        add("label", f"{pattern}: {meaning}" if pattern else meaning, "small")
        add(
            "teach",
            card.teaching,
            fit_role(t, [card.teaching], body.width, max(1, body.bottom - y - t.space(6)), ("em", "small")),
        )
        share = f"{round(100 * rec.votes_for_listening / rec.votes)}%" if rec.votes else "no votes"
        add(
            "label",
            f"The room's answers: attunement {rec.attunement:.0f}%. Votes for answers that eased the loop: {share}.",
            "small",
        )
    elif stage is Stage.SUMMARY:
        n = len(ws.records)
        listened, votes = ws.votes_for_listening
        cast = f", {votes} votes: {round(100 * listened / votes)}% for answers that eased the loop" if votes else ""
        add("count", f"{n} card{'s' if n != 1 else ''} played together{cast}.", "strong", gap=1.0)
        shape = _shape_indent(t, "body")
        for rec in ws.records:
            state = rec.ending_state
            line = f"{rec.card.title}: it ended {state.label.lower()} (the room's attunement {rec.attunement:.0f}%)"
            add(f"{ENDED}{state.value}", line, "body", gap=0.5, indent=shape)
        y += t.space(1)
        add("who", "To take home", "small-bold", gap=0.4)
        closing = fit_role(t, [CLOSING_ROOM], body.width, body.height // 3, ("h2", "body"))
        add("question", CLOSING_ROOM, closing, gap=1.5)
        saved = getattr(scene, "exported", None)
        if saved:
            # the room sees the session's name, never a path of this computer (Settings shows the folder)
            where = "your data folder's workshops/ folder"
            add(
                "note",
                f"The report on {ws.title} is saved in {where}: {saved[0].name} and {saved[1].name}",
                "small",
                paths=True,
            )
    pages = paginate(t, items, body)
    scene.pages = len(pages)
    scene.page = min(scene.page, scene.pages - 1)
    p["items"] = pages[scene.page]
    if scene.page < scene.pages - 1:  # Next shows the rest of this step first
        p["foot"] = (f"Next: page {scene.page + 2} of {scene.pages}  ·  H keys", p["foot"][1])
    return p


Item = tuple[str, str, str, pygame.Rect]
PADDED = ("bubble", "you")  # drawn inside a panel, `pad` in from its edge
SPLITTABLE = PADDED + ("em", "who", "question", "teach", "label", "best", "note", "count", "say", "why")
ENDED = "ended-"  # a card's line on the summary, in its ending's colour beside its shape: "ended-softened"


def _shape_indent(t: Any, role: str) -> int:
    """Room at the left of a line for its ending's shape, whose radius is a third of the line's height."""
    return t.font(role).get_height() // 3 * 3


WITH_ABOVE = ("say", "why")  # an answer's words and why stay with its heading on the WHY step


def paginate(t: Any, items: list[Item], body: pygame.Rect) -> list[list[Item]]:
    """`items` in pages that each fit `body`, the last line of a page left for "Page 1 of 2".

    Items that overlap (an answer's number and its words, a bar and its count) stay
    together; a text taller than a whole page goes on over the next, line by line.
    """
    if not items or max(r.bottom for *_, r in items) <= body.bottom:
        return [items]
    note = t.line_height("small") + t.space(0.4)
    limit = body.bottom - note
    blocks: list[list[Item]] = []
    for item in items:
        if blocks and (item[3].top < max(r.bottom for *_, r in blocks[-1]) or item[0] in WITH_ABOVE):
            blocks[-1].append(item)
        else:
            blocks.append([item])
    pages: list[list[Item]] = [[]]
    shift = 0
    queue = list(blocks)
    while queue:
        block = queue.pop(0)
        top, bottom = min(r.top for *_, r in block), max(r.bottom for *_, r in block)
        if bottom + shift > limit and len(block) == 1 and block[0][0] in SPLITTABLE:
            # a text that does not fit: its first lines here (two at least, or none), the rest over the page
            head, rest = _split(t, block[0], limit - (top + shift), 2 if pages[-1] else 1)
            if head is not None and rest is not None:
                pages[-1].append(_moved(head, shift))
                pages.append([])
                shift = body.top - rest[3].top
                queue.insert(0, [rest])
                continue
        if bottom + shift > limit and pages[-1]:
            pages.append([])
            shift = body.top - top
            queue.insert(0, block)  # tried again on the fresh page
            continue
        if bottom + shift > limit and len(block) > 1 and all(k in SPLITTABLE for k, *_ in block):
            queue[:0] = [[item] for item in block]  # too tall even alone: its parts go on one by one
            continue
        pages[-1].extend(_moved(item, shift) for item in block)
    n = len(pages)
    for i, page in enumerate(pages):
        page.append(
            ("note", f"Page {i + 1} of {n}", "small", pygame.Rect(body.x, limit + t.space(0.4), body.width, note))
        )
    return pages


def _moved(item: Item, dy: int) -> Item:
    kind, text, role, r = item
    return (kind, text, role, r.move(0, dy))


def _split(t: Any, item: Item, room: int, least: int = 1) -> tuple[Item | None, Item | None]:
    """A text item cut between its lines: the lines that fit in `room` pixels, and the rest below them."""
    kind, text, role, r = item
    pad = t.space(1) if kind in PADDED else 0
    font = t.font(role)
    lines = wrap(font, text, r.width - 2 * pad)
    lh = line_height(font)
    k = (room - 2 * pad - font.get_height()) // lh + 1 if room - 2 * pad >= font.get_height() else 0
    if k < least or k >= len(lines):
        return None, None
    head, rest = "\n".join(lines[:k]), "\n".join(lines[k:])
    hh = measure(font, head, r.width - 2 * pad) + 2 * pad
    rh = measure(font, rest, r.width - 2 * pad) + 2 * pad
    return (kind, head, role, pygame.Rect(r.x, r.y, r.width, hh)), (
        kind,
        rest,
        role,
        pygame.Rect(r.x, r.y + hh, r.width, rh),
    )


def draw_stage(scene: Any, surface: pygame.Surface) -> None:
    t = scene.theme
    c = t.colour
    p = scene.placed
    scene.app.draw_background(surface)
    text, r = p["head"]
    draw_text(surface, text, t.font("h2"), c.text, r)
    text, r = p["name"]
    draw_text(surface, text, t.font("small-bold"), c.accent, r, align="right")
    if "loop" in p:
        draw_panel(surface, p["loop"], t, shadow=False)
        inner = p["loop"].inflate(-t.space(1.5), -t.space(1.5))
        scene.view.draw(surface, inner, t)
    pad = t.space(1)
    for kind, text, role, r in p["items"]:
        font = t.font(role) if kind != "barfill" else None
        if kind == "bubble":
            draw_panel(surface, r, t, fill=c.raised, edge=c.partner)
            draw_text(surface, text, font, c.text, r.inflate(-2 * pad, -2 * pad))
        elif kind == "you":
            draw_panel(surface, r, t, fill=c.panel, edge=c.player)
            draw_text(surface, text, font, c.text, r.inflate(-2 * pad, -2 * pad))
        elif kind == "option":
            draw_panel(surface, r, t, fill=c.panel, edge=c.panel_edge, shadow=False)
            draw_text(
                surface, text, t.font("strong"), c.accent, pygame.Rect(r.x + pad, r.y + pad, t.space(3), r.height)
            )
        elif kind == "bar":
            draw_text(surface, text, font, c.text, pygame.Rect(r.x, r.y, r.width - t.space(8), r.height))
        elif kind == "barfill":
            fraction, played = role.split("|")
            track = pygame.Rect(r.x, r.bottom + t.space(0.2), r.width - t.space(8), t.space(0.8))
            pygame.draw.rect(surface, c.panel, track, border_radius=track.height // 2)
            fill = track.copy()
            fill.width = max(0, round(track.width * float(fraction)))
            colour = c.accent if played == "1" else c.text_dim
            if fill.width:
                pygame.draw.rect(surface, colour, fill, border_radius=track.height // 2)
            count = pygame.Rect(track.right + t.space(0.5), r.y, t.space(7.5), r.height)
            label = f"{text} played" if played == "1" else text
            draw_text(surface, label, t.font("small-bold"), colour, count, align="right")
        elif kind == "state":
            state = scene.w.records[-1].ending_state
            rr = r.height // 3
            draw_state_shape(surface, state, (r.x + rr, r.centery), rr, c.state(state))
            draw_text(surface, text, font, c.state(state), pygame.Rect(r.x + 3 * rr, r.y, r.width - 3 * rr, r.height))
        elif kind.startswith(ENDED):
            state = LoopState(kind.removeprefix(ENDED))
            rr = font.get_height() // 3
            draw_state_shape(surface, state, (r.x - 2 * rr, r.y + font.get_height() // 2), rr, c.state(state))
            draw_text(surface, text, font, c.state(state), r)
        elif kind == "timer":  # the countdown moves between layouts
            draw_text(surface, scene.w.timer.text(), font, c.accent, r)
        else:
            colour = {"who": c.accent, "best": c.good, "note": c.text_dim, "em": c.text_dim, "why": c.text_dim}.get(
                kind, c.text
            )
            draw_text(surface, text, font, colour, r)
    text, r = p["foot"]
    draw_text(surface, text, t.font("small"), c.text_dim, r)
