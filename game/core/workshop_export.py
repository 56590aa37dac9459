"""A finished workshop as a readable report (Markdown) and a table (CSV).

No participant data exists: only the cards, the options shown, the room's
vote counts, the answers played and the endings.
"""

from __future__ import annotations

import csv
import io
import re
import time
from pathlib import Path

from .atomic import atomic_write
from .workshop import CardRecord, Workshop

CSV_COLUMNS = ("card", "beat", "shown", "move", "points", "say", "votes", "played")
EXPORT_FOLDER = "workshops"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def to_csv(records: tuple[CardRecord, ...] | list[CardRecord]) -> str:
    """One row per option shown at each beat; `played` is yes on the one the room played."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for rec in records:
        for b in rec.beats:
            for i, (choice, pts, votes) in enumerate(zip(b.shown, b.points, b.votes, strict=True)):
                w.writerow(
                    (
                        rec.card.full_id,
                        b.beat_id,
                        i + 1,
                        choice.move.value,
                        pts,
                        _one_line(choice.say),
                        votes,
                        "yes" if i == b.played else "no",
                    )
                )
    return out.getvalue()


def _share(n: int, total: int) -> str:
    return f"{round(100 * n / total)}%" if total else "-"


def to_markdown(title: str, records: tuple[CardRecord, ...] | list[CardRecord], when: str) -> str:
    lines = [f"# {_one_line(title)}", "", f"Run on {when}. {len(records)} card{'s' * (len(records) != 1)}.", ""]
    total = sum(r.votes for r in records)
    listening = sum(r.votes_for_listening for r in records)
    if total:
        lines += [f"The room cast {total} votes; {_share(listening, total)} went to answers that eased the loop.", ""]
    for rec in records:
        card = rec.card
        lines += [f"## {_one_line(card.title)} ({card.full_id})", "", f"*{_one_line(card.setting)}*", ""]
        for b in rec.beats:
            lines += [f"**{_one_line(card.partner)}:** \u201c{_one_line(b.line)}\u201d", ""]
            beat_total = sum(b.votes)
            for i, (choice, pts, votes) in enumerate(zip(b.shown, b.points, b.votes, strict=True)):
                mark = " **(played)**" if i == b.played else ""
                count = f"{votes} vote{'s' * (votes != 1)} ({_share(votes, beat_total)})" if beat_total else "no votes"
                lines.append(f"{i + 1}. {_one_line(choice.say)} *{choice.move.label}, {pts:+d}*: {count}{mark}")
            if b.walked:
                lines += ["", "No votes were entered: every outcome was shown, and the best answer was played."]
            elif b.tie:
                lines += ["", "A tie: the first tied answer in the order shown was played."]
            lines.append("")
        lines += [
            f"**Ending ({rec.ending_state.label}):** {_one_line(rec.ending)}",
            "",
            f"Attunement of the answers played: {rec.attunement:.0f}%."
            + (f" The pattern that showed: {rec.dialogue}." if rec.dialogue else ""),
            "",
            f"*{_one_line(card.teaching)}*",
            "",
        ]
    return "\n".join(lines)


def slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:40] or "workshop"


def export(workshop: Workshop, home: Path, when: float | None = None) -> tuple[Path, Path]:
    """Write the report and the table to `home/workshops/`; returns their paths. Raises OSError."""
    stamp = time.localtime(when if when is not None else time.time())
    folder = Path(home) / EXPORT_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    base = f"{time.strftime('%Y-%m-%d-%H%M', stamp)}-{slug(workshop.title)}"
    md, table = folder / f"{base}.md", folder / f"{base}.csv"
    atomic_write(md, to_markdown(workshop.title, workshop.records, time.strftime("%Y-%m-%d %H:%M", stamp)))
    atomic_write(table, to_csv(workshop.records))
    return md, table
