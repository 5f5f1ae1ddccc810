"""The rules' conditions, one module per section of rules.md; importing this package registers them all."""

from desk.procedure.predicates import (
    closing,
    content,
    decision,
    discretion,
    execution,
    filing,
    hearing,
    notice,
    officers,
    service,
)

__all__ = [
    "closing", "content", "decision", "discretion", "execution", "filing", "hearing", "notice", "officers", "service",
]
