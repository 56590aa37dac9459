"""Text from any file is made safe for the screen and the terminal; the quick look for plain text changes nothing."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from game.core import safetext
from game.core.safetext import one_line, screen_text


@given(st.text(alphabet=st.characters(codec=None)))
def test_the_quick_look_never_passes_an_unsafe_character(text):
    if safetext._plain(text):
        assert safetext._unsafe().search(text) is None


def test_no_unsafe_character_is_printable():
    """Every character the pattern names, one by one: the quick look refuses each."""
    for code in range(0x110000):
        ch = chr(code)
        if safetext._unsafe().match(ch):
            assert not ch.isprintable(), hex(code)


@given(st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x7F)))
def test_on_ascii_the_quick_look_and_the_full_pattern_agree(text):
    assert safetext._plain(text) == (safetext._unsafe().search(text) is None)


def test_what_the_screen_and_the_terminal_get():
    assert one_line("plain words") == "plain words"
    assert one_line("two\nlines\x1b[2J") == "two\\nlines\\x1b[2J"
    assert one_line("\u202eevil") == "\\u202eevil"
    assert screen_text("tab\there\r\nnext\ud800") == "tab here\nnext\ufffd"
    assert screen_text("zero\u200bwidth") == "zerowidth"
