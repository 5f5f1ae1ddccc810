"""What many forms share: the party block, numbered lists, remedies, contact lines, and the spec type."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desk.catalogue import Field, Kind
from tools.templates.docxkit import Form, P


@dataclass(frozen=True)
class Spec:
    """One kind's template: its fields (for the manifest) and how its DOCX is laid out."""

    id: str
    fields: Sequence[Field]
    build: Callable[[Form, Kind], None]


def flat(*groups: Field | Sequence[Field]) -> tuple[Field, ...]:
    """Fields and groups of fields, in order, as one tuple."""
    out: list[Field] = []
    for g in groups:
        out.extend([g] if isinstance(g, Field) else g)
    return tuple(out)


def loop(form: Form, items: str, *lines: P | str, var: str = "item") -> None:
    """Paragraphs repeated for each element of a tuple in the context."""
    form.tag(f"{{%p for {var} in {items} %}}")
    form.add(*lines)
    form.tag("{%p endfor %}")


def when(form: Form, condition: str, *lines: P | str) -> None:
    """Paragraphs printed only when ``condition`` (a context name) holds."""
    form.tag(f"{{%p if {condition} %}}")
    form.add(*lines)
    form.tag("{%p endif %}")


def party_block(form: Form) -> None:
    loop(form, "party_block", P("{{ line }}", align="left"), var="line")


def numbered(form: Form, items: str, lead: str) -> None:
    """``lead`` then one indented, numbered paragraph per item."""
    form.add(lead)
    loop(form, items, "{{ loop.index }}．{{ item }}{{ '。' if loop.last else '；' }}")


def remedies(form: Form, what: str = "本决定", who: str = "") -> None:
    """The routes of appeal with the named reconsideration body and court, and their periods."""
    form.add(
        f"{who}如不服{what}，可以在收到本决定书之日起六十日内向{{{{ reconsideration_body }}}}申请行政复议，"
        "也可以在六个月内依法向{{ court }}提起行政诉讼。"
    )


def contact(form: Form) -> None:
    form.add(
        P("联系人：{{ contact_person }}　　联系电话：{{ contact_phone }}", indent=True, align="left"),
        P("联系地址：{{ contact_address }}", indent=True, align="left"),
    )


def letter(form: Form, kind: Kind, *, to: str = "{{ party_name }}：") -> None:
    """The head of a numbered letter: agency, title, number, addressee."""
    form.heading(numbered=kind.numbered, title=kind.title)
    form.addressee(to)
