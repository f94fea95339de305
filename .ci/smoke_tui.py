"""Smoke test of the installed terminal UI (run by .ci/smoke-wheel from an empty folder).

Opens ``mau.yaml`` (written by ``drafting new mau.yaml --sample``) headless, checks that
the stylesheet shipped in the wheel is loaded and applied, types into the signer's name
field and waits for the autosave file. Exits non-zero with a message on any failure.
"""

from __future__ import annotations

import asyncio
import sys
import sysconfig
from pathlib import Path

from drafting_tui.app import DraftingApp


async def main() -> int:
    target = Path("mau.yaml").resolve()
    app = DraftingApp(target, autosave=0.2, cursor_blink=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause(0.5)
        sheets = [Path(str(p)) for p in app.css_path]
        site = Path(sysconfig.get_paths()["purelib"]).resolve()
        shipped = [p for p in sheets if p.name == "tui.tcss" and p.resolve().is_relative_to(site)]
        if not shipped or not shipped[0].is_file():
            print(f"stylesheet not loaded from the installation: {sheets}", file=sys.stderr)
            return 1
        sources = {str(source[0]) for source in app.stylesheet.source}
        if not any(s.endswith("tui.tcss") for s in sources):
            print(f"stylesheet not parsed: {sorted(sources)[:5]}", file=sys.stderr)
            return 1
        app.draft.set_unit_text("nguoi_ky", "Trần Văn Kiểm Thử")
        recovery = target.with_name("mau.autosave.yaml")
        for _ in range(50):
            await pilot.pause(0.1)
            if recovery.is_file() and "Trần Văn Kiểm Thử" in recovery.read_text(encoding="utf-8"):
                break
        else:
            print(f"autosave did not write {recovery}", file=sys.stderr)
            return 1
    print("TUI: stylesheet loaded from the wheel, autosave written")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
