"""`main.py shots`: the text size and high contrast reach the tour."""

from __future__ import annotations

import pytest

from game import cli


@pytest.fixture
def tours(monkeypatch):
    calls = []

    def fake_tour(
        outdir,
        size=(1280, 720),
        extra_decks=(),
        text_size=1,
        high_contrast=False,
        quiet=False,
        report=None,
        card_id="everyday/dishes",
    ):
        calls.append({"outdir": outdir, "size": size, "text_size": text_size, "high_contrast": high_contrast})
        calls[-1]["card_id"] = card_id
        return 0

    monkeypatch.setattr("game.ui.shots.run_tour", fake_tour)
    return calls


def test_shots_pass_the_text_size_and_high_contrast_to_the_tour(tours, tmp_path):
    assert cli.main(["shots", str(tmp_path), "--size", "1024x600", "--text-size", "3", "--high-contrast"]) == 0
    assert tours == [
        {
            "outdir": str(tmp_path),
            "size": (1024, 600),
            "text_size": 3,
            "high_contrast": True,
            "card_id": "everyday/dishes",
        }
    ]


def test_shots_play_the_card_asked_for(tours, tmp_path):
    assert cli.main(["shots", str(tmp_path), "--card", "first-steps/late-for-the-film"]) == 0
    assert tours[-1]["card_id"] == "first-steps/late-for-the-film"


def test_shots_default_to_medium_text_and_the_standard_palette(tours, tmp_path):
    assert cli.main(["shots", str(tmp_path)]) == 0
    assert tours[-1]["text_size"] == 1 and tours[-1]["high_contrast"] is False


@pytest.mark.parametrize("size", ["4", "-1", "large"])
def test_shots_refuse_a_text_size_outside_0_to_3(tours, tmp_path, size, capsys):
    with pytest.raises(SystemExit) as stop:
        cli.main(["shots", str(tmp_path), "--text-size", size])
    assert stop.value.code == 2 and not tours
    assert "--text-size" in capsys.readouterr().err
