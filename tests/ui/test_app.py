"""The framework: intents, the scene stack, sleeping when idle, reduced motion, sound without a device."""

from __future__ import annotations

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.ui.intents import BACK, CONFIRM, ERASE, MOVE, NEXT, PICK, PREV, TEXT, Intent, intents_for
from game.ui.loop_view import LoopView
from game.ui.scenes.base import Scene
from game.ui.scenes.decks import DecksScene
from game.ui.scenes.name_fear import NameFearScene
from game.ui.scenes.overlay import Confirm
from game.ui.scenes.title import TitleScene


def ev(type_, **kw):
    return pygame.event.Event(type_, **kw)


def test_raw_events_become_intents():
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_3, mod=0))[0].index == 2
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_TAB, mod=0))[0].kind == NEXT
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_TAB, mod=pygame.KMOD_LSHIFT))[0].kind == PREV
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_RETURN, mod=0))[0].kind == CONFIRM
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_ESCAPE, mod=0))[0].kind == BACK
    m = intents_for(ev(pygame.KEYDOWN, key=pygame.K_LEFT, mod=0))[0]
    assert (m.kind, m.dx, m.dy) == (MOVE, -1, 0)
    assert (
        intents_for(ev(pygame.KEYDOWN, key=pygame.K_KP6, mod=0))[0]
        == intents_for(ev(pygame.KEYDOWN, key=pygame.K_6, mod=0))[0]
    )
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_7, mod=0)) == []
    assert intents_for(ev(pygame.KEYDOWN, key=pygame.K_1, mod=0))[0].kind == PICK


def test_typing_mode_turns_keys_into_text():
    def kinds(event, typing):
        return [i.kind for i in intents_for(event, typing=typing)]

    typed = intents_for(ev(pygame.TEXTINPUT, text="Sam 2p"), typing=True)
    assert [(i.kind, i.text) for i in typed] == [(TEXT, "Sam 2p")]
    assert intents_for(ev(pygame.TEXTINPUT, text="x")) == [], "text is ignored outside typing mode"
    for key in (pygame.K_p, pygame.K_2, pygame.K_KP3, pygame.K_SPACE, pygame.K_a):
        assert kinds(ev(pygame.KEYDOWN, key=key, mod=0), True) == [], key
    assert kinds(ev(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0), True) == [ERASE]
    assert kinds(ev(pygame.KEYDOWN, key=pygame.K_BACKSPACE, mod=0), False) == []
    for key, kind in ((pygame.K_RETURN, CONFIRM), (pygame.K_ESCAPE, BACK), (pygame.K_TAB, NEXT), (pygame.K_UP, MOVE)):
        assert kinds(ev(pygame.KEYDOWN, key=key, mod=0), True) == [kind]


def test_typing_mode_belongs_to_the_scene_on_top_and_ends_when_it_closes(make_app):
    app = make_app()
    title = app.top
    app.start_typing(title)
    assert app.typing
    app.push(Confirm, title="Sure?")
    assert not app.typing, "a scene opened on top gets game keys"
    app.pop()
    assert app.typing
    app.push(DecksScene)
    app.start_typing(app.top)
    app.pop()
    assert not app.typing and app.typist is None


def test_arrows_scroll_a_column_once_the_focus_can_go_no_further(make_app):
    from game.ui.widgets import Button, ScrollColumn, stack_buttons

    class Tall(Scene):
        """Ten buttons in a column, with a long note below the last one."""

        def enter(self):
            self.column = ScrollColumn()
            self.buttons = [Button(f"Option {i}", i, column=self.column) for i in range(10)]

        def layout(self, size):
            w, h = size
            bottom = stack_buttons(self.buttons, self.theme, 20, 20, w - 80)
            self.column.set_view(pygame.Rect(0, 20, w, h - 40), bottom + 2 * h)

    app = make_app()
    tall = app.push(Tall)
    send = app.send
    for _ in range(9):
        send(Intent(MOVE, dy=1))
    assert tall.focused.action == 9
    shown = tall.column.offset
    send(Intent(MOVE, dy=1))
    assert tall.focused.action == 9 and tall.column.offset > shown, "the note below the last option is out of reach"
    send(Intent(MOVE, dy=-1))
    assert tall.focused.action == 8


