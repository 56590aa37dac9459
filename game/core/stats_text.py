"""`attune stats` for people: the figures of stats.py as plain-text tables."""

from __future__ import annotations

from collections import Counter

from . import bots
from .model import STATES, LoopState
from .stats import Stats, Tally

# -- as a table -------------------------------------------------------------------------

_COLUMNS = (
    ("cards", "cards"),
    ("best", "best S/s/E"),
    ("worst", "worst S/s/E"),
    ("random", "random S/s/E"),
    ("att", "att rnd/worst"),
    ("floor", "floor"),
    ("bot", "top bot (gain)"),
    ("flood", "flood"),
    ("slip", "slip ok"),
    ("attack", "attack ok"),
    ("good", "good stays"),
    ("dead", "dead"),
    ("care", "no care"),
)


def _row(t: Tally) -> dict[str, str]:
    def ends(c: Counter[LoopState]) -> str:
        return "/".join(f"{100 * t.share(c, s):.0f}" for s in STATES)

    name, gain = t.top_bot
    return {
        "cards": str(t.cards),
        "best": ends(t.best),
        "worst": ends(t.worst),
        "random": ends(t.random),
        "att": f"{t.mean_random_attunement:.0f}/{t.mean_worst_attunement:.0f}%",
        "floor": f"{100 * t.floor_share:.0f}%",
        "bot": f"{name} ({gain:+.0f})",
        "flood": f"{100 * t.flood_share:.0f}%",
        "slip": f"{100 * t.slip_recovery:.0f}%",
        "attack": f"{100 * t.attack_recovery:.0f}%",
        "good": str(len(t.good_unchanged)),
        "dead": str(len(t.dead_lines)),
        "care": str(len(t.care_missing)),
    }


def render(stats: Stats) -> str:
    """The figures as tables people read: one row per deck, the bots apart, then the goals missed."""
    rows = [(deck_id, _row(t)) for deck_id, t in stats.decks.items()] + [("all", _row(stats.overall))]
    first = max(len("deck"), *(len(d) for d, _ in rows))
    widths = {key: max(len(head), *(len(r[key]) for _, r in rows)) for key, head in _COLUMNS}
    lines = ["deck".ljust(first) + "  " + "  ".join(head.rjust(widths[key]) for key, head in _COLUMNS)]
    for deck_id, r in rows:
        lines.append(deck_id.ljust(first) + "  " + "  ".join(r[key].rjust(widths[key]) for key, _ in _COLUMNS))
    lines.append("")
    names = list(bots.BOTS)
    bw = {n: max(len(n), 4) for n in names}
    lines.append("bot gain".ljust(first) + "  " + "  ".join(n.rjust(bw[n]) for n in names))
    tallies = [*stats.decks.items(), ("all", stats.overall)]
    for deck_id, t in tallies:
        lines.append(deck_id.ljust(first) + "  " + "  ".join(f"{t.bot_gain(n):+.0f}".rjust(bw[n]) for n in names))
    lines.append("")
    lines.append(
        "S/s/E: softened/stuck/escalated endings, %. att: mean attunement of random and worst play. "
        "floor: random plays at 0% attunement."
    )
    lines.append("bot gain: points a shortcut bot softens above random play (bots never read the partner).")
    lines.append(
        "flood: non-attack openings that flood. slip ok: a poor opening, then the best, softens. "
        "attack ok: an opening attack, the pause, the best, not escalated."
    )
    misses = stats.misses
    if not misses:
        lines.append("ok: every deck meets every goal")
    for deck_id, found in misses.items():
        for m in found:
            lines.append(f"{deck_id}: misses: {m}")
    return "\n".join(lines)
