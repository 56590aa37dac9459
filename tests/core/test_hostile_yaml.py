"""Decks written to trick: every diagnostic at the right place, on one line, refusing what the docs refuse."""

from __future__ import annotations

import pytest
import yaml

from game.core import yamlnodes
from game.core.deckfile import load_deck_bytes, load_deck_text
from game.core.diagnostics import MAX_PER_FILE

from .decks import BASE

GOOD = BASE.replace("    partner: Ana\n", "    partner: Ana\n    tension: 5\n", 1)
TENSION = "5"


@pytest.fixture(params=["CSafeLoader", "SafeLoader"])
def either_parser(request, monkeypatch):
    if not hasattr(yaml, request.param):
        pytest.skip(f"PyYAML built without {request.param}")
    monkeypatch.setattr(yamlnodes, "_Loader", getattr(yaml, request.param))
    return request.param


def where(text: str, code: str | None = None) -> list[tuple[int, int, str]]:
    _, diags = load_deck_text(text, "t.yaml")
    return [(d.line, d.col, d.code) for d in diags if code is None or d.code == code]


def test_odd_line_breaks_are_counted_as_an_editor_counts_them(either_parser):
    for brk in ("\u2028", "\u2029", "\x85"):
        text = f'format: 1\ndeck:\n  id: x\n  title: "a{brk}b"\n  bogus: 1\ncards: []\n'
        assert (5, 3, "AT202") in where(text), brk
        later = f'format: 1\ndeck:\n  id: x\n  title: "a{brk}b{brk}c"\n  bogus: 1\n  bad: [\ncards: []\n'
        assert where(later) == [(8, 1, "AT104")], brk  # the end of the file, as an editor numbers it


def test_columns_are_characters_not_bytes(either_parser):
    text = 'format: 1\ndeck: {id: "é€😀", title: t, bogus: 1}\ncards: []\n'
    assert (2, 29, "AT202") in where(text)  # in bytes it would be 35
    raw = "format: 1\n# ééé\xff\n".encode("latin-1")
    raw = b"format: 1\n# \xc3\xa9\xc3\xa9 \xff\n"
    _, diags = load_deck_bytes(raw, "t.yaml")
    assert [(d.line, d.col, d.code) for d in diags] == [(2, 6, "AT102")]
    _, diags = load_deck_bytes(b"\xef\xbb\xbf" + raw, "t.yaml")
    assert [(d.line, d.col, d.code) for d in diags] == [(2, 6, "AT102")], "a byte-order mark shifts nothing"


def test_a_nul_is_reported_where_it_is_on_one_line(either_parser):
    text = "format: 1\ndeck:\n  id: é\n  title: ab\x00cd\n"
    _, diags = load_deck_text(text, "t.yaml")
    assert [(d.line, d.col, d.code) for d in diags] == [(4, 12, "AT104")]
    line = str(diags[0])
    assert "\n" not in line and "U+0000" in line and "position" not in line and "unicode string" not in line


def test_an_alias_is_reported_where_it_is_used_and_the_anchor_where_it_is_made(either_parser):
    text = GOOD.replace("    partner: Ana", "    partner: &who Maya", 1)
    text = text.replace("    partner: Sam", "    partner: *who", 1) if "partner: Sam" in text else text + "x: *who\n"
    got = where(text, "AT214")
    lines = text.split("\n")
    anchor = next(i for i, t in enumerate(lines) if "&who" in t)
    alias = next(i for i, t in enumerate(lines) if "*who" in t)
    assert (anchor + 1, lines[anchor].index("&who") + 1, "AT214") in got
    assert (alias + 1, lines[alias].index("*who") + 1, "AT214") in got


@pytest.mark.parametrize(
    ("snippet", "code", "named"),
    [
        ("!!str yes", "AT105", "!!str"),
        ('!!int "7"', "AT105", "!!int"),
        ("!<tag:yaml.org,2002:str> x", "AT105", "!<tag:yaml.org,2002:str>"),
        ('!!bool "maybe"', "AT105", "!!bool"),
        ("! text", "AT105", "`!`"),
        ("!custom x", "AT105", "!custom"),
        ("&bare x", "AT214", "&bare"),
    ],
)
def test_explicit_tags_and_bare_anchors_are_refused_naming_what_was_written(either_parser, snippet, code, named):
    text = GOOD.replace("    partner: Ana", f"    partner: {snippet}", 1)
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is None
    hit = [d for d in diags if d.code == code]
    assert hit and named in hit[0].message, [str(d) for d in diags]
    line = text.split("\n").index(f"    partner: {snippet}") + 1
    assert (hit[0].line, hit[0].col) == (line, 14)


