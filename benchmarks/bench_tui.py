"""The terminal UI: cold start against a bare Textual app, and the preview's latency.

1. Cold start. Fresh processes, interleaved, several times: a bare Textual app with a
   Header and a Footer, and ``tui.py`` on the sample, both headless at 120×40. Each
   prints ``READY`` at its first full screen: for the bare app after its first refresh;
   for the editor when the outline, the generated editor of the first section and the
   preview pane are on screen (the preview itself is composed in a worker and follows;
   its time is shown too). The time is measured in the parent, from the start of the
   process to ``READY``, so Python's start and every import count for both (with the
   compiled bytecode cache on, as in an installed copy). Goal: the median ratio at most 2.
2. Keystroke → section preview, in process, on the sample: section II.3 (the largest),
   a digit typed in a figure input, until the composed section is on screen. The
   preview's debounce (150 ms while typing) is set to 0 here to measure the work itself.
   Goal: median under 50 ms.
3. Whole report preview: a keystroke while the preview shows the whole report, until it
   is on screen. Goal: median under 200 ms.

    .venv/bin/python benchmarks/bench_tui.py [--runs N] [--keys N]

Ends with ``RESULT name value goal`` lines.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
SIZE = (120, 40)

BARE = """
import os
from textual.app import App
from textual.widgets import Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield Footer()

    def on_mount(self):
        self.call_after_refresh(self.ready)

    def ready(self):
        os.write(1, b"READY\\n")
        self.exit()

Bare().run(headless=True, size=(120, 40))
"""

EDITOR = """
import os, sys
sys.path.insert(0, {root!r})
from drafting_tui.app import DraftingApp

class Timed(DraftingApp):
    def on_mount(self):
        # As for the bare app: the first refresh after mounting (before the work the
        # application itself defers until then).
        self.call_after_refresh(self.ready)
        self._reported = False
        super().on_mount()
        self.set_interval(0.002, self.poll)

    def poll(self):
        if self._reported and self.preview.ready and self.phrases_loaded:
            os.write(1, b"PREVIEW\\n")
            self.exit()

    def ready(self):
        if not self.editor.ready or not self.query("#editor EditInput"):
            raise SystemExit("the editor is not on the first screen")
        self._reported = True
        os.write(1, b"READY\\n")

Timed({sample!r}, autosave=0).run(headless=True, size=(120, 40))
"""


def timed_start(code: str, cwd: str) -> tuple[float, float]:
    """Seconds from the process start to READY (and to PREVIEW, if printed)."""
    start = time.perf_counter()
    # As installed, with compiled bytecode cached (a sandbox may turn the cache off).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TEXTUAL")}
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd, env=env
    )
    assert process.stdout is not None
    ready = preview = 0.0
    for line in process.stdout:
        if line.startswith(b"READY"):
            ready = time.perf_counter() - start
        elif line.startswith(b"PREVIEW"):
            preview = time.perf_counter() - start
    process.wait()
    if not ready:
        raise SystemExit(f"the app did not start (exit {process.returncode})")
    return ready, preview or ready


async def in_process(keys: int) -> tuple[list[float], list[float]]:
    sys.path.insert(0, str(ROOT))
    from drafting_tui.app import DraftingApp
    from drafting_tui.widgets import EditInput, FigureGroupBox

    app = DraftingApp(SAMPLE, preview_delay=0, cursor_blink=False, autosave=0)
    section_times: list[float] = []
    whole_times: list[float] = []
    async with app.run_test(size=SIZE) as pilot:

        async def until(predicate: Any, timeout: float = 30) -> None:
            deadline = time.monotonic() + timeout
            while not predicate():
                if time.monotonic() > deadline:
                    raise SystemExit("timed out")
                await pilot.pause(0.01)

        def settled() -> bool:
            preview = app.preview
            current = preview.version == app.draft.version
            return bool(app.editor.ready and app.phrases_loaded and preview.ready and current)

        await until(settled)
        app.goto_section("II.3")
        await until(lambda: app.section_id == "II.3" and settled())
        box = next(b for b in app.query(FigureGroupBox) if b.group_id == "an_hinh_su")
        box.collapsed = False
        await until(lambda: bool(box.inputs))
        widget = app.query_one("#fig-an_hinh_su--thu_ly-ky_nay", EditInput)
        widget.focus()

        async def measure(times: list[float], expected: str) -> None:
            for i in range(keys):
                widget.value = str(10 + i % 80)
                await until(settled)
                await pilot.pause()
                widget.action_end()  # the digit typed goes after the value (focus selects it all)
                shown = asyncio.Event()
                at: list[float] = []

                def on_screen(at: list[float] = at, shown: asyncio.Event = shown) -> None:
                    at.append(time.perf_counter())
                    shown.set()

                def listener(result: Any) -> None:
                    if result.version == app.draft.version:
                        app.call_after_refresh(on_screen)

                app.preview.listeners.append(listener)
                start = time.perf_counter()
                await pilot.press("5")
                await asyncio.wait_for(shown.wait(), 30)
                times.append((at[0] - start) * 1000)
                app.preview.listeners.remove(listener)
                if f"{10 + i % 80}5" not in app.preview_plain() or expected not in app.preview_plain():
                    raise SystemExit("the preview does not show the typed figure")

        await measure(section_times, "Án hình sự: thụ lý")
        app.action_toggle_whole()
        await until(lambda: settled() and app.preview.last is not None and app.preview.last.whole)
        await measure(whole_times, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    return section_times, whole_times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="cold starts of each app")
    parser.add_argument("--keys", type=int, default=30, help="keystrokes measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafting-tui-") as folder:
        editor = EDITOR.format(root=str(ROOT), sample=str(SAMPLE))
        timed_start(editor, folder)  # warm the phrase bank's disk cache and the OS caches
        timed_start(BARE, folder)
        bare: list[float] = []
        ready: list[float] = []
        preview: list[float] = []
        for _ in range(args.runs):
            bare.append(timed_start(BARE, folder)[0])
            r, p = timed_start(editor, folder)
            ready.append(r)
            preview.append(p)
    ratios = [r / b for r, b in zip(ready, bare, strict=True)]
    print(f"bare Header+Footer app: median {statistics.median(bare):.3f} s ({', '.join(f'{x:.2f}' for x in bare)})")
    print(f"editor, first full screen: median {statistics.median(ready):.3f} s")
    print(
        f"editor, preview composed: median {statistics.median(preview):.3f} s "
        f"(ratio {statistics.median(preview) / statistics.median(bare):.2f})"
    )

    with tempfile.TemporaryDirectory(prefix="drafting-tui-") as folder:
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            section, whole = asyncio.run(in_process(args.keys))
        finally:
            os.chdir(cwd)
    for name, values in (("section", section), ("whole report", whole)):
        ordered = sorted(values)
        p90 = ordered[int(0.9 * (len(ordered) - 1))]
        print(
            f"keystroke → {name} preview: median {statistics.median(values):.1f} ms, p90 {p90:.1f} ms, "
            f"max {max(values):.1f} ms"
        )
    print(f"RESULT tui_cold_start_ratio {statistics.median(ratios):.2f} 2.0")
    print(f"RESULT tui_keystroke_section_preview_ms {statistics.median(section):.1f} 50")
    print(f"RESULT tui_whole_report_preview_ms {statistics.median(whole):.1f} 200")


if __name__ == "__main__":
    main()
