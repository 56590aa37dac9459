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
    from .scenes.title import TitleScene

    app = App(extra_decks=extra_decks, defer_decks=True)
    title = app.push(TitleScene)
    if start == "together":
        from .scenes.together.flow import start_together

        start_together(app, lambda: title.layout(app.size))
    elif start == "workshop":
        from .scenes.workshop.flow import open_workshop

        o = dict(options or {})
        if o.pop("fullscreen", False) and not app.fullscreen:
            app.toggle_fullscreen()
        open_workshop(app, done=lambda: title.layout(app.size), **o)
    try:
        return app.run()
    finally:
        pygame.quit()
