"""How to play, progress, settings, about and safety: driven by real key, text and mouse events, headless.

Uses the fixtures in tests/ui/conftest.py: `make_app` opens the real app on
the title with a temporary ATTUNE_HOME, `drive(app)` gives a Pilot that
posts pygame events and runs one frame after each.
"""

from __future__ import annotations

import json
import os
import random

import pygame
import pytest

from game.core import scoring
from game.core.progress import PROGRESS_FILE, SETTINGS_FILE, Store
from game.core.runner import Runner
from game.ui.app import App
from game.ui.scenes.about import AboutScene
from game.ui.scenes.intro import IntroScene
from game.ui.scenes.progress import ProgressScene
from game.ui.scenes.settings import SettingsScene
from game.ui.scenes.title import TitleScene
from game.ui.widgets import FIT

SIZES = [(1024, 600), (1280, 720), (1920, 1080)]
MY_SCENES = ("intro", "progress", "settings", "about")


def record_plays(store: Store, library, n: int, seed: int = 1) -> list[str]:
    """Play n cards (better as they go) and record them; returns the card titles."""
    rng = random.Random(seed)
    cards = list(library.cards())
    titles = []
    for i in range(n):
        card = cards[i % len(cards)]
        run = Runner(card, seed=i)
        skill = 0.2 + 0.7 * i / max(1, n - 1)
        while not run.ended:
            options = run.choices
            best = max(range(len(options)), key=lambda j: scoring.points(options[j]))
            run.choose(best if rng.random() < skill else rng.randrange(len(options)))
        run.name_fear(card.fear)
        store.record(run.summary(), when=f"2026-03-{1 + i % 28:02d}T20:00:00")
        titles.append(card.title)
    return titles


def drawn_texts(pilot, scene: str | None = None) -> str:
    """Everything the next frame draws, as one string."""
    FIT.start()
    pilot.frames(1)
    FIT.stop()
    return " ".join(r.text for r in FIT.records if scene is None or r.scene == scene)


def open_from_title(pilot, label: str, name: str) -> None:
    pilot.click(label)
    assert pilot.scene.name == name


def focus_on(pilot, action) -> None:
    """Tab until the button with `action` has the focus, as a keyboard player would."""
    for _ in range(60):
        if pilot.scene.focused is not None and pilot.scene.focused.action == action:
            return
        pilot.press(pygame.K_TAB)
    raise AssertionError(f"Tab never reached {action!r}")


# -- how to play --------------------------------------------------------------


def test_first_run_intro_skipped_with_esc_is_seen_and_saved(make_app, drive, attune_home):
    app = make_app(seen_intro=False)
    p = drive(app)
    assert p.scene.name == "intro" and p.scene.first_run
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "title"
    assert app.store.settings.seen_intro
    saved = json.loads((attune_home / SETTINGS_FILE).read_text())
    assert saved["settings"]["seen_intro"] is True
    again = App(store=Store(attune_home))
    again.push(TitleScene)
    assert again.top.name == "title", "the intro opened again after it was skipped"


@pytest.mark.parametrize("page", range(4))
def test_intro_skip_button_works_on_every_page(make_app, drive, page):
    app = make_app(seen_intro=False)
    p = drive(app)
    for _ in range(page):
        p.click("Next")
    assert p.scene.page == page
    p.click("Skip")
    assert p.scene.name == "title" and app.store.settings.seen_intro


def test_intro_reads_through_with_the_keyboard_and_again_from_the_title(make_app, drive):
    app = make_app(seen_intro=False)
    p = drive(app)
    assert p.scene.focused.action == "next"
    p.press(pygame.K_PAGEDOWN)  # a clicker turns the page too
    assert p.scene.page == 1
    p.press(pygame.K_PAGEUP)
    assert p.scene.page == 0
    for _ in range(3):
        p.press(pygame.K_RETURN)
    assert p.scene.page == 3 and p.scene.focused.label == "Let's begin"
    p.press(pygame.K_RETURN)
    assert p.scene.name == "title" and app.store.settings.seen_intro
    open_from_title(p, "How to play", "intro")
    assert not p.scene.first_run
    assert "two fears" in drawn_texts(p).lower() or p.scene.page == 0
    p.click("Skip")
    assert p.scene.name == "title"


