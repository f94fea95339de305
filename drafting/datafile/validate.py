"""Loading and validating a report data file against the schema, the catalogue and the outline.

Every problem of the file is collected and reported at once, in Vietnamese, with the
file, the line and the key path: a value the parser cannot construct (a date that does
not exist) is one problem among the others, not the end of the reading; a phrase that
does not exist is reported with them. The validated :class:`~drafting.report.ReportData`
is a snapshot: its :class:`~drafting.report.Locations` hold the lines, the writer's texts
as typed and the outline part of each list item, so that nothing reads the YAML
document afterwards. Nothing typed by the writer is ever rendered as a template.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, MutableMapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank, default_bank
from drafting.datafile.migrate import CURRENT, VERSION_KEY, migrate, version_of
from drafting.datafile.places import locate
from drafting.datafile.read_confirmations import confirmations
from drafting.datafile.read_figures import figures, targets, unit_figures
from drafting.datafile.read_lists import TYPED_LISTS, document, list_items, movement
from drafting.datafile.reader import DataReader, nfc
from drafting.errors import Problem, ProblemsError
from drafting.files.fields import did_you_mean, join_path, type_name
from drafting.files.yamlio import line_of, parse_yaml, read_yaml_file
from drafting.report import (
    OPTION_ATTRIBUTES,
    UNIT_ATTRIBUTES,
    ContentItem,
    FreeText,
    Locations,
    Options,
    PhraseChoice,
    ReportData,
    Unit,
    Value,
)
from drafting.schema import CONTENT_KEYS, MAX_YEAR, MIN_YEAR, Schema


def load_report(path: Path | str, bank: Bank | None = None, *, comments: bool = True) -> ReportData:
    """Load and validate a data file against ``bank`` (by default the shipped one);
    raise :class:`ProblemsError` with every problem.

    ``comments`` is kept for callers that name it: a report never holds the YAML document.
    """
    data, _ = read_yaml_file(path, comments=False, keep_bad=True)
    return _report(validate(data, str(path), bank, owned=True))


def parse_report(text: str, filename: str = "<văn bản>", bank: Bank | None = None) -> ReportData:
    """Validate data file text (used by the TUI and tests)."""
    return _report(validate(parse_yaml(text, filename, keep_bad=True), filename, bank, owned=True))


def validate_report(data: Any, filename: str, bank: Bank | None = None) -> ReportData:
    """Validate parsed data (see :func:`load_report`); raise :class:`ProblemsError` with every
    problem. Data of an older format is migrated in a copy (``data`` is not changed)."""
    return _report(validate(data, filename, bank))


def _report(result: Validation) -> ReportData:
    if result.report is None:
        raise ProblemsError(result.problems)
    return result.report


def validate_mapping(data: Mapping[str, Any], source: str = "<dict>", bank: Bank | None = None) -> ReportData:
    """Validate a data file's content already in memory: a plain mapping (parsed JSON, or
    built in Python) with the data file's keys; dates may be ``datetime.date`` or text
    ``"2024-11-25"``, lists may be tuples. The problems are those of a file, named by
    ``source`` and the key path (without lines); raise :class:`ProblemsError` with every one.

    >>> report = validate_mapping({"nam": 2024, "don_vi": {"ten": "Tòa án nhân dân tỉnh Hoa Sen",
    ...     "ngay": "2024-11-25"}, "so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": 1412, "cung_ky": 1318}}}})
    >>> report.unit.date, report.figure("an_hinh_su.thu_ly").current
    (datetime.date(2024, 11, 25), 1412)
    >>> validate_mapping({"nam": 2024, "don_vi": {"ngay": "2024-02-30"}, "so_lieu": {"an_hinh_su": {"x": 1}}})
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    drafting.errors.ProblemsError: <dict>: don_vi.ngay: ngày “2024-02-30” không có thật; viết dạng NĂM-THÁNG-NGÀY, ...
    <dict>: so_lieu.an_hinh_su.x: không có chỉ số này trong danh mục
    """
    return validate_report(data, source, bank)


@dataclass(frozen=True)
class Validation:
    """What validating a data file found: the report (``None`` when there are problems),
    every problem, where everything is (for placing the problems in the outline) and the
    notes of the format migrations applied to an older file."""

    report: ReportData | None
    problems: tuple[Problem, ...]
    locations: Locations
    migrations: tuple[str, ...] = ()


def validate(data: Any, filename: str, bank: Bank | None = None, *, owned: bool = False) -> Validation:
    """Validate parsed data and keep what was found; see :func:`validate_report`. Data of an
    older format is migrated first: in place when the caller ``owned`` it, else in a copy."""
    bank = bank if bank is not None else default_bank()
    catalogue, outline, schema = bank.catalogue, bank.outline, bank.schema
    if data is None:
        return _refused(filename, "tệp rỗng: thiếu năm báo cáo (nam) và số liệu")
    if not isinstance(data, Mapping):
        return _refused(filename, f"tệp dữ liệu phải là bảng khóa (mapping), không phải {type_name(data)}")
    older = (version_of(data) or CURRENT) < CURRENT
    if older and not (owned and isinstance(data, MutableMapping)):
        data = copy.deepcopy(data if isinstance(data, MutableMapping) else dict(data))
    migrations = tuple(m.note() for m in migrate(data)) if isinstance(data, MutableMapping) else ()
    r = DataReader(filename)
    lines, unconstructed = locate(data, filename)
    r.problems.extend(unconstructed)
    r.unknown_keys(data, schema.top_keys, "")

    year = _year(r, data)
    _version(r, data)
    unit = _unit(r, data, schema, year)
    level = _level(unit)
    options = _options(r, data, schema, year, level)
    groups = {m.id: m.group for m in outline.movements}
    lists = {
        spec.key: list_items(r, data, spec, year, level, groups)
        for spec in schema.lists
        if spec.key in data or spec.key in TYPED_LISTS
    }
    named = {m.id: m for m in outline.movements}
    movements = (movement(item, named) for item in lists.pop("phong_trao", ()))
    units = tuple(nfc(u) for u in r.texts_list(data, "tong_hop", "")) if "tong_hop" in data else ()
    report = ReportData(
        year=year or 0,
        unit=unit,
        figures=figures(r, data, catalogue),
        documents=tuple(document(item) for item in lists.pop("van_ban", ())),
        movements=tuple(m for m in movements if m is not None),
        content=_content(r, data, bank),
        options=options,
        target_overrides=targets(r, data, catalogue),
        units=units,
        unit_figures=unit_figures(r, data, catalogue, units),
        lists=lists,
        confirmations=confirmations(r, data, bank),
        source=filename,
        migrations=migrations,
    )
    order = {key: i for i, key in enumerate(("don_vi", "tong_hop", "so_lieu", *(s.key for s in schema.lists)))}
    texts = sorted(r.texts.items(), key=lambda kv: order.get(kv[0].split(".", 1)[0].split("[", 1)[0], len(order)))
    locations = Locations(lines, tuple(texts), r.views)
    if r.problems:
        r.problems += _phrase_problems(report.content, locations, bank, filename)
        problems = tuple(sorted(set(r.problems), key=lambda p: (p.line or 0, p.key)))
        return Validation(None, problems, locations, migrations)
    return Validation(replace(report, locations=locations), (), locations, migrations)


def _refused(filename: str, message: str) -> Validation:
    return Validation(None, (Problem(filename, None, "", message),), Locations())


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


def _version(r: DataReader, data: Mapping[str, Any]) -> None:
    """The format version (after migration: the current one, unless the file is newer)."""
    if VERSION_KEY not in data:
        return
    value = data[VERSION_KEY]
    if version_of(data) is None:
        message = f"phiên bản định dạng phải là số nguyên từ 1 đến {CURRENT}, không phải {type_name(value)}"
        r.problem(data, VERSION_KEY, VERSION_KEY, message)
    elif value > CURRENT:
        message = (
            f"tệp viết theo định dạng phiên bản {value}, mới hơn phiên bản {CURRENT} mà công cụ này đọc được; "
            "hãy cập nhật công cụ"
        )
        r.problem(data, VERSION_KEY, VERSION_KEY, message)


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


def _content(r: DataReader, data: Mapping[str, Any], bank: Bank) -> dict[str, tuple[ContentItem, ...]]:
    sections = r.top_mapping(data, "noi_dung")
    if sections is None:
        return {}
    outline = bank.outline
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
                r.typed(item, ipath)
                parsed.append(FreeText(nfc(item)))
                continue
            m = r.mapping(items, i, item, ipath)
            if m is None:
                continue
            r.unknown_keys(m, CONTENT_KEYS, ipath)
            if "van_ban" in m:
                parsed.append(FreeText(r.writer_text(m, "van_ban", ipath)))
            elif "cau" in m:
                parsed.append(PhraseChoice(r.text(m, "cau", ipath), _variant(r, m, ipath), line_of(items, i)))
            else:
                r.problem(items, i, ipath, "mỗi mục nội dung là {cau: <mã câu mẫu>} hoặc {van_ban: <đoạn văn tự viết>}")
        out[str(skey)] = tuple(parsed)
    return out


def _variant(r: DataReader, m: Mapping[str, Any], path: str) -> int | None:
    """The pinned variant of a chosen phrase (1-based)."""
    variant = m.get("cach_viet")
    if variant is not None and (isinstance(variant, bool) or not isinstance(variant, int) or variant < 1):
        r.problem(m, "cach_viet", join_path(path, "cach_viet"), "số thứ tự cách viết phải là số nguyên từ 1")
        variant = None
    return variant


def _phrase_problems(
    content: Mapping[str, tuple[ContentItem, ...]], locations: Locations, bank: Bank, filename: str
) -> list[Problem]:
    """Chosen phrases the bank does not have (or pinned to a variant it does not have).

    Composition reports them, with the bank's own problems, when the data is valid; when
    the data is refused anyway, validation names them too, so that nothing waits for a
    second pass.
    """
    problems: list[Problem] = []
    for sid, items in content.items():
        for i, item in enumerate(items):
            if not isinstance(item, PhraseChoice) or not item.id:
                continue
            phrase = bank.get(item.id)
            if phrase is None:
                message = f"không có câu mẫu “{item.id}”" + did_you_mean(item.id, bank.phrases)
            elif item.variant is not None and item.variant > len(phrase.variants):
                count = len(phrase.variants)
                message = f"câu mẫu “{item.id}” chỉ có {count} cách viết, không có cách viết {item.variant}"
            else:
                continue
            section = join_path("noi_dung", sid)
            found = locations.item_at(section + "[", item.line) if item.line else ""
            problems.append(Problem(filename, item.line, found or join_path(section, i), message))
    return problems
