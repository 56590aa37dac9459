"""The floor: a bare pygame-ce script that opens a window and draws one line of text.

No pygame game can start faster or in less memory than this. `run.py` starts
it as a process of its own, the same way it starts the game, and reads one
line from it: `READY <monotonic seconds> <peak RSS bytes>`, written once the
first frame is on the screen and the event queue has been read (the moment a
player could act). Then it exits.

With `--idle SECONDS` it then waits for events the way a pygame-ce program
that sleeps when nothing happens does (`pygame.event.wait`) and writes
`IDLE <CPU seconds> <wall seconds> <peak RSS bytes>`: the floor for a program
that waits in pygame-ce's own wait.
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
    if len(sys.argv) == 3 and sys.argv[1] == "--idle":
        time.sleep(0.5)
        cpu0, wall0 = time.process_time(), time.monotonic()
        while time.monotonic() - wall0 < float(sys.argv[2]):
            pygame.event.wait(5000)
        cpu1, wall1 = time.process_time(), time.monotonic()
        print(f"IDLE {cpu1 - cpu0:.6f} {wall1 - wall0:.6f} {peak_rss_bytes()}", flush=True)
    pygame.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
