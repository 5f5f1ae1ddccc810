"""Desk: the desk of administrative enforcement case files — drafting, numbering, binding, archiving."""

__version__ = "0.1.0"