def test_directives_are_refused_naming_them(either_parser):
    for directive in ("%YAML 1.1", "%TAG !e! tag:example.com,2000:"):
        deck, diags = load_deck_text(f"{directive}\n---\n{GOOD}", "t.yaml")
        assert deck is None and [(d.code, d.line, d.col) for d in diags][0] == ("AT110", 1, 1)
        assert directive.split()[0] in diags[0].message


def test_a_merge_key_is_named_as_a_merge_key_not_a_tag(either_parser):
    text = GOOD.replace("    partner: Ana", "    <<: {partner: Ana}", 1)
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is None and any(d.code == "AT215" and "<<" in d.message for d in diags)
    assert not any("!!merge" in d.message for d in diags)


def test_a_merge_key_among_beats_is_a_merge_key_not_a_beat(either_parser):
    # Beat ids are the author's own, so any plain word is a key there: `<<` is still refused as a merge key.
    text = GOOD.replace("    beats:\n", "    beats:\n      <<: {says: Hi}\n", 1)
    deck, diags = load_deck_text(text, "t.yaml")
    line = text.split("\n").index("      <<: {says: Hi}") + 1
    assert deck is None and [(d.code, d.line, d.col) for d in diags if d.code != "AT404"] == [("AT215", line, 7)]


@pytest.mark.parametrize(
    ("value", "words"),
    [("0x5", "hexadecimal"), ("0b101", "binary"), ("012", "octal"), ("1:30", "base-60"), (".inf", "infinity")],
)
def test_yaml_11_number_forms_are_named_for_what_they_are(either_parser, value, words):
    text = GOOD.replace(f"    tension: {TENSION}", f"    tension: {value}", 1)
    got = [d for d in load_deck_text(text, "t.yaml")[1] if d.code == "AT210"]
    assert got and words in got[0].message and value in got[0].message


def test_plain_numbers_still_work():
    for written, value in (("7", 7.0), ("+3", 3.0), ("2.5", 2.5), ("1_0", 10.0), ("0", 0.0)):
        text = GOOD.replace(f"    tension: {TENSION}", f"    tension: {written}", 1)
        deck, diags = load_deck_text(text, "t.yaml")
        assert deck is not None and not [d for d in diags if d.is_error], written
        assert deck.cards[0].tension == value


@pytest.mark.parametrize("text", ["[" * 100_000, "- " * 100_000 + "x", "{a: " * 50_000, "a:\n" + "- " * 3000 + "x\n"])
def test_deep_nesting_is_refused_before_it_can_recurse(either_parser, text):
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is None and len(diags) == 1 and diags[0].code == "AT104"


def test_a_key_with_a_newline_and_an_escape_sequence_stay_on_one_line():
    text = GOOD.replace("    partner: Ana", '    partner: Ana\n    "evil\\nkey\\e[2J": 1', 1)
    text = text.replace("    title: One", '    title: "\\e[2J\\e[31mred\\u202e"', 1)
    _, diags = load_deck_text(text, "t.yaml")
    for d in diags:
        line = str(d)
        assert "\n" not in line and "\x1b" not in line and "\u202e" not in line, line
    assert any("evil\\nkey\\x1b[2J" in str(d) for d in diags)


def test_at_most_200_diagnostics_a_file_then_a_count_of_the_rest(either_parser):
    junk = "".join(f"  junk{i}: 1\n" for i in range(5000))
    text = GOOD.replace("deck:\n", "deck:\n" + junk, 1)
    _, diags = load_deck_text(text, "t.yaml")
    own = len(load_deck_text(GOOD, "t.yaml")[1])  # what the deck says of itself (a warning or so)
    assert len(diags) == MAX_PER_FILE + 1
    assert diags[-1].code == "AT109" and f"{4800 + own} more" in diags[-1].message
    anchors = "a: [" + ", ".join(f"&a{i} x" for i in range(3000)) + "]\n"
    _, diags = load_deck_text(anchors, "t.yaml")
    assert len(diags) == MAX_PER_FILE + 1 and "2800 more" in diags[-1].message


def test_prose_with_marks_is_not_mistaken_for_tags():
    text = GOOD.replace("    partner: Ana", '    partner: "Ana!"', 1)
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is not None and not [d for d in diags if d.is_error]
    text = GOOD.replace("    partner: Ana", "    partner: Ana & *Sam* !", 1)  # inside plain text: no alias
    deck, diags = load_deck_text(text, "t.yaml")
    assert deck is not None and deck.cards[0].partner == "Ana & *Sam* !"


def test_a_billion_laughs_is_refused_at_once():
    lol = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
    )
    deck, diags = load_deck_text(lol, "t.yaml")
    assert deck is None and all(d.code in ("AT214", "AT109") for d in diags)
