"""Filling a kind's DOCX template with a render context (docxtpl in the sandboxed environment).

An agency may replace a shipped template with its own DOCX at
``$DESK_HOME/templates/<kind>/template.docx``; it is used only when it parses and every name it
uses is declared (a field of the manifest or a name the context adds). ``install_template``
checks before copying; ``template_for`` checks again before use and falls back to the shipped one.

The drafting API is re-exported here: ``default_fields``, ``validate_fields``, ``build_context``.
"""

from __future__ import annotations

import io
import logging
import re
import shutil
import zipfile
from collections.abc import Mapping
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError

from desk import config
from desk.catalogue import Kind, kind
from desk.errors import Problem, TemplateError
from desk.render.context import build_context, context_names
from desk.render.defaults import default_fields
from desk.render.fields import validate_fields as _validate_fields
from desk.render.jinja_env import environment

__all__ = [
    "build_context",
    "default_fields",
    "install_template",
    "render_docx",
    "template_for",
    "validate_fields",
    "validate_template",
]

log = logging.getLogger(__name__)
_UNDEFINED = re.compile(r"'([^']+)' is undefined")
_checked: dict[tuple[Path, int, int], str | None] = {}
_blobs: dict[tuple[Path, int, int], bytes] = {}
_totals: dict[tuple[Path, int, int], bool] = {}


def _stamp(path: Path) -> tuple[Path, int, int]:
    """A cache key that changes when the file does."""
    stat = path.stat()
    return path, stat.st_mtime_ns, stat.st_size


def validate_fields(kind_: Kind | str, values: Mapping[str, object]) -> list[Problem]:
    """Every problem of ``values`` against the kind's manifest, each naming its field."""
    return _validate_fields(kind(kind_) if isinstance(kind_, str) else kind_, values)


def override_path(kind_id: str) -> Path:
    return config.desk_home() / "templates" / kind_id / "template.docx"


def undeclared_names(kind_id: str, path: Path) -> set[str]:
    """The names the DOCX at ``path`` uses that a context of this kind does not provide."""
    try:
        used = DocxTemplate(str(path)).get_undeclared_template_variables(environment())
    except TemplateSyntaxError as exc:
        raise TemplateError("template_syntax", kind=kind_id, detail=f"{path.name}: {exc.message}") from None
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, PackageNotFoundError) as exc:
        raise TemplateError("template_unreadable", path=path, detail=exc) from None
    return set(used) - context_names(kind_id)


def validate_template(kind_id: str, path: Path) -> None:
    """Raise ``TemplateError`` when the DOCX at ``path`` cannot be a template of this kind."""
    names = undeclared_names(kind(kind_id).id, path)
    if names:
        raise TemplateError("template_undeclared", path=path, kind=kind_id, names=sorted(names))


def install_template(kind_id: str, source: Path) -> Path:
    """Check an agency's own DOCX for this kind and make it the one Desk uses; nothing changes on refusal."""
    validate_template(kind_id, source)
    target = override_path(kind_id)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    return target


def _override_problem(kind_id: str, path: Path) -> str | None:
    key = _stamp(path)
    if key not in _checked:
        try:
            validate_template(kind_id, path)
            _checked[key] = None
        except TemplateError as exc:
            _checked[key] = exc.render()
    return _checked[key]


def template_for(kind_id: str) -> Path:
    """The DOCX to fill for this kind: the agency's valid override, else the shipped template."""
    k = kind(kind_id)
    override = override_path(k.id)
    if override.is_file():
        problem = _override_problem(k.id, override)
        if problem is None:
            return override
        log.warning("%s", problem)
    shipped = k.folder / "template.docx"
    if not shipped.is_file():
        raise TemplateError("template_missing", kind=k.id)
    return shipped


def uses_page_total(path: Path) -> bool:
    """Whether the DOCX template at ``path`` prints the page total (``pages_total``)."""
    key = _stamp(path)
    if key not in _totals:
        with zipfile.ZipFile(io.BytesIO(_template_bytes(path))) as z:
            _totals[key] = any(b"pages_total" in z.read(n) for n in z.namelist() if n.startswith("word/"))
    return _totals[key]


def _template_bytes(path: Path) -> bytes:
    key = _stamp(path)
    if key not in _blobs:
        if len(_blobs) >= 64:
            _blobs.clear()
        _blobs[key] = path.read_bytes()
    return _blobs[key]


_patched: dict[str, str] = {}


class _Template(DocxTemplate):
    """docxtpl's template with each part's XML cleaned for Jinja once per distinct source: a template's parts are
    the same strings on every fill (its regular expressions took a tenth of issuing a document); the
    environment keeps their compilation likewise. Only the filling runs for each document."""

    def patch_xml(self, src_xml: str) -> str:
        found = _patched.get(src_xml)
        if found is None:
            if len(_patched) >= 64:
                _patched.clear()
            found = _patched[src_xml] = super().patch_xml(src_xml)
        return found


def render_docx(kind_id: str, context: Mapping[str, object], *, template_path: Path | None = None) -> bytes:
    """The filled DOCX; a name without a value or an unsafe expression raises ``TemplateError``."""
    path = template_path or template_for(kind_id)
    doc = _Template(io.BytesIO(_template_bytes(path)))
    try:
        doc.render(dict(context), environment())
    except SecurityError as exc:
        raise TemplateError("template_unsafe", kind=kind_id, detail=exc) from None
    except UndefinedError as exc:
        found = _UNDEFINED.search(str(exc))
        raise TemplateError("template_undefined", kind=kind_id, name=found[1] if found else exc) from None
    except TemplateSyntaxError as exc:
        raise TemplateError("template_syntax", kind=kind_id, detail=exc.message) from None
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
