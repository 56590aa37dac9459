"""Words on a card that touch risk: the one list, and where a card first says them.

A partner who speaks of being a burden, of others being better off without
them, of disappearing, of not going on or of hurting themselves is not only a
listening exercise: such a card needs a `care:` note (docs/card-format.md,
AT405) that points the player to the About and safety page.

The patterns look for the risk in the speaker's own voice ("I'm a burden",
"you'd all manage fine without me", "I can't go on") so that ordinary speech
("go on, tell me", "the money disappeared", "end it there") does not fire.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .model import NOWHERE, Card, Pos

# Shown after a card's care note, on the pause screen and in the debrief.
CARE_POINTER = "About and safety, on the title screen, says where to turn."

# Each pattern is one way a partner may voice risk. Case is ignored; curly
# apostrophes are read as straight ones first.
RISK_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "being a burden",
        r"\b(?:I'm|I am|I've been|I have been|I feel like|I'd be|I'll be|me|be|being|become|becoming)"
        r" (?:\w+ )?(?:a|such a|just a|only a|nothing but a|the) burden\b",
    ),
    ("better off without me", r"\b(?:better|happier|easier) (?:off )?without me\b|\bbetter off if I\b"),
    (
        "managing without me",
        r"\b(?:manage|cope|do|get on|get by|be fine|be okay|be ok)(?: \w+)? without me\b",
    ),
    (
        "disappearing",
        r"\bI(?:'d| would| could| should| want to| wanna| might| just want to)(?: just)? (?:disappear|vanish)\b"
        r"|\bif I (?:just )?(?:disappeared|vanished|wasn't here|weren't here|was gone|were gone)\b"
        r"|\bwish I (?:could )?(?:disappear|vanish|wasn't here|weren't here|wasn't around|weren't around)\b",
    ),
    (
        "not going on",
        r"\b(?:can't|cannot|can not|couldn't|don't want to|not sure I can|no point) (?:go|going|carry|carrying) on\b"
        r"|\bno point (?:in )?(?:me|living|being here|any ?more)\b|\bnot going on\b",
    ),
    ("hurting oneself", r"\b(?:hurt|harm|kill)(?:ing)? (?:myself|meself)\b|\bself[- ]harm"),
    (
        "ending it",
        r"\bend(?:ing)? it all\b|\bend(?:ing)? my (?:own )?life\b|\btak(?:e|ing) my (?:own )?life\b"
        r"|\bsuicid\w*|\b(?:want|wanted|wanting) to die\b(?! of| laughing)"
        r"|\bwish I (?:was|were) dead\b|\bbetter off dead\b",
    ),
)

_COMPILED = tuple((name, re.compile(rx, re.IGNORECASE)) for name, rx in RISK_PATTERNS)
# Every pattern above needs one of these words: texts without any (nearly all) are passed at once.
_ANY_WORD = re.compile(
    r"burden|without me|disappear|vanish|here|around|gone|go on|going on|carry|carrying|point|"
    r"myself|meself|self|it all|life|suicid|die|dead|better off"
)


# Narrower: every pattern above holds one of these pieces as written (in lower case). In ASCII text,
# lower-case matching is what re.IGNORECASE does, so a text without any cannot match; other text
# (where case folding differs from lower(), as the long s does) is looked at with the patterns.
_NEEDED = re.compile(
    r"burden|without me|better off|disappear|vanish|n't (?:here|around)|(?:was|were) gone|"
    r"go on|going on|carry on|carrying on|no point|(?:hurt|harm|kill)(?:ing)? m[ey]self|self[- ]harm|"
    r"it all|life|suicid|to die|dead"
)


def risk_in(text: str) -> str | None:
    """The name of the first kind of risk this text voices, or None."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    low = plain.lower()
    if not _ANY_WORD.search(low):
        return None
    if plain.isascii() and not _NEEDED.search(low):
        return None
    for name, rx in _COMPILED:
        if rx.search(plain):
            return name
    return None


def partner_lines(card: Card) -> Iterator[tuple[Pos, str]]:
    """Every line the partner speaks on a card (says variants, then replies), with where it stands."""
    for beat in card.beats.values():
        seen: set[str] = set()
        for state, text in beat.says.items():
            if text in seen:
                continue
            seen.add(text)
            yield beat.says_pos.get(state, beat.pos), text
        for c in beat.choices:
            if c.reply:
                yield (c.reply_pos if c.reply_pos != NOWHERE else c.pos), c.reply


def first_risk(card: Card) -> tuple[Pos, str, str] | None:
    """Where the partner first voices risk on this card: (position, kind of risk, text), earliest in the file."""
    found = [(pos, kind, text) for pos, text in partner_lines(card) if (kind := risk_in(text))]
    if not found:
        return None
    return min(found, key=lambda f: (f[0].line, f[0].col))


def needs_care(card: Card) -> bool:
    """A card whose partner voices risk and that carries no care note."""
    return not card.care and first_risk(card) is not None
