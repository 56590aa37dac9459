"""Damaged data files: each wrong field is reset (or its record left out), the rest is kept, nothing raises."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from game.core import cache, datafile
from game.core.progress import DEFAULT_PROFILE, MAX_PROFILE_CHARS, PROGRESS_FILE, SETTINGS_FILE, Settings, Store

from .plays import PLAY


def _store(home: Path, settings=None, progress=None) -> Store:
    home.mkdir(parents=True, exist_ok=True)
    if settings is not None:
        (home / SETTINGS_FILE).write_text(settings if isinstance(settings, str) else json.dumps(settings))
    if progress is not None:
        (home / PROGRESS_FILE).write_text(progress if isinstance(progress, str) else json.dumps(progress))
    return Store(home)


def _progress(*plays, name="Me") -> dict:
    return {"version": 1, "profiles": {name: {"plays": list(plays)}}}


@pytest.mark.parametrize("value", [None, 7, "loud", [1, 2], True])
def test_settings_of_the_wrong_shape_reset_with_one_message(tmp_path: Path, value):
    store = _store(tmp_path, {"version": 1, "settings": value, "profile": "Ana"})
    assert store.settings == Settings() and store.profile == "Ana"
    assert len(store.messages) == 1 and "damaged" in store.messages[0]
    assert store.save_settings()


@pytest.mark.parametrize(
    "raw",
    [
        '{"version":1,"settings":{"volume":NaN,"text_size":2}}',
        '{"version":1,"settings":{"volume":Infinity,"text_size":2}}',
        '{"version":1,"settings":{"volume":1e400,"text_size":2}}',
        '{"version":1,"settings":{"volume":' + "9" * 5000 + ',"text_size":2}}',
        '{"version":1,"settings":{"volume":"0.5","text_size":2}}',
        '{"version":1,"settings":{"volume":7,"text_size":2}}',
    ],
)
def test_a_number_no_field_can_hold_resets_that_field_only(tmp_path: Path, raw):
    store = _store(tmp_path, raw)
    assert store.settings.volume == Settings().volume and store.settings.text_size == 2
    assert len(store.messages) == 1


@pytest.mark.parametrize("name", [SETTINGS_FILE, PROGRESS_FILE, "cache"])
def test_deep_nesting_is_refused_without_recursion(tmp_path: Path, name):
    text = "[" * 100_000 + "]" * 100_000
    if name == "cache":
        (tmp_path / "cache").mkdir(parents=True)
        (tmp_path / "cache" / cache.DECKS_FILE).write_text(text)
        assert cache.read(tmp_path / "cache" / cache.DECKS_FILE) == {}
        return
    store = _store(tmp_path, **{"settings" if name == SETTINGS_FILE else "progress": text})
    assert len(store.messages) == 1 and "nests" in store.messages[0]
    assert any(p.name.startswith(name + ".unreadable-") for p in tmp_path.iterdir())


def test_a_damaged_play_is_left_out_a_damaged_field_reset_everything_else_kept(tmp_path: Path):
    bad_moves = {**PLAY, "moves": "reflect"}
    nan = {**PLAY, "attunement": float("nan")}
    huge_count = {**PLAY, "counts": {"earned": 1e400, "best_available": 6}}
    no_ending = {k: v for k, v in PLAY.items() if k != "ending"}
    odd_ending = {**PLAY, "ending": "flooded"}
    surrogate = {**PLAY, "card": "\ud800"}
    raw = json.dumps(_progress(PLAY, bad_moves, nan, huge_count, no_ending, odd_ending, surrogate, "x"))
    raw = raw.replace("NaN", "NaN")  # json.dumps writes NaN for a float nan
    store = _store(tmp_path, progress=raw)
    plays = store.history()
    assert len(plays) == 5, "the plays that could be kept are kept"
    assert plays[0].moves == ("reflect", "validate")
    assert plays[1].moves == (), "a string is not seven moves"
    assert plays[2].attunement == 0.0 and math.isfinite(plays[2].attunement)
    assert plays[3].counts == {"best_available": 6, "earned": 0}
    assert plays[4].card_id == "\ufffd", "a lone surrogate is made safe, the play kept"
    assert len(store.messages) == 1 and "3 damaged records left out" in store.messages[0]
    assert store.save_progress(), "every later save works"
    assert Store(tmp_path).history() == plays and Store(tmp_path).messages == []


def test_a_huge_profile_name_is_cut_and_made_safe(tmp_path: Path):
    long_name = "W" * 100_000
    store = _store(tmp_path, {"version": 1, "profile": long_name}, _progress(PLAY, name=long_name))
    assert store.profile == "W" * MAX_PROFILE_CHARS and len(store.history()) == 1
    store = _store(tmp_path / "b", {"version": 1, "profile": "a\nb\x1b[2J\ud800"}, None)
    assert store.profile == "a b\ufffd[2J\ufffd"
    store = _store(tmp_path / "c", {"version": 1, "profile": 42}, None)
    assert store.profile == DEFAULT_PROFILE and len(store.messages) == 1


def test_profiles_and_plays_of_the_wrong_shape(tmp_path: Path):
    for profiles in ([], "x", 3, {"Me": []}, {"Me": {"plays": "x"}}, {"Me": {"plays": [1, None, []]}}):
        store = _store(tmp_path / str(abs(hash(str(profiles)))), progress={"version": 1, "profiles": profiles})
        assert store.history() == [] and len(store.messages) == 1
        assert store.save_progress()


def test_a_data_file_that_is_not_a_file_or_too_big(tmp_path: Path, monkeypatch):
    import os

    (tmp_path / SETTINGS_FILE).mkdir(parents=True)
    store = Store(tmp_path)
    assert len(store.messages) == 1 and "folder" in store.messages[0]
    if hasattr(os, "mkfifo"):
        home = tmp_path / "fifo"
        home.mkdir()
        os.mkfifo(home / PROGRESS_FILE)
        store = Store(home)  # returns: no writer needed
        assert len(store.messages) == 1 and "pipe" in store.messages[0]
    monkeypatch.setattr("game.core.progress.MAX_DATA_BYTES", 100)
    store = _store(tmp_path / "big", progress=_progress(*[PLAY] * 10))
    assert len(store.messages) == 1 and "at most" in store.messages[0]


def test_json_depth_counts_brackets_outside_strings_only():
    assert datafile.depth('{"a": "[[[[[[", "b": [[1]]}') == 3
    assert datafile.depth('"\\"[["') == 0
    with pytest.raises(ValueError, match="nests"):
        datafile.parse_json("[" * (datafile.MAX_DEPTH + 1) + "]" * (datafile.MAX_DEPTH + 1))


@given(
    st.recursive(
        st.none() | st.booleans() | st.floats() | st.integers() | st.text(),
        lambda c: st.lists(c) | st.dictionaries(st.text(), c),
        max_leaves=30,
    )
)
def test_any_json_in_a_data_file_never_raises(tmp_path_factory, data):
    home = tmp_path_factory.mktemp("h")
    for payload in (data, {"version": 1, "settings": data, "profile": data}, {"version": 1, "profiles": data}):
        text = json.dumps(payload)
        (home / SETTINGS_FILE).write_text(text)
        (home / PROGRESS_FILE).write_text(json.dumps({"version": 1, "profiles": {"Me": {"plays": [data, PLAY]}}}))
        store = Store(home)
        assert store.save_settings() and store.save_progress()
        assert len(store.messages) <= 2


def test_settings_name_each_field_once_in_the_file_the_schema_and_the_class():
    from game.core.records import SETTINGS_FIELDS, settings_schema

    s = Settings(text_size=3, volume=0.25, seen_intro=True)
    assert tuple(vars(s)) == SETTINGS_FIELDS == tuple(settings_schema()) == tuple(s.to_json())
    assert Settings.from_dict(s.to_json()) == s != Settings()
    assert "text_size=3" in repr(s)
