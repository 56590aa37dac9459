"""YAML decks -> the card model, with file:line:col kept for every node.

The text is composed into a node tree by PyYAML's C parser where present
(the pure-Python one otherwise) and the model is built from the nodes, so
positions come for free at C speed. Nothing is ever constructed from a YAML
tag: a tag is an error (AT105), so `!!python/object` and the like never run.

One bad deck never stops the others: `load_library` returns what loaded and
the diagnostics for the rest. A card with an error is left out of its deck;
the deck's other cards still load.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import scoring
from .diagnostics import Diagnostic, Reported, error, sort_key, warning
from .graph_checks import check_card
from .model import (
    DEFAULT_ENDINGS,
    END,
    NOWHERE,
    STATES,
    Beat,
    Card,
    Choice,
    Deck,
    Fear,
    LoopState,
    Move,
    Pattern,
    Pos,
)

if TYPE_CHECKING:
    from yaml.nodes import Node, ScalarNode

# PyYAML is imported on first use, not with this module: a game whose decks
# all come from the deck cache (load_library(cache=True)) starts without it.


def _default_loader() -> type:
    """The C loader where present (same results, several times faster), else the pure-Python one."""
    import yaml

    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader


def __getattr__(name: str) -> Any:
    if name == "_Loader":  # the parser class, chosen on first use; tests swap it
        loader = globals()["_Loader"] = _default_loader()
        return loader
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _is_map(node: Node) -> bool:
    return node.id == "mapping"


def _is_seq(node: Node) -> bool:
    return node.id == "sequence"


def _is_scalar(node: Node) -> bool:
    return node.id == "scalar"


def _quick_resolver(base: type) -> type:
    """A loader like `base` whose tag resolution gives the same tags for less work.

    PyYAML's composer asks `resolve` for the tag of every node. The stock
    method rebuilds a resolver list and runs the path-resolver machinery on
    each call; this one keeps the same implicit-resolver table (so a plain
    `yes`, `12` or `~` still reads as a yes/no value, number or nothing) and
    remembers the answer for short plain scalars, which repeat (keys, moves).
    """
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
            tag = memo.get(value)
            if tag is not None:
                return tag
            tag = scalar
            for t, regexp in by_first.get(value[:1], wildcard):
                if regexp.match(value):
                    tag = t
                    break
            if len(value) <= 40 and len(memo) < 4096:
                memo[value] = tag
            return tag
        return seq if kind is SequenceNode else mapping

    def no_path(self, *args):  # noqa: ARG001 - no path resolvers: nothing to track
        return None

    return type(
        f"Quick{base.__name__}",
        (base,),
        {"resolve": resolve, "descend_resolver": no_path, "ascend_resolver": no_path},
    )


_quick_loaders: dict[type, type] = {}


def _loader() -> type:
    """The quick-resolving subclass of whichever loader `_Loader` names now (tests swap it)."""
    base = globals().get("_Loader") or __getattr__("_Loader")
    quick = _quick_loaders.get(base)
    if quick is None:
        quick = _quick_loaders[base] = _quick_resolver(base)
    return quick


@contextlib.contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a library loads.

    Loading makes hundreds of thousands of small objects that are freed by
    reference counting, never by the collector; left on, the collector keeps
    rescanning the growing library and loading 10,000 cards takes twice as
    long. Anything cyclic made meanwhile is collected once it is back on.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


FORMAT_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Lengths that fit the play screen at every supported size (AT402 warns).
MAX_CHOICE_CHARS = 160
MAX_LINE_CHARS = 220
MAX_SETTING_CHARS = 160
MAX_TITLE_CHARS = 40
MAX_NOTE_CHARS = 320  # care, together and discuss: one or two sentences

STR = "tag:yaml.org,2002:str"
INT = "tag:yaml.org,2002:int"
FLOAT = "tag:yaml.org,2002:float"
BOOL = "tag:yaml.org,2002:bool"
NULL = "tag:yaml.org,2002:null"
MAP = "tag:yaml.org,2002:map"
SEQ = "tag:yaml.org,2002:seq"
PLAIN_TAGS = frozenset({STR, INT, FLOAT, BOOL, NULL, MAP, SEQ, "tag:yaml.org,2002:timestamp"})
_KIND_WORDS = {
    BOOL: "a yes/no value",
    INT: "a number",
    FLOAT: "a number",
    NULL: "nothing",
    "tag:yaml.org,2002:timestamp": "a date",
}

DECK_KEYS = {"format": True, "deck": True, "cards": True}
DECK_INFO_KEYS = {"id": True, "title": True, "description": False, "tags": False}
CARD_KEYS = {
    "id": True,
    "title": True,
    "partner": True,
    "fear": True,
    "pattern": True,
    "setting": True,
    "tension": False,
    "teaching": True,
    "start": False,
    "beats": True,
    "endings": False,
    "care": False,
    "together": False,
    "discuss": False,
}
BEAT_KEYS = {"says": True, "choices": True, "discuss": False}
CHOICE_KEYS = {"say": True, "move": True, "why": True, "next": True, "reply": False, "names_fear": False}


class _Reject(Exception):
    """Raised inside the builder when a node cannot be used at all."""


def _pos(path: str, node: Node) -> Pos:
    m = node.start_mark
    return Pos(path, m.line + 1, m.column + 1)


def _allowed(values: Iterable[str]) -> str:
    return ", ".join(values)


@dataclass
class _Builder:
    path: str
    diags: list[Diagnostic] = field(default_factory=list)
    seen: set[int] = field(default_factory=set)
    errors: int = 0
    aliases: bool = True  # False when the text has no `*`, so no node can be an alias

    # -- reporting -------------------------------------------------------
    def err(self, node: Node, code: str, message: str) -> None:
        self.errors += 1
        p = _pos(self.path, node)
        self.diags.append(error(self.path, p.line, p.col, code, message))

    def warn(self, node: Node, code: str, message: str) -> None:
        p = _pos(self.path, node)
        self.diags.append(warning(self.path, p.line, p.col, code, message))

    # -- node checks -----------------------------------------------------
    def check_tag(self, node: Node) -> None:
        if node.tag not in PLAIN_TAGS:
            self.err(
                node,
                "AT105",
                f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed: "
                "decks are plain YAML, so remove the tag",
            )
            raise _Reject
        if self.aliases:
            if id(node) in self.seen:
                self.err(node, "AT214", "this reuses a part written elsewhere (an alias): write it out in full")
                raise _Reject
            self.seen.add(id(node))

    def mapping(self, node: Node, what: str, keys: dict[str, bool]) -> dict[str, tuple[ScalarNode, Node]]:
        """Check a mapping's keys; return key -> (key node, value node)."""
        self.check_tag(node)
        if not _is_map(node):
            self.err(node, "AT204", f"{what} should be a set of `key: value` lines, not {self.kind(node)}")
            raise _Reject
        out: dict[str, tuple[ScalarNode, Node]] = {}
        for k, v in node.value:
            self.check_tag(k)
            if not _is_scalar(k):
                self.err(k, "AT204", f"a key in {what} should be a plain word")
                raise _Reject
            name = k.value
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.err(k, "AT201", f"`{name}` appears twice in {what} (first on line {first}): keep one")
                continue
            if name not in keys:
                hint = _close_match(name, keys)
                extra = f"; did you mean `{hint}`?" if hint else f"; allowed keys: {_allowed(keys)}"
                self.err(k, "AT202", f"unknown key `{name}` in {what}{extra}")
                continue
            out[name] = (k, v)
        for name, required in keys.items():
            if required and name not in out:
                self.err(node, "AT203", f"{what} is missing `{name}`")
        return out

    def kind(self, node: Node) -> str:
        if _is_map(node):
            return "a set of `key: value` lines"
        if _is_seq(node):
            return "a list"
        return _KIND_WORDS.get(node.tag, "text")

    def text(self, node: Node, what: str) -> str | None:
        self.check_tag(node)
        if not _is_scalar(node) or node.tag != STR:
            if _is_scalar(node) and node.tag == NULL and node.value in ("", "~", "null", "Null", "NULL"):
                self.err(node, "AT209", f"{what} is empty: write the text")
                return None
            extra = "; put it in quotes if it is meant as text" if _is_scalar(node) else ""
            self.err(node, "AT204", f"{what} should be text, but `{_short(node)}` reads as {self.kind(node)}{extra}")
            return None
        value = node.value.strip()
        if not value:
            self.err(node, "AT209", f"{what} is empty: write the text")
            return None
        return value

    def ident(self, node: Node, what: str) -> str | None:
        value = self.text(node, what)
        if value is not None and not ID_RE.match(value):
            self.err(node, "AT207", f"{what} `{value}` should use only a-z, 0-9 and single hyphens, like `late-night`")
            return None
        return value

    def vocab(self, node: Node, what: str, enum: type) -> object | None:
        value = self.text(node, what)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = [m.value for m in enum]
            hint = _close_match(value, allowed)
            extra = f" (did you mean `{hint}`?)" if hint else ""
            self.err(node, "AT205", f"{what} `{value}` is not one of: {_allowed(allowed)}{extra}")
            return None

    def long(self, node: Node, value: str | None, limit: int, what: str) -> None:
        if value is not None and len(value) > limit:
            self.warn(node, "AT402", f"{what} is {len(value)} characters; at most {limit} fit the screen")

    # -- the deck --------------------------------------------------------
    def deck(self, root: Node) -> Deck | None:
        try:
            top = self.mapping(root, "the deck file", DECK_KEYS)
        except _Reject:
            return None
        ok = True
        if "format" in top:
            k, v = top["format"]
            try:
                self.check_tag(v)
            except _Reject:  # reported: a tag or an alias on the format
                ok = False
            else:
                if not (_is_scalar(v) and v.tag == INT and v.value.strip() == str(FORMAT_VERSION)):
                    self.err(
                        v, "AT206", f"format `{_short(v)}` is not supported: this version of Attune reads format: 1"
                    )
                    ok = False
        else:
            ok = False
        info = None
        if "deck" in top:
            info = self.deck_info(top["deck"][1])
        if info is None:
            ok = False
        cards: list[Card] = []
        if "cards" in top and info is not None:
            cards = self.cards(top["cards"][1], info[0])
        if not ok or info is None:
            return None
        deck_id, title, description, tags, dpos = info
        return Deck(deck_id, title, description, tags, tuple(cards), self.path, FORMAT_VERSION, dpos)

    def deck_info(self, node: Node) -> tuple[str, str, str, tuple[str, ...], Pos] | None:
        try:
            m = self.mapping(node, "deck", DECK_INFO_KEYS)
            deck_id = self.ident(m["id"][1], "the deck id") if "id" in m else None
            title = self.text(m["title"][1], "the deck title") if "title" in m else None
            description = self.text(m["description"][1], "the deck description") if "description" in m else ""
            tags: list[str] = []
            if "tags" in m:
                seq = m["tags"][1]
                self.check_tag(seq)
                if _is_seq(seq):
                    for t in seq.value:
                        tv = self.text(t, "a tag")
                        if tv is not None:
                            tags.append(tv)
                else:
                    self.err(seq, "AT204", f"tags should be a list like [home, beginner], not {self.kind(seq)}")
        except _Reject:
            return None
        if deck_id is None or title is None or description is None:
            return None
        return deck_id, title, description, tuple(tags), _pos(self.path, node)

    def cards(self, node: Node, deck_id: str) -> list[Card]:
        try:
            self.check_tag(node)
        except _Reject:
            return []
        if not _is_seq(node):
            self.err(
                node, "AT204", f"cards should be a list of cards, each starting with `- id:`, not {self.kind(node)}"
            )
            return []
        if not node.value:
            self.err(node, "AT213", "the deck has no cards: add at least one under `cards:`")
            return []
        out: list[Card] = []
        ids: dict[str, int] = {}
        for cn in node.value:
            card = self.card(cn, deck_id)
            if card is None:
                continue
            if card.id in ids:
                self.err(cn, "AT208", f"card id `{card.id}` is used twice in this deck (first on line {ids[card.id]})")
                continue
            ids[card.id] = card.pos.line
            graph = check_card(card)
            self.diags.extend(graph)
            if not any(d.is_error for d in graph):
                out.append(card)
        return out

    def card(self, node: Node, deck_id: str) -> Card | None:
        errors_before = self.errors
        try:
            m = self.mapping(node, "a card", CARD_KEYS)
        except _Reject:
            return None
        try:
            g = {name: v for name, (_, v) in m.items()}
            card_id = self.ident(g["id"], "the card id") if "id" in g else None
            title = self.text(g["title"], "the title") if "title" in g else None
            self.long(g.get("title", node), title, MAX_TITLE_CHARS, "the title")
            partner = self.text(g["partner"], "partner") if "partner" in g else None
            fear = self.vocab(g["fear"], "fear", Fear) if "fear" in g else None
            pattern = self.vocab(g["pattern"], "pattern", Pattern) if "pattern" in g else None
            setting = self.text(g["setting"], "the setting") if "setting" in g else None
            self.long(g.get("setting", node), setting, MAX_SETTING_CHARS, "the setting")
            teaching = self.text(g["teaching"], "the teaching") if "teaching" in g else None
            tension = self.tension(g["tension"]) if "tension" in g else scoring.DEFAULT_TENSION
            beats = self.beats(g["beats"]) if "beats" in g else {}
            endings = self.endings(g["endings"]) if "endings" in g else dict(DEFAULT_ENDINGS)
            care = self.note(g, "care", "the care note")
            together = self.note(g, "together", "the question for a couple")
            discuss = self.note(g, "discuss", "the question for a room")
            start = None
            if "start" in g:
                start = self.text(g["start"], "start")
                if start is not None and beats and start not in beats:
                    self.err(
                        g["start"], "AT302", f"start `{start}` names no beat of this card; beats: {_allowed(beats)}"
                    )
            elif beats:
                start = next(iter(beats))
        except _Reject:
            return None
        if self.errors != errors_before:
            return None
        if "beats" in g and not beats:
            self.err(g["beats"], "AT305", "the card has no beats: add at least one under `beats:`")
            return None
        if not (card_id and title and partner and fear and pattern and setting and teaching and start):
            return None  # reported above
        return Card(
            id=card_id,
            deck_id=deck_id,
            title=title,
            partner=partner,
            fear=fear,  # type: ignore[arg-type]
            pattern=pattern,  # type: ignore[arg-type]
            setting=setting,
            tension=tension,
            teaching=teaching,
            start=start,
            beats=beats,
            endings=endings,
            pos=_pos(self.path, node),
            care=care,
            together=together,
            discuss=discuss,
        )

    def note(self, g: dict[str, Node], key: str, what: str) -> str | None:
        """An optional one-or-two-sentence text field (care, together, discuss)."""
        if key not in g:
            return None
        t = self.text(g[key], what)
        self.long(g[key], t, MAX_NOTE_CHARS, what)
        return t

    def tension(self, node: Node) -> float:
        self.check_tag(node)
        if _is_scalar(node) and node.tag in (INT, FLOAT):
            try:
                value = float(node.value.replace("_", ""))
            except ValueError:
                value = float("nan")
            if scoring.TENSION_MIN <= value <= scoring.TENSION_MAX:
                return value
            self.err(node, "AT210", f"tension `{node.value}` should be a number from 0 (calm) to 10 (flooded)")
            return scoring.DEFAULT_TENSION
        self.err(node, "AT204", f"tension should be a number from 0 to 10, not {self.kind(node)}")
        return scoring.DEFAULT_TENSION

    def beats(self, node: Node) -> dict[str, Beat]:
        m = self.mapping(node, "beats", _AnyKey())
        out: dict[str, Beat] = {}
        for name, (k, v) in m.items():
            if not ID_RE.match(name):
                self.err(k, "AT207", f"beat id `{name}` should use only a-z, 0-9 and single hyphens")
                continue
            if name == END:
                self.err(k, "AT207", "`end` is reserved for `next: end`: name this beat something else")
                continue
            beat = self.beat(name, v, k)
            if beat is not None:
                out[name] = beat
        return out

    def beat(self, name: str, node: Node, key: Node) -> Beat | None:
        m = self.mapping(node, f"beat `{name}`", BEAT_KEYS)
        says, varies = self.says(m["says"][1]) if "says" in m else (None, False)
        says_pos: dict[LoopState, Pos] = {}
        if varies and says is not None:
            sm = m["says"][1]
            for k, v in sm.value:
                if k.value in {s.value for s in STATES}:
                    says_pos[LoopState(k.value)] = _pos(self.path, v)
        elif says is not None:  # one line for every state
            says_pos = dict.fromkeys(STATES, _pos(self.path, m["says"][1]))
        discuss = self.note({k: v for k, (_, v) in m.items()}, "discuss", "the question for a room")
        choices: list[Choice] = []
        if "choices" in m:
            seq = m["choices"][1]
            self.check_tag(seq)
            if not _is_seq(seq):
                self.err(seq, "AT204", f"choices should be a list, each starting with `- say:`, not {self.kind(seq)}")
            else:
                for cn in seq.value:
                    c = self.choice(cn)
                    if c is not None:
                        choices.append(c)
        if says is None:
            return None
        return Beat(name, says, tuple(choices), varies, _pos(self.path, key), says_pos, discuss)

    def says(self, node: Node) -> tuple[dict[LoopState, str] | None, bool]:
        if _is_map(node):
            m = self.mapping(node, "says", {s.value: False for s in STATES})
            lines: dict[LoopState, str] = {}
            for s in STATES:
                if s.value in m:
                    t = self.text(m[s.value][1], f"says for {s.value}")
                    self.long(m[s.value][1], t, MAX_LINE_CHARS, "the partner's line")
                    if t is not None:
                        lines[s] = t
            missing = [s.value for s in STATES if s.value not in m]
            if missing:
                self.err(
                    node,
                    "AT211",
                    "says needs a line for each of softened, stuck and escalated "
                    f"(missing: {', '.join(missing)}), or one line for all",
                )
                return None, True
            return (lines if len(lines) == 3 else None), True
        t = self.text(node, "says")
        self.long(node, t, MAX_LINE_CHARS, "the partner's line")
        if t is None:
            return None, False
        return {s: t for s in STATES}, False

    def choice(self, node: Node) -> Choice | None:
        m = self.mapping(node, "a choice", CHOICE_KEYS)
        g = {name: v for name, (_, v) in m.items()}
        say = self.text(g["say"], "say") if "say" in g else None
        self.long(g.get("say", node), say, MAX_CHOICE_CHARS, "the choice")
        move = self.vocab(g["move"], "move", Move) if "move" in g else None
        why = self.text(g["why"], "why") if "why" in g else None
        nxt = self.text(g["next"], "next") if "next" in g else None
        reply = None
        if "reply" in g:
            reply = self.text(g["reply"], "reply")
            self.long(g["reply"], reply, MAX_LINE_CHARS, "the reply")
        names_fear = False
        if "names_fear" in g:
            v = g["names_fear"]
            self.check_tag(v)
            if _is_scalar(v) and v.tag == BOOL:
                names_fear = v.value.lower() in ("true", "yes", "on", "y")
            else:
                self.err(v, "AT204", f"names_fear should be true or false, not {self.kind(v)}")
            if names_fear and move is not None and move is not Move.REFLECT:
                self.err(v, "AT212", f"names_fear is only for a reflect move, and this one is {move.value}")
        if say is None or move is None or why is None or nxt is None:
            return None
        reply_pos = _pos(self.path, g["reply"]) if reply is not None else NOWHERE
        return Choice(
            say, move, why, nxt, reply, names_fear, _pos(self.path, node), _pos(self.path, g["next"]), reply_pos
        )  # type: ignore[arg-type]

    def endings(self, node: Node) -> dict[LoopState, str]:
        m = self.mapping(node, "endings", {s.value: False for s in STATES})
        out = dict(DEFAULT_ENDINGS)
        for s in STATES:
            if s.value in m:
                t = self.text(m[s.value][1], f"the {s.value} ending")
                if t is not None:
                    out[s] = t
        return out


