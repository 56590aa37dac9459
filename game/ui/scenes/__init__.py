"""One module a screen. A scene is opened by name: `app.push("decks")` imports
game.ui.scenes.decks and builds its `SCENE` class. See base.py for how to add one.
"""
