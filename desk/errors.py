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
    "field_required": "“{label}” is required.",
    "field_type": "“{label}” must be {expected}, not “{value}”.",
    "field_choice": "“{label}”: “{value}” is not allowed; use one of: {choices}.",
    "field_too_long": "“{label}” has {length} characters; at most {max_length} are allowed.",
    "field_minimum": "“{label}” must be at least {minimum}, not {value}.",
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
    "invalid_input": "{count} value(s) are wrong; nothing was changed:",
    "case_no_agency": "No agency is set up in this database yet; set it up (desk settings, or desk demo --cases 0 "
    "for the demo agency) before registering cases.",
    "officers_too_few": "at least two officers are needed (行政处罚法第四十二条), not {count}.",
    "officer_unknown": "“{name}” is not on the agency's roster of officers; use one of: {choices}.",
    "officer_uncertified": "{name} has no certificate number on the roster; add it before the officer acts on a case.",
    "squad_unknown": "“{value}” is no squad of the agency; use one of: {choices}.",
    "day_in_future": "{label}: {value} is after today ({today}); record only what has happened.",
    "violation_after_discovery": "{value} is after the date of discovery {discovered}.",
    "event_before_discovery": "{label}: {value} is before the case was discovered ({discovered}).",
    "case_not_open": "Case {ref} is {status}; only an open case can be changed.",
    "update_key_unknown": "“{key}” cannot be changed with desk update; use one of: {choices}.",
    "event_needs": "“{event}” on {on} needs “{needed}” on or before that day; record or issue that first.",
    "close_undecided": "Case {ref} has neither a decision nor a transfer yet; it cannot be closed.",
    "no_hearing_right": "The party has no right to a hearing in this case (no hearing-level penalty, and no "
    "document told it of one); a hearing request or waiver cannot be recorded.",
    "amount_required": "--amount: a payment needs its amount, more than 0 yuan.",
    "payment_without_fine": "Case {ref} imposes no fine; there is nothing to pay.",
    "payment_over_fine": "--amount: the payments ({total} yuan) would exceed the fine of {fine} yuan.",
    "days_required": "--days: an extension needs its number of days.",
    "already_served": "Document {ref} was served already on {on}; to correct that record give --correct REASON.",
    "issue_refused": "Issuing is refused by {rule}: {reason}",
    "issue_refused_fields": "Issuing is refused: {reason}",
    "issue_first_lawful": "The first lawful date is {date}.",
    # -- end of lifecycle (#11)
    # -- end of lifecycle (#11)
    # -- documents (#12)
    "label_required": "“{label}” is required: fill it in, then issue the document.",
    "label_type": "“{label}” must be {expected}, not “{value}”.",
    "label_choice": "“{label}”: “{value}” is not allowed; use one of: {choices}.",
    "label_too_long": "“{label}” has {length} characters; at most {max_length} are allowed.",
    "label_minimum": "“{label}” must be at least {minimum}, not {value}.",
    "setting_unknown": "No setting “{key}”; the settings are: {choices}.",
    "setting_bad_value": "Setting “{key}” must be {expected}, not “{value}”.",
    "setting_no_agency": "No agency yet: import a case or run “desk demo” first.",
    # -- end of documents (#12)
    # -- input boundary (#13)
    "text_too_long": "has {length} characters; at most {limit} are allowed.",
    "text_control": "holds the control character {code}, which cannot be stored; remove it.",
    "bad_amount": "“{value}” is not an amount of money (a finite number of yuan).",
    "amount_too_large": "{value} is more than the largest amount accepted ({limit} yuan).",
    "amount_decimals": "{value} has more than two decimals (yuan and fen).",
    "number_too_large": "{value} is more than {limit}.",
    "too_many_items": "has {count} entries; at most {limit} are allowed.",
    "date_too_early": "{value} is before {earliest}; no date that early is accepted.",
    "date_in_future": "{value} is after today ({latest}); record only what has happened.",
    "date_too_late": "{value} is after {latest}.",
    "year_out_of_range": "the year {value} is outside {earliest}–{latest}.",
    "seq_too_large": "sequence number {value} is more than {limit}; check the number.",
    "bad_sha256": "“{value}” is not a SHA-256 checksum (64 hexadecimal digits).",
    "pattern_invalid": "the number pattern “{pattern}” is malformed ({detail}).",
    "pattern_placeholder": "the number pattern “{pattern}” may use only {choices}, each once (it has: {name}).",
    "pattern_width": "the number pattern “{pattern}” pads by “{spec}”; at most {limit} digits are allowed.",
    "json_too_deep": "The file nests lists or objects deeper than {limit} levels; it is no desk-case/1 file.",
    "not_utf8": "{path} is not UTF-8 text (byte {position}); save it as UTF-8.",
    "file_too_large": "{path} has {size} bytes; at most {limit} are accepted here.",
    "path_outside": "file {value} lies outside the case file's folder; only files in that folder (or below) "
    "are read.",
    "output_folder_missing": "The folder of {path} does not exist and cannot be created ({detail}); name "
    "another file.",
    "output_is_folder": "{path} is a folder; name a file.",
    "output_unwritable": "Cannot write {path}: {detail}. Nothing was changed.",
    "home_not_folder": "DESK_HOME ({path}) is not a folder; point DESK_HOME at a folder.",
    "home_unusable": "Cannot use the data folder {path}: {detail}.",
    "internal_fault": "Desk met an internal fault ({detail}); nothing was changed. The details are in {log}: "
    "please send that file to your support.",
    "option_value": "{option}: {detail}",
    "image_too_large": "{path}: the picture claims {width}×{height} pixels, more than {limit}; scale it down.",
    "image_unreadable": "{path} is not a readable picture ({detail}).",
    "pdf_encrypted": "{path} is an encrypted PDF; remove its password, then add it again.",
    "archive_digest_unknown": "{path} is not a package this database archived (its digest is unknown): "
    "it may be a leftover of an interrupted archive, or altered.",
    "verify_encrypted": "encrypted: {path} (a Desk package is never encrypted)",
    "verify_unsupported": "unsupported compression: {path} ({detail})",
    "verify_too_large": "too large: {path} ({detail})",
    "json_syntax": "The file is not valid JSON (line {line}, column {column}). Check that it is a desk-case/1 "
    "export.",
    "zip_unreadable": "not a ZIP file, or its directory is damaged",
    "zip_entry_unreadable": "its compressed data is damaged",
    "fonts_invalid": "The font settings {path} are invalid: {detail}.",
    # -- end of input boundary (#13)    # -- end of input boundary (#13)
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
    "field_id_number": "“{label}”: {value} is not a valid ID number (its last character is the check digit of the "
                       "first 17); check what was typed.",
    "field_uscc": "“{label}”: {value} is not a valid unified social credit code (its check characters do not "
                  "match); check what was typed.",
    "field_after_issue": "“{label}” ({value}) must be after the issue date ({date}).",
    "field_before": "“{label}” ({value}) cannot be before “{other}”.",
    "scan_not_issued": "{document} is not issued: only an issued document has a signed scan.",
    "scan_type": "{path} is not a PDF or JPEG file; scan the signed paper to PDF or JPEG.",
    "evidence_unknown": "The case has no evidence {id}; refresh the dossier view.",
    # -- end of window (#15)
    # -- reports (#16)
    "report_bad_month": "“{value}” is not a month; write it as YYYY-MM (e.g. 2026-03).",
    "report_bad_year": "“{value}” is not a year; write it as YYYY (e.g. 2026).",
    "report_bad_date": "{option} “{value}” is not a real date; write it as YYYY-MM-DD.",
    "report_range_reversed": "The period starts on {start}, after its end {end}: swap --from and --to.",
    "report_unwritable": "Cannot write {path} ({detail}); choose a folder you may write to.",
    "publish_no_decision": "Case {ref} has no penalty decision; only a penalty decision is published.",
    "publish_before_decision": "Publication on {on} would come before the decision of {decided}.",
    "report_date_future": "{on} is after today; record what has happened.",
    "withdraw_reason_missing": "Say why the publication is withdrawn (--reason), e.g. 处罚决定已被撤销.",
    "withdraw_not_published": "Case {ref} was never published; there is nothing to withdraw.",
    "withdraw_before_publication": "Withdrawal on {on} would come before the publication of {published}.",
    # -- end of reports (#16)
    # -- discretion (#17)
    "discretion_file_type": "{path}: a discretion standard is a .toml or .xlsx file.",
    "discretion_not_toml": "{path} is not valid TOML ({detail}).",
    "discretion_not_xlsx": "{path} is not a readable XLSX workbook ({detail}).",
    "discretion_sheets": "{path} needs the sheets “standard” and “items” (see “desk discretion import --help”).",
    "discretion_invalid": "The discretion standard has {count} problem(s); nothing was loaded:",
    "discretion_dates": "valid_to {to} is before valid_from {start}.",
    "discretion_duplicate_item": "item id {value} appears more than once.",
    "discretion_duplicate_tier": "tier “{level}” appears more than once.",
    "discretion_kind": "unknown penalty kind “{value}”; use one of: {choices}.",
    "discretion_inverted": "the minimum {min} is above the maximum {max}.",
    "discretion_outside": "tier “{level}”: {min}–{max} yuan lies outside the statutory range {smin}–{smax} yuan.",
    "discretion_overlap": "tiers “{a}” ({a_range}) and “{b}” ({b_range}) overlap.",
    "discretion_tier_amount": "tier “{level}” needs a fine range (fine = {{ min = …, max = … }}) or an outcome.",
    "discretion_version_exists": "Version {version} of {name} is already loaded; give the new file a new version.",
    "discretion_unknown_item": "No item {item} in version {version} of a loaded discretion standard; list them with "
    "“desk discretion list”.",
    "discretion_unknown_tier": "Item {item} has no tier “{level}”; its tiers are: {levels}.",
    "bad_circumstance": "“{value}” must start with 从轻, 减轻 or 从重 and cite its legal ground "
    "(e.g. 减轻：行政处罚法第三十二条第（一）项 主动消除或者减轻违法行为危害后果).",
    # -- end of discretion (#17)
    # -- installer (#18)
    "no_display": "No display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set): start Desk "
                  "from the desktop, or use its verbs on the command line (desk --help).",
    # -- end of installer (#18)
    # -- speed (#19)
    # -- end of speed (#19)
    # -- forms (#20)
    "forms_no_agency": "There is no agency yet: import a case or run “desk demo” before registering forms.",
    "form_bad_integer": "{option}: “{value}” is not a whole number from {low} to {high}.",
    "form_code_unknown": "--code: “{value}” is no document number code; use one of: {choices}.",
    "form_range_inverted": "--from {first} is after --to {last}: give the first number of the block, then the last.",
    "form_range_too_large": "--from/--to: {count} forms in one block; a block holds at most {max}: register "
    "each bound block by itself.",
    "form_range_overlaps": "--from/--to: {first}–{last} overlaps block {block} ({other}); a form is registered once.",
    "form_range_spent": "--from/--to: {first}–{last} includes numbers already spent (up to {seq}); check the "
    "block's printed numbers.",
    "form_squad_unknown": "--squad: no squad “{value}”; the squads are: {choices}.",
    "form_officer_unknown": "--officer: no officer “{value}” on the roster; check the name or add the officer first.",
    "form_hand_to_nobody": "Say whom the block goes to: --squad and/or --officer.",
    "form_block_not_found": "No form block “{ref}”; list the blocks with “desk forms list”.",
    "form_block_signed_off": "Block {block} was signed off (核销) by {by} on {at}; nothing in it can change.",
    "form_number_malformed": "{option}: “{value}” is not a form number; give the printed number ({example}) or its "
    "digits.",
    "form_number_other": "{option}: “{value}” is not a form of this kind and year (such as {example}).",
    "form_number_ambiguous": "{option}: “{value}” is in more than one block; give the printed number ({example}).",
    "form_outside_blocks": "{option}: {number} belongs to no registered block; register the block with "
    "“desk forms add” first.",
    "form_not_held": "--form: {number} is in block {block}, held by {holder}, not by the case's squad ({squad}) or "
    "its officers; hand the block over first.",
    "form_used": "{option}: {number} is used already (case {case}); a form is used once.",
    "form_spoiled": "{option}: {number} was voided as spoiled ({reason}); use another form.",
    "form_none_left": "No unused {code} form of {year} is held by the case's officers or its squad ({squad}): "
    "register or hand over a block (desk forms).",
    "form_reason_missing": "Say why the form is voided (--reason): spoiled, lost …",
    "form_reason_too_long": "--reason has {length} characters; at most {max_length} are allowed.",
    "form_kind_unnumbered": "--form: a {kind} carries no number.",
    "form_signoff_unused": "Block {block} cannot be signed off (核销): {count} number(s) are unused ({numbers}). "
    "Enter or spoil them first.",
    "form_signed_off_already": "Block {block} was signed off (核销) by {by} on {at} already.",
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
        return gettext(template, lang).format(**{k: _text(v, lang) for k, v in self.params.items()})


