"""``check``: the writer's choices against the figures and against each other.

The writer wins: a chosen phrase is always kept. But a phrase whose claim the figures
contradict is an error until the writer confirms it (``xac_nhan`` in the data file,
with the figures seen then), after which it is a warning; a confirmation made stale by
changed figures is an error again. Two opposite claims both chosen or confirmed, a
claim chosen and denied, a chosen remedy with no limitation it remedies, and a
limitation with no remedy are reported too — each in plain Vietnamese, at the line of
the phrase or of the confirmation.
"""

from __future__ import annotations

from collections.abc import Iterator

from drafting.checks.findings import Finding, key_path
from drafting.composition.composer import Composer
from drafting.composition.content import ClaimStatus, snapshot
from drafting.composition.context import lower_first
from drafting.composition.explain import explain_status
from drafting.composition.phrasing import opener
from drafting.document import Document, Paragraph
from drafting.report import PhraseChoice


def _pins(composer: Composer) -> Iterator[tuple[str, int, PhraseChoice, str]]:
    """(section, index, choice, claim id) of every chosen phrase that words a claim."""
    for section, items in composer.report.content.items():
        for i, item in enumerate(items):
            if isinstance(item, PhraseChoice):
                phrase = composer.bank.get(item.id)
                if phrase is not None and phrase.claim:
                    yield section, i, item, phrase.claim


def _changed(status: ClaimStatus, composer: Composer) -> str:
    assert status.confirmation is not None
    now = {fid: (cur, prev) for fid, cur, prev in snapshot(status.claim, composer.views)}
    then = {fid: (cur, prev) for fid, cur, prev in status.confirmation.snapshot}
    diffs = [f"{fid}: {then[fid][0]} → {now[fid][0]}" for fid in now if fid in then and then[fid] != now[fid]]
    return "; ".join(diffs) or "số liệu đã khác"


def coherence_findings(composer: Composer) -> tuple[list[Finding], list[Finding]]:
    """(errors, warnings) about the claims of a report."""
    report, plan = composer.report, composer.plan
    source = report.source
    errors: list[Finding] = []
    warnings: list[Finding] = []
    seen: set[str] = set()
    for section, index, choice, cid in _pins(composer):
        status = plan.status(cid)
        if status is None or cid in seen:
            continue
        seen.add(cid)
        key = key_path("noi_dung", section, index)
        what = f"Câu “{choice.id}” ({lower_first(status.claim.description)})"
        confirmation = status.confirmation
        if confirmation is not None and confirmation.denied:
            errors.append(
                Finding(
                    source,
                    choice.line,
                    key,
                    section,
                    f"{what} đã được chọn nhưng người viết đã ghi là không đúng "
                    "(xac_nhan: khong: true); bỏ câu hoặc bỏ phủ nhận",
                )
            )
            continue
        if status.contradicted:
            why = explain_status(composer, status)
            if confirmation is not None and confirmation.snapshot and not status.stale:
                reason = f" Lý do người viết ghi: {confirmation.reason}" if confirmation.reason else ""
                warnings.append(
                    Finding(
                        source,
                        choice.line,
                        key,
                        section,
                        f"{what} trái với số liệu nhưng người viết đã xác nhận giữ câu. {why}.{reason}",
                    )
                )
            elif status.stale:
                errors.append(
                    Finding(
                        source,
                        confirmation.line if confirmation else choice.line,
                        key_path("xac_nhan", cid),
                        section,
                        f"{what}: số liệu đã thay đổi kể từ khi xác nhận ({_changed(status, composer)}). "
                        f"{why}. Bỏ câu này, hoặc xác nhận lại.",
                    )
                )
            else:
                errors.append(
                    Finding(
                        source,
                        choice.line,
                        key,
                        section,
                        f"{what} trái với số liệu. {why}. Bỏ câu này, "
                        "hoặc xác nhận giữ câu (khóa xac_nhan, kèm lý do).",
                    )
                )
        elif status.value is None and status.claim.basis == "so_lieu":
            warnings.append(
                Finding(
                    source,
                    choice.line,
                    key,
                    section,
                    f"{what}: {lower_first(explain_status(composer, status))}; chưa kiểm tra được câu này",
                )
            )
        claim = status.claim
        if claim.presupposes and not any(p in plan.kept() for p in claim.presupposes):
            warnings.append(
                Finding(
                    source, choice.line, key, section, f"{what} không gắn với hạn chế, nguyên nhân nào báo cáo đã nêu"
                )
            )
    for a, b in plan.conflicts:
        first, second = plan.statuses[a], plan.statuses[b]
        confirmation = first.confirmation or second.confirmation
        line = confirmation.line if confirmation is not None else None
        errors.append(
            Finding(
                source,
                line,
                "",
                first.claim.section,
                f"Hai nhận định trái ngược nhau cùng được chọn hoặc xác nhận: "
                f"“{lower_first(first.claim.description)}” ({a}) và “{lower_first(second.claim.description)}” ({b}); "
                "chỉ giữ một",
            )
        )
    for cid, status in plan.statuses.items():
        confirmation = status.confirmation
        if confirmation is None or status.pinned or confirmation.denied:
            continue
        if status.claim.basis == "xac_nhan" and status.refuted and not (confirmation.snapshot and not status.stale):
            warnings.append(
                Finding(
                    source,
                    confirmation.line,
                    key_path("xac_nhan", cid),
                    status.claim.section,
                    f"Nhận định “{lower_first(status.claim.description)}” đã được xác nhận nhưng không đưa "
                    f"vào báo cáo vì {lower_first(explain_status(composer, status))}",
                )
            )
    warnings.extend(_uncovered(composer))
    return errors, warnings


def _uncovered(composer: Composer) -> list[Finding]:
    """Limitations said with no remedy said that remedies them."""
    plan, claims = composer.plan, composer.bank.claims
    kept = plan.kept()
    remedied = {p for cid in kept for p in claims.claims[cid].presupposes if claims.claims[cid].polarity == "giai_phap"}
    out = []
    for cid in sorted(kept):
        claim = claims.claims[cid]
        if claim.polarity == "han_che" and cid not in remedied:
            out.append(
                Finding(
                    composer.report.source,
                    None,
                    "",
                    "III.4",
                    f"Hạn chế “{lower_first(claim.description)}” chưa có giải pháp khắc phục ở mục III.4",
                )
            )
    return out


def opener_warnings(document: Document, source: str) -> list[Finding]:
    """Two paragraphs of a subsection opening with the same two words (the tool varies its
    own phrases; a writer's paragraph it keeps verbatim)."""
    out = []
    for section in document.walk():
        seen: dict[str, str] = {}
        for block in section.blocks:
            if not isinstance(block, Paragraph) or block.item or block.placeholder or block.text.endswith(":"):
                continue
            words = opener(block.text)
            first = " ".join(block.text.lstrip("-+* ").split()[:2])
            if words in seen:
                out.append(
                    Finding(
                        source,
                        None,
                        key_path("noi_dung", section.id),
                        section.id,
                        f"Hai đoạn của mục cùng mở đầu “{first}”: “{seen[words][:60]}…” và “{block.text[:60]}…”; "
                        "nên viết lại một đoạn",
                    )
                )
            else:
                seen[words] = block.text
    return out
