"""drafting — trợ lý soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.

The library: a report data file validated against the figure catalogue, Vietnamese
formatting, the phrase bank, composition of the whole report, checks, consolidation
and exporters. It never imports Textual.

The names below are imported on first use, so that a command needing only part of
the library (``drafting check``) does not pay for the rest.

>>> from drafting import load_report, compose
>>> compose.__module__
'drafting.composition.composer'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from drafting.bank.bank import Bank, default_bank, load_bank
    from drafting.bank.catalogue import Catalogue
    from drafting.bank.outline import Outline
    from drafting.bank.phrases import Phrase
    from drafting.composition.composer import compose
    from drafting.datafile.validate import load_report, parse_report, validate_mapping
    from drafting.document import Document, Paragraph, Section, Table
    from drafting.errors import DraftingError, OutputError, Problem, ProblemsError
    from drafting.report import ReportData

_EXPORTS = {
    "drafting.bank.bank": ("Bank", "default_bank", "load_bank"),
    "drafting.bank.catalogue": ("Catalogue",),
    "drafting.bank.outline": ("Outline",),
    "drafting.bank.phrases": ("Phrase",),
    "drafting.composition.composer": ("compose",),
    "drafting.datafile.validate": ("load_report", "parse_report", "validate_mapping"),
    "drafting.document": ("Document", "Paragraph", "Section", "Table"),
    "drafting.errors": ("DraftingError", "OutputError", "Problem", "ProblemsError"),
    "drafting.report": ("ReportData",),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "Bank",
    "Catalogue",
    "Document",
    "DraftingError",
    "Outline",
    "OutputError",
    "Paragraph",
    "Phrase",
    "Problem",
    "ProblemsError",
    "ReportData",
    "Section",
    "Table",
    "compose",
    "default_bank",
    "load_bank",
    "load_report",
    "parse_report",
    "validate_mapping",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'drafting' has no attribute {name!r}")
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})
