"""Edits of the data file's lists: any list of the schema by its fields (rows typed as
text, checked by the fields' kinds), and the two the editor knows by name — the documents
(``van_ban``) and the movements (``phong_trao``, an outline movement's result by its id
or a movement the writer adds)."""

from __future__ import annotations

from collections.abc import Mapping

from drafting.datafile.reader import nfc
from drafting.editing.edits import Editor, same, scalar_text, yaml_value
from drafting.editing.inputs import format_date_input, parse_field
from drafting.editing.rows import DocumentRow, MovementRow
from drafting.files.roundtrip import delete_at, insert_at, insert_ordered
from drafting.report import Value
from drafting.schema import ListSpec


def _text(item: Mapping[str, object], key: str) -> str:
    value = item.get(key)
    return "" if value is None else str(value)


def _document_texts(kind: str, number: str, date: str, summary: str, unit: str) -> dict[str, str]:
    return {"loai": kind, "so": number, "ngay": date, "trich_yeu": summary, "don_vi": unit}


class ListEdits(Editor):
    """The lists of the data file (see the module docstring)."""

    # ------------------------------------------------------------------ any list

    def _values(self, spec: ListSpec, texts: Mapping[str, str], whole: bool) -> dict[str, Value]:
        """Typed values of an item from the texts typed for its fields (checked first;
        ``whole``: the texts are the whole item, so every required field is among them)."""
        values = {key: parse_field(spec.field(key), text) for key, text in texts.items()}
        for field in spec.fields:
            if field.required and values.get(field.key, "" if whole else field.key) in (None, ""):
                raise ValueError(f"thiếu {field.name}")
        return values

    def add_row(self, list_key: str, texts: Mapping[str, str]) -> int:
        """Add an item to a list of the data file from the texts typed for its fields
        (checked first, by the schema's kinds); returns its index."""
        from ruamel.yaml.comments import CommentedMap

        spec = self.schema.list_spec(list_key)
        values = self._values(spec, texts, whole=True)
        seq = self.top_seq(list_key)
        node = CommentedMap()
        for key in spec.keys:
            if values.get(key) is not None:
                node[key] = yaml_value(values[key])
        insert_at(seq, len(seq), node)
        self.changed()
        return len(seq) - 1

    def update_row(self, list_key: str, index: int, texts: Mapping[str, str]) -> bool:
        """Change the fields ``texts`` names of an item (an empty text removes the field)."""
        spec = self.schema.list_spec(list_key)
        values = self._values(spec, texts, whole=False)
        node = self.row(self.doc.get(list_key), index, list_key)
        changed = False
        for key, value in values.items():
            if value is None:
                if key in node:
                    del node[key]
                    changed = True
            elif not same(node.get(key), value):
                insert_ordered(node, key, yaml_value(value, node.get(key)), spec.keys)
                changed = True
        if changed:
            self.changed()
        return changed

    def remove_row(self, list_key: str, index: int) -> None:
        items = self.doc.get(list_key)
        self.row(items, index, list_key)
        delete_at(items, index)
        self.changed()

    # ------------------------------------------------------------------ documents (van_ban)

    def documents(self, kind: str | None = None) -> list[DocumentRow]:
        rows = []
        items = self.doc.get("van_ban")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            kind_of = str(item.get("loai") or "ban_hanh")
            if kind is None or kind_of == kind:
                date = format_date_input(item.get("ngay"))
                texts = (_text(item, "so"), date, _text(item, "trich_yeu"), _text(item, "don_vi"))
                rows.append(DocumentRow(i, kind_of, *texts))
        return rows

    def add_document(self, kind: str, number: str, date: str, summary: str, unit: str = "") -> int:
        """Add a document row (checked first); returns its index in ``van_ban``."""
        return self.add_row("van_ban", _document_texts(kind, number, date, summary, unit))

    def update_document(self, index: int, kind: str, number: str, date: str, summary: str, unit: str = "") -> bool:
        return self.update_row("van_ban", index, _document_texts(kind, number, date, summary, unit))

    # ------------------------------------------------------------------ movements (phong_trao)

    def _movement_order(self) -> tuple[str, ...]:
        return self.schema.list_spec("phong_trao").keys

    def movements(self, group: str | None = None) -> list[MovementRow]:
        named = {m.id: m for m in self.outline.movements}
        rows = []
        items = self.doc.get("phong_trao")
        for i, item in enumerate(items if isinstance(items, list) else []):
            if not isinstance(item, Mapping):
                continue
            mid = _text(item, "id")
            if mid:
                entry = named.get(mid)
                name, grp = (entry.name, entry.group) if entry else (mid, "?")
            else:
                name, grp = _text(item, "ten"), str(item.get("nhom") or "a")
            if group is None or grp == group:
                rows.append(MovementRow(i, mid, name, grp, _text(item, "ket_qua"), _text(item, "don_vi")))
        return rows

    def set_movement_result(self, movement_id: str, text: str) -> bool:
        """The result of an outline movement (its first row; one is added if none)."""
        from ruamel.yaml.comments import CommentedMap

        if movement_id not in {m.id for m in self.outline.movements}:
            raise KeyError(movement_id)
        result = nfc(text)
        for row in self.movements():
            if row.movement_id == movement_id:
                node = self.row(self.doc["phong_trao"], row.index, "phong_trao")
                if row.result == result:
                    return False
                insert_ordered(node, "ket_qua", scalar_text(result, node.get("ket_qua")), self._movement_order())
                self.changed()
                return True
        if not result:
            return False
        seq = self.top_seq("phong_trao")
        node = CommentedMap()
        node["id"] = movement_id
        node["ket_qua"] = scalar_text(result)
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
        insert_at(seq, position, node)
        self.changed()
        return True

    def add_movement(self, name: str, group: str, result: str = "", unit: str = "") -> int:
        """Add a movement the writer names (group ``a`` or ``b``); returns its index."""
        from ruamel.yaml.comments import CommentedMap

        name = nfc(name).strip('“”"')
        if not name:
            raise ValueError("phong trào tự thêm phải có tên")
        if group not in ("a", "b"):
            raise ValueError("nhóm phong trào phải là a hoặc b")
        seq = self.top_seq("phong_trao")
        node = CommentedMap()
        node["ten"] = name
        node["nhom"] = group
        node["ket_qua"] = scalar_text(nfc(result))
        if nfc(unit):
            node["don_vi"] = nfc(unit)
        insert_at(seq, len(seq), node)
        self.changed()
        return len(seq) - 1

    def update_movement(self, index: int, name: str, result: str, unit: str = "") -> bool:
        """Edit a movement row (an outline movement keeps its id; only a row the writer
        added has a name)."""
        node = self.row(self.doc.get("phong_trao"), index, "phong_trao")
        values = {"ket_qua": nfc(result), "don_vi": nfc(unit)}
        if not node.get("id"):
            values["ten"] = nfc(name).strip('“”"')
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
                insert_ordered(node, key, scalar_text(value, node.get(key)), self._movement_order())
                changed = True
        if changed:
            self.changed()
        return changed
