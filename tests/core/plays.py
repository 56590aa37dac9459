"""A play as the progress file holds it, for the tests that damage data files."""

PLAY = {
    "card": "first-steps/late-for-the-film",
    "when": "2026-01-01T10:00:00",
    "ending": "softened",
    "attunement": 80.0,
    "moves": ["reflect", "validate"],
    "fear_correct": True,
    "counts": {"earned": 5, "best_available": 6},
}