def test_store_messages_become_notices_wherever_they_arise(make_app, attune_home):
    from game.ui.app import App

    app = make_app()
    app.push(DecksScene)
    app.store.messages.append("Progress cannot be saved (disk full). You can still play.")
    app.frame(0.1)
    assert [t.text for t in app.toasts] == ["Progress cannot be saved (disk full). You can still play."]
    assert not app.store.messages
    # a message the store had at start-up waits for the title's panel instead
    (attune_home / "progress.json").write_text("{ not json")
    again = App()
    again.push(TitleScene)
    again.frame(0.1)
    assert any("could not be read" in m for m in again.top.messages) and not again.toasts


def test_leaving_name_the_fear_asks_first_with_the_focus_on_stay(make_app, drive):
    from game.core.session import Session

    app = make_app()
    p = drive(app)
    session = Session(app.library.card("everyday/dishes"), seed=1)
    while not session.ended:
        session.choose(0)
    app.push(NameFearScene, session=session)
    p.press(pygame.K_ESCAPE)
    assert p.scene.name == "confirm" and p.scene.focused.label == "Stay"
    p.press(pygame.K_RETURN)
    assert p.scene.name == "name-fear"
    p.press(pygame.K_ESCAPE)
    p.click("Leave")
    assert p.scene.name == "title" and not app.store.history()


def test_scenes_are_pushed_as_classes_or_built_scenes():
    assert all(issubclass(c, Scene) and c.name for c in (TitleScene, DecksScene, NameFearScene, Confirm))


def test_stack_passes_results_to_the_callback(make_app):
    app = make_app()
    got = []
    title = app.top
    app.push(Confirm, got.append, title="Sure?", choices=[("Yes", "yes", "primary"), ("No", None, "normal")])
    app.frame()
    app.send(Intent(CONFIRM))
    assert app.top is title and got == ["yes"]
    built = Confirm(app, title="Again?")
    assert app.push(built, got.append) is built
    app.send(Intent(BACK))  # Esc: the cancel result
    assert app.top is title and got == ["yes", None]
    with pytest.raises(TypeError):
        app.push(built, title="parameters belong to a class")


def test_the_loop_sleeps_when_nothing_moves(make_app, monkeypatch):
    import game.ui.app as appmod

    app = make_app()
    waits = []
    frames = []
    real_frame = app.frame

    def fake_wait(timeout=0):
        waits.append(timeout)
        return ev(pygame.QUIT) if len(waits) >= 3 else ev(pygame.NOEVENT)

    def counting_frame(dt=1 / 60):
        frames.append(dt)
        return real_frame(dt)

    monkeypatch.setattr(appmod, "wait_for_event", fake_wait)
    monkeypatch.setattr(app, "frame", counting_frame)
    app.run()
    assert len(waits) == 3 and all(w > 0 for w in waits)
    assert len(frames) <= 4  # one frame per wake-up, never a spin


def test_waiting_answers_an_event_at_once_and_times_out(make_app):
    import game.ui.app as appmod

    make_app()

    pygame.event.clear()
    pygame.event.post(ev(pygame.USEREVENT, code=7))
    got = appmod.wait_for_event(5000)
    assert got.type == pygame.USEREVENT and got.code == 7
    assert appmod.wait_for_event(30).type == pygame.NOEVENT


def test_loop_view_eases_and_is_instant_with_reduced_motion():
    view = LoopView()
    view.set(2.0, instant=True)
    view.set(9.0)
    assert view.update(0.1) is True and 2.0 < view.t < 9.0
    for _ in range(30):
        view.update(0.1)
    assert view.t == pytest.approx(9.0) and view.update(0.1) is False
    view.set(1.0)
    assert view.update(0.016, reduced_motion=True) is False and view.t == 1.0


def test_reduced_motion_never_animates_the_play(make_app):
    app = make_app(reduced_motion=True)
    app.send(Intent(CONFIRM))  # Play
    assert app.top.name == "play"
    app.send(Intent(PICK, index=0))
    assert app.frame(0.016) is False


def test_sound_without_a_device_is_silence(monkeypatch):
    from game.ui import sound as sound_mod

    def broken(*a, **k):
        raise pygame.error("no audio device")

    monkeypatch.setattr(sound_mod.pygame.mixer, "get_init", lambda: False)
    monkeypatch.setattr(sound_mod.pygame.mixer, "init", broken)
    s = sound_mod.Sound(0.5)
    s.load()
    assert s.loaded and not s.available
    s.play("soften")  # no crash


