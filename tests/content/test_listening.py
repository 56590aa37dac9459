"""Every shipped deck demands listening: no shortcut softens much more often than chance.

The bots (game/core/bots.py) pick answers by their surface (length, openers,
pronouns, punctuation, warm words) and never read the partner's line. A deck
that one of them softens far more often than random play teaches the trick,
not the skill. Make cards robust to the idea (good and poor answers alike in
length, openers and warmth), not to these particular bots.
"""

import pytest

from game.core import bots, stats
from game.core.loader import load_library
from game.paths import SCENARIOS

LIB = load_library([SCENARIOS])
FIGURES = stats.deck_stats(LIB.decks)
DECKS = sorted(FIGURES.decks)


@pytest.mark.parametrize("deck_id", DECKS)
@pytest.mark.parametrize("bot", sorted(bots.BOTS))
def test_no_shortcut_softens_far_above_random(deck_id, bot):
    tally = FIGURES.decks[deck_id]
    gain = tally.bot_gain(bot)
    assert gain <= stats.MAX_BOT_GAIN, (
        f"on {deck_id} the {bot} bot ends softened {gain:+.0f} points above random play "
        f"({tally.random_softened:.0%}); at most +{stats.MAX_BOT_GAIN:.0f}"
    )


def test_every_deck_is_measured():
    assert set(DECKS) == {d.id for d in LIB.decks}
    assert all(FIGURES.decks[d].random_plays == stats.RANDOM_RUNS * FIGURES.decks[d].cards for d in DECKS)
