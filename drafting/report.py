"""The validated report data: what a data file holds, as typed Python objects."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

Value = str | int | float | bool | date | tuple[str, ...] | None
"""A validated value of a field the schema (:mod:`drafting.schema`) describes."""


def _value_of(holder: Unit | Options, attributes: dict[str, str], key: str) -> Value:
    """The value of a data file key: the attribute that holds it, or an extra field."""
    attribute = attributes.get(key)
    if attribute is not None:
        return getattr(holder, attribute)  # type: ignore[no-any-return]
    return next((value for k, value in holder.extra if k == key), None)


@dataclass(frozen=True)
class FigureValue:
    """The value of one entered figure.

    ``previous`` and ``cause`` are only used for figures compared with the same period.
    ``line`` is the line of the figure in the data file (for messages).
    """

    current: int | None = None
    previous: int | None = None
    cause: str = ""
    line: int | None = None
    unit_values: tuple[tuple[str, int | None, int | None], ...] = ()


@dataclass(frozen=True)
class Unit:
    """The issuing unit and the signature (``don_vi`` in the data file)."""

    parent_body: str = ""
    issuing_body: str = ""
    name: str = ""
    short_name: str = ""
    place: str = ""
    number: str = ""
    symbol: str = "BC-TA"
    date: date | None = None
    signer_authority: str = ""
    signer_title: str = ""
    signer_name: str = ""
    recipients: tuple[str, ...] = ()
    extra: tuple[tuple[str, Value], ...] = ()
    """Fields of ``don_vi`` the schema adds beyond the attributes above: (key, value)."""

    def get(self, key: str) -> Value:
        """The value of a ``don_vi`` key (see :data:`UNIT_ATTRIBUTES` for the attribute names).

        >>> Unit(name="Tòa án nhân dân tỉnh Hoa Sen").get("ten")
        'Tòa án nhân dân tỉnh Hoa Sen'
        >>> Unit(extra=(("cap", "tinh"),)).get("cap"), Unit().get("khong_co")
        ('tinh', None)
        """
        return _value_of(self, UNIT_ATTRIBUTES, key)


UNIT_ATTRIBUTES = {
    "co_quan_chu_quan": "parent_body",
    "co_quan_ban_hanh": "issuing_body",
    "ten": "name",
    "ten_ngan": "short_name",
    "dia_danh": "place",
    "so": "number",
    "ky_hieu": "symbol",
    "ngay": "date",
    "tham_quyen_ky": "signer_authority",
    "chuc_vu_nguoi_ky": "signer_title",
    "nguoi_ky": "signer_name",
    "noi_nhan": "recipients",
}
"""The data file's ``don_vi`` keys and the :class:`Unit` attributes that hold them."""


@dataclass(frozen=True)
class IssuedDocument:
    """A document disseminated or issued (``van_ban``)."""

    kind: str
    number: str
    date: date | None
    summary: str
    unit: str = ""


@dataclass(frozen=True)
class Movement:
    """A movement's result (``phong_trao``): an outline movement by ``id`` or one the writer adds."""

    id: str
    group: str
    name: str
    result: str
    unit: str = ""


@dataclass(frozen=True)
class PhraseChoice:
    """A phrase the writer chose for a section; ``variant`` pins a variant (1-based)."""

    id: str
    variant: int | None = None
    line: int | None = None


@dataclass(frozen=True)
class FreeText:
    """A paragraph the writer typed: kept verbatim, never rendered as a template."""

    text: str


ContentItem = PhraseChoice | FreeText


@dataclass(frozen=True)
class Confirmation:
    """The writer's word on a claim (``xac_nhan`` in the data file, keyed by claim id).

    A claim no figure can show is said once confirmed; ``denied`` says it is not true of
    the unit. A chosen phrase whose claim the figures contradict is kept with a warning
    instead of an error once confirmed: ``snapshot`` holds the figures (entered values,
    this period and the same period) the writer saw, so that the confirmation lapses
    when they change.
    """

    claim: str
    denied: bool = False
    reason: str = ""
    snapshot: tuple[tuple[str, int | None, int | None], ...] = ()
    line: int | None = None


@dataclass(frozen=True)
class ListItem:
    """An item of a list the schema adds (beyond ``van_ban`` and ``phong_trao``)."""

    values: tuple[tuple[str, Value], ...]
    line: int | None = None

    def get(self, key: str) -> Value:
        return next((value for k, value in self.values if k == key), None)


