"""Loading and validating a report data file against the catalogue and the outline.

Every problem of the file is collected and reported at once, in Vietnamese, with the
file, the line and the key path; nothing typed by the writer is ever rendered as a
template.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import NamedMovement, Outline
from drafting.datafile.reader import DataReader, nfc
from drafting.errors import ProblemsError
from drafting.files.fields import did_you_mean, join_path, type_name
from drafting.files.yamlio import line_of, parse_yaml, read_yaml_file
from drafting.report import (
    OPTION_ATTRIBUTES,
    UNIT_ATTRIBUTES,
    ContentItem,
    FigureValue,
    FreeText,
    IssuedDocument,
    ListItem,
    Movement,
    Options,
    PhraseChoice,
    ReportData,
    Unit,
    Value,
)
from drafting.schema import COMPARED_KEYS, CONTENT_KEYS, MAX_YEAR, MIN_YEAR, ListSpec, Schema


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
    catalogue, outline, schema = bank.catalogue, bank.outline, bank.schema
    r = DataReader(filename)
    if data is None:
        raise ProblemsError([r_problem(filename, "tệp rỗng: thiếu năm báo cáo (nam) và số liệu")])
    if not isinstance(data, Mapping):
        raise ProblemsError(
            [r_problem(filename, f"tệp dữ liệu phải là bảng khóa (mapping), không phải {type_name(data)}")]
        )
    r.unknown_keys(data, schema.top_keys, "")

    year = _year(r, data)
    unit = _unit(r, data, schema, year)
    level = _level(unit)
    options = _options(r, data, schema, year, level)
    targets = _targets(r, data, catalogue)
    figures = _figures(r, data, catalogue)
    references = [m.id for m in outline.movements]
    lists = {
        spec.key: _items(r, data, spec, year, level, references)
        for spec in schema.lists
        if spec.key in data or spec.key in TYPED_LISTS
    }
    named = {m.id: m for m in outline.movements}
    documents = tuple(_document(item) for item in lists.pop("van_ban", ()))
    movements = tuple(m for m in (_movement(item, named) for item in lists.pop("phong_trao", ())) if m is not None)
    content = _content(r, data, outline)
    units = tuple(nfc(u) for u in r.text_list(data, "tong_hop", "")) if "tong_hop" in data else ()
    unit_figures = _unit_figures(r, data, catalogue, units)
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
        lists=lists,
        source=filename,
        raw=data,
    )


def r_problem(filename: str, message: str) -> Any:
    from drafting.errors import Problem

    return Problem(filename, None, "", message)


def _year(r: DataReader, data: Mapping[str, Any]) -> int | None:
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


def _unit(r: DataReader, data: Mapping[str, Any], schema: Schema, year: int | None) -> Unit:
    m = r.top_mapping(data, "don_vi")
    if m is None:
        return Unit()
    level_spec = next((f for f in schema.unit if f.key == LEVEL_KEY), None)
    level = r.value(m, level_spec, "don_vi") if level_spec is not None and level_spec.validity.applies(year) else None
    specs = r.fields(m, schema.unit, "don_vi", year, level if isinstance(level, str) else None)
    values: dict[str, Value] = {spec.key: r.value(m, spec, "don_vi") for spec in specs}
    known = {UNIT_ATTRIBUTES[k]: v for k, v in values.items() if k in UNIT_ATTRIBUTES and v is not None}
    extra = tuple((k, v) for k, v in values.items() if k not in UNIT_ATTRIBUTES)
    return Unit(**known, extra=extra)  # type: ignore[arg-type]


LEVEL_KEY = "cap"
"""The ``don_vi`` key of the unit's level, when the schema has one: fields and lists may
depend on it (``hieu_luc.cap``)."""


def _level(unit: Unit) -> str | None:
    level = unit.get(LEVEL_KEY)
    return level if isinstance(level, str) and level else None


def _options(r: DataReader, data: Mapping[str, Any], schema: Schema, year: int | None, level: str | None) -> Options:
    m = r.top_mapping(data, "tuy_chon")
    if m is None:
        return Options()
    values = {spec.key: r.value(m, spec, "tuy_chon") for spec in r.fields(m, schema.options, "tuy_chon", year, level)}
    known = {OPTION_ATTRIBUTES[k]: v for k, v in values.items() if k in OPTION_ATTRIBUTES and v is not None}
    extra = tuple((k, v) for k, v in values.items() if k not in OPTION_ATTRIBUTES)
    return Options(**known, extra=extra)  # type: ignore[arg-type]


def _targets(r: DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, float]:
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


def _figures(r: DataReader, data: Mapping[str, Any], catalogue: Catalogue) -> dict[str, FigureValue]:
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
    r: DataReader, data: Mapping[str, Any], catalogue: Catalogue, units: tuple[str, ...]
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


TYPED_LISTS = ("van_ban", "phong_trao")
"""The lists read into typed objects (documents, movements); other lists are :class:`ListItem` tuples."""


def _items(
    r: DataReader,
    data: Mapping[str, Any],
    spec: ListSpec,
    year: int | None,
    level: str | None,
    references: list[str],
) -> tuple[ListItem, ...]:
    """The items of a list, each field read by its kind; every problem is recorded."""
    if spec.key in data and not spec.validity.applies(year, level):
        r.problem(data, spec.key, spec.key, f"danh sách {spec.validity.describe()}")
        return ()
    items = r.top_sequence(data, spec.key)
    out: list[ListItem] = []
    for i, item in enumerate(items):
        path = join_path(spec.key, i)
        m = r.mapping(items, i, item, path)
        if m is None:
            continue
        values: list[tuple[str, Value]] = []
        for field in r.fields(m, spec.fields, path, year, level):
            value = r.value(m, field, path, references)
            r.missing_required(m, field, path, value)
            values.append((field.key, value))
        given = dict(values)
        if spec.reference is not None and not given.get(spec.reference.key) and not given.get("ten"):
            r.problem(m, None, join_path(path, "ten"), "phong trào tự thêm phải có tên (ten) hoặc mã (id) của đề cương")
        out.append(ListItem(tuple(values), line_of(items, i)))
    return tuple(out)


def _text(item: ListItem, key: str) -> str:
    value = item.get(key)
    return value if isinstance(value, str) else ""


def _document(item: ListItem) -> IssuedDocument:
    when = item.get("ngay")
    return IssuedDocument(
        _text(item, "loai") or "ban_hanh",
        _text(item, "so"),
        when if isinstance(when, date) else None,
        _text(item, "trich_yeu"),
        _text(item, "don_vi"),
    )


def _movement(item: ListItem, named: Mapping[str, NamedMovement]) -> Movement | None:
    """A movement of the outline (by ``id``) or one the writer names; ``None`` for an unknown id."""
    mid = _text(item, "id")
    if mid:
        movement = named.get(mid)
        if movement is None:
            return None
        return Movement(mid, movement.group, movement.name, _text(item, "ket_qua"), _text(item, "don_vi"))
    return Movement(
        "", _text(item, "nhom") or "a", _text(item, "ten").strip('“”"'), _text(item, "ket_qua"), _text(item, "don_vi")
    )


def _content(r: DataReader, data: Mapping[str, Any], outline: Outline) -> dict[str, tuple[ContentItem, ...]]:
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
            r.unknown_keys(m, CONTENT_KEYS, ipath)
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
