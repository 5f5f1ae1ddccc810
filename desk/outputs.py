"""Every file Desk writes: under a temporary name beside the target, renamed into place when complete.

Before the temporary file is created, a journal entry (``DESK_HOME/pending/<token>.json``) names it, its
target, and the process writing it. A process killed half-way leaves its entry; the next run of Desk
(``sweep``) removes what it left — unless the entry says the file is an archive package whose digest the
database recorded in a committed transaction: that one is renamed into place, finishing the archive.
A ``.part`` file therefore never outlives the next run, and no half-written file ever has the target's name.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import secrets
import shutil
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desk import config
from desk.errors import UserError

SUFFIX = ".part"


def check_target(path: Path) -> None:
    """The user named a file Desk can create: not a folder; its folder exists or is created now."""
    if path.is_dir():
        raise UserError("output_is_folder", path=path)
    if not path.parent.is_dir():
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UserError("output_folder_missing", path=path, detail=exc.strerror or exc) from None


def _journal_dir() -> Path:
    return config.desk_home() / "pending"


def scratch_dir() -> Path:
    """A private scratch folder for this process under ``DESK_HOME/tmp`` (removed by ``sweep`` once it is dead)."""
    path = config.desk_home() / "tmp" / f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(4)}"
    path.mkdir(parents=True)
    return path


@dataclass
class Pending:
    """A file being written: ``tmp`` is where to write; ``commit`` renames it to ``target``, ``abort`` drops it."""

    target: Path
    tmp: Path
    entry: Path

    def expect(self, sha256: str) -> None:
        """Record the digest the database will hold: a later sweep finishes the rename if that commit happened."""
        _write_entry(self.entry, self.tmp, self.target, sha256)

    def commit(self) -> None:
        os.replace(self.tmp, self.target)
        self.entry.unlink(missing_ok=True)

    def abort(self) -> None:
        self.tmp.unlink(missing_ok=True)
        self.entry.unlink(missing_ok=True)


def _write_entry(entry: Path, tmp: Path, target: Path, sha256: str | None = None) -> None:
    data = {"tmp": str(tmp), "target": str(target), "host": socket.gethostname(), "pid": os.getpid(),
            "sha256": sha256}
    part = entry.with_name(f"{entry.stem}.{socket.gethostname()}-{os.getpid()}.new")
    with part.open("w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(part, entry)


def begin(target: Path) -> Pending:
    """Journal, then name, the temporary file for ``target`` (refusing a target Desk cannot create)."""
    check_target(target)
    token = secrets.token_hex(6)
    journal = _journal_dir()
    journal.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{token}{SUFFIX}")
    entry = journal / f"{token}.json"
    _write_entry(entry, tmp, target)
    return Pending(target, tmp, entry)


_REASONS = {errno.ENOSPC: "the disk is full", errno.EDQUOT: "the disk quota is used up",
            errno.EFBIG: "the file is larger than the disk or a limit allows", errno.EACCES: "permission denied",
            errno.EPERM: "permission denied", errno.EROFS: "the disk is read-only"}


def reason(exc: OSError) -> str:
    """Why a write failed, in the user's language where Desk knows the reason."""
    from desk.i18n import gettext

    known = _REASONS.get(exc.errno or 0)
    return gettext(known) if known else str(exc.strerror or exc)


@contextmanager
def atomic(target: Path) -> Iterator[Path]:
    """``with atomic(path) as tmp:`` write ``tmp``; renamed to ``path`` when the block ends without error.

    A write the disk refuses (full, read-only, a limit) is the user's to fix: one ``UserError`` naming ``target``."""
    pending = begin(target)
    try:
        yield pending.tmp
        pending.commit()
    except OSError as exc:
        pending.abort()
        raise UserError("output_unwritable", path=target, detail=reason(exc)) from exc
    except BaseException:
        pending.abort()
        raise


def write_bytes(target: Path, data: bytes) -> None:
    with atomic(target) as tmp:
        tmp.write_bytes(data)


def write_text(target: Path, text: str) -> None:
    write_bytes(target, text.encode("utf-8"))


def copy_file(source: Path, target: Path) -> None:
    with atomic(target) as tmp:
        shutil.copyfile(source, tmp)


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _alive(host: str, pid: int) -> bool:
    if host != socket.gethostname():
        return True  # another machine's write in a shared folder: not ours to judge
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return _is_running(pid)


def _is_running(pid: int) -> bool:
    """False for a zombie (killed, not yet reaped by its parent): it writes nothing any more."""
    status = Path(f"/proc/{pid}/status")
    try:
        return "\nState:\tZ" not in status.read_text()
    except OSError:
        return True


Known = Callable[[str], bool]


def sweep(known: Known | None = None) -> list[Path]:
    """Finish or remove what killed writers left; the paths removed or completed.

    ``known(sha256)`` says whether the database holds a committed archive with that package digest; such a
    package is renamed into place (its archive happened), any other leftover is deleted.
    """
    home = config.desk_home()
    done: list[Path] = []
    journal = home / "pending"
    for entry in sorted(journal.glob("*.json")) if journal.is_dir() else []:
        try:
            data = json.loads(entry.read_text(encoding="utf-8"))
            tmp, target = Path(data["tmp"]), Path(data["target"])
            host, pid, sha256 = str(data["host"]), int(data["pid"]), data.get("sha256")
        except (OSError, ValueError, KeyError, TypeError):
            entry.unlink(missing_ok=True)
            continue
        if _alive(host, pid) or (sha256 and known is None):
            continue  # still being written, or an archive package only the database can judge
        if tmp.exists():
            if sha256 and known is not None and not target.exists() and sha256_of(tmp) == sha256 and known(sha256):
                os.replace(tmp, target)
            else:
                tmp.unlink(missing_ok=True)
            done.append(tmp)
        entry.unlink(missing_ok=True)
    for part in journal.glob("*.new") if journal.is_dir() else []:  # an entry killed while being written
        writer, _, writer_pid = part.stem.rpartition(".")[2].rpartition("-")
        if not writer_pid.isdigit() or not _alive(writer, int(writer_pid)):
            part.unlink(missing_ok=True)
            done.append(part)
    for leftover in (home / "tmp").glob("*-*-*") if (home / "tmp").is_dir() else []:
        host, _, rest = leftover.name.rpartition("-")[0].rpartition("-")
        if rest.isdigit() and not _alive(host, int(rest)):
            shutil.rmtree(leftover, ignore_errors=True)
            done.append(leftover)
    return done


def pending_archives() -> bool:
    """Whether a journal entry waits for the database's word (an archive package with a digest)."""
    journal = config.desk_home() / "pending"
    if not journal.is_dir():
        return False
    for entry in journal.glob("*.json"):
        try:
            if json.loads(entry.read_text(encoding="utf-8")).get("sha256"):
                return True
        except (OSError, ValueError, AttributeError):
            continue
    return False
