"""AT404 (a partner line no path can show) and AT405 (risk words, no care note): where they stand, and --strict."""

from pathlib import Path

from game.cli import main
from game.core.loader import load_deck_text

from .decks import BASE, edit


def line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def codes(text: str) -> list[tuple[str, int]]:
    _, diags = load_deck_text(text, "t.yaml")
    return [(d.code, d.line) for d in diags if d.code in ("AT404", "AT405")]


def test_a_dead_line_warns_at_its_own_line():
    # BASE's second beat is reached softened (after a reflection) or stuck (after defending): never escalated
    assert codes(BASE) == [("AT404", line_of(BASE, "escalated: Forget it."))]


def test_a_line_shown_after_the_pause_action_is_not_dead():
    text = edit("move: reflect\n            why: It lands.", "move: attack\n            why: It lands.")
    text = edit("move: defend", "move: attack", text)
    # both openings flood (8.75): escalated on arrival, stuck after the pause action; softened is dead
    assert codes(text) == [("AT404", line_of(text, "softened: Maybe I worry"))]


def test_one_line_for_all_states_is_never_dead():
    text = edit(
        "says:\n          softened: Maybe I worry I'm not enough for you.\n          stuck: Whatever.\n"
        "          escalated: Forget it.",
        "says: Whatever.",
    )
    assert codes(text) == []


def test_risk_words_without_care_warn_at_the_first_such_line():
    text = edit("          escalated: Forget it.", "          escalated: You'd all manage fine without me.")
    text = edit("says: You never listen.", "says: You never listen. I'm just a burden to you.", text)
    found = codes(text)
    assert ("AT405", line_of(text, "I'm just a burden")) in found
    assert [c for c, _ in found].count("AT405") == 1


def test_a_care_note_silences_the_risk_warning():
    text = edit("says: You never listen.", "says: You never listen. I'm just a burden to you.")
    text = edit(
        "    teaching: Hear the fear.\n", "    teaching: Hear the fear.\n    care: Ask how low it gets.\n", text
    )
    assert "AT405" not in [c for c, _ in codes(text)]


def test_ordinary_speech_does_not_warn():
    text = edit("says: You never listen.", "says: Go on, then. The money just disappeared, did it?")
    assert "AT405" not in [c for c, _ in codes(text)]


def test_strict_fails_on_either_warning(tmp_path: Path, capsys):
    (tmp_path / "t.yaml").write_text(BASE)
    assert main(["validate", str(tmp_path)]) == 0
    assert main(["validate", "--strict", str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert "warning[AT404]" in out and f"t.yaml:{line_of(BASE, 'escalated: Forget it.')}:" in out
