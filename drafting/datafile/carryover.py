"""``drafting new FILE --from LAST_YEAR.yaml``: start this year's file from last year's.

Last year's figures become the same-period figures (``cung_ky ← ky_nay``) and this
period is left empty; the year moves on by one; the unit information is kept but the
document number and date are cleared; the writer's phrase choices (``cau``, with a
pinned ``cach_viet``) are kept, while everything typed as free text — causes, movement
results, paragraphs, the list of documents — is cleared. Year-specific targets
(``chi_tieu``) and consolidation data (``tong_hop``, ``so_lieu_don_vi``) are dropped; the
writer's confirmations (``xac_nhan``) were about last year's facts and are emptied.
What is cleared or dropped is the schema's ``sang_nam`` (``phrasebank/tep_du_lieu.yaml``).

The YAML is edited round-trip, so the writer's comments and key order survive (years
written "năm 2024" in whole-line comments move on too), and the new file is written
atomically. The input is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from drafting.bank.bank import Bank
from drafting.bank.catalogue import Catalogue
from drafting.datafile.migrate import migrate
from drafting.files import atomic
from drafting.files.outputs import check_output_path
from drafting.files.yamlio import dump_yaml, read_yaml_file
from drafting.schema import Schema

# -- comments -------------------------------------------------------------------
# ruamel keeps the comment lines that follow a value (often the comment introducing
# the next key) on the last element before them. Emptying a list would lose them, so
# they are moved to the element that now comes last.


def _block(node: Any) -> bool:
    """A non-empty mapping or list written in block style."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node:
        return False
    return not node.fa.flow_style()


def _trailing(node: Any, pop: bool = False) -> Any:
    """The comment token after the last element of ``node`` (removed with ``pop``)."""
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        if _block(node[key]):
            return _trailing(node[key], pop)
        entry = node.ca.items.get(key)
        token = entry[2] if entry and len(entry) > 2 else None
        if pop and token is not None:
            entry[2] = None
        return token
    if isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        if _block(node[index]):
            return _trailing(node[index], pop)
        entry = node.ca.items.get(index)
        token = entry[0] if entry else None
        if pop and token is not None:
            entry[0] = None
        return token
    return None


def _set_trailing(node: Any, token: Any) -> None:
    """Put a comment token after the last element of a non-empty ``node``."""
    if token is None:
        return
    if isinstance(node, CommentedMap) and node:
        key = list(node)[-1]
        if _block(node[key]):
            _set_trailing(node[key], token)
        else:
            node.ca.items[key] = [None, None, token, None]
    elif isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        if _block(node[index]):
            _set_trailing(node[index], token)
        else:
            node.ca.items[index] = [token, None]


def _set_after_key(parent: Any, key: str, token: Any) -> None:
    """Put a comment token after the (empty) value of ``parent[key]``."""
    if token is not None and isinstance(parent, CommentedMap):
        parent.ca.items[key] = [None, None, token, None]


def _put(mapping: MutableMapping[str, Any], key: str, value: Any) -> None:
    """Set ``mapping[key]``; a new last key takes over the comment after the old last one."""
    if key in mapping or not isinstance(mapping, CommentedMap) or not mapping:
        mapping[key] = value
        return
    token = _trailing(mapping, pop=True)
    mapping[key] = value
    _set_trailing(mapping, token)


# -- the carry-over -------------------------------------------------------------


def _compared_node(previous: Any) -> CommentedMap:
    node = CommentedMap()
    node["ky_nay"] = None
    node["cung_ky"] = previous
    node["nguyen_nhan"] = ""
    return node


def _carry_figures(data: MutableMapping[str, Any], catalogue: Catalogue) -> None:
    groups = data.get("so_lieu")
    if not isinstance(groups, MutableMapping):
        groups = CommentedMap()
        data["so_lieu"] = groups
    for group in catalogue.groups:
        node = groups.get(group.id)
        if not isinstance(node, MutableMapping):
            node = CommentedMap()
            _put(groups, group.id, node)
        for figure in group.figures:
            if not figure.entered:
                continue
            value = node.get(figure.key)
            if not figure.compared:
                _put(node, figure.key, None)
            elif isinstance(value, MutableMapping):
                _put(value, "cung_ky", value.get("ky_nay"))
                value["ky_nay"] = None
                _put(value, "nguyen_nhan", "")
                if isinstance(value, CommentedMap):
                    value.fa.set_block_style()
            else:
                _put(node, figure.key, _compared_node(None))


