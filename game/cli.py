"""The command line: play (default), validate, autoplay, stats, shots."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from . import __version__
from .paths import SCENARIOS

if TYPE_CHECKING:
    import argparse

    from .core.diagnostics import Diagnostic
    from .core.playlist import Playlist

MAX_SIZE = (7680, 4320)  # shots: what a real display can be


def _parser() -> argparse.ArgumentParser:
    import argparse  # not for a plain start: `attune` alone goes straight to the game

    p = argparse.ArgumentParser(
        prog="attune",
        description="Attune: practise hearing the fear beneath the words.",
    )
    p.add_argument("--version", action="version", version=f"attune {__version__}")
    p.add_argument(
        "--deck",
        action="append",
        default=[],
        metavar="PATH",
        help="add the decks at PATH (a file or folder) to the library; may be repeated",
    )
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("play", help="open the game (the default)")

    v = sub.add_parser("validate", help="check decks and name every problem with file, line and column")
    v.add_argument("paths", nargs="*", metavar="PATH", help="deck files or folders (default: the shipped decks)")
    v.add_argument("--strict", action="store_true", help="warnings fail too")

    a = sub.add_parser("autoplay", help="play every card with no window, with a seeded policy")
    a.add_argument("paths", nargs="*", metavar="PATH", help="deck files or folders (default: the shipped decks)")
    a.add_argument("--policy", choices=("best", "worst", "random"), default="random")
    a.add_argument("--runs", type=_positive, default=1, help="plays per card (default 1)")
    a.add_argument("--seed", type=int, default=0, help="same seed, same result (default 0)")
    a.add_argument("--json", action="store_true", help="print one JSON object per play")

    st = sub.add_parser("stats", help="measure whether the decks demand listening, against the goals")
    st.add_argument("paths", nargs="*", metavar="PATH", help="deck files or folders (default: the shipped decks)")
    st.add_argument("--json", action="store_true", help="print one JSON object")

    s = sub.add_parser("shots", help="render a scripted tour of every screen to PNG files")
    s.add_argument("outdir", metavar="OUTDIR")
    s.add_argument("--size", type=_size, default=(1280, 720), metavar="WxH", help="window size (default 1280x720)")
    s.add_argument(
        "--text-size",
        type=int,
        choices=range(4),
        default=1,
        metavar="{0,1,2,3}",
        help="text size: 0 Small, 1 Medium (the default), 2 Large, 3 Huge",
    )
    s.add_argument("--high-contrast", action="store_true", help="the high-contrast palette")
    s.add_argument(
        "--card", default=None, metavar="DECK/CARD", help="the card the tour plays (default everyday/dishes)"
    )
    s.add_argument(
        "--json", action="store_true", help="print one JSON object: each screen's file, smallest text, overflows"
    )

    sub.add_parser("together", help="open the game at Play together, for a couple at one screen")

    ws = sub.add_parser("workshop", help="run a workshop: projector, clicker, the room's votes")
    ws.add_argument("--playlist", metavar="FILE", help="a playlist file (see docs/card-format.md)")
    ws.add_argument("--resume", action="store_true", help="go on with the workshop saved in the data folder")
    ws.add_argument("--windowed", action="store_true", help="a window instead of fullscreen")
    ws.add_argument("--presenter", action="store_true", help="a second window with the facilitator's notes")
    return p


def _positive(text: str) -> int:
    n = int(text)
    if n < 1:
        raise _usage_error("must be 1 or more")
    return n


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise _usage_error(f"{text!r} is not a size like 1280x720") from None
    if w < 640 or h < 480:
        raise _usage_error("the smallest size is 640x480")
    if w > MAX_SIZE[0] or h > MAX_SIZE[1]:
        raise _usage_error(f"the largest size is {MAX_SIZE[0]}x{MAX_SIZE[1]} (an 8K display)")
    return w, h


def _usage_error(message: str) -> Exception:
    import argparse

    return argparse.ArgumentTypeError(message)


def main(argv: Sequence[str] | None = None) -> int:
    """Run a command; Ctrl-C and SIGTERM stop it at once with 130 and 143, without a traceback."""
    restore = _stop_on_sigterm()
    try:
        return _main(argv)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except _Terminated:
        print("stopped", file=sys.stderr)
        return 143
    finally:
        restore()


class _Terminated(BaseException):
    """Raised in the main thread when the process is asked to terminate (SIGTERM)."""


def _stop_on_sigterm():
    """Turn SIGTERM into _Terminated in the main thread; returns what puts the old handler back."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGTERM"):
        return lambda: None

    def stop(signum, frame):  # noqa: ARG001 - the signal module's signature
        raise _Terminated

    old = signal.signal(signal.SIGTERM, stop)
    return lambda: signal.signal(signal.SIGTERM, old)


