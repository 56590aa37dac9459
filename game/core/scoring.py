"""Points per move, the loop model, pattern names and session figures.

Every constant of the game's scoring lives here, named. The design and its
published sources are in docs/scoring.md.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from .kinds import LoopState, Move, Pattern

if TYPE_CHECKING:
    from .model import Choice

# Points per move (docs/scoring.md, "Moves").
POINTS: dict[Move, int] = {
    Move.REFLECT: 2,
    Move.VALIDATE: 2,
    Move.CURIOUS: 1,
    Move.AFFIRM: 1,
    Move.DISCLOSE: 1,
    Move.REPAIR: 1,
    Move.PAUSE: 0,
    Move.FIX: -1,
    Move.REASSURE: -1,
    Move.SELF_BLAME: -1,
    Move.DEFEND: -2,
    Move.WITHDRAW: -2,
    Move.ATTACK: -3,
    Move.REFER: 1,  # after listening; see REFER_INSTEAD_OF_LISTENING
}
NAMES_FEAR_BONUS = 1  # a reflection that names the unspoken fear
# Suggesting outside help earns its point only once the partner has been heard
# on this card (a reflect or validate earlier on the path); offered instead of
# listening it is advice nobody asked for, scored as a fix.
REFER_INSTEAD_OF_LISTENING = POINTS[Move.FIX]

# The loop (docs/scoring.md, "The loop"): a discrete affect update after
# Cook et al. 1995 and Gottman et al. 2002, negativity weighing more.
TENSION_MIN = 0.0
TENSION_MAX = 10.0
DEFAULT_TENSION = 5.0
# Tuned against the goals in docs/scoring.md ("What the constants must give"),
# measured over every shipped card by `attune stats`. The first release used
# K_NEG = 1.5 and SOFTENED_BELOW = 4.0: one defensive sentence from the start
# flooded the partner (5 + 1.5 x 2 = 8), and a +1 move from 5 stayed stuck.
K_POS = 1.0  # how far a positive point lowers tension
K_NEG = 1.25  # how far a negative point raises it (negativity weighs more)
FLOODED_AT = 8.0  # at or above: flooded, and the loop state is escalated
SOFTENED_BELOW = 4.5  # below: softened; between: stuck
FLOODED_SOFTENING = 0.5  # when flooded, a good move softens only this much (sentiment override)
PAUSE_RELIEF = 3.0  # a real break, taken when flooded

# Moves that count as listening, and as fixing, for the ratio.
LISTENING = frozenset({Move.REFLECT, Move.VALIDATE})
FIXING = frozenset({Move.FIX, Move.REASSURE, Move.DEFEND})

# Guides shown beside the figures (MITI 4.2.1 thresholds, expert opinion,
# shown as guides, never verdicts).
GUIDE_NAMED_FEAR_FAIR = 0.40
GUIDE_NAMED_FEAR_GOOD = 0.50
GUIDE_RATIO_FAIR = 1.0
GUIDE_RATIO_GOOD = 2.0
GUIDE_POSITIVE_TO_NEGATIVE = 5.0  # Gottman and Levenson: about 5:1 in conflict


def points(choice: Choice, listened: bool = False) -> int:
    """Points for a choice; `listened` says whether the partner was already heard on this card."""
    if choice.move is Move.REFER and not listened:
        return REFER_INSTEAD_OF_LISTENING
    p = POINTS[choice.move]
    if choice.names_fear and choice.move is Move.REFLECT:
        p += NAMES_FEAR_BONUS
    return p


def listens(choice: Choice) -> bool:
    """Whether this answer counts as having heard the partner (for a later `refer`)."""
    return choice.move in LISTENING


def move_note(choice: Choice, listened: bool) -> str | None:
    """A sentence saying how a context-dependent move was scored here, or None."""
    if choice.move is not Move.REFER:
        return None
    if listened:
        return "Suggesting help came after you had listened, so it counts for the two of you (+1)."
    return "Suggesting help came before your partner felt heard, so it lands as a fix (-1): listen first."


def counts_as_fixing(choice: Choice, listened: bool = False) -> bool:
    return choice.move in FIXING or (choice.move is Move.REFER and not listened)


def clamp(t: float) -> float:
    return max(TENSION_MIN, min(TENSION_MAX, t))


def is_flooded(t: float) -> bool:
    return t >= FLOODED_AT


def loop_state(t: float) -> LoopState:
    if t < SOFTENED_BELOW:
        return LoopState.SOFTENED
    if t < FLOODED_AT:
        return LoopState.STUCK
    return LoopState.ESCALATED


def next_tension(t: float, choice: Choice, listened: bool = False) -> float:
    """Tension after the player's choice lands on a partner at tension t."""
    p = points(choice, listened)
    if choice.move is Move.PAUSE:
        return clamp(t - PAUSE_RELIEF) if is_flooded(t) else t
    if p > 0:
        k = K_POS * (FLOODED_SOFTENING if is_flooded(t) else 1.0)
        return clamp(t - k * p)
    if p < 0:
        return clamp(t - K_NEG * p)
    return t


def break_relief(t: float) -> float:
    """Tension after the player takes the pause action between beats.

    When flooded, a break brings real relief; otherwise the pause is a moment
    to ask "what is my vulnerable fear right now?" and the loop stays put.
    """
    return clamp(t - PAUSE_RELIEF) if is_flooded(t) else t


