"""Dead lines (reach.py) and risk words (safety.py) on small decks."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import reach, safety
from game.core.deckfile import load_deck_text
from game.core.model import LoopState

from .decks import BASE, edit


def card_of(text: str):
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is not None, [str(d) for d in diags]
    return deck.cards[0]


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def test_base_never_shows_its_escalated_line():
    # reflect: 5 -> 3 (softened); defend: 5 -> 7.5 (stuck); nothing reaches escalated.
    card = card_of(BASE)
    assert reach.arrivals(card)["second"] == {LoopState.SOFTENED, LoopState.STUCK}
    (dead,) = reach.dead_lines(card)
    assert (dead.beat_id, dead.state) == ("second", LoopState.ESCALATED)
    assert dead.pos.line == line_of(BASE, "escalated: Forget it.")


def test_a_line_shown_only_after_the_pause_action_is_alive():
    # Two attacks: the second beat is reached flooded only (5 + 3.75 = 8.75); the pause action
    # brings it to 5.75, stuck, and the line is picked again. Softened stays dead.
    text = edit("move: reflect\n            why: It lands.", "move: attack\n            why: It lands.")
    text = edit("move: defend", "move: attack", text)
    card = card_of(text)
    assert reach.arrivals(card)["second"] == {LoopState.ESCALATED, LoopState.STUCK}
    assert [d.state for d in reach.dead_lines(card)] == [LoopState.SOFTENED]


def test_one_line_for_every_state_is_never_dead():
    text = edit(
        "says:\n          softened: Maybe I worry I'm not enough for you.\n          stuck: Whatever.\n"
        "          escalated: Forget it.",
        "says: Whatever.",
    )
    assert reach.dead_lines(card_of(text)) == []


def test_cycles_are_walked_to_the_end():
    from .decks import LOOPING

    card = card_of(LOOPING)
    assert reach.arrivals(card)["b"] == {LoopState.SOFTENED, LoopState.STUCK, LoopState.ESCALATED}


@pytest.mark.parametrize(
    "text",
    [
        "I've been a burden for a month.",
        "Honestly, you'd all manage fine without me.",
        "Sometimes I think you'd be better off without me.",
        "I could just disappear and nobody would notice.",
        "I can't go on like this.",
        "I don't want to hurt myself again.",
        "Some nights I want to end it all.",
        "I feel like such a burden to you.",
    ],
)
def test_risk_words_found(text):
    assert safety.risk_in(text) is not None


@pytest.mark.parametrize(
    "text",
    [
        "Go on, tell me what happened.",
        "The money just disappeared from the account.",
        "Let's end it there for tonight.",
        "It's such a burden, this commute.",
        "We can manage without the car for a week.",
        "I cut myself shaving.",
        "Every time we're with them, I disappear.",
        "I could die of embarrassment.",
    ],
)
def test_ordinary_speech_is_not_risk(text):
    assert safety.risk_in(text) is None


def test_first_risk_is_at_the_line_of_the_text():
    text = edit("          escalated: Forget it.", "          escalated: You'd all manage fine without me.")
    text = edit(
        "            why: It argues.", "            reply: I'm just a burden to you.\n            why: It argues.", text
    )
    card = card_of(text)
    pos, kind, said = safety.first_risk(card)
    assert pos.line == line_of(text, "reply: I'm just a burden")
    assert kind == "being a burden" and said == "I'm just a burden to you."
    assert safety.needs_care(card)
    card_with_care = card_of(
        edit("    teaching: Hear the fear.", "    teaching: Hear the fear.\n    care: Talk.", text)
    )
    assert not safety.needs_care(card_with_care)


def test_a_single_says_text_has_its_position():
    text = edit("says: You never listen.", "says: I'm a burden, you never listen.")
    pos, _, _ = safety.first_risk(card_of(text))
    assert pos.line == line_of(text, "says: I'm a burden")


def test_every_line_a_play_shows_is_one_the_walk_found():
    """Soundness against the runner: random plays, pausing at random, never show a line the walk missed."""
    import random

    from game.core.loader import load_library
    from game.core.runner import Runner
    from game.core.scoring import loop_state
    from game.paths import SCENARIOS

    rng = random.Random(8)
    for card in load_library([SCENARIOS]).cards():
        seen = reach.arrivals(card)
        for seed in range(15):
            run = Runner(card, seed=seed)
            while not run.ended:
                assert loop_state(run.tension) in seen[run.beat_id], (card.full_id, run.beat_id)
                if run.can_pause and rng.random() < 0.5:
                    run.pause()
                    assert loop_state(run.tension) in seen[run.beat_id], (card.full_id, run.beat_id, "paused")
                run.choose(rng.randrange(len(run.choices)))


# One text for each way of voicing risk in safety.RISK_PATTERNS (each alternative of each pattern).
RISKY = [
    "I've been a burden for a month.",
    "You'd be happier without me.",
    "You'd be better off if I left.",
    "You'd all cope fine without me.",
    "I'd just vanish.",
    "What if I wasn't here?",
    "What if I were gone?",
    "I wish I weren't around.",
    "I can't carry on.",
    "There's no point any more.",
    "Maybe it's not going on.",
    "I could harm myself.",
    "I think about self-harm.",
    "I want to end it all.",
    "I could end my own life.",
    "I think about taking my life.",
    "I had suicidal thoughts.",
    "I wanted to die.",
    "I wish I was dead.",
    "You'd be better off dead.",
]


def reference_risk_in(text: str) -> str | None:
    """risk_in as first written: the broad word filter, then every pattern."""
    plain = text.replace("\u2019", "'").replace("\u2018", "'")
    if not safety._ANY_WORD.search(plain.lower()):
        return None
    return next((name for name, rx in safety._COMPILED if rx.search(plain)), None)


_FRAGMENTS = [
    *("I'm", "a", "just a", "burden", "without me", "manage fine", "I can't go", "on", "want to die", "of"),
    *("laughing", "myself", "hurt", "self", "harm", "end it", "all", "I'd just", "disappear", "wish I was"),
    *("dead", "\u2019", "there", "Go on, tell me.", "\n", " ", " ", "-", ".", "if I", "wasn't", "weren't"),
    *("here", "around", "gone", "was", "no point", "carry", "life", "take my", "suicide", "better off", "if I"),
    *("DISAPPEAR", "Burden", "MySelf", "di\u017fappear", "\u017fuicide", "\u212aill myself", "WITHOUT ME"),
]
_TEXTS = st.lists(st.sampled_from(_FRAGMENTS), max_size=8).map("".join) | st.text(max_size=30)


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_risk_in_answers_as_the_broad_filter_does(text):
    # The narrow filter only passes over texts that no pattern could match (ASCII ones; others, such as
    # those with a long s that case folding reads as an s, are looked at in full).
    assert safety.risk_in(text) == reference_risk_in(text)


def test_the_narrow_filter_never_hides_a_risk():
    found = [t for t in RISKY if reference_risk_in(t)]
    assert found == RISKY
    assert all(safety._NEEDED.search(t.replace("\u2019", "'").lower()) for t in found)
    assert safety.risk_in("I could just di\u017fappear, here.") == "disappearing"  # a long s: folded by the patterns


def test_first_risk_looks_at_every_line_of_the_card():
    for needle in ("stuck: Whatever.", "softened: Maybe I worry I'm not enough for you."):
        state = needle.split(":")[0]
        text = edit(needle, f"{state}: I'm a burden to you.")
        pos, kind, _ = safety.first_risk(card_of(text))
        assert (pos.line, kind) == (line_of(text, "I'm a burden to you."), "being a burden")
