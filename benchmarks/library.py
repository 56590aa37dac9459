"""A large card library for the validation benchmark, made from the shipped cards.

Each generated deck file holds `per_deck` cards copied word for word from the
shipped decks (so cards have the shipped shape and size), under its own deck
id, so every file's bytes differ from every other's. Nothing here is random:
the same shipped decks always give the same library.
"""

from __future__ import annotations

from pathlib import Path

import yaml

HEADER = """format: 1
deck:
  id: bench-{n:05d}
  title: Benchmark deck {n}
  description: Cards copied from the shipped decks to measure how fast a large library validates.
  tags: [benchmark]
cards:
"""


def card_blocks(scenarios: Path) -> list[str]:
    """The text of every shipped card, one block each, as it stands in its file (`  - id: ...` and below)."""
    blocks: list[str] = []
    for path in sorted(scenarios.glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines(keepends=True)
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        cards = next(v for k, v in root.value if k.value == "cards")
        starts = [c.start_mark.line for c in cards.value] + [cards.end_mark.line]
        for a, b in zip(starts[:-1], starts[1:], strict=True):
            block = "".join(lines[a:b]).rstrip() + "\n"
            if not block.lstrip().startswith("- "):
                raise ValueError(f"{path}: a card at line {a + 1} does not start its own line with `- `")
            blocks.append(block)
    if not blocks:
        raise ValueError(f"no cards found in {scenarios}")
    return blocks


def write_library(dest: Path, scenarios: Path, cards: int = 10_000, per_deck: int = 10) -> tuple[int, int, int]:
    """Write about `cards` cards in decks of `per_deck` into `dest`; return (files, cards, bytes)."""
    blocks = card_blocks(scenarios)
    per_deck = min(per_deck, len(blocks))  # card ids must stay unique within a deck
    dest.mkdir(parents=True, exist_ok=True)
    files = written = size = 0
    i = 0
    while written < cards:
        n = min(per_deck, cards - written)
        body = HEADER.format(n=files) + "".join(blocks[(i + j) % len(blocks)] for j in range(n))
        data = body.encode("utf-8")
        (dest / f"bench-{files:05d}.yaml").write_bytes(data)
        files += 1
        written += n
        size += len(data)
        i += n
    return files, written, size
