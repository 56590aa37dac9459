"""The craft rules of docs/writing-cards.md, counted over every shipped card.

Each test measures one rule a clinical read of the decks asked for: cards that
break the template, partners who speak in their own words, good answers that
are not the longest, and poor answers that sound warm.
"""

import re
from collections import Counter
from statistics import mean

from game.core import scoring
from game.core.model import END, Fear, Move, Pattern

from .test_decks import CARDS, LIB

GOOD = {Move.REFLECT, Move.VALIDATE, Move.CURIOUS, Move.AFFIRM, Move.DISCLOSE, Move.REPAIR}
POOR = {Move.FIX, Move.REASSURE, Move.SELF_BLAME, Move.DEFEND, Move.WITHDRAW, Move.ATTACK}


def choices(moves=None):
    return [c for card in CARDS for b in card.beats.values() for c in b.choices if moves is None or c.move in moves]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z']+", text.lower().replace("\u2019", "'"))


def test_at_least_eighty_cards_in_ten_decks():
    assert len(LIB.decks) >= 10, [d.id for d in LIB.decks]
    assert len(CARDS) >= 80


def test_every_fear_and_pattern_pairing_at_least_eight_times():
    counts = Counter((c.fear, c.pattern) for c in CARDS)
    for fear in Fear:
        for pattern in Pattern:
            assert counts[(fear, pattern)] >= 8, (fear.value, pattern.value, counts[(fear, pattern)])


def test_beat_counts_vary():
    counts = Counter(len(c.beats) for c in CARDS)
    assert set(counts) <= {3, 4, 5, 6}, counts
    top, n = counts.most_common(1)[0]
    assert n <= 0.6 * len(CARDS), f"{n} of {len(CARDS)} cards have {top} beats"


def closing_beats(card):
    return [b for b in card.beats.values() if all(c.next == END for c in b.choices)]


def test_closing_beats_vary():
    templated = [
        card.full_id
        for card in CARDS
        if any({Move.AFFIRM, Move.DISCLOSE} <= {c.move for c in b.choices} for b in closing_beats(card))
    ]
    assert len(templated) <= 0.6 * len(CARDS), f"{len(templated)} of {len(CARDS)} close on affirm plus disclose"


def test_reflections_and_validations_open_in_many_ways():
    answers = choices({Move.REFLECT, Move.VALIDATE})
    openers = Counter(" ".join(words(c.say)[:2]) for c in answers)
    top, n = openers.most_common(1)[0]
    assert n <= 0.15 * len(answers), f"{n} of {len(answers)} open with '{top}'"


def test_few_reflections_start_with_so():
    reflections = choices({Move.REFLECT})
    so = [c.say for c in reflections if words(c.say)[:1] == ["so"]]
    assert len(so) < 0.10 * len(reflections), so


STOCK_VALIDATION = re.compile(r"^(that makes sense|it makes sense|of course|no wonder)\b", re.I)


def test_validations_are_not_stock_phrases():
    validations = choices({Move.VALIDATE})
    stock = [c.say for c in validations if STOCK_VALIDATION.match(c.say.strip())]
    assert len(stock) <= 0.30 * len(validations), f"{len(stock)} of {len(validations)}"


def test_good_answers_are_not_the_longest():
    good = mean(len(c.say) for c in choices(GOOD))
    poor = mean(len(c.say) for c in choices(POOR))
    assert good <= 1.15 * poor, f"good answers average {good:.0f} characters, poor ones {poor:.0f}"


def test_the_shortest_answer_is_a_poor_one_on_at_most_half_the_beats():
    beats = [b for card in CARDS for b in card.beats.values()]
    shortest_poor = sum(1 for b in beats if min(b.choices, key=lambda c: len(c.say)).move in POOR)
    assert shortest_poor <= 0.5 * len(beats), f"{shortest_poor} of {len(beats)} beats"


WARM = re.compile(
    r"\b(i hear|hear you|sounds like|i understand|i know|i'm sorry|sorry|i love|love you|of course|"
    r"at least|you're not|don't worry|it's okay|it's ok|i get it|makes sense|feel|you deserve|we'll|let me)\b",
    re.I,
)


def test_most_beats_offer_a_warm_sounding_poor_answer():
    beats = [b for card in CARDS for b in card.beats.values()]
    warm = [b for b in beats if any(c.move in POOR and WARM.search(c.say) for c in b.choices)]
    assert len(warm) > 0.5 * len(beats), f"{len(warm)} of {len(beats)} beats"


LABELS = re.compile(r"\b(not enough|too much)\b", re.I)


def partner_lines(card):
    for b in card.beats.values():
        yield from b.says.values()
        for c in b.choices:
            if c.reply:
                yield c.reply


def test_partners_speak_in_their_own_words():
    labelled = [card.full_id for card in CARDS if any(LABELS.search(t) for t in partner_lines(card))]
    assert len(labelled) <= 0.25 * len(CARDS), f"{len(labelled)} of {len(CARDS)} cards: {labelled}"


def test_partner_names_belong_to_one_person():
    names = [c.partner for c in CARDS]
    assert len(set(names)) >= 0.8 * len(names), Counter(names).most_common(5)


def test_pauses_self_blame_and_reassurance_in_many_voices():
    pauses = choices({Move.PAUSE})
    twenty = [c for c in pauses if re.search(r"twenty|20", c.say, re.I)]
    assert len(twenty) <= len(pauses) / 3, f"{len(twenty)} of {len(pauses)} pauses say twenty minutes"
    reassurances = choices({Move.REASSURE})
    tic = [c.say for c in reassurances if re.search(r"\b(daft|silly)\b", c.say, re.I)]
    assert len(tic) <= 2, tic
    self_blame = choices({Move.SELF_BLAME})
    melodrama = [c.say for c in self_blame if re.search(r"\b(the worst|terrible|useless|better off)\b", c.say, re.I)]
    assert len(melodrama) <= len(self_blame) / 3, melodrama


def test_whys_do_not_repeat_stock_phrases():
    whys = " ".join(c.why for c in choices()).lower()
    assert whys.count("tentatively") <= 10
    assert whys.count("you named the fear") <= 5


def test_suggesting_help_appears_where_it_is_the_right_move():
    """At least one card rewards suggesting help after listening, as the teaching's close advises."""
    rewarded = [
        card.full_id
        for card in CARDS
        for b in card.beats.values()
        for c in b.choices
        if c.move is Move.REFER and c is max(b.choices, key=lambda o: scoring.points(o, listened=True))
    ]
    assert rewarded
