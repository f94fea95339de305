"""``drafting bank check|list|show``: the phrase bank as its maintainers see it, layers merged.

The commands work on the merged bank (the shipped one, then the overlay layers) and say
which layer each phrase comes from, and which phrases an overlay replaces. ``bank show``
is the maintainer's preview loop: every variant of one phrase rendered on a data file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from drafting.bank.bank import Bank
from drafting.bank.phrases import Phrase
from drafting.cli_support import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNUSABLE,
    add_bank_option,
    add_text_json_option,
    bank_of,
    print_problems,
)
from drafting.errors import DraftingError, Problem, ProblemsError, one_line
from drafting.files.fields import did_you_mean

BASIS_LABELS = {
    "so_lieu": "theo số liệu",
    "xac_nhan": "cần xác nhận",
    "de_xuat": "đề xuất",
    "quy_uoc": "quy ước",
}


def layer_summary(bank: Bank) -> list[str]:
    """One line per layer: its folder, digest and how many phrases it adds or replaces."""
    lines = []
    for number, layer in enumerate(bank.layers, 1):
        mine = [p for p in bank.phrases.values() if bank.layer_of(p) == layer]
        replaced = sum(1 for p in mine if bank.replaced(p.id))
        what = f"{len(mine)} câu mẫu" + (f" ({replaced} thay câu mẫu cùng mã của lớp trước)" if replaced else "")
        lines.append(f"  lớp {number}: {layer.name} ({layer.digest}): {what}")
    return lines


def bank_check_problems(bank: Bank) -> list[Problem]:
    """Everything ``bank check`` says about a bank loaded for linting (``style=True``):
    loading, style and coverage problems, the consistency rules, the trial renders; each
    problem once, in that order."""
    from drafting.bank.level_lint import level_id_problems, level_word_problems
    from drafting.checks.bank_trial import trial_problems

    problems = list(bank.problems)
    try:
        _ = bank.rules
    except ProblemsError as exc:
        problems.extend(exc.problems)
    problems.extend(trial_problems(bank))
    problems.extend(level_id_problems(bank) + level_word_problems(bank))
    return list(dict.fromkeys(problems))


def cmd_bank_check(args: argparse.Namespace) -> int:
    bank = bank_of(args, *([args.dir] if args.dir else []), style=True)
    problems = bank_check_problems(bank)
    print("Các lớp của kho câu mẫu:\n" + "\n".join(layer_summary(bank)))
    if problems:
        print_problems(problems)
        sys.stderr.write(f"{len(problems)} vấn đề trong kho câu mẫu.\n")
        return EXIT_UNUSABLE
    print(
        f"Kho câu mẫu hợp lệ: {len(bank.phrases)} câu mẫu, "
        f"{sum(len(p.variants) for p in bank.phrases.values())} cách viết."
    )
    return EXIT_OK


def _phrase_json(bank: Bank, phrase: Phrase) -> dict[str, Any]:
    layer = bank.layer_of(phrase)
    return {
        **phrase.as_json(),
        "layer": layer.name,
        "layer_digest": layer.digest,
        "replaces": bank.replaced(phrase.id) or None,
    }


def cmd_bank_list(args: argparse.Namespace) -> int:
    bank = bank_of(args)
    phrases = [p for p in bank.phrases.values() if not args.section or p.section == args.section]
    if args.format == "json":
        print(json.dumps([_phrase_json(bank, p) for p in phrases], ensure_ascii=False, indent=2))
    else:
        for p in phrases:
            claim = bank.claims.get(p.claim)
            basis = f"  [{BASIS_LABELS.get(claim.basis, claim.basis)}]" if claim else ""
            layer = bank.layer_of(p)
            where = (
                "" if layer.shipped else f"  [lớp {layer.name}{', thay câu cùng mã' if bank.replaced(p.id) else ''}]"
            )
            print(f"{p.section:7} {p.id:45} {len(p.variants)} cách viết  {p.description}{basis}{where}")
        if len(bank.layers) > 1:
            print("Các lớp của kho câu mẫu:\n" + "\n".join(layer_summary(bank)))
    print_problems(bank.problems)
    return EXIT_UNUSABLE if bank.problems else EXIT_OK


def cmd_bank_show(args: argparse.Namespace) -> int:
    """``bank show ID [--data FILE]``: every variant of a phrase rendered on a data file."""
    from drafting.bank.sandbox import TemplateProblem, render
    from drafting.composition.composer import Composer
    from drafting.composition.explain import explain_claim
    from drafting.datafile.validate import load_report
    from drafting.resources import SAMPLE_PATH

    bank = bank_of(args)
    phrase = bank.get(args.id)
    if phrase is None:
        refused = [p for p in bank.problems if p.phrase_id == args.id]
        if refused:  # in the bank's files, but refused when it was loaded: say why
            raise ProblemsError(refused)
        raise DraftingError(f"{args.id}: không có câu mẫu này trong kho câu mẫu" + did_you_mean(args.id, bank.phrases))
    data = Path(args.data) if args.data else SAMPLE_PATH
    composer = Composer.create(load_report(data, bank, comments=False), bank)
    context, _ = composer.phrase_context(phrase)
    layer = bank.layer_of(phrase)
    claim = bank.claims.get(phrase.claim)
    print(one_line(f"{phrase.id} (mục {phrase.section}): {phrase.description}"))
    print(one_line(f"  tệp {phrase.file}:{phrase.line}, lớp {layer.name} ({layer.digest})"))
    if bank.replaced(phrase.id):
        print(one_line(f"  thay câu mẫu cùng mã của {bank.replaced(phrase.id)}"))
    if claim is not None:
        basis = BASIS_LABELS.get(claim.basis, claim.basis)
        print(one_line(f"  nhận định {claim.id} ({basis}); trên {data}: {explain_claim(composer, claim.id)}"))
    failed = 0
    for number, text in enumerate(phrase.variants, 1):
        try:
            shown = render(text, context).strip()
        except TemplateProblem as exc:
            failed += 1
            shown = f"không dựng được: {exc.message}"
        print(f"\nCách viết {number}:\n  {one_line(shown)}")
    return EXIT_PROBLEMS if failed else EXIT_OK


def register(sub: Any) -> None:
    """The ``bank`` command and its subcommands, on the ``drafting`` parser's subcommands."""
    from drafting.argparse_vi import hidden_alias

    bank = sub.add_parser("bank", help="kho câu mẫu: kiểm tra, liệt kê, xem một câu mẫu")
    bsub = sub.commands(bank, "bank_command")
    p = bsub.add_parser("check", help="kiểm tra kho câu mẫu (các lớp đã gộp)")
    p.add_argument(
        "dir", nargs="?", default=None, metavar="THƯ_MỤC", help="thư mục kho câu mẫu bổ sung cần kiểm tra (như --bank)"
    )
    add_bank_option(p)
    p.set_defaults(func=cmd_bank_check)

    p = bsub.add_parser("list", help="liệt kê câu mẫu (các lớp đã gộp) và lớp của từng câu")
    p.add_argument("--section", default=None, metavar="MỤC", help="chỉ liệt kê một mục, ví dụ III.1")
    add_text_json_option(p, "mỗi câu mẫu một dòng")
    add_bank_option(p)
    hidden_alias(p, "--dir", dest="banks", action="append")
    p.set_defaults(func=cmd_bank_list)

    p = bsub.add_parser(
        "show", help="mọi cách viết của một câu mẫu, dựng trên một tệp dữ liệu (mặc định: tệp mẫu kèm theo)"
    )
    p.add_argument("id", metavar="MÃ_CÂU", help="mã câu mẫu, ví dụ uu_diem.lanh_dao_quan_tam")
    p.add_argument("--data", default=None, metavar="TỆP", help="tệp dữ liệu để dựng câu (mặc định: tệp mẫu kèm theo)")
    add_bank_option(p)
    p.set_defaults(func=cmd_bank_show)
