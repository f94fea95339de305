"""``drafting new``: a fresh data file with every field of the schema and the catalogue, commented.

The keys, their order and the comments come from the schema (``phrasebank/tep_du_lieu.yaml``,
:mod:`drafting.schema`); the figures from the catalogue; the sections from the outline.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterable
from pathlib import Path

from drafting.bank.bank import Bank
from drafting.bank.sandbox import render
from drafting.composition.context import year_context
from drafting.datafile.migrate import CURRENT, VERSION_KEY
from drafting.files import atomic
from drafting.schema import FieldSpec, ListSpec, TopKey


def quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def comment_lines(text: str, indent: str = "") -> list[str]:
    """A (multi-line) comment as YAML comment lines.

    >>> comment_lines("Năm báo cáo.\\n  ví dụ", "  ")
    ['  # Năm báo cáo.', '  #   ví dụ']
    """
    return [f"{indent}# {line}".rstrip() for line in text.splitlines()]


def scalar(value: object) -> str:
    """A value as YAML text ("" for none).

    >>> scalar("BC-TA"), scalar(True), scalar(1.15), scalar(datetime.date(2025, 1, 5)), scalar(("a", "b"))
    ('"BC-TA"', 'true', '1.15', '2025-01-05', '["a", "b"]')
    """
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return json.dumps(list(value), ensure_ascii=False)
    return quote(str(value))


def field_lines(
    specs: Iterable[FieldSpec], value_of: Callable[[FieldSpec], object], indent: str, hint: Callable[[str], str] | None
) -> list[str]:
    """``key: value`` lines of fields (a list of texts: one line per item), each after its
    hint as a comment when ``hint`` renders them."""
    lines: list[str] = []
    for spec in specs:
        if hint is not None:
            lines += comment_lines(hint(spec.hint), indent)
        value = value_of(spec)
        if isinstance(value, tuple):
            lines.append(f"{indent}{spec.key}:" if value else f"{indent}{spec.key}: []")
            lines += [f"{indent}  - {quote(str(item))}" for item in value]
        else:
            lines.append(f"{indent}{spec.key}: {scalar(value)}".rstrip())
    return lines


class _Skeleton:
    def __init__(self, year: int, bank: Bank) -> None:
        self.year = year
        self.bank = bank
        self.years = year_context(year)

    def text(self, template: str) -> str:
        return render(template, self.years) if "{" in template else template

    def value(self, spec: FieldSpec) -> object:
        value = spec.new_value
        if isinstance(value, str) and "{{" in value:
            value = self.text(value)
            return int(value) if spec.kind == "so_nguyen" else value
        return value

    def fields(self, specs: tuple[FieldSpec, ...]) -> list[str]:
        return field_lines(specs, self.value, "  ", self.text)

    def block(self, top: TopKey) -> list[str]:
        schema = self.bank.schema
        lines = comment_lines(self.text(top.comment))
        if top.in_new_file == "chu_thich":
            return lines
        builders: dict[str, Callable[[], list[str]]] = {
            "nam": lambda: [f"nam: {self.year}"],
            VERSION_KEY: lambda: [f"{VERSION_KEY}: {CURRENT}"],
            "don_vi": lambda: ["don_vi:", *self.fields(schema.unit_fields(self.year))],
            "tuy_chon": lambda: ["tuy_chon:", *self.fields(schema.option_fields(self.year))],
            "so_lieu": self.figures,
            "noi_dung": self.content,
        }
        if top.key in builders:
            return lines + builders[top.key]()
        return lines + self.items(schema.list_spec(top.key))

    def figures(self) -> list[str]:
        lines = ["so_lieu:"]
        for group in self.bank.catalogue.groups:
            lines.append(f"  # {render(group.title, self.years)} (mục {group.section}).")
            lines.append(f"  {group.id}:")
            for figure in group.figures:
                if not figure.entered:
                    lines.append(f"    # {figure.key}: {figure.label} – tự tính, không nhập.")
                    continue
                unit = f" ({figure.unit})" if figure.unit else ""
                lines.append(f"    {figure.key}:  # {figure.label}{unit}")
                if figure.compared:
                    lines += ["      ky_nay:", "      cung_ky:", '      nguyen_nhan: ""']
        return lines

    def items(self, spec: ListSpec) -> list[str]:
        """A list: one item per outline movement for a list that names them, else empty
        with its example commented."""
        outline = self.bank.outline
        reference = spec.reference
        if reference is None:
            example = self.text(spec.example).splitlines()
            return [f"{spec.key}: []", *(f"#  {line}" for line in example)]
        lines = [f"{spec.key}:"]
        given = [f for f in spec.fields if f.new_value is not None]
        for movement in outline.movements:
            section = outline.list_section(spec.view_of(movement.group))
            context = {**self.years, "ten": render(movement.name, self.years), "muc": section}
            lines += comment_lines(render(spec.item_comment, context), "  ")
            lines.append(f"  - {reference.key}: {movement.id}")
            lines += [f"    {f.key}: {scalar(self.value(f))}" for f in given]
        return lines

    def content(self) -> list[str]:
        outline = self.bank.outline
        lines = ["noi_dung:"]
        for section in outline.sections:
            if outline.is_leaf(section.id):
                lines.append(f"  # {section.number} {render(section.heading, self.years)}")
                lines.append(f"  {quote(section.id)}: []")
        return lines


def skeleton_text(year: int, bank: Bank) -> str:
    """The text of a new data file for ``year``."""
    skeleton = _Skeleton(year, bank)
    schema = bank.schema
    blocks = [comment_lines(skeleton.text(schema.intro))]
    lists = {spec.key: spec for spec in schema.lists}
    blocks += [
        skeleton.block(top)
        for top in schema.top
        if top.in_new_file != "khong" and (top.key not in lists or lists[top.key].validity.applies(year))
    ]
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"


def write_skeleton(path: Path, bank: Bank, year: int | None = None) -> None:
    """Write a new data file (atomically)."""
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        from drafting.errors import OutputError

        raise OutputError(f"{path}: thư mục “{parent}” không tồn tại")
    atomic.write_text(path, skeleton_text(year or datetime.date.today().year, bank))
