"""Fast library checks say exactly what the loader says, on one core or two, cached or not."""

import gc
import json
import os
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from game.core import cache as cache_files
from game.core import library, library_check, yamlnodes
from game.core.deckfile import load_deck_text
from game.core.library import load_library
from game.core.library_check import check_library
from game.core.nodecheck import MAX_WORD_CHARS, might_have_long_words
from game.paths import SCENARIOS

from .decks import BASE, edit, without_dead_lines


def _library(tmp_path: Path) -> Path:
    """A small library with one of each kind of trouble, and good decks around it."""
    d = tmp_path / "decks"
    d.mkdir()
    (d / "a-good.yaml").write_text(BASE)
    (d / "b-same-id.yaml").write_text(BASE)  # AT208 across files
    (d / "c-warning.yaml").write_text(edit("id: test", "id: warned", edit("title: One", "title: " + "x" * 50)))
    (d / "d-error.yaml").write_text(edit("id: test", "id: broken", edit("move: defend", "move: argue")))
    (d / "e-empty.yaml").write_text("")
    (d / "f-latin1.yaml").write_bytes("format: 1\ndeck: caf\xe9\n".encode("latin-1"))
    (d / "g-yaml.yml").write_text("format: 1\ndeck: [\n")
    (d / "h-tag.yaml").write_text(edit("format: 1", "format: !custom 1", edit("id: test", "id: tagged")))
    return d


def _same(report: library_check.Report, lib: library.Library) -> None:
    assert report.diagnostics == lib.diagnostics
    assert report.decks == len(lib.decks)
    assert report.cards == sum(len(d.cards) for d in lib.decks)


def test_shipped_decks_same_as_loader():
    report = check_library([SCENARIOS], jobs=1)
    _same(report, load_library([SCENARIOS]))
    assert report.files == len(list(SCENARIOS.glob("*.yaml"))) and not report.errors


def test_troubled_library_same_as_loader(tmp_path: Path):
    d = _library(tmp_path)
    missing = tmp_path / "missing.yaml"  # AT101
    paths = [d, missing]
    lib = load_library(paths)
    assert {x.code for x in lib.diagnostics} >= {"AT101", "AT102", "AT103", "AT104", "AT105", "AT205", "AT208", "AT402"}
    _same(check_library(paths, jobs=1), lib)


def test_two_workers_same_as_one(tmp_path: Path, monkeypatch):
    d = _library(tmp_path)
    for i in range(40):  # enough files for several chunks
        (d / f"z-{i:02d}.yaml").write_text(edit("id: test", f"id: deck-{i}"))
    if hasattr(os, "mkfifo"):  # a worker reads its own files, through the same guarded reader
        os.mkfifo(d / "y-pipe.yaml")
    monkeypatch.setattr(library_check, "PARALLEL_MIN_BYTES", 0)
    monkeypatch.setattr(library_check, "CHUNK_FILES", 3)
    lib = load_library([d])
    assert {x.code for x in lib.diagnostics} >= {"AT102", "AT103", "AT104", "AT105"}
    assert hasattr(os, "mkfifo") <= ("AT108" in {x.code for x in lib.diagnostics})
    _same(check_library([d], jobs=2), lib)


def test_cache_answers_unchanged_files_and_rechecks_changed_ones(tmp_path: Path):
    d = _library(tmp_path)
    cache = tmp_path / "cache"
    lib = load_library([d])
    cold = check_library([d], jobs=1, cache=True, cache_folder=cache)
    _same(cold, lib)
    assert (cold.from_cache, cold.checked) == (0, cold.files)
    warm = check_library([d], jobs=1, cache=True, cache_folder=cache)
    _same(warm, lib)
    assert (warm.from_cache, warm.checked) == (warm.files, 0)
    (d / "d-error.yaml").write_text(edit("id: test", "id: mended"))
    again = check_library([d], jobs=1, cache=True, cache_folder=cache)
    assert (again.from_cache, again.checked) == (again.files - 1, 1)
    _same(again, load_library([d]))


def test_cache_keeps_verdicts_apart_by_path(tmp_path: Path):
    cache = tmp_path / "cache"
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "deck.yaml").write_text(edit("move: defend", "move: argue"))
    first = check_library([tmp_path / "one"], jobs=1, cache=True, cache_folder=cache)
    second = check_library([tmp_path / "two"], jobs=1, cache=True, cache_folder=cache)
    assert second.checked == 1
    assert [Path(x.path).parent.name for x in first.diagnostics + second.diagnostics] == ["one", "two"]


@pytest.mark.parametrize("content", ["", "{not json", json.dumps({"format": 99, "entries": {}}), "[1, 2]"])
def test_a_broken_cache_is_ignored_and_replaced(tmp_path: Path, content: str):
    d = _library(tmp_path)
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / cache_files.VALIDATION_FILE).write_text(content)
    report = check_library([d], jobs=1, cache=True, cache_folder=cache)
    _same(report, load_library([d]))
    assert json.loads((cache / cache_files.VALIDATION_FILE).read_text())["format"] == cache_files.FORMAT


