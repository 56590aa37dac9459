"""Shortcut players: policies that pick an answer by its surface, never by listening.

Each bot sees only the words of the options on offer, in the order shown. It
never reads the partner's line, the move an option is tagged with, or its
points. A card that such a bot can soften as often as a listener can teaches a
trick, not listening; `attune stats` and tests/content/test_listening.py play
every shipped card with these bots and compare them with random play.

A bot scores each option's words; the highest score wins, and a tie goes to
the option shown first (the order is shuffled by the seeded runner).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

Score = Callable[[str], float]

OPENERS = (
    "so ",
    "so,",
    "that makes sense",
    "it makes sense",
    "i'm sorry",
    "i am sorry",
    "it sounds like",
    "sounds like",
    "i hear",
    "of course",
    "no wonder",
)
WARM_WORDS = frozenset(
    {
        "feel",
        "feels",
        "feeling",
        "felt",
        "hear",
        "heard",
        "sounds",
        "sound",
        "sorry",
        "love",
        "loved",
        "understand",
        "understood",
        "care",
        "matter",
        "matters",
        "scared",
        "afraid",
        "worried",
        "alone",
        "hurt",
        "lonely",
        "safe",
        "together",
        "glad",
        "thank",
        "thanks",
        "wonder",
    }
)
TENTATIVE = ("maybe", "i wonder", "is that", "am i", "does that", "perhaps", "seems", "close?", "right?")

_WORD = re.compile(r"[a-z']+")
_YOU = re.compile(r"\byou(?:r|rs|rself|'re|'ve|'d|'ll)?\b", re.IGNORECASE)
_I = re.compile(r"\b(?:i|i'm|i've|i'd|i'll|me|my|mine|myself)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]")


def _plain(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'").lower().strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(_plain(text))


def longest(text: str) -> float:
    return len(text)


def shortest(text: str) -> float:
    return -len(text)


def opener(text: str) -> float:
    """The answer that opens the way listeners are said to open ("So...", "That makes sense")."""
    plain = _plain(text)
    return 1.0 if plain.startswith(OPENERS) else 0.0


def most_you(text: str) -> float:
    return len(_YOU.findall(text))


def questions(text: str) -> float:
    return text.count("?")


def warm(text: str) -> float:
    """The answer with the most warm words: the one that sounds most caring."""
    return sum(w in WARM_WORDS for w in _words(text))


def fewest_i(text: str) -> float:
    return -len(_I.findall(text))


def commas(text: str) -> float:
    return text.count(",")


def first_sentence(text: str) -> float:
    return len(_SENTENCE_END.split(text.strip(), maxsplit=1)[0])


def tentative(text: str) -> float:
    """Hedged, checking language ("maybe", "I wonder", "is that right?")."""
    plain = _plain(text)
    return sum(plain.count(t) for t in TENTATIVE)


def calm(text: str) -> float:
    """No exclamation marks, no capitals shouting, then the longest."""
    return -10 * text.count("!") + len(text) / 1000


BOTS: dict[str, Score] = {
    "longest": longest,
    "shortest": shortest,
    "opener": opener,
    "most-you": most_you,
    "questions": questions,
    "warm": warm,
    "fewest-i": fewest_i,
    "commas": commas,
    "first-sentence": first_sentence,
    "tentative": tentative,
    "calm": calm,
}


def choose(score: Score, says: Sequence[str]) -> int:
    """The index (in shown order) of the highest-scoring words; the first shown on a tie."""
    best, best_score = 0, float("-inf")
    for i, text in enumerate(says):
        s = score(text)
        if s > best_score:
            best, best_score = i, s
    return best