class _AnyKey(dict):
    """A key set that admits any key (beat ids are the author's own)."""

    def __contains__(self, key: object) -> bool:
        return True

    def items(self):  # no required keys
        return iter(())


def _short(node: Node) -> str:
    if _is_scalar(node):
        v = node.value
        return v if len(v) <= 30 else v[:27] + "..."
    return "..."


def _close_match(word: str, options: Iterable[str]) -> str | None:
    import difflib

    m = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return m[0] if m else None


# -- entry points ---------------------------------------------------------


def load_deck_text(text: str, path: str) -> tuple[Deck | None, list[Diagnostic]]:
    """Build a deck from YAML text; `path` is only used in messages."""
    if not text.strip():
        return None, [error(path, 1, 1, "AT103", "the file is empty: a deck starts with `format: 1`")]
    import yaml

    try:
        docs = list(yaml.compose_all(text, Loader=_loader()))
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(x for x in (e.context, e.problem) if x) or "this is not valid YAML"
        return None, [error(path, line, col, "AT104", f"not valid YAML: {what}")]
    except yaml.YAMLError as e:
        return None, [error(path, 1, 1, "AT104", f"not valid YAML: {e}")]
    docs = [d for d in docs if d is not None]
    if not docs:
        return None, [error(path, 1, 1, "AT103", "the file has no content: a deck starts with `format: 1`")]
    b = _Builder(path, aliases="*" in text)
    if len(docs) > 1:
        b.err(docs[1], "AT106", "a deck file holds one deck: remove the `---` and what follows, or split the file")
        return None, b.diags
    deck = b.deck(docs[0])
    if deck is not None and any(d.code == "AT105" for d in b.diags):
        deck = None
    return deck, sorted(b.diags, key=sort_key)


