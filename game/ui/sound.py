"""Gentle sound cues with a volume; no sound device means silence, never a crash.

    sound = Sound(volume=0.6)
    sound.play("soften")    # cues: select, soften, escalate, steady, pause, end, notice

The cues are small WAVs in assets/sounds, written by tools/make_sounds.py.
"""

from __future__ import annotations

import pygame

from game.paths import SOUNDS

CUES = ("select", "soften", "escalate", "steady", "pause", "end", "notice")


class Sound:
    """Opens the audio device and reads the cues on `load()` (the app calls it after the first
    frame is on the screen, so the window never waits for audio) or on the first `play`."""

    def __init__(self, volume: float = 0.6) -> None:
        self.volume = max(0.0, min(1.0, volume))
        self._cues: dict[str, pygame.mixer.Sound] = {}
        self.available = False
        self.loaded = False
        self.played: list[str] = []  # the cues asked for, newest last (tests read it)

    def load(self) -> None:
        if self.loaded:
            return
        self.loaded = True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=22050, size=-16, channels=1, buffer=512)
            for name in CUES:
                path = SOUNDS / f"{name}.wav"
                if path.exists():
                    self._cues[name] = pygame.mixer.Sound(str(path))
            self.available = True
        except (pygame.error, OSError):
            self._cues = {}

    def set_volume(self, volume: float) -> None:
        self.volume = max(0.0, min(1.0, volume))

    def play(self, name: str) -> None:
        self.played.append(name)
        del self.played[:-20]
        self.load()
        cue = self._cues.get(name)
        if cue is None or self.volume <= 0:
            return
        try:
            cue.set_volume(self.volume)
            cue.play()
        except pygame.error:
            pass
