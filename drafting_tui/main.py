"""``drafting-tui [TỆP]``: open a data file (or a new draft) in the editor."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from drafting.argparse_vi import Parser, hidden_alias
from drafting.cli_support import add_bank_option, bank_of
from drafting.editing.draft import (
    Draft,
)
from drafting_tui.app import DraftingApp


def build_parser() -> argparse.ArgumentParser:
    """The options of ``drafting-tui``: the same names as ``drafting``'s (``--year``,
    ``--sample``, ``--bank``), the older ``--nam`` and ``--mau`` kept as hidden aliases."""
    parser = Parser(
        prog="drafting-tui",
        description="Soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.",
    )
    parser.add_argument(
        "file", nargs="?", metavar="TỆP", help="tệp dữ liệu YAML; chưa có thì tạo bản nháp mới sẽ lưu vào đó"
    )
    parser.add_argument("--sample", action="store_true", help="mở tệp mẫu (mặc định khi không ghi TỆP)")
    hidden_alias(parser, "--mau", dest="sample", action="store_true")
    parser.add_argument(
        "--year", type=int, metavar="NĂM", help="năm báo cáo của bản nháp mới, để trống (không mở tệp mẫu)"
    )
    hidden_alias(parser, "--nam", dest="year", type=int)
    add_bank_option(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """``drafting-tui [TỆP]``: open a data file (or a new draft) in the editor."""
    args = build_parser().parse_args(argv)
    from drafting.errors import ProblemsError
    from drafting.resources import SAMPLE_PATH

    try:
        bank = bank_of(args)
    except ProblemsError as exc:
        for problem in exc.problems:
            sys.stderr.write(f"{problem}\n")
        return 2

    # Without a file the bundled sample opens as a new untitled draft (the sample is never written).
    opens_sample = args.sample or (not args.file and not args.year)
    path: Path | None = SAMPLE_PATH if opens_sample else (Path(args.file) if args.file else None)
    if args.year and (path is None or not path.exists()):
        draft = Draft.new(args.year, path, bank=bank)
    else:
        draft = Draft.open_or_new(path, bank=bank, defer=True)
    # The phrases are loaded after the first screen (the bank comes with the draft).
    app = DraftingApp(path, draft=draft)
    app.run()
    return 0
