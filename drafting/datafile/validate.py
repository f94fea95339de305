"""Loading and validating a report data file against the catalogue and the outline.

Every problem of the file is collected and reported at once, in Vietnamese, with the
file, the line and the key path; nothing typed by the writer is ever rendered as a
template.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.errors import ProblemsError
from drafting.files.fields import FieldReader, did_you_mean, join_path, type_name
from drafting.files.yamlio import line_of, parse_yaml, read_yaml_file
from drafting.report import (
    Confirmation,
    ContentItem,
    FigureValue,
    FreeText,
    IssuedDocument,
    Movement,
    Options,
    PhraseChoice,
    ReportData,
    Unit,
)

MIN_YEAR, MAX_YEAR = 2000, 2100
MAX_COUNT = 10**9
MAX_MONEY = 10**15
MAX_NAME = 1000  # characters of a name or title: one line, far beyond any real one
TOP_KEYS = (
    "nam",
    "don_vi",
    "tuy_chon",
    "chi_tieu",
    "so_lieu",
    "van_ban",
    "phong_trao",
    "noi_dung",
    "tong_hop",
    "so_lieu_don_vi",
    "xac_nhan",
)
UNIT_KEYS = (
    "co_quan_chu_quan",
    "co_quan_ban_hanh",
    "ten",
    "ten_ngan",
    "dia_danh",
    "so",
    "ky_hieu",
    "ngay",
    "tham_quyen_ky",
    "chuc_vu_nguoi_ky",
    "nguoi_ky",
    "noi_nhan",
)
OPTION_KEYS = ("co_chu", "gian_dong", "so_0_dau", "tien_gon", "hat_giong")
COMPARED_KEYS = ("ky_nay", "cung_ky", "nguyen_nhan")
DOCUMENT_KINDS = ("quan_triet", "ban_hanh")


def nfc(text: str) -> str:
    """Unicode NFC of a writer's text, stripped."""
    return unicodedata.normalize("NFC", text).strip()


class _DataReader(FieldReader):
    def top_mapping(self, data: Mapping[str, Any], key: str) -> Mapping[str, Any] | None:
        """The mapping under a top-level key: ``None`` when it is absent or (reported) not a mapping."""
        node = data.get(key)
        return None if node is None else self.mapping(data, key, node, key)

    def top_sequence(self, data: Mapping[str, Any], key: str) -> list[Any]:
        """The list under a top-level key: empty when it is absent or (reported) not a list."""
        node = data.get(key)
        return [] if node is None else self.sequence(data, key, node, key) or []

    def count(self, node: Any, key: str | int, path: str, money: bool = False) -> int | None:
        value = node[key]
        if value is None:
            return None
        what = "số tiền" if money else "số liệu"
        if isinstance(value, bool):
            self.problem(node, key, path, f"{what} phải là số, không phải {type_name(value)}")
            return None
        if isinstance(value, float):
            if value != value or value in (float("inf"), float("-inf")):
                self.problem(node, key, path, f"{what} phải là số hữu hạn")
            elif value.is_integer():
                return self._bounded(node, key, path, int(value), money)
            else:
                self.problem(
                    node,
                    key,
                    path,
                    f"{what} phải là số nguyên, không phải số thập phân {value} "
                    "(viết số không có dấu phân cách hàng nghìn, ví dụ 1234)",
                )
            return None
        if isinstance(value, int):
            return self._bounded(node, key, path, value, money)
        if isinstance(value, str):
            hint = ""
            digits = value.replace(".", "").replace(",", "").replace(" ", "")
            if digits.isdigit():
                hint = f" (viết {digits}, không dùng dấu chấm, dấu phẩy hay ngoặc kép)"
            self.problem(node, key, path, f"{what} phải là số, không phải văn bản “{value[:40]}”{hint}")
            return None
        self.problem(node, key, path, f"{what} phải là số, không phải {type_name(value)}")
        return None

    def _bounded(self, node: Any, key: str | int, path: str, value: int, money: bool) -> int | None:
        # A negative count is not a number of anything; a negative amount of money is
        # left to the consistency rules (phrasebank/quy_tac.yaml, "khong_am").
        if value < 0 and not money:
            self.problem(node, key, path, f"không được âm ({value})")
            return None
        limit = MAX_MONEY if money else MAX_COUNT
        if abs(value) > limit:
            self.problem(node, key, path, f"giá trị quá lớn ({value})")
            return None
        return value

    def date_field(self, node: Mapping[str, Any], key: str, path: str) -> date | None:
        if key not in node or node[key] is None:
            return None
        value = node[key]
        if isinstance(value, date):
            return value
        self.problem(
            node,
            key,
            join_path(path, key),
            f"ngày phải viết dạng NĂM-THÁNG-NGÀY, ví dụ 2024-12-05, không phải “{str(value)[:30]}”",
        )
        return None

    def writer_text(self, node: Mapping[str, Any], key: str, path: str) -> str:
        return nfc(self.text(node, key, path, required=False))

    def name_text(self, node: Mapping[str, Any], key: str, path: str) -> str:
        """A name or title: a short line of at most :data:`MAX_NAME` characters."""
        text = self.writer_text(node, key, path)
        if len(text) > MAX_NAME:
            message = f"quá dài ({len(text):_} ký tự; tối đa {MAX_NAME}): tên, chức danh, địa danh chỉ là một dòng ngắn"
            self.problem(node, key, join_path(path, key), message.replace("_", "."))
        return text


