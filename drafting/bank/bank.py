"""The phrase bank as one object, passed down like Jinja's ``Environment``.

A :class:`Bank` is everything composition and the checks read from ``phrasebank/``:
the data file's shape (:mod:`drafting.schema`), the figure catalogue and targets, the
outline, the consistency rules, the terms of art and the phrases. It is built from
ordered *layers*: the shipped bank first (or a folder holding a whole bank of its
own), then overlay folders whose phrase files add phrases or replace shipped ones by
id. Each part is loaded when first used, so that validating a data file does not pay
for compiling every phrase.

>>> bank = default_bank()
>>> bank.catalogue.figures["an_hinh_su.thu_ly"].label
'thụ lý'
>>> len(bank.layers), bank.layers[0].shipped
(1, True)
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from drafting.bank.bank_lint import coverage_without_knock_on, figure_group_problems
from drafting.bank.cache import cached
from drafting.bank.catalogue import Catalogue, catalogue_style, load_catalogue
from drafting.bank.claim_reader import load_claims
from drafting.bank.claims import CLAIMS_FILE, ClaimSet
from drafting.bank.levels import LEVEL_KEY, LEVELS_FILE, Levels, load_levels
from drafting.bank.outline import Outline, load_outline
from drafting.bank.phrases import Phrase, PhraseSet, load_phrases
from drafting.bank.rules import RuleSet, load_rules
from drafting.bank.schema_file import load_schema
from drafting.bank.targets import TARGETS_FILE
from drafting.bank.terms import Terms, load_terms
from drafting.errors import Problem, ProblemsError
from drafting.resources import PHRASEBANK_DIR
from drafting.schema import Schema

BANK_FILES = (
    "chi_so.yaml",
    "chi_tieu.yaml",
    "dan_y.yaml",
    "quy_tac.yaml",
    "thuat_ngu.yaml",
    "tep_du_lieu.yaml",
    CLAIMS_FILE,
    LEVELS_FILE,
)
"""The files of a whole bank, besides its phrase files."""


SHIPPED_NAME = "kèm theo"
"""What messages and data files call the shipped layer."""


@dataclass(frozen=True)
class Layer:
    """One folder of the bank, with a short digest of its files' content (12 hexadecimal
    digits: the same files give the same digest, any edit another)."""

    folder: Path
    digest: str
    shipped: bool = False

    @property
    def name(self) -> str:
        """``kèm theo`` for the shipped layer, else the folder's absolute path."""
        return SHIPPED_NAME if self.shipped else str(self.folder.absolute())

    def holds(self, file: str) -> bool:
        """Whether ``file`` (a phrase's) is one of this layer's."""
        try:
            return Path(file).resolve().is_relative_to(self.folder.resolve())
        except OSError:
            return False

    def __str__(self) -> str:
        return f"{'kho câu mẫu kèm theo' if self.shipped else self.folder} ({self.digest})"


def phrase_files(folder: Path) -> list[Path]:
    """The phrase files of a layer: ``cau/*.yaml`` when there is such a folder, else ``*.yaml``."""
    if (folder / "cau").is_dir():
        folder = folder / "cau"
    return sorted(p for p in folder.glob("*.y*ml") if p.name not in BANK_FILES)


