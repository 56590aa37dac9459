"""Run a workshop: a facilitator projects the game, the room votes, the loop answers.

flow.py orders the screens; setup.py picks the cards without a playlist;
room.py is the room's view and its keys, stages.py lays each step out;
presenter.py is the facilitator's second window. The rules of it (steps,
votes, ties, undo, the save and the report) are in game/core/workshop*.py.
"""