def test_a_damaged_entry_is_checked_again(tmp_path: Path):
    d = _library(tmp_path)
    cache = tmp_path / "cache"
    check_library([d], jobs=1, cache=True, cache_folder=cache)
    data = json.loads((cache / cache_files.VALIDATION_FILE).read_text())
    data["entries"] = {k: ["wrong"] for k in data["entries"]}
    (cache / cache_files.VALIDATION_FILE).write_text(json.dumps(data))
    report = check_library([d], jobs=1, cache=True, cache_folder=cache)
    assert report.from_cache == 0
    _same(report, load_library([d]))


def test_an_unwritable_cache_only_costs_time(tmp_path: Path):
    d = _library(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    report = check_library([d], jobs=1, cache=True, cache_folder=blocker / "cache")
    _same(report, load_library([d]))


def test_cache_folder_follows_attune_home(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("ATTUNE_HOME", str(tmp_path))
    assert cache_files.cache_dir() == tmp_path / "cache"
    check_library([SCENARIOS], jobs=1, cache=True)
    assert (tmp_path / "cache" / cache_files.VALIDATION_FILE).is_file()


# -- the loader's own speed-ups keep its answers --------------------------------


def test_a_tag_on_format_is_reported_not_raised():
    deck, ds = load_deck_text(edit("format: 1", "format: !!1"), "x.yaml")
    assert deck is None and [(d.code, d.line, d.col) for d in without_dead_lines(ds)] == [("AT105", 1, 9)]


def test_loading_a_library_leaves_the_cycle_collector_as_it_was():
    assert gc.isenabled()
    load_library([SCENARIOS])
    assert gc.isenabled()
    gc.disable()
    try:
        load_library([SCENARIOS])
        assert not gc.isenabled()
    finally:
        gc.enable()


_SCALARS = st.one_of(
    st.sampled_from(["yes", "No", "on", "OFF", "~", "null", "", "12", "-3", "0x1F", "0o7", "1_000", "3.5", ".inf"]),
    st.sampled_from(["1e3", "12:30", "2024-01-02", "2024-1-2 3:04:05", "<<", "=", "true", "False", "+.5", "010"]),
    st.text(alphabet="0123456789:._-+eExXabnNoOyYtTfF~ ", max_size=12),
)


@pytest.mark.parametrize("base", ["CSafeLoader", "SafeLoader"])
@given(value=_SCALARS)
def test_quick_resolver_gives_the_stock_tags(base: str, value: str):
    if not hasattr(yaml, base):
        pytest.skip(f"PyYAML built without {base}")
    stock = getattr(yaml, base)
    text = f"key: {value}\nlist: [{value}]\n"
    try:
        want = yaml.compose(text, Loader=stock)
    except yaml.YAMLError:
        return
    got = yaml.compose(text, Loader=yamlnodes._quick_resolver(stock))

    def walk(node):
        if isinstance(node, yaml.MappingNode):
            return [node.tag] + [(walk(k), walk(v)) for k, v in node.value]
        if isinstance(node, yaml.SequenceNode):
            return [node.tag] + [walk(x) for x in node.value]
        return (node.tag, node.value)

    assert walk(got) == walk(want)


def _longest_word(text: str) -> int:
    return max(map(len, text.split()), default=0)


_WORDY = st.text(
    alphabet=st.sampled_from(["a", "\u00e9", "\u2019", "\U0001f600", " ", "\t", "\n", "\x1c", "\x85", "\u00a0", "\\"]),
    max_size=80,
)


@settings(max_examples=500, deadline=None)
@given(_WORDY | st.text(max_size=80))
def test_the_long_word_look_misses_no_long_word(text):
    # The look at the file's bytes may see a long word where there is none (a no-break space does not
    # break a run of bytes), never the other way round: every AT406 is still found.
    if _longest_word(text) > MAX_WORD_CHARS:
        assert might_have_long_words(text)
        assert might_have_long_words(text, b"\xef\xbb\xbf" + text.encode("utf-8", "surrogatepass"))
    assert might_have_long_words("x" * (MAX_WORD_CHARS + 1)) and not might_have_long_words("x" * MAX_WORD_CHARS)


@pytest.mark.parametrize(
    ("say", "found"),
    [
        ("I always listen, " + "\u00e9" * 25 + ".", [("AT406", 21, 18, 26)]),
        ('"I always listen, abcdefghijklm\\\n              nopqrstuvwxyz."', [("AT406", 21, 18, 27)]),
        ("I always\tlisten, " + "a" * 24 + ".", [("AT406", 21, 18, 25)]),
        ("I always listen, " + "a" * 23 + ".", []),
        ("I always listen,\u00a0" + "a" * 20 + ".", []),  # a no-break space breaks a word
    ],
)
def test_a_word_too_long_is_found_wherever_it_stands(say: str, found: list):
    deck, ds = load_deck_text(edit("say: I always listen.", "say: " + say), "x.yaml")
    assert deck is not None
    got = [(d.code, d.line, d.col, int(d.message.split("word of ")[1].split()[0])) for d in without_dead_lines(ds)]
    assert got == found
