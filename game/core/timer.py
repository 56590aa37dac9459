"""A countdown the screens feed with elapsed time: the workshop's discussion, a couple's break.

The core keeps no clock of its own, so a countdown is the same on every
machine and in every test: the screen calls `tick(seconds)` each frame.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass
class Countdown:
    seconds: float
    left: float = -1.0
    running: bool = False

    def __post_init__(self) -> None:
        if not math.isfinite(self.seconds) or self.seconds < 0:
            self.seconds = 0.0
        if not 0 <= self.left <= self.seconds:
            self.left = float(self.seconds)

    @property
    def done(self) -> bool:
        return self.left <= 0

    def toggle(self) -> None:
        """Start, or pause; a finished countdown starts again from the top."""
        if self.done:
            self.reset()
        self.running = not self.running

    def reset(self) -> None:
        self.left = float(self.seconds)
        self.running = False

    def tick(self, seconds: float) -> None:
        if self.running and math.isfinite(seconds) and seconds > 0:
            self.left = max(0.0, self.left - seconds)
            if self.left == 0:
                self.running = False

    def text(self) -> str:
        """Minutes and seconds left, as a clock shows them: 2:05."""
        whole = math.ceil(self.left)
        return f"{whole // 60}:{whole % 60:02d}"
