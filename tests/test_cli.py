"""The command line, as an author meets it: messages, summaries and exit codes."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from game.cli import main

from .core.decks import BASE, edit

ROOT = Path(__file__).resolve().parent.parent
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>error|warning)\[(?P<code>AT\d{3})\]: .+$")


@pytest.fixture
def decks(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(BASE)
    return tmp_path


def test_validate_shipped_decks_pass_strict(capsys):
    assert main(["validate", "--strict"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("ok:")


def test_validate_good_deck(decks, capsys):
    assert main(["validate", str(decks)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "ok: 1 file, 1 deck, 1 card; 0 errors, 1 warning"  # BASE's escalated line, never shown
    assert "warning[AT404]" in out[0]


def test_validate_error_lines_and_exit_1(decks, capsys):
    bad = decks / "bad.yaml"
    bad.write_text(edit("move: defend", "move: argue").replace("id: test", "id: bad"))
    assert main(["validate", str(decks)]) == 1
    out = capsys.readouterr().out.splitlines()
    m = LINE.match(out[0])
    assert m and m["path"] == str(bad) and (m["line"], m["col"], m["sev"], m["code"]) == ("22", "19", "error", "AT205")
    assert out[-1] == "failed: 2 files, 2 decks, 1 card; 1 error, 1 warning"  # and good.yaml's AT404


PLAYLIST = (
    "format: 1\nworkshop:\n  title: Tuesday\n  cards:\n    - everyday/dishes\n    - first-steps/late-for-the-film\n"
)


def test_validate_a_playlist_says_what_it_checked(tmp_path, decks, capsys):
    playlist = tmp_path / "tuesday.yaml"
    playlist.write_text(PLAYLIST)
    assert main(["validate", str(playlist)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ok: 1 playlist of 2 cards; 0 errors, 0 warnings"
    (decks / "tuesday.yaml").write_text(PLAYLIST)  # a deck and a playlist in one folder
    assert main(["validate", str(decks)]) == 0
    out = capsys.readouterr().out.splitlines()[-1]
    assert out == "ok: 2 files, 1 deck, 1 card, 1 playlist of 2 cards; 0 errors, 1 warning"
    playlist.write_text(PLAYLIST.replace("everyday/dishes", "everyday/no-such-card"))
    assert main(["validate", str(playlist)]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "failed: 1 playlist of 0 cards; 1 error, 0 warnings"


def test_warnings_fail_only_when_strict(decks, capsys):
    (decks / "good.yaml").write_text(BASE.replace("next: second", "next: end"))
    assert main(["validate", str(decks)]) == 0
    assert main(["validate", "--strict", str(decks)]) == 1
    assert "warning[AT401]" in capsys.readouterr().out


def test_usage_error_exits_2():
    r = subprocess.run([sys.executable, "main.py", "validate", "--nope"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "usage:" in r.stderr


def test_python_dash_m_game_works_the_same():
    r = subprocess.run([sys.executable, "-m", "game", "validate"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and r.stdout.splitlines()[-1].startswith("ok:")


def test_autoplay_json_is_deterministic(decks, capsys):
    args = ["autoplay", str(decks), "--policy", "random", "--runs", "5", "--seed", "3", "--json"]
    assert main(args) == 0
    first = capsys.readouterr().out
    assert main(args) == 0
    assert capsys.readouterr().out == first
    plays = [json.loads(x) for x in first.splitlines()]
    assert len(plays) == 5 and {p["card"] for p in plays} == {"test/one"}
    assert all(p["ended"] and p["ending"] in ("softened", "stuck", "escalated") for p in plays)
    assert {"card", "ending", "attunement", "moves"} <= set(plays[0])


def test_autoplay_best_and_worst(decks, capsys):
    assert main(["autoplay", str(decks), "--policy", "best", "--json"]) == 0
    best = json.loads(capsys.readouterr().out)
    assert best["ending"] == "softened" and best["attunement"] == 100.0
    assert main(["autoplay", str(decks), "--policy", "worst", "--json"]) == 0
    worst = json.loads(capsys.readouterr().out)
    assert worst["ending"] == "escalated" and worst["moves"] == ["defend", "attack"]


def test_autoplay_fails_on_a_broken_deck(decks, capsys):
    (decks / "bad.yaml").write_text("format: 1\ndeck: [oops\n")
    assert main(["autoplay", str(decks)]) == 1
    assert "error[AT104]" in capsys.readouterr().err


def test_deck_option_adds_decks(decks, capsys):
    other = decks / "other.yaml"
    other.write_text(BASE.replace("id: test", "id: extra"))
    assert main(["--deck", str(other), "autoplay", str(decks / "good.yaml"), "--policy", "best", "--json"]) == 0
    cards = {json.loads(x)["card"] for x in capsys.readouterr().out.splitlines()}
    assert cards == {"test/one", "extra/one"}
