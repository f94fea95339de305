"""The corpus of today's data files opens, checks and renders as it did (#12).

``tests/corpus/hien_nay/`` holds data files written in the formats in use: the sample,
a fresh skeleton, a new year carried over from the sample, a file with pinned variants
(``cach_viet``), its own seed (``tuy_chon.hat_giong``), targets and movements of its
own, a second unit, their consolidation and a minimal file. ``ket_qua/`` beside them
holds what the code gave for each file when the corpus was made: the Markdown and the
text rendering and ``check --format json`` (with its exit status).

Every file must open as a draft, check and render exactly as stored. They are files of
format version 1 (no ``phien_ban``): opening one migrates it in memory to the current
format — its text gains ``phien_ban: 2`` after the year and nothing else, the draft is
marked changed with a note — and ``check`` and ``render`` say so on stderr, naming the
migration (:mod:`drafting.datafile.migrate`). A change that alters the output on
purpose updates the stored files and lists the differences in its commit message:

    .venv/bin/python tests/test_corpus_today.py --update     # rewrite ket_qua/, print the diff
"""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script
    sys.path.insert(0, str(ROOT))

from drafting.cli import main  # noqa: E402
from drafting.datafile.migrate import CURRENT, MIGRATIONS  # noqa: E402
from drafting.editing.draft import Draft  # noqa: E402

CORPUS = ROOT / "tests" / "corpus" / "hien_nay"
RESULTS = CORPUS / "ket_qua"
FILES = sorted(p.name for p in CORPUS.glob("*.yaml"))


def _run(*args: str) -> tuple[int, str, str]:
    """``drafting ARGS`` in process, from the corpus folder (so messages name files relatively)."""
    import contextlib
    import io
    import os

    out, err = io.StringIO(), io.StringIO()
    here = Path.cwd()
    os.chdir(CORPUS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(list(args))
    finally:
        os.chdir(here)
    return code, out.getvalue(), err.getvalue()


def outputs(name: str, folder: Path, notes: list[str] | None = None) -> dict[str, str]:
    """What the code gives for corpus file ``name``: ``{result file name: text}`` (and what
    ``check`` and ``render`` said on stderr, in ``notes``)."""
    stem = Path(name).stem
    results: dict[str, str] = {}
    code, out, err = _run("check", name, "--format", "json")
    results[f"{stem}.check.json"] = json.dumps(
        {"exit": code, "check": json.loads(out)}, ensure_ascii=False, indent=2, sort_keys=False
    )
    said = [err]
    for fmt in ("md", "txt"):
        target = folder / f"{stem}.{fmt}"
        code, _, err = _run("render", name, "-o", str(target), "--format", fmt)
        assert code == 0, err
        said.append(err)
        results[target.name] = target.read_text(encoding="utf-8")
    if notes is not None:
        notes += said
    return results


@pytest.mark.parametrize("name", FILES)
def test_corpus_file_opens_checks_and_renders_as_stored(name: str, tmp_path: Path) -> None:
    path = CORPUS / name
    text = path.read_text(encoding="utf-8")
    year = next(line for line in text.splitlines() if line.startswith("nam: "))
    draft = Draft.open(path)
    assert draft.text() == text.replace(year + "\n", f"{year}\nphien_ban: {CURRENT}\n", 1)
    assert draft.dirty and len(draft.notes) == len(MIGRATIONS) and "them_phien_ban" in draft.notes[0]
    draft.report()  # validates
    said: list[str] = []
    for result, output in outputs(name, tmp_path, said).items():
        stored = (RESULTS / result).read_text(encoding="utf-8")
        assert output == stored, f"{result} differs from the stored result:\n" + _diff(stored, output, result)
    assert all(err.startswith(f"{name}: cảnh báo: tệp viết theo định dạng phiên bản 1") for err in said), said
    assert all("(them_phien_ban:" in err for err in said)


def test_corpus_is_complete() -> None:
    stems = {Path(n).stem for n in FILES}
    stored = {p.name.split(".", 1)[0] for p in RESULTS.iterdir()}
    assert stems == stored
    assert len(FILES) >= 7


def _diff(old: str, new: str, name: str) -> str:
    lines = difflib.unified_diff(old.splitlines(), new.splitlines(), f"a/{name}", f"b/{name}", lineterm="", n=1)
    return "\n".join(lines)


def update() -> None:
    """Rewrite ``ket_qua/`` from the current code and print what changed."""
    import tempfile

    RESULTS.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in FILES:
            for result, text in outputs(name, Path(folder)).items():
                target = RESULTS / result
                old = target.read_text(encoding="utf-8") if target.exists() else ""
                if old != text:
                    print(_diff(old, text, result) if old else f"(mới) {result}")
                    target.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--update"]:
        raise SystemExit(__doc__)
    update()