def load_report(path: Path | str, bank: Bank | None = None, *, comments: bool = True) -> ReportData:
    """Load and validate a data file against ``bank`` (by default the shipped one);
    raise :class:`ProblemsError` with every problem.

    ``comments=False`` reads faster for read-only use: ``raw`` then holds no comments
    and must not be saved back over the file.
    """
    data, _ = read_yaml_file(path, comments=comments)
    return validate_report(data, str(path), bank)


def parse_report(text: str, filename: str = "<văn bản>", bank: Bank | None = None) -> ReportData:
    """Validate data file text (used by the TUI and tests)."""
    return validate_report(parse_yaml(text, filename), filename, bank)


def validate_report(data: Any, filename: str, bank: Bank | None = None) -> ReportData:
    """Validate parsed round-trip YAML data; see :func:`load_report`."""
    bank = bank if bank is not None else default_bank()
    catalogue, outline = bank.catalogue, bank.outline
    r = _DataReader(filename)
    if data is None:
        raise ProblemsError([r_problem(filename, "tệp rỗng: thiếu năm báo cáo (nam) và số liệu")])
    if not isinstance(data, Mapping):
        raise ProblemsError(
            [r_problem(filename, f"tệp dữ liệu phải là bảng khóa (mapping), không phải {type_name(data)}")]
        )
    r.unknown_keys(data, TOP_KEYS, "")

    year = _year(r, data)
    unit = _unit(r, data)
    options = _options(r, data)
    targets = _targets(r, data, catalogue)
    figures = _figures(r, data, catalogue)
    documents = _documents(r, data)
    movements = _movements(r, data, outline)
    content = _content(r, data, outline)
    units = tuple(nfc(u) for u in r.text_list(data, "tong_hop", "")) if "tong_hop" in data else ()
    unit_figures = _unit_figures(r, data, catalogue, units)
    confirmations = _confirmations(r, data, bank)
    if r.problems:
        raise ProblemsError(sorted(set(r.problems), key=lambda p: (p.line or 0, p.key)))
    return ReportData(
        year=year or 0,
        unit=unit,
        figures=figures,
        documents=documents,
        movements=movements,
        content=content,
        options=options,
        target_overrides=targets,
        units=units,
        unit_figures=unit_figures,
        confirmations=confirmations,
        source=filename,
        raw=data,
    )


