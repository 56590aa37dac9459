"""One failing input per loader and validator rule: the code, the line, the column."""

from pathlib import Path

import pytest

from game.core.deckfile import load_deck_file, load_deck_text
from game.core.library import load_library

from .decks import BASE, ESCALATED_LINE, edit, without_dead_lines


def diags(text: str):
    deck, ds = load_deck_text(text, "deck.yaml")
    return deck, ds


def only(text: str, code: str):
    """The diagnostics with `code`; there must be at least one."""
    _, ds = diags(text)
    found = [d for d in ds if d.code == code]
    assert found, f"expected {code}, got {[str(d) for d in ds]}"
    return found


def at(text: str, code: str, line: int, col: int):
    found = only(text, code)
    assert any((d.line, d.col) == (line, col) for d in found), [str(d) for d in found]
    return next(d for d in found if (d.line, d.col) == (line, col))


def test_base_deck_loads_cleanly():
    deck, ds = diags(BASE)
    assert [(d.code, d.line) for d in ds] == [("AT404", ESCALATED_LINE)]  # the one thing BASE leaves unsaid
    assert deck is not None and [c.full_id for c in deck.cards] == ["test/one"]
    card = deck.cards[0]
    assert card.start == "first" and card.tension == 5.0
    assert card.beats["second"].choices[0].names_fear


# -- the file itself -------------------------------------------------------


def test_empty_file():
    at("", "AT103", 1, 1)
    at("# only a comment\n", "AT103", 1, 1)


def test_not_utf8(tmp_path: Path):
    f = tmp_path / "latin1.yaml"
    f.write_bytes(b"format: 1\ndeck:\n  id: t\xe9\n")
    deck, ds = load_deck_file(f)
    assert deck is None
    assert [(d.code, d.line, d.col) for d in ds] == [("AT102", 3, 8)]


def test_unreadable_file(tmp_path: Path):
    deck, ds = load_deck_file(tmp_path / "missing.yaml")
    assert deck is None and ds[0].code == "AT101"


def test_not_yaml_reports_the_line():
    d = only("format: 1\ndeck:\n  id: [unclosed\n  title: x\n", "AT104")[0]
    assert d.line in (3, 4, 5)


def test_bad_indentation_reports_the_line():
    d = only(edit("    title: One\n", "   title: One\n"), "AT104")[0]
    assert d.line == 7


def test_tab_indentation_reports_the_line():
    d = only(edit("    title: One\n", "\ttitle: One\n"), "AT104")[0]
    assert d.line == 7


def test_two_documents():
    at(BASE + "---\nformat: 1\n", "AT106", 41, 1)


def test_top_level_must_be_a_mapping():
    at("- just\n- a list\n", "AT204", 1, 1)


# -- the shape of the deck ------------------------------------------------------


def test_unknown_key_suggests_the_right_one():
    d = at(edit("            move: defend\n", "            mvoe: defend\n"), "AT202", 22, 13)
    assert "did you mean `move`" in d.message
    at(edit("            move: defend\n", "            mvoe: defend\n"), "AT203", 21, 13)


def test_unknown_key_lists_allowed_keys_when_nothing_is_close():
    d = at(edit("    title: One\n", "    title: One\n    colour: blue\n"), "AT202", 8, 5)
    assert "allowed keys" in d.message and "partner" in d.message


def test_duplicate_key():
    d = at(
        edit("            why: It argues.\n", "            why: It argues.\n            why: Again.\n"), "AT201", 24, 13
    )
    assert "line 23" in d.message


def test_fear_vocabulary_lists_allowed_values():
    d = at(edit("fear: not-enough", "fear: not-enuf"), "AT205", 9, 11)
    assert "not-enough, too-much" in d.message and "did you mean `not-enough`" in d.message


def test_pattern_vocabulary():
    d = at(edit("pattern: withdraw", "pattern: sulk"), "AT205", 10, 14)
    assert "self-blame, withdraw, attack" in d.message


def test_move_vocabulary():
    d = at(edit("move: defend", "move: argue"), "AT205", 22, 19)
    assert "reflect" in d.message and "attack" in d.message


def test_yes_is_not_text():
    d = at(edit("says: You never listen.", "says: yes"), "AT204", 15, 15)
    assert "yes/no" in d.message and "quotes" in d.message


def test_number_is_not_text():
    d = at(edit("why: It lands.", "why: 42"), "AT204", 19, 18)
    assert "a number" in d.message


def test_list_is_not_text():
    at(edit("why: It lands.", "why: [a, b]"), "AT204", 19, 18)


def test_quoted_yes_is_text():
    deck, ds = diags(edit("says: You never listen.", "says: 'yes'"))
    assert without_dead_lines(ds) == [] and deck.cards[0].beats["first"].says_varies is False


def test_empty_text():
    at(edit("why: It lands.", "why: ''"), "AT209", 19, 18)
    at(edit("why: It lands.", "why:"), "AT209", 19, 17)


def test_names_fear_only_on_reflect():
    at(edit("            move: attack\n", "            move: attack\n            names_fear: true\n"), "AT212", 38, 25)


def test_names_fear_must_be_boolean():
    at(edit("names_fear: true", "names_fear: sure"), "AT204", 33, 25)


def test_format_version():
    at("format: 2\n" + BASE.split("\n", 1)[1], "AT206", 1, 9)


def test_missing_format():
    at(BASE.split("\n", 1)[1], "AT203", 1, 1)


def test_invalid_card_id():
    at(edit("  - id: one", "  - id: One Card"), "AT207", 6, 9)


