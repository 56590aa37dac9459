"""YAML text -> a tree of nodes, with every place given as an editor shows it.

The text is composed into a node tree by PyYAML's C parser where present
(the pure-Python one otherwise); nothing is ever constructed from it. Before
that, what the deck format refuses is found and named as the author wrote
it: tags (`!!str`, `!<tag:...>`, `!`), directives (`%YAML`, `%TAG`), anchors
(`&base`) and aliases (`*base`), each at its own place. Nesting deeper than
a deck can use is refused before the composer can recurse into it.

Places are characters, not bytes, and lines are counted as an editor counts
them: YAML also breaks lines at U+0085, U+2028 and U+2029, which editors show
inside a line, so when the text holds one the parser's line numbers are not
used and the place is worked out from the character offset.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .safetext import one_line

if TYPE_CHECKING:
    from yaml.nodes import Node

# PyYAML is imported on first use, not with this module: a game whose decks
# all come from the deck cache starts without it.

MAX_DEPTH = 100  # nesting levels (a deck uses about 8); the C parser stops at 1000 by itself
_EDITOR_BREAKS = re.compile(r"\r\n|\r|\n")
# What YAML allows in a file (its "printable" set); anything else stops the parser.
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Where a tag, anchor, alias or directive could start: after a space, a line break or
# a YAML indicator. A deck with none of these has none of them and needs no token scan
# (prose like "Stop!" or "you & me" in a sentence does not count).
_BEFORE_TOKEN = frozenset(" \t\r\n\x85\u2028\u2029\ufeff[]{},:?\"'-")
_BEFORE_DIRECTIVE = frozenset("\r\n\x85\u2028\u2029\ufeff")
_MAX_LOOKS = 10_000  # past this many marks in prose, scan the tokens rather than look further


def _maybe_refused(text: str) -> bool:
    if text[:1] in ("!", "&", "*", "%"):
        return True
    looks = 0
    for ch, before in (("!", _BEFORE_TOKEN), ("&", _BEFORE_TOKEN), ("*", _BEFORE_TOKEN), ("%", _BEFORE_DIRECTIVE)):
        i = text.find(ch)
        while i != -1:
            looks += 1
            if text[i - 1] in before or looks > _MAX_LOOKS:
                return True
            i = text.find(ch, i + 1)
    return False


def _default_loader() -> type:
    """The C loader where present (same results, several times faster), else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def __getattr__(name: str) -> Any:
    if name == "_Loader":  # the parser class, chosen on first use; tests swap it
        loader = globals()["_Loader"] = _default_loader()
        return loader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def chosen_loader() -> type:
    """The parser class in use now (what `_Loader` names)."""
    return globals().get("_Loader") or __getattr__("_Loader")


def _quick_resolver(base: type) -> type:
    """A loader like `base` whose tag resolution gives the same tags for less work.

    PyYAML's composer asks `resolve` for the tag of every node. The stock
    method rebuilds a resolver list and runs the path-resolver machinery on
    each call; this one keeps the same implicit-resolver table (so a plain
    `yes`, `12` or `~` still reads as a yes/no value, number or nothing) and
    remembers the answer for short plain scalars, which repeat (keys, moves).
    The pure-Python composer also counts how deep it is, and stops at MAX_DEPTH.
    """
    from yaml.composer import ComposerError
    from yaml.nodes import ScalarNode, SequenceNode

    table = base.yaml_implicit_resolvers
    if base.yaml_path_resolvers:  # pragma: no cover - the safe loaders have none
        return base
    wildcard = tuple(table.get(None, ()))
    by_first = {ch: tuple(rs) + wildcard for ch, rs in table.items() if ch is not None}
    scalar, seq, mapping = base.DEFAULT_SCALAR_TAG, base.DEFAULT_SEQUENCE_TAG, base.DEFAULT_MAPPING_TAG
    memo: dict[str, str] = {}

    def resolve(self, kind, value, implicit):  # noqa: ARG001 - PyYAML's signature
        if kind is ScalarNode:
            if not implicit[0]:
                return scalar
            resolvers = by_first.get(value[:1], wildcard)
            if not resolvers:  # no implicit type starts with this character: text (most prose)
                return scalar
            tag = memo.get(value)
            if tag is not None:
                return tag
            tag = scalar
            for t, regexp in resolvers:
                if regexp.match(value):
                    tag = t
                    break
            if len(value) <= 40 and len(memo) < 4096:
                memo[value] = tag
            return tag
        return seq if kind is SequenceNode else mapping

    def no_path(self, *args):  # noqa: ARG001 - no path resolvers: nothing to track
        return None

    members: dict[str, Any] = {"resolve": resolve, "descend_resolver": no_path, "ascend_resolver": no_path}
    if hasattr(base, "compose_node"):  # the pure-Python composer recurses once a level

        def compose_node(self, parent, index):
            depth = self.__dict__.get("_depth", 0) + 1
            if depth > MAX_DEPTH:
                raise ComposerError(None, None, TOO_DEEP, self.peek_event().start_mark)
            self._depth = depth
            try:
                return base.compose_node(self, parent, index)
            finally:
                self._depth = depth - 1

        members["compose_node"] = compose_node
    return type(f"Quick{base.__name__}", (base,), members)


