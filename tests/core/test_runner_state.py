"""The runner's state: private, restorable, and refused with RunnerError whatever a save holds."""

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.core.model import Fear
from game.core.runner import Runner, RunnerError, TieRule, vote_winner

from .decks import LOOPING
from .test_runner import card, pick

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=8), inner, max_size=5),
    max_leaves=30,
)

# Events that look like a save's: far likelier to reach the replay's deeper checks.
EVENT = st.one_of(
    st.tuples(st.just("choose"), st.integers(-3, 6)).map(list),
    st.tuples(
        st.just("choose"),
        st.integers(-1, 4),
        st.fixed_dictionaries(
            {},
            optional={
                "votes": st.lists(st.integers(-2, 5), max_size=5) | JSON,
                "player": st.text(max_size=70) | JSON,
                "rating": st.integers(-2, 12) | JSON,
            },
        ),
    ).map(list),
    st.just(["pause"]),
    st.tuples(st.just("rate"), st.integers(-2, 12) | JSON).map(list),
    st.tuples(st.just("fear"), st.sampled_from(["not-enough", "too-much", "x"]) | JSON).map(list),
    st.lists(JSON, max_size=3),
    JSON,
)


def _restore_or_refuse(c, data):
    try:
        run = Runner.from_dict(c, data)
    except RunnerError:
        return None
    again = Runner.from_dict(c, json.loads(json.dumps(run.to_dict())))  # what it restores, it saves and restores
    assert again.to_dict() == run.to_dict() and again.tension == run.tension
    return run


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_any_json_restores_or_raises_runner_error(data):
    _restore_or_refuse(card(LOOPING), data)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(EVENT, max_size=12), st.one_of(st.integers(), st.text(max_size=5), JSON))
def test_save_like_states_restore_or_raise_runner_error(events, seed):
    c = card(LOOPING)
    _restore_or_refuse(c, {"card": c.full_id, "seed": seed, "events": events})


def test_damaged_states_are_refused_with_runner_error():
    c = card(LOOPING)
    cid = c.full_id
    bad = [
        [],
        "text",
        {"card": cid, "events": "choose"},
        {"card": cid, "events": [["choose", 99]]},
        {"card": cid, "events": [["choose", -1]]},
        {"card": cid, "events": [["choose", "1"]]},
        {"card": cid, "events": [["choose", True]]},
        {"card": cid, "events": [["jump", 1]]},
        {"card": cid, "events": [[]]},
        {"card": cid, "events": [["fear", "too-much"]]},  # the card has not ended
        {"card": cid, "events": [["pause"], ["pause"]]},  # twice on one beat
        {"card": cid, "events": [["choose", 0, {"votes": [1]}]]},  # not one count per option
        {"card": cid, "events": [["choose", 0, {"rating": 11}]]},
        {"card": cid, "events": [["choose", 0, {"sneaky": 1}]]},
        {"card": cid, "seed": 1.5, "events": []},
        {"card": cid, "seed": None, "events": []},
        {"card": cid, "events": [["pause"]] * (Runner.MAX_EVENTS + 1)},
        {"card": cid, "events": [["rate", 3]]},  # nothing to rate yet
    ]
    for data in bad:
        with pytest.raises(RunnerError):
            Runner.from_dict(c, data)


def test_state_is_read_only():
    run = Runner(card(), seed=0)
    for name in ("card", "seed", "tension", "beat_id", "transcript", "fear_guess"):
        with pytest.raises(AttributeError):
            setattr(run, name, None)
    assert isinstance(run.transcript, tuple)


def test_votes_play_the_most_voted_and_are_kept():
    c = card(LOOPING)
    run = Runner(c, seed=3)
    n = len(run.choices)
    votes = [0] * n
    votes[n - 1] = 4
    votes[0] = 2
    step = run.choose(votes=votes)
    assert step.choice == step.offered[n - 1] and step.votes == tuple(votes)
    assert step.votes_for(step.offered[0]) == 2
    again = Runner.from_dict(c, json.loads(json.dumps(run.to_dict())))
    assert again.steps[0].votes == tuple(votes)


def test_a_tie_goes_to_the_first_shown_or_to_the_seed_reproducibly():
    assert vote_winner([3, 5, 5, 1]) == (1, True)
    assert vote_winner([3, 5, 0]) == (1, False)
    seeded = {vote_winner([2, 2, 2, 2], TieRule.SEEDED, seed=s)[0] for s in range(40)}
    assert len(seeded) > 1  # the seed decides
    assert vote_winner([2, 2, 2], TieRule.SEEDED, seed=7) == vote_winner([2, 2, 2], TieRule.SEEDED, seed=7)
    with pytest.raises(RunnerError):
        vote_winner([0, 0])
    run = Runner(card(LOOPING), seed=1)
    with pytest.raises(RunnerError):
        run.choose()  # neither an index nor votes


def test_players_each_get_their_figures_and_share_one_score():
    run = Runner(card(), seed=1)
    run.choose(pick(run, "You feel unheard, and alone with it."), player="Ana", rating=8)
    run.choose(pick(run, "You're being dramatic."), player="Ben")
    run.rate(2)
    run.name_fear(Fear.NOT_ENOUGH, player="Ben")
    ana, ben, both = run.summary(player="Ana"), run.summary(player="Ben"), run.summary()
    assert ana.figures.earned == 2 and ben.figures.earned == -3 and both.figures.earned == -1
    assert ana.ratings == (8,) and ben.ratings == (2,) and both.felt_understood == 5.0
    assert ana.fear_guess is None and ben.fear_correct is True and both.fear_correct is True
    assert both.players == ("Ana", "Ben")
    restored = Runner.from_dict(run.card, json.loads(json.dumps(run.to_dict())))
    assert restored.summary(player="Ben") == ben and restored.summary() == both


def test_bad_details_are_refused():
    run = Runner(card(), seed=1)
    for kwargs in ({"rating": -1}, {"rating": 11}, {"rating": True}, {"player": ""}, {"player": "x" * 65}):
        with pytest.raises(RunnerError):
            run.choose(0, **kwargs)
    with pytest.raises(RunnerError):
        run.choose(0, votes=[1, 2, 3, 4, 5, 6, 7])
    assert not run.steps  # nothing was played by a refused call


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.fixed_dictionaries(
        {},
        optional={
            "mode": st.sampled_from(["solo", "together", "workshop"]) | JSON,
            "players": st.lists(st.text(max_size=10), max_size=10) | JSON,
            "runner": st.fixed_dictionaries({"card": st.just("test/one"), "events": st.lists(EVENT, max_size=6)})
            | JSON,
        },
    )
    | JSON
)
def test_any_saved_session_restores_or_raises_runner_error(data):
    from game.core.session import Session

    c = card()
    try:
        s = Session.from_dict(c, data)
    except RunnerError:
        return
    assert Session.from_dict(c, json.loads(json.dumps(s.to_dict()))).to_dict() == s.to_dict()


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 20), min_size=1, max_size=6).filter(any), st.integers() | st.text(max_size=6))
def test_the_vote_winner_is_always_a_most_voted_option(votes, seed):
    first, tie = vote_winner(votes)
    assert first == votes.index(max(votes)) and tie == (votes.count(max(votes)) > 1)
    drawn, _ = vote_winner(votes, TieRule.SEEDED, seed)
    assert votes[drawn] == max(votes) and vote_winner(votes, TieRule.SEEDED, seed)[0] == drawn
