"""drafting — trợ lý soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.

The library: a report data file validated against the figure catalogue, Vietnamese
formatting, the phrase bank, composition of the whole report, checks, consolidation
and exporters. It never imports Textual.

The public API is what ``__all__`` lists (typed; the package ships ``py.typed``):

- reading a report: :func:`load_report` (a path), :func:`parse_report` (YAML text),
  :func:`validate_mapping` (a mapping already in memory); each raises
  :class:`ProblemsError` carrying every problem of the input at once;
- the phrase bank: :class:`Bank` (layers: :class:`Layer`), :func:`load_bank`
  (the shipped bank with overlay folders), :func:`default_bank`;
- composing: :func:`compose` → :class:`Document`; :func:`section_suggestions` (the
  phrases offered for a section, as :class:`Suggestion`);
- checking: :func:`check_report`, :func:`check_file` → :class:`CheckResult` of
  :class:`Finding`;
- exporting: :func:`to_markdown`, :func:`to_text` (``str``), :func:`docx_bytes`,
  :func:`document_bytes` (``bytes`` in any format), :func:`write_document` (a path),
  :func:`document_to_json` (a ``dict`` of the versioned shape
  :data:`DOCUMENT_JSON_VERSION`);
- the model's names for the data file's keys: :func:`attribute_rows`.

The names are imported on first use, so that a command needing only part of the
library (``drafting check``) does not pay for the rest.

>>> from drafting import load_report, compose
>>> compose.__module__
'drafting.composition.composer'
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from drafting.bank.bank import Bank, Layer, default_bank, load_bank
    from drafting.bank.catalogue import Catalogue
    from drafting.bank.outline import Outline
    from drafting.bank.phrases import Phrase
    from drafting.checks.checker import CheckResult, check_file, check_report
    from drafting.checks.findings import Finding
    from drafting.composition.composer import compose
    from drafting.composition.explain import Suggestion
    from drafting.composition.suggest import section_suggestions
    from drafting.datafile.validate import load_report, parse_report, validate_mapping
    from drafting.document import Document, Gap, Paragraph, Section, Table
    from drafting.errors import DraftingError, OutputError, Problem, ProblemsError
    from drafting.export.docx import docx_bytes
    from drafting.export.json_document import DOCUMENT_JSON_VERSION, document_to_json
    from drafting.export.render import FORMATS, document_bytes, write_document
    from drafting.export.text import to_markdown, to_text
    from drafting.report import FigureValue, FreeText, IssuedDocument, Movement, Options, PhraseChoice, ReportData, Unit
    from drafting.report_keys import attribute_rows

_EXPORTS = {
    "drafting.bank.bank": ("Bank", "Layer", "default_bank", "load_bank"),
    "drafting.bank.catalogue": ("Catalogue",),
    "drafting.bank.outline": ("Outline",),
    "drafting.bank.phrases": ("Phrase",),
    "drafting.checks.checker": ("CheckResult", "check_file", "check_report"),
    "drafting.checks.findings": ("Finding",),
    "drafting.composition.composer": ("compose",),
    "drafting.composition.explain": ("Suggestion",),
    "drafting.composition.suggest": ("section_suggestions",),
    "drafting.datafile.validate": ("load_report", "parse_report", "validate_mapping"),
    "drafting.document": ("Document", "Gap", "Paragraph", "Section", "Table"),
    "drafting.errors": ("DraftingError", "OutputError", "Problem", "ProblemsError"),
    "drafting.export.docx": ("docx_bytes",),
    "drafting.export.json_document": ("DOCUMENT_JSON_VERSION", "document_to_json"),
    "drafting.export.render": ("FORMATS", "document_bytes", "write_document"),
    "drafting.export.text": ("to_markdown", "to_text"),
    "drafting.report": (
        "FigureValue",
        "FreeText",
        "IssuedDocument",
        "Movement",
        "Options",
        "PhraseChoice",
        "ReportData",
        "Unit",
    ),
    "drafting.report_keys": ("attribute_rows",),
}
_HOME = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = [
    "DOCUMENT_JSON_VERSION",
    "FORMATS",
    "Bank",
    "Catalogue",
    "CheckResult",
    "Document",
    "DraftingError",
    "FigureValue",
    "Finding",
    "FreeText",
    "Gap",
    "IssuedDocument",
    "Layer",
    "Movement",
    "Options",
    "Outline",
    "OutputError",
    "Paragraph",
    "Phrase",
    "PhraseChoice",
    "Problem",
    "ProblemsError",
    "ReportData",
    "Section",
    "Suggestion",
    "Table",
    "Unit",
    "attribute_rows",
    "check_file",
    "check_report",
    "compose",
    "default_bank",
    "document_bytes",
    "document_to_json",
    "docx_bytes",
    "load_bank",
    "load_report",
    "parse_report",
    "section_suggestions",
    "to_markdown",
    "to_text",
    "validate_mapping",
    "write_document",
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
