"""The window, the clock, the scene stack, and raw input turned into intents.

    app = App()                       # opens the window, reads progress and settings
    app.push(TitleScene)              # a scene class (or a scene), with its parameters
    app.run()                         # until the player quits

Scene stack (as Textual's `push_screen(screen, callback)`):
`push(scene, callback=None, **params)` opens a scene on top; when it closes
with `pop(result)`, `callback(result)` is called, with the opener on top
again. `replace(scene, **params)` swaps the top. Only the top scene gets
input. No scene looks at another's name: what follows a scene is decided by
whoever opened it, in its callback.

Keys: the top scene's key table (`scene.keys`, see intents.py) turns keys
into intents: for the solo game 1-6 pick, arrows and Tab move the focus,
Enter/Space confirm, Esc goes back, P pauses. Everywhere F5 reloads the decks
from disk and F11 toggles fullscreen. The mouse hovers, clicks and scrolls.
When nothing animates, the loop sleeps in `wait_for_event` until the next
event.

Typing mode: a scene that shows a text field calls `start_typing(scene)`;
while that scene is on top, what the keyboard types arrives as TEXT intents
(letters, digits, space and P are text then, not picks or the pause key),
Backspace as ERASE, and Enter, Esc, Tab, the arrows, F5 and F11 work as
always. `stop_typing(scene)` ends it, and so does closing the scene.

Messages about saved data (`store.messages`: a corrupt file set aside,
progress that cannot be saved) are never dropped: those the store had when
the game opened wait in `startup_messages` for the title, which shows them
until the player dismisses them; any that come later become notices at the
foot of the screen on the next frame, whichever screen caused them.

Tests and the tour drive the app with no real clock: `app.frame(dt)` handles the queued events, advances, draws once.
In `run()`, while only the loop view and the portrait move, a frame redraws
just them and puts only their rects on the screen (live.py).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

import pygame

from game.core.progress import Store
from game.paths import SCENARIOS

from . import theme as th
from .backdrop import RGB, Backdrops
from .intents import Intent, intents_for
from .live import SIDE_REDRAW_EVENTS, LiveParts, wait_for_event
from .loop_figures import window_icon
from .sound import Sound
from .toasts import Toast, draw_toasts
from .widgets import FIT

if TYPE_CHECKING:
    from game.core.library import Library

    from .scenes.base import Scene

MIN_SIZE = (640, 480)
Callback = Callable[[Any], None]


class App:
    def __init__(
        self,
        size: tuple[int, int] = th.DEFAULT_SIZE,
        extra_decks: Iterable[str | os.PathLike[str]] = (),
        store: Store | None = None,
        home: str | os.PathLike[str] | None = None,
        defer_decks: bool = False,
    ) -> None:
        pygame.display.set_icon(window_icon())  # before the window opens (pygame's own would cost 5 ms to load)
        pygame.display.init()
        pygame.font.init()
        self.store = store if store is not None else Store(home)
        self.startup_messages = list(self.store.messages)  # shown by the title until dismissed
        self.store.messages.clear()
        self.deck_paths = [SCENARIOS, *extra_decks]
        self._library: Library | None = None  # loaded on first use, or just after the first frame (run)
        self.defer_decks = defer_decks  # the game: the first frame need not wait for the decks
        self.sound = Sound(self.store.settings.volume)
        self.windowed_size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        self.fullscreen = False
        self.screen = self._open_window(self.windowed_size, self.store.settings.fullscreen)
        pygame.display.set_caption("Attune")
        pygame.key.set_repeat(400, 40)
        self.theme = self._build_theme()
        self.stack: list[Scene] = []
        self._callbacks: dict[int, Callback | None] = {}  # by id of the scene: what its opener asked for
        self.side_windows: list[Any] = []  # other windows of ours (a workshop's presenter notes)
        self.side_redraws = 0  # counts side-window events after which its pixels must be drawn again
        self.typist: Scene | None = None  # the scene that asked for typing mode
        self.toasts: list[Toast] = []
        self.now = 0.0  # seconds of animation time since start (driven by frame dt)
        self.running = True
        self.clock = pygame.time.Clock()
        self._backgrounds = Backdrops()
        self.live = LiveParts()  # what moves on the top scene: see live.py
        self.partial_frames = False  # run() turns it on; tests and the tour draw every frame whole
        self.redraw_all = True  # the next frame draws every scene, not only the live parts
        self.dirty: list[pygame.Rect] | None = None  # what the last frame changed (None: everything)
        self._drawn: tuple[Any, ...] = ()

    # -- window and theme -----------------------------------------------
    @property
    def size(self) -> tuple[int, int]:
        return self.screen.get_size()

    def _open_window(self, size: tuple[int, int], fullscreen: bool) -> pygame.Surface:
        if fullscreen:
            try:
                screen = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
                self.fullscreen = True
                return screen
            except pygame.error:
                pass
        self.fullscreen = False
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    def _build_theme(self) -> th.Theme:
        s = self.store.settings
        return th.Theme.build(self.size, s.text_size, s.high_contrast, s.reduced_motion)

    def toggle_fullscreen(self) -> None:
        if not self.fullscreen:
            self.windowed_size = self.size
        self.screen = self._open_window(self.windowed_size, not self.fullscreen)
        self.store.settings.fullscreen = self.fullscreen
        self.store.save_settings()
        self.relayout()

    def apply_settings(self) -> None:
        """Call after changing `store.settings`: theme, volume and fullscreen follow, every scene re-lays out."""
        s = self.store.settings
        self.sound.set_volume(s.volume)
        if s.fullscreen != self.fullscreen:
            if not self.fullscreen:
                self.windowed_size = self.size
            self.screen = self._open_window(self.windowed_size, s.fullscreen)
        self.relayout()

    def relayout(self) -> None:
        self.screen = pygame.display.get_surface() or self.screen
        self.theme = self._build_theme()
        self._backgrounds = Backdrops()
        for scene in self.stack:
            scene.layout(self.size)

    def resize(self, size: tuple[int, int]) -> None:
        """Lay everything out for a new window size (the tour and tests call it directly)."""
        size = (max(MIN_SIZE[0], size[0]), max(MIN_SIZE[1], size[1]))
        if size != self.size:
            self.screen = pygame.display.set_mode(size, pygame.RESIZABLE)
        self.relayout()

    # -- decks -----------------------------------------------------------
    @property
    def library(self) -> Library:
        """Every deck, loaded (through the deck cache) the first time anything asks."""
        if self._library is None:
            from game.core.library import load_library

            self._library = load_library(self.deck_paths, cache=True)
        return self._library

    @property
    def library_ready(self) -> bool:
        """Whether asking for `library` now costs nothing worth waiting for before a first frame.

        With `defer_decks` (the game's own start) the title draws its first
        frame before the decks are loaded and `run` loads them just after;
        tests and the screenshot tour, which draw frames themselves, load
        them on first use.
        """
        return self._library is not None or not self.defer_decks

    def reload_decks(self) -> None:
        """Reload every deck from disk (F5), keep the scenes, and say what loaded."""
        from game.core.library import load_library

        self._library = load_library(self.deck_paths, cache=True)
        cards = sum(len(d.cards) for d in self.library.decks)
        errors = len(self.library.errors)
        text = f"Decks reloaded: {cards} card{'s' * (cards != 1)}"
        text += f", {errors} problem{'s' * (errors != 1)} (see Decks)" if errors else "."
        self.notify(text)
        for scene in self.stack:
            scene.on_reload()

    # -- scene stack -----------------------------------------------------
    @property
    def top(self) -> Scene | None:
        return self.stack[-1] if self.stack else None

    def push(self, scene: Scene | type[Scene], callback: Callback | None = None, **params: Any) -> Scene:
        """Open a scene (a class is built with `params`); `callback(result)` is called when it closes."""
        if isinstance(scene, str):
            raise TypeError(f"push the scene's class, not its name {scene!r}")
        if isinstance(scene, type):
            scene = scene(self, **params)
        elif params:
            raise TypeError("parameters go to a scene class, not to a scene already built")
        if not scene.name:
            scene.name = type(scene).__name__
        self._callbacks[id(scene)] = callback
        self.stack.append(scene)
        scene.enter()  # may push another scene on top (the title opens the intro on a first run)
        scene.layout(self.size)
        return scene

    def pop(self, result: Any = None) -> None:
        """Close the top scene and hand `result` to the callback it was opened with."""
        if not self.stack:
            return
        scene = self._close_top()
        callback = self._callbacks.pop(id(scene), None)
        if callback is not None:
            callback(result)
        if not self.stack:
            self.running = False

    def replace(self, scene: Scene | type[Scene], callback: Callback | None = None, **params: Any) -> Scene:
        """Swap the top scene for another (the old one's callback is not called)."""
        if self.stack:
            self._callbacks.pop(id(self._close_top()), None)
        return self.push(scene, callback, **params)

    def _close_top(self) -> Scene:
        scene = self.stack.pop()
        scene.leave()
        self.stop_typing(scene)
        return scene

    def pop_to(self, scene_class: type[Scene]) -> None:
        """Close scenes (each with no result) until one of `scene_class` is on top (the title, usually)."""
        while len(self.stack) > 1 and not isinstance(self.stack[-1], scene_class):
            self.pop()

    def quit(self) -> None:
        self.running = False

    # -- notices ---------------------------------------------------------
    def notify(self, text: str, seconds: float = th.TOAST_SECONDS) -> None:
        """A short notice at the foot of the screen."""
        self.toasts.append(Toast(text, self.now + seconds))
        del self.toasts[:-3]
        self.sound.play("notice")

    def tell_store_messages(self) -> None:
        """Turn every new message from the store into a notice, and take it off the store's list."""
        messages = self.store.messages
        while messages:
            self.notify(messages.pop(0), seconds=th.MESSAGE_SECONDS)

    # -- input -----------------------------------------------------------
    @property
    def typing(self) -> bool:
        """True while the scene that asked for typing mode is on top."""
        return self.typist is not None and self.typist is self.top

    def start_typing(self, scene: Scene) -> None:
        """Typed text reaches `scene` as TEXT intents while it is on top, until `stop_typing`."""
        if self.typist is not scene:
            self.typist = scene
            pygame.key.start_text_input()

    def stop_typing(self, scene: Scene | None = None) -> None:
        """Keys are game keys again (only when `scene`, if given, is the one typing)."""
        if self.typist is not None and (scene is None or scene is self.typist):
            self.typist = None
            pygame.key.stop_text_input()

    def dispatch(self, event: pygame.event.Event) -> None:
        self.redraw_all = True  # input may change anything on the screen
        t = event.type
        if t == pygame.QUIT:
            self.running = False
            return
        if t == pygame.KEYDOWN and event.key == pygame.K_F11:
            self.toggle_fullscreen()
            return
        if t == pygame.KEYDOWN and event.key == pygame.K_F5:
            self.reload_decks()
            return
        if getattr(event, "window", None) in self.side_windows:  # the presenter's window: its keys drive too
            self.side_redraws += t in SIDE_REDRAW_EVENTS  # resized or uncovered: its owner draws it afresh
            if t == pygame.WINDOWCLOSE:
                self.side_windows.remove(event.window)
                event.window.destroy()
            if t != pygame.KEYDOWN:
                return
        if t in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.relayout()
            return
        top = self.top
        keys = top.keys if top is not None else None
        for intent in intents_for(event, typing=self.typing, **({"keys": keys} if keys is not None else {})):
            self.send(intent)

    def send(self, intent: Intent) -> bool:
        """Hand an intent to the top scene; True when it used it."""
        scene = self.top
        return scene.handle(intent) if scene is not None else False

    # -- frames ----------------------------------------------------------
    def update(self, dt: float) -> bool:
        self.now += dt
        self.toasts = [t for t in self.toasts if t.until > self.now]
        top = self.top
        return bool(top.update(dt)) if top is not None else False

    def draw(self) -> None:
        """Draw every scene from the topmost opaque one up, or, while only the top scene's live parts move,
        just those (see live.py); `dirty` says what changed."""
        surface = self.screen
        drawn = (surface, surface.get_size(), self.theme, tuple(self.stack), len(self.toasts))
        if self.partial_frames and not self.redraw_all and drawn == self._drawn and self.live.parts:
            self.dirty = self.live.redraw(surface)
            return
        self.redraw_all = False
        self._drawn = drawn
        self.dirty = None
        self.live.clear()
        first = len(self.stack) - 1
        while first > 0 and not self.stack[first].opaque:
            first -= 1
        if first < len(self.stack) - 1 or self.toasts:
            self._drawn = ()  # an overlay or a notice lies over the scene: no partial frames
        for i in range(max(0, first), len(self.stack)):
            scene = self.stack[i]
            if i > first:
                self._dim(surface)
            FIT.scene = scene.name
            scene.draw(surface)
        draw_toasts(surface, self.theme, self.toasts)

    def frame(self, dt: float = 1 / 60) -> bool:
        """Handle queued events, advance by dt, draw; True while something animates."""
        for event in pygame.event.get():
            self.dispatch(event)
            if not self.running:
                return False
        self.tell_store_messages()
        animating = self.update(dt)
        if self.stack:
            self.draw()
        return animating

    def run(self) -> int:
        """The main loop: 60 frames a second while anything moves, asleep otherwise."""
        animating = True
        first = True  # the first frame goes on the screen at once, not after a frame's wait
        self.partial_frames = True
        self.clock.tick()
        while self.running and self.stack:
            if first:
                first = False
                self.clock.tick()
            elif animating:
                self.clock.tick(60)
            else:
                wait = th.IDLE_WAIT_MS
                if self.toasts:
                    wait = max(10, int((min(t.until for t in self.toasts) - self.now) * 1000))
                event = wait_for_event(wait)
                if event.type != pygame.NOEVENT:
                    pygame.event.post(event)
                self.clock.tick()
            dt = min(self.clock.get_time() / 1000, 0.1)
            animating = self.frame(dt)
            self.present()
            if self._library is None:  # the first frame is on the screen: now the decks
                _ = self.library
                for scene in self.stack:
                    scene.on_reload()
                self.redraw_all = animating = True
            if not self.sound.loaded:
                self.sound.load()  # and the audio device
        return 0

    def present(self) -> None:
        """Put the frame on the screen: only the rects that changed, when that is all that did."""
        if self.dirty is None:
            pygame.display.flip()
        else:
            pygame.display.update(self.dirty)

    # -- shared drawing --------------------------------------------------
    def draw_background(self, surface: pygame.Surface, glow: tuple[pygame.Rect, RGB] | None = None) -> None:
        """The warm night gradient with a soft lamp glow (backdrop.py); `glow`: a light in that rect (the title's)."""
        self._backgrounds.draw(surface, self.theme, glow)

    def _dim(self, surface: pygame.Surface) -> None:
        veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
        veil.fill((*self.theme.colour.shadow, 200 if self.theme.high_contrast else 170))
        surface.blit(veil, (0, 0))
