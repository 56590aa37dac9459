"""The workshop screens for the screenshot tour: a playlist of two cards driven by clicker keys.

Shots: workshop-setup, workshop-line, workshop-options, workshop-votes,
workshop-reveal, workshop-why, workshop-discuss, workshop-ending,
workshop-keys, workshop-summary and workshop-presenter (the facilitator's
second window).
"""

from __future__ import annotations

from typing import Any

SHOTS = (
    "workshop-setup",
    "workshop-line",
    "workshop-options",
    "workshop-votes",
    "workshop-reveal",
    "workshop-why",
    "workshop-discuss",
    "workshop-presenter",
    "workshop-ending",
    "workshop-keys",
    "workshop-summary",
)
TOUR_CARDS = ("everyday/dishes", "first-steps/late-for-the-film")


def workshop_tour(app: Any, shot: Any, side_shot: Any, cards: tuple[str, ...] = TOUR_CARDS) -> None:
    from game.core.playlist import Playlist
    from game.core.workshop import Stage

    from .intents import FORWARD, HELP, TIMER, VOTE, Intent
    from .scenes.workshop.flow import open_workshop
    from .scenes.workshop.setup import WorkshopSetupScene

    def send(kind: str, index: int = -1) -> None:
        app.send(Intent(kind, index=index))
        app.frame(0.1)

    setup = app.push(WorkshopSetupScene)
    setup.chosen = [c for c in cards if app.library.card(c) is not None]
    setup.layout(app.size)
    shot("workshop-setup")
    app.pop()
    ids = tuple(c for c in cards if app.library.card(c) is not None) or (next(app.library.cards()).full_id,)
    open_workshop(app, playlist=Playlist("Listening under pressure", 180, ids, "tour"), presenter=True)
    room = app.top

    def forward_to(stage: Stage) -> None:
        """Next, through any further pages of this step, until the room shows `stage`."""
        for _ in range(50):
            if room.w.stage is stage:
                return
            send(FORWARD)

    shot("workshop-line")
    forward_to(Stage.OPTIONS)
    shot("workshop-options")
    for i, n in enumerate((3, 11, 2, 0)[: len(room.w.options)]):
        for _ in range(n):
            send(VOTE, i)
    shot("workshop-votes")
    forward_to(Stage.REVEAL)
    shot("workshop-reveal")
    forward_to(Stage.WHY)
    shot("workshop-why")
    forward_to(Stage.DISCUSS)
    send(TIMER)
    shot("workshop-discuss")
    if room.presenter is not None:  # the facilitator's window, beside the room's
        room.presenter.show(room)
        side_shot("workshop-presenter", room.presenter.window.get_surface())
    for _ in range(400):
        if room.w.stage is Stage.ENDING:
            break
        send(FORWARD)
    shot("workshop-ending")
    send(HELP)
    shot("workshop-keys")
    send(FORWARD)
    for _ in range(200):
        if room.w.stage is Stage.SUMMARY:
            break
        send(FORWARD)
    shot("workshop-summary")
