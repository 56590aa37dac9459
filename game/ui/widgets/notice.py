"""Passing the store's messages (a save set aside, progress that cannot be saved) on to the player.

    changed = store.save_settings()
    tell_store_messages(app)     # any new message becomes a notice at the foot of the screen

The title shows the messages present when the game opens; a message that
appears later, while a screen saves something, is shown by that screen with
this, so it is never dropped silently.
"""

from __future__ import annotations

from typing import Any

MESSAGE_SECONDS = 12.0  # long enough to read a message with a folder path in it


def tell_store_messages(app: Any) -> list[str]:
    """Show every waiting store message as a notice and take it off the store's list; returns them."""
    store = app.store
    messages = list(store.messages)
    store.messages.clear()
    for text in messages:
        app.notify(text, seconds=MESSAGE_SECONDS)
    return messages
