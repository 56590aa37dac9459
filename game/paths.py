"""Where the game finds its shipped files and keeps the player's data."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ROOT / "scenarios"
ASSETS = ROOT / "assets"
FONTS = ASSETS / "fonts"
SOUNDS = ASSETS / "sounds"


def data_home() -> Path:
    """The user's data folder; the environment variable ATTUNE_HOME overrides it."""
    override = os.environ.get("ATTUNE_HOME")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("attune", appauthor=False))
