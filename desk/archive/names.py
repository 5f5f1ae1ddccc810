"""File names inside a package that mean the same on Windows, macOS and Linux.

Names are NFC-normalised (macOS writes NFD, the others keep what they are given: a manifest written in
one form must match the files in the other), free of characters some systems refuse or BagIt
manifests would have to escape, and short enough for deep Windows paths.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*%]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def portable(text: str, *, fallback: str = "file") -> str:
    """One path component: NFC, unsafe characters as ``_``, no leading/trailing dots or spaces."""
    name = _UNSAFE.sub("_", unicodedata.normalize("NFC", text))
    name = " ".join(name.split()).strip(". ")
    if not name or name.split(".")[0].upper() in _RESERVED:
        name = f"{fallback}_{name}" if name else fallback
    return name


def item_name(position: int, *parts: str | None, suffix: str) -> str:
    """``03-立案审批表-东综执立字〔2026〕21号.pdf``: a sorted, unique, readable name for one item."""
    stem = "-".join(portable(p) for p in parts if p)
    ext = _UNSAFE.sub("_", unicodedata.normalize("NFC", suffix)).lower()
    return f"{position:02d}-{stem[:MAX_STEM].rstrip('. ')}{ext}"