def _main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    if words in ([], ["play"]):  # the game itself, as a player starts it: nothing to parse
        from .ui.launch import run

        return run()
    args = _parser().parse_args(argv)
    command = args.command or "play"
    if command == "validate":
        return validate(args.paths + args.deck or [str(SCENARIOS)], strict=args.strict)
    if command == "autoplay":
        return autoplay(args.paths + args.deck or [str(SCENARIOS)], args.policy, args.runs, args.seed, args.json)
    if command == "stats":
        return stats(args.paths + args.deck or [str(SCENARIOS)], args.json)
    if command == "shots":
        from .ui.shots import TOUR_CARD, run_tour

        report: dict | None = {} if args.json else None
        code = run_tour(
            args.outdir,
            args.size,
            extra_decks=args.deck,
            text_size=args.text_size,
            high_contrast=args.high_contrast,
            quiet=args.json,
            report=report,
            card_id=args.card or TOUR_CARD,
        )
        if report is not None:
            print(json.dumps({"screens": report}))
        return code
    if command == "workshop":
        return workshop(args)
    if command == "together":
        from .ui.launch import run

        return run(extra_decks=args.deck, start="together")
    from .ui.launch import run

    return run(extra_decks=args.deck)


def validate(paths: list[str], strict: bool = False) -> int:
    from .core.library_check import check_library

    decks_at, playlists = split_playlists(paths)
    report = check_library(decks_at) if decks_at or not playlists else None  # a large library on every core
    found = list(report.diagnostics) if report is not None else []
    checked = check_playlists(playlists, decks_at)
    diagnostics = found + [d for _, ds in checked for d in ds]
    for d in diagnostics:
        print(d)
    errors = sum(1 for d in diagnostics if d.is_error)
    warnings = len(diagnostics) - errors
    verdict = "ok" if not errors and not (strict and warnings) else "failed"
    parts = []
    if report is not None:
        nfiles = report.files + len(playlists)
        parts.append(f"{_count(nfiles, 'file')}, {_count(report.decks, 'deck')}, {_count(report.cards, 'card')}")
    if playlists:  # a playlist is checked for the cards it names, not for decks of its own
        named = sum(len(p.cards) for p, _ in checked if p is not None)
        parts.append(f"{_count(len(playlists), 'playlist')} of {_count(named, 'card')}")
    print(f"{verdict}: {', '.join(parts)}; {_count(errors, 'error')}, {_count(warnings, 'warning')}")
    return 0 if verdict == "ok" else 1


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'s' * (n != 1)}"


def workshop(args: argparse.Namespace) -> int:
    """Check the playlist first (as `validate` would), then open the room's view."""
    playlist = None
    if args.playlist:
        from .core.library import load_library
        from .core.playlist import load_playlist_file

        library = load_library([str(SCENARIOS), *args.deck])
        playlist, diagnostics = load_playlist_file(args.playlist, library)
        for d in diagnostics:
            print(d, file=sys.stderr)
        if playlist is None:
            return 1
    from .ui.launch import run

    return run(
        extra_decks=args.deck,
        start="workshop",
        options={
            "playlist": playlist,
            "resume": args.resume,
            "presenter": args.presenter,
            "fullscreen": not args.windowed,
        },
    )


def split_playlists(paths: list[str]) -> tuple[list[str], list[str]]:
    """The paths to check as decks, and the workshop playlist files among them (found by their content)."""
    from .core.library import deck_entries
    from .core.playlist import is_playlist_text
    from .core.reader import MAX_DECK_BYTES, Refused, read_bytes

    playlists = []
    for e in deck_entries(paths):
        if e.refused is None:
            raw = read_bytes(e.path, MAX_DECK_BYTES)
            if not isinstance(raw, Refused) and is_playlist_text(raw[:4096].decode("utf-8", "replace")):
                playlists.append(e.path)
    if not playlists:
        return paths, []
    rest = [e.path for e in deck_entries(paths) if e.path not in playlists]
    return rest, playlists


def check_playlists(playlists: list[str], deck_paths: list[str]) -> list[tuple[Playlist | None, list[Diagnostic]]]:
    """Each playlist, loaded (or None), with its diagnostics; checked against the decks given and the shipped ones."""
    if not playlists:
        return []
    from .core.library import load_library
    from .core.playlist import load_playlist_file

    library = load_library([str(SCENARIOS), *deck_paths])
    return [load_playlist_file(path, library) for path in playlists]


def autoplay(paths: list[str], policy: str, runs: int, seed: int, as_json: bool) -> int:
    from .core.autoplay import play
    from .core.library import load_library

    lib = load_library(paths)
    for d in lib.errors:
        print(d, file=sys.stderr)
    failed = 0
    plays = 0
    for card in lib.cards():
        for r in range(runs):
            result = play(card, policy, seed + r)
            plays += 1
            failed += not result.ended
            if as_json:
                print(json.dumps(result.to_json()))
            else:
                ending = result.ending_state.value if result.ending_state else f"FAILED: {result.error}"
                print(
                    f"{result.card_id:32} {policy:6} seed {result.seed:<5} {ending:10} "
                    f"{result.attunement:5.1f}%  {' '.join(result.moves)}"
                )
    if not as_json:
        print(
            f"{plays} play{'s' * (plays != 1)}, {failed} failed"
            + (f"; {len(lib.errors)} deck errors" if lib.errors else "")
        )
    return 1 if failed or lib.errors else 0


def stats(paths: list[str], as_json: bool) -> int:
    """Exit 0 when every deck meets every goal of the loop, 1 when one misses (or a deck is broken)."""
    from .core.library import load_library
    from .core.stats import deck_stats
    from .core.stats_text import render

    lib = load_library(paths)
    for d in lib.errors:
        print(d, file=sys.stderr)
    figures = deck_stats(lib.decks)
    if as_json:
        print(json.dumps(figures.to_json()))
    else:
        print(render(figures))
    return 0 if figures.ok and not lib.errors else 1
