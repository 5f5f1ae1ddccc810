"""What an evidence file must be before Desk stores it: a picture within the pixel limit (read from its
header, never decoded to find out), a PDF without a password. Anything else is kept byte for byte — a file
Desk cannot read (a damaged scan) is still evidence: the dossier notes it as not bound."""

from __future__ import annotations

import mimetypes
import warnings
from pathlib import Path

from desk.casefile import limits

IMAGE_TYPES = ("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff", "image/webp")


def evidence_error(path: Path, shown: str | Path | None = None) -> limits.Failure:
    """None when the file at ``path`` may be stored as evidence; else why not (``shown`` names it)."""
    name = shown or path
    media_type = mimetypes.guess_type(path.name)[0]
    if media_type in IMAGE_TYPES:
        failure = image_error(path, name)
        return failure if failure is not None and failure[0] == "image_too_large" else None
    if media_type == "application/pdf":
        return pdf_error(path, name)
    return None


def image_error(path: Path, name: str | Path) -> limits.Failure:
    from PIL import Image, UnidentifiedImageError

    guard = Image.MAX_IMAGE_PIXELS
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            Image.MAX_IMAGE_PIXELS = None  # the header only is read here: the size is judged below, by our limit
            with Image.open(path) as img:
                width, height = img.size
    except (OSError, UnidentifiedImageError, SyntaxError, ValueError) as exc:
        return "image_unreadable", {"path": name, "detail": type(exc).__name__}
    finally:
        Image.MAX_IMAGE_PIXELS = guard
    if width * height > limits.IMAGE_PIXELS:
        return "image_too_large", {"path": name, "width": width, "height": height, "limit": limits.IMAGE_PIXELS}
    return None


def pdf_error(path: Path, name: str | Path) -> limits.Failure:
    import pikepdf

    try:
        with pikepdf.open(path) as pdf:
            if pdf.is_encrypted:
                return "pdf_encrypted", {"path": name}
    except pikepdf.PasswordError:
        return "pdf_encrypted", {"path": name}
    except (pikepdf.PdfError, OSError):
        return None  # damaged: stored as it is, noted in the dossier
    return None
