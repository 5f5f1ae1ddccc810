"""The hostile inputs of issue #13, as data tables: what an attacker types, and which verb gets it.

``CASE_FILE`` rows change one thing in a valid case file (``base_case.json``) and import it; ``RAW_FILES`` are
whole files that are no case file at all; ``COMMANDS`` are command lines against a database holding that case;
``SETTINGS_FILES`` are broken calendar, profile and fonts.toml files; ``ENVIRONMENTS`` break DESK_HOME or
DESK_DATABASE_URL. Each row is refused: exit 2 (1 for ``verify``), one localized line (a case file's
problems: one heading and one line per problem), no traceback, the database as it was.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from desk.casefile import limits

BASE = Path(__file__).with_name("base_case.json")
TOMORROW = (date.today() + timedelta(days=1)).isoformat()
Doc = dict[str, Any]


@dataclass(frozen=True)
class Raw:
    """A JSON token Python's json would not write (``Infinity``, ``1e400``): put into the text as it is."""

    token: str


def dumps(doc: Doc) -> str:
    raws: list[str] = []

    def default(obj: object) -> str:
        assert isinstance(obj, Raw)
        raws.append(obj.token)
        return f"@@RAW{len(raws) - 1}@@"

    text = json.dumps(doc, ensure_ascii=False, default=default)
    text = re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m.group()):04x}", text)  # as JSON escapes them
    for i, token in enumerate(raws):
        text = text.replace(f'"@@RAW{i}@@"', token)
    return text


def base() -> Doc:
    return json.loads(BASE.read_text(encoding="utf-8"))


def put(doc: Doc, path: str, value: Any) -> None:
    *head, last = path.split(".")
    node: Any = doc
    for part in head:
        node = node[int(part)] if part.isdigit() else node.setdefault(part, {})
    if isinstance(node, list):
        node[int(last)] = value
    else:
        node[last] = value


# ---- one value at one key of the case file -------------------------------------------------------------------
# (the key, the longest text its column holds): a value one longer must be refused on both backends
TEXT_KEYS: list[tuple[str, int]] = [
    *((f"agency.{k}", n) for k, n in limits.AGENCY.items() if k != "number_pattern"),
    *((f"case.{k}", n) for k, n in limits.CASE.items() if k not in ("retention",)),
    ("case.discretion.level", limits.DISCRETION["level"]),
    ("case.discretion.standard", limits.DISCRETION["standard"]),
    ("case.officers.0.name", limits.OFFICER["name"]),
    ("case.officers.0.certificate", limits.OFFICER["certificate"]),
    ("case.evidence.0", limits.LIST_ITEM_TEXT),
    ("case.violated.0", limits.LIST_ITEM_TEXT),
    ("case.basis.0", limits.LIST_ITEM_TEXT),
    *((f"parties.0.{k}", n) for k, n in limits.PARTY.items()),
    ("events.0.by", limits.EVENT["by"]),
    ("events.0.note", limits.EVENT["note"]),
    ("documents.5.receiver", limits.DOCUMENT["receiver"]),
    ("documents.6.serves", limits.DOCUMENT["serves"]),
    ("documents.0.void_reason", limits.DOCUMENT["void_reason"]),
    ("documents.0.file", limits.PATH_TEXT),
]
ATTACHMENT = {"title": "现场照片", "kind": "photo", "made_on": "2026-03-02", "made_by": "陈建国"}
ATTACHMENT_TEXT = [(k, limits.ATTACHMENT[k]) for k in ("title", "kind", "made_by", "proves")]

# control characters and broken Unicode no column can hold (PostgreSQL refuses NUL outright)
CONTROLS = {"nul": "\x00", "bell": "\x07", "escape": "\x1b", "delete": "\x7f", "surrogate": "\ud800",
            "vertical_tab": "\x0b"}
CONTROL_KEYS = ["case.cause", "parties.0.name", "parties.0.address", "case.facts", "events.0.note",
                "documents.5.receiver", "agency.name", "case.officers.0.name"]

