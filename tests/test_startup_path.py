"""What the game loads before its first frame, measured the way the benchmark starts it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Never needed to draw the title: the argument parser (a plain start skips it), the YAML parser and
# the card model (the decks load after the first frame, from the deck cache when it is fresh).
NOT_BEFORE_THE_FIRST_FRAME = {"argparse", "yaml", "game.core.model", "game.core.builder", "game.core.deckfile"}


def test_the_benchmark_probe_loads_nothing_the_game_does_not_need_for_its_first_frame(tmp_path):
    from game.core.progress import Store

    store = Store(tmp_path)
    store.settings.seen_intro = True  # the title is the first screen, as in the benchmark
    store.save_settings()
    env = dict(os.environ, ATTUNE_HOME=str(tmp_path), SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(ROOT / "benchmarks" / "probe.py"), "title"],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert any(line.startswith("READY ") for line in proc.stdout.splitlines()), proc.stdout
    loaded = {line.rsplit("|", 1)[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
    assert "game.ui.scenes.title" in loaded  # the import log is read right
    assert not loaded & NOT_BEFORE_THE_FIRST_FRAME
