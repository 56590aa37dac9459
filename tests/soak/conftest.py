"""Endurance and hostile-input tests: `pytest -m soak`.

Counts scale with ATTUNE_SOAK_SCALE: `ci` (the default) fits a few minutes on
two cores; `full` runs the counts the issue asks for, by hand.
"""

from __future__ import annotations

import os

import pytest

SCALES = ("ci", "full")


def scale() -> str:
    value = os.environ.get("ATTUNE_SOAK_SCALE", "ci").strip().lower() or "ci"
    if value not in SCALES:
        raise pytest.UsageError(f"ATTUNE_SOAK_SCALE={value!r}: use one of {', '.join(SCALES)}")
    return value


def count(ci: int, full: int) -> int:
    """How many: `ci` in CI and by default, `full` with ATTUNE_SOAK_SCALE=full."""
    return full if scale() == "full" else ci


def pytest_report_header(config: pytest.Config) -> str:
    return f"soak scale: {os.environ.get('ATTUNE_SOAK_SCALE', 'ci')}"
