"""Where the phrase bank's overlay layers come from, in order, for the programs.

On top of the shipped bank, ``drafting`` and ``drafting-tui`` add, in this order (a
later layer adds phrases and replaces earlier ones with the same id):

1. the user's folder, when it exists: ``%APPDATA%\\drafting\\kho-cau-mau`` on Windows,
   ``$XDG_CONFIG_HOME/drafting/kho-cau-mau`` elsewhere (by default
   ``~/.config/drafting/kho-cau-mau``): :func:`user_folder`;
2. the folders named by the environment variable ``DRAFTING_BANK``, separated by
   ``os.pathsep`` (``;`` on Windows, ``:`` elsewhere);
3. the folders given with ``--bank`` (repeatable), in order.

A folder named in 2 or 3 that does not exist is an error (a typo must not silently
give another report). The library itself does not read the environment:
:func:`~drafting.bank.bank.default_bank` is the shipped bank alone, and a program
passes :func:`bank_from_sources` where it wants the user's layers.

>>> user_folder({"APPDATA": r"C:\\Users\\an\\AppData\\Roaming"}, windows=True).parts[-2:]
('drafting', 'kho-cau-mau')
>>> user_folder({"XDG_CONFIG_HOME": "/tmp/cfg"}, windows=False).as_posix()
'/tmp/cfg/drafting/kho-cau-mau'
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from drafting.bank.bank import Bank, default_bank, load_bank
from drafting.errors import Problem, ProblemsError

ENV_VAR = "DRAFTING_BANK"
"""The environment variable naming overlay folders."""
FOLDER_NAME = "kho-cau-mau"
"""The name of the user's overlay folder inside the configuration folder."""


def user_folder(env: Mapping[str, str] | None = None, *, windows: bool | None = None) -> Path:
    """The user's overlay folder (used only when it exists)."""
    env = os.environ if env is None else env
    windows = os.name == "nt" if windows is None else windows
    if windows:
        base = Path(env["APPDATA"]) if env.get("APPDATA") else Path.home() / "AppData" / "Roaming"
    else:
        base = Path(env["XDG_CONFIG_HOME"]) if env.get("XDG_CONFIG_HOME") else Path.home() / ".config"
    return base / "drafting" / FOLDER_NAME


def overlay_folders(given: Sequence[Path | str] = (), env: Mapping[str, str] | None = None) -> list[Path]:
    """The overlay folders in the documented order (see the module docstring); raises
    :class:`ProblemsError` naming every folder given that does not exist."""
    env = os.environ if env is None else env
    found: list[Path] = []
    problems: list[Problem] = []
    user = user_folder(env)
    if user.is_dir():
        found.append(user)
    for entry in (env.get(ENV_VAR) or "").split(os.pathsep):
        if entry.strip():
            _add(found, problems, Path(entry.strip()), f"{ENV_VAR}: ")
    for folder in given:
        _add(found, problems, Path(folder), "--bank: ")
    if problems:
        raise ProblemsError(problems)
    # A folder named twice counts once, where it was named last (the later wins).
    out: list[Path] = []
    for folder in reversed(found):
        if not any(_same(folder, f) for f in out):
            out.insert(0, folder)
    return out


def _add(found: list[Path], problems: list[Problem], folder: Path, origin: str) -> None:
    if folder.is_dir():
        found.append(folder)
    else:
        what = "không có thư mục này" if not folder.exists() else "không phải thư mục"
        problems.append(Problem(str(folder), None, "", f"{origin}{what}; kho câu mẫu bổ sung là một thư mục"))


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a == b


def bank_from_sources(
    given: Sequence[Path | str] = (), *, style: bool = False, env: Mapping[str, str] | None = None
) -> Bank:
    """The shipped bank with the user's folder, ``DRAFTING_BANK`` and ``given`` on top
    (without any: the shipped bank of :func:`~drafting.bank.bank.default_bank`)."""
    folders = overlay_folders(given, env)
    if not folders and not style:
        return default_bank()
    return load_bank(*folders, style=style)


def describe_layers(bank: Bank) -> str:
    """The active layers, for ``check`` and ``render`` to print.

    >>> from drafting.bank.bank import default_bank
    >>> describe_layers(default_bank()).startswith("Kho câu mẫu: kèm theo (")
    True
    """
    return "Kho câu mẫu: " + "; ".join(layer.name + f" ({layer.digest})" for layer in bank.layers)
