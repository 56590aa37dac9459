"""The validator's side of the length limits: at a limit, no warning; one character past, AT402 on that text."""

from __future__ import annotations

import re

from game.cli import main
from game.core import deckrules
from tests.fitdeck import write_deck

LIMITS = ("TITLE", "PARTNER", "SETTING", "CHOICE", "LINE", "NOTE", "TEACHING")


def warnings(capsys, path) -> list[str]:
    main(["validate", str(path)])
    return re.findall(r"warning\[(AT\d+)\]: (.*)", capsys.readouterr().out)


def test_a_deck_at_every_limit_has_no_warning(tmp_path, capsys):
    assert warnings(capsys, write_deck(tmp_path / "fit.yaml")) == []


def test_one_character_past_any_limit_is_warned_on_every_such_text(tmp_path, capsys, monkeypatch):
    at = len(re.findall(r': "', (write_deck(tmp_path / "at.yaml")).read_text()))  # every text of the deck
    for limit in LIMITS:
        monkeypatch.setattr(deckrules, f"MAX_{limit}_CHARS", getattr(deckrules, f"MAX_{limit}_CHARS") + 1)
    past = write_deck(tmp_path / "past.yaml", deck_id="past")
    monkeypatch.undo()
    found = warnings(capsys, past)
    too_long = [m for code, m in found if code == "AT402"]
    assert len(too_long) == at == 72, found
    assert any(m.startswith("the partner's name is 25 characters; at most 24") for m in too_long)
    assert any(m.startswith("the choice is 161 characters; at most 160") for m in too_long)
    assert [code for code, _ in found if code != "AT402"] == ["AT406"]  # the partner's 25 W's, one word


def test_a_word_one_letter_past_its_limit_is_warned(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(deckrules, "MAX_WORD_CHARS", deckrules.MAX_WORD_CHARS + 1)
    past = write_deck(tmp_path / "words.yaml")
    monkeypatch.undo()
    found = warnings(capsys, past)
    assert found and {code for code, _ in found} == {"AT406"}
    assert all("a word of 25 characters" in m for _, m in found)
