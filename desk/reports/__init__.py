"""Reports the bureau owes: the penalty publication list (公示) and the enforcement statistics.

Both are computed from the cases' events and issued decisions by SQL aggregates (``milestones``), never
from a loop over case snapshots, and never typed in. Qt-free: the window and the command line call the
same functions.
"""
