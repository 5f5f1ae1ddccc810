"""The bound dossier, read back from the PDF: every demo case and every fixture case, both volumes.

For each volume: page count = sheets + Σ item pages (+ blank backs in duplex); the stamped numbers (read with
pdftotext) run 1… over the content pages only — none on the cover, index, reference sheet or blanks; each
index row, as printed, gives the pages where that item really starts (its title is on the page stamped with
its first number) and ends; one bookmark per item; the order follows the profile.
"""

from __future__ import annotations

import html
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from desk.dossier.stamps import INSET_X, INSET_Y
from desk.services.dossier import DossierResult, build_dossier
from tests.conftest import FIXTURES, DeskEnv, case_files

_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


@dataclass
class PageText:
    width: float
    words: list[tuple[float, float, float, float, str]]

    def stamp(self, side: str) -> str:
        """Text in the stamp's corner (top right, or top left on a duplex back)."""
        reach = 70.0
        found = [w for w in self.words if w[3] <= INSET_Y + 20 and
                 (w[0] >= self.width - INSET_X - reach if side == "right" else w[2] <= INSET_X + reach)]
        return "".join(w[4] for w in found)

    @property
    def text(self) -> str:
        return "".join(w[4] for w in self.words)


def read_pages(pdf: Path) -> list[PageText]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [PageText(float(w), [(float(a), float(b), float(c), float(d), html.unescape(t))
                                for a, b, c, d, t in _WORD.findall(body)])
            for w, _, body in _PAGE.findall(out)]


def outline(pdf: pikepdf.Pdf) -> list[tuple[str, int, list[tuple[str, int]]]]:
    pages = {p.objgen: i for i, p in enumerate(pdf.pages)}
    with pdf.open_outline() as o:
        return [(top.title, pages[top.destination[0].objgen],
                 [(c.title, pages[c.destination[0].objgen]) for c in top.children]) for top in o.root]


def index_ranges(path: Path, index_pages: list[int]) -> list[tuple[int, int]]:
    """The 页号 column of the printed index, as (start, end)."""
    ranges = []
    with pdfplumber.open(path) as pdf:
        for i in index_pages:
            for table in pdf.pages[i].extract_tables():
                for row in table:
                    cell = (row[5] or "").replace("\n", "")
                    if re.fullmatch(r"\d+(–\d+)?", cell):
                        first, _, last = cell.partition("–")
                        ranges.append((int(first), int(last or first)))
    return ranges


def check_volume(result: DossierResult, *, duplex: bool = False) -> list[str]:
    """Every property the module docstring promises; returns the item titles in bound order."""
    path = result.path
    pdf = pikepdf.open(path)
    labels = [p.label for p in pdf.pages]
    pages = read_pages(path)
    assert len(pdf.pages) == len(pages) == result.pages
    sheets = [i for i, label in enumerate(labels) if label[:2] in ("封面", "目录", "备考")]
    blanks = [i for i, label in enumerate(labels) if label.startswith("空白")]
    content = sum(item.end - item.start + 1 for item in result.items)
    assert result.pages == len(sheets) + content + len(blanks)
    assert bool(blanks) <= duplex
    # stamps: 1… on content pages (mirrored on duplex backs), nothing on sheets and blanks
    stamped = []
    for i, page in enumerate(pages):
        side = "left" if duplex and i % 2 else "right"
        if i in sheets or i in blanks:
            assert page.stamp("right") == page.stamp("left") == "", f"page {i + 1} ({labels[i]}) is stamped"
            continue
        stamped.append((i, int(page.stamp(side))))
        assert labels[i] == str(stamped[-1][1])
    assert [n for _, n in stamped] == list(range(1, content + 1))
    physical = {n: i for i, n in stamped}
    # the printed index gives each item's real pages; its title is on its first page
    index_pages = [i for i, label in enumerate(labels) if label.startswith("目录")]
    assert index_ranges(path, index_pages) == [(it.start, it.end) for it in result.items]
    for n, item in enumerate(result.items):
        wanted = "送达回证" if item.title.endswith("送达回证") else item.title
        text = pages[physical[item.start]].text.replace(" ", "")
        scanned = text == str(item.start)  # a scan has no text but its stamp
        assert scanned or wanted in text, f"{item.title} not on page {item.start}"
        following = result.items[n + 1].start if n + 1 < len(result.items) else content + 1
        assert item.end == following - 1
        if duplex:
            assert physical[item.start] % 2 == 0, f"{item.title} starts on a back page"
    # one bookmark per item, at its first page
    marks = outline(pdf)
    leaves = [leaf for _, _, children in marks for leaf in children]
    assert [t for t, _ in leaves] == [it.title for it in result.items]
    assert [p for _, p in leaves] == [physical[it.start] for it in result.items]
    assert marks[0][:2] == ("卷宗封面", 0) and marks[-1][0] == "卷内备考表"
    return [it.title for it in result.items]


