"""The window's language: the user's choice (settings menu, applied at the next start), Qt's own dialogs
translated, and ``QLocale`` set so dates and numbers read in that language.

``DESK_LANG`` set in the environment wins over the choice stored in the settings.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desk import config

QT_LOCALES = {"zh_CN": "zh_CN", "zh_TW": "zh_TW", "en": "en_GB"}


def settings() -> QSettings:
    """The window's settings (geometry, language, last user), kept in ``DESK_HOME``."""
    return QSettings(str(config.desk_home() / "desk-ui.ini"), QSettings.Format.IniFormat)


def apply_preference() -> str:
    """Make the stored language the one Desk speaks, unless ``DESK_LANG`` says otherwise; returns it."""
    stored = settings().value("language")
    if "DESK_LANG" not in os.environ and stored in config.LANGUAGES:
        os.environ["DESK_LANG"] = str(stored)
    return config.language()


def choose(lang: str) -> None:
    """Remember ``lang`` for the next start."""
    settings().setValue("language", lang)


def install(app: QCoreApplication, lang: str) -> QTranslator | None:
    """Translate Qt's own dialogs (when Qt ships ``qtbase_<lang>.qm``) and set the default ``QLocale``."""
    QLocale.setDefault(QLocale(QT_LOCALES[lang]))
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        app.installTranslator(translator)
        return translator
    return None
