"""An audit of a composed report against its own figures, independent of the bank's conditions.

:func:`audit` returns every violation of the rules a report must keep: no claim the
figures contradict, no two opposite claims, a figure stated at most once per subsection,
no two paragraphs of a subsection opening with the same words, and the style rules
(checked on the text). The truth of the main figure-based claims is recomputed here from
the entered figures (:data:`ORACLE`), so a bank whose conditions are wrong fails too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.composition.composer import Composer
from drafting.composition.phrasing import opener
from drafting.datafile.validate import load_report
from drafting.document import Document, Paragraph

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
SCENARIOS = sorted((ROOT / "tests" / "scenarios").glob("*.yaml"))
FILES = [SAMPLE, *SCENARIOS]


class Figures:
    """The entered figures of a report, and rates recomputed from them (rounded to 2 decimals)."""

    def __init__(self, composer: Composer) -> None:
        self.views = composer.views
        self.catalogue = composer.catalogue

    def get(self, fid: str, previous: bool = False) -> Fraction | None:
        figure = self.catalogue.figures[fid]
        if figure.kind == "ty_le":
            num = [self.get(f, previous) for f in figure.numerator]
            den = [self.get(f, previous) for f in figure.denominator]
            if any(v is None for v in num + den) or not sum(d for d in den if d is not None):
                return None
            exact = sum(n for n in num if n is not None) / sum(d for d in den if d is not None) * 100
            return Fraction(Decimal(exact.numerator / exact.denominator).quantize(Decimal("0.01"), ROUND_HALF_UP))
        view = self.views.get(fid)
        value = None if view is None else (view.previous if previous else view.current)
        return None if value is None else Fraction(value)

    def total(self, *fids: str) -> Fraction | None:
        values = [self.get(f) for f in fids]
        return None if any(v is None for v in values) else sum(v for v in values if v is not None)

    def targets(self) -> tuple[int, int, int]:
        """Targets met, missed and unknown, recomputed from the entered figures."""
        met = missed = unknown = 0
        for figure in self.catalogue.figures.values():
            if figure.target is None:
                continue
            target = self.catalogue.targets[figure.target]
            value = self.get(figure.id)
            if value is None:
                unknown += 1
            elif (value >= target.value) if target.kind == "toi_thieu" else (value <= target.value):
                met += 1
            else:
                missed += 1
        return met, missed, unknown

    def up(self, fid: str) -> bool | None:
        now, before = self.get(fid), self.get(fid, previous=True)
        return None if now is None or before is None else now > before

    def down(self, fid: str) -> bool | None:
        now, before = self.get(fid), self.get(fid, previous=True)
        return None if now is None or before is None else now < before


def _both(a: bool | None, b: bool | None) -> bool | None:
    return None if a is None or b is None else a and b


def _cmp(value: Fraction | None, test: Callable[[Fraction], bool]) -> bool | None:
    return None if value is None else test(value)


QUASHED_MAX = Fraction(3, 2)  # chi_tieu.yaml: huy_sua_chu_quan, toi_da 1,5%


def _quashed(f: Figures) -> Fraction | None:
    return f.get("huy_sua.ty_le")


def _targets(test: Callable[[int, int], bool]) -> Callable[[Figures], bool | None]:
    """A claim on the targets as a whole: true or false whichever way the unknown ones turn out."""

    def truth(f: Figures) -> bool | None:
        met, missed, unknown = f.targets()
        outcomes = {test(met + k, missed + unknown - k) for k in range(unknown + 1)}
        return outcomes.pop() if len(outcomes) == 1 else None

    return truth


ORACLE: dict[str, Callable[[Figures], bool | None]] = {
    "uu_diem.hoan_thanh_chi_tieu": _targets(lambda met, missed: met > 0 and missed == 0),
    "uu_diem.co_ban_dat_chi_tieu": _targets(lambda met, missed: 0 < missed < met),
    "han_che.chi_tieu_chua_dat": _targets(lambda met, missed: missed > 0),
    "han_che.nhieu_chi_tieu_chua_dat": _targets(lambda met, missed: missed > 0 and missed >= met),
    "uu_diem.ty_le_giai_quyet_tang": lambda f: f.up("tong_so.ty_le_giai_quyet"),
    "han_che.ty_le_giai_quyet_giam": lambda f: f.down("tong_so.ty_le_giai_quyet"),
    "uu_diem.dung_thoi_han": lambda f: _cmp(f.get("thoi_han.dung_han"), lambda v: v == f.get("tong_so.giai_quyet")),
    "han_che.qua_han": lambda f: _cmp(f.get("thoi_han.dung_han"), lambda v: v < (f.get("tong_so.giai_quyet") or 0)),
    "uu_diem.khong_con_an_qua_han": lambda f: _cmp(f.get("thoi_han.qua_han_con_lai"), lambda v: v == 0),
    "han_che.con_an_qua_han": lambda f: _cmp(f.get("thoi_han.qua_han_con_lai"), lambda v: v > 0),
    "uu_diem.khong_co_huy_sua": lambda f: _cmp(f.total("huy_sua.bi_huy", "huy_sua.bi_sua"), lambda v: v == 0),
    "uu_diem.huy_sua_trong_chi_tieu": lambda f: _cmp(_quashed(f), lambda v: 0 < v <= QUASHED_MAX),
    "uu_diem.huy_sua_giam_trong_chi_tieu": lambda f: _both(
        _cmp(_quashed(f), lambda v: 0 < v <= QUASHED_MAX), f.down("huy_sua.ty_le")
    ),
    "han_che.huy_sua_cao_hon_muc_toi_da": lambda f: _cmp(_quashed(f), lambda v: v > QUASHED_MAX),
    "han_che.huy_sua_cao_va_tang": lambda f: _both(_cmp(_quashed(f), lambda v: v > QUASHED_MAX), f.up("huy_sua.ty_le")),
    "uu_diem.huy_sua_giam": lambda f: f.down("huy_sua.ty_le"),
    "han_che.huy_sua_tang": lambda f: f.up("huy_sua.ty_le"),
    "uu_diem.truc_tuyen_tang": lambda f: f.up("phien_toa.truc_tuyen"),
    "han_che.truc_tuyen_giam": lambda f: f.down("phien_toa.truc_tuyen"),
    "han_che.rut_kinh_nghiem_giam": lambda f: f.down("phien_toa.rut_kinh_nghiem"),
    "uu_diem.thi_hanh_an": lambda f: _cmp(
        f.get("thi_hanh_an_phat_tu.phai_ra_quyet_dinh"),
        lambda v: v > 0 and v == f.get("thi_hanh_an_phat_tu.da_ra_quyet_dinh"),
    ),
    "han_che.thi_hanh_an_con_lai": lambda f: _cmp(
        f.get("thi_hanh_an_phat_tu.phai_ra_quyet_dinh"),
        lambda v: v > (f.get("thi_hanh_an_phat_tu.da_ra_quyet_dinh") or v),
    ),
    "uu_diem.ky_luat_giu_vung": lambda f: _cmp(f.get("ky_luat.tong"), lambda v: v == 0),
    "han_che.ky_luat": lambda f: _cmp(f.get("ky_luat.tong"), lambda v: v > 0),
    "han_che.khong_co_phat_hien": lambda f: _cmp(f.get("ty_le_khen.phat_hien"), lambda v: v == 0),
    "uu_diem.sang_kien": lambda f: _cmp(f.get("dien_hinh.sang_kien"), lambda v: v > 0),
    "uu_diem.khen_dot_xuat": lambda f: _cmp(
        f.total("khen_dot_xuat.dot_xuat_tap_the", "khen_dot_xuat.dot_xuat_ca_nhan"), lambda v: v > 0
    ),
    "dac_diem.thieu_bien_che": lambda f: _cmp(
        f.get("to_chuc.hien_co"), lambda v: v < (f.get("to_chuc.bien_che_duoc_giao") or 0)
    ),
    "dac_diem.du_bien_che": lambda f: _cmp(
        f.get("to_chuc.hien_co"), lambda v: v >= (f.get("to_chuc.bien_che_duoc_giao") or v)
    ),
}
"""Claim → its truth recomputed from the entered figures (None: not enough figures)."""

# Style rules checked on every paragraph's text.
STYLE: list[tuple[str, re.Pattern[str]]] = [
    ("năm liền trước một số", re.compile(r"\b(?:19|20)\d{2},?[ \u00a0]+\d")),
    ("“vượt” với chỉ tiêu tối đa", re.compile(r"hủy, sửa[^.;]*vượt|vượt[^.;]*mức tối đa")),
    ("“0 …” thay cho “không có …”", re.compile(r"(?<![\d.,/])0 (?!%)[^\W\d]")),
    ("giảm 100%", re.compile(r"giảm 100%")),
    ("trích dẫn văn bản “(số …)” sau tên", re.compile(r"\(số \d")),
    ("cách viết khác “Thi đua - Khen thưởng”", re.compile(r"Thi đua(?! - Khen thưởng)\s*[-–—]\s*Khen thưởng")),
    ("cách viết khác “Khoa học - Sáng kiến”", re.compile(r"Khoa học(?! - Sáng kiến)\s*[-–—]\s*Sáng kiến")),
    ("ngoặc lồng trong ngoặc", re.compile(r"\([^()]*\(")),
]
SMALL_COUNT = re.compile(
    r"(?<![\d.,/])[1-9] (người|vụ|việc|tập thể|cá nhân|bản án|đơn|hồ sơ|phiên tòa|chỉ tiêu|trường hợp)\b"
)


def _said(doc: Document) -> dict[str, str]:
    """Claim → the section that says it."""
    out: dict[str, str] = {}
    for section in doc.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph) and block.claim:
                out.setdefault(block.claim, section.id)
    return out


def _section_rules(doc: Document, leading_zero: bool) -> list[str]:
    out: list[str] = []
    for section in doc.walk():
        figures: Counter[str] = Counter()
        openers: Counter[str] = Counter()
        for block in section.blocks:
            if not isinstance(block, Paragraph):
                continue
            figures.update(set(block.figures))
            text = block.text
            if not block.item and not block.placeholder and not text.endswith(":"):
                openers[opener(text)] += 1
            for name, pattern in STYLE:
                found = pattern.search(text)
                if found:
                    out.append(f"{section.id}: {name}: …{text[max(0, found.start() - 40) : found.end() + 40]}…")
            if leading_zero and (found := SMALL_COUNT.search(text)):
                out.append(f"{section.id}: số đếm nhỏ hơn 10 không có số 0 đứng trước: “{found.group(0)}”")
        out += [f"{section.id}: số liệu {fid} nêu {n} lần" for fid, n in figures.items() if n > 1]
        out += [f"{section.id}: {n} đoạn cùng mở đầu “{w}”" for w, n in openers.items() if n > 1]
    return out


def audit(composer: Composer, doc: Document) -> list[str]:
    """Every violation in ``doc``, composed by ``composer`` (empty: the report is coherent)."""
    bank, plan = composer.bank, composer.plan
    out = [f"nhận định trái ngược cùng đúng: {a} ↔ {b}" for a, b in plan.conflicts]
    said = _said(doc)
    figures = Figures(composer)
    for cid, section in said.items():
        status = plan.status(cid)
        assert status is not None, cid
        # The writer wins: a pinned claim stays (check warns when the figures cannot show
        # it, and errs when they contradict it until the writer confirms it).
        kept_by_writer = status.pinned and (status.confirmed or not status.contradicted)
        if status.contradicted and not kept_by_writer:
            out.append(f"{section}: {cid} trái với số liệu")
        if status.claim.basis == "so_lieu" and status.value is not True and not kept_by_writer:
            out.append(f"{section}: {cid} chưa đủ số liệu (giá trị {status.value})")
        if status.claim.basis == "xac_nhan" and not (status.confirmed or status.pinned):
            out.append(f"{section}: {cid} chưa được người viết xác nhận")
        truth = ORACLE[cid](figures) if cid in ORACLE else True
        if truth is not True and not kept_by_writer:
            out.append(f"{section}: {cid} không đúng theo số liệu tính lại ({truth})")
        for other in bank.claims.opposites(cid):
            if other in said and cid < other:
                out.append(f"nêu cả hai nhận định trái ngược: {cid} ({section}) ↔ {other} ({said[other]})")
    text = " ".join(p.text for s in doc.walk() for p in s.blocks if isinstance(p, Paragraph))
    overdue = figures.get("thoi_han.qua_han_con_lai")
    if "tồn đọng" in text and not overdue:
        out.append("gọi là “tồn đọng” khi không có vụ, việc quá hạn")
    return out + _section_rules(doc, composer.report.options.leading_zero)


def compose_file(path: Path, bank: Bank) -> tuple[Composer, Document]:
    composer = Composer.create(load_report(path, bank), bank)
    return composer, composer.document()


# -- the contradictions quoted in issue #11 ("Why"), found in rendered Markdown ----------


def markdown_sections(markdown: str) -> dict[str, str]:
    """Heading number ("III.1", "II.2.a") → the text under it."""
    out: dict[str, list[str]] = {}
    path: list[str] = []
    for line in markdown.splitlines():
        heading = re.match(r"^(#{2,4}) ([IVX]+|\d+|[a-z])[.)] ", line)
        if heading:
            depth = len(heading.group(1)) - 2
            path = [*path[:depth], heading.group(2)]
            out[".".join(path)] = []
        elif path:
            out[".".join(path)].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def _number(text: str) -> Fraction:
    return Fraction(Decimal(text.replace(".", "").replace(",", ".")))


def why_contradictions(markdown: str) -> list[str]:
    """The contradictions issue #11 quotes, wherever the rendered report still makes them."""
    s = markdown_sections(markdown)
    whole = markdown
    found: list[str] = []
    if re.search(r"kỷ luật, kỷ cương công vụ (được|luôn được) giữ vững", whole) and re.search(
        r"\b0?[1-9]\d* người bị (xử lý )?kỷ luật|cán bộ bị kỷ luật 0?[1-9]", whole
    ):
        found.append("kỷ luật được giữ vững ↔ có người bị kỷ luật")
    if re.search(r"(mỗi đợt thi đua|[Ss]ơ kết)[^.;]*(đều|nghiêm túc)", whole) and re.search(
        r"(sơ kết|rút kinh nghiệm)[^.;]*chưa (được )?chú trọng", whole
    ):
        found.append("sơ kết, rút kinh nghiệm sau mỗi đợt ↔ chưa được chú trọng")
    if re.search(r"điển hình[^.;]*(?<!chưa )thường xuyên", whole) and re.search(
        r"điển hình[^.;]*chưa thường xuyên", whole
    ):
        found.append("tuyên truyền điển hình thường xuyên ↔ chưa thường xuyên")
    share = re.search(r"không giữ chức vụ lãnh đạo, quản lý[^.]*?chiếm tỷ lệ (\d+(?:,\d+)?)%, (cao|thấp)", whole)
    high = share is not None and _number(share.group(1)) >= 60 and share.group(2) == "cao"
    if high and re.search(r"(?<!không )tập trung (chủ yếu )?vào cán bộ lãnh đạo", whole):
        found.append("khen thưởng hướng về người không giữ chức vụ ↔ tập trung vào lãnh đạo")
    fund = re.search(r"trích lập ([\d.]+) đồng; đã sử dụng ([\d.]+) đồng", whole)
    spent = fund is not None and _number(fund.group(2)) >= _number(fund.group(1)) * Fraction(7, 10)
    if spent and re.search(r"[Kk]inh phí[^.;]*còn hạn chế", whole):
        found.append("đã sử dụng phần lớn quỹ ↔ kinh phí còn hạn chế")
    strengths = s.get("III.1", "")
    mediation = re.search(r"[Hh]òa giải[^;]*?(\d+,\d+)%", strengths)
    if mediation and _number(mediation.group(1)) < 50:
        found.append(f"III.1 khen hòa giải ở tỷ lệ {mediation.group(1)}%")
    if re.search(r"tập thể nhỏ[^;]* (giảm|thấp hơn) ", s.get("II.4", "")) and re.search(
        r"[Tt]ập thể nhỏ[^.;]*(được quan tâm|được chú trọng)", strengths
    ):
        found.append("III.1 khen khen thưởng tập thể nhỏ khi tỷ lệ giảm")
    return found


