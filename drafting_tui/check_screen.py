"""The check results (F5), grouped by where they are: one line per section with how many
findings of each kind, opened on demand; errors first. Enter on a finding goes to its
field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Label, OptionList, Static
from textual.widgets.option_list import Option

from drafting_tui.findings import Place, WriterFinding, section_name
from drafting_tui.screens import Dialog

KINDS = ("Lỗi", "Còn thiếu", "Lưu ý", "Kho câu mẫu")
"""The kinds of finding, the most pressing first."""
BANK_GROUP = "Kho câu mẫu (người quản trị sửa)"


def counts_text(findings: Sequence[WriterFinding]) -> str:
    """How many findings of each kind, in words: “2 lỗi, 5 còn thiếu”."""
    parts = []
    for kind in KINDS:
        n = sum(1 for f in findings if f.kind == kind)
        if n:
            parts.append(f"{n} {kind.lower()}")
    return ", ".join(parts)


HEADING_COLUMNS = 70
"""How wide a section's line may be in the dialog at 80 columns (the heading is cut to fit)."""


class FindingGroup:
    """The findings of one section."""

    def __init__(self, name: str, findings: list[WriterFinding]) -> None:
        self.name, self.findings = name, findings
        self.open = False

    @property
    def has_errors(self) -> bool:
        return any(f.kind == "Lỗi" for f in self.findings)


def group_findings(findings: Sequence[WriterFinding], order: Sequence[str]) -> list[FindingGroup]:
    """Findings by section, in the outline's ``order`` (``Thông tin chung`` first);
    sections with errors first; the phrase bank's problems last."""
    groups: dict[str, FindingGroup] = {}
    for finding in findings:
        name = BANK_GROUP if finding.kind == "Kho câu mẫu" else section_name(finding.place.section)
        groups.setdefault(name, FindingGroup(name, [])).findings.append(finding)
    rank = {section_name(sid): i for i, sid in enumerate(order)}

    def key(group: FindingGroup) -> tuple[bool, bool, int]:
        return (not group.has_errors, group.name == BANK_GROUP, rank.get(group.name, len(rank)))

    out = sorted(groups.values(), key=key)
    for group in out:
        group.findings.sort(key=lambda f: KINDS.index(f.kind) if f.kind in KINDS else len(KINDS))
        group.open = group.has_errors or len(out) == 1
    return out


class CheckScreen(Dialog[Place]):
    """The check results by section: Enter (or →) opens a section's findings, ← closes
    it; Enter on a finding goes to its field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right", "open_group(True)", "Mở nhóm", show=False),
        Binding("left", "open_group(False)", "Đóng nhóm", show=False),
    ]

    def __init__(
        self, findings: Sequence[WriterFinding], order: Sequence[str] = (), headings: Mapping[str, str] | None = None
    ) -> None:
        super().__init__()
        self.findings = list(findings)
        self.groups = group_findings(self.findings, order)
        self.headings = {section_name(sid): text for sid, text in (headings or {}).items()}
        self.rows: list[tuple[FindingGroup, WriterFinding | None]] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide", id="check"):
            count = len(self.findings)
            title = f"Kết quả kiểm tra: {count} điểm cần xem ({counts_text(self.findings)})" if count else ""
            yield Label(title or "Kết quả kiểm tra", classes="dialog-title")
            if self.findings:
                yield Static("↑ ↓ chọn · Enter, →: mở nhóm · Enter trên một dòng: tới chỗ cần sửa", classes="hint")
                yield OptionList(*self._options(), id="findings", classes="dialog-list")
            else:
                yield Static("Không phát hiện vấn đề nào.", classes="dialog-body")
            yield self.buttons(("close", "Đóng"))

    def _options(self) -> list[Option]:
        self.rows = []
        options = []
        for group in self.groups:
            mark = "▼" if group.open else "▶"
            head = Text.assemble((f"{mark} {group.name}", "bold"), f": {counts_text(group.findings)}")
            heading = self.headings.get(group.name, "")
            room = max(12, HEADING_COLUMNS - len(head.plain) - 3)
            if heading:  # one line a section, at 80 columns too
                short = heading if len(heading) <= room else heading[: room - 1].rstrip(" ,") + "…"
                head.append(" – " + short, style="dim")
            options.append(Option(head, id=f"r{len(self.rows)}"))
            self.rows.append((group, None))
            if not group.open:
                continue
            for finding in group.findings:
                line = Text.assemble("   ", (f"{finding.kind}: ", "bold"), finding.text)
                options.append(Option(line, id=f"r{len(self.rows)}", disabled=not finding.place.section))
                self.rows.append((group, finding))
        return options

    def on_mount(self) -> None:
        found = self.query("#findings")
        (found.first() if found else self.query_one("#close", Button)).focus()

    def _refresh(self, group: FindingGroup) -> None:
        options = self.query_one("#findings", OptionList)
        options.set_options(self._options())
        options.highlighted = next(i for i, (g, f) in enumerate(self.rows) if g is group and f is None)

    def action_open_group(self, wanted: bool) -> None:
        options = self.query_one("#findings", OptionList)
        if options.highlighted is None or not self.rows:
            return
        group, _ = self.rows[options.highlighted]
        if group.open != wanted:
            group.open = wanted
            self._refresh(group)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        group, finding = self.rows[int((event.option.id or "r0")[1:])]
        if finding is None:
            group.open = not group.open
            self._refresh(group)
            return
        self.dismiss(finding.place)

    @on(Button.Pressed, "#close")
    def _close(self) -> None:
        self.dismiss(None)
