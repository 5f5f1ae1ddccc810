"""Files a case file names: only inside the JSON file's own folder, only regular files of bounded size.

``attachments[].file = "../../etc/passwd"``, ``"/etc/hostname"``, ``"C:\\\\x"`` or a symbolic link that leads
out of the folder are refused: nothing outside a case's own folder is ever read into it.
"""

from __future__ import annotations

import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

from desk.casefile import limits

EVIDENCE_BYTES = 2 * 1024**3  # the largest evidence file Desk stores (a 2 GB video)


def _outside(rel: str) -> bool:
    if "\\" in rel or rel.startswith("/") or PureWindowsPath(rel).drive or PurePosixPath(rel).is_absolute():
        return True
    return any(part == ".." for part in PurePosixPath(rel).parts)


def confined(base: Path, rel: str) -> Path:
    """The real path of ``rel`` under ``base``; ``ValueError`` (with a message key) when it is not allowed."""
    failure = confined_error(base, rel)
    if failure is not None:
        raise ValueError(failure[0])
    return (base / rel).resolve()


def confined_error(base: Path, rel: str) -> limits.Failure:
    """None when ``rel`` names a regular file inside ``base`` (after following links), within the size limit."""
    if _outside(rel):
        return "path_outside", {"value": rel}
    root = base.resolve()
    try:
        real = (root / rel).resolve(strict=True)
        info = real.stat()
    except (OSError, RuntimeError, ValueError):
        return "file_missing", {"value": rel}
    if not real.is_relative_to(root):
        return "path_outside", {"value": rel}
    if not stat.S_ISREG(info.st_mode):
        return "file_missing", {"value": rel}
    if info.st_size > EVIDENCE_BYTES:
        return "file_too_large", {"path": rel, "size": info.st_size, "limit": EVIDENCE_BYTES}
    return limits.text_error(real.name, limits.FILE_NAME)