def civil_types_with_a_target(markdown: str) -> list[str]:
    """Civil case types stated against a target of their own (the 85% is the group's)."""
    text = markdown_sections(markdown).get("II.3", "")
    types = r"Án (?:dân sự|hôn nhân và gia đình|kinh doanh, thương mại|lao động): "
    parts = re.findall(rf"({types}.*?)(?=\. (?:Án |Tính chung|Vụ việc|Hồ sơ)|\n|$)", text)
    return [p[: p.index(":")] for p in parts if "chỉ tiêu" in p]


def missed_targets_repeated(markdown: str) -> list[str]:
    """Rates of missed targets stated again after III.2 (III.4 and IV refer back to them)."""
    s = markdown_sections(markdown)
    listed = re.findall(r"(\d+,\d+)%, thấp hơn", s.get("III.2", "")) + re.findall(
        r"đạt (\d+,\d+)%\)", s.get("III.2", "")
    )
    later = " ".join(v for k, v in s.items() if k in ("III.4", "IV.1", "IV.2", "IV.3"))
    return sorted({v for v in listed if f"{v}%" in later})


def scenario(name: str) -> Path:
    """The scenario file ``name`` (without ``.yaml``)."""
    path = ROOT / "tests" / "scenarios" / f"{name}.yaml"
    assert path.is_file(), name
    return path
