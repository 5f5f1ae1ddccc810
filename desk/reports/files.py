"""Writing report files: an unwritable path is the user's mistake (exit 2), never a traceback."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desk.errors import UserError


def write_file(path: Path, write: Callable[[Path], None]) -> None:
    """Write through ``write`` into a temporary file beside ``path``, then rename: all or nothing."""
    path = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent if str(path.parent) else ".")
        os.close(fd)
    except OSError as exc:
        raise UserError("report_unwritable", path=path, detail=exc.strerror or str(exc)) from exc
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError("report_unwritable", path=path, detail=exc.strerror or str(exc)) from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
