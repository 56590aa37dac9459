"""Where cold validation's time goes, against its floor: PyYAML's own compose.

    python benchmarks/validation_parts.py          # a readable table
    python benchmarks/validation_parts.py --json   # one JSON object

`run.py` gives `validate_vs_parse_ratio`, cold validation on every core over
PyYAML's compose on the same files and cores (goal: at least 0.8). This
splits one core's work on a library of 1,000 shipped cards (see library.py)
into its parts, each the median of several passes in this one process (the
parts in turn within each pass), and
gives each as a share of compose (the floor, 1.00):

- compose: PyYAML's `compose` with its C loader, as in run.py (the floor);
- compose, the validator's loader: the same, with the quicker tag resolver;
- walk every node: each node of the composed trees read once, nothing checked
  (the least any check of every node in Python can cost);
- build and check: a deck from bytes (`load_deck_bytes`: compose, every
  field checked, the cards built, the graph checks), which is what
  validation does per file;
- graph checks: `check_card` on the built cards, and within it the dead-line
  walk (`reach.dead_lines`, AT404) and the risk scan (`safety.first_risk`,
  AT405).

A validation at x0.8 of compose takes at most 1.25 times compose's time;
less the validator's own compose, what is left is every check's budget
(`checks_budget_share`); `checks_share` is what they take here (build and
check, less the compose inside it).
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import yaml  # noqa: E402
from library import write_library  # noqa: E402

from game.core import graph_checks, reach, safety, yamlnodes  # noqa: E402
from game.core.deckfile import load_deck_bytes  # noqa: E402
from game.paths import SCENARIOS  # noqa: E402

CARDS = 1000  # the default library: a hundred decks of ten shipped cards


def interleaved_medians(parts: dict[str, Callable[[], object]], reps: int) -> dict[str, float]:
    """Each part's median time over `reps` passes, the parts taken in turn within each pass, so that a
    busy moment on a shared machine falls on all of them rather than on one."""
    for fn in parts.values():
        fn()  # once unmeasured: caches warm
    times: dict[str, list[float]] = {name: [] for name in parts}
    for _ in range(reps):
        for name, fn in parts.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {name: statistics.median(t) for name, t in times.items()}


def walk(node) -> None:
    if node.id == "scalar":
        node.value.strip()
    elif node.id == "mapping":
        for _, v in node.value:
            walk(v)
    else:
        for v in node.value:
            walk(v)


def measure(reps: int, count: int = CARDS) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        write_library(Path(tmp), SCENARIOS, cards=count)
        paths = sorted(str(p) for p in Path(tmp).glob("*.yaml"))
        raws = [Path(p).read_bytes() for p in paths]
    texts = [r.decode("utf-8") for r in raws]
    stock = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    quick = yamlnodes.loader()
    trees = [yaml.compose(t, Loader=quick) for t in texts]
    cards = [c for r, p in zip(raws, paths, strict=True) for c in load_deck_bytes(r, p)[0].cards]
    if len(cards) != count:
        raise RuntimeError(f"the library built {len(cards)} cards, not {count}")
    parts = {
        "compose": lambda: [list(yaml.compose_all(t, Loader=stock)) for t in texts],
        "compose_validator_loader": lambda: [list(yaml.compose_all(t, Loader=quick)) for t in texts],
        "walk_every_node": lambda: [walk(t) for t in trees],
        "build_and_check": lambda: [load_deck_bytes(r, p) for r, p in zip(raws, paths, strict=True)],
        "graph_checks": lambda: [graph_checks.check_card(c) for c in cards],
        "dead_lines": lambda: [reach.dead_lines(c) for c in cards],
        "risk_scan": lambda: [safety.first_risk(c) for c in cards],
    }
    gc.disable()  # as the validator's workers run
    try:
        seconds = interleaved_medians(parts, reps)
    finally:
        gc.enable()
    floor = seconds["compose"]
    out: dict[str, float] = {"cards": count, "compose_ms_per_1000_cards": floor * 1000 * 1000 / count}
    for name, s in seconds.items():
        out[f"{name}_share"] = s / floor
    out["checks_share"] = (seconds["build_and_check"] - seconds["compose_validator_loader"]) / floor
    out["checks_budget_share"] = 1 / 0.8 - out["compose_validator_loader_share"]  # what x0.8 leaves them
    out["one_core_vs_parse_ratio"] = floor / seconds["build_and_check"]
    return out


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--json", action="store_true", help="print one JSON object instead of the table")
    p.add_argument("--reps", type=int, default=7, help="passes over the library for each part (median)")
    p.add_argument("--cards", type=int, default=CARDS, help="cards in the library (decks of ten)")
    a = p.parse_args()
    r = measure(max(1, a.reps), max(1, a.cards))
    if a.json:
        print(json.dumps(r, indent=2))
        return 0
    floor = r["compose_ms_per_1000_cards"]
    print(f"{r['cards']:.0f} cards, one core; compose (the floor) {floor:.0f} ms per 1,000 cards")
    rows = [
        ("compose, PyYAML's C loader (the floor)", "compose_share"),
        ("compose, the validator's loader", "compose_validator_loader_share"),
        ("walk every node, nothing checked", "walk_every_node_share"),
        ("build and check (what validation does)", "build_and_check_share"),
        ("  every check: build and check less compose", "checks_share"),
        ("  graph checks on built cards", "graph_checks_share"),
        ("    dead-line walk (AT404)", "dead_lines_share"),
        ("    risk scan (AT405)", "risk_scan_share"),
    ]
    for label, key in rows:
        print(f"{label:46} x{r[key]:.2f}")
    ratio, budget = r["one_core_vs_parse_ratio"], r["checks_budget_share"]
    print(f"one core against the floor: x{ratio:.2f} (x0.8 would leave every check x{budget:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
