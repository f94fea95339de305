"""``drafting-tui [TỆP]``: open a data file (or a new draft) in the editor."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from drafting.editing.draft import (
    Draft,
)
from drafting_tui.app import DraftingApp


def main(argv: Sequence[str] | None = None) -> int:
    """``drafting-tui [TỆP]``: open a data file (or a new draft) in the editor."""
    parser = argparse.ArgumentParser(
        prog="drafting-tui",
        description="Soạn Báo cáo tổng kết công tác thi đua, khen thưởng của Tòa án nhân dân.",
    )
    parser.add_argument(
        "file", nargs="?", metavar="TỆP", help="tệp dữ liệu YAML; chưa có thì tạo bản nháp mới sẽ lưu vào đó"
    )
    parser.add_argument("--mau", action="store_true", help="mở tệp mẫu (mặc định khi không ghi TỆP)")
    parser.add_argument("--nam", type=int, help="năm báo cáo của bản nháp mới, để trống (không mở tệp mẫu)")
    args = parser.parse_args(argv)
    from drafting.resources import SAMPLE_PATH

    # Without a file the bundled sample opens as a new untitled draft (the sample is never written).
    opens_sample = args.mau or (not args.file and not args.nam)
    path: Path | None = SAMPLE_PATH if opens_sample else (Path(args.file) if args.file else None)
    draft = None
    if args.nam and (path is None or not path.exists()):
        draft = Draft.new(args.nam, path)
    app = DraftingApp(path, draft=draft)
    app.run()
    return 0
