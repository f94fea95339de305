"""A draft being edited: a report data file's round-trip document and its edits.

The terminal UI edits a report through a :class:`Draft` and nothing else. A draft is the
:class:`~drafting.editing.session.Session` of a data file (opening, saving, the
lost-update check, recovery files); it brings an older file to the current format when
it is read (:mod:`drafting.datafile.migrate`), validates it on demand
(:meth:`Draft.report`, cached until the next change) and offers the edits the UI needs,
each made by the editor of its part of the file: the figures and the unit
(:mod:`drafting.editing.edits`), the lists (:mod:`drafting.editing.lists`), the
sections' phrases and paragraphs (:mod:`drafting.editing.content`). Every edit that
takes typed input (:mod:`drafting.editing.inputs`) checks it first and raises
:class:`ValueError` with a Vietnamese message, so that invalid input never enters the
draft. What an editor shows is in :mod:`drafting.editing.rows`.

>>> draft = Draft.new(2025)
>>> draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "1.500")
True
>>> draft.figure_text("an_hinh_su.thu_ly", "ky_nay"), draft.dirty
('1.500', True)
>>> draft.set_figure_text("an_hinh_su.thu_ly", "ky_nay", "12,5")
Traceback (most recent call last):
...
ValueError: số liệu phải là số nguyên (“12,5” có phần thập phân)
>>> draft.report().figure("an_hinh_su.thu_ly").current
1500
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue
from drafting.bank.outline import Outline
from drafting.editing.content import ContentEdits
from drafting.editing.edits import FigureEdits, Part, UnitEdits
from drafting.editing.inputs import format_date_input, format_int, parse_count, parse_date, parse_field
from drafting.editing.lists import ListEdits
from drafting.editing.rows import (
    UNIT_MARK,
    ContentRow,
    DocumentRow,
    MovementRow,
    PhraseRow,
    SectionMark,
    phrase_rows,
    section_marks,
)
from drafting.editing.session import UNTITLED_NAME, Session, is_bundled, read_mapping, recovery_path
from drafting.errors import Problem, ProblemsError
from drafting.files.yamlio import parse_yaml
from drafting.report import ReportData
from drafting.resources import writable_dir
from drafting.schema import MAX_COUNT, MAX_MONEY, MAX_YEAR, MIN_YEAR, Schema

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from drafting.composition.composer import Composer


class Draft(Session):
    """A data file being edited (see the module docstring)."""

    def __init__(
        self,
        doc: CommentedMap,
        path: Path | None,
        *,
        source: Path | None = None,
        problems: Sequence[Problem] = (),
        exists: bool = True,
        bank: Bank | None = None,
    ) -> None:
        super().__init__(doc, path, source=source, problems=problems, exists=exists)
        self._bank = bank if bank is not None else default_bank()
        self._report: ReportData | ProblemsError | None = None
        self._report_version = -1
        self._composer: Composer | None = None
        self.figures = FigureEdits(self, self._bank)
        self.unit = UnitEdits(self, self._bank)
        self.lists = ListEdits(self, self._bank)
        self.sections = ContentEdits(self, self._bank, self.composer)

    # ------------------------------------------------------------------ opening

    @classmethod
    def new(cls, year: int | None = None, path: Path | None = None, *, bank: Bank | None = None) -> Draft:
        """A new draft from the skeleton of ``year`` (this year by default)."""
        from drafting.datafile.skeleton import skeleton_text

        bank = bank if bank is not None else default_bank()
        text = skeleton_text(year or datetime.date.today().year, bank)
        return cls(parse_yaml(text, str(path or UNTITLED_NAME)), path, exists=False, bank=bank)

    @classmethod
    def open(
        cls, path: Path | str | None, *, year: int | None = None, defer: bool = False, bank: Bank | None = None
    ) -> Draft:
        """Open a data file for editing; an older format is migrated (the draft is then
        changed, and :attr:`notes` says so).

        ``None``: a new untitled draft. A bundled sample: a new untitled draft with its
        content (the sample is never written). A file that does not exist (or is empty):
        a new draft to be saved there. Raises :class:`ProblemsError` when the file cannot
        be read or is not YAML describing a mapping. (``defer`` is accepted for callers
        that name it: the file is read once, with its comments, by the one YAML parser.)
        """
        if path is None or not Path(path).exists():
            return cls.new(year, Path(path) if path is not None else None, bank=bank)
        path = Path(path)
        doc, text, stamp = read_mapping(path)
        if doc is None:
            empty = cls.new(year, path, bank=bank)
            empty.stamp = stamp
            return empty
        bundled = is_bundled(path)
        draft = cls(doc, None if bundled else path, source=path, bank=bank)
        draft.stamp = None if bundled else stamp
        draft._source_text = text
        draft._adopted()
        return draft

    @classmethod
    def open_or_new(cls, path: Path | str | None, *, defer: bool = False, bank: Bank | None = None) -> Draft:
        """Like :meth:`open`, but a file that cannot be read gives a new untitled draft
        whose :attr:`problems` say why (the unreadable file is never overwritten)."""
        try:
            return cls.open(path, bank=bank)
        except ProblemsError as exc:
            draft = cls.new(None, None, bank=bank)
            draft.problems = exc.problems
            draft.source = Path(path) if path is not None else None
            return draft

    def adopt(self) -> tuple[str, ...]:
        """Bring an older file's document to the current format (in memory)."""
        from drafting.datafile.migrate import migrate

        return tuple(m.note() for m in migrate(self.doc))

    def reopen(self) -> Draft:
        assert self.path is not None
        return type(self).open(self.path, bank=self._bank)

    # ------------------------------------------------------------------ what it is

    @property
    def bank(self) -> Bank:
        """The phrase bank the draft is validated and composed with."""
        return self._bank

    @property
    def catalogue(self) -> Catalogue:
        return self._bank.catalogue

    @property
    def schema(self) -> Schema:
        """The data file's shape (:mod:`drafting.schema`): key orders, fields, lists."""
        return self._bank.schema

    @property
    def outline(self) -> Outline:
        return self._bank.outline

    @property
    def year(self) -> int:
        value = self.data.get("nam")
        if isinstance(value, int) and not isinstance(value, bool) and MIN_YEAR <= value <= MAX_YEAR:
            return value
        return datetime.date.today().year

    def suggested_path(self) -> Path:
        """Where a first save goes by default: ``bao-cao-<year>.yaml`` in the current folder
        (or another folder the writer can write to)."""
        if self.path is not None:
            return self.path
        name, folder = f"bao-cao-{self.year}.yaml", writable_dir()
        return Path(name) if folder == Path.cwd() else folder / name

    def report(self) -> ReportData:
        """The validated report data, cached until the next change; raises
        :class:`ProblemsError` while the draft is invalid."""
        from drafting.datafile.validate import validate_report

        if self._report_version != self.version:
            try:
                self._report = validate_report(self.data, self.filename, self.bank)
            except ProblemsError as exc:
                self._report = exc
            self._report_version = self.version
        if isinstance(self._report, ProblemsError):
            raise self._report
        assert self._report is not None
        return self._report

    def validation_problems(self) -> tuple[Problem, ...]:
        try:
            self.report()
        except ProblemsError as exc:
            return exc.problems
        return ()

    def composer(self) -> Composer:
        """The composition of the current report (see :meth:`report`)."""
        from drafting.composition.composer import Composer

        report = self.report()
        cached = self._composer
        if cached is not None and cached.report is report and cached.bank is self.bank:
            return cached
        self._composer = Composer.create(report, self.bank)
        return self._composer

    # ------------------------------------------------------------------ edits (see the editors)

    def figure_value(self, figure_id: str, part: Part = "") -> object:
        return self.figures.value(figure_id, part)

    def figure_text(self, figure_id: str, part: Part = "") -> str:
        return self.figures.text(figure_id, part)

    def set_figure(self, figure_id: str, part: Part, value: int | str | None) -> bool:
        return self.figures.set(figure_id, part, value)

    def set_figure_text(self, figure_id: str, part: Part, text: str) -> bool:
        return self.figures.set_text(figure_id, part, text)

    def unit_text(self, key: str) -> str:
        return self.unit.text(key)

    def set_unit_text(self, key: str, text: str) -> bool:
        return self.unit.set_text(key, text)

    def recipients(self) -> list[str]:
        return self.unit.recipients()

    def set_recipients(self, lines: Sequence[str]) -> bool:
        return self.unit.set_recipients(lines)

    def set_year(self, text: str) -> bool:
        return self.unit.set_year(text)

    def add_row(self, list_key: str, texts: Mapping[str, str]) -> int:
        return self.lists.add_row(list_key, texts)

    def update_row(self, list_key: str, index: int, texts: Mapping[str, str]) -> bool:
        return self.lists.update_row(list_key, index, texts)

    def remove_row(self, list_key: str, index: int) -> None:
        self.lists.remove_row(list_key, index)

    def documents(self, kind: str | None = None) -> list[DocumentRow]:
        return self.lists.documents(kind)

    def add_document(self, kind: str, number: str, date: str, summary: str, unit: str = "") -> int:
        return self.lists.add_document(kind, number, date, summary, unit)

    def update_document(self, index: int, kind: str, number: str, date: str, summary: str, unit: str = "") -> bool:
        return self.lists.update_document(index, kind, number, date, summary, unit)

    def remove_document(self, index: int) -> None:
        self.lists.remove_row("van_ban", index)

    def movements(self, group: str | None = None) -> list[MovementRow]:
        return self.lists.movements(group)

    def set_movement_result(self, movement_id: str, text: str) -> bool:
        return self.lists.set_movement_result(movement_id, text)

    def add_movement(self, name: str, group: str, result: str = "", unit: str = "") -> int:
        return self.lists.add_movement(name, group, result, unit)

    def update_movement(self, index: int, name: str, result: str, unit: str = "") -> bool:
        return self.lists.update_movement(index, name, result, unit)

    def remove_movement(self, index: int) -> None:
        self.lists.remove_row("phong_trao", index)

    def content(self, section_id: str) -> list[ContentRow]:
        return self.sections.rows(section_id)

    def materialise(self, section_id: str) -> CommentedSeq:
        return self.sections.materialise(section_id)

    def choose_phrase(
        self, section_id: str, phrase_id: str, variant: int | None = None, position: int | None = None
    ) -> int:
        return self.sections.choose_phrase(section_id, phrase_id, variant, position)

    def unchoose_phrase(self, section_id: str, phrase_id: str) -> bool:
        return self.sections.unchoose_phrase(section_id, phrase_id)

    def pin_variant(self, section_id: str, phrase_id: str, variant: int | None) -> None:
        self.sections.pin_variant(section_id, phrase_id, variant)

    def move_item(self, section_id: str, index: int, delta: int) -> int:
        return self.sections.move_item(section_id, index, delta)

    def add_paragraph(self, section_id: str, text: str = "", position: int | None = None) -> int:
        return self.sections.add_paragraph(section_id, text, position)

    def set_paragraph(self, section_id: str, index: int, text: str) -> bool:
        return self.sections.set_paragraph(section_id, index, text)

    def remove_item(self, section_id: str, index: int) -> None:
        self.sections.remove_item(section_id, index)

    def confirm_claim(self, claim_id: str, reason: str = "", *, deny: bool = False) -> None:
        """See :meth:`drafting.editing.content.ContentEdits.confirm_claim`."""
        self.sections.confirm_claim(claim_id, reason, deny=deny)

    def unconfirm_claim(self, claim_id: str) -> bool:
        return self.sections.unconfirm_claim(claim_id)


__all__ = [
    "MAX_COUNT",
    "MAX_MONEY",
    "UNIT_MARK",
    "ContentRow",
    "DocumentRow",
    "Draft",
    "MovementRow",
    "Part",
    "PhraseRow",
    "SectionMark",
    "format_date_input",
    "format_int",
    "is_bundled",
    "parse_count",
    "parse_date",
    "parse_field",
    "phrase_rows",
    "recovery_path",
    "section_marks",
]