def test_resizing_lays_out_again(make_app):
    app = make_app()
    app.send(Intent(CONFIRM))
    for size in ((1024, 600), (1920, 1080), (700, 900)):
        app.resize(size)
        app.frame()
        assert app.size == size
        for b in app.top.buttons:
            if b.column is None:
                assert app.screen.get_rect().contains(b.rect), b


KEYS = [
    pygame.K_1,
    pygame.K_2,
    pygame.K_3,
    pygame.K_4,
    pygame.K_5,
    pygame.K_6,
    pygame.K_UP,
    pygame.K_DOWN,
    pygame.K_LEFT,
    pygame.K_RIGHT,
    pygame.K_TAB,
    pygame.K_RETURN,
    pygame.K_ESCAPE,
    pygame.K_p,
    pygame.K_PAGEUP,
    pygame.K_PAGEDOWN,
    pygame.K_HOME,
    pygame.K_END,
    pygame.K_F5,
    pygame.K_F11,
    pygame.K_SPACE,
    pygame.K_a,
]

positions = st.tuples(st.integers(0, 1279), st.integers(0, 719))
raw_events = st.one_of(
    st.builds(
        lambda k, shift: ev(pygame.KEYDOWN, key=k, mod=pygame.KMOD_LSHIFT if shift else 0),
        st.sampled_from(KEYS),
        st.booleans(),
    ),
    st.builds(lambda p: ev(pygame.MOUSEMOTION, pos=p, rel=(1, 0), buttons=(0, 0, 0)), positions),
    st.builds(lambda p, b: ev(pygame.MOUSEBUTTONUP, pos=p, button=b), positions, st.sampled_from([1, 1, 1, 3])),
    st.builds(lambda y: ev(pygame.MOUSEWHEEL, x=0, y=y, flipped=False), st.integers(-3, 3)),
)


@settings(deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(raw_events, max_size=80), text_size=st.integers(0, 3))
def test_random_input_never_crashes(make_app, events, text_size):
    app = make_app(text_size=text_size)
    for e in events:
        app.dispatch(e)
        if not app.running:
            break
        app.frame(0.05)
        assert app.stack, "the scene stack emptied"


def test_the_game_draws_its_first_frame_before_loading_the_decks(attune_home):
    """The game's own start: the title is on the screen first, the decks come in just after."""
    from game.core.progress import Store
    from game.ui.app import App

    store = Store(attune_home)
    store.settings.seen_intro = True
    store.save_settings()
    app = App(store=Store(attune_home), defer_decks=True)
    title = app.push(TitleScene)
    play = next(b for b in title.buttons if b.action == "play")
    assert not app.library_ready and play.detail == "Finding your next card…"
    seen = []
    real_flip = pygame.display.flip

    def flip():
        seen.append(app.library_ready)
        real_flip()

    pygame.event.post(ev(pygame.QUIT))
    try:
        pygame.display.flip = flip
        app.run()
    finally:
        pygame.display.flip = real_flip
    assert seen[:1] == [False]  # the first frame went out before the decks were read
    assert app.library_ready and app.library.decks
    play = next(b for b in title.buttons if b.action == "play")
    assert play.detail.startswith("Next card: ")


def test_the_window_has_the_game_own_icon_before_it_opens(attune_home, monkeypatch):
    """The heart of a softened loop, set before the window opens (so pygame's own icon is never loaded)."""
    from game.core.kinds import LoopState
    from game.core.progress import Store
    from game.ui.app import App
    from game.ui.theme import STANDARD

    calls = []
    real_icon, real_mode = pygame.display.set_icon, pygame.display.set_mode
    monkeypatch.setattr(pygame.display, "set_icon", lambda s: (calls.append(("icon", s)), real_icon(s)))
    monkeypatch.setattr(
        pygame.display, "set_mode", lambda *a, **k: (calls.append(("mode", None)), real_mode(*a, **k))[1]
    )
    App(store=Store(attune_home))
    assert [c[0] for c in calls][:2] == ["icon", "mode"]
    icon = calls[0][1]
    assert icon.get_size() == (64, 64)
    assert icon.get_at((32, 32))[:3] == STANDARD.state(LoopState.SOFTENED)
    assert icon.get_at((1, 1)).a == 0  # the corners are clear
