"""The solo flow: play a card, name the fear, read the debrief; then again, or where the player chose.

    play_card(app, card, done=callback)    # done("decks"), done("title") or done(None) once it is over

Each scene closes with its result and this flow decides what follows, so no
scene knows which one comes after it. "Play it again" starts the same card
afresh (a new seed) with the same `done`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from game.core.model import Card
from game.core.session import Session

from .debrief import DebriefScene
from .name_fear import NameFearScene
from .play import PlayScene

Done = Callable[[str | None], None]


def play_card(app: Any, card: Card, seed: int | str | None = None, done: Done | None = None) -> PlayScene:
    """Open the card on top of the current scene; returns the play scene."""

    def finish(result: str | None) -> None:
        if done is not None:
            done(result)

    def after_debrief(result: Any) -> None:
        if result == "again":
            play_card(app, card, done=done)
        else:
            finish(result if result in ("decks", "title") else None)

    def after_fear(session: Session | None) -> None:
        if session is None:
            finish(None)
        else:
            app.push(DebriefScene, after_debrief, session=session)

    def after_play(session: Session | None) -> None:
        if session is None:
            finish(None)
        else:
            app.push(NameFearScene, after_fear, session=session)

    scene = app.push(PlayScene, after_play, card=card, seed=seed)
    assert isinstance(scene, PlayScene)
    return scene
