"""A draft being edited: the round-trip YAML document of a data file and its edits.

The terminal UI edits a report through a :class:`Draft` and nothing else. A draft owns
the round-trip document (comments and key order are kept on save), validates it on
demand (:meth:`Draft.report`, cached until the next change) and offers the edits the
UI needs: figure values, the rows of the document and movement lists, the phrases and
paragraphs chosen for a section. Every edit that takes typed input checks it first
and raises :class:`ValueError` with a Vietnamese message, so that invalid input never
enters the draft.

Unsaved changes can be written to a recovery file beside the data file
(``bao-cao.yaml`` → ``bao-cao.autosave.yaml``), or in the current folder for a draft
that was never saved; reopening the file offers to restore them.

ruamel (the round-trip parser and its node types) is imported by the functions that
touch the round-trip document, so that a draft opened with ``defer=True`` shows its
first screen before ruamel has loaded.

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
import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

from drafting.bank.bank import Bank, default_bank
from drafting.bank.catalogue import Catalogue, Figure
from drafting.bank.outline import Outline
from drafting.datafile.validate import UNIT_KEYS
from drafting.errors import OutputError, Problem, ProblemsError
from drafting.files.yamlio import atomic_write_text, dump_yaml, parse_yaml, read_yaml_file
from drafting.resources import EXAMPLES_DIR, writable_dir

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq


NOT_A_MAPPING = "tệp dữ liệu phải là bảng khóa (mapping) ở cấp ngoài cùng"
RECOVERY_SUFFIX = ".autosave.yaml"
UNTITLED_RECOVERY = "bao-cao-chua-luu" + RECOVERY_SUFFIX
UNTITLED_NAME = "<bản nháp chưa lưu>"

# The limits of the data file validation (drafting.datafile.validate), repeated for typed input.
MAX_COUNT = 10**9
MAX_MONEY = 10**15
TOP_ORDER = ("nam", "don_vi", "tuy_chon", "chi_tieu", "so_lieu", "van_ban", "phong_trao", "noi_dung", "tong_hop")
COMPARED_PARTS = ("ky_nay", "cung_ky", "nguyen_nhan")
DOCUMENT_ORDER = ("loai", "so", "ngay", "trich_yeu", "don_vi")
MOVEMENT_ORDER = ("id", "ten", "nhom", "ket_qua", "don_vi")
UNIT_ORDER = UNIT_KEYS
UNIT_TEXT_FIELDS = tuple(k for k in UNIT_KEYS if k != "noi_nhan")

Part = Literal["", "ky_nay", "cung_ky", "nguyen_nhan"]


# --------------------------------------------------------------------------- typed input


def parse_count(text: str, money: bool = False) -> int | None:
    """A figure typed the Vietnamese way: ``None`` for an empty box, else a whole number.

    >>> parse_count("1.234"), parse_count(" "), parse_count("150.000.000", money=True)
    (1234, None, 150000000)
    >>> parse_count("-3")
    Traceback (most recent call last):
    ...
    ValueError: số liệu không được âm (-3)
    >>> parse_count("abc")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: “abc” không phải là số hợp lệ: ...
    """
    from drafting.vi.numbers import parse_number

    if not text.strip():
        return None
    value = parse_number(text)
    what = "số tiền" if money else "số liệu"
    if value != value.to_integral_value():
        raise ValueError(f"{what} phải là số nguyên (“{text.strip()}” có phần thập phân)")
    if value < 0:
        raise ValueError(f"{what} không được âm ({text.strip()})")
    limit = MAX_MONEY if money else MAX_COUNT
    if value > limit:
        raise ValueError(f"{what} quá lớn (tối đa {format_int(limit)})")
    return int(value)


def format_int(value: int) -> str:
    """A whole number as the writer types it: "1.234".

    >>> format_int(1234567), format_int(0)
    ('1.234.567', '0')
    """
    from drafting.vi.numbers import format_number

    return format_number(value, 0)


_DMY = re.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")


def parse_date(text: str) -> datetime.date | None:
    """A date typed as "06/5/2024" (day/month/year) or "2024-05-06"; ``None`` if empty.

    >>> parse_date("06/5/2024"), parse_date("2024-05-06"), parse_date("")
    (datetime.date(2024, 5, 6), datetime.date(2024, 5, 6), None)
    >>> parse_date("31/2/2024")
    Traceback (most recent call last):
    ...
    ValueError: ngày “31/2/2024” không có thật
    """
    if not text.strip():
        return None
    match = _DMY.match(text)
    if match:
        day, month, year = (int(x) for x in match.groups())
    else:
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"ngày “{text.strip()}” phải viết dạng ngày/tháng/năm, ví dụ 06/5/2024")
        year, month, day = (int(x) for x in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ValueError(f"ngày “{text.strip()}” không có thật") from None


def format_date_input(value: Any) -> str:
    """A date as shown in an input box: "06/05/2024".

    >>> format_date_input(datetime.date(2024, 5, 6)), format_date_input(None)
    ('06/05/2024', '')
    """
    if isinstance(value, datetime.date):
        return f"{value.day:02d}/{value.month:02d}/{value.year}"
    return "" if value is None else str(value)


def _clean_text(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFC", text).strip()


def _scalar_text(text: str, old: Any = None) -> str:
    """Text for the YAML document: multi-line text as a literal block."""
    from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

    if "\n" in text:
        return cast(str, LiteralScalarString(text))
    if isinstance(old, FoldedScalarString):
        return cast(str, FoldedScalarString(text))
    return text


def _insert_ordered(node: CommentedMap, key: str, value: Any, order: Sequence[str]) -> None:
    """Set ``node[key]``; a new key goes where ``order`` puts it among the existing keys."""
    if key in node:
        node[key] = value
        return
    rank = {k: i for i, k in enumerate(order)}
    mine = rank.get(key, len(order))
    position = len(node)
    for i, existing in enumerate(node):
        if rank.get(str(existing), len(order)) > mine:
            position = i
            break
    _insert_at(node, position, value, key)


def _block_seq(node: Any) -> CommentedSeq:
    from ruamel.yaml.comments import CommentedSeq

    if isinstance(node, CommentedSeq) and not node:
        node.fa.set_block_style()
    return node  # type: ignore[no-any-return]


# Comments between two keys belong, in ruamel, to the end of the value before them: the
# block comment before ``phong_trao:`` is held by the last key of the last ``van_ban``
# row. When rows are added at the end, removed or moved, that comment is moved so that
# it stays where the writer put it.

_Holder = tuple[Any, Any, int]


def _tail_holder(node: Any) -> _Holder | None:
    """Where the comment after the last line of ``node`` is kept: (container, key, slot)."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(node, (CommentedMap, CommentedSeq)) and node.fa.flow_style():
        return None
    if isinstance(node, CommentedMap) and node:
        key = list(node.keys())[-1]
        inner = _tail_holder(node[key])
        return inner if inner is not None else (node, key, 2)
    if isinstance(node, CommentedSeq) and node:
        index = len(node) - 1
        inner = _tail_holder(node[index])
        return inner if inner is not None else (node, index, 0)
    return None


