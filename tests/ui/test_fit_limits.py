"""The length limits hold their promise: a deck at every limit, in the widest letters, fits every screen.

The worst-case deck (tests/fitdeck.py) passes `validate --strict`; the
screenshot tour then plays it solo, as a couple and in a workshop room, with
the fit check on, at the three sizes the game must read well at. A text may
scroll (the play column, the debrief, the pause), never leave its box or the
window.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from game.cli import main
from game.core import deckrules
from game.ui import app as app_module
from game.ui import loop_view, tour_together
from game.ui.scenes import play
from game.ui.scenes.workshop.room import SMALLEST
from game.ui.shots import run_tour
from game.ui.widgets import FIT, text
from tests.fitdeck import FULL_ID, write_deck

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]


@pytest.fixture
def worst(tmp_path, monkeypatch):
    """A library holding only the worst-case deck (so the decks screen and every mode deal its card)."""
    lib = tmp_path / "decks"
    lib.mkdir()

    def make(word: int | None = None) -> Path:
        write_deck(lib / "fit.yaml", word=word)
        return lib

    monkeypatch.setattr(app_module, "SCENARIOS", make())
    return make


def tour(tmp_path: Path, size: tuple[int, int], text_size: int = 1) -> list[str]:
    """Every problem the fit check found on the tour of the worst-case card, as lines to read."""
    rc = run_tour(tmp_path / "shots", size, card_id=FULL_ID, text_size=text_size, quiet=True)
    assert (rc != 0) == bool(FIT.overflows)
    return [str(r) for r in FIT.overflows]


def test_the_worst_case_deck_passes_strict_validation(worst, capsys):
    assert main(["validate", "--strict", str(worst())]) == 0, capsys.readouterr().out
    out = (worst() / "fit.yaml").read_text()
    assert f'partner: "{"W" * deckrules.MAX_PARTNER_CHARS}"' in out
    assert f'"{"W" * deckrules.MAX_WORD_CHARS} ' in out


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_a_deck_at_every_limit_fits_every_screen(worst, tmp_path, size):
    problems = tour(tmp_path, size)
    assert problems == [], "\n".join(problems[:20])
    room = [r.px for r in FIT.records if r.scene == "workshop" and r.px and r.text.strip()]
    assert min(room) >= size[1] / SMALLEST  # a room's type stays large enough to read across it
    drawn = {r.scene for r in FIT.records}
    assert {"play", "pause", "name-fear", "debrief", "decks", "together-play", "workshop"} <= drawn, drawn
    # every text of the card was on screen somewhere: the card's title, a choice of each beat, the care note
    texts = " ".join(r.text for r in FIT.records)
    card = next(line for line in (worst() / "fit.yaml").read_text().splitlines() if "    care:" in line)
    assert card.split('"')[1] in texts


def test_a_couple_with_the_longest_names_fits_every_couples_screen(worst, tmp_path, monkeypatch):
    """A couple types their own names (at most NAME_MAX characters each); the widest letters fit too."""
    from game.core.together import NAME_MAX

    monkeypatch.setattr(tour_together, "NAMES", ("W" * NAME_MAX, "M" * NAME_MAX))
    for size in SIZES:
        problems = tour(tmp_path, size)
        assert problems == [], "\n".join(problems[:20])
        played = " ".join(r.text for r in FIT.records if r.scene == "together-play")
        assert "W" * (NAME_MAX // 2) in played and "M" * (NAME_MAX // 2) in played  # the names were on screen


def test_words_shorter_than_the_limit_fit_too(worst, tmp_path):
    """Shorter words waste more room at each line's end; they must not push a text out of its box."""
    worst(word=13)
    problems = tour(tmp_path, (1024, 600))
    assert problems == [], "\n".join(problems[:20])


