"""Long commands stop at once on SIGTERM and Ctrl-C, with 143 and 130 and no traceback; shots refuse a giant size."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PYTHONUNBUFFERED": "1"}


def test_shots_size_is_capped_with_a_usage_error(tmp_path: Path):
    proc = subprocess.run(
        [sys.executable, "main.py", "shots", str(tmp_path), "--size", "100000x100000"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=ENV,
    )
    assert proc.returncode == 2 and "7680x4320" in proc.stderr and "Traceback" not in proc.stderr
    assert not list(tmp_path.iterdir())


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_long_autoplay_stops_on_a_signal(tmp_path: Path, sig, code):
    proc = subprocess.Popen(
        [sys.executable, "main.py", "autoplay", "--runs", "1000000"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**ENV, "ATTUNE_HOME": str(tmp_path)},
    )
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # it has started playing
        time.sleep(0.2)
        proc.send_signal(sig)
        out, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == code, err
    assert b"Traceback" not in err
