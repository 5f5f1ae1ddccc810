"""Typed SQLAlchemy 2 models, one aggregate per module."""

from desk.models.agency import Agency, Officer
from desk.models.audit import AuditEntry
from desk.models.base import Base
from desk.models.calendar import CalendarDay
from desk.models.case import Attachment, Case, Document, Event, Party
from desk.models.deadline import CaseDeadline, DeadlineMark
from desk.models.discretion import DiscretionStandard
from desk.models.identity import Credential, PackageSeal, SigningKey
from desk.models.numbering import FormBlock, FormSpoiled, NumberCounter, NumberLog

__all__ = [
    "Agency",
    "Attachment",
    "AuditEntry",
    "Base",
    "CalendarDay",
    "Case",
    "CaseDeadline",
    "Credential",
    "DeadlineMark",
    "DiscretionStandard",
    "Document",
    "Event",
    "FormBlock",
    "FormSpoiled",
    "NumberCounter",
    "NumberLog",
    "Officer",
    "PackageSeal",
    "Party",
    "SigningKey",
]
