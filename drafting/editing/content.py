"""Edits of the sections' content (``noi_dung``): the phrases a writer chooses, their
pinned variants, the paragraphs typed, and their order.

While a writer has chosen nothing for a section, the report shows the phrases the bank
suggests for the figures; the first edit of the section writes those suggestions into
its list (:meth:`ContentEdits.materialise`), so that an edit keeps what the writer saw.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from drafting.bank.bank import Bank
from drafting.datafile.reader import nfc
from drafting.editing.edits import Editor, same, scalar_text
from drafting.editing.rows import ContentRow
from drafting.editing.session import Session
from drafting.errors import ProblemsError
from drafting.files.roundtrip import delete_at, insert_at

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from drafting.composition.composer import Composer


def _phrase_item(phrase_id: str, variant: int | None) -> CommentedMap:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    node["cau"] = phrase_id
    if variant is not None:
        node["cach_viet"] = variant
    node.fa.set_flow_style()
    return node


class ContentEdits(Editor):
    """The items of the outline's leaf sections (see the module docstring).

    ``composer`` gives the composition of the current report (raising
    :class:`~drafting.errors.ProblemsError` while it is invalid), for the suggestions.
    """

    def __init__(self, session: Session, bank: Bank, composer: Callable[[], Composer]) -> None:
        super().__init__(session, bank)
        self._composer = composer

    def rows(self, section_id: str) -> list[ContentRow]:
        """The items the writer chose for a leaf section, in order."""
        sections = self.doc.get("noi_dung")
        items = sections.get(section_id) if isinstance(sections, Mapping) else None
        rows = []
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, str):
                rows.append(ContentRow(i, text=item))
            elif isinstance(item, Mapping) and "van_ban" in item:
                rows.append(ContentRow(i, text=str(item.get("van_ban") or "")))
            elif isinstance(item, Mapping) and "cau" in item:
                variant = item.get("cach_viet")
                pinned = variant if isinstance(variant, int) and not isinstance(variant, bool) else None
                rows.append(ContentRow(i, phrase_id=str(item.get("cau")), variant=pinned))
            else:
                rows.append(ContentRow(i, text=str(item)))
        return rows

    def _section_seq(self, section_id: str) -> CommentedSeq:
        if not self.outline.is_leaf(section_id) or section_id not in self.outline.ids:
            raise ValueError(f"mục {section_id} không phải mục lá của đề cương")
        sections = self.map(self.doc, "noi_dung", self.schema.top_keys, "noi_dung")
        leaf_order = [s.id for s in self.outline.sections if self.outline.is_leaf(s.id)]
        return self.seq(sections, section_id, leaf_order, f"noi_dung.{section_id}")

    def materialise(self, section_id: str) -> CommentedSeq:
        """The section's item list; while the writer has chosen nothing, the report shows
        the suggested phrases: they are written into the list first, so that an edit
        keeps them."""
        seq = self._section_seq(section_id)
        if not seq:
            try:
                composer = self._composer()
            except ProblemsError:
                return seq
            from drafting.composition.explain import suggested_phrases

            added = suggested_phrases(composer, section_id)
            for phrase_id in added:
                insert_at(seq, len(seq), _phrase_item(phrase_id, None))
            if added:
                self.changed()
        return seq

    @staticmethod
    def _phrase_index(seq: CommentedSeq, phrase_id: str) -> int | None:
        for i, item in enumerate(seq):
            if isinstance(item, Mapping) and str(item.get("cau")) == phrase_id:
                return i
        return None

    def _check_variant(self, phrase_id: str, variant: int | None) -> None:
        phrase = self._bank.get(phrase_id)
        if phrase is None:
            raise KeyError(phrase_id)
        if variant is not None and not 1 <= variant <= len(phrase.variants):
            raise ValueError(f"câu mẫu “{phrase_id}” chỉ có {len(phrase.variants)} cách viết")

    def choose_phrase(
        self, section_id: str, phrase_id: str, variant: int | None = None, position: int | None = None
    ) -> int:
        """Include a phrase in a section (at ``position``, default the end); returns its index."""
        self._check_variant(phrase_id, variant)
        seq = self.materialise(section_id)
        existing = self._phrase_index(seq, phrase_id)
        if existing is not None:
            if variant is not None:
                self.pin_variant(section_id, phrase_id, variant)
            return existing
        index = len(seq) if position is None else min(max(position, 0), len(seq))
        insert_at(seq, index, _phrase_item(phrase_id, variant))
        self.changed()
        return index

    def unchoose_phrase(self, section_id: str, phrase_id: str) -> bool:
        """Leave a phrase out of a section."""
        seq = self.materialise(section_id)
        index = self._phrase_index(seq, phrase_id)
        if index is None:
            return False
        delete_at(seq, index)
        self.changed()
        return True

    def pin_variant(self, section_id: str, phrase_id: str, variant: int | None) -> None:
        """Pin a variant (1-based) of a chosen phrase, or unpin it (``None``)."""
        self._check_variant(phrase_id, variant)
        seq = self.materialise(section_id)
        index = self._phrase_index(seq, phrase_id)
        if index is None:
            insert_at(seq, len(seq), _phrase_item(phrase_id, variant))
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
            delete_at(seq, index)
            insert_at(seq, target, item)
            self.changed()
        return target

    def add_paragraph(self, section_id: str, text: str = "", position: int | None = None) -> int:
        """Add a paragraph the writer types (kept verbatim); returns its index."""
        from ruamel.yaml.comments import CommentedMap

        seq = self.materialise(section_id)
        node = CommentedMap()
        node["van_ban"] = scalar_text(nfc(text))
        index = len(seq) if position is None else min(max(position, 0), len(seq))
        insert_at(seq, index, node)
        self.changed()
        return index

    def set_paragraph(self, section_id: str, index: int, text: str) -> bool:
        from ruamel.yaml.comments import CommentedMap

        seq = self._section_seq(section_id)
        if not 0 <= index < len(seq):
            raise IndexError(index)
        text = nfc(text)
        item = seq[index]
        if isinstance(item, str):
            if item == text:
                return False
            seq[index] = scalar_text(text, item)
        elif isinstance(item, CommentedMap) and "van_ban" in item:
            if str(item.get("van_ban") or "") == text:
                return False
            item["van_ban"] = scalar_text(text, item.get("van_ban"))
        else:
            raise ValueError("mục này không phải đoạn văn tự viết")
        self.changed()
        return True

    def remove_item(self, section_id: str, index: int) -> None:
        seq = self._section_seq(section_id)
        if not 0 <= index < len(seq):
            raise IndexError(index)
        delete_at(seq, index)
        self.changed()

    # -- the writer's word on claims (xac_nhan) --------------------------------------

    def confirm_claim(self, claim_id: str, reason: str = "", *, deny: bool = False) -> None:
        """Record the writer's word on a claim (``xac_nhan``): confirmed (said, or a chosen
        phrase kept although the figures contradict it, with ``reason``), or ``deny``
        (never suggested). A confirmation against contradicting figures stores them
        (``theo_so_lieu``): when they change, the tool asks again."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        from drafting.composition.content import snapshot

        claim = self._bank.claims.get(claim_id)
        if claim is None:
            raise KeyError(claim_id)
        entry = CommentedMap()
        if deny:
            entry["khong"] = True
        else:
            if reason.strip():
                entry["ly_do"] = scalar_text(nfc(reason))
            composer = self._composer()
            status = composer.plan.status(claim_id)
            if status is not None and status.contradicted:
                figures = CommentedMap()
                for fid, current, previous in snapshot(claim, composer.views):
                    pair = CommentedSeq([current, previous])
                    pair.fa.set_flow_style()
                    figures[fid] = current if previous is None else pair
                entry["theo_so_lieu"] = figures
        table = self.map(self.doc, "xac_nhan", self.schema.top_keys, "xac_nhan")
        if same(table.get(claim_id), entry):
            return
        table[claim_id] = entry
        self.changed()

    def unconfirm_claim(self, claim_id: str) -> bool:
        """Forget the writer's word on a claim; returns whether there was one."""
        table = self.doc.get("xac_nhan")
        if not isinstance(table, dict) or claim_id not in table:
            return False
        del table[claim_id]
        self.changed()
        return True