# -- settings -----------------------------------------------------------------


def test_every_setting_applies_at_once_and_survives_a_restart(make_app, drive, attune_home):
    app = make_app()
    p = drive(app)
    open_from_title(p, "Settings", "settings")
    p.click("Large")
    assert app.theme.text_size == 2, "the text size did not apply at once"
    p.click(lambda b: b.action == "high_contrast")
    assert app.theme.high_contrast
    p.click(lambda b: b.action == "reduced_motion")
    assert app.theme.reduced_motion
    focus_on(p, "louder")
    p.press(pygame.K_RETURN)
    p.press(pygame.K_RETURN)
    assert app.store.settings.volume == pytest.approx(0.8)
    assert app.sound.volume == pytest.approx(0.8) and app.sound.played[-1] == "select"
    p.click(lambda b: b.action == "fullscreen")
    assert app.fullscreen and app.store.settings.fullscreen
    assert p.button(lambda b: b.action == "fullscreen").label == "On"

    restarted = Store(attune_home)
    s = restarted.settings
    assert (s.text_size, s.high_contrast, s.reduced_motion, s.fullscreen) == (2, True, True, True)
    assert s.volume == pytest.approx(0.8)
    again = App(store=restarted)
    assert again.theme.text_size == 2 and again.theme.high_contrast and again.fullscreen
    pygame.display.quit()


def _row_of(button) -> str:
    a = button.action
    return a[0] if isinstance(a, tuple) else {"quieter": "volume", "louder": "volume"}.get(a, a)


def _rows_visited(p, key, presses: int) -> list[str]:
    rows = []
    for _ in range(presses):
        p.press(key)
        row = _row_of(p.scene.focused)
        if not rows or rows[-1] != row:
            rows.append(row)
    return rows


def test_down_and_up_visit_every_settings_row_in_order_at_every_text_size(make_app, drive):
    rows = ["high_contrast", "reduced_motion", "volume", "fullscreen", "delete"]
    for size in range(4):
        p = drive(make_app(text_size=size))
        open_from_title(p, "Settings", "settings")
        for start in range(4):  # from any size, the one on the right as well as the one on the left
            focus_on(p, ("text_size", start))
            bottom = p.scene.focused.box.y == max(b.box.y for b in p.scene.size_buttons)
            down = ["text_size"] * (not bottom) + rows
            assert _rows_visited(p, pygame.K_DOWN, len(down)) == down, (size, start)
            up = ["fullscreen", "volume", "reduced_motion", "high_contrast", "text_size"]
            assert _rows_visited(p, pygame.K_UP, len(rows)) == up, (size, start)


def test_volume_moves_in_tens_within_bounds_and_plays_the_cue_at_the_new_level(make_app, drive):
    app = make_app(volume=0.3)
    p = drive(app)
    open_from_title(p, "Settings", "settings")
    heard = []
    app.sound.play = lambda name: heard.append((name, app.sound.volume))
    for _ in range(5):
        p.click("Quieter")
    assert app.store.settings.volume == 0.0
    assert heard[:3] == [("select", pytest.approx(0.2)), ("select", pytest.approx(0.1)), ("select", 0.0)]
    for _ in range(12):
        p.click("Louder")
    assert app.store.settings.volume == 1.0
    assert "100%" in drawn_texts(p, "settings")


def test_delete_all_progress_asks_first_then_empties_history_and_removes_the_file(make_app, drive, attune_home):
    app = make_app(text_size=3)
    record_plays(app.store, app.library, 3)
    app.store.set_profile("Sam")
    record_plays(app.store, app.library, 2)
    assert (attune_home / PROGRESS_FILE).exists()
    p = drive(app)
    open_from_title(p, "Settings", "settings")
    focus_on(p, "delete")
    p.press(pygame.K_RETURN)
    assert p.scene.name == "confirm"
    assert p.scene.focused.label == "Cancel", "the focus must start on Cancel"
    assert "5 plays, 2 profiles" in drawn_texts(p, "confirm")
    p.press(pygame.K_RETURN)  # Enter on Cancel
    assert p.scene.name == "settings" and len(app.store.history("Me")) == 3
    p.press(pygame.K_RETURN)  # the focus is back on Delete
    p.press(pygame.K_ESCAPE)  # Esc keeps everything too
    assert p.scene.name == "settings" and len(app.store.history("Sam")) == 2
    p.click("Delete all progress\u2026")
    p.click("Delete all progress")
    assert p.scene.name == "settings"
    assert app.store.history() == [] and app.store.profiles() == ["Me"]
    assert not (attune_home / PROGRESS_FILE).exists()
    assert app.theme.text_size == 3, "deleting progress must not change how the game looks"
    assert any("deleted" in t.text for t in app.toasts)
    restarted = Store(attune_home)
    assert restarted.history() == [] and restarted.profiles() == ["Me"] and restarted.settings.text_size == 3


