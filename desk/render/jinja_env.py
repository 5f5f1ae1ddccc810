"""The one Jinja environment templates are filled with: sandboxed, strict and autoescaping.

* sandboxed — an expression cannot reach Python internals (``''.__class__`` raises ``SecurityError``);
* strict — a name without a value raises instead of printing nothing;
* autoescaping — ``<``, ``&`` and quotes in a value are escaped for the DOCX XML, so a party called
  ``H&M<味香>`` neither corrupts the file nor changes it.

docxtpl compiles a document's XML on every render; the environment keeps the compiled templates of
the last few sources, so filling the same template again skips the compilation.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jinja2 import StrictUndefined, Template
from jinja2.sandbox import SandboxedEnvironment

_KEEP = 64


class DocxEnvironment(SandboxedEnvironment):
    def __init__(self) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self._compiled: dict[str, Template] = {}

    def from_string(self, source: Any, globals: Any = None, template_class: Any = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        template = self._compiled.get(source)
        if template is None:
            if len(self._compiled) >= _KEEP:
                self._compiled.clear()
            template = self._compiled[source] = super().from_string(source)
        return template


@cache
def environment() -> DocxEnvironment:
    return DocxEnvironment()