def load_deck_file(path: str | os.PathLike[str]) -> tuple[Deck | None, list[Diagnostic]]:
    p = str(path)
    try:
        raw = Path(p).read_bytes()
    except OSError as e:
        return None, [error(p, 1, 1, "AT101", f"cannot read the file: {e.strerror or e}")]
    return load_deck_bytes(raw, p)


def load_deck_bytes(raw: bytes, path: str) -> tuple[Deck | None, list[Diagnostic]]:
    """Build a deck from a file's bytes; `path` is only used in messages."""
    p = path
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw.count(b"\n", 0, e.start) + 1
        col = e.start - (raw.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [error(p, line, col, "AT102", "the file is not UTF-8 text: save it as UTF-8 in your editor")]
    return load_deck_text(text, p)


def deck_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path]:
    """The deck files named: files as given, folders searched for *.yaml and *.yml."""
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(q for q in p.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file())
        else:
            yield p


@dataclass(frozen=True)
class Library(Reported):
    decks: tuple[Deck, ...]
    diagnostics: tuple[Diagnostic, ...]

    def cards(self) -> Iterator[Card]:
        for d in self.decks:
            yield from d.cards

    def deck(self, deck_id: str) -> Deck | None:
        return next((d for d in self.decks if d.id == deck_id), None)

    def card(self, full_id: str) -> Card | None:
        deck_id, _, card_id = full_id.partition("/")
        deck = self.deck(deck_id)
        return deck.card(card_id) if deck else None


