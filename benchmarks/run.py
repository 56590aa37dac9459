"""Attune's benchmark: startup, frames, idle, validation and memory, in one run.

    python benchmarks/run.py            # a readable table
    python benchmarks/run.py --json     # one JSON object
    python benchmarks/run.py --quick    # fewer repetitions, for a first look

Every figure is a median over several repetitions, each in a fresh process,
and every figure with a floor is measured against it in the same run: the
game's startup and memory against `bare.py`, a bare pygame-ce script that
opens a window and draws one line of text. What each figure is:

- startup: from just before the process is started to the first frame of
  the title on the screen, with the event queue read (the game through its
  own entry point; see probe.py). Python's bytecode cache is allowed, as on
  a player's machine, and one unmeasured start of each warms it.
- frames: CPU time per frame (input, update, draw, flip) at 1920x1080 on
  the play screen while the loop view animates; median and 99th percentile.
- idle: CPU time over 5 seconds on the title with nothing moving, as a share
  of one core; beside it, the same for the bare script waiting in
  `pygame.event.wait` (pygame-ce's wait wakes every millisecond to poll, so
  this is the floor for any program that waits in it).
- validation: cards a second checking a library of 10,000 cards in decks of
  10, copied from the shipped decks (see library.py), in a fresh process:
  cold on every core (the headline), cold on one core, and warm (every file
  answered from the verdict cache). Its floor is PyYAML itself:
  `validate_vs_parse_ratio` is the cold throughput on every core divided by
  the throughput of PyYAML's own `compose` (its C loader) reading and
  composing the same files on the same cores, in the same kind of worker
  processes, with the cycle collector paused as the validator pauses it.
- memory: peak resident memory of the game on the title (through the idle
  period) and of the bare script.

With no display (no DISPLAY or WAYLAND_DISPLAY) SDL's dummy video and audio
drivers are used and the table says so: drawing is measured, putting pixels
on a real screen is not.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

GOALS = {
    "startup_ratio": 1.5,  # at most, times the bare floor
    "frame_ms_median": 1.0,
    "frame_ms_p99": 4.0,
    "idle_cpu_percent": 1.0,
    "validate_vs_parse_ratio": 0.8,  # at least: cold validation / PyYAML's compose, same files, same cores
    "rss_over_bare_mib": 15.0,
}
MIB = 1024 * 1024


def log(*parts: object) -> None:
    print(*parts, file=sys.stderr, flush=True)


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["ATTUNE_HOME"] = str(home)
    env["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # a player's Python keeps its bytecode cache
    if not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY")) or env.get("SDL_VIDEODRIVER") == "dummy":
        env["SDL_VIDEODRIVER"] = "dummy"
        env["SDL_AUDIODRIVER"] = "dummy"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def spawn(args: list[str], env: dict[str, str], timeout: float = 120) -> tuple[float, list[str]]:
    """Start a Python child; return the monotonic time just before it started, and its output lines."""
    t0 = time.monotonic()
    proc = subprocess.run(
        [sys.executable, *args], env=env, cwd=ROOT, capture_output=True, text=True, timeout=timeout, check=False
    )
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return t0, proc.stdout.splitlines()


def line(lines: list[str], tag: str) -> list[str]:
    for text in lines:
        if text.startswith(tag + " "):
            return text.split()[1:]
    raise RuntimeError(f"no {tag} line in: {lines[-5:]}")


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    k = (len(s) - 1) * q / 100
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


# -- the measurements ---------------------------------------------------------


STARTUP_REPS_FACTOR = 3  # a start takes a fifth of a second: three times the pairs, for a steadier median


def measure_startup(env: dict[str, str], reps: int) -> dict[str, float]:
    bare_args = [str(HERE / "bare.py")]
    game_args = [str(HERE / "probe.py"), "title"]
    spawn(bare_args, env)  # warm the bytecode and file caches; not counted
    spawn(game_args, env)
    bare, game, bare_rss, game_rss = [], [], [], []
    for _ in range(reps * STARTUP_REPS_FACTOR):  # interleaved, so a noisy moment falls on both
        t0, out = spawn(bare_args, env)
        ready, rss = line(out, "READY")
        bare.append(float(ready) - t0)
        bare_rss.append(int(rss))
        t0, out = spawn(game_args, env)
        ready, rss = line(out, "READY")
        game.append(float(ready) - t0)
        game_rss.append(int(rss))
    s, b = statistics.median(game), statistics.median(bare)
    return {
        "startup_s": s,
        "bare_startup_s": b,
        # each start against the bare start just before it: a busy moment on a shared machine slows both
        "startup_ratio": statistics.median(g / f for g, f in zip(game, bare, strict=True)),
        "startup_ratio_of_medians": s / b,
        "bare_peak_rss_mib": statistics.median(bare_rss) / MIB,
        "startup_rss_mib": statistics.median(game_rss) / MIB,
    }


def measure_idle(env: dict[str, str], reps: int, seconds: float) -> dict[str, float]:
    shares, floor, rss = [], [], []
    for _ in range(reps):
        _, out = spawn([str(HERE / "probe.py"), "title", "--idle", str(seconds)], env)
        cpu, wall, peak = line(out, "IDLE")
        shares.append(100 * float(cpu) / float(wall))
        rss.append(int(peak))
        _, out = spawn([str(HERE / "bare.py"), "--idle", str(seconds)], env)
        cpu, wall, _ = line(out, "IDLE")
        floor.append(100 * float(cpu) / float(wall))
    return {
        "idle_cpu_percent": statistics.median(shares),
        "bare_idle_cpu_percent": statistics.median(floor),
        "peak_rss_mib": statistics.median(rss) / MIB,
    }


def measure_frames(env: dict[str, str], reps: int, count: int) -> dict[str, float]:
    medians, p99s, every = [], [], []
    for _ in range(reps):
        _, out = spawn([str(HERE / "probe.py"), "frames", "--frames", str(count), "--size", "1920x1080"], env)
        ms = [float(x) for x in line(out, "FRAMES")]
        medians.append(statistics.median(ms))
        p99s.append(percentile(ms, 99))
        every.extend(ms)
    return {
        "frame_ms_median": statistics.median(medians),
        "frame_ms_p99": statistics.median(p99s),
        "frame_ms_max": max(every),
    }


VALIDATE_CHILD = """
import json, sys, time
from game.core.library_check import check_library
folder, jobs, cache = sys.argv[1], int(sys.argv[2]), sys.argv[3]
t = time.perf_counter()
r = check_library([folder], jobs=jobs, cache=bool(cache), cache_folder=cache or None)
dt = time.perf_counter() - t
print("VALIDATED", r.cards, r.files, len(r.errors), r.from_cache, f"{dt:.6f}")
"""


COMPOSE_CHILD = """
import gc, multiprocessing, sys, time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
import yaml
LOADER = getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader
def compose(paths):
    gc.disable()
    n = 0
    for p in paths:
        n += sum(1 for _ in yaml.compose_all(Path(p).read_bytes().decode("utf-8-sig"), Loader=LOADER))
    return n
