"""Play together: a couple at one screen, one speaker and one listener a card, one shared score.

flow.py orders the screens; setup.py, pages.py (safety, roles, curtain,
break, check-in), play.py, debrief.py and progress.py are the screens. The
rules of it (roles, ratings, the blind match, the couple's figures) are in
game/core/together.py.
"""
