"""Settings and paths: where Desk keeps its data and which database it uses."""

from __future__ import annotations

import os
from pathlib import Path

LANGUAGES = ("zh_CN", "zh_TW", "en")


def desk_home() -> Path:
    """``DESK_HOME``, else the platform's user data folder; created on first use."""
    env = os.environ.get("DESK_HOME")
    if env:
        home = Path(env).expanduser()
    else:
        from platformdirs import user_data_dir

        home = Path(user_data_dir("Desk", appauthor=False))
    if home.exists() and not home.is_dir():
        from desk.errors import UserError

        raise UserError("home_not_folder", path=home)
    try:
        home.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from desk.errors import UserError

        raise UserError("home_unusable", path=home, detail=exc.strerror or exc) from None
    return home


def database_url() -> str:
    """``DESK_DATABASE_URL``, else a SQLite file in ``DESK_HOME``."""
    url = os.environ.get("DESK_DATABASE_URL")
    if url:
        return url
    return f"sqlite:///{desk_home() / 'desk.sqlite3'}"


def language() -> str:
    """``DESK_LANG`` when it names a supported language, else zh_CN."""
    lang = os.environ.get("DESK_LANG", "zh_CN").replace("-", "_")
    return lang if lang in LANGUAGES else "zh_CN"


def evidence_dir() -> Path:
    """The content-addressed store of evidence and document files."""
    return desk_home() / "store"


def passphrase() -> str | None:
    """``DESK_PASSPHRASE``: what unlocks the agency's signing key for a command run without a terminal."""
    return os.environ.get("DESK_PASSPHRASE") or None
