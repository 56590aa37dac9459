import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

from hypothesis import settings  # noqa: E402

# Shared, noisy machines: never let a slow moment fail a property test.
settings.register_profile("attune", deadline=None, print_blob=True)
settings.load_profile("attune")
