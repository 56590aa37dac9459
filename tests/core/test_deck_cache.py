"""The deck cache gives back exactly the decks and diagnostics the loader builds, and never a stale one."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from game.core import cache as cache_files
from game.core import library, yamlnodes
from game.core.library import load_library
from game.paths import ROOT, SCENARIOS

from .decks import BASE, LOOPING, edit
from .test_library_check import _library


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def _same(a: library.Library, b: library.Library) -> None:
    assert a == b
    for x, y in zip(a.decks, b.decks, strict=True):  # order too, which == on dicts does not see
        for cx, cy in zip(x.cards, y.cards, strict=True):
            assert list(cx.beats) == list(cy.beats)
            assert [list(bx.says) for bx in cx.beats.values()] == [list(by.says) for by in cy.beats.values()]
            assert list(cx.endings) == list(cy.endings)


def test_every_deck_survives_the_round_trip(tmp_path: Path):
    (tmp_path / "base.yaml").write_text(BASE)
    (tmp_path / "loops.yaml").write_text(LOOPING)
    lib = load_library([SCENARIOS, tmp_path])
    assert len(lib.decks) >= 3
    for deck in lib.decks:
        row = json.loads(json.dumps(cache_files.deck_to_json(deck)))
        assert cache_files.deck_from_json(deck.path, row) == deck


@pytest.mark.parametrize("where", ["shipped", "troubled"])
def test_cached_loads_equal_parsed_ones(tmp_path: Path, home: Path, where: str):
    paths = [SCENARIOS] if where == "shipped" else [_library(tmp_path), tmp_path / "missing.yaml"]
    parsed = load_library(paths)
    cold = load_library(paths, cache=True)
    assert (home / "cache" / cache_files.DECKS_FILE).is_file()
    warm = load_library(paths, cache=True)
    _same(cold, parsed)
    _same(warm, parsed)


def test_a_warm_start_needs_no_yaml_parser(home: Path):
    code = (
        "import sys; from game.core.library import load_library; from game.paths import SCENARIOS; "
        "lib = load_library([SCENARIOS], cache=True); print(len(lib.decks), 'yaml' in sys.modules)"
    )
    env = dict(os.environ, ATTUNE_HOME=str(home), PYTHONPATH=str(ROOT))

    def run() -> str:
        return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout

    decks = len(load_library([SCENARIOS]).decks)
    assert run().split() == [str(decks), "True"]  # the first start parses, and fills the cache
    assert run().split() == [str(decks), "False"]  # the next one does not even import PyYAML


def test_a_changed_file_is_parsed_again(tmp_path: Path):
    f = tmp_path / "deck.yaml"
    f.write_text(BASE)
    assert load_library([f], cache=True).decks[0].cards[0].title == "One"
    f.write_text(edit("title: One", "title: Uno"))
    assert load_library([f], cache=True).decks[0].cards[0].title == "Uno"
    f.write_text(edit("move: defend", "move: argue"))
    assert [d.code for d in load_library([f], cache=True).errors] == ["AT205"]


@pytest.mark.parametrize("content", ["", "{not json", json.dumps({"format": 99, "entries": {}}), "[]"])
def test_a_broken_cache_file_is_ignored(home: Path, content: str):
    folder = home / "cache"
    folder.mkdir(parents=True)
    (folder / cache_files.DECKS_FILE).write_text(content)
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))


def test_damaged_entries_are_parsed_again(home: Path):
    load_library([SCENARIOS], cache=True)
    file = home / "cache" / cache_files.DECKS_FILE
    data = json.loads(file.read_text())
    for i, key in enumerate(data["entries"]):
        data["entries"][key] = [["too", "short"], []] if i % 2 else "nonsense"
    file.write_text(json.dumps(data))
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))


def test_another_parser_does_not_share_entries(monkeypatch, home: Path):
    load_library([SCENARIOS], cache=True)
    before = set(cache_files.read(home / "cache" / cache_files.DECKS_FILE))
    monkeypatch.setattr(yamlnodes, "_Loader", yaml.SafeLoader)
    if cache_files._parser_id() == "no-yaml" or yamlnodes._default_loader() is yaml.SafeLoader:
        pytest.skip("PyYAML built without its C parser: SafeLoader is the default")
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))
    after = set(cache_files.read(home / "cache" / cache_files.DECKS_FILE))
    assert before < after


def test_an_unwritable_cache_folder_only_costs_time(home: Path):
    home.mkdir(parents=True)
    (home / "cache").write_text("a file where the folder would be")
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))


def _first_card(data: dict) -> list:
    deck_row = next(row for row, _ in data["entries"].values() if row is not None)
    return deck_row[6][0]


@pytest.mark.parametrize(
    "damage",
    [
        lambda card: card.__setitem__(6, float("nan")),  # tension NaN
        lambda card: card.__setitem__(6, "5"),  # tension as text
        lambda card: card.__setitem__(6, 1e308),  # out of range
        lambda card: card.__setitem__(11, [True, 1]),  # a place that is not numbers
        lambda card: card.__setitem__(11, [1.5, 1]),
        lambda card: card.__setitem__(11, [10**30, 1]),
        lambda card: card.__setitem__(1, ["not", "text"]),  # the title
        lambda card: card[9][0].__setitem__(2, [[[[["deep"]]]]]),  # a beat's choices
    ],
)
def test_a_hand_edited_value_is_caught_as_it_is_taken(home: Path, damage):
    """The cache is read with json's own numbers: every value is checked where the deck is rebuilt."""
    load_library([SCENARIOS], cache=True)
    file = home / "cache" / cache_files.DECKS_FILE
    data = json.loads(file.read_text())
    damage(_first_card(data))
    file.write_text(json.dumps(data))
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))


@pytest.mark.parametrize("number", ["9" * 5000, "1e400", "NaN", "-Infinity"])
def test_numbers_no_field_can_hold_do_no_harm(home: Path, number: str):
    load_library([SCENARIOS], cache=True)
    file = home / "cache" / cache_files.DECKS_FILE
    text = file.read_text()
    file.write_text(text.replace('"format":', f'"junk":{number},"format":', 1))
    _same(load_library([SCENARIOS], cache=True), load_library([SCENARIOS]))
