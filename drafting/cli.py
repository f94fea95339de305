"""The command line: ``drafting new|check|render|bank …`` (also ``python -m drafting``).

Exit status: 0 success; 1 ``check`` found problems; 2 unusable input or arguments,
with one located Vietnamese line per problem on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from drafting.errors import DraftingError, OutputError, Problem, ProblemsError, one_line

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        sys.stderr.write(f"drafting: lỗi tham số: {message}\n")
        raise SystemExit(EXIT_UNUSABLE)


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"{problem}\n")


def cmd_new(args: argparse.Namespace) -> int:
    from drafting.datafile.skeleton import write_skeleton

    target = Path(args.file)
    if target.exists() and not args.force:
        raise OutputError(f"{target}: tệp đã tồn tại; dùng --force để ghi đè, hoặc chọn tên khác")
    from drafting.bank.bank import default_bank

    bank = default_bank()
    if args.sample and (args.from_file or args.year):
        raise OutputError("--sample chép nguyên tệp mẫu năm 2024; không dùng cùng --from hoặc --year")
    if args.sample:
        from drafting.files import atomic
        from drafting.resources import SAMPLE_PATH

        atomic.write_bytes(target, SAMPLE_PATH.read_bytes())
    elif args.from_file:
        from drafting.datafile.carryover import carry_over

        carry_over(Path(args.from_file), target, bank)
    else:
        write_skeleton(target, bank, year=args.year)
    print(one_line(f"Đã tạo {target}"))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from drafting.checks.checker import check_file

    try:
        result = check_file(Path(args.file))
    except ProblemsError as exc:
        # Not readable as YAML at all: unusable input.
        if args.format == "json":
            errors = [
                {"file": p.file, "line": p.line, "key": p.key, "section": "", "message": p.message}
                for p in exc.problems
            ]
            print(json.dumps({"errors": errors, "warnings": [], "missing": []}, ensure_ascii=False, indent=2))
        _print_problems(exc.problems)
        return EXIT_UNUSABLE
    _print_notes(result.source, result.notes)
    if args.format == "json":
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=2))
        return result.exit_code
    groups = (("Lỗi", result.errors), ("Cảnh báo", result.warnings), ("Còn thiếu", result.missing))
    for title, findings in groups:
        if findings:
            print(f"{title} ({len(findings)}):")
            for finding in findings:
                print(f"  {finding}")
    summary = f"{len(result.errors)} lỗi, {len(result.warnings)} cảnh báo, {len(result.missing)} mục còn thiếu"
    if not (result.errors or result.warnings or result.missing):
        print(one_line(f"{args.file}: không có lỗi, đủ nội dung theo đề cương."))
    else:
        print(one_line(f"{args.file}: {summary}."))
    return result.exit_code


def _print_notes(source: object, notes: Sequence[str]) -> None:
    """Say on stderr what was done to read an older file (never silently)."""
    for note in notes:
        sys.stderr.write(one_line(f"{source}: cảnh báo: {note}") + "\n")


def _problem_json(problem: Problem) -> dict[str, object]:
    return {
        "file": problem.file,
        "line": problem.line,
        "key": problem.key,
        "phrase_id": problem.phrase_id or None,
        "severity": problem.severity,
        "message": problem.message,
    }


def _render_to_stdout(source: Path, fmt: str | None) -> int:
    """``render FILE -o -``: the report's bytes on standard output (Word and PDF only
    to a pipe or a file, never to a terminal)."""
    from drafting.export.render import output_format, render_bytes

    kind = output_format(Path("-"), fmt)
    if kind in ("docx", "pdf") and sys.stdout.isatty():
        name = "Word (.docx)" if kind == "docx" else "PDF"
        raise OutputError(
            f"-: không ghi tệp {name} ra màn hình; hãy chuyển hướng sang tệp (> bao-cao.{kind}),"
            " dùng -o TỆP, hoặc chọn --format md hay --format txt để đọc trên màn hình"
        )
    data = render_bytes(source, kind)
    sys.stdout.flush()
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        # The reader stopped early (``| head``): nothing more to say to it.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return EXIT_UNUSABLE
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    output = Path(args.output)
    inputs = [Path(f) for f in args.files]
    if args.output == "-":
        if len(inputs) != 1 or inputs[0].is_dir():
            raise OutputError("-: đầu ra chuẩn chỉ nhận một báo cáo; hãy ghi nhiều báo cáo vào một thư mục")
        return _render_to_stdout(inputs[0], args.format)
    batch = len(inputs) > 1 or any(p.is_dir() for p in inputs) or output.is_dir() or args.output.endswith(("/", "\\"))
    if not batch:
        from drafting.export.render import render_file

        notes: list[str] = []
        written = render_file(inputs[0], output, args.format, notes=notes)
        _print_notes(inputs[0], notes)
        print(one_line(f"Đã ghi {written}"))
        return EXIT_OK
    from drafting.export.batch import TIMEOUT, Progress, collect_inputs, render_batch

    for path in inputs:
        if not path.exists():
            raise ProblemsError([Problem(str(path), None, "", "không tìm thấy tệp hoặc thư mục")])
    sources = collect_inputs(inputs)
    if not sources:
        raise OutputError(f"{', '.join(args.files)}: thư mục không có tệp dữ liệu (.yaml) nào để xuất")
    parent = output.parent if str(output.parent) else Path(".")
    if not output.is_dir() and not parent.is_dir():
        raise OutputError(f"{output}: thư mục “{parent}” không tồn tại")
    fmt = args.format or "docx"
    timeout = args.timeout if args.timeout is not None else TIMEOUT
    result = render_batch(sources, output, fmt, args.jobs, Progress(len(sources)), timeout)
    for source, note in result.notes:
        _print_notes(source, [note])
    print(one_line(f"Đã ghi {len(result.written)}/{len(sources)} báo cáo vào {output}"))
    if result.failures:
        sys.stderr.write(f"Không xuất được {len(result.failures)} tệp:\n")
        for source, messages in result.failures:
            for message in messages:
                line = message if message.startswith(str(source)) else f"{source}: {message}"
                sys.stderr.write(f"  {one_line(line)}\n")
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_consolidate(args: argparse.Namespace) -> int:
    from drafting.datafile.consolidate import consolidate

    output = Path(args.output)
    for path in map(Path, args.files):
        if not path.exists():
            raise ProblemsError([Problem(str(path), None, "", "không tìm thấy tệp hoặc thư mục")])
    result = consolidate([Path(f) for f in args.files], output, Path(args.unit) if args.unit else None, args.jobs)
    _print_problems(result.warnings)
    print(one_line(f"Đã tổng hợp {len(result.units)} đơn vị (năm {result.year}) vào {output}"))
    return EXIT_OK


def cmd_bank_check(args: argparse.Namespace) -> int:
    from drafting.bank.bank import lint_bank
    from drafting.checks.bank_trial import trial_problems

    bank = lint_bank(*([Path(args.dir)] if args.dir else []))
    problems = list(bank.problems)
    try:
        _ = bank.rules
    except ProblemsError as exc:
        problems.extend(exc.problems)
    problems.extend(trial_problems(bank))
    if problems:
        _print_problems(problems)
        sys.stderr.write(f"{len(problems)} vấn đề trong kho câu mẫu.\n")
        return EXIT_UNUSABLE
    print(
        f"Kho câu mẫu hợp lệ: {len(bank.phrases)} câu mẫu, "
        f"{sum(len(p.variants) for p in bank.phrases.values())} cách viết."
    )
    return EXIT_OK


BASIS_LABELS = {
    "so_lieu": "theo số liệu",
    "xac_nhan": "cần xác nhận",
    "de_xuat": "đề xuất",
    "quy_uoc": "quy ước",
}


def cmd_bank_list(args: argparse.Namespace) -> int:
    from drafting.bank.bank import load_bank

    bank = load_bank(*([Path(args.dir)] if args.dir else []))
    phrases = [p for p in bank.phrases.values() if not args.section or p.section == args.section]
    if args.format == "json":
        print(json.dumps([p.as_json() for p in phrases], ensure_ascii=False, indent=2))
    else:
        for p in phrases:
            claim = bank.claims.get(p.claim)
            basis = f"  [{BASIS_LABELS.get(claim.basis, claim.basis)}]" if claim else ""
            print(f"{p.section:7} {p.id:45} {len(p.variants)} cách viết  {p.description}{basis}")
    _print_problems(bank.problems)
    return EXIT_UNUSABLE if bank.problems else EXIT_OK


def _seconds(text: str) -> float:
    """A positive number of seconds ("2,5" or "2.5")."""
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số giây") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"số giây phải lớn hơn 0, không phải {text}")
    return value


def cmd_import(args: argparse.Namespace) -> int:
    """``import BOOK --into FILE [--map MAP]`` and ``import --template OUT.xlsx --year Y``."""
    from drafting.bank.bank import default_bank
    from drafting.datafile.importing.run import import_into, write_template_file

    bank = default_bank()
    if args.template:
        if args.book or args.into or args.map:
            raise OutputError("--template chỉ tạo mẫu bảng tính; không dùng cùng BOOK, --into hoặc --map")
        if args.year is None:
            raise OutputError("--template cần --year: năm báo cáo của mẫu (ví dụ --year 2025)")
        write_template_file(Path(args.template), bank, args.year, force=args.force)
        print(f"Đã tạo mẫu bảng tính {args.template} (năm {args.year})")
        return EXIT_OK
    if not args.book or not args.into:
        raise OutputError("cần bảng tính và tệp dữ liệu: drafting import BẢNG_TÍNH.xlsx --into TỆP.yaml")
    from drafting.datafile.importing.summary import report_lines

    plan = import_into(
        Path(args.book),
        Path(args.into),
        Path(args.map) if args.map else None,
        bank,
        overwrite=args.overwrite,
        dry_run=args.dry_run,
    )
    print("\n".join(report_lines(plan, bank.catalogue, dry_run=args.dry_run)))
    if not args.dry_run:
        print(f"Đã ghi {args.into}." if plan.to_write else f"Không có gì mới: {args.into} giữ nguyên.")
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="drafting", description="Trợ lý soạn Báo cáo tổng kết công tác thi đua, khen thưởng.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("new", help="tạo tệp dữ liệu mới, đủ mọi trường, có chú thích")
    p.add_argument("file")
    p.add_argument("--year", type=int, default=None, help="năm báo cáo (mặc định: năm nay)")
    p.add_argument("--from", dest="from_file", default=None, help="chuyển số liệu từ tệp năm trước")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp đã có")
    p.add_argument("--sample", "--mau", action="store_true", help="chép tệp mẫu kèm theo (báo cáo mẫu năm 2024)")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("check", help="kiểm tra tệp dữ liệu")
    p.add_argument("file")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("render", help="xuất báo cáo ra docx, md, txt hoặc pdf (một tệp, nhiều tệp hoặc thư mục)")
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp dữ liệu hoặc thư mục chứa các tệp .yaml")
    p.add_argument(
        "-o",
        "--output",
        required=True,
        help="tệp kết quả (một tệp), thư mục kết quả (nhiều tệp), hoặc - cho đầu ra chuẩn",
    )
    p.add_argument("--format", choices=("docx", "md", "txt", "pdf"), default=None)
    p.add_argument("--jobs", type=int, default=None, help="số tiến trình song song (mặc định: số lõi CPU)")
    p.add_argument(
        "--timeout",
        "--gioi-han-giay",
        type=_seconds,
        default=None,
        metavar="GIÂY",
        help="khi xuất nhiều tệp: thời gian tối đa cho mỗi tệp, tính bằng giây (mặc định: 60);"
        " tệp quá thời gian được dừng và báo lỗi, các tệp khác vẫn được xuất",
    )
    p.set_defaults(func=cmd_render)

    p = sub.add_parser("consolidate", help="tổng hợp tệp dữ liệu của nhiều đơn vị thành một tệp")
    p.add_argument("files", nargs="+", metavar="FILE", help="tệp dữ liệu hoặc thư mục chứa các tệp .yaml")
    p.add_argument("-o", "--output", required=True, help="tệp dữ liệu tổng hợp")
    p.add_argument("--unit", default=None, help="tệp dữ liệu của đơn vị tổng hợp (thông tin đơn vị, nội dung)")
    p.add_argument("--jobs", type=int, default=None, help="số tiến trình song song (mặc định: số lõi CPU)")
    p.set_defaults(func=cmd_consolidate)

    p = sub.add_parser("import", help="nhập số liệu từ bảng tính thống kê (.xlsx, .csv) vào tệp dữ liệu")
    p.add_argument("book", nargs="?", metavar="BẢNG_TÍNH", help="bảng tính .xlsx hoặc tệp .csv")
    p.add_argument("--into", default=None, metavar="TỆP", help="tệp dữ liệu nhận số liệu (sửa tại chỗ, giữ chú thích)")
    p.add_argument("--map", default=None, metavar="BẢN_ĐỒ", help="bản đồ ô số liệu (.yaml); mặc định: bố cục của mẫu")
    p.add_argument("--dry-run", action="store_true", help="chỉ xem trước báo cáo, không ghi gì")
    p.add_argument("--overwrite", action="store_true", help="thay giá trị trong tệp dữ liệu khác bảng tính")
    p.add_argument("--template", default=None, metavar="MẪU.xlsx", help="tạo mẫu bảng tính để đơn vị điền số liệu")
    p.add_argument("--year", type=int, default=None, help="năm báo cáo của mẫu bảng tính")
    p.add_argument("--force", action="store_true", help="ghi đè mẫu bảng tính nếu tệp đã có")
    p.set_defaults(func=cmd_import)

    bank = sub.add_parser("bank", help="kho câu mẫu")
    bsub = bank.add_subparsers(dest="bank_command", required=True, parser_class=_Parser)
    p = bsub.add_parser("check", help="kiểm tra kho câu mẫu")
    p.add_argument("dir", nargs="?", default=None)
    p.set_defaults(func=cmd_bank_check)
    p = bsub.add_parser("list", help="liệt kê câu mẫu")
    p.add_argument("--section", default=None, help="chỉ liệt kê một mục, ví dụ III.1")
    p.add_argument("--format", choices=("text", "json"), default="text")
    p.add_argument("--dir", default=None)
    p.set_defaults(func=cmd_bank_list)
    return parser


def utf8_streams() -> None:
    """Write standard output and error in UTF-8 whatever the locale's code page (a
    Windows console set to cp1258 or cp1252, output redirected to a file or a pipe), and
    escape what UTF-8 cannot hold (a lone surrogate in a file name) instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "").replace("_", "")
        if isinstance(stream, io.TextIOWrapper):
            if encoding != "utf8":
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            else:
                stream.reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; return the exit status."""
    utf8_streams()
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ProblemsError as exc:
        _print_problems(exc.problems)
        return EXIT_UNUSABLE
    except DraftingError as exc:
        sys.stderr.write(f"{one_line(str(exc))}\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        sys.stderr.write("Đã dừng.\n")
        return EXIT_UNUSABLE
    except OSError as exc:
        place = exc.filename if exc.filename is not None else "drafting"
        sys.stderr.write(one_line(f"{place}: lỗi ghi/đọc tệp: {exc.strerror or exc}") + "\n")
        return EXIT_UNUSABLE


def run() -> NoReturn:
    """The ``drafting`` program: :func:`main`, exiting with its status."""
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    run()
