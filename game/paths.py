"""Where the game finds its shipped files and keeps the player's data.

The decks, fonts and sounds are the repository's top-level folders scenarios/
and assets/; a wheel carries them inside the package as game/_data/ (see
setup.py). An installed game reads them there, as package data; a checkout,
or an editable install of one, reads the top-level folders. The package's
folder is the one `importlib.resources.files("game")` names for an installed
(unpacked) package, found from this file's own place: asking
importlib.resources itself loads its zip readers, 5 ms at every start.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the checkout, when the game runs from one


def shipped(name: str) -> Path:
    """A folder that ships with the game: inside the installed package, else the checkout's own."""
    installed = Path(__file__).resolve().parent / "_data" / name  # = importlib.resources.files("game") / "_data"
    return installed if installed.is_dir() else ROOT / name


SCENARIOS = shipped("scenarios")
ASSETS = shipped("assets")
FONTS = ASSETS / "fonts"
SOUNDS = ASSETS / "sounds"


def data_home() -> Path:
    """The user's data folder; the environment variable ATTUNE_HOME overrides it."""
    override = os.environ.get("ATTUNE_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("attune", appauthor=False))