@dataclass(frozen=True)
class Options:
    """Layout and composition options (``tuy_chon``)."""

    body_size: int = 14
    line_spacing: float = 1.15
    leading_zero: bool = True
    short_money: bool = False
    seed: int = 0
    extra: tuple[tuple[str, Value], ...] = ()
    """Options the schema adds beyond the attributes above: (key, value)."""

    def get(self, key: str) -> Value:
        """The value of a ``tuy_chon`` key (see :data:`OPTION_ATTRIBUTES`)."""
        return _value_of(self, OPTION_ATTRIBUTES, key)


OPTION_ATTRIBUTES = {
    "co_chu": "body_size",
    "gian_dong": "line_spacing",
    "so_0_dau": "leading_zero",
    "tien_gon": "short_money",
    "hat_giong": "seed",
}
"""The data file's ``tuy_chon`` keys and the :class:`Options` attributes that hold them."""


@dataclass(frozen=True)
class Locations:
    """Where things are in the data file a report was validated from: an immutable map
    built once during validation (nothing reads the YAML document afterwards).

    ``lines``: key path → line (empty for data without lines, such as a plain ``dict``);
    ``texts``: the writer's prose as typed, before normalisation (key path, text), in the
    order of the file's sections; ``views``: list item → the part of the outline it belongs
    to (``phong_trao[3]`` → ``phong_trao_a``).

    >>> places = Locations({"so_lieu": 40, "so_lieu.an_hinh_su": 41, "so_lieu.an_hinh_su.thu_ly": 42})
    >>> places.line("so_lieu", "an_hinh_su", "thu_ly", "ky_nay"), places.line("van_ban", 0)
    (42, None)
    """

    lines: Mapping[str, int] = field(default_factory=dict)
    texts: tuple[tuple[str, str], ...] = ()
    views: Mapping[str, str] = field(default_factory=dict)

    def line(self, *parts: str | int) -> int | None:
        """The line of the deepest key of ``parts`` the file has: a missing ``ky_nay`` is
        placed at its figure, a missing figure at its group."""
        paths = []
        path = ""
        for part in parts:
            path = f"{path}[{part}]" if isinstance(part, int) else (f"{path}.{part}" if path else part)
            paths.append(path)
        return next((self.lines[p] for p in reversed(paths) if p in self.lines), None)

    def item_at(self, prefix: str, line: int) -> str:
        """The list item under ``prefix`` at ``line`` (``noi_dung.III.1[0]``), or "".

        >>> Locations({"noi_dung.I": 9, "noi_dung.I[0]": 9, "noi_dung.I[0].cau": 9}).item_at("noi_dung.", 9)
        'noi_dung.I[0]'
        """
        found = [p for p, n in self.lines.items() if n == line and p.startswith(prefix) and p.endswith("]")]
        return min(found, key=len) if found else ""


@dataclass(frozen=True)
class ReportData:
    """A validated data file.

    A consolidated file (``drafting consolidate``) names its units in ``units``
    (``tong_hop``) and keeps each unit's values of this period in ``unit_figures``
    (``so_lieu_don_vi``: unit name → figure id → value), which the annex tabulates.
    ``lists`` holds the lists the schema adds beyond documents and movements, by key;
    ``locations`` where everything was in the data file (for messages); ``migrations``
    the notes of the format migrations applied when an older file was read
    (:mod:`drafting.datafile.migrate`).
    """

    year: int
    unit: Unit
    figures: dict[str, FigureValue]
    documents: tuple[IssuedDocument, ...] = ()
    movements: tuple[Movement, ...] = ()
    content: dict[str, tuple[ContentItem, ...]] = field(default_factory=dict)
    options: Options = field(default_factory=Options)
    target_overrides: dict[str, float] = field(default_factory=dict)
    units: tuple[str, ...] = ()
    unit_figures: dict[str, dict[str, int | None]] = field(default_factory=dict)
    confirmations: dict[str, Confirmation] = field(default_factory=dict)
    lists: dict[str, tuple[ListItem, ...]] = field(default_factory=dict)
    source: str = ""
    locations: Locations = field(default_factory=Locations)
    migrations: tuple[str, ...] = ()

    def figure(self, figure_id: str) -> FigureValue:
        """The value of a figure (an empty value when the writer left it out)."""
        return self.figures.get(figure_id, FigureValue())
