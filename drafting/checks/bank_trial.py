"""``bank check``'s trial run: every phrase variant rendered where its claim is said.

Loading a phrase bank only compiles its texts, and compiling computes nothing. The
trial renders each variant, within the bounds of :mod:`drafting.bank.limits`, with the
facts its claim states: once with stand-in facts (every fact the claim lists, so a
variant can only read those), then on the bundled sample and on scenarios generated
from it (periods swapped, counts at zero, cases resolved halved, no same-period
figures) wherever the claim would be said — true for a figure-based claim, always for
the others. A text that fails is reported at its phrase and variant, with the scenario.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from drafting.bank.bank import Bank
from drafting.bank.sandbox import TemplateProblem, render
from drafting.errors import Problem, ProblemsError
from drafting.report import FigureValue, ReportData
from drafting.resources import SAMPLE_PATH

Transform = Callable[[str, FigureValue], FigureValue]


def _swap(fid: str, value: FigureValue) -> FigureValue:
    return replace(value, current=value.previous, previous=value.current) if value.previous is not None else value


def _zero(fid: str, value: FigureValue) -> FigureValue:
    return replace(value, current=0) if value.current is not None else value


def _halve(fid: str, value: FigureValue) -> FigureValue:
    resolved = fid.endswith((".giai_quyet", ".dung_han", ".thanh", ".da_ra_quyet_dinh", ".su_dung"))
    return replace(value, current=value.current // 2) if resolved and value.current else value


def _no_previous(fid: str, value: FigureValue) -> FigureValue:
    return replace(value, previous=None)


SCENARIOS: tuple[tuple[str, Transform | None], ...] = (
    ("tệp mẫu", None),
    ("tệp mẫu, đảo kỳ này và cùng kỳ", _swap),
    ("tệp mẫu, mọi số liệu kỳ này bằng 0", _zero),
    ("tệp mẫu, số đã giải quyết giảm một nửa", _halve),
    ("tệp mẫu, không có số liệu cùng kỳ", _no_previous),
)


def scenarios(report: ReportData) -> Iterator[tuple[str, ReportData]]:
    """The sample and the reports generated from it, named."""
    for name, transform in SCENARIOS:
        if transform is None:
            yield name, report
        else:
            figures = {fid: transform(fid, value) for fid, value in report.figures.items()}
            yield name, replace(report, figures=figures, content={}, confirmations={})


def _stand_ins(bank: Bank, claim_id: str) -> dict[str, dict[str, str]]:
    claim = bank.claims.get(claim_id)
    facts = claim.facts if claim is not None else ()
    return {f.name: {attr: f"«{f.name}.{attr}»" for attr in f.attrs} for f in facts}


def trial_problems(bank: Bank) -> list[Problem]:
    """The problems of rendering every phrase of ``bank`` with its claim's facts."""
    from drafting.composition.composer import Composer
    from drafting.datafile.validate import load_report

    try:
        sample = load_report(SAMPLE_PATH, bank, comments=False)
    except ProblemsError as exc:
        note = Problem(str(SAMPLE_PATH), None, "", "không chạy thử được câu mẫu: tệp mẫu không hợp lệ với kho này")
        return [note, *exc.problems]
    problems: list[Problem] = []
    failed: set[tuple[str, int]] = set()

    def trial(phrase_id: str, index: int, text: str, context: dict[str, object], where: str) -> None:
        phrase = bank.phrases[phrase_id]
        try:
            render(text, context)
        except TemplateProblem as exc:
            if (phrase_id, index) not in failed:
                failed.add((phrase_id, index))
                message = f"cách viết {index + 1}, chạy thử {where}: {exc.message}"
                problems.append(Problem(phrase.file, phrase.line, "", message, phrase_id=phrase_id))

    composers = [(name, Composer.create(report, bank)) for name, report in scenarios(sample)]
    for phrase in bank.phrases.values():
        base, _ = composers[0][1].phrase_context(phrase)
        for i, text in enumerate(phrase.variants):
            trial(phrase.id, i, text, {**base, "f": _stand_ins(bank, phrase.claim)}, "với sự kiện của nhận định")
        for name, composer in composers:
            status = composer.plan.status(phrase.claim)
            if status is None or (status.claim.basis == "so_lieu" and status.value is not True):
                continue
            context, _ = composer.phrase_context(phrase)
            for i, text in enumerate(phrase.variants):
                trial(phrase.id, i, text, dict(context), f"trên {name}")
    return problems