def _take_tail(holder: _Holder | None) -> str:
    """Detach the lines after the end of line of a holder's comment; return them."""
    if holder is None:
        return ""
    container, key, slot = holder
    entry = container.ca.items.get(key)
    if not entry or len(entry) <= slot or entry[slot] is None:
        return ""
    token = entry[slot]
    value = str(token.value)
    head, newline, rest = value.partition("\n")
    if not newline or not rest:
        return ""
    if head.strip():
        token.value = head + "\n"
    else:
        entry[slot] = None
    return rest


def _put_tail(holder: _Holder | None, text: str) -> None:
    if holder is None or not text:
        return
    from ruamel.yaml.error import CommentMark
    from ruamel.yaml.tokens import CommentToken

    container, key, slot = holder
    entry = container.ca.items.setdefault(key, [None, None, None, None] if slot == 2 else [None, None])
    while len(entry) <= slot:
        entry.append(None)
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        value = token.value
        token.value = (value if value.endswith("\n") else value + "\n") + text


def _item_tail(container: Any, index: int) -> _Holder | None:
    """The holder of the comment after item ``index`` of a mapping or a list."""
    from ruamel.yaml.comments import CommentedMap

    if isinstance(container, CommentedMap):
        key = list(container.keys())[index]
        return _tail_holder(container[key]) or (container, key, 2)
    return _tail_holder(container[index]) or (container, index, 0)


def _insert_at(container: Any, index: int, value: Any, key: Any = None) -> None:
    """Insert an item at ``index``; the comment after the previous item (which introduces
    what follows it) moves after the new item."""
    from ruamel.yaml.comments import CommentedMap

    tail = _take_tail(_item_tail(container, index - 1)) if index > 0 else ""
    if isinstance(container, CommentedMap):
        container.insert(index, key, value)
    else:
        container.insert(index, value)
    _put_tail(_item_tail(container, index), tail)


def _delete_at(container: Any, index: int) -> None:
    """Delete an item; the comment after it moves after the previous item."""
    from ruamel.yaml.comments import CommentedMap

    tail = _take_tail(_item_tail(container, index))
    key = list(container.keys())[index] if isinstance(container, CommentedMap) else index
    del container[key]
    if index > 0:
        _put_tail(_item_tail(container, index - 1), tail)


