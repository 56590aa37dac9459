"""The public engine API: what game.core exports, the example in docs/api.md, and no private imports."""

import ast
import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import game.core
from game.core import load_library, loop_state
from game.paths import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]
NEEDED = {
    "load_library", "Library", "Runner", "RunnerError", "Step", "Break", "Summary", "points", "next_tension",
    "loop_state", "Deck", "Card", "Beat", "Choice", "Move", "Fear", "Pattern", "LoopState", "Diagnostic",
    "play", "walk", "deck_stats",
}  # fmt: skip


def test_the_api_exports_what_a_front_end_needs():
    assert set(game.core.__all__) >= NEEDED
    for name in game.core.__all__:
        assert getattr(game.core, name) is not None, name
        assert not name.startswith("_")


def test_an_unknown_name_is_an_attribute_error():
    with contextlib.suppress(AttributeError):
        game.core.no_such_name  # noqa: B018
        raise AssertionError("no error")


def test_importing_the_package_loads_no_module_of_it():
    code = "import sys, game.core; print(sorted(m for m in sys.modules if m.startswith('game.core.')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_the_example_in_the_docs_runs():
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", text, re.S)
    assert example is not None
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example.group(1), "docs/api.md", "exec"), {})
    said = out.getvalue()
    card = load_library([SCENARIOS]).deck("first-steps").cards[0]
    opening = card.beats[card.start].says[loop_state(card.tension)]
    assert said.startswith(f"{card.partner}: {opening}")
    assert "attunement 100%" in said
    assert "LoopState.ESCALATED" in said or "escalated" in said


def _imports_of_private_core_names(path: Path, source: str | None = None) -> list[str]:
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8") if source is None else source)
    rel = path.relative_to(ROOT).parts
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:  # a relative import inside game/: resolve it
                base = list(rel[: len(rel) - node.level])
                module = ".".join([*base, *([module] if module else [])])
            if module == "game.core" or module.startswith("game.core."):
                private_module = any(part.startswith("_") for part in module.split(".")[2:])
                found += [f"{path}:{node.lineno}: {module}.{a.name}" for a in node.names if a.name.startswith("_")]
                if private_module:
                    found.append(f"{path}:{node.lineno}: {module}")
        elif isinstance(node, ast.Import):
            found += [
                f"{path}:{node.lineno}: {a.name}"
                for a in node.names
                if a.name.startswith("game.core.") and any(p.startswith("_") for p in a.name.split(".")[2:])
            ]
    return found


def test_nothing_outside_core_imports_a_private_name():
    files = [p for p in ROOT.glob("**/*.py") if ".venv" not in p.parts and "build" not in p.parts]
    outside = [p for p in files if p.relative_to(ROOT).parts[:2] != ("game", "core")]
    assert len(outside) > 20
    found = [hit for p in outside for hit in _imports_of_private_core_names(p)]
    assert found == []


def test_the_private_import_check_can_fail():
    source = (
        "from game.core.loader import _Builder, load_library\n"
        "from ..core.runner import _State\n"
        "from .core import scoring\n"
        "import game.core._secret\n"
    )
    found = _imports_of_private_core_names(ROOT / "game" / "ui" / "probe.py", source)
    assert [hit.split(": ")[1] for hit in found] == [
        "game.core.loader._Builder",
        "game.core.runner._State",
        "game.core._secret",
    ]