def test_duplicate_card_id():
    second = BASE[BASE.index("  - id: one") :]
    at(BASE + second, "AT208", 40, 5)


def test_missing_required_key():
    d = at(edit("    teaching: Hear the fear.\n", ""), "AT203", 6, 5)
    assert "teaching" in d.message


def test_tension_range():
    at(edit("    title: One\n", "    title: One\n    tension: 12\n"), "AT210", 8, 14)
    at(edit("    title: One\n", "    title: One\n    tension: high\n"), "AT204", 8, 14)


def test_says_map_needs_all_states():
    d = at(edit("          escalated: Forget it.\n", ""), "AT211", 27, 11)
    assert "escalated" in d.message


def test_says_map_unknown_state():
    at(edit("          stuck: Whatever.\n", "          stuck: Whatever.\n          angry: Ugh.\n"), "AT202", 29, 11)


def test_yaml_tag_rejected():
    d = at(edit("says: You never listen.", "says: !!python/object/apply:os.system ['true']"), "AT105", 15, 15)
    assert "!!python/object/apply:os.system" in d.message


def test_alias_rejected():
    text = edit(
        "          - say: I always listen.\n            move: defend\n            why: It argues.\n"
        "            next: second\n",
        "          - *first\n",
    )
    text = edit("          - say: You feel unheard", "          - &first\n            say: You feel unheard", text)
    only(text, "AT214")


def test_no_cards():
    at("format: 1\ndeck:\n  id: t\n  title: T\ncards: []\n", "AT213", 5, 8)


def test_bad_beat_id():
    at(edit("      first:\n", "      First Beat:\n"), "AT207", 14, 7)


# -- the story graph --------------------------------------------------------------


def test_next_names_no_beat():
    d = at(edit("next: second", "next: secnd"), "AT301", 20, 19)
    assert "first, second" in d.message


def test_start_names_no_beat():
    at(edit("    beats:\n", "    start: middle\n    beats:\n"), "AT302", 13, 12)


def test_start_defaults_to_first_beat():
    deck, _ = diags(BASE)
    assert deck.cards[0].start == "first"


def test_too_few_choices():
    text = edit(
        "          - say: I always listen.\n            move: defend\n            why: It argues.\n"
        "            next: second\n",
        "",
    )
    at(text, "AT303", 14, 7)


def test_too_many_choices():
    extra = "".join(
        f"          - say: Option {i}.\n            move: fix\n            why: W{i}.\n            next: end\n"
        for i in range(5)
    )
    at(edit("      second:\n", extra + "      second:\n"), "AT303", 14, 7)


def test_cycle_without_way_out():
    text = BASE.replace("next: end", "next: first")
    found = only(text, "AT304")
    assert {(d.line, d.col) for d in found} == {(14, 7), (25, 7)}


def test_unreachable_beat_is_a_warning():
    text = BASE.replace("next: second", "next: end")
    deck, ds = diags(text)
    assert [(d.code, d.severity.value, d.line, d.col) for d in ds] == [("AT401", "warning", 25, 7)]
    assert deck is not None and len(deck.cards) == 1  # still plays


def test_long_line_is_a_warning():
    d = at(edit("says: You never listen.", "says: " + "word " * 50), "AT402", 15, 15)
    assert "220" in d.message


def test_same_choice_twice_is_a_warning():
    at(edit("say: You're being dramatic.", "say: I always listen."), "AT403", 36, 13)


# -- one bad card, one bad deck ------------------------------------------------------


def test_a_bad_card_leaves_the_others_in_its_deck():
    good = BASE[BASE.index("  - id: one") :].replace("id: one", "id: two")
    bad = good.replace("id: two", "id: three").replace("move: defend", "move: argue")
    deck, ds = diags(BASE + bad + good)
    assert [c.id for c in deck.cards] == ["one", "two"]
    assert [d.code for d in without_dead_lines(ds)] == ["AT205"]


def test_one_bad_deck_never_stops_the_others(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(BASE)
    (tmp_path / "b.yaml").write_text("format: 1\ndeck: [broken\n")
    (tmp_path / "c.yaml").write_bytes(b"\xff\xfe")
    (tmp_path / "d.yaml").write_text(BASE.replace("id: test", "id: other"))
    lib = load_library([tmp_path])
    assert [d.id for d in lib.decks] == ["test", "other"]
    assert sorted(Path(d.path).name for d in lib.errors) == ["b.yaml", "c.yaml"]


def test_duplicate_deck_id_across_files(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(BASE)
    (tmp_path / "b.yaml").write_text(BASE)
    lib = load_library([tmp_path])
    assert len(lib.decks) == 1
    (d,) = lib.errors
    assert (d.code, Path(d.path).name, d.line, d.col) == ("AT208", "b.yaml", 3, 3)


@pytest.mark.parametrize("loader_name", ["CSafeLoader", "SafeLoader"])
def test_same_result_with_either_parser(monkeypatch, loader_name):
    import yaml

    import game.core.yamlnodes as yamlnodes

    if not hasattr(yaml, loader_name):
        pytest.skip(f"PyYAML built without {loader_name}")
    monkeypatch.setattr(yamlnodes, "_Loader", getattr(yaml, loader_name))
    text = edit("move: defend", "move: argue")
    _, ds = load_deck_text(text, "deck.yaml")
    assert [(d.code, d.line, d.col) for d in ds] == [("AT205", 22, 19)]


def test_scalar_alias_rejected():
    text = edit("why: It lands.", "why: &w It lands.")
    only(edit("why: It argues.", "why: *w", text), "AT214")