def build(env: DeskEnv, case: str | int, out: Path, **kw: object) -> DossierResult:
    with env.uow(write=False) as uow:
        return build_dossier(uow, case, out=out, **kw)  # type: ignore[arg-type]


def test_every_demo_case_binds_both_volumes(desk_env: DeskEnv, tmp_path: Path) -> None:
    done = desk_env.run("demo", "--cases", "12")
    assert done.code == 0, done.err
    for case_id in done.out.split():
        for volume in ("main", "sub"):
            check_volume(build(desk_env, case_id, tmp_path / f"{case_id}-{volume}.pdf", volume=volume))


@pytest.mark.parametrize("sample", case_files(shared=False))
def test_every_sample_binds_both_volumes_through_the_cli(desk_env: DeskEnv, sample: Path, tmp_path: Path) -> None:
    case_id = desk_env.run("import", str(sample)).out.strip()
    done = desk_env.run("dossier", case_id, "-o", str(tmp_path / "案卷.pdf"), "--volume", "all")
    assert done.code == 0, done.err
    lines = [line.split("\t") for line in done.out.splitlines()]
    assert [Path(p).name for p, _ in lines] == ["案卷-正卷.pdf", "案卷-副卷.pdf"]
    for (path, count), volume in zip(lines, ("main", "sub"), strict=True):
        assert pikepdf.open(path).pages.__len__() == int(count)
        check_volume(build(desk_env, case_id, tmp_path / f"{volume}.pdf", volume=volume))


