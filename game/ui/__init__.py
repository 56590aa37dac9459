"""The game's screens in pygame-ce: everything that draws lives here, and only here.

app.py runs the window and the scene stack; scenes/ holds one file a screen;
widgets/ the pieces they are built from; theme.py every colour and size.
"""

import os

# pygame prints a greeting on import; standard output belongs to the commands (shots --json).
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
