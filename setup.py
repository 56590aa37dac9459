"""The wheel's layout. Everything else about the package is in pyproject.toml.

The decks (scenarios/) and the fonts and sounds (assets/) stay top-level folders of the
repository and install inside the package as game/_data/scenarios and game/_data/assets,
where game/paths.py finds them with importlib.resources. Each folder becomes a data package
of its own, so every file in it (and in any folder below it) ships.
"""

from pathlib import Path

from setuptools import find_packages, setup

DATA = {"game._data.scenarios": "scenarios", "game._data.assets": "assets"}


def data_packages() -> dict[str, str]:
    """Every folder under each data folder, as a package name and its folder."""
    found = {}
    for package, folder in DATA.items():
        for sub in [Path(folder), *sorted(p for p in Path(folder).rglob("*") if p.is_dir())]:
            if "__pycache__" not in sub.parts:
                found[".".join([package, *sub.relative_to(folder).parts])] = sub.as_posix()
    return found


setup(
    packages=[*find_packages(include=["game", "game.*"]), *data_packages()],
    package_dir=DATA,
    package_data={package: ["*"] for package in data_packages()},
)