def _digest(paths: Sequence[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode("utf-8", "surrogatepass") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"<missing>")
    return digest.hexdigest()[:12]


class Bank:
    """The phrase bank: the base (shipped) layer, then overlays in order."""

    def __init__(self, *overlays: Path | str, base: Path | str | None = None, style: bool = False) -> None:
        self.base = Path(base) if base is not None else PHRASEBANK_DIR
        self.overlays = tuple(Path(o) for o in overlays)
        self.style = style
        shipped = self.base.resolve() == PHRASEBANK_DIR.resolve()
        base_files = [self.base / name for name in BANK_FILES] + phrase_files(self.base)
        self.layers = (
            Layer(self.base, _digest(base_files), shipped),
            *(Layer(o, _digest([*phrase_files(o), o / TARGETS_FILE])) for o in self.overlays),
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Another process (batch rendering) rebuilds the bank from its layers and loads
        # the parts it needs (from the disk cache) rather than receiving them pickled.
        return (_rebuild, (self.overlays, self.base, self.style, tuple(layer.digest for layer in self.layers)))

    def __repr__(self) -> str:
        return f"Bank({', '.join(map(str, self.layers))})"

    @property
    def target_overlays(self) -> tuple[Path, ...]:
        """The overlays' targets files (``chi_tieu.yaml`` with values by year)."""
        return tuple(o / TARGETS_FILE for o in self.overlays if (o / TARGETS_FILE).is_file())

    @cached_property
    def catalogue(self) -> Catalogue:
        """Every figure group, figure and target (``chi_so.yaml``, ``chi_tieu.yaml`` and the
        overlays' ``chi_tieu.yaml``)."""
        sources = [self.base / "chi_so.yaml", self.base / TARGETS_FILE, *self.target_overlays]
        return cached("catalogue", sources, self._load_catalogue)

    @cached_property
    def schema(self) -> Schema:
        """The data file's shape and its wording (``tep_du_lieu.yaml``)."""
        return cached("tep_du_lieu", [self.base / "tep_du_lieu.yaml"], lambda: load_schema(self.base))

    @cached_property
    def levels(self) -> Levels:
        """The levels of reporting units by report year (``cap_don_vi.yaml``)."""
        files = (LEVELS_FILE, "chi_so.yaml", TARGETS_FILE, "tep_du_lieu.yaml")
        sources = [*(self.base / n for n in files), *self.target_overlays]
        return cached("cap_don_vi", sources, self._load_levels)

    @cached_property
    def outline(self) -> Outline:
        """The report's outline (``dan_y.yaml``), whose lists are the schema's."""
        sources = [self.base / "dan_y.yaml", self.base / "tep_du_lieu.yaml"]
        return cached("outline", sources, lambda: load_outline(self.base, self.schema.view_names))

    @cached_property
    def rules(self) -> RuleSet:
        """The consistency rules (``quy_tac.yaml``), against the catalogue."""
        sources = [*(self.base / n for n in ("quy_tac.yaml", "chi_so.yaml", TARGETS_FILE)), *self.target_overlays]
        return cached("quy_tac", sources, lambda: load_rules(self.base, self.catalogue))

    @cached_property
    def terms(self) -> Terms:
        """The terms of art that are never varied (``thuat_ngu.yaml``)."""
        return cached("thuat_ngu", [self.base / "thuat_ngu.yaml"], lambda: load_terms(self.base / "thuat_ngu.yaml"))

    @cached_property
    def claims(self) -> ClaimSet:
        """The claim vocabulary (``nhan_dinh.yaml``): what a report may assert, and when."""
        sources = [self.base / n for n in (CLAIMS_FILE, "chi_so.yaml", "chi_tieu.yaml", "dan_y.yaml")]
        return cached("nhan_dinh", sources, self._load_claims)

    @cached_property
    def phrase_set(self) -> PhraseSet:
        """The usable phrases of every layer, and the problems met loading them."""
        folders = [self.base, *self.overlays]
        sources = [self.base / n for n in BANK_FILES] + [p for f in folders for p in phrase_files(f)]
        sources += self.target_overlays
        name = "cau-kiem-tra" if self.style else "cau"
        return cached(name, sources, self._load_phrases)

    @property
    def phrases(self) -> dict[str, Phrase]:
        return self.phrase_set.phrases

    @property
    def problems(self) -> list[Problem]:
        """The problems of the claim vocabulary and of the phrases (in ``bank check``, with
        the checks of the vocabulary as a whole)."""
        return self.phrase_set.problems

    def load_problems(self) -> list[Problem]:
        """The problems that left phrases out of the bank: a phrase file that does not load
        (its section then has none of them), a phrase with an error (style findings of
        ``bank check`` excepted)."""
        return [p for p in self.problems if p.severity == "error"]

    def require_loaded(self) -> None:
        """Raise :class:`~drafting.errors.ProblemsError` with :meth:`load_problems`, if any:
        a report composed without those phrases would silently lack what they say, and
        the writer's data file would be blamed for choosing them."""
        problems = self.load_problems()
        if problems:
            raise ProblemsError(problems)

    def for_section(self, section_id: str) -> tuple[Phrase, ...]:
        return self.phrase_set.for_section(section_id)

    def get(self, phrase_id: str) -> Phrase | None:
        return self.phrase_set.get(phrase_id)

    def layer_of(self, phrase: Phrase) -> Layer:
        """The layer a phrase comes from (the last whose folder holds its file)."""
        return next((layer for layer in reversed(self.layers) if layer.holds(phrase.file)), self.layers[0])

    def replaced(self, phrase_id: str) -> str:
        """The file of the phrase an overlay's phrase ``phrase_id`` replaced ("" when it adds one)."""
        return self.phrase_set.replaced.get(phrase_id, "")

    def _load_catalogue(self) -> Catalogue:
        return load_catalogue(self.base, self.target_overlays)

    def _load_levels(self) -> Levels:
        field = next((f for f in self.schema.unit if f.key == LEVEL_KEY), None)
        return load_levels(self.base, self.catalogue.group_ids, field.choices if field is not None else None)

    def _load_claims(self) -> ClaimSet:
        return load_claims(self.base, self.catalogue, self.outline.ids)

    def _load_phrases(self) -> PhraseSet:
        folders = [self.base, *self.overlays]
        claims = self.claims
        phrases = load_phrases(folders, self.catalogue, self.outline, self.terms, claims, self.style, BANK_FILES)
        phrases.problems[:0] = claims.problems
        phrases.problems.extend(figure_group_problems(self.base, self.catalogue, self.outline, self.style))
        if self.style:
            from drafting.bank.claim_lint import lint_claims

            where = str(self.overlays[-1] if self.overlays else self.base)
            phrases.problems.extend(lint_claims(claims, self.catalogue))
            phrases.problems.extend(catalogue_style(self.catalogue, str(self.base / "chi_so.yaml")))
            phrases.problems.extend(coverage_without_knock_on(phrases, claims, self.outline, where))
        return phrases


_REBUILT: dict[tuple[object, ...], Bank] = {}
"""Banks unpickled in this process, by their layers and the layers' content digests: the
jobs of a batch share their worker's bank instead of loading it again for each file."""


def _rebuild(overlays: tuple[Path, ...], base: Path, style: bool, digests: tuple[str, ...] = ()) -> Bank:
    key = (overlays, base, style, digests)
    bank = _REBUILT.get(key)
    if bank is None or tuple(layer.digest for layer in bank.layers) != digests:
        bank = _REBUILT[key] = Bank(*overlays, base=base, style=style)
    return bank


def load_bank(*overlays: Path | str, style: bool = False) -> Bank:
    """The shipped bank with ``overlays`` on top; a folder holding its own ``chi_so.yaml``
    is a whole bank and replaces the shipped base."""
    layers = [Path(o) for o in overlays]
    base = None
    if layers and (layers[0] / "chi_so.yaml").is_file():
        base = layers.pop(0)
    return Bank(*layers, base=base, style=style)


def lint_bank(*overlays: Path | str) -> Bank:
    """``bank check``: the bank with loading problems, style findings and outline coverage."""
    return load_bank(*overlays, style=True)


@lru_cache(maxsize=1)
def default_bank() -> Bank:
    """The bank shipped with the library (one per process)."""
    return Bank()
