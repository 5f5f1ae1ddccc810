"""What a case's procedure expects next: a few sentences, and the document kinds that fit the stage first.

A pure function of the derived state (recorded and implied events, issued documents) and the periods the
rules judge (``periods``), so the workspace, ``desk next`` and the check never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desk import config
from desk.casefile.facts import CaseFile
from desk.errors import CalendarMissing
from desk.i18n import gettext
from desk.procedure import periods
from desk.procedure.calendar import Calendar
from desk.procedure.context import NO_PENALTY, TRANSFERS, Context
from desk.procedure.predicates.hearing import hearing_reason
from desk.procedure.ruleset import rules


@dataclass(frozen=True)
class Plan:
    steps: tuple[str, ...]
    kinds: tuple[str, ...]


def _day(day: date | None, lang: str) -> str:
    if day is None:
        return "?"
    return f"{day.month}月{day.day}日" if lang.startswith("zh") else day.isoformat()


def next_steps(cf: CaseFile, calendar: Calendar, today: date) -> Plan:
    """The next expected steps of ``cf`` as of ``today`` (sentences in the user's language) and kinds to offer."""
    ctx = Context(cf, calendar, today, rules())
    lang = config.language()
    try:
        steps, kinds = _summary(ctx) if not ctx.general else _general(ctx, lang)
    except CalendarMissing as missing:
        steps, kinds = [gettext("No holiday calendar for {year}.", lang).format(year=missing.year)], []
    return Plan(tuple(gettext(s, lang) if "{" not in s else s for s in steps), tuple(kinds))


def _summary(ctx: Context) -> tuple[list[str], list[str]]:
    if ctx.closed_on:
        return ["The case is closed; it may be archived."], []
    if ctx.decision is None:
        return ["Summary procedure: issue the on-the-spot decision and hand it to the party."], [
            "summary_penalty_decision"]
    if ctx.cf.case.penalty.fine and periods.fine_paid_on(ctx) is None:
        return ["Record the payment of the fine, then close the case."], ["payment_record"]
    return ["Record the closing of the case (desk record CASE closed)."], []


def _general(ctx: Context, lang: str) -> tuple[list[str], list[str]]:
    cf = ctx.cf
    if ctx.closed_on:
        return ["The case is closed; it may be archived."], []
    if ctx.filing_date is None:
        return ["Record the inspection and file the case: issue the filing approval."], [
            "case_source_register", "onsite_inspection_record", "filing_approval"]
    if ctx.outcome in TRANSFERS or cf.events_of("transferred"):
        if not cf.events_of("transfer_receipt"):
            return ["Record the receiving organ's receipt of the transfer (transfer_receipt)."], []
        return ["Close the case: issue the closing approval."], ["closing_approval"]
    if ctx.decision is None:
        return _before_decision(ctx, lang)
    return _after_decision(ctx, lang)


def _before_decision(ctx: Context, lang: str) -> tuple[list[str], list[str]]:
    cf = ctx.cf
    decide = ["penalty_decision", "no_penalty_decision"]
    if not cf.issued_of("investigation_report"):
        return ["Investigate (inspection, inquiry, evidence), then conclude with the investigation report."], [
            "inquiry_record", "onsite_inspection_record", "evidence_preservation_notice", "investigation_report",
            "criminal_transfer", "case_transfer_letter"]
    notices = cf.issued_of("penalty_prior_notice")
    if not notices:
        return ["Issue and serve the prior notice (事先告知书), or transfer the case."], [
            "penalty_prior_notice", "criminal_transfer", "case_transfer_letter"]
    served = periods.notices_served(ctx)
    if not served:
        return ["Serve the prior notice on the party."], []
    _notice, on = served[-1]
    waived = {e.type for e in cf.events_of("statement_waived", "hearing_waived")}
    ends = [] if "statement_waived" in waived else [periods.statement_end(ctx, on)]
    told = periods.hearing_told(ctx)
    kinds = ["statement_record", "statement_review"]
    if cf.events_of("hearing_requested") and not cf.events_of("hearing_held"):
        kinds = ["hearing_notice", "hearing_record", "hearing_report"]
        steps = [gettext("The party asked for a hearing: notify it at least 7 working days ahead, hold it and "
                         "report, then have the legal review.", lang)]
        return steps, [*kinds, "legal_review_opinion"]
    if "hearing_waived" not in waived and (told or hearing_reason(ctx)) and not cf.events_of("hearing_requested"):
        ends.append(periods.hearing_request_end(ctx, on))
    text = gettext("The prior notice was served on {served}; the period to state and defend runs to {end}; "
                   "after it the decision may be made.", lang)
    steps = [text.format(served=_day(on, lang), end=_day(max(ends) if ends else on, lang))]
    if cf.case.major or cf.events_of("hearing_held"):
        kinds.append("legal_review_opinion")
    if cf.case.complex or ctx.outcome in NO_PENALTY:
        kinds.append("collective_discussion_record")
    return steps, [*kinds, *decide]


def _after_decision(ctx: Context, lang: str) -> tuple[list[str], list[str]]:
    decision = ctx.decision
    assert decision is not None
    if decision.served_on is None:
        due = periods.service_due(ctx, decision)
        return [gettext("Serve the decision by {due}.", lang).format(due=_day(due, lang))], []
    if ctx.outcome == "penalty" and ctx.cf.case.penalty.fine and periods.fine_paid_on(ctx) is None:
        due = periods.payment_due(ctx, decision)
        text = gettext("The decision was served on {served}; the fine is due by {due}.", lang)
        return [text.format(served=_day(decision.served_on, lang), due=_day(due, lang))], [
            "payment_record", "installment_decision", "demand_notice", "court_enforcement_application"]
    return ["The decision is executed: close the case with the closing approval."], ["closing_approval"]
