"""Write the game's gentle sound cues to assets/sounds as small WAV files.

Run `python tools/make_sounds.py` after changing a cue; the WAVs are committed.
Pure Python (math and wave), so no extra package is needed. Every cue is a
soft sine tone or two with slow attack and long decay: nothing sharp, nothing
loud, for someone practising at night.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "assets" / "sounds"

# name: list of (start seconds, frequency Hz, length seconds, loudness 0..1)
CUES: dict[str, list[tuple[float, float, float, float]]] = {
    "select": [(0.0, 660.0, 0.09, 0.22)],
    "soften": [(0.0, 523.25, 0.5, 0.28), (0.12, 659.25, 0.6, 0.24), (0.24, 783.99, 0.8, 0.2)],
    "escalate": [(0.0, 246.94, 0.6, 0.3), (0.16, 220.0, 0.7, 0.26)],
    "steady": [(0.0, 440.0, 0.45, 0.22)],
    "pause": [(0.0, 396.0, 2.2, 0.3), (0.0, 792.0, 1.6, 0.08)],
    "end": [(0.0, 392.0, 1.0, 0.22), (0.18, 493.88, 1.0, 0.2), (0.36, 587.33, 1.4, 0.2)],
    "notice": [(0.0, 587.33, 0.25, 0.18), (0.1, 587.33, 0.3, 0.12)],
}


def render(notes: list[tuple[float, float, float, float]]) -> list[float]:
    total = max(start + length for start, _, length, _ in notes) + 0.05
    samples = [0.0] * int(total * RATE)
    for start, freq, length, loud in notes:
        first = int(start * RATE)
        n = int(length * RATE)
        attack = max(1, int(0.012 * RATE))
        for i in range(n):
            t = i / RATE
            env = min(1.0, i / attack) * math.exp(-4.0 * t / length)
            tone = math.sin(2 * math.pi * freq * t) + 0.18 * math.sin(4 * math.pi * freq * t)
            samples[first + i] += loud * env * tone
    return samples


def write(name: str, samples: list[float]) -> Path:
    path = OUT / f"{name}.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples))
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, notes in CUES.items():
        print(write(name, render(notes)))


if __name__ == "__main__":
    main()
