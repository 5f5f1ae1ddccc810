"""The one ``DeskError`` tree. Every exception Desk raises on purpose is defined here.

A ``UserError`` is a mistake the user can fix: it carries a message key and its parameters, and is
shown as one translated line (what is wrong, what to do); the command line exits 2 and nothing was
changed. A ``Refusal`` is a verb's own "no" (blockers found, damage found): exit 1. Anything else
escaping Desk is a fault.
"""

from __future__ import annotations

from collections.abc import Sequence

# Message keys → English source text (the msgid translated through the gettext catalogs).
MESSAGES: dict[str, str] = {
    "not_json": "The file is not valid JSON ({detail}). Check that it is a desk-case/1 export.",
    "file_unreadable": "Cannot read {path}: {detail}.",
    "invalid_case": "The case file has {count} problem(s); nothing was imported:",
    "wrong_format": "format must be “desk-case/1”, not “{value}”.",
    "unknown_key": "unknown key “{key}” — remove it or correct its spelling.",
    "missing_key": "“{key}” is required.",
    "bad_type": "“{key}” must be {expected}.",
    "bad_date": "“{value}” is not a real date (YYYY-MM-DD).",
    "bad_time": "“{value}” is not a time (HH:MM).",
    "bad_enum": "“{value}” is not allowed; use one of: {choices}.",
    "negative": "must not be negative ({value}).",
    "bad_id_number": "ID number {value} is invalid (GB 11643 check digit or birth date).",
    "bad_uscc": "unified social credit code {value} is invalid (GB 32100 / GB 11714 check).",
    "party_id_missing": "an organisation needs a unified social credit code (uscc).",
    "unknown_document_kind": "unknown document kind “{value}” — see “desk kinds”.",
    "duplicate_number_in_file": "number {value} appears more than once in the file.",
    "duplicate_number_in_db": "number {value} is already used in this database.",
    "number_pattern": "number {value} does not match the agency's pattern for {kind} ({example}).",
    "serves_nowhere": "serves “{value}”, which is no document in this file.",
    "file_missing": "file {value} does not exist.",
    "case_not_found": "No case “{ref}”. List the cases with “desk cases”.",
    "document_not_found": "No document “{ref}”. List a case's documents with “desk export CASE”.",
    "demo_not_empty": "The database already holds cases; “desk demo” only fills an empty database.",
    "unknown_kind": "Unknown document kind “{kind}”. Run “desk kinds” to list the kinds.",
    "manifest_invalid": "The manifest of {kind} is invalid: {problem}.",
    "manifest_field_type": "The manifest of {kind} gives field {field} the unknown type {value}.",
    "database_unavailable": "Cannot open the database ({detail}). Check DESK_DATABASE_URL or DESK_HOME.",
    "database_conflict": "The database refused the change ({detail}); nothing was saved.",
    "bad_option": "{option}: {detail}",
    "case_frozen": "Case {ref} is archived and read-only; nothing was changed.",
    "invalid_fields": "The document has {count} problem(s); nothing was saved:",
    "not_permitted": "Your role ({roles}) may not {action}; ask a colleague who may.",
    "document_frozen": "Document {ref} is {status} and frozen; void it and draft a new one to change it.",
    "document_not_draft": "Document {ref} is {status}, not a draft; only a draft can be issued.",
    "document_not_issued": "Document {ref} is {status}; only an issued document can be served or voided.",
    "void_reason_missing": "Say why the document is voided (--reason).",
    "bad_service_method": "“{value}” is no service method; use one of: {choices}.",
    "kind_not_served": "A {kind} is not served on the party.",
    "served_before_issue": "Service on {on} would come before the issue date {issued}.",
    "electronic_without_consent": "Electronic service needs the party's 送达地址确认书 consenting to it, issued "
    "on or before that day.",
    "field_unknown": "{kind} has no field “{field}”; run “desk kinds” to list its fields.",
    "field_required": "“{field}” ({label}) is required.",
    "field_type": "“{field}” ({label}) must be {expected}, not “{value}”.",
    "field_choice": "“{field}” ({label}): “{value}” is not allowed; use one of: {choices}.",
    "field_too_long": "“{field}” ({label}) has {length} characters; at most {max_length} are allowed.",
    "field_minimum": "“{field}” ({label}) must be at least {minimum}, not {value}.",
    "source_unknown": "The manifest of {kind} takes the default of {field} from the unknown source “{source}”.",
    "template_missing": "Kind {kind} has no template.docx; run tools/make_templates.py.",
    "template_unreadable": "{path} is not a readable DOCX file ({detail}).",
    "template_syntax": "The template of {kind} has a syntax error: {detail}.",
    "template_undeclared": "{path} uses names the manifest of {kind} does not declare: {names}. "
    "Correct the template; Desk keeps using the shipped one.",
    "template_undefined": "The template of {kind} uses “{name}”, which has no value: declare it in the manifest.",
    "template_unsafe": "The template of {kind} was refused: {detail}",
    "calendar_missing": "No holiday calendar for {year}: import the State Council's notice for {year} with "
    "“desk calendar import FILE”.",
    "calendar_file_invalid": "{path}, {where}: {detail}. Use the layout of desk/procedure/holidays.toml, "
    "or CSV lines date,working,note.",
    "calendar_file_kind": "{path}: a calendar file must end in .toml or .csv.",
    "dossier_profile_unknown": "No binding profile “{name}”; the profiles are: {choices}.",
    "dossier_profile_invalid": "The binding profile {path} is invalid: {detail}.",
    "dossier_cancelled": "Binding the dossier was cancelled; no file was written.",
    "output_exists": "{path} exists already; an archive package is never overwritten: name a new file.",
    "archive_refused": "Case {ref} may not be archived: {count} blocking finding(s). Nothing was changed.{blockers}",
    "archive_pattern_invalid": "The agency's archive number pattern “{pattern}” is unusable ({detail}); "
    "use for example {{year}}{{seq:04}}.",
    "archive_number_taken": "Archive number {number} is taken already: the agency's pattern “{pattern}” repeats "
    "numbers; include {{year}} in it.",
    "archive_file_missing": "The stored file of “{title}” is missing ({path}); nothing was archived. "
    "Restore the evidence store from a backup.",
    "archive_file_damaged": "The stored file of “{title}” no longer matches its checksum ({path}); nothing was "
    "archived. Restore the evidence store from a backup.",
    "package_no_anchor": "{path} records no audit anchor (Audit-Anchor in bag-info.txt): is it a Desk archive package?",
    "verify_unreadable": "unreadable: {path} ({detail})",
    "verify_malformed": "malformed: {path} ({detail})",
    "verify_damaged": "damaged: {path} ({detail})",
    "verify_missing": "missing: {path}",
    "verify_extra": "extra: {path}",
    "verify_duplicate": "twice in the package: {path}",
    "verify_oxum": "wrong payload size in {path} ({detail})",
    "verify_intact": "{package}: intact, {files} files; every checksum holds under SHA-256 and SM3.",
    "verify_failed": "{package}: {count} problem(s); the package is not what was archived.",
    "audit_edited": "audit entry {entry}: edited (its content no longer matches its hash)",
    "audit_chain": "audit entry {entry}: the chain breaks before it (an entry was deleted, or the order changed)",
    "audit_anchor": "audit entry {entry}: missing or changed since an archive package recorded it",
    "audit_intact": "The audit log is intact.",
    "audit_failed": "The audit log has {count} problem(s).",
    "pdf_unsupported": "The document uses {features}, which Desk's PDF renderer cannot draw: remove it from the "
    "template, or render with LibreOffice (--backend libreoffice).",
    "libreoffice_missing": "LibreOffice (soffice) is not installed: install it, or use Desk's own PDF renderer.",
    "libreoffice_failed": "LibreOffice could not convert the document to PDF ({detail}).",
    # -- lifecycle (#11)
    # -- end of lifecycle (#11)
    # -- documents (#12)
    # -- end of documents (#12)
    # -- input boundary (#13)
    # -- end of input boundary (#13)
    # -- identity (#14)
    "login_invalid": "“{login}” cannot be a login: use lower-case letters, digits and _, starting with a letter (at "
    "most 60).",
    "password_too_short": "The password is too short: use at least {minimum} characters.",
    "clerk_needs_squad": "A clerk works in a squad: give --squad for {login}.",
    "login_taken": "The login “{login}” exists already; choose another name.",
    "admin_exists": "This database has an administrator already; sign in as the administrator to add users.",
    "sign_in_refused": "Sign-in refused for “{login}”: unknown user or wrong password. Check both and try again.",
    "case_other_squad": "Case {ref} belongs to {squad}; a clerk acts only on his own squad's cases.",
    "database_refused": "The database refused: your login may not do this ({detail}). Nothing was changed.",
    "passphrase_missing": "Archiving signs the package: give the passphrase of the agency's signing key "
    "(DESK_PASSPHRASE or standard input).",
    "passphrase_wrong": "The passphrase does not open the agency's signing key ({fingerprint}…); nothing was archived.",
    "verify_signed": "signed with the agency key {fingerprint}… (SM2 over the tag manifests)",
    "verify_signature_unsigned": "unsigned: {path} carries no signature (signature-sm2.txt), so its origin cannot be "
    "proved",
    "verify_signature_malformed": "signature: the signature file of {path} is malformed",
    "verify_signature_invalid": "signature: the SM2 signature of {path} does not match its tag manifests (changed "
    "after signing)",
    "verify_signature_foreign": "signature: signed with key {fingerprint}…, which is not the agency's",
    "verify_db_missing": "database: no record of a package archived as {number}",
    "verify_db_digest": "database: the package differs from the one archived as {number} (SHA-256 is not the "
    "recorded one)",
    "audit_seal_signature": "package record {number}: changed (its signature no longer holds)",
    "audit_seal_key": "package record {number}: signed with a key the agency does not have",
    "passwords_differ": "The two passwords differ; type the same password twice.",
    "audit_seal_missing": "archived case {number} has no signed package record in the database",
    # -- end of identity (#14)
    # -- window (#15)
    # -- end of window (#15)
    # -- reports (#16)
    # -- end of reports (#16)
    # -- discretion (#17)
    # -- end of discretion (#17)
    # -- installer (#18)
    # -- end of installer (#18)
    # -- speed (#19)
    # -- end of speed (#19)
    # -- forms (#20)
    # -- end of forms (#20)
}