def r_problem(filename: str, message: str) -> Any:
    from drafting.errors import Problem

    return Problem(filename, None, "", message)


def _year(r: _DataReader, data: Mapping[str, Any]) -> int | None:
    if "nam" not in data or data["nam"] is None:
        r.problem(data, None, "nam", "thiếu năm báo cáo (ví dụ: nam: 2024)")
        return None
    value = data["nam"]
    if isinstance(value, bool) or not isinstance(value, int):
        r.problem(data, "nam", "nam", f"năm báo cáo phải là số nguyên, không phải {type_name(value)}")
        return None
    if not MIN_YEAR <= value <= MAX_YEAR:
        r.problem(data, "nam", "nam", f"năm báo cáo {value} nằm ngoài khoảng {MIN_YEAR}–{MAX_YEAR}")
        return None
    return value


def _unit(r: _DataReader, data: Mapping[str, Any]) -> Unit:
    m = r.top_mapping(data, "don_vi")
    if m is None:
        return Unit()
    r.unknown_keys(m, UNIT_KEYS, "don_vi")
    number = m.get("so")
    if isinstance(number, bool) or (number is not None and not isinstance(number, (int, str))):
        r.problem(m, "so", "don_vi.so", f"số văn bản phải là số hoặc văn bản, không phải {type_name(number)}")
        number = None
    recipients = tuple(nfc(x) for x in r.text_list(m, "noi_nhan", "don_vi"))
    return Unit(
        parent_body=r.name_text(m, "co_quan_chu_quan", "don_vi"),
        issuing_body=r.name_text(m, "co_quan_ban_hanh", "don_vi"),
        name=r.name_text(m, "ten", "don_vi"),
        short_name=r.name_text(m, "ten_ngan", "don_vi"),
        place=r.name_text(m, "dia_danh", "don_vi"),
        number="" if number is None else nfc(str(number)),
        symbol=r.name_text(m, "ky_hieu", "don_vi") or "BC-TA",
        date=r.date_field(m, "ngay", "don_vi"),
        signer_authority=r.name_text(m, "tham_quyen_ky", "don_vi"),
        signer_title=r.name_text(m, "chuc_vu_nguoi_ky", "don_vi"),
        signer_name=r.name_text(m, "nguoi_ky", "don_vi"),
        recipients=recipients,
    )


