"""Runs the real game in a process of its own and reports what `run.py` measures.

    python benchmarks/probe.py title [--idle SECONDS]
        Starts the game through its own entry point (`game.cli.main`, as
        `python main.py` does) and, at the first frame of the title that
        reaches the screen, writes `READY <monotonic seconds> <peak RSS bytes>`.
        With --idle it then leaves the title alone for that long and writes
        `IDLE <CPU seconds> <wall seconds> <peak RSS bytes>` before quitting.
    python benchmarks/probe.py frames --frames N [--size WxH]
        Opens the play screen at WxH and keeps its loop view animating (each
        time the figures settle, the tension moves again, as after an
        answer), timing the CPU each frame takes (input, update, draw and
        flip); writes `FRAMES <ms> <ms> ...`.

The data folder is ATTUNE_HOME, which run.py points at a temporary folder
whose settings say the introduction has been seen, so the title is the
first screen.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def title(idle: float) -> int:
    import pygame

    from game import cli

    real_flip = pygame.display.flip
    state = {"ready": False}

    def measure_idle() -> None:
        time.sleep(0.5)  # let the first frames settle
        cpu0, wall0 = time.process_time(), time.monotonic()
        time.sleep(idle)
        cpu1, wall1 = time.process_time(), time.monotonic()
        print(f"IDLE {cpu1 - cpu0:.6f} {wall1 - wall0:.6f} {peak_rss_bytes()}", flush=True)
        pygame.event.post(pygame.event.Event(pygame.QUIT))

    def flip() -> None:
        real_flip()
        if state["ready"]:
            return
        pygame.event.pump()  # the queue is read on the next pass of the loop; this frame can take input
        state["ready"] = True
        print(f"READY {time.monotonic():.6f} {peak_rss_bytes()}", flush=True)
        if idle <= 0:
            raise SystemExit(0)
        import threading

        threading.Thread(target=measure_idle, daemon=True).start()

    pygame.display.flip = flip
    try:
        return cli.main(["play"])
    except SystemExit as e:
        return int(e.code or 0)


def frames(count: int, size: tuple[int, int]) -> int:
    import pygame

    from game.core.library import load_library
    from game.paths import SCENARIOS
    from game.ui.app import App
    from game.ui.scenes.solo import play_card
    from game.ui.scenes.title import TitleScene

    app = App(size=size)
    app.partial_frames = True  # as in the game's own loop (App.run)
    app.push(TitleScene)
    app.frame(0)
    card = next(load_library([SCENARIOS]).cards())
    play_card(app, card, seed=1)
    scene = app.top
    targets = [8.5, 3.0, 6.0, 9.5, 2.0]  # across every state, with flooding
    times: list[float] = []
    warmup = 30
    i = 0
    animating = False
    while len(times) < count:
        if not animating:
            scene.view.set(targets[i % len(targets)])
            i += 1
        t0 = time.process_time()
        animating = app.frame(1 / 60)
        app.present()  # as App.run does: the changed rects, or the whole screen
        spent = time.process_time() - t0
        if warmup:
            warmup -= 1
        else:
            times.append(spent * 1000)
    print("FRAMES " + " ".join(f"{t:.4f}" for t in times), flush=True)
    pygame.quit()
    return 0


def main(argv: list[str]) -> int:
    # `title` is read by hand: argparse alone costs about 3 ms to import, which the game's own start
    # (a plain `attune` skips its parser) does not pay, and the probe must add nothing to what it measures.
    if argv[:1] == ["title"]:
        if len(argv) == 1:
            return title(0.0)
        if len(argv) == 3 and argv[1] == "--idle":
            return title(float(argv[2]))
    import argparse

    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=("title", "frames"))
    p.add_argument("--idle", type=float, default=0.0)
    p.add_argument("--frames", type=int, default=600)
    p.add_argument("--size", default="1920x1080")
    a = p.parse_args(argv)
    if a.mode == "title":
        return title(a.idle)
    w, h = (int(x) for x in a.size.split("x"))
    return frames(a.frames, (w, h))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