class DeskError(Exception):
    """Root of every error Desk raises on purpose."""

    exit_code = 3

    def __init__(self, key: str, /, **params: object) -> None:
        self.key = key
        self.params = params
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        """The message in ``lang`` (default: the user's language)."""
        from desk.i18n import gettext

        template = MESSAGES.get(self.key, self.key)
        return gettext(template, lang).format(**{k: _text(v) for k, v in self.params.items()})


def _text(value: object) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


class UserError(DeskError):
    """The user's input is wrong; nothing was changed. The command line exits 2."""

    exit_code = 2


class ValidationError(UserError):
    """Input with one or more problems; each problem names where it is and what is wrong."""

    def __init__(self, problems: Sequence[Problem], heading: str = "invalid_case") -> None:
        self.problems = list(problems)
        super().__init__(heading, count=len(self.problems))

    def render(self, lang: str | None = None) -> str:
        head = super().render(lang)
        return "\n".join([head, *(f"  - {p.render(lang)}" for p in self.problems)])


class Problem(UserError):
    """One problem at one place of an input (``where`` is a JSON path such as ``parties[0].uscc``)."""

    def __init__(self, where: str, key: str, /, **params: object) -> None:
        self.where = where
        super().__init__(key, **params)

    def render(self, lang: str | None = None) -> str:
        return f"{self.where}: {super().render(lang)}"


class NotFound(UserError):
    """A case, document or file the user named does not exist."""


class TemplateError(UserError):
    """A manifest or template is unusable."""


class FrozenError(UserError):
    """A write to an archived (read-only) case."""


class DatabaseError(DeskError):
    """The database could not be reached or refused a change."""


class Refusal(DeskError):
    """The verb's own "no": the check found blockers, verify found damage, archive refused."""

    exit_code = 1


class Cancelled(DeskError):
    """The user stopped a long task (binding a dossier); nothing it was writing was left behind."""

    exit_code = 130


class CalendarMissing(UserError):
    """A date falls in a year the holiday calendar has no data for (a deadline cannot be counted)."""

    def __init__(self, year: int) -> None:
        self.year = year
        super().__init__("calendar_missing", year=year)
