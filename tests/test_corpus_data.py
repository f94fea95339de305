"""A corpus of malformed data files, each run through the CLI as a writer would.

``tests/corpus/data/expected.txt`` holds one line per file: the file name, a fragment
of the Vietnamese message the writer must see, and the exit status of ``check``:

- ``render`` always exits 2 (unusable input), writes nothing, and names the file (and
  the line, where the problem has one) on stderr, without a traceback;
- ``check`` exits 2 when the file cannot be read as YAML at all (encoding, syntax,
  aliases, nesting, size) and 1 when it is readable YAML with validation errors.

Every run is bounded in time (30 s) and memory (1.5 GB address space). Huge inputs
are generated at test time instead of being committed.
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from drafting.errors import ProblemsError
from drafting.files.yamlio import MAX_FILE_BYTES, read_yaml_file

CORPUS = Path(__file__).parent / "corpus" / "data"
EXPECTED: dict[str, tuple[str, int]] = {
    name: (fragment, int(code))
    for name, fragment, code in (
        line.split("\t") for line in (CORPUS / "expected.txt").read_text(encoding="utf-8").splitlines() if line
    )
}
# Problems that have no line: the file as a whole is wrong.
WHOLE_FILE = {
    "01_rong.yaml",
    "02_chi_chu_thich.yaml",
    "03_nhi_phan.yaml",
    "04_utf16_le.yaml",
    "05_utf16_be.yaml",
    "08_bom_bi_danh.yaml",
    "09_nhieu_bi_danh.yaml",
    "11_long_sau_khoi.yaml",
    "34_goc_la_danh_sach.yaml",
    "35_goc_la_chuoi.yaml",
}
MEMORY_LIMIT = 1536 * 1024 * 1024
TIMEOUT = 30
VIETNAMESE = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]")


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(*args: str, cwd: Path, timeout: float = TIMEOUT) -> tuple[int, str, str]:
    """Run ``python -m drafting ARGS`` in ``cwd``; a run over the time limit fails."""
    process = subprocess.Popen(
        [sys.executable, "-m", "drafting", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_limit_memory,
    )
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        return -1, "", f"TIMEOUT: {args} did not finish within {timeout} s"
    return process.returncode, out, err


Result = tuple[tuple[int, str, str], tuple[int, str, str]]


def _render_and_check(source: Path) -> Result:
    folder = source.parent
    with ThreadPoolExecutor(2) as pool:
        render = pool.submit(_run, "render", str(source), "-o", str(folder / "out.docx"), cwd=folder)
        check = pool.submit(_run, "check", str(source), cwd=folder)
        return render.result(), check.result()


@pytest.fixture(scope="module")
def corpus_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Result]]:
    """Every corpus file, copied alone into its own folder, through ``render`` and ``check``.

    The runs go through a small pool (the CPU is the limit, not the order)."""
    sources = {}
    for name in EXPECTED:
        folder = tmp_path_factory.mktemp(Path(name).stem)
        shutil.copy(CORPUS / name, folder / name)
        sources[name] = folder / name
    with ThreadPoolExecutor(3) as pool:
        futures = {name: pool.submit(_render_and_check, source) for name, source in sources.items()}
        return {name: (sources[name], future.result()) for name, future in futures.items()}


def assert_unusable(source: Path, result: Result, fragment: str, check_exit: int, has_line: bool) -> None:
    (code, out, err), (check_code, check_out, check_err) = result
    name = str(source)

    # render: exit 2, one located Vietnamese line per problem on stderr, nothing written.
    assert code == 2, (source.name, code, out, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert err.startswith(name), err
    assert fragment in err, err
    assert VIETNAMESE.search(err), err
    if has_line:
        assert re.search(rf"^{re.escape(name)}:\d+: ", err, re.MULTILINE), err
    assert not (source.parent / "out.docx").exists()
    # Nothing else in the folder: no temp file, and no file made by a YAML tag
    # (30_the_python.yaml would "touch drafting-pwned" if tags ran code).
    assert sorted(p.name for p in source.parent.iterdir()) == [source.name], "stray files left behind"

    # check: 2 when unreadable as YAML, 1 when readable but invalid; located either way.
    assert check_code == check_exit, (source.name, check_code, check_out, check_err)
    assert "Traceback" not in check_err
    shown = check_err if check_code == 2 else check_out
    assert fragment in shown, (check_out, check_err)
    assert name in shown
    if has_line:
        assert re.search(rf"{re.escape(name)}:\d+: ", shown), shown


def test_corpus_is_complete() -> None:
    files = {p.name for p in CORPUS.iterdir() if p.name != "expected.txt"}
    assert files == set(EXPECTED)
    assert len(files) >= 30
    assert files >= WHOLE_FILE


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_is_refused_with_a_located_message(
    corpus_runs: dict[str, tuple[Path, Result]], name: str
) -> None:
    fragment, check_exit = EXPECTED[name]
    source, result = corpus_runs[name]
    assert_unusable(source, result, fragment, check_exit, has_line=name not in WHOLE_FILE)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_check_exit_status_follows_readability(name: str) -> None:
    """``check`` gives 2 exactly for the files that cannot be read as YAML (a value the
    parser cannot construct, such as a date that does not exist, is a problem of the
    file's content, reported with the others)."""
    try:
        read_yaml_file(CORPUS / name, keep_bad=True)
    except ProblemsError:
        readable = False
    else:
        readable = True
    assert EXPECTED[name][1] == (1 if readable else 2)


# ----------------------------------------------------------------- generated huge inputs


def test_ten_megabyte_string(tmp_path: Path) -> None:
    source = tmp_path / "lon.yaml"
    with source.open("w", encoding="utf-8") as handle:
        handle.write('nam: 2024\ndon_vi:\n  ten: "')
        handle.write("Tòa án " * (10 * 1024 * 1024 // 8))
        handle.write('"\n')
    assert source.stat().st_size > 10 * 1024 * 1024 > MAX_FILE_BYTES
    assert_unusable(source, _render_and_check(source), "tệp quá lớn", 2, has_line=False)


def test_twenty_thousand_levels_of_nesting(tmp_path: Path) -> None:
    source = tmp_path / "sau.yaml"
    source.write_text("nam: 2024\nso_lieu: " + "[" * 20_000 + "]" * 20_000 + "\n", encoding="utf-8")
    assert_unusable(source, _render_and_check(source), "lồng nhau quá sâu", 2, has_line=True)


def test_alias_amplified_text(tmp_path: Path) -> None:
    """A 300 KB paragraph repeated through 40 aliases would be a 12 MB report."""
    paragraph = "Tòa án nhân dân tỉnh Hoa Sen. " * 10_000
    text = f'nam: 2024\nnoi_dung:\n  I:\n    - &p "{paragraph}"\n' + "    - *p\n" * 40
    source = tmp_path / "bi-danh.yaml"
    source.write_text(text, encoding="utf-8")
    assert_unusable(source, _render_and_check(source), "phình quá lớn", 2, has_line=False)


def test_a_hundred_and_eighty_thousand_short_paragraphs_are_checked(tmp_path: Path) -> None:
    """The lint once tried every typed text against every block: past 90 s here, and
    hours at the size limit. A hang guard (linear work takes seconds), not a timing."""
    source = tmp_path / "nhieu-doan.yaml"
    paragraphs = (f"  - Đ{i:x}  ." if i % 100 == 0 else f"  - Đ{i:x}" for i in range(180_000))
    lines = ["nam: 2024", "noi_dung:", "  I:", *paragraphs]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert source.stat().st_size <= MAX_FILE_BYTES
    code, out, err = _run("check", str(source), cwd=tmp_path, timeout=240)
    assert code == 1, err
    assert "Traceback" not in err
    # Each slip is reported once, at its paragraph's key, and not again as composed text.
    assert out.count("có hai dấu cách liền nhau") == 1_800, out[-400:]
    assert out.count("văn bản báo cáo: ") == 0


# ----------------------------------------------------------------- inputs that are not regular files


def test_a_named_pipe_is_refused_without_waiting(tmp_path: Path) -> None:
    """A FIFO would block the reader until a writer comes (forever, here)."""
    source = tmp_path / "ong.yaml"
    os.mkfifo(source)
    assert_unusable(source, _render_and_check(source), "đường ống", 2, has_line=False)


def test_a_link_to_a_device_is_refused(tmp_path: Path) -> None:
    """/dev/zero reports size 0 and never ends."""
    source = tmp_path / "khong.yaml"
    source.symlink_to("/dev/zero")
    assert_unusable(source, _render_and_check(source), "thiết bị", 2, has_line=False)


def test_a_folder_named_like_a_data_file_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "thu-muc.yaml"
    source.mkdir()
    (render, check) = _render_and_check(source)
    assert render[0] == check[0] == 2
    for _code, _out, err in (render, check):
        assert err.startswith(f"{source}: ") and "thư mục" in err and "Traceback" not in err


def test_the_size_limit_counts_the_bytes_read(tmp_path: Path) -> None:
    """A file of the system that reports size 0 but holds megabytes (``/proc/kallsyms``)."""
    kernel = Path("/proc/kallsyms")
    if not kernel.is_file():
        pytest.skip("no /proc/kallsyms on this system")
    with kernel.open("rb") as handle:
        if len(handle.read(MAX_FILE_BYTES + 1)) <= MAX_FILE_BYTES or kernel.stat().st_size:
            pytest.skip("/proc/kallsyms is small here")
    source = tmp_path / "lon-ngam.yaml"
    source.symlink_to(kernel)
    assert_unusable(source, _render_and_check(source), "tệp quá lớn", 2, has_line=False)


@pytest.mark.parametrize("command", ["consolidate", "new --from", "render (nhiều tệp)", "import"])
def test_a_named_pipe_among_inputs_is_refused(tmp_path: Path, command: str) -> None:
    pipe = tmp_path / ("ong.csv" if command == "import" else "ong.yaml")
    os.mkfifo(pipe)
    sample = Path(__file__).resolve().parent.parent / "examples" / "bao-cao-mau-2024.yaml"
    data = tmp_path / "du-lieu.yaml"
    shutil.copy(sample, data)
    args = {
        "consolidate": ["consolidate", str(sample), str(pipe), "-o", str(tmp_path / "tong.yaml")],
        "new --from": ["new", str(tmp_path / "moi.yaml"), "--from", str(pipe)],
        "render (nhiều tệp)": ["render", str(pipe), str(sample), "-o", str(tmp_path / "ra")],
        "import": ["import", str(pipe), "--into", str(data)],
    }[command]
    code, out, err = _run(*args, cwd=tmp_path)
    assert code == (1 if command.startswith("render") else 2), (code, err)
    assert f"{pipe}: đây là đường ống (FIFO), không phải tệp thường" in err, err
    assert "Traceback" not in err
