"""A worst-case deck for the fit check: every text exactly at its length limit, in the widest letters.

    write_deck(path)              # the deck file; `validate --strict` passes it
    write_deck(path, word=13)     # words of 13 letters: more wasted room at each line's end

Every text is made of words of capital W (the widest letter of the game's
font), each at most MAX_WORD_CHARS long, and is exactly as long as its
limit in deckrules.py allows. Texts of one kind differ by a letter M, so no
two choices say the same (AT403). The card has three beats in a row, six
choices each, so every play meets every kind of text.
"""

from __future__ import annotations

from pathlib import Path

from game.core import deckrules as R

DECK_ID = "fit"
CARD_ID = "worst"
FULL_ID = f"{DECK_ID}/{CARD_ID}"
BEATS = ("opening", "middle", "closing")
MOVES = ("reflect", "validate", "curious", "defend", "attack", "withdraw")


def wide(n: int, tag: int = 0, word: int | None = None) -> str:
    """A text of exactly `n` characters: words of W at most `word` long, told apart by `tag`."""
    word = min(word or R.MAX_WORD_CHARS, R.MAX_WORD_CHARS)
    out: list[str] = []
    left = n
    while left > 0:
        take = min(word, left)
        if left - take == 1:  # a last word of one letter would need a space and nothing after it
            take -= 2
        out.append("W" * take)
        left -= take + 1  # and the space after it
    text = " ".join(out)[:n]
    assert len(text) == n, (len(text), n)
    if tag:  # a different letter in a different place: M is nearly as wide as W
        chars = list(text)
        at = [i for i, ch in enumerate(chars) if ch == "W"][tag % len(text)]
        chars[at] = "M"
        text = "".join(chars)
    return text


def _q(text: str) -> str:
    return f'"{text}"'


def deck_text(word: int | None = None, deck_id: str = DECK_ID) -> str:
    """The YAML of the worst-case deck."""
    k = 0

    def t(n: int) -> str:
        nonlocal k
        k += 1
        return _q(wide(n, k, word))

    lines = [
        "format: 1",
        "deck:",
        f"  id: {deck_id}",
        f"  title: {t(R.MAX_TITLE_CHARS)}",
        f"  description: {t(R.MAX_NOTE_CHARS)}",
        "cards:",
        f"  - id: {CARD_ID}",
        f"    title: {t(R.MAX_TITLE_CHARS)}",
        f"    partner: {_q('W' * R.MAX_PARTNER_CHARS)}",
        "    fear: too-much",
        "    pattern: attack",
        f"    setting: {t(R.MAX_SETTING_CHARS)}",
        f"    teaching: {t(R.MAX_TEACHING_CHARS)}",
        f"    care: {t(R.MAX_NOTE_CHARS)}",
        f"    together: {t(R.MAX_NOTE_CHARS)}",
        f"    discuss: {t(R.MAX_NOTE_CHARS)}",
        "    beats:",
    ]
    for b, beat in enumerate(BEATS):
        after = BEATS[b + 1] if b + 1 < len(BEATS) else "end"
        lines += [
            f"      {beat}:",
            f"        says: {t(R.MAX_LINE_CHARS)}",
            f"        discuss: {t(R.MAX_NOTE_CHARS)}",
            "        choices:",
        ]
        for move in MOVES:
            lines += [
                f"          - say: {t(R.MAX_CHOICE_CHARS)}",
                f"            move: {move}",
                f"            reply: {t(R.MAX_LINE_CHARS)}",
                f"            why: {t(R.MAX_LINE_CHARS)}",
                f"            next: {after}",
            ]
            if move == "reflect":
                lines.append("            names_fear: true")
    lines.append("    endings:")
    for state in ("softened", "stuck", "escalated"):
        lines.append(f"      {state}: {t(R.MAX_NOTE_CHARS)}")
    return "\n".join(lines) + "\n"


def write_deck(path: str | Path, word: int | None = None, deck_id: str = DECK_ID) -> Path:
    p = Path(path)
    p.write_text(deck_text(word, deck_id), encoding="utf-8")
    return p
