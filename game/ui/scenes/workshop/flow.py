"""Running a workshop from the first screen to the report: who decides what follows each screen.

    open_workshop(app, playlist=None, resume=False, presenter=False, done=None)

With `resume`, the saved workshop goes on at the step it was left; with a
playlist, its cards play at once; otherwise the setup screen picks the cards.
Every step is saved as it is taken; reaching the summary writes the report
(Markdown and CSV in the data folder's workshops/) and clears the save.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

from game.core import workshop_export, workshop_save
from game.core.playlist import Playlist
from game.core.workshop import Workshop

from .room import WorkshopScene
from .setup import WorkshopSetupScene


def saver_for(app: Any, scene_of: Callable[[], Any]) -> Callable[..., None]:
    """Save after every step; at the summary, export the report and clear the save."""
    home = app.store.home

    def save(w: Workshop, finished: bool = False) -> None:
        if not finished:
            message = workshop_save.save(home, w)
            if message:
                app.notify(message)
            return
        try:
            md, table = workshop_export.export(w, home)
        except OSError as e:
            app.notify(f"The report could not be written ({e.strerror or e}); the session is still saved.")
            return
        scene = scene_of()
        if scene is not None:
            scene.exported = (md, table)
        workshop_save.discard(home)

    return save


def start(app: Any, w: Workshop, presenter: bool, done: Callable[[], None] | None) -> WorkshopScene:
    box: list[Any] = []
    scene = app.push(
        WorkshopScene,
        lambda _: done() if done else None,
        workshop=w,
        saver=saver_for(app, lambda: box[0]),
        presenter=presenter,
    )
    box.append(scene)
    workshop_save.save(app.store.home, w)
    return scene


def open_workshop(
    app: Any,
    playlist: Playlist | None = None,
    resume: bool = False,
    presenter: bool = False,
    done: Callable[[], None] | None = None,
) -> None:
    home = app.store.home
    if resume:
        w, message = workshop_save.resume(home, app.library.card)
        if message:
            app.notify(message)
        if w is not None:
            start(app, w, presenter, done)
            return
    if playlist is not None:
        cards = [c for c in (app.library.card(i) for i in playlist.cards) if c is not None]
        if cards:
            w = Workshop(playlist.title, cards, playlist.discussion_seconds, seed=random.randrange(1_000_000))
            start(app, w, presenter, done)
            return

    def after_setup(result: Any) -> None:
        if not result:
            if done:
                done()
            return
        if result[0] == "resume":
            open_workshop(app, resume=True, presenter=presenter, done=done)
            return
        _, title, cards, seconds = result
        start(app, Workshop(title, cards, seconds, seed=random.randrange(1_000_000)), presenter, done)

    app.push(WorkshopSetupScene, after_setup, can_resume=workshop_save.exists(home))
