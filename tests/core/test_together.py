"""A couple's card and sitting: roles, ratings, the blind match, one shared score."""

import pytest

from game.core.deckfile import load_deck_text
from game.core.together import (
    Phase,
    Together,
    TogetherCard,
    TogetherError,
    blind_beat_index,
    clean_name,
    couple_profile,
    deal,
)

from .decks import BASE, LOOPING


def card(text=BASE):
    deck, ds = load_deck_text(text, "deck.yaml")
    assert deck is not None, ds
    return deck.cards[0]


def seed_with_blind_at(index: int) -> int:
    return next(s for s in range(100) if blind_beat_index(s) == index)


def by_say(t: TogetherCard, say: str) -> int:
    return [c.say for c in t.options].index(say)


def play_to_end(t: TogetherCard, rating: int) -> None:
    """Both partners pick the first answer shown, and every answer is rated `rating`."""
    while not t.ended:
        if t.phase is Phase.CURTAIN:
            t.lift_curtain()
        elif t.phase in (Phase.SPEAK, Phase.BLIND):
            t.pick(0)
        elif t.phase is Phase.MATCH:
            t.to_rating()
        elif t.phase is Phase.RATE:
            t.rate(rating)
        else:
            t.go_on()


def test_roles_and_an_open_beat_rate_then_the_loop_answers():
    t = TogetherCard(card(), ("Ana", "Ben"), speaker=1, seed=seed_with_blind_at(1))
    assert (t.speaker, t.listener) == ("Ben", "Ana") and t.phase is Phase.SPEAK
    with pytest.raises(TogetherError):
        t.rate(5)  # no answer yet
    assert t.pick(by_say(t, "I always listen.")) is Phase.RATE
    assert t.runner.steps == []  # the loop waits for the rating
    with pytest.raises(TogetherError):
        t.rate(11)
    step = t.rate(8)
    assert t.phase is Phase.REACT and step.choice.say == "I always listen."
    a = t.last
    assert a.rating == 8 and a.listener == "Ana" and a.speaker == "Ben"
    assert "felt 8/10" in a.gap and "+" not in a.gap.split("scored this ")[1][:1]  # a -2 felt well: talk about it


def test_blind_match_hides_the_first_pick_and_plays_the_listeners():
    t = TogetherCard(card(), ("Ana", "Ben"), speaker=0, seed=seed_with_blind_at(0))
    assert t.phase is Phase.CURTAIN and t.curtain_for == "Ben" and t.curtain_away == "Ana"
    assert not t.first_pick_hidden
    t.lift_curtain()
    listener_pick = by_say(t, "I always listen.")
    t.pick(listener_pick)
    # the speaker's turn: nothing about the first pick may be reachable by the screen
    assert t.phase is Phase.CURTAIN and t.curtain_for == "Ana" and t.first_pick_hidden
    with pytest.raises(TogetherError):
        _ = t.blind_picks
    with pytest.raises(TogetherError):
        _ = t.pending
    t.lift_curtain()
    assert t.phase is Phase.BLIND and t.first_pick_hidden
    t.pick(by_say(t, "You feel unheard, and alone with it."))
    said, wanted = t.blind_picks
    assert said.say == "I always listen." and wanted.say == "You feel unheard, and alone with it."
    t.to_rating()
    assert t.pending.say == "I always listen."
    t.rate(3)
    assert t.last.met is False and t.matches == (0, 1)


def test_a_whole_card_ends_and_scores_for_both():
    t = TogetherCard(card(), ("Ana", "Ben"), seed=seed_with_blind_at(1))
    t.pick(by_say(t, "You feel unheard, and alone with it."))
    t.rate(9)
    t.go_on()
    assert t.phase is Phase.CURTAIN
    t.lift_curtain()
    best = by_say(t, "You worry you're not enough for me. Is that right?")
    t.pick(best)
    t.lift_curtain()
    t.pick(best)
    t.to_rating()
    t.rate(10)
    assert t.go_on() is Phase.DONE and t.ended
    assert t.figures().attunement == 100 and t.felt == 9.5 and t.matches == (1, 1)
    assert t.last.gap is None and t.question


