"""drafting — trợ lý soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.

The library: a report data file validated against the figure catalogue, Vietnamese
formatting, the phrase bank, composition of the whole report, checks, consolidation
and exporters. It never imports Textual.

>>> from drafting import load_report, compose
"""

from __future__ import annotations

__version__ = "0.1.0"

from .bank import Bank, Phrase, default_bank, load_bank
from .catalogue import Catalogue, default_catalogue, load_catalogue
from .compose import compose
from .datafile import load_report, parse_report
from .document import Document, Paragraph, Section, Table
from .errors import DraftingError, OutputError, Problem, ProblemsError
from .outline import Outline, default_outline, load_outline
from .report import ReportData

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
