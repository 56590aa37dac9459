"""A deck is data: no YAML tag is ever constructed, so nothing it names can run."""

from pathlib import Path

from game.core.deckfile import load_deck_file
from game.core.library import load_library

from .decks import edit


def test_python_object_apply_is_rejected_and_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    payload = f"!!python/object/apply:pathlib.Path.touch [!!python/object/apply:pathlib.Path ['{marker}']]"
    f = tmp_path / "evil.yaml"
    f.write_text(edit("says: You never listen.", f"says: {payload}"))
    deck, ds = load_deck_file(f)
    assert deck is None
    assert [(d.code, d.line) for d in ds if d.is_error][:1] == [("AT105", 15)]
    assert not marker.exists()


def test_tag_in_an_unknown_place_still_rejects_the_deck(tmp_path: Path):
    marker = tmp_path / "ran2"
    f = tmp_path / "evil2.yaml"
    f.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    lib = load_library([f])
    assert lib.decks == () and lib.errors[0].code == "AT105"
    assert not marker.exists()


def test_python_name_tag_on_a_key_is_rejected(tmp_path: Path):
    f = tmp_path / "evil3.yaml"
    f.write_text(edit("    title: One\n", "    !!python/name:os.system title: One\n"))
    deck, ds = load_deck_file(f)
    assert deck is None and any(d.code == "AT105" for d in ds)
