"""Nodes -> the card model: each part of a deck checked against the format, each problem at its place.

A card with an error is left out of its deck; the deck's other cards still
build. The graph checks (validate.py) run on every card built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import scoring
from .deckrules import (
    BEAT_KEYS,
    BOOL,
    CARD_KEYS,
    CHOICE_KEYS,
    DECK_INFO_KEYS,
    DECK_KEYS,
    FLOAT,
    FORMAT_VERSION,
    ID_RE,
    INT,
    MAX_CHOICE_CHARS,
    MAX_LINE_CHARS,
    MAX_NOTE_CHARS,
    MAX_PARTNER_CHARS,
    MAX_SETTING_CHARS,
    MAX_TEACHING_CHARS,
    MAX_TITLE_CHARS,
    AnyKey,
    allowed,
    plain_number,
    short,
)
from .graph_checks import check_card
from .model import DEFAULT_ENDINGS, END, NOWHERE, STATES, Beat, Card, Choice, Deck, Fear, LoopState, Move, Pattern, Pos
from .nodecheck import NodeChecks, Reject, is_map, is_scalar, is_seq

if TYPE_CHECKING:
    from yaml.nodes import Node

_STATE_KEYS = {s.value: False for s in STATES}  # says and endings: a line per state, none required
_STATE_OF = {s.value: s for s in STATES}
_STATE_NAMES = tuple((s, s.value) for s in STATES)
_SAYS_WHAT = {s.value: f"says for {s.value}" for s in STATES}  # what each line is called, made once
_ENDING_WHAT = {s.value: f"the {s.value} ending" for s in STATES}


class Builder(NodeChecks):
    """Builds one deck from its node tree; `diags` holds what was wrong."""

    # -- the deck --------------------------------------------------------
    def deck(self, root: Node) -> Deck | None:
        try:
            top = self.mapping(root, "the deck file", DECK_KEYS)
        except Reject:
            return None
        ok = True
        if "format" in top:
            k, v = top["format"]
            try:
                self.check_tag(v)
            except Reject:  # reported: a tag or an alias on the format
                ok = False
            else:
                if not (is_scalar(v) and v.tag == INT and v.value.strip() == str(FORMAT_VERSION)):
                    self.err(
                        v, "AT206", f"format `{short(v)}` is not supported: this version of Attune reads format: 1"
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
            self.long(m["title"][1] if "title" in m else node, title, MAX_TITLE_CHARS, "the deck title")
            description = self.text(m["description"][1], "the deck description") if "description" in m else ""
            if "description" in m:
                self.long(m["description"][1], description, MAX_NOTE_CHARS, "the deck description")
            tags: list[str] = []
            if "tags" in m:
                seq = m["tags"][1]
                self.check_tag(seq)
                if is_seq(seq):
                    for t in seq.value:
                        tv = self.text(t, "a tag")
                        if tv is not None:
                            tags.append(tv)
                else:
                    self.err(seq, "AT204", f"tags should be a list like [home, beginner], not {self.kind(seq)}")
        except Reject:
            return None
        if deck_id is None or title is None or description is None:
            return None
        return deck_id, title, description, tuple(tags), self.pos(node)

    def cards(self, node: Node, deck_id: str) -> list[Card]:
        try:
            self.check_tag(node)
        except Reject:
            return []
        if not is_seq(node):
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
        except Reject:
            return None
        try:
            g = {name: v for name, (_, v) in m.items()}
            card_id = self.ident(g["id"], "the card id") if "id" in g else None
            title = self.text(g["title"], "the title") if "title" in g else None
            self.long(g.get("title", node), title, MAX_TITLE_CHARS, "the title")
            partner = self.text(g["partner"], "partner") if "partner" in g else None
            self.long(g.get("partner", node), partner, MAX_PARTNER_CHARS, "the partner's name")
            fear = self.vocab(g["fear"], "fear", Fear) if "fear" in g else None
            pattern = self.vocab(g["pattern"], "pattern", Pattern) if "pattern" in g else None
            setting = self.text(g["setting"], "the setting") if "setting" in g else None
            self.long(g.get("setting", node), setting, MAX_SETTING_CHARS, "the setting")
            teaching = self.text(g["teaching"], "the teaching") if "teaching" in g else None
            self.long(g.get("teaching", node), teaching, MAX_TEACHING_CHARS, "the teaching")
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
                        g["start"], "AT302", f"start `{start}` names no beat of this card; beats: {allowed(beats)}"
                    )
            elif beats:
                start = next(iter(beats))
        except Reject:
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
            pos=self.pos(node),
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
        if is_scalar(node) and node.tag in (INT, FLOAT):
            value = plain_number(node.value)
            if isinstance(value, str):  # 0x5, 012, 1:30, .inf: YAML reads them, but not as an author means them
                self.err(
                    node,
                    "AT210",
                    f"tension `{short(node)}` is written as {value}: "
                    "write a plain number from 0 (calm) to 10 (flooded)",
                )
                return scoring.DEFAULT_TENSION
            if scoring.TENSION_MIN <= value <= scoring.TENSION_MAX:
                return value
            self.err(node, "AT210", f"tension `{short(node)}` should be a number from 0 (calm) to 10 (flooded)")
            return scoring.DEFAULT_TENSION
        self.err(node, "AT204", f"tension should be a number from 0 to 10, not {self.kind(node)}")
        return scoring.DEFAULT_TENSION

    def beats(self, node: Node) -> dict[str, Beat]:
        m = self.mapping(node, "beats", AnyKey())
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
            pos = self.pos
            for k, v in sm.value:
                state = _STATE_OF.get(k.value)
                if state is not None:
                    says_pos[state] = pos(v)
        elif says is not None:  # one line for every state
            says_pos = dict.fromkeys(STATES, self.pos(m["says"][1]))
        discuss = None
        if "discuss" in m:
            discuss = self.note({"discuss": m["discuss"][1]}, "discuss", "the question for a room")
        choices: list[Choice] = []
        if "choices" in m:
            seq = m["choices"][1]
            self.check_tag(seq)
            if not is_seq(seq):
                self.err(seq, "AT204", f"choices should be a list, each starting with `- say:`, not {self.kind(seq)}")
            else:
                for cn in seq.value:
                    c = self.choice(cn)
                    if c is not None:
                        choices.append(c)
        if says is None:
            return None
        return Beat(name, says, tuple(choices), varies, self.pos(key), says_pos, discuss)

    def says(self, node: Node) -> tuple[dict[LoopState, str] | None, bool]:
        if is_map(node):
            m = self.mapping(node, "says", _STATE_KEYS)
            lines: dict[LoopState, str] = {}
            for s, word in _STATE_NAMES:
                if word in m:
                    t = self.text(m[word][1], _SAYS_WHAT[word])
                    self.long(m[word][1], t, MAX_LINE_CHARS, "the partner's line")
                    if t is not None:
                        lines[s] = t
            missing = [word for _, word in _STATE_NAMES if word not in m]
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
        text, long = self.text, self.long
        say_n = m["say"][1] if "say" in m else None
        say = text(say_n, "say") if say_n is not None else None
        long(say_n or node, say, MAX_CHOICE_CHARS, "the choice")
        move = self.vocab(m["move"][1], "move", Move) if "move" in m else None
        why_n = m["why"][1] if "why" in m else None
        why = text(why_n, "why") if why_n is not None else None
        long(why_n or node, why, MAX_LINE_CHARS, "the why")
        next_n = m["next"][1] if "next" in m else None
        nxt = text(next_n, "next") if next_n is not None else None
        reply = reply_n = None
        if "reply" in m:
            reply_n = m["reply"][1]
            reply = text(reply_n, "reply")
            long(reply_n, reply, MAX_LINE_CHARS, "the reply")
        names_fear = False
        if "names_fear" in m:
            v = m["names_fear"][1]
            self.check_tag(v)
            if is_scalar(v) and v.tag == BOOL:
                names_fear = v.value.lower() in ("true", "yes", "on", "y")
            else:
                self.err(v, "AT204", f"names_fear should be true or false, not {self.kind(v)}")
            if names_fear and move is not None and move is not Move.REFLECT:
                self.err(v, "AT212", f"names_fear is only for a reflect move, and this one is {move.value}")
        if say is None or move is None or why is None or nxt is None:
            return None
        pos = self.pos
        reply_pos = pos(reply_n) if reply is not None else NOWHERE
        return Choice(say, move, why, nxt, reply, names_fear, pos(node), pos(next_n), reply_pos)  # type: ignore[arg-type]

    def endings(self, node: Node) -> dict[LoopState, str]:
        m = self.mapping(node, "endings", _STATE_KEYS)
        out = dict(DEFAULT_ENDINGS)
        for s, word in _STATE_NAMES:
            if word in m:
                t = self.text(m[word][1], _ENDING_WHAT[word])
                self.long(m[word][1], t, MAX_NOTE_CHARS, _ENDING_WHAT[word])
                if t is not None:
                    out[s] = t
        return out
