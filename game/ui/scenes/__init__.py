"""One module a screen: a scene class is opened with `app.push(SceneClass, callback, **params)`.

See base.py for how to add one, and solo.py for how a flow of scenes is joined.
"""