def load_library(paths: Iterable[str | os.PathLike[str]], cache: bool = False) -> Library:
    """Every deck under `paths`, and what is wrong with the rest.

    With `cache=True` a file whose path and bytes were loaded before (by the
    same version of these rules) is answered from the cache folder without
    parsing it, and new answers are kept there (see cache.py). The result is
    the same either way.
    """
    decks: list[Deck] = []
    diags: list[Diagnostic] = []
    ids: dict[str, str] = {}
    files = list(deck_files(paths))
    with _cycle_collector_paused():
        loaded = _load_cached(files) if cache else [load_deck_file(f) for f in files]
    for deck, ds in loaded:
        diags.extend(ds)
        if deck is None:
            continue
        clash = deck_id_clash(deck.id, deck.pos, ids)
        if clash is not None:
            diags.append(clash)
            continue
        decks.append(deck)
    return Library(tuple(decks), tuple(diags))


def _load_cached(files: list[Path]) -> list[tuple[Deck | None, list[Diagnostic]]]:
    from . import cache

    store = cache.cache_dir() / cache.DECKS_FILE
    entries = cache.read(store)
    salt = cache.salt()
    out: list[tuple[Deck | None, list[Diagnostic]]] = []
    fresh: dict[str, list] = {}
    for f in files:
        p = str(f)
        try:
            raw = Path(p).read_bytes()
        except OSError as e:
            out.append((None, [error(p, 1, 1, "AT101", f"cannot read the file: {e.strerror or e}")]))
            continue
        key = cache.file_key(salt, p, raw)
        row = entries.get(key)
        if row is not None:
            try:
                deck_row, diag_rows = row
                deck = cache.deck_from_json(p, deck_row) if deck_row is not None else None
                out.append((deck, cache.diags_from_json(p, diag_rows)))
                continue
            except (KeyError, ValueError, TypeError, IndexError):
                pass  # an entry of another shape: parse the file again
        deck, ds = load_deck_bytes(raw, p)
        out.append((deck, ds))
        fresh[key] = [cache.deck_to_json(deck) if deck is not None else None, cache.diags_to_json(ds)]
    if fresh:
        for key in fresh:
            entries.pop(key, None)
        entries.update(fresh)
        cache.write(store, entries)
    return out


def deck_id_clash(deck_id: str, pos: Pos, ids: dict[str, str]) -> Diagnostic | None:
    """AT208 when an earlier file already has this deck id; otherwise note the id in `ids`."""
    if deck_id in ids:
        return error(
            pos.path,
            pos.line,
            pos.col,
            "AT208",
            f"deck id `{deck_id}` is already used by {ids[deck_id]}: give this deck its own id",
        )
    ids[deck_id] = pos.path
    return None