if __name__ == "__main__":
    folder, jobs = sys.argv[1], int(sys.argv[2])
    t = time.perf_counter()
    files = sorted(str(p) for p in Path(folder).rglob("*.yaml"))
    chunks = [files[i : i + 16] for i in range(0, len(files), 16)]
    if jobs == 1:
        docs = compose(files)
    else:
        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            docs = sum(pool.map(compose, chunks))
    print("COMPOSED", len(files), docs, f"{time.perf_counter() - t:.6f}")
"""


def measure_validation(env: dict[str, str], reps: int, work: Path) -> dict[str, float]:
    from library import write_library

    from game.core.library_check import default_jobs
    from game.paths import SCENARIOS

    lib = work / "library"
    files, cards, size = write_library(lib, SCENARIOS, cards=10_000, per_deck=10)
    cores = default_jobs()

    def run(jobs: int, cache: str) -> float:
        _, out = spawn(["-c", VALIDATE_CHILD, str(lib), str(jobs), cache], env, timeout=600)
        n, nfiles, errors, cached, seconds = line(out, "VALIDATED")
        if int(n) != cards or int(errors):
            raise RuntimeError(f"the generated library did not validate: {n} cards, {errors} errors")
        if cache and int(cached) not in (0, files):
            raise RuntimeError(f"partly cached run: {cached} of {files}")
        return float(seconds)

    def compose(jobs: int) -> float:
        _, out = spawn(["-c", COMPOSE_CHILD, str(lib), str(jobs)], env, timeout=600)
        nfiles, docs, seconds = line(out, "COMPOSED")
        if int(nfiles) != files or int(docs) != files:
            raise RuntimeError(f"PyYAML composed {docs} documents from {nfiles} files, not {files}")
        return float(seconds)

    all_cores, one_core, parse = [], [], []
    for _ in range(reps):  # interleaved, so a noisy moment falls on all
        all_cores.append(run(cores, ""))
        parse.append(compose(cores))
        if cores > 1:
            one_core.append(run(1, ""))
    cold_all = statistics.median(all_cores)
    parse_all = statistics.median(parse)
    cold_one = statistics.median(one_core) if one_core else cold_all
    cache = str(work / "cache")
    filling = run(cores, cache)  # a cold run that also fills the cache
    warm = statistics.median(run(cores, cache) for _ in range(reps))
    return {
        "validate_cards_per_s": cards / cold_all,
        "validate_cards_per_s_one_core": cards / cold_one,
        "validate_cards_per_s_warm": cards / warm,
        "validate_cards_per_s_filling_cache": cards / filling,
        "parse_cards_per_s": cards / parse_all,
        "validate_vs_parse_ratio": parse_all / cold_all,
        "validate_mb_per_s": size / cold_all / 1e6,
        "validate_library_cards": cards,
        "validate_library_files": files,
        "validate_library_mb": size / 1e6,
        "validate_cores": cores,
    }


# -- the report ---------------------------------------------------------------


def verdicts(r: dict[str, float]) -> dict[str, bool]:
    return {
        "startup": r["startup_ratio"] <= GOALS["startup_ratio"],
        "frames": r["frame_ms_median"] <= GOALS["frame_ms_median"] and r["frame_ms_p99"] <= GOALS["frame_ms_p99"],
        "idle": r["idle_cpu_percent"] <= GOALS["idle_cpu_percent"],
        "validation": r["validate_vs_parse_ratio"] >= GOALS["validate_vs_parse_ratio"],
        "memory": r["peak_rss_mib"] - r["bare_peak_rss_mib"] <= GOALS["rss_over_bare_mib"],
    }


def table(r: dict, ok: dict[str, bool]) -> str:
    def mark(key: str) -> str:
        return "meets" if ok[key] else "MISSES"

    rows = [
        (
            "startup",
            f"{r['startup_s'] * 1000:.0f} ms (bare pygame-ce: {r['bare_startup_s'] * 1000:.0f} ms)",
            f"x{r['startup_ratio']:.2f} of bare",
            "<= x1.5",
            mark("startup"),
        ),
        (
            "frames",
            f"median {r['frame_ms_median']:.2f} ms, p99 {r['frame_ms_p99']:.2f} ms",
            "1920x1080, loop animating",
            "<= 1 ms, <= 4 ms",
            mark("frames"),
        ),
        (
            "idle",
            f"{r['idle_cpu_percent']:.2f}% of a core",
            f"title, 5 s; pygame.event.wait alone: {r['bare_idle_cpu_percent']:.2f}%",
            "<= 1%",
            mark("idle"),
        ),
        (
            "validation",
            f"{r['validate_cards_per_s']:,.0f} cards/s cold ({r['validate_mb_per_s']:.1f} MB/s)",
            f"x{r['validate_vs_parse_ratio']:.2f} of PyYAML's compose ({r['parse_cards_per_s']:,.0f}) "
            f"on {r['validate_cores']} cores; 1 core {r['validate_cards_per_s_one_core']:,.0f}; "
            f"warm cache {r['validate_cards_per_s_warm']:,.0f}",
            ">= x0.8 of compose",
            mark("validation"),
        ),
        (
            "memory",
            f"peak {r['peak_rss_mib']:.1f} MiB (bare {r['bare_peak_rss_mib']:.1f} MiB)",
            f"+{r['peak_rss_mib'] - r['bare_peak_rss_mib']:.1f} MiB over bare",
            "<= +15 MiB",
            mark("memory"),
        ),
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    out = [
        f"Attune benchmark: {r['machine']}",
        f"video: {r['video_driver']}; medians of {r['repetitions']} runs each",
        "",
    ]
    for row in rows:
        out.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip())
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--quick", action="store_true", help="fewer repetitions and frames")
    p.add_argument("--only", nargs="*", default=None, metavar="PART", help="startup idle frames validation")
    a = p.parse_args(argv)
    reps = 3 if a.quick else 7
    parts = set(a.only or ("startup", "idle", "frames", "validation"))
    work = Path(tempfile.mkdtemp(prefix="attune-bench-"))
    try:
        home = work / "home"
        from game.core.progress import Store

        store = Store(home)
        store.settings.seen_intro = True  # the title is the first screen
        store.save_settings()
        env = child_env(home)
        r: dict = {
            "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}",
            "video_driver": env.get("SDL_VIDEODRIVER") or "the platform's own",
            "repetitions": reps,
        }
        if "startup" in parts:
            log("startup ...")
            r.update(measure_startup(env, reps))
        if "idle" in parts:
            log("idle ...")
            r.update(measure_idle(env, max(3, reps // 2), 5.0))
        if "frames" in parts:
            log("frames ...")
            r.update(measure_frames(env, 3, 300 if a.quick else 600))
        if "validation" in parts:
            log("validation ...")
            r.update(measure_validation(env, 3, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if parts >= {"startup", "idle", "frames", "validation"}:
        r["goals_met"] = verdicts(r)
        print(json.dumps(r, indent=1) if a.json else table(r, r["goals_met"]))
    else:
        print(json.dumps(r, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
