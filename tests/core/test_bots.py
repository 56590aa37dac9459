"""The shortcut bots: what each picks, and that they never read moves or points."""

import dataclasses

from game.core import bots
from game.core.deckfile import load_deck_text
from game.core.model import LoopState, Move
from game.core.stats import play_bot

from .decks import BASE

OPTIONS = [
    "So you felt alone, waiting?",  # opener, question, warm, you
    "I was busy, I had a meeting, I forgot.",  # commas, most I
    "Sorry.",  # shortest
    "You never, ever let me finish a sentence, do you, and you know it!",  # longest, commas, you
]


def test_at_least_eight_bots():
    assert len(bots.BOTS) >= 8


def test_each_bot_picks_by_the_surface():
    pick = {name: bots.choose(score, OPTIONS) for name, score in bots.BOTS.items()}
    assert pick["longest"] == 3
    assert pick["shortest"] == 2
    assert pick["opener"] == 0
    assert pick["most-you"] == 3
    assert pick["questions"] == 0  # one each for 0 and 3: the first shown wins a tie
    assert pick["warm"] == 0
    assert pick["fewest-i"] == 0
    assert pick["commas"] == 3
    assert pick["first-sentence"] == 3
    assert pick["calm"] == 1  # no "!", and longer than the other calm ones


def test_openers_match_with_curly_apostrophes_and_case():
    assert bots.opener("I\u2019m sorry it landed like that.") == 1.0
    assert bots.opener("THAT MAKES SENSE.") == 1.0
    assert bots.opener("Sorry about that, though.") == 0.0
    assert bots.opener("Sofia called.") == 0.0


def test_ties_go_to_the_first_shown():
    assert bots.choose(bots.questions, ["a", "b", "c"]) == 0
    assert bots.choose(bots.longest, ["ab", "cd", "e"]) == 0


def _swap_moves(deck):
    """The same words with every move turned to its opposite's: a bot must pick the same words."""
    flip = {Move.REFLECT: Move.ATTACK, Move.ATTACK: Move.REFLECT, Move.DEFEND: Move.REFLECT}
    cards = []
    for card in deck.cards:
        beats = {
            bid: dataclasses.replace(
                b,
                choices=tuple(
                    dataclasses.replace(c, move=flip.get(c.move, c.move), names_fear=False) for c in b.choices
                ),
            )
            for bid, b in card.beats.items()
        }
        cards.append(dataclasses.replace(card, beats=beats))
    return cards


def test_bots_never_read_moves():
    deck, _ = load_deck_text(BASE, "base.yaml")
    card = deck.cards[0]
    (flipped,) = _swap_moves(deck)
    # "longest" picks the reflections on BASE: it softens; with the moves flipped the same words now attack.
    assert play_bot(card, bots.longest) is LoopState.SOFTENED
    assert play_bot(flipped, bots.longest) is LoopState.ESCALATED
    # and the shortest words were the poor ones: flipped, they are the good ones
    assert play_bot(card, bots.shortest) is not LoopState.SOFTENED
    assert play_bot(flipped, bots.shortest) is LoopState.SOFTENED
