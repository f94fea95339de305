"""``bank check``'s trial run: every phrase variant and condition rendered on the sample.

Loading a phrase bank only compiles its texts, and compiling computes nothing. The
trial renders each variant and evaluates each condition, within the bounds of
:mod:`drafting.bank.limits`, on the context the bundled sample gives, so that a text
that exceeds a limit or fails is reported at its phrase and variant before a writer
meets it. A failure on a figure the sample leaves without a value is not reported: it
depends on the data (rendering reports it, with its place, when it happens).
"""

from __future__ import annotations

from drafting.bank.bank import Bank
from drafting.bank.sandbox import TemplateProblem, evaluate_condition, render
from drafting.errors import Problem, ProblemsError
from drafting.resources import SAMPLE_PATH


def trial_problems(bank: Bank) -> list[Problem]:
    """The problems of rendering every phrase of ``bank`` on the bundled sample."""
    from drafting.composition.composer import Composer
    from drafting.datafile.validate import load_report

    try:
        report = load_report(SAMPLE_PATH, bank, comments=False)
    except ProblemsError as exc:
        note = Problem(str(SAMPLE_PATH), None, "", "không chạy thử được câu mẫu: tệp mẫu không hợp lệ với kho này")
        return [note, *exc.problems]
    context = Composer.create(report, bank).context
    problems: list[Problem] = []
    for phrase in bank.phrases.values():
        texts = [(f"cách viết {i + 1}", text, False) for i, text in enumerate(phrase.variants)]
        if phrase.condition:
            texts.append(("điều kiện", phrase.condition, True))
        for place, text, is_condition in texts:
            try:
                if is_condition:
                    evaluate_condition(text, context)
                else:
                    render(text, context)
            except TemplateProblem as exc:
                if exc.kind != "missing":
                    message = f"{place}, chạy thử trên tệp mẫu: {exc.message}"
                    problems.append(Problem(phrase.file, phrase.line, "", message, phrase_id=phrase.id))
    return problems
