"""Attune: a reflective-listening practice game."""

__version__ = "0.1.0"
