"""The one error path for what is not a ``DeskError``: faults of the environment and Desk's own bugs.

A fault of the environment (disk full, no permission, a folder that is gone, an unreachable database) is
the user's to fix: one line naming the file and the reason, exit 2. Anything else is a bug in Desk: one
line on screen, exit 3, and the traceback in ``DESK_HOME/logs/desk-faults.log`` — never on the screen.
"""

from __future__ import annotations

import errno
import logging
import traceback
from datetime import datetime
from pathlib import Path

from desk.errors import DeskError, UserError

log = logging.getLogger("desk")
LOG_NAME = "desk-faults.log"
_ENVIRONMENT = {errno.ENOSPC, errno.EDQUOT, errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOENT, errno.ENOTDIR,
                errno.EISDIR, errno.EEXIST, errno.EIO, errno.EMFILE, errno.ENFILE, errno.ENAMETOOLONG, errno.ELOOP,
                errno.EXDEV, errno.ENOTEMPTY, errno.EFBIG}


def housekeeping() -> None:
    """Before a verb: finish or remove what an interrupted run left (``desk.outputs.sweep``)."""
    from desk import outputs

    known = None
    if outputs.pending_archives():
        known = _package_known
    try:
        outputs.sweep(known)
    except DeskError:
        raise
    except Exception:
        log.debug("sweep failed", exc_info=True)


def _package_known(sha256: str) -> bool:
    from desk.db.uow import unit_of_work
    from desk.services.archiving import package_known

    try:
        with unit_of_work(write=False) as uow:
            return package_known(uow, sha256)
    except DeskError:
        return False


def _log_path() -> Path | None:
    try:
        from desk import config

        folder = config.desk_home() / "logs"
        folder.mkdir(exist_ok=True)
        return folder / LOG_NAME
    except Exception:
        return None


def _write_log(exc: BaseException) -> Path | None:
    path = _log_path()
    text = f"--- {datetime.now().astimezone().isoformat()}\n" + "".join(traceback.format_exception(exc))
    if path is not None:
        try:
            with path.open("a", encoding="utf-8") as f:
                f.write(text)
            return path
        except OSError:
            pass
    return None


def report(exc: BaseException) -> tuple[int, str]:
    """The exit code and the one line to show for ``exc``; the traceback goes to the log file."""
    logged = _write_log(exc)
    if isinstance(exc, OSError) and exc.errno in _ENVIRONMENT:
        path = exc.filename or "-"
        from desk.outputs import reason

        return 2, UserError("output_unwritable", path=path, detail=reason(exc)).render()
    if isinstance(exc, MemoryError):
        return 2, UserError("output_unwritable", path="-", detail=_memory()).render()
    detail = type(exc).__name__
    return 3, UserError("internal_fault", detail=detail, log=logged or "-").render()


def _memory() -> str:
    from desk.i18n import gettext

    return gettext("not enough memory")