AMOUNT_KEYS = ["case.penalty.fine", "case.penalty.confiscated", "events.8.amount", "events.5.amount"]
BAD_AMOUNTS: dict[str, Any] = {
    "infinity": Raw("Infinity"), "minus_infinity": Raw("-Infinity"), "nan": Raw("NaN"),
    "1e400": Raw("1e400"),
    "minus_1e400": Raw("-1e400"), "ten_to_30": 10**30, "over_ten_billion": 10_000_000_000.01,
    "three_decimals": 1.234, "negative": -1, "text": "5000", "bool": True, "list": [5000], "object": {"v": 1},
    "huge_digits": Raw("9" * 5000),
}
COUNT_KEYS = {"documents.1.pages": limits.COUNT_MAX, "events.10.days": limits.DAYS_MAX}
BAD_COUNTS: dict[str, Callable[[int], Any]] = {
    "ten_to_12": lambda n: 10**12, "one_over": lambda n: n + 1, "negative": lambda n: -1,
    "fraction": lambda n: 2.5,
    "text": lambda n: "2", "infinity": lambda n: Raw("Infinity"),
}
DATE_KEYS = ["case.discovered_on", "case.violation_on", "events.0.on", "documents.0.issued_on",
             "documents.5.served_on", "attachments.0.made_on"]
BAD_DATES: dict[str, Any] = {
    "year_1": "0001-01-01", "year_9999": "9999-12-31", "before_1990": "1989-12-31", "tomorrow": TOMORROW,
    "feb_30": "2026-02-30", "no_padding": "2026-3-1", "number": 20260301, "empty": "", "with_time": "2026-03-01T00:00",
}
NUMBERS = {
    "seq_2_31": "东综执罚决字〔2026〕2147483648号", "seq_over_limit": "东综执罚决字〔2026〕1000001号",
    "year_9999": "东综执罚决字〔9999〕1号", "year_0001": "东综执罚决字〔0001〕1号",
    "year_1989": "东综执罚决字〔1989〕5号",
    "next_year": f"东综执罚决字〔{date.today().year + 1}〕5号", "seq_negative": "东综执罚决字〔2026〕-1号",
    "seq_500_digits": "东综执罚决字〔2026〕" + "9" * 500 + "号", "nul_inside": "东综执罚决字〔2026〕2\x001号",
    "seq_leading_zero": "东综执罚决字〔2026〕021号",
}
PATTERNS = {
    "seq_width_999999999": "{agency}{code}字〔{year}〕{seq:999999999}号",
    "seq_width_9": "{agency}{code}字〔{year}〕{seq:9}号",
    "conversion": "{agency}{code}字〔{year}〕{seq!r}号", "attribute": "{agency}{code}字〔{year.__class__}〕{seq}号",
    "index": "{agency}{code}字〔{year[0]}〕{seq}号", "seq_twice": "{agency}{code}{seq}字〔{year}〕{seq}号",
    "no_seq": "{agency}{code}字〔{year}〕号", "unknown": "{agency}{code}字〔{year}〕{seq}号{secret}",
    "open_brace": "{agency}{code}字〔{year}〕{seq号", "stray_close": "{agency}}{code}字〔{year}〕{seq}号",
    "positional": "{0}{agency}{code}字〔{year}〕{seq}号", "align": "{agency}{code}字〔{year}〕{seq:>20}号",
    "too_long": "{agency}{code}字〔{year}〕{seq}号" + "号" * 100, "not_text": 42,
}
STRUCTURE: dict[str, Callable[[Doc], None]] = {
    "format_other": lambda d: put(d, "format", "desk-case/2"),
    "format_number": lambda d: put(d, "format", 1),
    "agency_list": lambda d: put(d, "agency", []),
    "case_text": lambda d: put(d, "case", "案件"),
    "parties_object": lambda d: put(d, "parties", {"kind": "person"}),
    "events_text": lambda d: put(d, "events", "filed"),
    "too_many_parties": lambda d: put(d, "parties", d["parties"] * (limits.LIST_ITEMS + 1)),
    "too_many_events": lambda d: put(d, "events", d["events"] * 21),
    "too_many_evidence": lambda d: put(d, "case.evidence", ["笔录"] * (limits.LIST_ITEMS + 1)),
    "fields_deep": lambda d: put(d, "documents.7.fields", _nested(20)),
    "case_deep": lambda d: put(d, "case.discretion", _nested(40)),
    "fields_list": lambda d: put(d, "documents.7.fields", ["facts"]),
    "fields_nul": lambda d: put(d, "documents.7.fields", {"facts": "事实\x00"}),
    "fields_infinity": lambda d: put(d, "documents.7.fields", {"fine": Raw("Infinity")}),
    "fields_huge": lambda d: put(d, "documents.7.fields", {"fine": 10**30}),
    "fields_long_name": lambda d: put(d, "documents.7.fields", {"f" * 100: "x"}),
    "fields_long_text": lambda d: put(d, "documents.7.fields", {"facts": "事" * (limits.LONG_TEXT + 1)}),
    "fields_many": lambda d: put(d, "documents.7.fields", {f"f{i}": "x" for i in range(limits.LIST_ITEMS + 1)}),
    "sha256_not_hex": lambda d: put(d, "attachments", [{**ATTACHMENT, "sha256": "../../etc/passwd"}]),
    "megabyte_cause": lambda d: put(d, "case.cause", "倾" * 1_000_000),
    "leaders_long": lambda d: put(d, "events.0.leaders", ["领" * (limits.LEADER + 1)]),
    "unknown_key_nul": lambda d: put(d, "case.\x00", 1),
    "event_at_25h": lambda d: put(d, "events.0.at", "25:00"),
    "bad_enum_long": lambda d: put(d, "case.source", "x" * 100_000),
}


