"""Opening the game: the title screen, or straight into a mode from the command line.

run()                                  # attune
run(start="together")                  # attune together
run(start="workshop", options={...})   # attune workshop [--playlist F] [--resume] [--presenter] [--windowed]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pygame

from .app import App


def run(extra_decks: Iterable[str] = (), start: str = "title", options: dict[str, Any] | None = None) -> int:
    """Open the game on the title screen, or at a mode ("together", "workshop"), until the player quits."""
    app = App(extra_decks=extra_decks, defer_decks=True)
    open_at(app, start, options)
    try:
        return app.run()
    finally:
        pygame.quit()


def open_at(app: App, start: str = "title", options: dict[str, Any] | None = None) -> None:
    """The first screens: the title, with a mode opened over it when the command line names one.

    The title lies underneath, so leaving the mode lands there. A mode opened from the command line
    does not put the solo first-run intro between the mode and the title: the intro waits for the
    first time the game opens on its title.
    """
    from .scenes.title import TitleScene

    title = app.push(TitleScene, intro=start == "title")
    if start == "together":
        from .scenes.together.flow import start_together

        start_together(app, lambda: title.layout(app.size))
    elif start == "workshop":
        from .scenes.workshop.flow import open_workshop

        o = dict(options or {})
        if o.pop("fullscreen", False) and not app.fullscreen:
            app.toggle_fullscreen()
        open_workshop(app, done=lambda: title.layout(app.size), **o)