# Sue Johnson's "demon dialogues". The partner's stance comes from the card's
# pattern; the player's from the move. A pattern shows only on a poor move.
BAD_GUY = "Find the Bad Guy"
PROTEST_POLKA = "Protest Polka"
FREEZE_AND_FLEE = "Freeze and Flee"

PATTERN_EXPLAINED = {
    BAD_GUY: "Both of you blaming: each looks for the bad guy, and nobody feels safe.",
    PROTEST_POLKA: "One reaches out in protest, the other defends or pulls away, and each step calls up the next.",
    FREEZE_AND_FLEE: "Both of you pulling back to stay safe, and the distance grows.",
}

_PLAYER_STANCE = {Move.ATTACK: "blame", Move.DEFEND: "defend", Move.WITHDRAW: "withdraw"}
_PARTNER_STANCE = {Pattern.ATTACK: "blame", Pattern.SELF_BLAME: "pursue", Pattern.WITHDRAW: "withdraw"}
_DIALOGUES = {
    ("blame", "blame"): BAD_GUY,
    ("pursue", "blame"): BAD_GUY,
    ("blame", "defend"): PROTEST_POLKA,
    ("blame", "withdraw"): PROTEST_POLKA,
    ("pursue", "defend"): PROTEST_POLKA,
    ("pursue", "withdraw"): PROTEST_POLKA,
    ("withdraw", "blame"): PROTEST_POLKA,
    ("withdraw", "defend"): PROTEST_POLKA,
    ("withdraw", "withdraw"): FREEZE_AND_FLEE,
}


def dialogue_for(partner: Pattern, move: Move) -> str | None:
    """The demon dialogue this move joins, given how the partner's shame shows."""
    player = _PLAYER_STANCE.get(move)
    if player is None:
        return None
    return _DIALOGUES.get((_PARTNER_STANCE[partner], player))


def main_dialogue(names: Iterable[str | None]) -> str | None:
    """The dialogue seen most often in a play (the first seen breaks ties)."""
    seen = [n for n in names if n]
    if not seen:
        return None
    counts = Counter(seen)
    best = max(counts.values())
    return next(n for n in seen if counts[n] == best)


class Figures(NamedTuple):
    """Session figures, computed the MITI 4.2.1 way (docs/scoring.md)."""

    earned: int
    best_available: int
    attunement: float  # 0..100: where the answers fell between the worst and the best on offer
    reflections: int
    reflections_naming_fear: int
    listening: int
    fixing: int
    positive: int
    negative: int
    fear_named: int  # times the player named the fear correctly
    fear_asked: int  # times the player was asked
    worst_available: int = 0

    @property
    def named_fear_share(self) -> float | None:
        return self.reflections_naming_fear / self.reflections if self.reflections else None

    @property
    def listening_ratio(self) -> float | None:
        if self.fixing:
            return self.listening / self.fixing
        return None if not self.listening else float("inf")

    @property
    def positive_ratio(self) -> float | None:
        if self.negative:
            return self.positive / self.negative
        return None if not self.positive else float("inf")

    @property
    def fear_named_share(self) -> float | None:
        return self.fear_named / self.fear_asked if self.fear_asked else None


ATTUNEMENT_MEANING = (
    "Attunement is where your answers fell between the worst and the best answers on offer at the "
    "beats you reached: 100% is the best answer every time, 0% the worst every time."
)


def attunement(earned: int, best_available: int, worst_available: int = 0) -> float:
    """Where the answers fell between the worst and the best on offer on the path taken, 0..100.

    100 is the best answer at every beat, 0 the worst at every beat (MITI 4.2.1's
    way of placing a session between its floor and its ceiling), so a poor
    player and a hostile one score differently. With one answer on offer, or
    all equal, the range is empty and the figure is 100.
    """
    span = best_available - worst_available
    if span <= 0:
        return 100.0
    return max(0.0, min(100.0, 100.0 * (earned - worst_available) / span))


Pick = tuple["Choice", Sequence["Choice"], bool]  # chosen, options offered, partner already heard


def figures(picks: Sequence[Pick], fear_named: int = 0, fear_asked: int = 0) -> Figures:
    """Figures for a sequence of (chosen, options offered, listened before) picks.

    Several plays' picks may be concatenated: the figures then cover them all.
    """
    earned = sum(points(c, heard) for c, _, heard in picks)
    best = sum(max(points(o, heard) for o in options) for _, options, heard in picks)
    worst = sum(min(points(o, heard) for o in options) for _, options, heard in picks)
    reflections = [c for c, _, _ in picks if c.move is Move.REFLECT]
    return Figures(
        earned=earned,
        best_available=best,
        worst_available=worst,
        attunement=attunement(earned, best, worst),
        reflections=len(reflections),
        reflections_naming_fear=sum(1 for c in reflections if c.names_fear),
        listening=sum(1 for c, _, _ in picks if c.move in LISTENING),
        fixing=sum(1 for c, _, heard in picks if counts_as_fixing(c, heard)),
        positive=sum(1 for c, _, heard in picks if points(c, heard) > 0),
        negative=sum(1 for c, _, heard in picks if points(c, heard) < 0),
        fear_named=fear_named,
        fear_asked=fear_asked,
    )


def format_ratio(value: float | None) -> str:
    """A ratio as people read it: '2:1', '1:2', 'no fixing yet'."""
    if value is None:
        return "none yet"
    if value == float("inf"):
        return "all listening"
    if value >= 1:
        return f"{value:.1f}:1".replace(".0:", ":")
    return f"1:{1 / value:.1f}".replace(".0", "") if value > 0 else "0:1"