def recovery_path(path: Path | None) -> Path:
    """Where unsaved changes of ``path`` are kept (for a new draft: the current folder, or
    another folder the writer can write to; see :func:`drafting.resources.writable_dir`).

    >>> recovery_path(Path("du-lieu/bao-cao.yaml")).as_posix()
    'du-lieu/bao-cao.autosave.yaml'
    """
    if path is None:
        return writable_dir() / UNTITLED_RECOVERY
    return path.with_name(path.stem + RECOVERY_SUFFIX)


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is one of the bundled sample files (never modified)."""
    try:
        return path.resolve().parent == EXAMPLES_DIR and path.suffix in (".yaml", ".yml")
    except OSError:
        return False


# --------------------------------------------------------------------------- rows


@dataclass(frozen=True)
class DocumentRow:
    """A row of ``van_ban`` as the editor shows it (texts as typed)."""

    index: int
    kind: str
    number: str
    date: str
    summary: str
    unit: str = ""


@dataclass(frozen=True)
class MovementRow:
    """A row of ``phong_trao``: an outline movement (``movement_id``) or one the writer added."""

    index: int
    movement_id: str
    name: str
    group: str
    result: str
    unit: str = ""


@dataclass(frozen=True)
class ContentRow:
    """An item of ``noi_dung.<section>``: a chosen phrase or a paragraph."""

    index: int
    phrase_id: str = ""
    variant: int | None = None
    text: str = ""

    @property
    def is_phrase(self) -> bool:
        return bool(self.phrase_id)


@dataclass(frozen=True)
class PhraseRow:
    """A phrase of a section as the editor lists it.

    ``included``: the phrase appears in the report (chosen by the writer, or suggested
    while the writer has chosen nothing); ``position`` is its index in the section's
    items; ``shown`` the 1-based variant the report uses; ``pinned`` the pinned variant.
    """

    phrase_id: str
    description: str
    function: str
    included: bool
    applies: bool
    reason: str
    variants: int
    shown: int | None
    pinned: int | None
    text: str
    position: int | None
    chosen: bool


@dataclass(frozen=True)
class SectionMark:
    """How complete a section is: ``state`` is ``du`` (all), ``mot_phan`` (some) or ``trong``."""

    state: Literal["du", "mot_phan", "trong"]
    filled: int
    total: int
    missing: tuple[str, ...] = ()
    note: str = ""

    @property
    def symbol(self) -> str:
        return {"du": "✓", "mot_phan": "◐", "trong": "○"}[self.state]

    @property
    def label(self) -> str:
        return self.note or {"du": "đã đủ", "mot_phan": "còn thiếu", "trong": "chưa nhập"}[self.state]


# --------------------------------------------------------------------------- the draft


class Draft:
    """A data file being edited (see the module docstring)."""

    def __init__(
        self,
        doc: CommentedMap | None,
        path: Path | None,
        *,
        source: Path | None = None,
        problems: Sequence[Problem] = (),
        exists: bool = True,
        bank: Bank | None = None,
    ) -> None:
        self._doc: CommentedMap | None = doc
        self._fast: Any = None
        self._source_text = ""
        self._doc_lock = threading.Lock()
        self.path = path
        self.source = source or path
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.exists = exists
        self._bank = bank if bank is not None else default_bank()
        self.version = 0
        self._saved_version = 0
        self._recovered_version = 0
        self._report: Any = None
        self._report_version = -1
        self.listeners: list[Callable[[Draft], None]] = []

    # ------------------------------------------------------------------ opening

    @classmethod
    def new(cls, year: int | None = None, path: Path | None = None, **kwargs: Any) -> Draft:
        """A new draft from the skeleton of ``year`` (this year by default)."""
        from drafting.datafile.skeleton import skeleton_text

        year = year or datetime.date.today().year
        bank = kwargs.pop("bank", None)
        bank = bank if bank is not None else default_bank()
        doc = parse_yaml(skeleton_text(year, bank), str(path or UNTITLED_NAME))
        return cls(doc, path, exists=False, bank=bank, **kwargs)

    @classmethod
    def open(cls, path: Path | str | None, *, year: int | None = None, defer: bool = False, **kwargs: Any) -> Draft:
        """Open a data file for editing.

        With ``defer`` the file is first read quickly, without its comments, which is all
        that showing it needs; the round-trip document that edits and saving need is parsed
        on first use or by :meth:`load_document` (an editor calls it after its first screen).

        ``None``: a new untitled draft. A bundled sample: a new untitled draft with its
        content (the sample is never written). A file that does not exist (or is empty):
        a new draft to be saved there. Raises :class:`ProblemsError` when the file cannot
        be read or is not YAML describing a mapping.
        """
        if path is None:
            return cls.new(year, None, **kwargs)
        path = Path(path)
        if not path.exists():
            return cls.new(year, path, **kwargs)
        data, text = read_yaml_file(path, comments=not defer)
        if data is None:
            return cls.new(year, path, **kwargs)
        if defer:
            doc = None
            if not isinstance(data, Mapping):
                raise ProblemsError([Problem(str(path), 1, "", NOT_A_MAPPING)])
        else:
            from ruamel.yaml.comments import CommentedMap

            if not isinstance(data, CommentedMap):
                raise ProblemsError([Problem(str(path), 1, "", NOT_A_MAPPING)])
            doc = data
        bundled = is_bundled(path)
        draft = cls(doc, None if bundled else path, source=path, **kwargs)
        if defer:
            draft._fast, draft._source_text = data, text
        return draft

    @classmethod
    def open_or_new(cls, path: Path | str | None, **kwargs: Any) -> Draft:
        """Like :meth:`open`, but a file that cannot be read gives a new untitled draft
        whose :attr:`problems` say why (the unreadable file is never overwritten)."""
        try:
            return cls.open(path, **kwargs)
        except ProblemsError as exc:
            kwargs.pop("defer", None)
            draft = cls.new(None, None, **kwargs)
            draft.problems = exc.problems
            draft.source = Path(path) if path is not None else None
            return draft

    # ------------------------------------------------------------------ state

    # ------------------------------------------------------------------ the document

    @property
    def doc(self) -> CommentedMap:
        """The round-trip document (parsed now if it was deferred: see :meth:`open`)."""
        from ruamel.yaml.comments import CommentedMap

        doc = self._doc
        if doc is None:
            with self._doc_lock:
                if self._doc is None:
                    data = parse_yaml(self._source_text, self.filename if self.source is None else str(self.source))
                    if not isinstance(data, CommentedMap):
                        message = "tệp dữ liệu phải là bảng khóa (mapping)"
                        raise ProblemsError([Problem(str(self.source), 1, "", message)])
                    self._doc, self._fast = data, None
                doc = self._doc
        assert doc is not None
        return doc

    @doc.setter
    def doc(self, value: CommentedMap) -> None:
        with self._doc_lock:
            self._doc, self._fast = value, None

    @property
    def data(self) -> Any:
        """What the file holds, for reading: the round-trip document once it is parsed,
        before that the quickly parsed data of the same text."""
        doc = self._doc
        return doc if doc is not None else self._fast

    @property
    def document_loaded(self) -> bool:
        return self._doc is not None

    def load_document(self) -> None:
        """Parse the round-trip document now (a worker does it after the first screen)."""
        _ = self.doc

    @property
    def bank(self) -> Bank:
        """The phrase bank the draft is validated and composed with."""
        return self._bank

    @property
    def catalogue(self) -> Catalogue:
        return self._bank.catalogue

    @property
    def outline(self) -> Outline:
        return self._bank.outline

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved to :attr:`path`."""
        return self.version != self._saved_version

    @property
    def untitled(self) -> bool:
        return self.path is None

    @property
    def filename(self) -> str:
        return str(self.path) if self.path is not None else UNTITLED_NAME

    @property
    def year(self) -> int:
        value = self.data.get("nam")
        if isinstance(value, int) and not isinstance(value, bool) and 2000 <= value <= 2100:
            return value
        return datetime.date.today().year

    def suggested_path(self) -> Path:
        """Where a first save goes by default: ``bao-cao-<year>.yaml`` in the current folder
        (or another folder the writer can write to)."""
        if self.path is not None:
            return self.path
        name, folder = f"bao-cao-{self.year}.yaml", writable_dir()
        return Path(name) if folder == Path.cwd() else folder / name

    def changed(self) -> None:
        """Record a change (every edit calls it)."""
        self.version += 1
        for listener in list(self.listeners):
            listener(self)

    def report(self) -> Any:
        """The validated report data (:class:`~drafting.report.ReportData`), cached until
        the next change; raises :class:`ProblemsError` while the draft is invalid."""
        from drafting.datafile.validate import validate_report

        if self._report_version != self.version:
            try:
                self._report = validate_report(self.data, self.filename, self.bank)
            except ProblemsError as exc:
                self._report = exc
            self._report_version = self.version
        if isinstance(self._report, ProblemsError):
            raise self._report
        return self._report

    def validation_problems(self) -> tuple[Problem, ...]:
        try:
            self.report()
        except ProblemsError as exc:
            return exc.problems
        return ()

    def text(self) -> str:
        """The YAML text of the draft (comments and key order kept)."""
        if self._doc is None and self.version == 0:
            return self._source_text
        return dump_yaml(self.doc)

    # ------------------------------------------------------------------ saving

    def save(self, path: Path | str | None = None) -> Path:
        """Write the draft atomically to ``path`` (default :attr:`path`) and make it the
        draft's file; the recovery file is removed. Refuses a bundled sample."""
        target = Path(path) if path is not None else self.path
        if target is None:
            raise OutputError("bản nháp chưa có tên tệp: hãy chọn nơi lưu")
        if is_bundled(target):
            raise OutputError(f"{target}: không ghi đè lên tệp mẫu; hãy lưu với tên khác")
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{target}: thư mục “{parent}” không tồn tại")
        if target.is_dir():
            raise OutputError(f"{target}: đây là thư mục; hãy ghi tên tệp")
        old_recovery = recovery_path(self.path)
        atomic_write_text(target, self.text())
        self.path = target
        self.source = target
        self.exists = True
        self._saved_version = self.version
        self._recovered_version = self.version
        for recovery in {old_recovery, recovery_path(target)}:
            recovery.unlink(missing_ok=True)
        return target

    # ------------------------------------------------------------------ recovery

    @property
    def recovery_file(self) -> Path:
        return recovery_path(self.path)

    def write_recovery(self, force: bool = False) -> Path | None:
        """Write unsaved changes to the recovery file; ``None`` when there is nothing new."""
        if not self.dirty or (self._recovered_version == self.version and not force):
            return None
        target = self.recovery_file
        atomic_write_text(target, self.text())
        self._recovered_version = self.version
        return target

    @staticmethod
    def has_recovery(path: Path | str | None) -> bool:
        """Whether unsaved changes of ``path`` (``None``: an untitled draft) were kept and
        differ from the file."""
        p = Path(path) if path is not None else None
        if p is not None and is_bundled(p):
            p = None
        recovery = recovery_path(p)
        if not recovery.is_file():
            return False
        if p is not None and p.is_file():
            try:
                return recovery.read_bytes() != p.read_bytes()
            except OSError:
                return True
        return True

    def restore_recovery(self) -> None:
        """Replace the draft's content by the recovery file (the draft becomes unsaved)."""
        from ruamel.yaml.comments import CommentedMap

        data, _ = read_yaml_file(self.recovery_file)
        if not isinstance(data, CommentedMap):
            raise ProblemsError([Problem(str(self.recovery_file), 1, "", "bản tự lưu không phải bảng khóa (mapping)")])
        self.doc = data
        self.changed()
        self._recovered_version = self.version

    def discard_recovery(self) -> None:
        self.recovery_file.unlink(missing_ok=True)
        self._recovered_version = self.version

    # ------------------------------------------------------------------ nodes

    def _map(self, parent: CommentedMap, key: str, order: Sequence[str], what: str) -> CommentedMap:
        from ruamel.yaml.comments import CommentedMap

        node = parent.get(key)
        if node is None:
            node = CommentedMap()
            _insert_ordered(parent, key, node, order)
        if not isinstance(node, CommentedMap):
            raise ValueError(f"không sửa được: “{what}” trong tệp không phải bảng khóa; hãy sửa tệp bằng tay")
        return node

    def _seq(self, parent: CommentedMap, key: str, order: Sequence[str], what: str) -> CommentedSeq:
        from ruamel.yaml.comments import CommentedSeq

        node = parent.get(key)
        if node is None:
            node = CommentedSeq()
            _insert_ordered(parent, key, node, order)
        if not isinstance(node, CommentedSeq):
            raise ValueError(f"không sửa được: “{what}” trong tệp không phải danh sách; hãy sửa tệp bằng tay")
        return _block_seq(node)

    def _figure(self, figure_id: str) -> Figure:
        figure = self.catalogue.figures.get(figure_id)
        if figure is None:
            raise KeyError(figure_id)
        if not figure.entered:
            raise ValueError("tỷ lệ được tính tự động từ các số liệu, không nhập trực tiếp")
        return figure

    # ------------------------------------------------------------------ figures

    def figure_value(self, figure_id: str, part: Part = "") -> Any:
        """The raw value in the document (``None`` if absent)."""
        figure = self._figure(figure_id)
        groups = self.data.get("so_lieu")
        group = groups.get(figure.group) if isinstance(groups, Mapping) else None
        node = group.get(figure.key) if isinstance(group, Mapping) else None
        if figure.compared:
            if not isinstance(node, Mapping):
                return None
            return node.get(part or "ky_nay")
        return None if isinstance(node, Mapping) else node

    def figure_text(self, figure_id: str, part: Part = "") -> str:
        """The value as the editor shows it: "1.234", a cause, or the raw text."""
        value = self.figure_value(figure_id, part)
        if value is None:
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            return format_int(value)
        return str(value)

    def set_figure(self, figure_id: str, part: Part, value: int | str | None) -> bool:
        """Set a figure: ``part`` is ``ky_nay``/``cung_ky``/``nguyen_nhan`` for a compared
        figure, ``""`` for a plain one. Returns whether the draft changed."""
        from ruamel.yaml.comments import CommentedMap

        figure = self._figure(figure_id)
        if figure.compared and part not in COMPARED_PARTS:
            raise ValueError(f"chỉ số {figure_id} so sánh với cùng kỳ: chọn ky_nay, cung_ky hoặc nguyen_nhan")
        if not figure.compared and part:
            raise ValueError(f"chỉ số {figure_id} không so sánh với cùng kỳ: chỉ có một giá trị")
        if part == "nguyen_nhan":
            if value is not None and not isinstance(value, str):
                raise TypeError("nguyên nhân là văn bản")
            value = _clean_text(value or "")
        elif value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise TypeError("số liệu là số nguyên")
        elif isinstance(value, int):
            limit = MAX_MONEY if figure.kind == "tien" else MAX_COUNT
            if not 0 <= value <= limit:
                raise ValueError("số liệu phải từ 0 đến " + format_int(limit))
        if _same(self.figure_value(figure_id, part), value):
            return False
        group_order = [g.id for g in self.catalogue.groups]
        groups = self._map(self.doc, "so_lieu", TOP_ORDER, "so_lieu")
        group = self._map(groups, figure.group, group_order, f"so_lieu.{figure.group}")
        figure_order = [f.key for f in self.catalogue.group(figure.group).figures]
        if figure.compared:
            node = group.get(figure.key)
            if not isinstance(node, CommentedMap):
                node = CommentedMap()
                _insert_ordered(group, figure.key, node, figure_order)
            if part == "nguyen_nhan" and not value and part not in node:
                return False
            if value is None and part not in node:
                return False
            _insert_ordered(node, part, value, COMPARED_PARTS)
        else:
            _insert_ordered(group, figure.key, value, figure_order)
        self.changed()
        return True

    def set_figure_text(self, figure_id: str, part: Part, text: str) -> bool:
        """Set a figure from typed text ("1.234"; a cause as is). Raises
        :class:`ValueError` (Vietnamese) for invalid numbers, leaving the draft unchanged."""
        figure = self._figure(figure_id)
        if part == "nguyen_nhan":
            return self.set_figure(figure_id, part, text)
        value = parse_count(text, money=figure.kind == "tien")
        return self.set_figure(figure_id, part, value)

    # ------------------------------------------------------------------ unit and year

    def unit_text(self, key: str) -> str:
        unit = self.data.get("don_vi")
        value = unit.get(key) if isinstance(unit, Mapping) else None
        if key == "ngay":
            return format_date_input(value)
        return "" if value is None else str(value)

    def set_unit_text(self, key: str, text: str) -> bool:
        """Set a field of ``don_vi`` (``ngay`` typed as 06/5/2024)."""
        if key not in UNIT_TEXT_FIELDS:
            raise KeyError(key)
        value: Any = _clean_text(text)
        if key == "ngay":
            value = parse_date(text)
        elif key == "so" and value.isdigit() and not value.startswith("0"):
            value = int(value)
        elif value == "":
            value = None
        unit = self._map(self.doc, "don_vi", TOP_ORDER, "don_vi")
        if _same(unit.get(key), value):
            return False
        if value is None and key not in unit:
            return False
        if isinstance(value, str):
            value = _scalar_text(value, unit.get(key))
        _insert_ordered(unit, key, value, UNIT_ORDER)
        self.changed()
        return True

    def recipients(self) -> list[str]:
        unit = self.data.get("don_vi")
        value = unit.get("noi_nhan") if isinstance(unit, Mapping) else None
        if isinstance(value, list):
            return [str(x) for x in value]
        return []

    def set_recipients(self, lines: Sequence[str]) -> bool:
        from ruamel.yaml.comments import CommentedSeq

        cleaned = [_clean_text(x).lstrip("-–• ").strip() for x in lines]
        cleaned = [x for x in cleaned if x]
        if cleaned == self.recipients():
            return False
        unit = self._map(self.doc, "don_vi", TOP_ORDER, "don_vi")
        seq = unit.get("noi_nhan")
        if isinstance(seq, CommentedSeq):
            tail = _take_tail(_item_tail(seq, len(seq) - 1)) if seq else ""
            del seq[:]
            seq.extend(cleaned)
            if seq:
                _put_tail(_item_tail(seq, len(seq) - 1), tail)
        else:
            _insert_ordered(unit, "noi_nhan", CommentedSeq(cleaned), UNIT_ORDER)
        self.changed()
        return True

    def set_year(self, text: str) -> bool:
        """Set the report year from typed text."""
        value = parse_count(text)
        if value is None or not 2000 <= value <= 2100:
            raise ValueError("năm báo cáo phải từ 2000 đến 2100")
        if self.doc.get("nam") == value:
            return False
        _insert_ordered(self.doc, "nam", value, TOP_ORDER)
        self.changed()
        return True

    # ------------------------------------------------------------------ documents (van_ban)

    def documents(self, kind: str | None = None) -> list[DocumentRow]:
        rows = []
        items = self.data.get("van_ban")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            row = DocumentRow(
                i,
                str(item.get("loai") or "ban_hanh"),
                "" if item.get("so") is None else str(item.get("so")),
                format_date_input(item.get("ngay")),
                "" if item.get("trich_yeu") is None else str(item.get("trich_yeu")),
                "" if item.get("don_vi") is None else str(item.get("don_vi")),
            )
            if kind is None or row.kind == kind:
                rows.append(row)
        return rows

    @staticmethod
    def _document_fields(kind: str, number: str, date: str, summary: str, unit: str) -> dict[str, Any]:
        if kind not in ("quan_triet", "ban_hanh"):
            raise ValueError("loại văn bản phải là quan_triet hoặc ban_hanh")
        summary = _clean_text(summary)
        if not summary:
            raise ValueError("thiếu trích yếu văn bản")
        return {
            "loai": kind,
            "so": _clean_text(number) or None,
            "ngay": parse_date(date),
            "trich_yeu": summary,
            "don_vi": _clean_text(unit) or None,
        }

    def add_document(self, kind: str, number: str, date: str, summary: str, unit: str = "") -> int:
        """Add a document row (checked first); returns its index in ``van_ban``."""
        from ruamel.yaml.comments import CommentedMap

        fields = self._document_fields(kind, number, date, summary, unit)
        seq = self._seq(self.doc, "van_ban", TOP_ORDER, "van_ban")
        node = CommentedMap()
        for key in DOCUMENT_ORDER:
            if fields[key] is not None:
                node[key] = fields[key]
        _insert_at(seq, len(seq), node)
        self.changed()
        return len(seq) - 1

    def update_document(self, index: int, kind: str, number: str, date: str, summary: str, unit: str = "") -> bool:
        fields = self._document_fields(kind, number, date, summary, unit)
        node = self._row(self.doc.get("van_ban"), index, "van_ban")
        changed = False
        for key in DOCUMENT_ORDER:
            value = fields[key]
            if value is None:
                if key in node and key != "loai":
                    del node[key]
                    changed = True
                continue
            if not _same(node.get(key), value):
                if isinstance(value, str):
                    value = _scalar_text(value, node.get(key))
                _insert_ordered(node, key, value, DOCUMENT_ORDER)
                changed = True
        if changed:
            self.changed()
        return changed

    def remove_document(self, index: int) -> None:
        items = self.doc.get("van_ban")
        self._row(items, index, "van_ban")
        _delete_at(items, index)
        self.changed()

    @staticmethod
    def _row(items: Any, index: int, what: str) -> CommentedMap:
        from ruamel.yaml.comments import CommentedMap

        if not isinstance(items, list) or not 0 <= index < len(items):
            raise IndexError(f"{what}[{index}]")
        node = items[index]
        if not isinstance(node, CommentedMap):
            raise ValueError(f"không sửa được: {what}[{index}] không phải bảng khóa; hãy sửa tệp bằng tay")
        return node

    # ------------------------------------------------------------------ movements (phong_trao)

    def movements(self, group: str | None = None) -> list[MovementRow]:
        named = {m.id: m for m in self.outline.movements}
        rows = []
        items = self.data.get("phong_trao")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            mid = str(item.get("id") or "")
            if mid:
                entry = named.get(mid)
                name, grp = (entry.name, entry.group) if entry else (mid, "?")
            else:
                name, grp = str(item.get("ten") or ""), str(item.get("nhom") or "a")
            row = MovementRow(
                i,
                mid,
                name,
                grp,
                "" if item.get("ket_qua") is None else str(item.get("ket_qua")),
                "" if item.get("don_vi") is None else str(item.get("don_vi")),
            )
            if group is None or row.group == group:
                rows.append(row)
        return rows

    def set_movement_result(self, movement_id: str, text: str) -> bool:
        """The result of an outline movement (its first row; one is added if none)."""
        from ruamel.yaml.comments import CommentedMap

        if movement_id not in {m.id for m in self.outline.movements}:
            raise KeyError(movement_id)
        result = _clean_text(text)
        for row in self.movements():
            if row.movement_id == movement_id:
                node = self._row(self.doc["phong_trao"], row.index, "phong_trao")
                if row.result == result:
                    return False
                _insert_ordered(node, "ket_qua", _scalar_text(result, node.get("ket_qua")), MOVEMENT_ORDER)
                self.changed()
                return True
        if not result:
            return False
        seq = self._seq(self.doc, "phong_trao", TOP_ORDER, "phong_trao")
        node = CommentedMap()
        node["id"] = movement_id
        node["ket_qua"] = _scalar_text(result)
        # Keep the outline's order among the outline movements.
        order = [m.id for m in self.outline.movements]
        position = len(seq)
        for i, item in enumerate(seq):
            other = item.get("id") if isinstance(item, Mapping) else None
            if (other in order and order.index(other) > order.index(movement_id)) or (
                isinstance(item, Mapping) and not other
            ):
                position = i
                break
        _insert_at(seq, position, node)
        self.changed()
        return True

    def add_movement(self, name: str, group: str, result: str = "", unit: str = "") -> int:
        """Add a movement the writer names (group ``a`` or ``b``); returns its index."""
        from ruamel.yaml.comments import CommentedMap

        name = _clean_text(name).strip('“”"')
        if not name:
            raise ValueError("phong trào tự thêm phải có tên")
        if group not in ("a", "b"):
            raise ValueError("nhóm phong trào phải là a hoặc b")
        seq = self._seq(self.doc, "phong_trao", TOP_ORDER, "phong_trao")
        node = CommentedMap()
        node["ten"] = name
        node["nhom"] = group
        node["ket_qua"] = _scalar_text(_clean_text(result))
        if _clean_text(unit):
            node["don_vi"] = _clean_text(unit)
        _insert_at(seq, len(seq), node)
        self.changed()
        return len(seq) - 1

    def update_movement(self, index: int, name: str, result: str, unit: str = "") -> bool:
        """Edit a movement row (an outline movement keeps its id; only a row the writer
        added has a name)."""
        node = self._row(self.doc.get("phong_trao"), index, "phong_trao")
        values: dict[str, Any] = {"ket_qua": _clean_text(result), "don_vi": _clean_text(unit)}
        if not node.get("id"):
            values["ten"] = _clean_text(name).strip('“”"')
            if not values["ten"]:
                raise ValueError("phong trào tự thêm phải có tên")
        changed = False
        for key, value in values.items():
            if key == "don_vi" and not value:
                if key in node:
                    del node[key]
                    changed = True
                continue
            if str(node.get(key) or "") != value:
                _insert_ordered(node, key, _scalar_text(value, node.get(key)), MOVEMENT_ORDER)
                changed = True
        if changed:
            self.changed()
        return changed

    def remove_movement(self, index: int) -> None:
        items = self.doc.get("phong_trao")
        self._row(items, index, "phong_trao")
        _delete_at(items, index)
        self.changed()

    # ------------------------------------------------------------------ content (noi_dung)

    def content(self, section_id: str) -> list[ContentRow]:
        """The items the writer chose for a leaf section, in order."""
        sections = self.data.get("noi_dung")
        items = sections.get(section_id) if isinstance(sections, Mapping) else None
        rows = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, str):
                rows.append(ContentRow(i, text=item))
            elif isinstance(item, Mapping) and "van_ban" in item:
                rows.append(ContentRow(i, text=str(item.get("van_ban") or "")))
            elif isinstance(item, Mapping) and "cau" in item:
                variant = item.get("cach_viet")
                if isinstance(variant, bool) or not isinstance(variant, int):
                    variant = None
                rows.append(ContentRow(i, phrase_id=str(item.get("cau")), variant=variant))
            else:
                rows.append(ContentRow(i, text=str(item)))
        return rows

    def _section_seq(self, section_id: str) -> CommentedSeq:
        if not self.outline.is_leaf(section_id) or section_id not in self.outline.ids:
            raise ValueError(f"mục {section_id} không phải mục lá của đề cương")
        sections = self._map(self.doc, "noi_dung", TOP_ORDER, "noi_dung")
        leaf_order = [s.id for s in self.outline.sections if self.outline.is_leaf(s.id)]
        return self._seq(sections, section_id, leaf_order, f"noi_dung.{section_id}")

    def materialise(self, section_id: str) -> CommentedSeq:
        """The section's item list; while the writer has chosen nothing, the report shows
        the suggested phrases: they are written into the list first, so that an edit
        keeps them."""
        seq = self._section_seq(section_id)
        if not seq:
            try:
                composer = self.composer()
            except ProblemsError:
                return seq
            from drafting.composition.phrasing import suggestions

            added = [s.phrase.id for s in suggestions(self.bank, section_id, composer.context) if s.applies]
            for phrase_id in added:
                _insert_at(seq, len(seq), _phrase_item(phrase_id, None))
            if added:
                self.changed()
        return seq

    def _phrase_index(self, seq: CommentedSeq, phrase_id: str) -> int | None:
        for i, item in enumerate(seq):
            if isinstance(item, Mapping) and str(item.get("cau")) == phrase_id:
                return i
        return None

    def choose_phrase(
        self, section_id: str, phrase_id: str, variant: int | None = None, position: int | None = None
    ) -> int:
        """Include a phrase in a section (at ``position``, default the end); returns its index."""
        phrase = self.bank.get(phrase_id)
        if phrase is None:
            raise KeyError(phrase_id)
        if variant is not None and not 1 <= variant <= len(phrase.variants):
            raise ValueError(f"câu mẫu “{phrase_id}” chỉ có {len(phrase.variants)} cách viết")
        seq = self.materialise(section_id)
        existing = self._phrase_index(seq, phrase_id)
        if existing is not None:
            if variant is not None:
                self.pin_variant(section_id, phrase_id, variant)
            return existing
        item = _phrase_item(phrase_id, variant)
        index = len(seq) if position is None else min(max(position, 0), len(seq))
        _insert_at(seq, index, item)
        self.changed()
        return index

    def unchoose_phrase(self, section_id: str, phrase_id: str) -> bool:
        """Leave a phrase out of a section."""
        seq = self.materialise(section_id)
        index = self._phrase_index(seq, phrase_id)
        if index is None:
            return False
        _delete_at(seq, index)
        self.changed()
        return True

    def pin_variant(self, section_id: str, phrase_id: str, variant: int | None) -> None:
        """Pin a variant (1-based) of a chosen phrase, or unpin it (``None``)."""
        phrase = self.bank.get(phrase_id)
        if phrase is None:
            raise KeyError(phrase_id)
        if variant is not None and not 1 <= variant <= len(phrase.variants):
            raise ValueError(f"câu mẫu “{phrase_id}” chỉ có {len(phrase.variants)} cách viết")
        seq = self.materialise(section_id)
        index = self._phrase_index(seq, phrase_id)
        if index is None:
            _insert_at(seq, len(seq), _phrase_item(phrase_id, variant))
        else:
            node = seq[index]
            if variant is None:
                node.pop("cach_viet", None)
            else:
                node["cach_viet"] = variant
        self.changed()

    def move_item(self, section_id: str, index: int, delta: int) -> int:
        """Move an item of a section up (``delta`` < 0) or down; returns its new index."""
        seq = self.materialise(section_id)
        if not 0 <= index < len(seq):
            raise IndexError(index)
        target = min(max(index + delta, 0), len(seq) - 1)
        if target != index:
            item = seq[index]
            _delete_at(seq, index)
            _insert_at(seq, target, item)
            self.changed()
        return target

    def add_paragraph(self, section_id: str, text: str = "", position: int | None = None) -> int:
        """Add a paragraph the writer types (kept verbatim); returns its index."""
        from ruamel.yaml.comments import CommentedMap

        seq = self.materialise(section_id)
        node = CommentedMap()
        node["van_ban"] = _scalar_text(_clean_text(text))
        index = len(seq) if position is None else min(max(position, 0), len(seq))
        _insert_at(seq, index, node)
        self.changed()
        return index

    def set_paragraph(self, section_id: str, index: int, text: str) -> bool:
        from ruamel.yaml.comments import CommentedMap

        seq = self._section_seq(section_id)
        if not 0 <= index < len(seq):
            raise IndexError(index)
        text = _clean_text(text)
        item = seq[index]
        if isinstance(item, str):
            if item == text:
                return False
            seq[index] = _scalar_text(text, item)
        elif isinstance(item, CommentedMap) and "van_ban" in item:
            if str(item.get("van_ban") or "") == text:
                return False
            item["van_ban"] = _scalar_text(text, item.get("van_ban"))
        else:
            raise ValueError("mục này không phải đoạn văn tự viết")
        self.changed()
        return True

    def remove_item(self, section_id: str, index: int) -> None:
        seq = self._section_seq(section_id)
        if not 0 <= index < len(seq):
            raise IndexError(index)
        _delete_at(seq, index)
        self.changed()

    # ------------------------------------------------------------------ composition

    def composer(self) -> Any:
        """A :class:`~drafting.composition.composer.Composer` of the current report (see :meth:`report`)."""
        from drafting.composition.composer import Composer

        report = self.report()
        cached = getattr(self, "_composer", None)
        if cached is not None and cached.report is report and cached.bank is self.bank:
            return cached
        composer = Composer.create(report, self.bank)
        self._composer = composer
        return composer


