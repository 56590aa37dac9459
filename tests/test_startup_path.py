"""What the game loads before its first frame, measured the way the benchmark starts it; the validation breakdown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


def test_the_validation_breakdown_runs_and_its_parts_add_up():
    """`benchmarks/validation_parts.py`: the split of cold validation against PyYAML's compose (a small library)."""
    import json

    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "validation_parts.py"), "--cards", "30", "--reps", "1", "--json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    r = json.loads(proc.stdout)
    assert r["cards"] == 30 and r["compose_share"] == 1.0
    assert r["build_and_check_share"] > r["compose_validator_loader_share"] > 0  # validation composes, then checks
    assert r["graph_checks_share"] > max(r["dead_lines_share"], r["risk_scan_share"]) > 0
    assert r["checks_share"] == pytest.approx(r["build_and_check_share"] - r["compose_validator_loader_share"])
    assert r["checks_budget_share"] == pytest.approx(1.25 - r["compose_validator_loader_share"])
    assert r["one_core_vs_parse_ratio"] == pytest.approx(1 / r["build_and_check_share"])
