"""Checks on one YAML node (its kind, its text, its keys), each problem reported at its place.

The builder (builder.py) walks a deck with these; they know nothing of
cards or beats, only of the format's words in deckrules.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .deckrules import (
    ID_RE,
    KIND_WORDS,
    MAX_WORD_CHARS,
    MERGE,
    NULL,
    PLAIN_TAGS,
    TEXT_TAGS,
    allowed,
    close_match,
    longest_word,
    name,
    short,
)
from .diagnostics import Diagnostic, error, warning
from .model import Pos
from .yamlnodes import Places, char_name

if TYPE_CHECKING:
    from yaml.nodes import Node, ScalarNode

# What an escape in double quotes (`"\\e"`, `"\\x00"`, `"\\ud800"`) can put in a text that no screen shows.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff]")
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")
MAX_KEPT = 1000  # diagnostics kept for one file; the rest are only counted


# str.split's whitespace among the ASCII characters -> a space; every other byte -> "x".
_RUNS = bytes.maketrans(bytes(range(256)), bytes(32 if chr(i).isspace() and i < 128 else 120 for i in range(256)))
_LONG_RUN = b"x" * (MAX_WORD_CHARS + 1)


def might_have_long_words(text: str, raw: bytes | None = None) -> bool:
    """Whether any value in `text` could hold a word longer than MAX_WORD_CHARS (one quick look at the file).

    The look is at the text's UTF-8 bytes (`raw`, when the caller has them, a byte-order mark first or
    not): there a word runs on to the next ASCII space, line break or tab, and each of its characters is
    one byte or more, so a word too long is always a run of bytes too long. A backslash at the end of
    a line in quotes joins two lines with no space, so such a text is always looked at closely.
    """
    data = raw if raw is not None else text.encode("utf-8", "surrogatepass")
    if _LONG_RUN in data.translate(_RUNS):
        return True
    return "\\" in text and ("\\\n" in text or "\\\r" in text)


_MEMBERS: dict[type, dict[str, object]] = {}


def _members(enum: type) -> dict[str, object]:
    """An enum's members by value: what `enum(value)` finds, without its machinery."""
    got = _MEMBERS.get(enum)
    if got is None:
        got = _MEMBERS[enum] = {m.value: m for m in enum}  # type: ignore[attr-defined]
    return got


class Reject(Exception):
    """Raised inside the builder when a node cannot be used at all."""


def is_map(node: Node) -> bool:
    return node.id == "mapping"


def is_seq(node: Node) -> bool:
    return node.id == "sequence"


def is_scalar(node: Node) -> bool:
    return node.id == "scalar"