def _same(old: Any, new: Any) -> bool:
    """Whether a new value equals what the document holds (so that nothing changes)."""
    if old is None or new is None:
        return old is None and new is None
    if isinstance(old, str) or isinstance(new, str):
        return isinstance(old, str) and isinstance(new, str) and str(old) == str(new)
    return bool(old == new) and type(old) is type(new)


def _phrase_item(phrase_id: str, variant: int | None) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    node["cau"] = phrase_id
    if variant is not None:
        node["cach_viet"] = variant
    node.fa.set_flow_style()
    return node


# --------------------------------------------------------------------------- views for the UI


def phrase_rows(composer: Any, section_id: str) -> list[PhraseRow]:
    """Every phrase the editor lists for a section: the chosen items first in the
    writer's order, then the other phrases of the section in bank order."""
    from drafting.composition.phrasing import RenderedPhrase, render_items, selected_items, suggestions

    report = composer.report
    bank: Bank = composer.bank
    items = report.content.get(section_id, ())
    chosen = bool(items)
    effective = selected_items(bank, section_id, items, composer.context)
    rendered, _ = render_items(bank, effective, composer.context, report.options.seed, report.source)
    shown = {r.phrase.id: r for r in rendered if isinstance(r, RenderedPhrase)}
    by_id = {s.phrase.id: s for s in suggestions(bank, section_id, composer.context)}
    rows: list[PhraseRow] = []
    seen: set[str] = set()
    for position, item in enumerate(effective):
        pid = getattr(item, "id", None)
        if pid is None or pid in seen:
            continue
        seen.add(pid)
        phrase = bank.get(pid)
        suggestion = by_id.get(pid)
        r = shown.get(pid)
        rows.append(
            PhraseRow(
                pid,
                phrase.description if phrase else "(không có trong kho câu mẫu)",
                phrase.function if phrase else "",
                True,
                suggestion.applies if suggestion else False,
                suggestion.reason if suggestion else ("câu của mục khác" if phrase else "không có câu mẫu này"),
                len(phrase.variants) if phrase else 0,
                r.variant + 1 if r else None,
                getattr(item, "variant", None),
                r.text if r else "",
                position if chosen else None,
                chosen,
            )
        )
    for pid, suggestion in by_id.items():
        if pid in seen:
            continue
        phrase = suggestion.phrase
        rows.append(
            PhraseRow(
                pid,
                phrase.description,
                phrase.function,
                False,
                suggestion.applies,
                suggestion.reason,
                len(phrase.variants),
                None,
                None,
                "",
                None,
                chosen,
            )
        )
    return rows


