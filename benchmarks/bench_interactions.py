"""The terminal UI's screen changes a writer waits for, against a bare Textual app.

In process, headless at 100×30, on the sample: the time from the key's action to the
first screen refresh that shows the result, for

1. section switch: the editor of another section built and on screen (I, II.1, II.3,
   III.1, IV.3 and Thông tin chung in turn; the preview follows in a worker and is timed
   too, as "section switch → preview");
2. command palette open (Ctrl+P): the palette on screen with its list;
3. dialog open: the help (F1) on screen; the check dialog (F5, checks run first).

A bare Textual app does the same screen changes in the same run: replacing a container's
thirty labelled inputs, opening its command palette, pushing a modal screen with a text
and a button. Goal: each ≤ 100 ms at the 95th percentile (absolute); the ratio to the
bare app is printed.

    .venv/bin/python benchmarks/bench_interactions.py [--runs N]

Ends with ``RESULT name value goal`` lines.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "bao-cao-mau-2024.yaml"
SIZE = (100, 30)
SECTIONS = ("II.1", "II.3", "III.1", "IV.3", "_chung", "I")


async def on_screen(app: Any, ready: Callable[[], bool], timeout: float = 30) -> float:
    """Wait until ``ready()``, then for the refresh after it; the time of that refresh."""
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            raise SystemExit("timed out")
        await asyncio.sleep(0.001)
    shown = asyncio.Event()
    at: list[float] = []

    def stamp() -> None:
        at.append(time.perf_counter())
        shown.set()

    app.screen.call_after_refresh(stamp)
    await asyncio.wait_for(shown.wait(), timeout)
    return at[0]


async def timed(app: Any, action: Callable[[], object], ready: Callable[[], bool]) -> float:
    start = time.perf_counter()
    action()
    return (await on_screen(app, ready) - start) * 1000


async def close_screen(app: Any, pilot: Any) -> None:
    while len(app.screen_stack) > 1:
        app.pop_screen()
        await pilot.pause()
    await pilot.pause()


async def drafting_times(runs: int) -> dict[str, list[float]]:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))
    from textual.command import CommandPalette
    from tui_helpers import wait_settled

    from drafting_tui.app import DraftingApp
    from drafting_tui.check_screen import CheckScreen
    from drafting_tui.screens import HelpScreen

    app = DraftingApp(SAMPLE, cursor_blink=False, autosave=0)
    times: dict[str, list[float]] = {"section": [], "preview": [], "palette": [], "help": [], "check": []}
    async with app.run_test(size=SIZE) as pilot:
        await wait_settled(pilot)
        for i in range(runs):
            section = SECTIONS[i % len(SECTIONS)]
            start = time.perf_counter()
            app.goto_section(section)
            shown = await on_screen(app, lambda s=section: app.section_id == s and app.editor.ready)  # type: ignore[misc]
            times["section"].append((shown - start) * 1000)
            preview = await on_screen(app, lambda: app.preview.ready and app.preview.version == app.draft.version)
            times["preview"].append((preview - start) * 1000)
            await wait_settled(pilot)
            times["palette"].append(
                await timed(app, app.action_command_palette, lambda: isinstance(app.screen, CommandPalette))
            )
            await close_screen(app, pilot)
            times["help"].append(await timed(app, app.action_help, lambda: isinstance(app.screen, HelpScreen)))
            await close_screen(app, pilot)
            times["check"].append(await timed(app, app.action_check, lambda: isinstance(app.screen, CheckScreen)))
            await close_screen(app, pilot)
    return times


async def bare_times(runs: int) -> dict[str, list[float]]:
    from textual.app import App, ComposeResult
    from textual.command import CommandPalette
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import Button, Footer, Header, Input, Label, Static

    class Dialog(ModalScreen[None]):
        def compose(self) -> ComposeResult:
            with Vertical():
                yield Static("Trợ giúp\n" + "Một dòng hướng dẫn.\n" * 20)
                yield Button("Đóng")

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield VerticalScroll(id="body")
            yield Footer()

        async def fill(self, n: int) -> None:
            body = self.query_one("#body")
            await body.remove_children()
            await body.mount_all([Horizontal(Label(f"Ô {n}.{k}"), Input(str(k))) for k in range(30)])
            self.filled = n

    app = Bare()
    app.filled = -1  # type: ignore[attr-defined]
    times: dict[str, list[float]] = {"section": [], "palette": [], "help": []}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for i in range(runs):
            times["section"].append(
                await timed(app, lambda i=i: app.call_later(app.fill, i), lambda i=i: app.filled == i)  # type: ignore[misc]
            )
            await pilot.pause()
            times["palette"].append(
                await timed(app, app.action_command_palette, lambda: isinstance(app.screen, CommandPalette))
            )
            await close_screen(app, pilot)
            dialog = await timed(app, lambda: app.push_screen(Dialog()), lambda: isinstance(app.screen, Dialog))
            times["help"].append(dialog)
            await close_screen(app, pilot)
    return times


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30, help="times each screen change is measured")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="drafting-tui-") as folder:
        cwd = os.getcwd()
        os.chdir(folder)
        try:
            bare = asyncio.run(bare_times(args.runs))
            mine = asyncio.run(drafting_times(args.runs))
        finally:
            os.chdir(cwd)
    rows = (
        ("section switch (editor)", "section", "section"),
        ("section switch → preview", "preview", "section"),
        ("command palette open", "palette", "palette"),
        ("dialog open: help (F1)", "help", "help"),
        ("dialog open: check (F5)", "check", "help"),
    )
    print("milliseconds from the action to the screen showing its result; the bare app does the same change")
    print(f"{'screen change':26} {'median':>7} {'p95':>7} {'bare median':>12} {'bare p95':>9} {'p95 ratio':>9}")
    for name, key, base in rows:
        value, baseline = p95(mine[key]), p95(bare[base])
        medians = f"{statistics.median(mine[key]):7.1f} {value:7.1f} {statistics.median(bare[base]):12.1f}"
        print(f"{name:26} {medians} {baseline:9.1f} {value / baseline:9.2f}")
    print(f"RESULT tui_section_switch_p95_ms {p95(mine['section']):.1f} 100")
    print(f"RESULT tui_palette_open_p95_ms {p95(mine['palette']):.1f} 100")
    print(f"RESULT tui_help_dialog_open_p95_ms {p95(mine['help']):.1f} 100")
    print(f"RESULT tui_check_dialog_open_p95_ms {p95(mine['check']):.1f} 100")


if __name__ == "__main__":
    main()
