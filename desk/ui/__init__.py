"""The window: a thin Qt shell over the services. The only package that imports PySide6.

Every call into the services runs on a background thread through ``desk.ui.runner`` and hands back
immutable snapshots (``CaseRow``, ``CaseFile``, reports), never ORM objects. ``desk.ui.app.run`` starts
the window; ``desk gui`` calls it.
"""
