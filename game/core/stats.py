"""How well the shipped decks demand listening, measured: the figures behind `attune stats`.

For each deck and over all of them:

- endings under best, worst and random play (random: RANDOM_RUNS seeded plays
  per card, the same every run);
- the shortcut bots (bots.py) against random play: each bot's softened share
  minus random's, in percentage points;
- the attunement floor: the share of random plays that score exactly 0%, and
  the worst policy's attunement against random's;
- the opening: the share of non-attack opening answers that flood the loop;
  the good opening answers that leave the loop where it was, or worse;
- recovery: one poor opening answer, then the best answer at every later beat
  (softened share); an opening attack, then the pause action, then the best
  (not-escalated share);
- dead lines (reach.py) and cards whose partner voices risk with no care note
  (safety.py).

Every goal is a named constant below; `misses` names the goals a deck misses.
docs/scoring.md says why each goal is what it is.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from . import bots, reach, safety, scoring
from .autoplay import play
from .model import END, STATES, Card, Choice, Deck, LoopState, Move
from .runner import Runner

# -- the goals (docs/scoring.md, "What the constants must give") ----------------
MAX_OPENING_FLOOD_SHARE = 0.05  # non-attack opening answers that flood the loop
MIN_SLIP_RECOVERY_SHARE = 0.70  # a poor opening, then the best: softened
FIRST_STEPS_DECK = "first-steps"  # on this deck every slip must recover
MIN_ATTACK_RECOVERY_SHARE = 0.90  # an opening attack, the pause action, the best: not escalated
MAX_GOOD_MOVES_UNCHANGED = 0  # good opening answers that leave the loop where it was, or worse
MAX_FLOOR_SHARE = 0.10  # random plays whose attunement is exactly 0%
MAX_BOT_GAIN = 15.0  # points a shortcut bot may soften above random play
MAX_DEAD_LINES = 0  # `says` variants no path can show
MAX_CARE_MISSING = 0  # cards voicing risk with no care note

RANDOM_RUNS = 200  # seeded random plays per card
BOT_RUNS = 20  # seeded plays per card and bot (the shown order, and so ties, varies by seed)

POOR_OPENINGS = frozenset({Move.DEFEND, Move.FIX, Move.WITHDRAW, Move.REASSURE, Move.SELF_BLAME})


@dataclass
class Tally:
    """Counts over some cards; a deck's and the library's figures are read from one."""

    cards: int = 0
    best: Counter[LoopState] = field(default_factory=Counter)
    worst: Counter[LoopState] = field(default_factory=Counter)
    random: Counter[LoopState] = field(default_factory=Counter)
    random_plays: int = 0
    random_attunement: float = 0.0  # summed
    worst_attunement: float = 0.0  # summed over cards
    floor: int = 0
    bot_softened: Counter[str] = field(default_factory=Counter)
    bot_plays: int = 0  # per bot
    openings: int = 0  # non-attack opening answers
    floods: int = 0
    slips: int = 0
    slips_recovered: int = 0
    attacks: int = 0
    attacks_recovered: int = 0
    good_unchanged: list[str] = field(default_factory=list)
    dead_lines: list[reach.DeadLine] = field(default_factory=list)
    care_missing: list[str] = field(default_factory=list)
    slips_missed: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            mine, theirs = getattr(self, name), getattr(other, name)
            if isinstance(mine, Counter | list):
                mine += theirs  # in place
            else:
                setattr(self, name, mine + theirs)

    # -- figures ----------------------------------------------------------
    def share(self, counts: Counter[LoopState], state: LoopState) -> float:
        total = sum(counts.values())
        return counts[state] / total if total else 0.0

    @property
    def random_softened(self) -> float:
        return self.share(self.random, LoopState.SOFTENED)

    def bot_gain(self, name: str) -> float:
        """Points the bot softens above random play."""
        if not self.bot_plays:
            return 0.0
        return 100.0 * (self.bot_softened[name] / self.bot_plays - self.random_softened)

    @property
    def top_bot(self) -> tuple[str, float]:
        gains = {name: self.bot_gain(name) for name in bots.BOTS}
        name = max(gains, key=lambda n: gains[n])
        return name, gains[name]

    @property
    def mean_random_attunement(self) -> float:
        return self.random_attunement / self.random_plays if self.random_plays else 0.0

    @property
    def mean_worst_attunement(self) -> float:
        return self.worst_attunement / self.cards if self.cards else 0.0

    @property
    def floor_share(self) -> float:
        return self.floor / self.random_plays if self.random_plays else 0.0

    @property
    def flood_share(self) -> float:
        return self.floods / self.openings if self.openings else 0.0

    @property
    def slip_recovery(self) -> float:
        return self.slips_recovered / self.slips if self.slips else 1.0

    @property
    def attack_recovery(self) -> float:
        return self.attacks_recovered / self.attacks if self.attacks else 1.0

    def misses(self, deck_id: str | None = None) -> list[str]:
        """The goals these cards miss, each as a sentence with its figure."""
        out: list[str] = []
        if self.flood_share > MAX_OPENING_FLOOD_SHARE:
            out.append(
                f"{self.flood_share:.0%} of non-attack opening answers flood (at most {MAX_OPENING_FLOOD_SHARE:.0%})"
            )
        if self.slip_recovery < MIN_SLIP_RECOVERY_SHARE:
            out.append(
                f"a poor opening then the best softens {self.slip_recovery:.0%} "
                f"(at least {MIN_SLIP_RECOVERY_SHARE:.0%})"
            )
        if deck_id == FIRST_STEPS_DECK and self.slips_missed:
            out.append(f"on {FIRST_STEPS_DECK} every slip must recover: {', '.join(self.slips_missed)}")
        if self.attack_recovery < MIN_ATTACK_RECOVERY_SHARE:
            out.append(
                f"an opening attack, the pause and the best ends escalated on {1 - self.attack_recovery:.0%} "
                f"(at most {1 - MIN_ATTACK_RECOVERY_SHARE:.0%})"
            )
        if len(self.good_unchanged) > MAX_GOOD_MOVES_UNCHANGED:
            out.append(f"good opening answers that leave the loop where it was: {', '.join(self.good_unchanged)}")
        if self.floor_share > MAX_FLOOR_SHARE:
            out.append(f"{self.floor_share:.0%} of random plays score 0% attunement (at most {MAX_FLOOR_SHARE:.0%})")
        if self.random_plays and self.mean_worst_attunement >= self.mean_random_attunement:
            out.append("the worst policy's attunement is not below random play's")
        name, gain = self.top_bot
        if gain > MAX_BOT_GAIN:
            out.append(f"the {name} bot softens {gain:+.0f} points above random play (at most +{MAX_BOT_GAIN:.0f})")
        if len(self.dead_lines) > MAX_DEAD_LINES:
            out.append(f"{len(self.dead_lines)} dead lines")
        if len(self.care_missing) > MAX_CARE_MISSING:
            out.append(f"cards voicing risk with no care note: {', '.join(self.care_missing)}")
        return out

    def to_json(self, deck_id: str | None = None) -> dict[str, object]:
        def shares(c: Counter[LoopState]) -> dict[str, float]:
            return {s.value: round(100 * self.share(c, s), 1) for s in STATES}

        return {
            "cards": self.cards,
            "best": shares(self.best),
            "worst": shares(self.worst),
            "random": shares(self.random),
            "random_plays": self.random_plays,
            "random_attunement": round(self.mean_random_attunement, 1),
            "worst_attunement": round(self.mean_worst_attunement, 1),
            "floor_share": round(100 * self.floor_share, 1),
            "bots": {name: round(self.bot_gain(name), 1) for name in bots.BOTS},
            "opening_flood_share": round(100 * self.flood_share, 1),
            "slip_recovery": round(100 * self.slip_recovery, 1),
            "slips_missed": self.slips_missed,
            "attack_recovery": round(100 * self.attack_recovery, 1),
            "good_moves_unchanged": self.good_unchanged,
            "dead_lines": len(self.dead_lines),
            "care_missing": self.care_missing,
            "misses": self.misses(deck_id),
        }


# -- one card -------------------------------------------------------------------


def best_choice(options: Iterable[Choice], listened: bool) -> Choice:
    """The best-scoring option (the first in the card on a tie), as the `best` policy picks it."""
    ranked = sorted(options, key=lambda c: (c.pos.line, c.pos.col))
    return max(ranked, key=lambda c: scoring.points(c, listened))


def best_from(card: Card, beat_id: str, t: float, listened: bool) -> float:
    """The tension at the end when the best answer is given from this beat on."""
    for _ in range(Runner.MAX_STEPS):
        if beat_id == END:
            break
        c = best_choice(card.beats[beat_id].choices, listened)
        t = scoring.next_tension(t, c, listened)
        listened = listened or scoring.listens(c)
        beat_id = c.next
    return t


def play_bot(card: Card, score: bots.Score, seed: int = 0) -> LoopState:
    """One play of a card by a shortcut bot, which sees only the words on offer."""
    run = Runner(card, seed=f"bot:{seed}:{card.full_id}")
    while not run.ended:
        run.choose(bots.choose(score, [c.say for c in run.choices]))
    return run.state


def card_tally(card: Card, random_runs: int = RANDOM_RUNS, bot_runs: int = BOT_RUNS) -> Tally:
    tally = Tally(cards=1)
    for policy, counts in (("best", tally.best), ("worst", tally.worst)):
        result = play(card, policy)
        if result.ending_state is not None:
            counts[result.ending_state] += 1
        if policy == "worst":
            tally.worst_attunement += result.attunement
    for seed in range(random_runs):
        result = play(card, "random", seed)
        if result.ending_state is None:
            continue
        tally.random[result.ending_state] += 1
        tally.random_plays += 1
        tally.random_attunement += result.attunement
        tally.floor += result.attunement == 0.0
    for name, score in bots.BOTS.items():
        for seed in range(bot_runs):
            tally.bot_softened[name] += play_bot(card, score, seed) is LoopState.SOFTENED
    tally.bot_plays = bot_runs
    _opening(card, tally)
    tally.dead_lines = reach.dead_lines(card)
    if safety.needs_care(card):
        tally.care_missing.append(card.full_id)
    return tally


def _opening(card: Card, tally: Tally) -> None:
    t0 = float(card.tension)
    start_state = scoring.loop_state(t0)
    for c in card.beats[card.start].choices:
        t1 = scoring.next_tension(t0, c)
        listened = scoring.listens(c)
        if c.move is not Move.ATTACK:
            tally.openings += 1
            tally.floods += scoring.is_flooded(t1)
        if c.move in POOR_OPENINGS:
            tally.slips += 1
            if scoring.loop_state(best_from(card, c.next, t1, listened)) is LoopState.SOFTENED:
                tally.slips_recovered += 1
            else:
                tally.slips_missed.append(f"{card.full_id} ({c.move.value})")
        if c.move is Move.ATTACK:
            tally.attacks += 1
            t2 = scoring.break_relief(t1) if c.next != END else t1
            tally.attacks_recovered += scoring.loop_state(best_from(card, c.next, t2, listened)) is not (
                LoopState.ESCALATED
            )
        if scoring.points(c) > 0 and start_state is not LoopState.SOFTENED:
            after = scoring.loop_state(t1)
            if STATES.index(after) >= STATES.index(start_state):
                tally.good_unchanged.append(f"{card.full_id} ({c.move.value})")


# -- decks ------------------------------------------------------------------------


@dataclass
class Stats:
    decks: dict[str, Tally]
    overall: Tally

    @property
    def misses(self) -> dict[str, list[str]]:
        """The goals missed, by deck (and "all" for the whole library)."""
        out = {deck_id: m for deck_id, t in self.decks.items() if (m := t.misses(deck_id))}
        if m := self.overall.misses():
            out["all"] = m
        return out

    @property
    def ok(self) -> bool:
        return not self.misses

    def to_json(self) -> dict[str, object]:
        return {
            "goals": GOALS,
            "decks": {deck_id: t.to_json(deck_id) for deck_id, t in self.decks.items()},
            "overall": self.overall.to_json(),
            "ok": self.ok,
        }


GOALS: dict[str, object] = {
    "max_opening_flood_share": MAX_OPENING_FLOOD_SHARE,
    "min_slip_recovery_share": MIN_SLIP_RECOVERY_SHARE,
    "first_steps_deck": FIRST_STEPS_DECK,
    "min_attack_recovery_share": MIN_ATTACK_RECOVERY_SHARE,
    "max_good_moves_unchanged": MAX_GOOD_MOVES_UNCHANGED,
    "max_floor_share": MAX_FLOOR_SHARE,
    "max_bot_gain": MAX_BOT_GAIN,
    "max_dead_lines": MAX_DEAD_LINES,
    "max_care_missing": MAX_CARE_MISSING,
    "random_runs": RANDOM_RUNS,
    "bot_runs": BOT_RUNS,
}


def deck_stats(decks: Iterable[Deck], random_runs: int = RANDOM_RUNS, bot_runs: int = BOT_RUNS) -> Stats:
    """The figures for each deck and for all of them together."""
    per: dict[str, Tally] = {}
    overall = Tally()
    for deck in decks:
        tally = Tally()
        for card in deck.cards:
            tally.add(card_tally(card, random_runs, bot_runs))
        per[deck.id] = tally
        overall.add(tally)
    return Stats(per, overall)