def _carry_content(data: MutableMapping[str, Any]) -> None:
    sections = data.get("noi_dung")
    if not isinstance(sections, MutableMapping):
        return
    for key in list(sections):
        items = sections[key]
        if not isinstance(items, list):
            continue
        token = _trailing(items, pop=True)
        for index in range(len(items) - 1, -1, -1):
            item = items[index]
            if not (isinstance(item, MutableMapping) and "cau" in item):
                del items[index]
        if items:
            _set_trailing(items, token)
        else:
            sections[key] = CommentedSeq()
            _set_after_key(sections, key, token)


def _carry_lists(data: MutableMapping[str, Any], schema: Schema) -> None:
    """Lists the schema clears are emptied; in the others, the fields it clears."""
    for spec in schema.lists:
        if spec.key not in data:
            continue
        if schema.top_key(spec.key).carry == "xoa":
            token = _trailing(data[spec.key], pop=True)
            data[spec.key] = CommentedSeq()
            _set_after_key(data, spec.key, token)
            continue
        items = data.get(spec.key)
        cleared = [f for f in spec.fields if f.cleared]
        for item in items if isinstance(items, list) else []:
            if isinstance(item, MutableMapping):
                for field in cleared:
                    item[field.key] = "" if field.kind in ("chu", "dong") else None


def _shift_comment_years(text: str, year: int) -> str:
    """Move years on in whole-line comments ("năm 2024", "30/9/2024"), never in the data.

    >>> _shift_comment_years("# năm 2024, từ 01/10/2023; Thông tư 01/2024/TT-TANDTC\\nx: năm 2024\\n", 2024)
    '# năm 2025, từ 01/10/2024; Thông tư 01/2024/TT-TANDTC\\nx: năm 2024\\n'
    """
    years = "|".join(str(y) for y in (year - 1, year, year + 1))
    dates = "|".join(str(y) for y in (year - 2, year - 1, year, year + 1))
    pattern = re.compile(r"\b(?:((?:năm|Năm|NĂM)\s+)(" + years + r")|(\d{1,2}/\d{1,2}/)(" + dates + r"))\b")
    out = []
    for line in text.splitlines(keepends=True):
        if line.lstrip().startswith("#"):
            line = pattern.sub(lambda m: f"{m.group(1) or m.group(3)}{int(m.group(2) or m.group(4)) + 1}", line)
        out.append(line)
    return "".join(out)


def carry_over_text(last_year_path: Path, bank: Bank) -> tuple[int, str]:
    """The new year and the text of the new data file made from last year's file."""
    from drafting.datafile.validate import validate_report

    data, _ = read_yaml_file(last_year_path)
    migrate(data)  # the new file is written in the current format
    report = validate_report(data, str(last_year_path), bank)
    year = report.year + 1
    data["nam"] = year
    unit = data.get("don_vi")
    schema = bank.schema
    if isinstance(unit, MutableMapping):
        for field in schema.unit:
            if field.cleared and field.key in unit:
                unit[field.key] = None
    for top in schema.top:
        if top.carry == "bo" and top.key in data:
            del data[top.key]
        if top.carry == "xoa" and isinstance(data.get(top.key), CommentedMap):
            emptied = CommentedMap()  # a mapping the schema clears (xac_nhan)
            emptied.fa.set_flow_style()
            data[top.key] = emptied
    _carry_figures(data, bank.catalogue)
    _carry_lists(data, schema)
    _carry_content(data)
    return year, _shift_comment_years(dump_yaml(data), report.year)


def carry_over(last_year_path: Path, new_path: Path, bank: Bank) -> Path:
    """Write ``new_path`` for the year after ``last_year_path``'s (see the module docstring)."""
    from drafting.datafile.validate import parse_report

    last_year_path, new_path = Path(last_year_path), Path(new_path)
    check_output_path(new_path, [last_year_path])
    _, text = carry_over_text(last_year_path, bank)
    # The new file must itself be valid before it replaces anything.
    parse_report(text, str(new_path), bank)
    atomic.write_text(new_path, text)
    return new_path