TOO_DEEP = f"this is nested more than {MAX_DEPTH} levels deep, far more than a deck needs"

_quick_loaders: dict[type, type] = {}


def loader() -> type:
    """The quick-resolving subclass of whichever loader `_Loader` names now (tests swap it)."""
    base = chosen_loader()
    quick = _quick_loaders.get(base)
    if quick is None:
        quick = _quick_loaders[base] = _quick_resolver(base)
    return quick


@dataclass
class Places:
    """Line and column (1-based, in characters) of a parser's mark, as an editor counts them."""

    text: str
    exact: bool = True  # the parser's own line numbers are right (no U+0085/2028/2029 in the text)
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        t = self.text
        self.exact = t.isascii() or not ("\x85" in t or "\u2028" in t or "\u2029" in t)
        if not self.exact:
            self.starts = [0] + [m.end() for m in _EDITOR_BREAKS.finditer(self.text)]

    def of_mark(self, mark: Any) -> tuple[int, int]:
        if self.exact:
            return mark.line + 1, mark.column + 1
        return self.of_index(mark.index)

    def of_index(self, index: int) -> tuple[int, int]:
        if not self.starts:
            self.starts = [0] + [m.end() for m in _EDITOR_BREAKS.finditer(self.text)]
        index = max(0, min(index, len(self.text)))
        line = bisect.bisect_right(self.starts, index)
        return line, index - self.starts[line - 1] + 1


MAX_KEPT = 1000  # problems kept from one scan; the rest are only counted


class Problems(list):
    """Problems found, with a count of those not kept (`more`)."""

    more: int = 0


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in the text that stops it being a deck, at a place, with a diagnostic code."""

    line: int
    col: int
    code: str
    message: str


def char_name(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return f"U+{ord(ch):04X}" + (f" ({name.lower()})" if name else "")


def compose(text: str, places: Places) -> list[Node] | Problems:
    """The documents in `text` as node trees, or the problems that stop it being read.

    A list of nodes when it composed (None documents dropped); a list of
    Problems otherwise (what the format refuses, or where the YAML is broken).
    """
    import yaml

    quick = loader()
    if _maybe_refused(text):
        refused = _refused(text, places, quick)
        if refused:
            return refused
    try:
        docs = list(yaml.compose_all(text, Loader=quick))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = places.of_mark(mark) if mark is not None else (1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x) or "this is not valid YAML"
        if "maximum nesting depth" in what:
            what = TOO_DEEP
        return Problems([Problem(line, col, "AT104", f"not valid YAML: {one_line(what, 200)}")])
    except yaml.YAMLError as e:  # a reader error, with a place in bytes or characters: find the character
        bad = _NOT_PRINTABLE.search(text)
        if bad is not None:
            line, col = places.of_index(bad.start())
            return Problems(
                [Problem(line, col, "AT104", f"not valid YAML: the character {char_name(bad.group())} is not allowed")]
            )
        reason = getattr(e, "reason", None) or type(e).__name__
        return Problems([Problem(1, 1, "AT104", f"not valid YAML: {one_line(str(reason), 200)}")])
    except RecursionError:  # pragma: no cover - compose_node stops first; a guard for other loaders
        return Problems([Problem(1, 1, "AT104", f"not valid YAML: {TOO_DEEP}")])
    return [d for d in docs if d is not None]


def _refused(text: str, places: Places, quick: type) -> Problems:
    """Every tag, directive, anchor and alias, named as written, at its place."""
    import yaml
    from yaml.tokens import AliasToken, AnchorToken, DirectiveToken, TagToken

    out = Problems()
    try:
        for tok in yaml.scan(text, Loader=quick):
            kind = type(tok)
            if kind not in (TagToken, AnchorToken, AliasToken, DirectiveToken):
                continue
            if len(out) >= MAX_KEPT:
                out.more += 1
                continue
            written = one_line(text[tok.start_mark.index : tok.end_mark.index].strip(), 60)
            line, col = places.of_mark(tok.start_mark)
            if kind is TagToken:
                msg = f"the tag `{written}` is not allowed: decks are plain YAML, so remove it"
                if written in ("!!str", "!"):
                    msg += " (put the text in quotes to keep it as text)"
                out.append(Problem(line, col, "AT105", msg))
            elif kind is DirectiveToken:
                out.append(Problem(line, col, "AT110", f"the directive `{written}` is not allowed: remove the line"))
            elif kind is AnchorToken:
                out.append(
                    Problem(
                        line, col, "AT214", f"the anchor `{written}` is not allowed: remove it and write each part out"
                    )
                )
            else:
                out.append(
                    Problem(
                        line,
                        col,
                        "AT214",
                        f"the alias `{written}` reuses a part written elsewhere: write that part out in full here",
                    )
                )
    except yaml.YAMLError:
        pass  # broken YAML: composing says where
    return out
