"""Small decks written inline for the core tests."""

# A minimal valid deck. Line numbers matter: tests edit it and expect them.
# Its one warning: no path reaches `second` escalated (AT404, at ESCALATED_LINE).
BASE = """\
format: 1
deck:
  id: test
  title: Test deck
cards:
  - id: one
    title: One
    partner: Ana
    fear: not-enough
    pattern: withdraw
    setting: A quiet evening.
    teaching: Hear the fear.
    beats:
      first:
        says: You never listen.
        choices:
          - say: You feel unheard, and alone with it.
            move: reflect
            why: It lands.
            next: second
          - say: I always listen.
            move: defend
            why: It argues.
            next: second
      second:
        says:
          softened: Maybe I worry I'm not enough for you.
          stuck: Whatever.
          escalated: Forget it.
        choices:
          - say: You worry you're not enough for me. Is that right?
            move: reflect
            names_fear: true
            why: It names the fear.
            next: end
          - say: You're being dramatic.
            move: attack
            why: It wounds.
            next: end
"""
ESCALATED_LINE = next(i for i, line in enumerate(BASE.splitlines(), 1) if "escalated: Forget it." in line)


def edit(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


# A card with a cycle that has a way out, and a pause back to the start.
LOOPING = """\
format: 1
deck:
  id: loops
  title: Loops
cards:
  - id: round
    title: Round
    partner: Bo
    fear: too-much
    pattern: attack
    setting: Late.
    teaching: Pause when flooded.
    tension: 6
    beats:
      a:
        says: You always do this.
        choices:
          - say: Let's take twenty minutes and come back.
            move: pause
            why: A real break.
            next: a
          - say: You sound worn out.
            move: reflect
            why: Heard.
            next: b
          - say: No, you do.
            move: attack
            why: Counter-blame.
            next: b
      b:
        says:
          softened: Thanks.
          stuck: Hm.
          escalated: Go away.
        choices:
          - say: That makes sense.
            move: validate
            why: Valid.
            next: end
          - say: Fine.
            move: withdraw
            why: Gone.
            next: a
"""


def without_dead_lines(diags):
    """The diagnostics other than AT404 (BASE's escalated line is never reached)."""
    return [d for d in diags if d.code != "AT404"]
