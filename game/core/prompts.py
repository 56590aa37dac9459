"""Questions and short texts the modes share: for a couple after a card, for a room after a beat.

A card may carry its own (`together:`, `discuss:` on the card or on a beat);
these are the defaults, one per fear, true to the teaching.
"""

from __future__ import annotations

from .model import Beat, Card, Fear

TOGETHER_DEFAULT = {
    Fear.NOT_ENOUGH: (
        "When have you felt you were not enough for the other? What helped, or would have helped, "
        "you feel good enough again?"
    ),
    Fear.TOO_MUCH: (
        "When have you held back a feeling or a need in case it was too much for the other? "
        "What would make it easier to say next time?"
    ),
}

DISCUSS_DEFAULT = {
    Fear.NOT_ENOUGH: "What fear might sit under these words? What would help this partner feel they are enough?",
    Fear.TOO_MUCH: "What fear might sit under these words? What would help this partner feel they are not a burden?",
}

BREAK_MINUTES = 20
BREAK_WHY = (
    "When the loop floods, heart rates rise and it becomes hard to hear anything. It takes the body about "
    "twenty minutes to settle, so a real break lasts at least that long: do something calming, not "
    "rehearsing the argument, and come back to the talk when the time is up."
)

SAFETY_TOGETHER = (
    "Play this together only when you both feel safe with each other. If either of you is afraid of the "
    "other, or one of you controls or frightens the other, stop here: better listening is not the answer "
    "to that. About and safety says where to turn."
)

# The last words of a couple's sitting, on the page after their last card.
CLOSING_TOGETHER = (
    "Shame is a signal, not a dead end: it shows where connection has not yet felt safe enough to risk. "
    'When one of you names the fear under the other\'s words, "I\'m not enough" or "I\'m too much", '
    "closeness can begin. Before you go, tell each other one thing you heard today."
)

# The last question for a room, on the session's summary.
CLOSING_ROOM = (
    "This week, when someone close to you says something sharp, what will you listen for underneath: "
    '"I\'m not enough", or "I\'m too much"?'
)


def together_question(card: Card) -> str:
    """The question a couple talks about after the card."""
    return card.together or TOGETHER_DEFAULT[card.fear]


def discuss_question(card: Card, beat: Beat | None = None, last: bool = False) -> str:
    """The question a room discusses after a beat: the beat's own, else the default.

    The card's own question is for the card as a whole: it is asked once, after the card's `last` line
    (after the beat's own question, when that beat has one too).
    """
    own = beat.discuss if beat is not None else None
    if last and card.discuss:
        return f"{own} {card.discuss}" if own else card.discuss
    return own or DISCUSS_DEFAULT[card.fear]
