"""`attune stats` on small decks: each figure, each goal, and the command's exit code."""

import json

from game.cli import main
from game.core import stats
from game.core.deckfile import load_deck_text
from game.core.model import LoopState

from .decks import BASE, edit


def deck_of(text: str):
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is not None, [str(d) for d in diags]
    return deck


def figures(text: str, runs: int = 40) -> stats.Tally:
    return stats.deck_stats([deck_of(text)], random_runs=runs, bot_runs=4).decks["test"]


def test_base_figures():
    t = figures(BASE)
    assert t.cards == 1
    assert t.best[LoopState.SOFTENED] == 1 and t.worst[LoopState.ESCALATED] == 1
    assert t.random_plays == 40 and sum(t.random.values()) == 40
    assert t.openings == 2 and t.floods == 0  # defend from 5: 7.5, stuck
    # defend (7.5), then the best (a fear-naming reflection, +3): 4.5, not below 4.5: stuck
    assert (t.slips, t.slips_recovered) == (1, 0)
    assert t.slips_missed == ["test/one (defend)"]
    assert t.attacks == 0 and t.attack_recovery == 1.0
    assert t.good_unchanged == []
    assert [(d.beat_id, d.state) for d in t.dead_lines] == [("second", LoopState.ESCALATED)]
    assert t.care_missing == []
    assert 0 < t.mean_random_attunement < 100 and t.mean_worst_attunement == 0


def test_base_misses_name_the_goals():
    misses = " | ".join(figures(BASE).misses("test"))
    assert "a poor opening then the best softens 0%" in misses
    assert "1 dead lines" in misses


def test_a_flooding_opening():
    text = edit("    teaching: Hear the fear.\n", "    teaching: Hear the fear.\n    tension: 6.5\n")
    t = figures(text)
    assert t.floods == 1  # defend: 6.5 + 2.5 = 9
    assert t.flood_share == 0.5
    assert any("flood" in m for m in t.misses())


def test_attack_then_pause_then_best():
    text = edit("move: defend", "move: attack")
    t = figures(text)
    # attack: 5 + 3.75 = 8.75; the pause: 5.75; the fear-naming reflection: 2.75, softened
    assert (t.attacks, t.attacks_recovered) == (1, 1)


def test_a_good_move_that_leaves_the_loop_stuck():
    text = edit("move: reflect\n            why: It lands.", "move: curious\n            why: It lands.")
    text = text.replace("    teaching: Hear the fear.\n", "    teaching: Hear the fear.\n    tension: 6\n", 1)
    t = figures(text)
    assert t.good_unchanged == ["test/one (curious)"]  # 6 - 1 = 5: still stuck


def test_a_deck_won_by_the_longest_answer():
    # On BASE the good answers are the longer ones at both beats: the longest bot always softens.
    t = figures(BASE, runs=100)
    assert t.bot_softened["longest"] == t.bot_plays
    assert t.bot_gain("longest") > stats.MAX_BOT_GAIN
    assert any("the longest bot" in m or "bot softens" in m for m in t.misses())


def test_the_same_deck_with_answers_of_one_length_is_not_won_by_length():
    text = edit("say: I always listen.", "say: I always listen to you, every time you talk.")
    text = edit(
        "say: You're being dramatic.", "say: You're being dramatic about this, as you always are, honestly.", text
    )
    t = figures(text, runs=100)
    assert t.bot_softened["longest"] == 0


def test_care_missing_is_counted():
    text = edit("          escalated: Forget it.", "          escalated: You'd all manage fine without me.")
    assert figures(text).care_missing == ["test/one"]


def test_stats_are_deterministic():
    a = stats.deck_stats([deck_of(BASE)], random_runs=30, bot_runs=3).to_json()
    b = stats.deck_stats([deck_of(BASE)], random_runs=30, bot_runs=3).to_json()
    assert a == b


def test_cli_stats_json_and_exit_code(tmp_path, capsys):
    (tmp_path / "t.yaml").write_text(BASE)
    assert main(["stats", str(tmp_path), "--json"]) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["decks"]["test"]["dead_lines"] == 1
    assert data["goals"]["max_bot_gain"] == stats.MAX_BOT_GAIN
    assert set(data["overall"]["bots"]) == set(stats.bots.BOTS)


def test_cli_stats_table(tmp_path, capsys):
    (tmp_path / "t.yaml").write_text(BASE)
    assert main(["stats", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("deck")
    assert "test: misses:" in out and "\nall " in out