def _options(r: _DataReader, data: Mapping[str, Any]) -> Options:
    m = r.top_mapping(data, "tuy_chon")
    if m is None:
        return Options()
    r.unknown_keys(m, OPTION_KEYS, "tuy_chon")
    size = m.get("co_chu", 14)
    if size not in (13, 14) or isinstance(size, bool):
        r.problem(m, "co_chu", "tuy_chon.co_chu", "cỡ chữ phải là 13 hoặc 14 (Nghị định 30/2020)")
        size = 14
    spacing = m.get("gian_dong", 1.15)
    if isinstance(spacing, bool) or not isinstance(spacing, (int, float)) or not 1.0 <= spacing <= 1.5:
        r.problem(
            m, "gian_dong", "tuy_chon.gian_dong", "giãn dòng phải từ 1 (dòng đơn) đến 1,5 dòng (viết 1.15 trong YAML)"
        )
        spacing = 1.15
    seed = m.get("hat_giong", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        r.problem(m, "hat_giong", "tuy_chon.hat_giong", f"hạt giống phải là số nguyên, không phải {type_name(seed)}")
        seed = 0
    return Options(
        body_size=int(size),
        line_spacing=float(spacing),
        leading_zero=r.flag(m, "so_0_dau", "tuy_chon", default=True),
        short_money=r.flag(m, "tien_gon", "tuy_chon", default=False),
        seed=int(seed),
    )


def _targets(r: _DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, float]:
    m = r.top_mapping(data, "chi_tieu")
    if m is None:
        return {}
    out: dict[str, float] = {}
    for key, value in m.items():
        path = join_path("chi_tieu", str(key))
        if str(key) not in catalogue.targets:
            r.problem(m, key, path, "không có chỉ tiêu này" + did_you_mean(str(key), catalogue.targets))
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            r.problem(m, key, path, "chỉ tiêu phải là số phần trăm từ 0 đến 100")
        else:
            out[str(key)] = float(value)
    return out


def _figures(r: _DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, FigureValue]:
    groups = r.top_mapping(data, "so_lieu")
    if groups is None:
        return {}
    out: dict[str, FigureValue] = {}
    group_ids = catalogue.group_ids
    for gkey, gnode in groups.items():
        gpath = join_path("so_lieu", str(gkey))
        if str(gkey) not in group_ids:
            r.problem(
                groups, gkey, gpath, "không có nhóm số liệu này trong danh mục" + did_you_mean(str(gkey), group_ids)
            )
            continue
        if gnode is None:
            continue
        g = r.mapping(groups, gkey, gnode, gpath)
        if g is None:
            continue
        known = {f.key: f for f in catalogue.group(str(gkey)).figures}
        for fkey, fnode in g.items():
            fpath = join_path(gpath, str(fkey))
            figure = known.get(str(fkey))
            if figure is None:
                r.problem(g, fkey, fpath, "không có chỉ số này trong danh mục" + did_you_mean(str(fkey), known))
                continue
            if not figure.entered:
                r.problem(g, fkey, fpath, "tỷ lệ được tính tự động từ các số liệu, không nhập trực tiếp")
                continue
            money = figure.kind == "tien"
            line = line_of(g, fkey)
            if figure.compared:
                if fnode is None:
                    continue
                if not isinstance(fnode, Mapping):
                    r.problem(
                        g,
                        fkey,
                        fpath,
                        f"chỉ số so sánh với cùng kỳ phải là bảng khóa {{ky_nay, cung_ky, nguyen_nhan}}, "
                        f"không phải {type_name(fnode)}",
                    )
                    continue
                r.unknown_keys(fnode, COMPARED_KEYS, fpath)
                current = r.count(fnode, "ky_nay", join_path(fpath, "ky_nay"), money) if "ky_nay" in fnode else None
                previous = r.count(fnode, "cung_ky", join_path(fpath, "cung_ky"), money) if "cung_ky" in fnode else None
                cause = r.writer_text(fnode, "nguyen_nhan", fpath)
                out[figure.id] = FigureValue(current, previous, cause, line)
            else:
                if isinstance(fnode, Mapping):
                    r.problem(g, fkey, fpath, "chỉ số này không so sánh với cùng kỳ: ghi một số, không phải bảng khóa")
                    continue
                out[figure.id] = FigureValue(r.count(g, fkey, fpath, money), None, "", line)
    return out


def _unit_figures(
    r: _DataReader, data: Mapping[str, Any], catalogue: Catalogue, units: tuple[str, ...]
) -> dict[str, dict[str, int | None]]:
    """``so_lieu_don_vi`` of a consolidated file: {unit: {group: {figure: this period's value}}}."""
    table = r.top_mapping(data, "so_lieu_don_vi")
    if table is None:
        return {}
    out: dict[str, dict[str, int | None]] = {}
    group_ids = catalogue.group_ids
    for ukey, unode in table.items():
        upath = join_path("so_lieu_don_vi", str(ukey))
        name = nfc(str(ukey))
        if name not in units:
            r.problem(table, ukey, upath, "đơn vị này không có trong danh sách tong_hop" + did_you_mean(name, units))
            continue
        values: dict[str, int | None] = {}
        out[name] = values
        if unode is None:
            continue
        groups = r.mapping(table, ukey, unode, upath)
        for gkey, gnode in (groups or {}).items():
            gpath = join_path(upath, str(gkey))
            if str(gkey) not in group_ids:
                r.problem(
                    groups, gkey, gpath, "không có nhóm số liệu này trong danh mục" + did_you_mean(str(gkey), group_ids)
                )
                continue
            if gnode is None:
                continue
            g = r.mapping(groups, gkey, gnode, gpath)
            known = {f.key: f for f in catalogue.group(str(gkey)).figures if f.entered}
            for fkey in g or {}:
                figure = known.get(str(fkey))
                if figure is None:
                    r.problem(
                        g,
                        fkey,
                        join_path(gpath, str(fkey)),
                        "không có chỉ số nhập này trong danh mục" + did_you_mean(str(fkey), known),
                    )
                    continue
                values[figure.id] = r.count(g, fkey, join_path(gpath, str(fkey)), figure.kind == "tien")
    return out


def _documents(r: _DataReader, data: Mapping[str, Any]) -> tuple[IssuedDocument, ...]:
    items = r.top_sequence(data, "van_ban")
    out: list[IssuedDocument] = []
    for i, item in enumerate(items):
        path = join_path("van_ban", i)
        m = r.mapping(items, i, item, path)
        if m is None:
            continue
        r.unknown_keys(m, ("loai", "so", "ngay", "trich_yeu", "don_vi"), path)
        kind = r.text(m, "loai", path, required=False) or "ban_hanh"
        if kind not in DOCUMENT_KINDS:
            r.problem(
                m,
                "loai",
                join_path(path, "loai"),
                "loại văn bản phải là quan_triet hoặc ban_hanh" + did_you_mean(kind, DOCUMENT_KINDS),
            )
        summary = r.writer_text(m, "trich_yeu", path)
        if not summary:
            r.problem(m, None, join_path(path, "trich_yeu"), "thiếu trích yếu văn bản")
        out.append(
            IssuedDocument(
                kind,
                r.writer_text(m, "so", path),
                r.date_field(m, "ngay", path),
                summary,
                r.writer_text(m, "don_vi", path),
            )
        )
    return tuple(out)


def _movements(r: _DataReader, data: Mapping[str, Any], outline: Outline) -> tuple[Movement, ...]:
    items = r.top_sequence(data, "phong_trao")
    named = {m.id: m for m in outline.movements}
    out: list[Movement] = []
    for i, item in enumerate(items):
        path = join_path("phong_trao", i)
        m = r.mapping(items, i, item, path)
        if m is None:
            continue
        r.unknown_keys(m, ("id", "ten", "nhom", "ket_qua", "don_vi"), path)
        mid = r.text(m, "id", path, required=False)
        result = r.writer_text(m, "ket_qua", path)
        unit = r.writer_text(m, "don_vi", path)
        if mid:
            if mid not in named:
                r.problem(
                    m, "id", join_path(path, "id"), "không có phong trào này trong đề cương" + did_you_mean(mid, named)
                )
                continue
            out.append(Movement(mid, named[mid].group, named[mid].name, result, unit))
            continue
        name = r.name_text(m, "ten", path)
        group = r.text(m, "nhom", path, required=False) or "a"
        if not name:
            r.problem(m, None, join_path(path, "ten"), "phong trào tự thêm phải có tên (ten) hoặc mã (id) của đề cương")
        if group not in ("a", "b"):
            r.problem(
                m,
                "nhom",
                join_path(path, "nhom"),
                "nhóm phong trào phải là a (của Tòa án nhân dân) hoặc b (do Trung ương phát động)",
            )
        out.append(Movement("", group, name.strip('“”"'), result, unit))
    return tuple(out)


def _content(r: _DataReader, data: Mapping[str, Any], outline: Outline) -> dict[str, tuple[ContentItem, ...]]:
    sections = r.top_mapping(data, "noi_dung")
    if sections is None:
        return {}
    out: dict[str, tuple[ContentItem, ...]] = {}
    leaf_ids = [s.id for s in outline.sections if outline.is_leaf(s.id)]
    for skey, snode in sections.items():
        path = join_path("noi_dung", str(skey))
        if str(skey) not in leaf_ids:
            r.problem(sections, skey, path, "không có mục này trong đề cương" + did_you_mean(str(skey), leaf_ids))
            continue
        if snode is None:
            continue
        items = r.sequence(sections, skey, snode, path)
        if items is None:
            continue
        parsed: list[ContentItem] = []
        for i, item in enumerate(items):
            ipath = join_path(path, i)
            if isinstance(item, str):
                parsed.append(FreeText(nfc(item)))
                continue
            m = r.mapping(items, i, item, ipath)
            if m is None:
                continue
            r.unknown_keys(m, ("cau", "cach_viet", "van_ban"), ipath)
            if "van_ban" in m:
                parsed.append(FreeText(r.writer_text(m, "van_ban", ipath)))
            elif "cau" in m:
                variant = m.get("cach_viet")
                if variant is not None and (isinstance(variant, bool) or not isinstance(variant, int) or variant < 1):
                    r.problem(
                        m, "cach_viet", join_path(ipath, "cach_viet"), "số thứ tự cách viết phải là số nguyên từ 1"
                    )
                    variant = None
                parsed.append(PhraseChoice(r.text(m, "cau", ipath), variant, line_of(items, i)))
            else:
                r.problem(items, i, ipath, "mỗi mục nội dung là {cau: <mã câu mẫu>} hoặc {van_ban: <đoạn văn tự viết>}")
        out[str(skey)] = tuple(parsed)
    return out


def _confirmations(r: _DataReader, data: Mapping[str, Any], bank: Bank) -> dict[str, Confirmation]:
    """``xac_nhan``: claim id → ``{}`` (confirmed), ``{khong: true}`` (denied), or
    ``{ly_do: …, theo_so_lieu: {figure: value | [this period, same period]}}``."""
    table = r.top_mapping(data, "xac_nhan")
    if table is None:
        return {}
    claims = bank.claims.claims
    out: dict[str, Confirmation] = {}
    for key, node in table.items():
        cid = str(key)
        path = join_path("xac_nhan", cid)
        if cid not in claims:
            r.problem(table, key, path, f"không có nhận định “{cid}”" + did_you_mean(cid, claims))
            continue
        if node is None or node is True:
            out[cid] = Confirmation(cid, line=line_of(table, key))
            continue
        m = r.mapping(table, key, node, path)
        if m is None:
            continue
        r.unknown_keys(m, ("khong", "ly_do", "theo_so_lieu"), path)
        snapshot: list[tuple[str, int | None, int | None]] = []
        figures = r.mapping(m, "theo_so_lieu", m.get("theo_so_lieu", {}), join_path(path, "theo_so_lieu")) or {}
        for fid, value in figures.items():
            fpath = join_path(join_path(path, "theo_so_lieu"), str(fid))
            if str(fid) not in bank.catalogue.figures:
                r.problem(figures, fid, fpath, "không có chỉ số này" + did_you_mean(str(fid), bank.catalogue.figures))
                continue
            pair = value if isinstance(value, list) and len(value) == 2 else [value, None]
            numbers = [v if isinstance(v, int) and not isinstance(v, bool) else None for v in pair]
            if any(v is not None and n is None for v, n in zip(pair, numbers, strict=True)):
                r.problem(figures, fid, fpath, "phải là số nguyên hoặc [kỳ này, cùng kỳ]")
                continue
            snapshot.append((str(fid), numbers[0], numbers[1]))
        out[cid] = Confirmation(
            cid,
            denied=r.flag(m, "khong", path),
            reason=r.writer_text(m, "ly_do", path) if "ly_do" in m else "",
            snapshot=tuple(snapshot),
            line=line_of(table, key),
        )
    return out