def _nested(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = {"a": value}
    return value


def _with_extension(d: Doc) -> None:
    d["events"].append({"type": "extension_approved", "on": "2026-03-20", "days": 30})


def _with_attachment(d: Doc) -> None:
    d["attachments"] = [dict(ATTACHMENT)]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def apply(d: Doc) -> None:
        if path.startswith("events.10."):
            _with_extension(d)
        if path.startswith("attachments.0."):
            _with_attachment(d)
        put(d, path, value)

    return apply


def _case_file_rows() -> dict[str, Callable[[Doc], None]]:
    rows: dict[str, Callable[[Doc], None]] = {}
    for key, n in TEXT_KEYS:
        rows[f"long:{key}"] = _set(key, "长" * (n + 1))
    for key, n in ATTACHMENT_TEXT:
        rows[f"long:attachments.0.{key}"] = _set(f"attachments.0.{key}", "长" * (n + 1))
    for key in CONTROL_KEYS:
        for name, ch in CONTROLS.items():
            rows[f"{name}:{key}"] = _set(key, f"前{ch}后")
    for key in AMOUNT_KEYS:
        for name, value in BAD_AMOUNTS.items():
            rows[f"amount_{name}:{key}"] = _set(key, value)
    for key, limit in COUNT_KEYS.items():
        for name, make in BAD_COUNTS.items():
            rows[f"count_{name}:{key}"] = _set(key, make(limit))
    for key in DATE_KEYS:
        for name, value in BAD_DATES.items():
            rows[f"date_{name}:{key}"] = _set(key, value)
    for name, number in NUMBERS.items():
        rows[f"number_{name}"] = _set("documents.7.number", number)
    for name, pattern in PATTERNS.items():
        rows[f"pattern_{name}"] = _set("agency.number_pattern", pattern)
    rows.update({f"structure_{k}": v for k, v in STRUCTURE.items()})
    return rows


CASE_FILE = _case_file_rows()

# ---- files named by a case file: (attachments[].file or documents[].file, what the folder holds) ------------
# the folder the case file sits in holds files/ok.pdf, files/bomb.png, … (see test_hostile_inputs.case_folder)
FILE_REFERENCES = {
    "parent_passwd": "../../../../etc/passwd", "absolute_hostname": "/etc/hostname",
    "dotdot_inside": "files/../../outside.txt", "symlink_out": "files/passwd_link",
    "dir_symlink_out": "files/etc/hostname", "windows_drive": "C:\\Windows\\win.ini",
    "unc": "\\\\server\\share\\x.pdf", "backslash_up": "files\\..\\..\\outside.txt",
    "missing": "files/none.pdf", "folder": "files/adir", "device_link": "files/zero_link", "home_tilde": "~/.bashrc",
    "png_200000_square": "files/bomb.png", "jpeg_65500_square": "files/bomb.jpg",
    "encrypted_pdf": "files/encrypted.pdf",
    "nul_in_path": "files/ok\x00.pdf",
    "long_name": "files/" + "n" * 201 + ".pdf",
}

# ---- whole files given to desk import -----------------------------------------------------------------------
RAW_FILES: dict[str, Callable[[], bytes]] = {
    "utf16": lambda: dumps(base()).encode("utf-16"),
    "utf16_le_no_bom": lambda: dumps(base()).encode("utf-16-le"),
    "utf32": lambda: dumps(base()).encode("utf-32"),
    "gb18030": lambda: dumps(base()).encode("gb18030"),
    "invalid_utf8": lambda: dumps(base()).encode("utf-8").replace("随意".encode(), b"\xff\xfe\xc3"),
    "latin1_byte": lambda: b'{"format": "desk-case/1\xe9"}',
    "brackets_200000": lambda: b"[" * 200_000,
    "braces_200000": lambda: b'{"a":' * 200_000,
    "nested_lists_100": lambda: b"[" * 100 + b"]" * 100,
    "empty": lambda: b"",
    "only_bom": lambda: b"\xef\xbb\xbf",
    "null": lambda: b"null",
    "list": lambda: b"[]",
    "string": lambda: b'"desk-case/1"',
    "number": lambda: b"1e400",
    "nan_top": lambda: b"NaN",
    "truncated": lambda: dumps(base()).encode("utf-8")[:500],
    "binary": lambda: bytes(range(256)) * 64,
    "zip_file": lambda: b"PK\x03\x04" + b"\x00" * 100,
    "nul_bytes_33mb": lambda: b"\x00" * (limits.JSON_FILE_BYTES + 1),
    "huge_int_digits": lambda: dumps(base()).replace("5000", "9" * 5000, 1).encode("utf-8"),
    "trailing_garbage": lambda: dumps(base()).encode("utf-8") + b"}",
    "lone_surrogate_escape": lambda: dumps(base()).replace("随意", "\\ud800", 1).encode("utf-8"),
    "nul_escape": lambda: dumps(base()).replace("随意", "\\u0000", 1).encode("utf-8"),
}

# ---- command lines: {case} the imported case, {draft} a draft of it, {issued} its issued decision, {tmp} a folder
LONG = "长" * (limits.LONG_TEXT + 1)
COMMANDS: dict[str, tuple[int, list[str]]] = {
    "issue_on_9999": (2, ["issue", "{draft}", "--on", "9999-12-31"]),
    "issue_on_0001": (2, ["issue", "{draft}", "--on", "0001-01-01"]),
    "issue_on_1989": (2, ["issue", "{draft}", "--on", "1989-12-31"]),
    "issue_on_tomorrow": (2, ["issue", "{draft}", "--on", TOMORROW]),
    "issue_on_feb_30": (2, ["issue", "{draft}", "--on", "2026-02-30"]),
    "issue_on_words": (2, ["issue", "{draft}", "--on", "yesterday"]),
    "issue_on_nul": (2, ["issue", "{draft}", "--on", "2026-03-01\x00"]),
    "issue_on_huge": (2, ["issue", "{draft}", "--on", "9" * 10_000]),
    "serve_on_9999": (2, ["serve", "{issued}", "--on", "9999-12-31", "--method", "direct"]),
    "serve_on_0001": (2, ["serve", "{issued}", "--on", "0001-01-01", "--method", "direct"]),
    "serve_on_tomorrow": (2, ["serve", "{issued}", "--on", TOMORROW, "--method", "direct"]),
    "serve_receiver_101": (2, ["serve", "{issued}", "--on", "2026-03-25", "--method", "direct", "--receiver",
                               "收" * (limits.DOCUMENT["receiver"] + 1)]),
    "serve_receiver_nul": (2, ["serve", "{issued}", "--on", "2026-03-25", "--method", "direct",
                               "--receiver", "周\x00"]),
    "serve_method_long": (2, ["serve", "{issued}", "--on", "2026-03-25", "--method", "x" * 10_000]),
    "void_reason_nul": (2, ["void", "{issued}", "--reason", "错\x00"]),
    "void_reason_long": (2, ["void", "{issued}", "--reason", LONG]),
    "void_reason_escape": (2, ["void", "{issued}", "--reason", "错\x1b[31m"]),
    "draft_fine_infinity": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=Infinity"]),
    "draft_fine_nan": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=NaN"]),
    "draft_fine_1e400": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=1e400"]),
    "draft_fine_10_30": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=" + "1" + "0" * 30]),
    "draft_fine_over_limit": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=10000000000.01"]),
    "draft_fine_decimals": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=12.345"]),
    "draft_fine_negative": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=-5"]),
    "draft_fine_words": (2, ["draft", "{case}", "penalty_decision", "--set", "fine=五千"]),
    "draft_confiscated_inf": (2, ["draft", "{case}", "penalty_decision", "--set", "confiscated=-Infinity"]),
    "draft_facts_nul": (2, ["draft", "{case}", "penalty_decision", "--set", "facts=事实\x00"]),
    "draft_facts_long": (2, ["draft", "{case}", "penalty_decision", "--set", f"facts={LONG}"]),
    "draft_cause_escape": (2, ["draft", "{case}", "penalty_decision", "--set", "cause=\x1b[2J"]),
    "draft_filed_9999": (2, ["draft", "{case}", "penalty_decision", "--set", "filed_on=9999-12-31"]),
    "draft_filed_0001": (2, ["draft", "{case}", "penalty_decision", "--set", "filed_on=0001-01-01"]),
    "draft_evidence_long": (2, ["draft", "{case}", "penalty_decision", "--set", "evidence=" + "证" * 301]),
    "draft_days_10_12": (2, ["draft", "{case}", "penalty_prior_notice", "--set", "statement_days=1000000000000"]),
    "draft_days_fraction": (2, ["draft", "{case}", "penalty_prior_notice", "--set", "statement_days=2.5"]),
    "draft_days_infinity": (2, ["draft", "{case}", "penalty_prior_notice", "--set", "statement_days=Infinity"]),
    "draft_officer_long": (2, ["draft", "{case}", "inquiry_record", "--set", "officers=" + "甲" * 61 + ":1"]),
    "draft_started_9999": (2, ["draft", "{case}", "inquiry_record", "--set", "started_at=9999-12-31T10:00"]),
    "draft_unknown_field_nul": (2, ["draft", "{case}", "penalty_decision", "--set", "\x00=1"]),
    "draft_kind_unknown": (2, ["draft", "{case}", "../../etc/passwd"]),
    "edit_fine_infinity": (2, ["edit", "{draft}", "--set", "started_at=0001-01-01T00:00"]),
    "edit_nul": (2, ["edit", "{draft}", "--set", "place=现场\x00"]),
    "case_ref_huge": (2, ["export", "9" * 30]),
    "case_ref_2_63": (2, ["export", str(2**63)]),
    "case_ref_nul": (2, ["export", "东综执\x00"]),
    "doc_ref_huge": (2, ["issue", "9" * 30]),
    "doc_ref_nul": (2, ["issue", "\x00"]),
    "search_nul": (2, ["cases", "--search", "\x00"]),
    "search_long": (2, ["cases", "--search", LONG]),
    "export_to_folder": (2, ["export", "{case}", "-o", "{tmp}"]),
    "export_under_a_file": (2, ["export", "{case}", "-o", "{tmp}/afile/x.json"]),
    "export_to_proc": (2, ["export", "{case}", "-o", "/proc/desk-nowhere/x.json"]),
    "render_to_folder": (2, ["render", "{issued}", "--pdf", "{tmp}"]),
    "render_under_a_file": (2, ["render", "{issued}", "--docx", "{tmp}/afile/x.docx"]),
    "dossier_to_folder": (2, ["dossier", "{case}", "-o", "{tmp}"]),
    "dossier_under_a_file": (2, ["dossier", "{case}", "-o", "{tmp}/afile/x.pdf"]),
    "archive_to_folder": (2, ["archive", "{case}", "-o", "{tmp}/adir"]),
    "archive_existing": (2, ["archive", "{case}", "-o", "{tmp}/afile"]),
    "import_folder": (2, ["import", "{tmp}"]),
    "import_missing": (2, ["import", "{tmp}/none.json"]),
    "import_dev_zero": (2, ["import", "/dev/null"]),
    "calendar_show_year_0": (2, ["calendar", "show", "0"]),
    "calendar_show_year_huge": (2, ["calendar", "show", "99999999999999999999"]),
    "calendar_import_folder": (2, ["calendar", "import", "{tmp}"]),
    "dossier_profile_traversal": (2, ["dossier", "{case}", "-o", "{tmp}/d.pdf", "--profile", "../../etc/passwd"]),
    "demo_negative": (2, ["demo", "--cases", "-1"]),
    "verify_zip_bomb": (1, ["verify", "{tmp}/bomb.zip"]),
    "verify_png_bomb": (1, ["verify", "{tmp}/bomb.png"]),
    "verify_encrypted_zip": (1, ["verify", "{tmp}/encrypted.zip"]),
    "verify_bzip2_zip": (1, ["verify", "{tmp}/bzip2.zip"]),
    "verify_lzma_zip": (1, ["verify", "{tmp}/lzma.zip"]),
    "verify_tag_bomb": (1, ["verify", "{tmp}/tag_bomb.zip"]),
    "verify_empty": (1, ["verify", "{tmp}/afile"]),
    "verify_garbage": (1, ["verify", "{tmp}/garbage.zip"]),
    "verify_folder": (2, ["verify", "{tmp}"]),
    "verify_missing": (2, ["verify", "{tmp}/none.zip"]),
    "verify_many_entries": (1, ["verify", "{tmp}/many.zip"]),
    "verify_truncated": (1, ["verify", "{tmp}/truncated.zip"]),
}

# ---- settings files: (the verb that reads it, the file's name, its bytes) ---------------------------------------
_CSV = "date,working,note\n"
SETTINGS_FILES: dict[str, tuple[str, str, bytes]] = {
    "calendar_utf16": ("calendar", "c.csv", (_CSV + "2026-10-01,false,国庆\n").encode("utf-16")),
    "calendar_bad_utf8": ("calendar", "c.csv", _CSV.encode() + b"2026-10-01,false,\xff\xfe\n"),
    "calendar_txt": ("calendar", "c.txt", (_CSV + "2026-10-01,false,国庆\n").encode()),
    "calendar_year_1": ("calendar", "c.csv", (_CSV + "0001-01-01,false,x\n").encode()),
    "calendar_year_9999": ("calendar", "c.csv", (_CSV + "9999-12-31,true,x\n").encode()),
    "calendar_long_note": ("calendar", "c.csv", (_CSV + "2026-10-01,false," + "节" * 101 + "\n").encode()),
    "calendar_nul_note": ("calendar", "c.csv", (_CSV + "2026-10-01,false,国\x00庆\n").encode()),
    "calendar_bad_date": ("calendar", "c.csv", (_CSV + "2026-13-01,false,x\n").encode()),
    "calendar_bad_flag": ("calendar", "c.csv", (_CSV + "2026-10-01,maybe,x\n").encode()),
    "calendar_toml_syntax": ("calendar", "c.toml", b"[2026\n"),
    "calendar_toml_rest_number": ("calendar", "c.toml", b"[2026]\nnational = {rest = 5}\n"),
    "calendar_toml_wrong_year": ("calendar", "c.toml", b"[2026]\nnational = {rest = [2027-10-01]}\n"),
    "calendar_toml_year_text": ("calendar", "c.toml", b"[abcd]\nx = {rest = []}\n"),
    "calendar_huge": ("calendar", "c.csv", _CSV.encode() + b"#" * (limits.SETTINGS_FILE_BYTES + 1)),
    "profile_syntax": ("profile", "bad.toml", b"[[volumes]\n"),
    "profile_volumes_number": ("profile", "bad.toml", b"volumes = 1\n"),
    "profile_volumes_texts": ("profile", "bad.toml", b'volumes = ["main"]\n'),
    "profile_sections_number": ("profile", "bad.toml", b'[[volumes]]\nid = "main"\nsections = 5\n'),
    "profile_title_number": ("profile", "bad.toml", b'[[volumes]]\nid = "main"\nsections = [{title = 5}]\n'),
    "profile_kinds_number": ("profile", "bad.toml",
                             b'[[volumes]]\nid = "main"\nsections = [{title = "a", kinds = 5, rest = true}]\n'),
    "profile_utf16": ("profile", "bad.toml", '[[volumes]]\nid = "main"\n'.encode("utf-16")),
    "profile_order_table": ("profile", "bad.toml",
                            b'[[volumes]]\nid = "main"\nsections = [{title = "a", order = {x = 1}, rest = true}]\n'),
    "fonts_syntax": ("fonts", "fonts.toml", b"[aliases\n"),
    "fonts_aliases_number": ("fonts", "fonts.toml", b"aliases = 1\n"),
    "fonts_families_list": ("fonts", "fonts.toml", b"families = []\n"),
    "fonts_family_number": ("fonts", "fonts.toml", b"[families]\nsong = 1\n"),
    "fonts_style_text": ("fonts", "fonts.toml", b'[families.song]\nregular = "simsun.ttc"\n'),
    "fonts_alias_number": ("fonts", "fonts.toml", "[aliases]\n\"宋体\" = 5\n".encode()),
    "fonts_unknown_table": ("fonts", "fonts.toml", b"[colours]\nred = 1\n"),
    "fonts_utf16": ("fonts", "fonts.toml", '[aliases]\n"宋体" = "song"\n'.encode("utf-16")),
    "fonts_huge": ("fonts", "fonts.toml", b"#" * (limits.SETTINGS_FILE_BYTES + 1)),
}

# ---- the environment: DESK_HOME and DESK_DATABASE_URL (None: as the fixture set it) ----------------------------
ENVIRONMENTS: dict[str, tuple[str | None, str | None]] = {
    "home_is_a_file": ("{tmp}/afile", None),
    "home_under_a_file": ("{tmp}/afile/home", None),
    "home_in_proc": ("/proc/desk-home", None),
    "url_garbage": (None, "not a url"),
    "url_unknown_driver": (None, "oracle+nothing://x/y"),
    "url_pg_closed_port": (None, "postgresql+psycopg://desk@127.0.0.1:1/desk?connect_timeout=2"),
    "url_sqlite_under_a_file": (None, "sqlite:///{tmp}/afile/desk.sqlite3"),
    "url_sqlite_in_proc": (None, "sqlite:////proc/desk-nowhere/desk.sqlite3"),
    "url_sqlite_folder": (None, "sqlite:///{tmp}"),
}
ENVIRONMENT_VERBS = [["cases"], ["import", "{case_file}"]]
