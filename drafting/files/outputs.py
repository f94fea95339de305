"""Where an output may go: never onto one of the command's inputs, however named.

One guard for ``render`` (one file or a batch), ``consolidate``, ``new --from`` and the
TUI's export. An output is refused when it is an input file spelled the same or
another way (``./a.yaml``, ``sub/../a.yaml``), a symbolic or hard link to one, or a
data file inside a folder given as input (the next run over the folder would read
the output as one more input).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from drafting.errors import OutputError

__all__ = ["DATA_SUFFIXES", "Inputs", "check_output_path"]

DATA_SUFFIXES = (".yaml", ".yml")


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return Path(os.path.abspath(path))


def _identity(path: Path) -> tuple[int, int] | None:
    """The file's device and inode (the same for every name of one file)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return None
    return status.st_dev, status.st_ino


class Inputs:
    """The inputs of a command, indexed so that each output is checked at once."""

    def __init__(self, inputs: Iterable[Path | str]) -> None:
        self.by_path: dict[Path, Path] = {}
        self.by_identity: dict[tuple[int, int], Path] = {}
        self.folders: dict[Path, Path] = {}
        for item in inputs:
            path = Path(item)
            if path.is_dir():
                self.folders[_resolved(path)] = path
                continue
            self.by_path[_resolved(path)] = path
            identity = _identity(path)
            if identity is not None:
                self.by_identity[identity] = path

    def check(self, output: Path) -> None:
        """Raise :class:`OutputError` when ``output`` cannot be written or is an input."""
        parent = output.parent if str(output.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{output}: thư mục “{parent}” không tồn tại")
        if output.is_dir():
            raise OutputError(f"{output}: đây là thư mục; hãy ghi tên tệp kết quả")
        identity = _identity(output)
        source = self.by_path.get(_resolved(output)) or (self.by_identity.get(identity) if identity else None)
        if source is not None:
            raise OutputError(
                f"{output}: không được ghi đè lên tệp dữ liệu đầu vào ({source}); hãy chọn tên tệp khác"
            )
        folder = self.folders.get(_resolved(output).parent)
        if folder is not None and output.suffix.lower() in DATA_SUFFIXES:
            raise OutputError(
                f"{output}: không được ghi tệp kết quả vào thư mục dữ liệu đầu vào “{folder}”"
                " (lần chạy sau sẽ đọc nó như một đơn vị); hãy chọn thư mục khác"
            )


def check_output_path(output: Path, inputs: Iterable[Path | str]) -> None:
    """Refuse an output that is one of ``inputs`` however named, or that would land as a
    data file in an input folder; explain a missing folder (see the module docstring)."""
    Inputs(inputs).check(output)
