"""Data files across releases: older ones are backed up once and brought up to date, newer ones left alone."""

import json
import shutil
from pathlib import Path

import pytest

from game.core import schema
from game.core.model import Fear, LoopState, Mode
from game.core.progress import PROGRESS_FILE, SETTINGS_FILE, Store
from game.core.runner import Runner
from game.core.session import Session

from .test_runner import card, pick

FIRST = Path(__file__).parent / "fixtures" / "first-release"


@pytest.fixture
def old_home(tmp_path):
    for name in (PROGRESS_FILE, SETTINGS_FILE):
        shutil.copy(FIRST / name, tmp_path / name)
    return tmp_path


def _on_disk(home, name):
    return json.loads((home / name).read_text(encoding="utf-8"))


def test_the_first_releases_files_are_migrated_in_place_with_a_backup(old_home):
    before = {n: (old_home / n).read_bytes() for n in (PROGRESS_FILE, SETTINGS_FILE)}
    store = Store(old_home)
    assert not store.messages  # nothing was set aside, nothing to tell
    assert store.profile == "Sam" and store.settings.text_size == 2 and store.settings.high_contrast
    plays = store.history()
    assert [p.when[:10] for p in plays] == ["2026-11-20", "2026-11-21", "2026-11-22"]
    assert [p.fear_correct for p in plays] == [False, None, True]
    assert all(p.mode is Mode.SOLO and p.players == () and p.ratings == () for p in plays)
    assert store.history("Me")[0].ending is LoopState.ESCALATED
    assert store.totals().fear_asked == 2
    for name in (PROGRESS_FILE, SETTINGS_FILE):
        assert _on_disk(old_home, name)["version"] == schema.SCHEMA
        assert (old_home / f"{name}.v1-backup").read_bytes() == before[name]
    play = _on_disk(old_home, PROGRESS_FILE)["profiles"]["Sam"]["plays"][0]
    assert play["mode"] == "solo" and play["votes"] == [] and play["counts"]["earned"] == -1


def test_the_backup_is_made_once(old_home):
    Store(old_home)
    backup = old_home / f"{PROGRESS_FILE}.v1-backup"
    first = backup.read_bytes()
    (old_home / PROGRESS_FILE).write_bytes((FIRST / PROGRESS_FILE).read_bytes().replace(b"Sam", b"Kit"))
    Store(old_home)  # an old file again: migrated again, the first backup kept
    assert backup.read_bytes() == first
    assert "Kit" in _on_disk(old_home, PROGRESS_FILE)["profiles"]


def test_a_file_without_a_version_is_read_as_the_first_shape(tmp_path):
    data = json.loads((FIRST / PROGRESS_FILE).read_text())
    del data["version"]
    (tmp_path / PROGRESS_FILE).write_text(json.dumps(data))
    store = Store(tmp_path)
    assert len(store.history("Sam")) == 3 and not store.messages
    assert (tmp_path / f"{PROGRESS_FILE}.v1-backup").exists()


def test_new_plays_after_migration_keep_mode_players_ratings_and_votes(old_home):
    store = Store(old_home)
    s = Session(card(), seed=1, mode=Mode.TOGETHER, players=("Ana", "Ben"))
    s.choose(pick(s.runner, "You feel unheard, and alone with it."), player="Ana", rating=7, votes=[3, 1])
    s.choose(0, player="Ben", rating=4)
    s.name_fear(Fear.NOT_ENOUGH)
    rec = s.record(store, when="2026-12-01T10:00:00")
    assert s.record(store) is rec and len(store.history()) == 4  # once
    again = Store(old_home).history()[-1]
    assert again == rec
    assert again.mode is Mode.TOGETHER and again.players == ("Ana", "Ben") and again.ratings == (7, 4)
    assert again.votes == ((3, 1), ())


@pytest.mark.parametrize("name", [PROGRESS_FILE, SETTINGS_FILE])
def test_a_file_from_a_newer_release_is_left_untouched(tmp_path, name):
    data = json.loads((FIRST / name).read_text())
    data["version"] = schema.SCHEMA + 1
    data["something_new"] = {"kept": True}
    text = json.dumps(data)
    (tmp_path / name).write_text(text)
    store = Store(tmp_path)
    assert any("newer version of Attune" in m for m in store.messages)
    if name == PROGRESS_FILE:
        assert len(store.history("Sam")) == 3  # read as far as it can be
        run = Runner(card(), seed=0)
        while not run.ended:
            run.choose(0)
        store.record(run.summary())
    else:
        assert store.settings.high_contrast
    store.settings.volume = 0.1
    store.save_settings()
    assert (tmp_path / name).read_text() == text  # never overwritten
    assert not list(tmp_path.glob("*-backup")) and not list(tmp_path.glob("*.unreadable-*"))


def test_a_version_that_is_not_a_number_is_set_aside(tmp_path):
    (tmp_path / PROGRESS_FILE).write_text(json.dumps({"version": "two", "profiles": {}}))
    store = Store(tmp_path)
    assert list(tmp_path.glob("progress.json.unreadable-*")) and store.messages


def test_migrate_does_not_change_its_input():
    data = json.loads((FIRST / PROGRESS_FILE).read_text())
    copy = json.loads(json.dumps(data))
    out = schema.migrate("progress", data)
    assert data == copy and out["version"] == schema.SCHEMA
    with pytest.raises(schema.NotAVersion):
        schema.migrate("progress", {"version": True})


def test_a_newer_file_this_release_cannot_parse_is_still_left_where_it_is(tmp_path):
    data = json.loads((FIRST / PROGRESS_FILE).read_text())
    data["version"] = schema.SCHEMA + 3
    data["profiles"]["Sam"]["plays"][0]["ending"] = "a state this release never heard of"
    text = json.dumps(data)
    (tmp_path / PROGRESS_FILE).write_text(text)
    store = Store(tmp_path)
    assert (tmp_path / PROGRESS_FILE).read_text() == text and not list(tmp_path.glob("*.unreadable-*"))
    assert any("newer version" in m for m in store.messages)


def test_an_old_file_with_a_damaged_play_keeps_the_rest_and_a_copy_of_the_original(tmp_path):
    raw = b'{"version": 1, "profiles": {"Me": {"plays": [{"card": "x"}]}}}'
    (tmp_path / PROGRESS_FILE).write_bytes(raw)
    store = Store(tmp_path)
    (backup,) = tmp_path.glob("progress.json.v1-backup")
    assert backup.read_bytes() == raw  # the original, byte for byte, before anything was mended
    assert store.history() == [] and any("damaged" in m for m in store.messages)
    assert not list(tmp_path.glob("progress.json.unreadable-*"))
