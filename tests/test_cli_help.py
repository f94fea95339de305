"""The command lines speak Vietnamese: help of every command, argparse's errors, one option scheme."""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator

import pytest
from conftest import run_cli

from drafting.argparse_vi import translate
from drafting.cli import build_parser, main
from drafting_tui.main import build_parser as tui_parser

# Words without diacritics that are Vietnamese (or names of formats and tools).
VIETNAMESE = {"cho", "dung", "ghi", "gian", "in", "khen", "khi", "kho", "nay", "ra", "sao", "sau", "song", "sung"}
VIETNAMESE |= {"thay", "theo", "thi", "tin", "tra", "trong", "xem", "mau", "tai", "nam", "cung", "chi"}
IDENTIFIERS = {"cpu", "iii", "yaml", "csv", "docx", "json", "md", "pdf", "txt", "xlsx", "text", "id", "drafting_bank"}
IDENTIFIERS |= {"tinh", "khu", "vuc", "huyen", "cap", "cao", "chung"}  # unit level ids (phrasebank/cap_don_vi.yaml)
ENGLISH = {"usage", "options", "optional", "positional", "arguments", "show", "help", "message", "exit", "the"}
ENGLISH |= {"and", "file", "default", "output", "format", "error", "required", "invalid", "choose", "from"}


def parsers(parser: argparse.ArgumentParser) -> Iterator[argparse.ArgumentParser]:
    """A parser and every subcommand's, at any depth."""
    yield parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                yield from parsers(child)


ALL = [*parsers(build_parser()), tui_parser()]


def prose(parser: argparse.ArgumentParser) -> str:
    """The help without identifiers: program and command names, option strings."""
    text = parser.format_help().replace(parser.prog, " ")
    commands = {
        name for p in ALL for a in p._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices
    }
    text = re.sub(r"^\s+(" + "|".join(sorted(commands)) + r")\b", " ", text, flags=re.M)
    text = re.sub(r"\b[a-z0-9]+(?:[._][a-z0-9]+)+\b", " ", text)  # ids: uu_diem.lanh_dao_quan_tam
    return re.sub(r"(?<![\w-])-{1,2}[\w-]+", " ", text).replace("DRAFTING_BANK", " ")


@pytest.mark.parametrize("parser", ALL, ids=[p.prog for p in ALL])
def test_help_has_no_english(parser: argparse.ArgumentParser) -> None:
    help_text = parser.format_help()
    assert help_text.startswith("cách dùng: ")
    assert "hiện trợ giúp này rồi thoát" in help_text
    assert "tùy chọn:" in help_text
    words = re.findall(r"[^\W\d_]+", prose(parser))
    english = [w for w in words if w.lower() in ENGLISH]
    assert not english, english
    unknown = sorted({w for w in words if w.isascii() and w.lower() not in VIETNAMESE | IDENTIFIERS})
    assert not unknown, f"{parser.prog}: words that may be English: {unknown}"


@pytest.mark.parametrize("parser", ALL, ids=[p.prog for p in ALL])
def test_every_option_has_help(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if action.help == argparse.SUPPRESS:
            continue
        assert action.help, f"{parser.prog}: {action.option_strings or action.dest} has no help"


def test_drafting_help_as_run() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("cách dùng: drafting [-h] LỆNH ...")
    assert "usage" not in result.stdout and "show this help" not in result.stdout


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["render"], "drafting render: lỗi tham số: thiếu đối số bắt buộc: TỆP, -o/--output"),
        (["render", "a.yaml", "-o", "b", "--format", "html"], "“html” không phải lựa chọn hợp lệ (chọn một trong:"),
        (["render", "a.yaml", "-o", "b", "--jobs", "bốn"], "đối số --jobs: “bốn” không phải số nguyên"),
        (["check", "a.yaml", "--khong-co"], "drafting: lỗi tham số: không hiểu đối số: --khong-co"),
        (["khong_co"], "đối số LỆNH: “khong_co” không phải lựa chọn hợp lệ (chọn một trong: new, check,"),
        (["bank"], "drafting bank: lỗi tham số: thiếu đối số bắt buộc: LỆNH"),
        (["new", "a.yaml", "--year"], "đối số --year: cần một giá trị"),
    ],
)
def test_argument_errors_in_vietnamese(capsys: pytest.CaptureFixture[str], argv: list[str], expected: str) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("cách dùng: ") and expected in err, err
    words = re.findall(r"[^\W\d_]+", re.sub(r"(?<![\w-])-{1,2}[\w-]+", " ", err))
    assert not {w.lower() for w in words} & ENGLISH, err


def test_unknown_message_is_kept() -> None:
    assert translate("số giây phải lớn hơn 0, không phải -1") == "số giây phải lớn hơn 0, không phải -1"
    assert translate("argument --x: expected 2 arguments") == "đối số --x: cần 2 giá trị"


def test_same_option_names_in_both_programs() -> None:
    def options(parser: argparse.ArgumentParser) -> dict[str, str]:
        return {s: a.dest for a in parser._actions for s in a.option_strings}

    tui = options(tui_parser())
    new = options(next(p for p in parsers(build_parser()) if p.prog == "drafting new"))
    for name in ("--year", "--sample"):
        assert tui[name] == new[name]
    # The older spellings still work, unseen in the help.
    assert tui["--nam"] == "year" and tui["--mau"] == "sample" and new["--mau"] == "sample"
    help_text = tui_parser().format_help()
    assert "--nam" not in help_text and "--mau" not in help_text
    args = tui_parser().parse_args(["--nam", "2026", "--mau"])
    assert args.year == 2026 and args.sample
