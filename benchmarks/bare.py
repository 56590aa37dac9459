"""The floor: a bare pygame-ce script that opens a window and draws one line of text.

No pygame game can start faster or in less memory than this. `run.py` starts
it as a process of its own, the same way it starts the game, and reads one
line from it: `READY <monotonic seconds> <peak RSS bytes>`, written once the
first frame is on the screen and the event queue has been read (the moment a
player could act). Then it exits.
"""

import resource
import sys
import time

import pygame

SIZE = (1280, 720)  # the game's default window


def peak_rss_bytes() -> int:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024  # Linux reports KiB, macOS bytes


def main() -> int:
    pygame.display.init()
    pygame.font.init()
    screen = pygame.display.set_mode(SIZE)
    pygame.display.set_caption("bare")
    font = pygame.font.Font(None, 36)
    screen.fill((30, 26, 36))
    screen.blit(font.render("Hello from the bare pygame-ce floor", True, (240, 232, 220)), (40, 40))
    pygame.display.flip()
    pygame.event.get()
    print(f"READY {time.monotonic():.6f} {peak_rss_bytes()}", flush=True)
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
