"""A process that saves the player's progress and settings over and over, to be killed mid-save.

    python -m tests.soak.save_writer HOME

It opens the store in HOME as the game does, prints `STARTED <plays>`, then
records one finished play after another (each record saves progress.json
whole) and changes a setting every third time (saving settings.json),
printing `SAVED <plays> <volume>` after each save returns. Each play's `when`
is `soak-<n>` with n counting from 0, so a reader can tell which saves a file
holds. It never stops by itself.
"""

from __future__ import annotations

import sys

from game.core.autoplay import play
from game.core.library import load_library
from game.core.progress import Store
from game.core.runner import Runner
from game.paths import SCENARIOS


def a_summary():
    card = next(load_library([SCENARIOS]).cards())
    result = play(card, "random", 0)
    run = Runner(card, seed=f"0:{card.full_id}")
    for move in result.moves:
        run.choose(next(i for i, c in enumerate(run.choices) if c.move.value == move))
    return run.summary()


def main(home: str) -> int:
    summary = a_summary()
    store = Store(home)
    if store.messages:
        print("MESSAGES " + " | ".join(store.messages), flush=True)
        return 2
    n = len(store.history())
    print(f"STARTED {n}", flush=True)
    while True:
        store.record(summary, when=f"soak-{n}")
        n += 1
        if n % 3 == 0:
            store.settings.volume = (n % 1000) / 1000
            store.save_settings()
        print(f"SAVED {n} {store.settings.volume}", flush=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
