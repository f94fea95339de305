"""drafting — trợ lý soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.

The library: a report data file validated against the figure catalogue, Vietnamese
formatting, the phrase bank, composition of the whole report, checks, consolidation
and exporters. It never imports Textual.

The names below are imported on first use, so that a command needing only part of
the library (``drafting check``) does not pay for the rest.

>>> from drafting import load_report, compose
>>> import drafting.compose
>>> compose.__module__, drafting.compose is compose
('drafting.compose', True)
"""

from __future__ import annotations

import sys
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .bank import Bank, Phrase, default_bank, load_bank
    from .catalogue import Catalogue, default_catalogue, load_catalogue
    from .compose import compose
    from .datafile import load_report, parse_report
    from .document import Document, Paragraph, Section, Table
    from .errors import DraftingError, OutputError, Problem, ProblemsError
    from .outline import Outline, default_outline, load_outline
    from .report import ReportData

_EXPORTS = {
    "bank": ("Bank", "Phrase", "default_bank", "load_bank"),
    "catalogue": ("Catalogue", "default_catalogue", "load_catalogue"),
    "compose": ("compose",),
    "datafile": ("load_report", "parse_report"),
    "document": ("Document", "Paragraph", "Section", "Table"),
    "errors": ("DraftingError", "OutputError", "Problem", "ProblemsError"),
    "outline": ("Outline", "default_outline", "load_outline"),
    "report": ("ReportData",),
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
    "default_catalogue",
    "default_outline",
    "load_bank",
    "load_catalogue",
    "load_outline",
    "load_report",
    "parse_report",
]


def __getattr__(name: str) -> Any:
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'drafting' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*__all__, "__version__"})


class _Package(ModuleType):
    """The package, keeping its exported names when their submodules are imported.

    Importing ``drafting.compose`` binds the submodule as the package's ``compose``;
    the package exports the function of that name, which must win (as it did when
    this file imported everything).
    """

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOME and isinstance(value, ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
