"""The rules of Attune: cards, loading, validation, scoring and play.

Nothing in this package draws or imports pygame; everything here is
deterministic for a given seed, so it can be tested without a window.

The public engine API is the names below (docs/api.md):

    from game.core import load_library, Runner

    lib = load_library(["scenarios"])
    run = Runner(lib.deck("first-steps").cards[0], seed=1)

Each name is imported from its module on first use, so `import game.core`
stays light: a front end pays only for what it touches.
"""

from __future__ import annotations

import importlib

# name -> the module (in this package) it lives in
_EXPORTS: dict[str, str] = {
    # loading and checking decks
    "load_library": "library",
    "load_deck_text": "deckfile",
    "load_deck_file": "deckfile",
    "Library": "library",
    "check_library": "library_check",
    "Report": "library_check",
    "Diagnostic": "diagnostics",
    "Severity": "diagnostics",
    # the model
    "Deck": "model",
    "Card": "model",
    "Beat": "model",
    "Choice": "model",
    "Move": "kinds",
    "Fear": "kinds",
    "Pattern": "kinds",
    "LoopState": "kinds",
    "Pos": "model",
    "END": "kinds",
    "STATES": "kinds",
    # playing a card
    "Runner": "runner",
    "RunnerError": "steps",
    "Step": "steps",
    "Break": "steps",
    "Summary": "steps",
    "TieRule": "steps",
    "vote_winner": "steps",
    "RATING_MIN": "steps",
    "RATING_MAX": "steps",
    # the session layer: one card from start to record, for any mode
    "Session": "session",
    "Mode": "kinds",
    "Reaction": "session",
    "PauseNote": "session",
    "deck_order": "next_card",
    "suggested_card": "next_card",
    "FigureRow": "debrief",
    "Review": "debrief",
    "figure_rows": "debrief",
    "review": "debrief",
    "reaction_words": "debrief",
    "loop_words": "debrief",
    "PlayRecord": "progress",
    "Store": "progress",
    "SCHEMA": "schema",
    # scoring and the loop
    "points": "scoring",
    "next_tension": "scoring",
    "break_relief": "scoring",
    "loop_state": "scoring",
    "is_flooded": "scoring",
    "move_note": "scoring",
    "Figures": "scoring",
    "ATTUNEMENT_MEANING": "scoring",
    # a couple at one screen (together.py) and a room (workshop*.py, playlist.py)
    "Together": "together",
    "TogetherCard": "together",
    "Phase": "together",
    "couple_profile": "together",
    "deal": "together",
    "TogetherError": "together",
    "Workshop": "workshop",
    "Stage": "workshop",
    "WorkshopError": "workshop",
    "Playlist": "playlist",
    "load_playlist_file": "playlist",
    "Countdown": "timer",
    "together_question": "prompts",
    "discuss_question": "prompts",
    # playing without a window, and measuring decks
    "play": "autoplay",
    "walk": "autoplay",
    "PlayResult": "autoplay",
    "deck_stats": "stats",
    "Stats": "stats",
    "BOTS": "bots",
    "dead_lines": "reach",
    "risk_in": "safety",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain one
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