def test_settings_say_where_the_data_lives_and_that_nothing_leaves(make_app, drive, attune_home):
    p = drive(make_app())
    open_from_title(p, "Settings", "settings")
    p.press(pygame.K_END)
    text = drawn_texts(p, "settings")
    assert "Nothing leaves this computer" in text
    assert str(attune_home).replace("\n", "") in text.replace("\n", "")


def test_a_save_that_fails_later_is_told_to_the_player(make_app, drive, monkeypatch):
    app = make_app()
    p = drive(app)
    open_from_title(p, "Settings", "settings")

    def refuse(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("game.core.progress.atomic_write", refuse)
    p.click("Huge")
    assert app.theme.text_size == 3  # the change still applies for this session
    assert any("cannot be saved" in t.text for t in app.toasts)
    assert not app.store.messages, "the message was shown, so it is taken off the list"


# -- a corrupt save -----------------------------------------------------------


def test_a_corrupt_progress_file_is_set_aside_and_the_player_is_told(attune_home, drive):
    attune_home.mkdir(parents=True, exist_ok=True)
    store = Store(attune_home)
    store.settings.seen_intro = True
    store.save_settings()
    broken = '{"version": 1, "profiles": {"Me": {"plays": [ broken'
    (attune_home / PROGRESS_FILE).write_text(broken)
    app = App(store=Store(attune_home))
    app.push(TitleScene)
    p = drive(app)
    kept = [f for f in os.listdir(attune_home) if f.startswith(PROGRESS_FILE + ".unreadable-")]
    assert len(kept) == 1 and (attune_home / kept[0]).read_text() == broken, "the old file must be kept, unchanged"
    assert not (attune_home / PROGRESS_FILE).exists()
    text = drawn_texts(p, "title")
    assert "could not be read" in text and kept[0] in text
    record_plays(app.store, app.library, 1)
    assert (attune_home / PROGRESS_FILE).exists() and (attune_home / kept[0]).read_text() == broken
    pygame.display.quit()


# -- progress -----------------------------------------------------------------


def test_progress_shows_recorded_plays_from_the_store(make_app, drive):
    app = make_app()
    p = drive(app)
    open_from_title(p, "Your progress", "progress")
    assert "Nothing here yet" in drawn_texts(p, "progress")
    p.press(pygame.K_ESCAPE)
    titles = record_plays(app.store, app.library, 1)
    open_from_title(p, "Your progress", "progress")
    text = drawn_texts(p, "progress")
    assert titles[0] in text and "One play so far" in text
    assert p.scene.chart is None
    p.press(pygame.K_ESCAPE)
    titles = record_plays(app.store, app.library, 4, seed=5)
    open_from_title(p, "Your progress", "progress")
    chart = p.scene.chart
    assert chart is not None and len(chart.points) == 5
    assert [round(pt.value, 2) for pt in chart.points] == [round(r.attunement, 2) for r in app.store.history()]
    text = drawn_texts(p, "progress")
    totals = app.store.totals()
    assert f"All your plays: {round(totals.attunement)}%" in text
    assert scoring.format_ratio(totals.listening_ratio) in text
    for move in scoring.POINTS:
        assert move.label in text, f"the move {move.label} has no bar"
    assert "Moves that help" in text and "Moves that keep the loop going" in text


def test_profiles_switch_and_a_new_one_is_typed_by_keyboard(make_app, drive, attune_home):
    app = make_app()
    record_plays(app.store, app.library, 2)
    p = drive(app)
    open_from_title(p, "Your progress", "progress")
    focus_on(p, "new")
    p.press(pygame.K_RETURN)
    assert p.scene.editing
    p.post(pygame.TEXTINPUT, text="Sam")
    p.press(pygame.K_p)  # P is typed text here, never the pause key
    p.press(pygame.K_2)
    p.post(pygame.TEXTINPUT, text="ix 2")
    p.press(pygame.K_BACKSPACE)
    p.press(pygame.K_BACKSPACE)
    assert p.scene.field.text == "Samix"
    p.press(pygame.K_RETURN)
    assert p.scene.name == "progress" and not p.scene.editing
    assert app.store.profile == "Samix" and app.store.history() == []
    assert "No plays yet for Samix" in drawn_texts(p, "progress")
    assert Store(attune_home).profile == "Samix", "the current profile is remembered"
    p.click("Me")
    assert app.store.profile == "Me" and len(app.store.history()) == 2
    # Esc while typing cancels the name, not the screen; afterwards the keys are game keys again
    p.click("New profile\u2026")
    p.post(pygame.TEXTINPUT, text="Nobody")
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "progress" and not p.scene.editing and "Nobody" not in app.store.profiles()
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "title"


# -- about and safety ---------------------------------------------------------


def test_about_covers_safety_therapy_science_data_and_the_font_and_scrolls(make_app, drive, attune_home):
    p = drive(make_app())
    open_from_title(p, "About and safety", "about")
    col = p.scene.column
    seen = drawn_texts(p, "about")
    while col.offset < col.max_offset:
        p.press(pygame.K_DOWN)
        seen += drawn_texts(p, "about")
    assert col.max_offset > 0, "at 1280x720 the page scrolls"
    for words in (
        "practice, not therapy",
        "never the answer to abuse, violence, coercion",
        "emergency number where you are",
        "1-800-799-7233",
        "0808 2000 247",
        "silence, defensiveness or escalation",
        "screens for violence first",
        "did not replicate every one of Gottman's predictions",
        "does not diagnose",
        "SIL Open Font License 1.1",
    ):
        assert words.lower() in seen.lower(), words
    assert str(attune_home) in seen.replace("\n", "")
    p.press(pygame.K_HOME)
    assert col.offset == 0
    p.wheel(-3, pos=col.view.center)
    assert col.offset > 0


# -- layout at every size and text size --------------------------------------


def _visit_all(app, p, name: str) -> None:
    """Draw every state and scroll position of one of these screens."""
    scene = app.top
    col = scene.column

    def scroll_through() -> None:
        col.offset = 0
        p.frames(1)
        while col.offset < col.max_offset:
            col.scroll_by(max(20, col.view.height // 2))
            p.frames(1)

    if name == "intro":
        for _ in range(4):
            scroll_through()
            scene.turn(1)
    elif name == "progress":
        scroll_through()
        p.click("New profile\u2026")
        p.post(pygame.TEXTINPUT, text="A rather long name for a profile")
        scroll_through()
    elif name == "settings":
        scroll_through()
        p.click("Delete all progress\u2026")
        p.frames(1)
        p.press(pygame.K_ESCAPE)
    else:
        scroll_through()


SCENES = {"intro": IntroScene, "progress": ProgressScene, "settings": SettingsScene, "about": AboutScene}


@pytest.mark.parametrize("name", MY_SCENES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_screens_lay_out_at_every_size_and_text_size_with_no_text_outside_its_box(make_app, drive, size, name):
    app = make_app(size=size)
    record_plays(app.store, app.library, 14)
    app.store.set_profile("A second person")
    app.store.set_profile("Me")
    p = drive(app)
    w, h = size
    for text_size in range(4):
        for high_contrast in (False, True) if text_size == 3 else (False,):
            app.store.settings.text_size = text_size
            app.store.settings.high_contrast = high_contrast
            app.apply_settings()
            app.push(SCENES[name])
            FIT.start()
            try:
                _visit_all(app, p, name)
            finally:
                FIT.stop()
            problems = [r for r in FIT.overflows if r.scene in (name, "confirm")]
            assert not problems, "\n".join(str(r) for r in problems)
            for b in app.top.buttons:
                r = b.rect
                assert r.left >= 0 and r.right <= w, f"{b.label!r} leaves the window at text size {text_size}"
                if b.column is None:
                    assert r.top >= 0 and r.bottom <= h, f"{b.label!r} leaves the window"
            app.pop_to(TitleScene)
