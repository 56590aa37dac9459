"""Temporary files left by a save that was killed mid-write are swept at start."""

import os
import time
from pathlib import Path

from game.core.progress import LEFTOVER_SECONDS, Store


def test_old_leftovers_are_swept_and_fresh_ones_kept(tmp_path: Path):
    old = tmp_path / ".progress.json.abc123.tmp"
    fresh = tmp_path / ".progress.json.def456.tmp"
    other = tmp_path / "notes.tmp"
    for f in (old, fresh, other):
        f.write_text("{half")
    past = time.time() - LEFTOVER_SECONDS - 60
    os.utime(old, (past, past))
    os.utime(other, (past, past))
    store = Store(tmp_path)
    assert not old.exists()
    assert fresh.exists() and other.exists()
    assert store.messages == []
