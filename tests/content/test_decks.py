"""Every shipped card, every path: the promises the starter decks make to players."""

import re
from collections import Counter

import pytest

from game.core.autoplay import play, walk
from game.core.deckrules import MAX_CHOICE_CHARS, MAX_LINE_CHARS
from game.core.library import load_library
from game.core.model import DEFAULT_ENDINGS, STATES, Fear, LoopState, Move, Pattern
from game.paths import SCENARIOS

LIB = load_library([SCENARIOS])
CARDS = list(LIB.cards())
IDS = [c.full_id for c in CARDS]


def texts(card):
    """Every text a player reads on a card, with where it stands."""
    for beat in card.beats.values():
        for s in STATES:
            yield f"{beat.id} says ({s.value})", beat.says[s]
        for c in beat.choices:
            yield f"{beat.id} choice", c.say
            yield f"{beat.id} why", c.why
            if c.reply:
                yield f"{beat.id} reply", c.reply
    yield "setting", card.setting
    yield "teaching", card.teaching
    for s in STATES:
        yield f"ending {s.value}", card.endings[s]


def test_library_is_clean_under_strict_validation():
    assert [str(d) for d in LIB.diagnostics] == []


def test_library_size_and_decks():
    themed = [d for d in LIB.decks if d.id != "first-steps"]
    assert len(themed) >= 4
    assert sum(len(d.cards) for d in themed) >= 36
    first = LIB.deck("first-steps")
    assert first is not None and len(first.cards) >= 3


def test_every_fear_and_pattern_pairing_at_least_four_times():
    counts = Counter((c.fear, c.pattern) for c in CARDS)
    for fear in Fear:
        for pattern in Pattern:
            assert counts[(fear, pattern)] >= 4, (fear.value, pattern.value, counts[(fear, pattern)])


def test_many_partners():
    assert len({c.partner for c in CARDS}) >= 12


def test_every_move_appears():
    used = {ch.move for c in CARDS for b in c.beats.values() for ch in b.choices}
    assert used == set(Move)


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_best_path_softens(card):
    assert play(card, "best").ending_state is LoopState.SOFTENED


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_worst_path_escalates(card):
    assert play(card, "worst").ending_state is LoopState.ESCALATED


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_every_path_ends_and_one_ends_stuck(card):
    paths = list(walk(card, max_visits=2))
    assert paths
    states = {p.state for p in paths}
    assert LoopState.STUCK in states, f"no path of {card.full_id} ends stuck"


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_card_shape(card):
    assert len(card.beats) >= 3
    for beat in card.beats.values():
        assert 3 <= len(beat.choices) <= 4, beat.id
        for c in beat.choices:
            assert len(c.say) <= MAX_CHOICE_CHARS, c.say
            sentences = [s for s in re.split(r"(?<=[.!?])\s+", c.why.strip()) if s]
            assert len(sentences) <= 3, c.why
    for s in STATES:
        assert card.endings[s] != DEFAULT_ENDINGS[s], f"{card.full_id} needs its own {s.value} ending"
    # the partner answers the loop somewhere on the card (every variant is reachable: the validator's AT404)
    assert any(b.says_varies for b in card.beats.values()), f"{card.full_id}: no beat answers the loop"


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_partner_lines_fit(card):
    for beat in card.beats.values():
        for s in STATES:
            assert len(beat.says[s]) <= MAX_LINE_CHARS
        for c in beat.choices:
            assert c.reply is None or len(c.reply) <= MAX_LINE_CHARS


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_no_two_choices_alike(card):
    says = [" ".join(c.say.lower().split()) for b in card.beats.values() for c in b.choices]
    assert len(says) == len(set(says))


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_every_why_is_its_own(card):
    whys = [c.why for b in card.beats.values() for c in b.choices]
    assert len(whys) == len(set(whys))


# Practice cards never ask a player to listen better to violence, threats or coercion.
UNSAFE = re.compile(
    r"\b(hit|hits|hitting|punch\w*|slap\w*|shove\w*|chok\w*|strangl\w*|kill\w*|weapon|gun|knife|"
    r"threat\w*|bruise\w*|rape|forced? you|afraid of you|scared of you|hurt you)\b",
    re.I,
)
JARGON = re.compile(
    r"\b(MITI|EFT|stonewall\w*|dysregulat\w*|attachment style|horsem[ae]n|Carkhuff|Gottman|"
    r"cognitive|codependen\w*|narcissis\w*|gaslight\w*|trauma response)\b",
    re.I,
)


@pytest.mark.parametrize("card", CARDS, ids=IDS)
def test_no_violence_and_no_jargon(card):
    for where, text in texts(card):
        assert not UNSAFE.search(text), f"{card.full_id} {where}: {text}"
        assert not JARGON.search(text), f"{card.full_id} {where}: {text}"


def _all_says():
    return [c.say for card in CARDS for b in card.beats.values() for c in b.choices]


def test_reflections_take_many_shapes():
    reflections = [c for card in CARDS for b in card.beats.values() for c in b.choices if c.move is Move.REFLECT]
    formula = [c for c in reflections if re.match(r"(it )?sounds like", c.say, re.I)]
    assert len(formula) <= len(reflections) / 3, f"{len(formula)} of {len(reflections)} start 'It sounds like'"
    checking = [
        c for c in reflections if re.search(r"(is that right|did i get|am i close|is that it|right\?)", c.say, re.I)
    ]
    assert len(checking) >= 6


def test_seed_examples_appear():
    lines = [t for card in CARDS for _, t in texts(card)]
    joined = "\n".join(lines).lower().replace("\u2019", "'")
    for phrase in (
        "you never help",
        "you're too distant",
        "when i ask for help, i worry you'll think i'm weak",
        "when i pull away, you feel alone and afraid you're not enough",
        "how painful it is to feel like your emotions are too much",
    ):
        assert phrase in joined, phrase
