"""Giao diện soạn Báo cáo tổng kết công tác thi đua, khen thưởng: ``python tui.py [TỆP]``.

A thin launcher kept at the top of the source tree; the application is the
:mod:`drafting_tui` package (installed as the ``drafting-tui`` command).
"""

from __future__ import annotations

import sys

from drafting_tui.main import main

if __name__ == "__main__":
    sys.exit(main())