def _from_status(status: Any) -> SectionMark:
    """A mark from a :class:`drafting.checks.completeness.SectionStatus`."""
    missing = tuple(item.message for item in (*status.missing, *status.pending))
    if status.state == "du":
        return SectionMark("du", status.done, status.total, missing)
    if status.state == "chua_chon":
        return SectionMark("mot_phan", status.done, status.total, missing, "chưa chọn câu mẫu")
    return SectionMark("trong" if status.done == 0 else "mot_phan", status.done, status.total, missing)


UNIT_MARK = "don_vi"
"""The key of the unit information's mark (not an outline section)."""


def section_marks(report: Any, bank: Bank, composer: Any = None) -> dict[str, SectionMark]:
    """A completion mark for every section (and ``don_vi``), from the completeness
    checklist of :mod:`drafting.checks.completeness`."""
    from drafting.checks.completeness import checklist

    if composer is not None:
        statuses = checklist(report, composer.bank, composer.views, composer.context)
    else:
        statuses = checklist(report, bank)
    return {str(sid): _from_status(status) for sid, status in statuses.items()}


__all__ = [
    "ContentRow",
    "DocumentRow",
    "Draft",
    "MovementRow",
    "PhraseRow",
    "SectionMark",
    "format_date_input",
    "format_int",
    "is_bundled",
    "parse_count",
    "parse_date",
    "phrase_rows",
    "recovery_path",
    "section_marks",
    "UNIT_MARK",
]