def test_a_sitting_swaps_roles_and_keeps_one_score():
    s = Together(("Ben", "Ana"), seed=2)
    assert s.profile == "Ana & Ben" == couple_profile(("Ana", "Ben"))
    speakers = []
    for text in (BASE, LOOPING, BASE):
        t = s.start(card(text))
        speakers.append(t.speaker)
        play_to_end(t, 6)
        s.finish()
    assert speakers == ["Ben", "Ana", "Ben"]
    assert s.felt == 6 and s.matches[1] >= 1 and 0 <= s.figures().attunement <= 100
    assert not hasattr(s, "winner")


def test_a_card_left_before_its_end_counts_for_nothing_and_the_next_one_can_start():
    s = Together(("Ana", "Ben"), seed=3)
    t = s.start(card())
    play_to_end(t, 9)
    s.finish()
    kept = (s.figures(), s.felt, s.matches)
    left = s.start(card(LOOPING))
    while left.phase is not Phase.RATE:  # one answer given, not yet rated
        if left.phase is Phase.CURTAIN:
            left.lift_curtain()
        elif left.phase in (Phase.SPEAK, Phase.BLIND):
            left.pick(0)
        else:
            left.to_rating()
    left.rate(1)
    assert s.felt != kept[1]  # the card in play counts while it is played
    s.leave()
    assert s.current is None and len(s.played) == 1
    assert (s.figures(), s.felt, s.matches) == kept
    play_to_end(s.start(card(LOOPING)), 5)  # no "finish the card in play first"
    s.leave()  # an ended card is not dropped by leaving: it is finished
    assert s.current is not None and s.finish().ended


def test_names_are_cleaned_and_never_the_same():
    assert clean_name("  Ana\n\x1b[2J ", "A") == "Ana [2J"
    assert clean_name("", "Partner A") == "Partner A"
    assert len(clean_name("x" * 500, "A")) == 20
    s = Together(("Sam", "sam"))
    assert s.names[0] != s.names[1]


def test_deal_prefers_a_card_not_played_together():
    a, b = card(BASE), card(LOOPING)
    assert deal([a, b], {a.full_id}, seed=1) is b
    assert deal([a, b], {a.full_id, b.full_id}, seed=1) in (a, b)
    assert deal([], set(), seed=1) is None


def test_a_finished_card_is_kept_under_the_couple_with_ratings_and_matches(tmp_path):
    from game.core.progress import Store

    store = Store(tmp_path)
    t = TogetherCard(card(), ("Ben", "Ana"), seed=seed_with_blind_at(0))
    play_to_end(t, 7)
    t.record(store)
    again = Store(tmp_path)  # next week, on the same computer
    assert again.couples() == ["Ana & Ben"] and "Ana & Ben" not in again.profiles()
    (rec,) = again.history("Ana & Ben")
    assert rec.mode.value == "together" and rec.ratings == (7, 7) and rec.blind == (1, 1)
    assert set(rec.players) == {"Ana", "Ben"} and again.history() == []  # the solo profile is untouched


def test_delete_all_removes_the_couples_records_and_the_workshop_files(tmp_path):
    from game.core.progress import Store

    store = Store(tmp_path)
    t = TogetherCard(card(), ("Ana", "Ben"), seed=seed_with_blind_at(1))
    play_to_end(t, 5)
    t.record(store)
    (tmp_path / "workshop.json").write_text("{}")
    (tmp_path / "workshops").mkdir()
    (tmp_path / "workshops" / "report.md").write_text("# a room")
    assert store.delete_all()
    again = Store(tmp_path)
    assert again.couples() == [] and not (tmp_path / "workshop.json").exists() and not (tmp_path / "workshops").exists()
