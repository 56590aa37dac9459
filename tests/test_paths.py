"""Where the shipped files are found: inside an installed package, else the checkout's top-level folders."""

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

from game import paths

ROOT = Path(__file__).resolve().parent.parent


def test_a_checkout_reads_its_top_level_folders():
    assert paths.SCENARIOS == ROOT / "scenarios" and paths.FONTS == ROOT / "assets" / "fonts"
    assert (paths.FONTS / "Lato-Regular.ttf").is_file() and (paths.SOUNDS / "select.wav").is_file()


def test_an_installed_package_reads_its_own_data(tmp_path):
    pkg = tmp_path / "site" / "game"  # the layout a wheel installs: game/ with game/_data/ inside
    pkg.mkdir(parents=True)
    shutil.copy(ROOT / "game" / "__init__.py", pkg)
    shutil.copy(ROOT / "game" / "paths.py", pkg)
    for sub in ("scenarios", "assets/fonts", "assets/sounds"):
        (pkg / "_data" / sub).mkdir(parents=True)
    code = (
        "from importlib import resources; from game import paths; "
        "assert paths.SCENARIOS == resources.files('game') / '_data' / 'scenarios'; "
        "print(paths.SCENARIOS); print(paths.FONTS); print(paths.SOUNDS)"
    )
    env = dict(os.environ, PYTHONPATH=str(tmp_path / "site"))
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    data = (pkg / "_data").resolve()
    assert out.stdout.split() == [str(data / "scenarios"), str(data / "assets/fonts"), str(data / "assets/sounds")]


def test_the_wheel_maps_the_folders_paths_reads():
    tree = ast.parse((ROOT / "setup.py").read_text())
    data = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "DATA")
    mapping = ast.literal_eval(data.value)
    assert mapping == {"game._data.scenarios": "scenarios", "game._data.assets": "assets"}
    assert all((ROOT / folder).is_dir() for folder in mapping.values())
