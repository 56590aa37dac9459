"""A scripted tour through the real scenes, one PNG a screen, with the fit check on.

    python main.py shots OUTDIR [--size WxH] [--text-size {0,1,2,3}] [--high-contrast] [--card DECK/CARD]

Plays a card with real intents (keys 1-6, P, Enter), saving title, intro,
decks, play, reaction, pause, name-the-fear, debrief, progress, settings and
about. Every laid-out text box is recorded; the tour returns 1 when any text leaves its
box, and prints which. Player data goes to a temporary folder, never to the
player's own.
"""

from __future__ import annotations

import os
import random
import tempfile
from pathlib import Path

SHOTS = (
    "title",
    "intro",
    "decks",
    "play",
    "reaction",
    "pause",
    "name-the-fear",
    "debrief",
    "progress",
    "settings",
    "about",
)
TOUR_CARD = "everyday/dishes"
SETTLE = 3.0  # seconds of animation run before a shot, so easing has finished


def _seed_history(app, rng: random.Random, tour_card: str = TOUR_CARD) -> None:
    """A few earlier plays, so the decks and progress screens have something to show."""
    from game.core import scoring
    from game.core.runner import Runner
    from game.core.session import deck_order

    cards = [c for d in deck_order(app.library.decks) for c in d.cards if c.full_id != tour_card][:6]
    for day, card in enumerate(cards):
        run = Runner(card, seed=day)
        skill = 0.3 + 0.12 * day  # getting better over the weeks
        while not run.ended:
            options = run.choices
            ranked = sorted(range(len(options)), key=lambda i: scoring.points(options[i]))
            run.choose(ranked[-1] if rng.random() < skill else ranked[rng.randrange(len(ranked))])
        run.name_fear(
            card.fear if rng.random() < skill + 0.2 else next(f for f in type(card.fear) if f is not card.fear)
        )
        app.store.record(run.summary(), when=f"2025-0{1 + day // 3}-{10 + day * 3:02d}T21:30:00")


def run_tour(
    outdir: str | os.PathLike[str],
    size: tuple[int, int] = (1280, 720),
    extra_decks: list[str] | tuple[str, ...] = (),
    text_size: int = 1,
    high_contrast: bool = False,
    quiet: bool = False,
    report: dict | None = None,
    card_id: str = TOUR_CARD,
) -> int:
    """Render the tour; with `report`, fill it with each screen's file, smallest text and overflows.

    `card_id` is the card played (solo, together and in the workshop); the fit tests
    tour a card whose every text is as long as the format allows.
    """
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.core.progress import Store

    from .app import App
    from .intents import CONFIRM, PAUSE, PICK, Intent
    from .scenes.about import AboutScene
    from .scenes.decks import DecksScene
    from .scenes.intro import IntroScene
    from .scenes.progress import ProgressScene
    from .scenes.settings import SettingsScene
    from .scenes.solo import play_card
    from .scenes.title import TitleScene
    from .widgets import FIT

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[str] = []
    skipped: list[str] = []
    with tempfile.TemporaryDirectory(prefix="attune-tour-") as home:
        store = Store(home)
        store.settings.text_size = text_size
        store.settings.high_contrast = high_contrast
        store.settings.seen_intro = True
        app = App(size=size, extra_decks=extra_decks, store=store)
        _seed_history(app, random.Random(7), card_id)
        FIT.start()

        def shot(name: str) -> None:
            for _ in range(int(SETTLE * 10)):
                app.frame(0.1)
            mark = len(FIT.records)
            app.frame(0.1)  # one frame recorded alone: what this screen draws
            path = out / f"{name}.png"
            pygame.image.save(app.screen, str(path))
            saved.append(name)
            if report is not None:
                smallest, overflows = FIT.screen(since=mark)
                report[name] = {"file": str(path), "min_text_px": smallest, "overflows": overflows}

        def side_shot(name: str, surface) -> None:
            """Another window's surface (a workshop's presenter notes), saved and reported like a screen."""
            path = out / f"{name}.png"
            pygame.image.save(surface, str(path))
            saved.append(name)
            if report is not None:
                report[name] = {"file": str(path), "min_text_px": None, "overflows": 0}

        def visit(scene, **params) -> None:
            app.push(scene, **params)
            shot(scene.name)
            app.pop_to(TitleScene)

        def send(kind: str, index: int = -1) -> None:
            app.send(Intent(kind, index=index))
            app.frame(0.1)

        app.push(TitleScene)
        shot("title")
        visit(IntroScene, first_run=False)
        visit(DecksScene)
        card = app.library.card(card_id) or next(app.library.cards(), None)
        if card is not None and card.full_id != card_id and not quiet:
            print(f"no card {card_id} is loaded: the tour plays {card.full_id}")
        if card is None:
            skipped.extend(["play", "reaction", "pause", "name-the-fear", "debrief"])
        else:
            from game.core import scoring

            play = play_card(app, card, seed=3)
            shot("play")
            # a poor answer first, so the reaction shows the loop tightening and a pattern
            options = play.run.choices
            worst = min(range(len(options)), key=lambda i: scoring.points(options[i]))
            send(PICK, worst)
            shot("reaction")
            send(CONFIRM)
            send(PAUSE)
            shot("pause")
            send(CONFIRM)
            while not play.run.ended:
                options = play.run.choices
                best = max(range(len(options)), key=lambda i: scoring.points(options[i]))
                send(PICK, best)
                send(CONFIRM)
            shot("name-the-fear")
            send(PICK, 1 if card.fear.value == "too-much" else 0)
            shot("debrief")
            app.pop_to(TitleScene)
        for scene in (ProgressScene, SettingsScene, AboutScene):
            visit(scene)
        if card is not None:
            from .tour_together import together_tour
            from .tour_workshop import TOUR_CARDS, workshop_tour

            together_tour(app, shot, send, deck_id=card.deck_id)
            app.pop_to(TitleScene)
            workshop_tour(app, shot, side_shot, cards=tuple(dict.fromkeys((card.full_id, *TOUR_CARDS))))
            app.pop_to(TitleScene)
        FIT.stop()
        pygame.display.quit()
    problems = FIT.overflows
    if not quiet:
        print(f"saved {len(saved)} screens to {out}: {', '.join(saved)}")
        if skipped:
            print(f"skipped (no card to play): {', '.join(skipped)}")
        for p in problems:
            print(f"text outside its box: {p}")
        print(f"{len(FIT.records)} text boxes checked, {len(problems)} outside their box")
    return 1 if problems else 0
