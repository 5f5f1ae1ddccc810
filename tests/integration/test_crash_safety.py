"""The moments a kill can fall into, made to happen on purpose: between the archive's commit and the package's
rename, half-way through any file, and a retried archive — on every backend."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from desk import outputs
from desk.db.uow import unit_of_work
from desk.models import Case
from desk.services import archiving
from desk.services.archiving import archive, package_known
from tests.conftest import DeskEnv
from tests.integration.archive_cases import imported, snapshot


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_a_package_committed_but_not_yet_named_is_named_by_the_next_run(desk_env: DeskEnv, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = imported(desk_env, "general_clean")
    out = tmp_path / "p.zip"
    with monkeypatch.context() as m, unit_of_work(desk_env.url, actor="cli") as uow:
        m.setattr(archiving, "_name_package", lambda pending: None)  # killed right after the commit
        archive(uow, case_id, out=out)
    assert not out.exists()
    (part,) = tmp_path.glob(".p.zip.*.part")
    entry = next((desk_env.home / "pending").glob("*.json"))
    data = json.loads(entry.read_text(encoding="utf-8"))
    entry.write_text(json.dumps({**data, "pid": _dead_pid()}), encoding="utf-8")  # its writer is gone
    digest = hashlib.sha256(part.read_bytes()).hexdigest()
    with desk_env.uow(write=False) as uow:
        assert package_known(uow, digest)
    assert desk_env.run("cases").code == 0  # the next run
    assert out.exists() and not part.exists() and list((desk_env.home / "pending").iterdir()) == []
    assert desk_env.run("verify", str(out)).code == 0
    retried = desk_env.run("archive", case_id, "-o", str(tmp_path / "again.zip"))
    assert retried.code == 2 and not (tmp_path / "again.zip").exists()  # an archived case is never archived twice


def test_an_uncommitted_package_is_removed_by_the_next_run_and_is_never_valid(desk_env: DeskEnv, tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    case_id = imported(desk_env, "general_clean")
    before = snapshot(desk_env)
    out = tmp_path / "p.zip"
    with monkeypatch.context() as m, pytest.raises(RuntimeError), unit_of_work(desk_env.url, actor="cli") as uow:
        m.setattr(outputs.Pending, "abort", lambda self: None)  # killed before the commit: nothing cleans up
        archive(uow, case_id, out=out)
        raise RuntimeError("killed")
    (part,) = tmp_path.glob(".p.zip.*.part")
    digest = hashlib.sha256(part.read_bytes()).hexdigest()
    with desk_env.uow(write=False) as uow:
        assert not package_known(uow, digest)  # a package the database does not know is no package
    entry = next((desk_env.home / "pending").glob("*.json"))
    entry.write_text(json.dumps({**json.loads(entry.read_text(encoding="utf-8")), "pid": _dead_pid()}),
                     encoding="utf-8")
    assert desk_env.run("cases").code == 0
    assert not part.exists() and not out.exists() and snapshot(desk_env) == before
    assert desk_env.run("archive", case_id, "-o", str(out)).code == 0  # the retry archives it, number 1
    with desk_env.uow(write=False) as uow:
        case = uow.session.get(Case, int(case_id))
        assert case is not None and case.archive_number is not None and case.archive_number.endswith("0001")
        assert case.package_sha256 == hashlib.sha256(out.read_bytes()).hexdigest()


def test_leftovers_of_dead_writers_go_and_a_live_writers_stay(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DESK_HOME", str(tmp_path / "home"))
    dead = outputs.begin(tmp_path / "dead.pdf")
    dead.tmp.write_bytes(b"half a PDF")
    entry = json.loads(dead.entry.read_text(encoding="utf-8"))
    dead.entry.write_text(json.dumps({**entry, "pid": _dead_pid()}), encoding="utf-8")
    live = outputs.begin(tmp_path / "live.pdf")
    live.tmp.write_bytes(b"being written")
    entry = json.loads(live.entry.read_text(encoding="utf-8"))
    live.entry.write_text(json.dumps({**entry, "pid": os.getppid()}), encoding="utf-8")  # a process still running
    scratch = tmp_path / "home" / "tmp" / f"{socket.gethostname()}-{_dead_pid()}-abcd"
    scratch.mkdir(parents=True)
    removed = outputs.sweep()
    assert set(removed) == {dead.tmp, scratch}
    assert not dead.tmp.exists() and not dead.entry.exists() and live.tmp.exists() and live.entry.exists()
    live.commit()
    assert (tmp_path / "live.pdf").read_bytes() == b"being written" and list(tmp_path.glob("*.part")) == []


def test_outputs_refuse_a_folder_and_a_path_under_a_file(tmp_path: Path, desk_env: DeskEnv) -> None:
    case_id = imported(desk_env, "general_clean")
    (tmp_path / "afile").write_bytes(b"")
    for args in (["export", case_id, "-o", str(tmp_path)], ["dossier", case_id, "-o", str(tmp_path / "afile" / "x")]):
        result = desk_env.run(*args)
        assert result.code == 2 and len(result.err.strip().splitlines()) == 1 and "Traceback" not in result.err
    assert list(tmp_path.glob("**/*.part")) == []


def test_a_full_disk_is_one_line_exit_2_and_leaves_no_part(desk_env: DeskEnv, tmp_path: Path) -> None:
    """Files may not grow past 40 KB (RLIMIT_FSIZE, as a full disk refuses a write): the PDF cannot be written."""
    import resource
    import signal

    if desk_env.backend != "sqlite":
        pytest.skip("the file-size limit also stops the database server's client files")
    imported(desk_env, "general_clean")
    desk_env.run("cases")  # the database exists and is migrated before the limit applies

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (40 * 1024, 40 * 1024))

    out = tmp_path / "out" / "decision.pdf"
    out.parent.mkdir()
    result = subprocess.run([sys.executable, "-m", "desk", "render", "东综执罚决字〔2026〕21号", "--pdf", str(out)],
                            capture_output=True, text=True, preexec_fn=limit,
                            env={**os.environ, "DESK_LANG": "zh_CN"})
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert "decision.pdf" in result.stderr
    assert list(out.parent.iterdir()) == []  # no file, no .part