def test_the_fit_check_fails_when_a_screen_stops_laying_text_out(worst, tmp_path, monkeypatch):
    """The check above can fail: without cutting words or eliding names, the same deck overflows."""
    monkeypatch.setattr(text, "_break_word", lambda font, word, width: [word])
    for module in (play, loop_view):
        monkeypatch.setattr(module, "elide", lambda font, line, width, lines=1: line)
    text._wrap_cached.cache_clear()
    try:
        problems = tour(tmp_path, (1024, 600))
    finally:
        text._wrap_cached.cache_clear()
    assert any("too wide" in p for p in problems), problems
    name = repr("W" * deckrules.MAX_PARTNER_CHARS)
    assert any(p.startswith("[play]") and p.endswith(name) for p in problems), problems  # the name box
    assert any(p.startswith("[workshop]") and p.endswith(name) for p in problems), problems  # the loop view's


def test_the_fit_check_fails_when_a_limit_is_raised(worst, tmp_path, monkeypatch):
    """A room shows each answer whole on one page (the votes are for all of it): an answer of two and a
    half times the limit no longer fits one at 1024x600, and the check says so."""
    monkeypatch.setattr(deckrules, "MAX_CHOICE_CHARS", deckrules.MAX_CHOICE_CHARS * 5 // 2)
    worst()
    problems = tour(tmp_path, (1024, 600))
    assert any(p.startswith("[workshop]") for p in problems), problems


def test_the_longest_care_note_scrolls_legibly_on_the_pause_at_640x480_and_the_largest_text(worst, make_app, drive):
    from game.ui.intents import PAUSE, Intent
    from game.ui.scenes.solo import play_card
    from game.ui.theme import MIN_PX, TEXT_SIZE_FACTORS

    largest = len(TEXT_SIZE_FACTORS) - 1
    p = drive(make_app(size=(640, 480), text_size=largest))
    card = p.app.library.card(FULL_ID)
    assert card is not None and len(card.care) == deckrules.MAX_NOTE_CHARS
    play_card(p.app, card, seed=1)
    p.frames(2)
    FIT.start()
    try:
        p.app.send(Intent(PAUSE))
        p.frames(2)
        pause = p.scene
        assert pause.name == "pause"
        col = pause.column
        for _ in range(100):  # the wheel, as a player would, to the end of the text
            if col.offset >= col.max_offset:
                break
            p.wheel(-1, pos=col.view.center)
        p.frames(1)
    finally:
        FIT.stop()
    assert FIT.overflows == [], [str(r) for r in FIT.overflows]
    body = pause.theme.line_height("body")
    assert col.view.height >= 4 * body  # room for a few lines at a time, not a slit
    care = [r for r in FIT.records if r.scene == "pause" and r.text.startswith(card.care)]
    assert care, "the care note was not drawn"
    x, y, w, h = care[-1].box
    assert col.view.top <= y + h <= col.view.bottom  # its last line can be scrolled into view
    assert min(r.px for r in FIT.records if r.scene == "pause" and r.px) >= MIN_PX


def test_a_deck_five_times_past_its_limits_is_warned_and_still_plays_every_screen(worst, tmp_path, monkeypatch, capsys):
    """Warnings do not keep a card out of the game: far past its limits it must not stop the game.
    Solo and couples' screens scroll, page or elide whatever the length; only a room's page has a limit."""
    for limit in ("TITLE", "PARTNER", "SETTING", "CHOICE", "LINE", "NOTE", "TEACHING"):
        name = f"MAX_{limit}_CHARS"
        monkeypatch.setattr(deckrules, name, getattr(deckrules, name) * 5)
    lib = worst()
    monkeypatch.undo()  # the validator's own limits again
    monkeypatch.setattr(app_module, "SCENARIOS", lib)
    assert main(["validate", str(lib)]) == 0
    assert "warning[AT402]" in capsys.readouterr().out
    problems = tour(tmp_path, (1024, 600))
    assert [p for p in problems if not p.startswith("[workshop]")] == []


@pytest.mark.parametrize("text_size", [1, 3], ids=["medium", "huge"])
def test_the_smallest_window_holds_the_deck_too_at_the_default_and_the_largest_text(worst, tmp_path, text_size):
    """Past the promise: at 640x480, the least the game opens at, the screens scroll and page as well."""
    problems = tour(tmp_path, (640, 480), text_size=text_size)
    assert problems == [], "\n".join(problems[:20])
