"""kill -9 at random moments of import, issue, dossier and archive: nothing half-done survives the next run.

Each task runs as its own ``desk`` process and is killed after a random share of the time it takes uncut; a
killed task is tried again later (as a clerk would). At the end: no valid package of an unarchived case, every
archived case has exactly its package, no archive number twice and none skipped, document numbers gapless, and
no temporary file anywhere (the next run of Desk swept what the killed ones left).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from desk.archive.verify import verify_package
from desk.models import Case, Document, NumberCounter
from tests.conftest import TEST_PASSPHRASE
from tests.integration.fit_to_serve import SETTINGS
from tests.integration.hostile import inputs
from tests.integration.hostile.files import pdf_bytes

KILLS = 50
BUDGET_S = 480  # a hard stop on a crowded machine; an idle one gets its 50 kills in about a minute


@dataclass
class Task:
    name: str
    args: list[str]
    done_codes: tuple[int, ...] = (0,)


def _case_file(folder: Path, n: int) -> Path:
    """The sample case with its own numbers (seq 100 + n) and an evidence file (the store is written too)."""
    doc = inputs.base()
    text = inputs.dumps(doc).replace("〔2026〕21号", f"〔2026〕{100 + n}号")
    path = folder / f"case{n}.json"
    (folder / "files").mkdir(exist_ok=True)
    (folder / "files" / f"e{n}.pdf").write_bytes(pdf_bytes())
    path.write_text(text.replace('"attachments": []', f'"attachments": [{{"title": "现场照片", "kind": "photo", '
                                 f'"made_on": "2026-03-02", "file": "files/e{n}.pdf"}}]'), encoding="utf-8")
    return path


class Runner:
    def __init__(self, home: Path) -> None:
        self.env = {**os.environ, "DESK_HOME": str(home), "DESK_LANG": "en", "QT_QPA_PLATFORM": "offscreen",
                    "DESK_PASSPHRASE": TEST_PASSPHRASE}  # archiving signs the package (#14)
        self.env.pop("DESK_DATABASE_URL", None)
        self.kills = 0
        self.durations: dict[str, float] = {}

    def run(self, task: Task, kill_after: float | None = None) -> int | None:
        """The exit code, or None when killed before it ended."""
        start = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "desk", *task.args], env=self.env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)
        try:
            _out, err = proc.communicate(timeout=kill_after)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.communicate()
            self.kills += 1
            return None
        assert b"Traceback" not in err, err.decode()
        self.durations.setdefault(task.name, time.monotonic() - start)
        assert proc.returncode in task.done_codes, (task.args, proc.returncode, err.decode())
        return proc.returncode


@pytest.mark.slow
def test_kill_minus_9_loop_leaves_nothing_half_done(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.cli import main

    rng = random.Random(13)
    home, out, src = tmp_path / "home", tmp_path / "out", tmp_path / "src"
    for folder in (home, out, src):
        folder.mkdir()
    runner = Runner(home)
    files = [_case_file(src, n) for n in range(9)]
    # set up in this process: cases 1…5, and drafts of case 1 to issue
    monkeypatch.setenv("DESK_HOME", str(home))
    monkeypatch.delenv("DESK_DATABASE_URL", raising=False)
    assert all(main(["import", str(f)]) == 0 for f in files[:5])
    assert main(["settings", "set", *SETTINGS]) == 0  # the contact the 询问通知书 prints (documents, #12)
    for _ in range(12):
        assert main(["draft", "1", "inquiry_notice", "--set", "inquiry_at=2026-03-04T10:00", "--set",
                     "inquiry_place=东湖街道中队"]) == 0
    engine = create_engine(f"sqlite:///{home / 'desk.sqlite3'}")
    with engine.connect() as conn:
        drafts = [str(i) for i in conn.scalars(select(Document.id).where(Document.status == "draft"))]
    engine.dispose()
    # one uncut run of each kind of task as its own process: how long it takes
    runner.run(Task("import", ["import", str(files[5])]))
    runner.run(Task("issue", ["issue", drafts.pop()]))
    runner.run(Task("dossier", ["dossier", "1", "-o", str(out / "d0.pdf")]))
    runner.run(Task("archive", ["archive", "2", "-o", str(out / "case-2.zip")]))

    pending = [Task("import", ["import", str(f)], (0, 2)) for f in files[6:]]
    pending += [Task("issue", ["issue", d], (0, 2)) for d in drafts]
    pending += [Task("dossier", ["dossier", "1", "-o", str(out / f"d{n}.pdf")], (0, 2)) for n in range(1, 5)]
    pending += [Task("archive", ["archive", str(n), "-o", str(out / f"case-{n}.zip")], (0, 2)) for n in range(3, 7)]
    started = time.monotonic()
    while pending and runner.kills < KILLS and time.monotonic() - started < BUDGET_S:
        task = rng.choice(pending)
        # mostly killed, at any moment of the run (more often early: a process spends its first half starting)
        cut = None if rng.random() < 0.12 else (0.1 + 0.85 * rng.random() ** 1.5) * runner.durations[task.name]
        if runner.run(task, kill_after=cut) is not None:
            pending.remove(task)
    assert runner.kills >= 50, f"only {runner.kills} kills in {BUDGET_S} s"
    print(f"\nkill -9 loop: {runner.kills} kills in {time.monotonic() - started:.0f} s, {len(pending)} tasks left")

    runner.run(Task("cases", ["cases"]))  # the next run: it sweeps what the killed ones left
    leftovers = [p for p in (*home.rglob("*"), *out.rglob("*"))
                 if ".part" in p.name or p.parent.name in ("pending", "tmp")]
    assert leftovers == []
    _assert_archives_and_numbers(home, out)


def _assert_archives_and_numbers(home: Path, out: Path) -> None:
    engine = create_engine(f"sqlite:///{home / 'desk.sqlite3'}")
    with engine.connect() as conn:
        cases = conn.execute(select(Case.id, Case.status, Case.archive_number, Case.package_sha256)).all()
        docs = conn.execute(select(Document.code, Document.year, Document.seq).where(Document.seq.is_not(None))).all()
        counters = conn.execute(select(NumberCounter.code, NumberCounter.year, NumberCounter.last_seq)).all()
    engine.dispose()
    archived = {c.package_sha256: c for c in cases if c.status == "archived"}
    for package in out.glob("*.zip"):  # every package there is valid and belongs to an archived case
        assert verify_package(package).intact, package
        digest = hashlib.sha256(package.read_bytes()).hexdigest()
        assert digest in archived, f"{package.name}: a valid package no archived case knows"
        assert package.name == f"case-{archived[digest].id}.zip"
    assert len(archived) == len(list(out.glob("*.zip")))  # and every archived case has its package
    numbers = sorted(c.archive_number for c in cases if c.archive_number)
    assert len(numbers) == len(set(numbers)) == len(archived)
    assert [int(n[4:]) for n in numbers] == list(range(1, len(numbers) + 1))  # no archive number skipped
    issued = sorted(d.seq for d in docs if d.code == "询")
    assert issued == list(range(1, len(issued) + 1))  # issued numbers: gapless, none twice
    assert {(c.code, c.year): c.last_seq for c in counters}.get(("询", date.today().year), 0) == len(issued)
    for code in {d.code for d in docs}:
        seqs = [d.seq for d in docs if d.code == code]
        assert len(seqs) == len(set(seqs)), code
