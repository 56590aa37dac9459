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


def _children(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads child processes from /proc (Linux)")
@pytest.mark.parametrize(("sig", "code", "group"), [(signal.SIGINT, 130, True), (signal.SIGTERM, 143, False)])
def test_a_parallel_validate_stops_on_a_signal_and_leaves_no_worker(tmp_path: Path, sig, code, group):
    """Ctrl-C reaches the whole process group (workers too); SIGTERM only the command: both stop cleanly."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        from library import write_library
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))
    write_library(tmp_path / "lib", ROOT / "scenarios", cards=3000)
    proc = subprocess.Popen(
        [sys.executable, "main.py", "validate", str(tmp_path / "lib")],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**ENV, "ATTUNE_HOME": str(tmp_path / "home")},
        start_new_session=True,
    )
    try:
        workers: list[int] = []
        while proc.poll() is None and not workers:  # the workers are at work: now stop it
            workers = _children(proc.pid)
            time.sleep(0.01)
        if proc.poll() is not None:
            pytest.skip("validation ended before its workers could be seen")
        (os.killpg if group else os.kill)(proc.pid, sig)
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, err
    assert b"Traceback" not in err and err.strip() == b"stopped"
    assert not out.strip().startswith(b"ok")
    for pid in workers:  # none is left behind
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower():
                break
            time.sleep(0.05)
        else:
            raise AssertionError(f"worker {pid} still runs")
