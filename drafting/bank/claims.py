"""The claim vocabulary (``phrasebank/nhan_dinh.yaml``): what a report may assert.

A claim is a statement with a basis. ``so_lieu`` claims hold when their structured
condition on the figures is true; ``xac_nhan`` claims cannot be shown by any figure
and are said only when the writer confirms them; ``de_xuat`` claims look forward
(tasks, measures, remedies, proposals); ``quy_uoc`` claims are true by convention.
Each claim names the facts it states (``su_kien``), its opposites (``trai_nguoc``,
never both in one report), the claims it makes redundant (``bao_ham``) and those it
presupposes (``tien_de``: a remedy needs its limitation). Phrases
(``phrasebank/cau/*.yaml``) only word claims.

This module holds the vocabulary and the model; :func:`drafting.bank.claim_reader.load_claims`
reads the file, and the checks that need the whole vocabulary are in
:mod:`drafting.bank.claim_lint`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from drafting.bank.conditions import Condition
from drafting.errors import Problem

CLAIMS_FILE = "nhan_dinh.yaml"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*\.[a-z0-9_]+$")
BASES: tuple[str, ...] = ("so_lieu", "xac_nhan", "de_xuat", "quy_uoc")
POLARITIES: tuple[str, ...] = (
    "uu_diem",
    "han_che",
    "nguyen_nhan",
    "giai_phap",
    "nhiem_vu",
    "bien_phap",
    "kien_nghi",
    "thuan_loi",
    "kho_khan",
    "ket_qua_tot",
    "ket_qua_chua_tot",
    "trung_tinh",
)
JUDGING: tuple[str, ...] = ("uu_diem", "han_che", "thuan_loi", "kho_khan", "ket_qua_tot", "ket_qua_chua_tot")
"""Polarities whose figure-based claims need an opposite (or a stated reason for none)."""
FACT_SOURCES: tuple[str, ...] = ("so_lieu", "tong", "hieu", "ty_so", "liet_ke", "chi_tieu_nam", "nguon_chi_tieu")
FACT_ATTRS: dict[str, tuple[str, ...]] = {
    "so_lieu": ("gia_tri", "so_sanh", "chi_tieu", "so_voi_chi_tieu", "ty_le_tren"),
    "tong": ("gia_tri", "so_sanh"),
    "hieu": ("gia_tri", "so_sanh"),
    "ty_so": ("gia_tri",),
    "liet_ke": ("liet_ke",),
    "chi_tieu_nam": ("liet_ke", "so_luong", "tren_tong"),
    "nguon_chi_tieu": ("gia_tri",),
}


@dataclass(frozen=True)
class Threshold:
    """A named threshold: part of what a claim means, editable data."""

    id: str
    value: Decimal
    description: str
    source: str


@dataclass(frozen=True)
class Topic:
    id: str
    name: str


@dataclass(frozen=True)
class Fact:
    """A value a claim states, computed by code; variants only word it (``f.<ten>.<neu>``)."""

    name: str
    source: str
    figures: tuple[str, ...] = ()
    mode: str = ""
    attrs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Claim:
    """One claim of the vocabulary (relations as declared; groups already expanded)."""

    id: str
    section: str
    topic: str
    polarity: str
    basis: str
    description: str
    facts: tuple[Fact, ...] = ()
    condition: Condition | None = None
    refuted_when: Condition | None = None
    opposites: tuple[str, ...] = ()
    subsumes: tuple[str, ...] = ()
    presupposes: tuple[str, ...] = ()
    framing: bool = False
    default: bool = False
    after: str = ""
    no_opposite_reason: str = ""
    file: str = ""
    line: int | None = None

    @property
    def automatic(self) -> bool:
        """Whether the claim can be said without the writer choosing it: figure-based
        claims when true, forward-looking and conventional ones when default or when
        a claim they presuppose is said (their condition is only a guard); claims to
        confirm only once confirmed."""
        if self.basis == "so_lieu":
            return True
        if self.basis == "xac_nhan":
            return False
        return self.default or bool(self.presupposes)


@dataclass
class ClaimSet:
    """The usable claims in file order, with thresholds, topics and the problems met."""

    claims: dict[str, Claim] = field(default_factory=dict)
    thresholds: dict[str, Threshold] = field(default_factory=dict)
    topics: tuple[Topic, ...] = ()
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    file: str = ""
    refused: set[str] = field(default_factory=set)
    """Ids of claims left out for their own problems (already said)."""
    _opposites: dict[str, frozenset[str]] = field(default_factory=dict)

    def get(self, claim_id: str) -> Claim | None:
        return self.claims.get(claim_id)

    def opposites(self, claim_id: str) -> frozenset[str]:
        """The opposites of a claim, declared on either side."""
        if not self._opposites:
            table: dict[str, set[str]] = {cid: set() for cid in self.claims}
            for claim in self.claims.values():
                for other in claim.opposites:
                    if other in table:
                        table[claim.id].add(other)
                        table[other].add(claim.id)
            self._opposites = {cid: frozenset(s) for cid, s in table.items()}
        return self._opposites.get(claim_id, frozenset())

    def for_section(self, section_id: str) -> tuple[Claim, ...]:
        return tuple(c for c in self.claims.values() if c.section == section_id)

    def topic_order(self, topic: str) -> int:
        for i, t in enumerate(self.topics):
            if t.id == topic:
                return i
        return len(self.topics)
