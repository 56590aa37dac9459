"""The couples screens for the screenshot tour: a sitting played by keys, a shot at every kind of screen.

    together_tour(app, shot, send)   # shot(name) saves the screen; send(kind, index) sends an intent

Shots: together-setup, together-safety, together-roles, together-speak,
together-rate, together-curtain, together-blind, together-blind-reveal,
together-react, together-debrief, together-checkin, together-break,
together-closing, together-progress.
"""

from __future__ import annotations

from typing import Any

NAMES = ("Ana", "Ben")  # the couple the tour plays as (tests swap in the longest names)
SHOTS = (
    "together-setup",
    "together-safety",
    "together-roles",
    "together-curtain",
    "together-blind",
    "together-blind-reveal",
    "together-rate",
    "together-react",
    "together-speak",
    "together-debrief",
    "together-checkin",
    "together-break",
    "together-closing",
    "together-progress",
)


def together_tour(app: Any, shot: Any, send: Any, deck_id: str | None = None) -> None:
    from game.core import scoring
    from game.core.together import Phase, blind_beat_index

    from .intents import CONFIRM, DIGIT, PICK
    from .scenes.together.flow import Sitting
    from .scenes.together.play import TogetherPlayScene
    from .scenes.together.progress import TogetherProgressScene
    from .scenes.together.setup import TogetherSetupScene

    setup = app.push(TogetherSetupScene)
    setup.fields[0].text, setup.fields[1].text = NAMES
    setup.layout(app.size)
    shot("together-setup")
    app.pop()
    done: list[bool] = []
    sitting = Sitting(app, NAMES, deck_id, lambda: done.append(True))
    sitting.together.seed = next(s for s in range(100) if blind_beat_index(f"{s}:0") == 0)
    sitting.begin()
    shot("together-safety")
    send(CONFIRM)
    shot("together-roles")
    send(CONFIRM)
    taken: set[str] = set()
    for _ in range(60):
        top = app.top
        if top.name == "together-curtain":
            if "together-curtain" not in taken:
                shot("together-curtain")
                taken.add("together-curtain")
            send(CONFIRM)
            continue
        if not isinstance(top, TogetherPlayScene):
            break
        tc = top.together
        phase = tc.phase
        options = tc.options
        ranked = sorted(range(len(options)), key=lambda i: scoring.points(options[i], tc.runner.listened))
        if phase is Phase.BLIND:
            if tc.curtain_for == tc.speaker and "together-blind" not in taken:
                shot("together-blind")
                taken.add("together-blind")
            # the listener picks a poor answer, the speaker wants the best: a reveal that did not meet
            send(PICK, ranked[0] if tc.curtain_for == tc.listener else ranked[-1])
        elif phase is Phase.MATCH:
            shot("together-blind-reveal")
            send(CONFIRM)
        elif phase is Phase.RATE:
            send(DIGIT, 6)
            if "together-rate" not in taken:
                shot("together-rate")
                taken.add("together-rate")
            send(CONFIRM)
        elif phase is Phase.SPEAK:
            if "together-speak" not in taken:
                shot("together-speak")
                taken.add("together-speak")
            send(PICK, ranked[-1])
        elif phase is Phase.REACT:
            if "together-react" not in taken:
                shot("together-react")
                taken.add("together-react")
            send(CONFIRM)
    shot("together-debrief")
    send(CONFIRM)  # next card
    shot("together-checkin")
    from .scenes.together.pages import open_break

    open_break(app, lambda _: None)
    shot("together-break")
    app.pop()
    app.pop()  # the check-in, as "Stop here for today": the day's closing page follows
    shot("together-closing")
    app.pop()
    app.push(TogetherProgressScene, None, profile=sitting.together.profile)
    shot("together-progress")
