"""Properties: the loader never raises on any text; every walk of a valid card ends."""

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core import scoring
from game.core.autoplay import play, walk
from game.core.deckfile import load_deck_text
from game.core.model import END, Move
from game.core.runner import Runner

from .decks import BASE, LOOPING


@settings(max_examples=300)
@given(st.text())
def test_any_text_loads_or_yields_diagnostics(text):
    deck, ds = load_deck_text(text, "x.yaml")
    assert deck is not None or any(d.is_error for d in ds)


# Text that looks like a deck: mutations of a real one are far likelier to reach deep rules.
@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_decks_load_or_yield_diagnostics(data):
    text = data.draw(st.sampled_from([BASE, LOOPING]))
    for _ in range(data.draw(st.integers(1, 4))):
        i = data.draw(st.integers(0, len(text)))
        j = data.draw(st.integers(i, min(len(text), i + 12)))
        text = (
            text[:i]
            + data.draw(st.sampled_from(["", ":", "- ", "\n", "  ", "!!", "&a ", "*a", "yes", "'", "end"]))
            + text[j:]
        )
    deck, ds = load_deck_text(text, "x.yaml")
    assert deck is not None or any(d.is_error for d in ds)
    if deck is not None:
        for card in deck.cards:
            assert play(card, "random", 0).ended


MOVES = list(Move)


@st.composite
def cards_yaml(draw):
    """A random valid card: every beat has a choice that moves strictly forward or ends."""
    n = draw(st.integers(1, 6))
    beats = []
    for b in range(n):
        k = draw(st.integers(2, 6))
        choices = []
        for c in range(k):
            move = draw(st.sampled_from(MOVES))
            if c == 0:  # the way out: forward or end
                nxt = f"b{b + 1}" if b + 1 < n else END
            else:
                nxt = draw(st.sampled_from([f"b{i}" for i in range(n)] + [END]))
            names = move is Move.REFLECT and draw(st.booleans())
            choices.append(
                f"          - say: Option {b}-{c}.\n            move: {move.value}\n"
                f"            why: Because {b}-{c}.\n            next: {nxt}\n"
                + ("            names_fear: true\n" if names else "")
            )
        beats.append(f"      b{b}:\n        says: Line {b}.\n        choices:\n" + "".join(choices))
    tension = draw(st.integers(0, 10))
    return (
        "format: 1\ndeck:\n  id: gen\n  title: Generated\ncards:\n  - id: c\n    title: C\n    partner: P\n"
        f"    fear: too-much\n    pattern: attack\n    setting: S.\n    teaching: T.\n    tension: {tension}\n"
        "    beats:\n" + "".join(beats)
    )


@settings(max_examples=200)
@given(cards_yaml(), st.integers(0, 10_000))
def test_any_random_walk_of_a_valid_card_ends(text, seed):
    deck, ds = load_deck_text(text, "gen.yaml")
    assert deck is not None and not [d for d in ds if d.is_error], [str(d) for d in ds]
    card = deck.cards[0]
    run = Runner(card, seed=seed)
    rng = random.Random(seed)
    steps = 0
    while not run.ended:
        if rng.random() < 0.2 and run.can_pause:
            run.pause()
        # a random walk that leans on the way out one time in four, so it ends in bounded steps
        options = run.choices
        forward = [i for i, c in enumerate(options) if c is card.beats[run.beat_id].choices[0]]
        run.choose(forward[0] if rng.random() < 0.25 else rng.randrange(len(options)))
        steps += 1
        assert 0 <= run.tension <= 10
        assert steps < 5000
    assert run.state is scoring.loop_state(run.tension)


@settings(max_examples=100)
@given(cards_yaml())
def test_every_path_walk_ends(text):
    deck, _ = load_deck_text(text, "gen.yaml")
    card = deck.cards[0]
    paths = list(walk(card, max_visits=1, limit=100_000))
    assert paths, "at least the forward path ends"
    assert all(p.beats[0] == card.start for p in paths)
