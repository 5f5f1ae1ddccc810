"""Build the shipped DOCX templates and the [[fields]] of their manifests from tools/templates/.

    python -m tools.make_templates            # every kind (core and ext)
    python -m tools.make_templates KIND…      # only these

Re-runnable: it overwrites desk/templates/<kind>/template.docx and the part of manifest.toml below
the [kind] table. The layout of every form is code in tools/templates/forms_*.py.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from desk.catalogue import TEMPLATES_DIR, Kind, catalogue, load_manifest
from tools.templates import (
    forms_approvals,
    forms_decisions,
    forms_ext,
    forms_notices,
    forms_records,
    forms_reports,
    forms_service,
    forms_transfer,
)
from tools.templates.common import Spec
from tools.templates.docxkit import Form
from tools.templates.fieldsets import write_fields

MODULES = (
    forms_approvals,
    forms_decisions,
    forms_ext,
    forms_notices,
    forms_records,
    forms_reports,
    forms_service,
    forms_transfer,
)


# 笔录: 第 X 页 共 Y 页 at the foot of every page and 以上笔录共 Y 页 filled in
RECORDS = frozenset(("onsite_inspection_record", "inquiry_record", "statement_record", "hearing_record",
                     "collective_discussion_record"))


def specs() -> dict[str, Spec]:
    return {s.id: s for m in MODULES for s in m.SPECS}


def form_for(spec: Spec, kind: Kind) -> Form:
    """The built form of one kind: its layout, then its header (草稿 mark) and footer (page numbers)."""
    form = Form()
    spec.build(form, kind)
    form.margins(records=kind.id in RECORDS)
    return form


def build(spec: Spec) -> None:
    folder = TEMPLATES_DIR / spec.id
    write_fields(folder / "manifest.toml", spec.fields)
    kind = load_manifest(folder / "manifest.toml")
    form_for(spec, kind).save(folder / "template.docx", title=kind.title)


def main(argv: Sequence[str]) -> int:
    known = specs()
    core = [k.id for k in catalogue().values() if k.set == "core"]
    missing = sorted(set(core) - set(known))
    if missing:
        print(f"core kinds without a template spec: {', '.join(missing)}", file=sys.stderr)
        return 1
    chosen = list(argv) or sorted(known)
    for kind_id in chosen:
        build(known[kind_id])
        print(TEMPLATES_DIR / kind_id / "template.docx")
    catalogue.cache_clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
