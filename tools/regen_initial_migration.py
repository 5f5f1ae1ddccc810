"""Regenerate the initial migration from the models (only while no release has shipped it)."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from alembic import command

from desk.db.engine import engine_for
from desk.db.migrate import MIGRATIONS, alembic_config

target = MIGRATIONS / "versions" / "0001_initial_schema.py"
target.unlink(missing_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    engine = engine_for(f"sqlite:///{Path(tmp) / 'x.db'}")
    command.revision(alembic_config(engine), message="initial schema", autogenerate=True, rev_id="0001")
subprocess.run(["ruff", "format", "-q", str(target)], check=True)
subprocess.run(["ruff", "check", "--fix", "-q", str(target)], check=False)