def test_order_follows_the_profile(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = desk_env.run("import", str(FIXTURES / "cases" / "general_clean.json")).out.strip()
    default = check_volume(build(desk_env, case_id, tmp_path / "d.pdf"))
    chronological = check_volume(build(desk_env, case_id, tmp_path / "c.pdf", profile="chronological"))
    assert default == ["行政处罚决定书", "行政处罚决定书送达回证", "行政处罚事先告知书", "行政处罚事先告知书送达回证",
                       "立案审批表", "现场检查（勘验）笔录", "询问笔录", "罚没款缴纳凭证登记"]
    assert chronological == ["立案审批表", "现场检查（勘验）笔录", "询问笔录", "行政处罚事先告知书",
                             "行政处罚事先告知书送达回证", "行政处罚决定书", "行政处罚决定书送达回证",
                             "罚没款缴纳凭证登记"]
    sub = check_volume(build(desk_env, case_id, tmp_path / "s.pdf", volume="sub"))
    assert sub == ["案件来源登记表", "案件调查终结报告", "结案审批表"]


def test_duplex_starts_every_item_on_a_front_page(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = desk_env.run("import", str(FIXTURES / "cases" / "hearing_clean.json")).out.strip()
    result = build(desk_env, case_id, tmp_path / "duplex.pdf", duplex=True)
    check_volume(result, duplex=True)
    assert any(p.label.startswith("空白") for p in pikepdf.open(result.path).pages)


def evidence_sample(folder: Path) -> Path:
    """The general sample with generated evidence: scanned PDFs, JPEG and PNG photos, plus a video, an object,
    paper never scanned and a damaged PDF."""
    import json

    from bench.dossier import evidence_case

    path = evidence_case(folder, scans=2, scan_pages=3, photos=3)
    data = json.loads(path.read_text(encoding="utf-8"))
    (folder / "files" / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (folder / "files" / "broken.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    data["attachments"] += [
        {"title": "执法记录仪视频", "kind": "video", "made_on": "2026-03-02", "file": "files/clip.mp4"},
        {"title": "扣押的三轮车", "kind": "object"},
        {"title": "当事人身份证复印件", "kind": "identity", "pages": 1},
        {"title": "损坏的书证", "kind": "documentary", "file": "files/broken.pdf"},
    ]
    data["documents"] = json.loads(Path(FIXTURES / "cases" / "general_clean.json").read_text("utf-8"))["documents"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_evidence_is_bound_and_what_is_not_is_noted(desk_env: DeskEnv, tmp_path: Path) -> None:
    case_id = desk_env.run("import", str(evidence_sample(tmp_path / "in"))).out.strip()
    assert desk_env.run("settings", "set", "contact.phone=027-87654321", "contact.address=中北路88号").code == 0
    stop = desk_env.run("draft", case_id, "stop_order").out.strip()
    number = desk_env.run("issue", stop).out.strip()
    assert desk_env.run("void", stop, "--reason", "送达地址有误").code == 0
    desk_env.run("issue", desk_env.run("draft", case_id, "stop_order").out.strip())
    result = build(desk_env, case_id, tmp_path / "e.pdf")
    titles = check_volume(result)
    evidence = [t for t in titles if t.startswith(("书证材料", "现场照片"))]
    assert evidence == ["书证材料1", "书证材料2", "现场照片（1）", "现场照片（2）", "现场照片（3）"]
    assert titles.count("责令停止违法行为通知书") == 1
    assert [it.end - it.start + 1 for it in result.items if it.title.startswith("书证")] == [3, 3]
    pages = read_pages(result.path)
    labels = [p.label for p in pikepdf.open(result.path).pages]
    photo = pages[labels.index(str(result.items[titles.index("现场照片（1）")].start))].text
    assert "刘晓燕" in photo and "当事人将餐厨垃圾倾倒于人行道绿化带内的事实" in photo
    reference = pages[-1].text
    for expected in (f"{number}已作废（送达地址有误）", "执法记录仪视频", "扣押的三轮车：实物",
                     "当事人身份证复印件：未附电子件", "损坏的书证：文件无法读取"):
        assert expected in reference


def test_cancel_leaves_no_file(desk_env: DeskEnv, tmp_path: Path) -> None:
    from desk.errors import Cancelled

    case_id = desk_env.run("import", str(FIXTURES / "cases" / "hearing_clean.json")).out.strip()
    seen: list[str] = []
    for stop_at in ("layout", "save"):
        seen.clear()
        with pytest.raises(Cancelled):
            build(desk_env, case_id, tmp_path / "out" / "x.pdf", progress=lambda f, m: seen.append(m),
                  cancel=lambda stop_at=stop_at: stop_at in seen)
        assert stop_at in seen and not any((tmp_path / "out").glob("*"))


def test_pdfa_option_declares_pdfa_2b(desk_env: DeskEnv, tmp_path: Path) -> None:
    from desk.services.dossier import DossierOptions

    case_id = desk_env.run("import", str(FIXTURES / "cases" / "general_clean.json")).out.strip()
    result = build(desk_env, case_id, tmp_path / "a.pdf", options=DossierOptions(pdfa=True))
    pdf = pikepdf.open(result.path)
    meta = pdf.open_metadata()
    assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("2", "B")
    assert meta["dc:creator"] == ["江城市东湖区综合行政执法局"]
    assert str(pdf.docinfo["/Subject"]) == "东综执立字〔2026〕21号"
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFA1" and len(intent.DestOutputProfile.read_bytes()) > 1000
    fonts = subprocess.run(["pdffonts", str(result.path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes " in row for row in rows), fonts
    validator = pytest.importorskip("pikepdf.pdfa", reason="the PDF/A validator needs pikepdf[pdfa]",
                                    exc_type=ImportError)
    report = validator.validate_written(result.path, "2b")
    assert report.passed, [str(f) for f in report.findings[:10]]


def test_a_document_that_cannot_be_drawn_is_noted_and_the_rest_bound(desk_env: DeskEnv, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from desk.errors import TemplateError
    from desk.services import documents
    from desk.services import dossier_sources as sources

    real = documents.docx_bytes

    def docx_bytes(uow: object, ref: int) -> bytes:
        if documents.get(uow, ref).kind == "inquiry_record":  # type: ignore[arg-type]
            raise TemplateError("template_missing", kind="inquiry_record")
        return real(uow, ref)  # type: ignore[arg-type]

    monkeypatch.setattr(sources.documents, "docx_bytes", docx_bytes)
    case_id = desk_env.run("import", str(FIXTURES / "cases" / "general_clean.json")).out.strip()
    result = build(desk_env, case_id, tmp_path / "x.pdf")
    assert "询问笔录" not in check_volume(result)
    reference = read_pages(result.path)[-1].text
    assert "询问笔录：无法生成（" in reference and "inquiry_record" in reference
