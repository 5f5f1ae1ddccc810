"""The document catalogue: one manifest per kind under ``desk/templates/<kind>/manifest.toml``.

The manifests are data; this module only reads them. A manifest's ``[kind]`` table holds what the
catalogue in documents.md says of the kind (title, number code, step, volume, served, set, binding
order); its ``[[fields]]`` tables declare the fields a template of that kind fills: a field's ``default``
names where its value comes from in the case (``desk/render/defaults.py``), its ``preset`` is fixed
default wording.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from desk.errors import TemplateError

TEMPLATES_DIR = Path(__file__).parent / "templates"
FIELD_TYPES = (
    "text",
    "multiline",
    "date",
    "datetime",
    "money",
    "int",
    "bool",
    "choice",
    "party",
    "provisions",
    "officers",
    "list",
)
STEPS = (
    "source",
    "filing",
    "investigation",
    "review",
    "notice",
    "hearing",
    "legal_review",
    "decision",
    "service",
    "transfer",
    "execution",
    "closing",
    "coercion",
    "mandate",
)


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    label: str
    label_en: str
    required: bool = False
    default: str | None = None
    preset: str | None = None
    choices: tuple[str, ...] = ()
    max_length: int | None = None
    minimum: float | None = None


@dataclass(frozen=True)
class Kind:
    id: str
    title: str
    title_en: str
    code: str
    step: str
    volume: str
    served: bool
    set: str
    order: int
    fields: tuple[Field, ...] = ()

    @property
    def numbered(self) -> bool:
        return bool(self.code)

    @property
    def folder(self) -> Path:
        return TEMPLATES_DIR / self.id


def _field(kind_id: str, raw: dict[str, object]) -> Field:
    try:
        ftype = str(raw["type"])
        if ftype not in FIELD_TYPES:
            raise TemplateError("manifest_field_type", kind=kind_id, field=raw.get("name"), value=ftype)
        choices = raw.get("choices", [])
        if not isinstance(choices, list):
            raise TemplateError("manifest_invalid", kind=kind_id, problem=f"choices of {raw.get('name')}")
        max_length = raw.get("max_length")
        minimum = raw.get("min")
        return Field(
            name=str(raw["name"]),
            type=ftype,
            label=str(raw["label"]),
            label_en=str(raw.get("label_en", raw["label"])),
            required=bool(raw.get("required", False)),
            default=str(raw["default"]) if "default" in raw else None,
            preset=str(raw["preset"]) if "preset" in raw else None,
            choices=tuple(str(c) for c in choices),
            max_length=int(max_length) if isinstance(max_length, int) else None,
            minimum=float(minimum) if isinstance(minimum, int | float) else None,
        )
    except KeyError as exc:
        raise TemplateError("manifest_invalid", kind=kind_id, problem=str(exc)) from exc


def load_manifest(path: Path) -> Kind:
    """Read one manifest file; a malformed one raises ``TemplateError`` naming the problem."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        k = data["kind"]
        kind = Kind(
            id=str(k["id"]),
            title=str(k["title"]),
            title_en=str(k["title_en"]),
            code=str(k.get("code", "")),
            step=str(k["step"]),
            volume=str(k["volume"]),
            served=bool(k["served"]),
            set=str(k["set"]),
            order=int(k["order"]),
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise TemplateError("manifest_invalid", kind=path.parent.name, problem=str(exc)) from exc
    if kind.step not in STEPS or kind.volume not in ("main", "sub"):
        raise TemplateError("manifest_invalid", kind=kind.id, problem=f"step={kind.step} volume={kind.volume}")
    fields = tuple(_field(kind.id, f) for f in data.get("fields", []))
    return Kind(**{**kind.__dict__, "fields": fields})


@cache
def catalogue() -> dict[str, Kind]:
    """Every kind Desk knows, by id, in the order of documents.md's binding profile."""
    kinds = [load_manifest(p) for p in sorted(TEMPLATES_DIR.glob("*/manifest.toml"))]
    return {k.id: k for k in sorted(kinds, key=lambda k: (k.volume, k.order, k.id))}


def kind(kind_id: str) -> Kind:
    try:
        return catalogue()[kind_id]
    except KeyError:
        raise TemplateError("unknown_kind", kind=kind_id) from None


def kinds_by_code() -> dict[str, Kind]:
    return {k.code: k for k in catalogue().values() if k.code}