class Term(str):
    """A word inside a message that is itself translated ("an object", "issued"), not shown as typed; its
    ``values`` fill the translated text (``Term("line {n}", n=3)``)."""

    values: dict[str, object]

    def __new__(cls, text: str, **values: object) -> Term:
        term = super().__new__(cls, text)
        term.values = values
        return term


def _text(value: object, lang: str | None = None) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_text(v, lang) for v in value)
    if isinstance(value, Term):
        from desk.i18n import gettext

        return gettext(str(value), lang).format(**value.values)
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


class FieldProblem(Problem):
    """A problem of one field of a document: the message names the field by its label only (its English
    label, ``label_en``, in English)."""

    def render(self, lang: str | None = None) -> str:
        from desk import config

        if (lang or config.language()).startswith("en") and self.params.get("label_en"):
            return DeskError(self.key, **{**self.params, "label": self.params["label_en"]}).render(lang)
        return UserError.render(self, lang)


class NotFound(UserError):
    """A case, document or file the user named does not exist."""


class TemplateError(UserError):
    """A manifest or template is unusable."""


class FrozenError(UserError):
    """A write to an archived (read-only) case."""


class DatabaseError(DeskError):
    """The database could not be reached or refused a change: the user's configuration or a race, exit 2."""

    exit_code = 2


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


class IssueRefused(Refusal):
    """The issue guard's "no": issuing would break a blocking rule (or leave a required field empty)."""

    def __init__(self, *, rule: str, reason: str, first_lawful: object | None,
                 others: Sequence[str] = ()) -> None:
        self.rule, self.reason, self.first_lawful, self.others = rule, reason, first_lawful, list(others)
        super().__init__("issue_refused" if rule else "issue_refused_fields", rule=rule, reason=reason)

    def render(self, lang: str | None = None) -> str:
        from desk.i18n import gettext

        text = super().render(lang)
        if self.others:
            text += f" (+ {', '.join(self.others)})"
        if self.first_lawful is not None:
            text += " " + gettext(MESSAGES["issue_first_lawful"], lang).format(date=self.first_lawful)
        return text
