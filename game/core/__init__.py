"""The rules of Attune: cards, loading, validation, scoring and play.

Nothing in this package draws or imports pygame; everything here is
deterministic for a given seed, so it can be tested without a window.
"""
