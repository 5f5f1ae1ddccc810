"""``emit``: every signal the window emits from Python goes through here.

PySide6 6.12.0's ``SignalInstance.emit`` returns a borrowed reference to ``True``: each call from Python
drops one reference from the interpreter's ``True`` until, some thousands of emissions later, Python
frees it and aborts ("bool_dealloc: deallocating True or False"). ``emit`` gives that reference back
when — measured once, at import — this PySide drops it, and does nothing more on one that does not.
"""

from __future__ import annotations

import ctypes
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, SignalInstance

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_drops_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True)
    probe.ping.emit()
    return sys.getrefcount(True) < before


_GIVE_BACK = _emit_drops_a_reference()


def emit(signal: SignalInstance, *args: object) -> None:
    emitter: Callable[..., object] = signal.emit  # typed as returning None; 6.12 returns the borrowed bool
    result = emitter(*args)
    if _GIVE_BACK and isinstance(result, bool):
        _incref(result)
