"""What every ``drafting`` command shares: exit codes, messages, the ``--bank`` option.

Every command takes ``--bank DIR`` (repeatable; ``--kho`` is a hidden alias): overlay
folders of the phrase bank, after the user's folder and ``DRAFTING_BANK``
(:mod:`drafting.bank.sources`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any, TextIO

from drafting.argparse_vi import Parser, hidden_alias
from drafting.bank.bank import Bank
from drafting.errors import Problem, one_line

EXIT_OK, EXIT_PROBLEMS, EXIT_UNUSABLE = 0, 1, 2

BANK_HELP = (
    "thư mục kho câu mẫu bổ sung: câu mẫu trong đó thêm vào hoặc thay câu mẫu cùng mã; ghi nhiều lần được,"
    " thư mục ghi sau được ưu tiên (sau thư mục kho câu mẫu của người dùng và biến môi trường DRAFTING_BANK)"
)


def add_text_json_option(parser: argparse.ArgumentParser, text: str) -> None:
    """``--format text|json``: how a command prints its result (``text``: what ``text`` prints)."""
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        metavar="ĐỊNH_DẠNG",
        help=f"cách in kết quả: text ({text}, mặc định) hoặc json",
    )


def add_bank_option(parser: argparse.ArgumentParser) -> None:
    """``--bank THƯ_MỤC`` (repeatable), and its hidden Vietnamese alias ``--kho``."""
    parser.add_argument("--bank", dest="banks", action="append", default=[], metavar="THƯ_MỤC", help=BANK_HELP)
    hidden_alias(parser, "--kho", dest="banks", action="append")


def bank_of(args: argparse.Namespace, *extra: str, style: bool = False) -> Bank:
    """The bank of a command: the shipped one with the user's folder, ``DRAFTING_BANK``,
    the ``--bank`` folders and ``extra`` on top."""
    from drafting.bank.sources import bank_from_sources

    return bank_from_sources([*args.banks, *extra], style=style)


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        sys.stderr.write(f"{problem}\n")


def print_notes(source: object, notes: Sequence[str]) -> None:
    """Say on stderr what was done to read an older file (never silently)."""
    for note in notes:
        sys.stderr.write(one_line(f"{source}: cảnh báo: {note}") + "\n")


def say_layers(bank: Bank, stream: TextIO | None = None) -> None:
    """Print the active layers of the bank with their digests (standard output by default)."""
    from drafting.bank.sources import describe_layers

    print(one_line(describe_layers(bank)), file=stream if stream is not None else sys.stdout)


class Commands:
    """A parser's subcommands, each described by its help as a sentence."""

    def __init__(self, action: Any) -> None:
        self.action = action
        self.parsers: list[argparse.ArgumentParser] = []

    @classmethod
    def of(cls, parser: argparse.ArgumentParser, dest: str) -> Commands:
        return cls(
            parser.add_subparsers(
                title="lệnh",
                dest=dest,
                metavar="LỆNH",
                help="một trong các lệnh sau",
                required=True,
                parser_class=Parser,
            )
        )

    def add_parser(self, name: str, help: str, description: str | None = None) -> argparse.ArgumentParser:
        text = description or help[:1].upper() + help[1:] + "."
        parser: argparse.ArgumentParser = self.action.add_parser(name, help=help, description=text)
        self.parsers.append(parser)
        return parser

    def commands(self, parser: argparse.ArgumentParser, dest: str) -> Commands:
        """The subcommands of one of these commands (``bank check``)."""
        return Commands.of(parser, dest)