@dataclass
class NodeChecks:
    path: str
    places: Places
    diags: list[Diagnostic] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    errors: int = 0
    more: int = 0  # diagnostics found past MAX_KEPT, counted only
    more_errors: bool = False
    aliases: bool = True  # False when the text has no `*`, so no node can be an alias
    long_words: bool = True  # False when no word in the whole text is too long (see might_have_long_words)
    escapes: bool = True  # False when the text has no backslash, so no text can hold an escaped control

    # -- places and reporting ---------------------------------------------
    def pos(self, node: Node) -> Pos:
        m = node.start_mark
        if self.places.exact:
            return Pos(self.path, m.line + 1, m.column + 1)
        line, col = self.places.of_index(m.index)
        return Pos(self.path, line, col)

    def _add(self, make, node: Node, code: str, message: str) -> None:
        if len(self.diags) >= MAX_KEPT:
            self.more += 1
            self.more_errors = self.more_errors or make is error
            return
        p = self.pos(node)
        self.diags.append(make(self.path, p.line, p.col, code, message))

    def err(self, node: Node, code: str, message: str) -> None:
        self.errors += 1
        self._add(error, node, code, message)

    def warn(self, node: Node, code: str, message: str) -> None:
        self._add(warning, node, code, message)

    # -- node checks -----------------------------------------------------
    def check_tag(self, node: Node) -> None:
        """AT215/AT105 for a tag a deck may not use, AT214 for a node met twice (an alias); both reject the node.

        The hot paths call it only when the text has aliases or the tag is not plain: else it has nothing to do.
        """
        if node.tag not in PLAIN_TAGS:
            if node.tag == MERGE:
                self.err(node, "AT215", "merge keys (`<<`) are not allowed: write the keys out in full")
            else:  # only reached with a parser that resolves more than the safe loaders do
                self.err(node, "AT105", f"the tag `{name(node.tag)}` is not allowed: decks are plain YAML")
            raise Reject
        if self.aliases:
            if id(node) in self.seen:
                self.err(node, "AT214", "this reuses a part written elsewhere (an alias): write it out in full")
                raise Reject
            self.seen.add(id(node))

    def mapping(self, node: Node, what: str, keys: dict[str, bool]) -> dict[str, tuple[ScalarNode, Node]]:
        """Check a mapping's keys; return key -> (key node, value node)."""
        if self.aliases or node.tag not in PLAIN_TAGS:
            self.check_tag(node)
        if node.id != "mapping":
            self.err(node, "AT204", f"{what} should be a set of `key: value` lines, not {self.kind(node)}")
            raise Reject
        out: dict[str, tuple[ScalarNode, Node]] = {}
        aliases = self.aliases
        for pair in node.value:
            k = pair[0]
            if aliases or k.tag not in PLAIN_TAGS:
                try:
                    self.check_tag(k)
                except Reject:
                    continue  # reported; the other keys can still be checked
            if k.id != "scalar":
                self.err(k, "AT204", f"a key in {what} should be a plain word")
                raise Reject
            key = k.value
            if key in out:
                first = self.pos(out[key][0]).line
                self.err(k, "AT201", f"`{name(key)}` appears twice in {what} (first on line {first}): keep one")
                continue
            if key not in keys:
                hint = close_match(key, keys)
                extra = f"; did you mean `{hint}`?" if hint else f"; allowed keys: {allowed(keys)}"
                self.err(k, "AT202", f"unknown key `{name(key)}` in {what}{extra}")
                continue
            out[key] = pair
        if len(out) < len(keys):
            for key, required in keys.items():
                if required and key not in out:
                    self.err(node, "AT203", f"{what} is missing `{key}`")
        return out

    def kind(self, node: Node) -> str:
        if is_map(node):
            return "a set of `key: value` lines"
        if is_seq(node):
            return "a list"
        return KIND_WORDS.get(node.tag, "text")

    def text(self, node: Node, what: str) -> str | None:
        if self.aliases or node.tag not in PLAIN_TAGS:
            self.check_tag(node)
        if node.id != "scalar" or node.tag not in TEXT_TAGS:
            if is_scalar(node) and node.tag == NULL and node.value in ("", "~", "null", "Null", "NULL"):
                self.err(node, "AT209", f"{what} is empty: write the text")
                return None
            extra = "; put it in quotes if it is meant as text" if is_scalar(node) else ""
            self.err(node, "AT204", f"{what} should be text, but `{short(node)}` reads as {self.kind(node)}{extra}")
            return None
        value = node.value.strip()
        if not value:
            self.err(node, "AT209", f"{what} is empty: write the text")
            return None
        if self.escapes:
            bad = _CONTROL.search(value)
            if bad is not None:
                self.err(
                    node,
                    "AT216",
                    f"{what} holds {char_name(bad.group())}, a control character that cannot be shown: remove it",
                )
                return None
        return value

    def ident(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not ID_RE.match(value):
            self.err(
                node, "AT207", f"{what} `{name(value)}` should use only a-z, 0-9 and single hyphens, like `late-night`"
            )
            return None
        return value

    def vocab(self, node: Node, what: str, enum: type) -> object | None:
        value = self.text(node, what)
        if value is None:
            return None
        found = _members(enum).get(value)
        if found is not None:
            return found
        words = [m.value for m in enum]  # type: ignore[attr-defined]
        hint = close_match(value, words)
        extra = f" (did you mean `{hint}`?)" if hint else ""
        self.err(node, "AT205", f"{what} `{name(value)}` is not one of: {allowed(words)}{extra}")
        return None

    def long(self, node: Node, value: str | None, limit: int, what: str) -> None:
        """AT402 when `value` is longer than `limit`; AT406 when a word in it cannot be wrapped."""
        if value is None or len(value) <= MAX_WORD_CHARS:
            return
        if len(value) > limit:
            self.warn(node, "AT402", f"{what} is {len(value)} characters; at most {limit} fit the screen")
        if self.long_words and _LONG_WORD.search(value) is not None:
            word = longest_word(value)
            self.warn(
                node,
                "AT406",
                f"{what} has a word of {len(word)} characters (`{name(word, 24)}`); at most {MAX_WORD_CHARS} "
                "fit on one line: break it with a space",
            )
