"""PDF export: a .docx converted by LibreOffice running headless.

Each conversion uses its own temporary LibreOffice profile
(``-env:UserInstallation``), so several conversions can run at once, and even
while the writer has LibreOffice open. The PDF is moved into place atomically.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from drafting.errors import OutputError
from drafting.files import atomic

__all__ = ["convert_to_pdf", "soffice_path"]

NOT_INSTALLED = (
    "Không tìm thấy LibreOffice (soffice) để chuyển báo cáo sang PDF; cài đặt gói"
    " libreoffice-writer-nogui (Debian/Ubuntu: sudo apt-get install"
    " libreoffice-writer-nogui) hoặc LibreOffice từ https://www.libreoffice.org,"
    " rồi thử lại. Tệp Word (.docx) vẫn dùng được."
)

_KNOWN_LOCATIONS = (
    "/usr/bin/soffice",
    "/usr/local/bin/soffice",
    "/opt/libreoffice/program/soffice",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def soffice_path() -> str | None:
    """The LibreOffice executable, or ``None`` when LibreOffice is not installed."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in _KNOWN_LOCATIONS:
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def convert_to_pdf(docx_path: Path, pdf_path: Path, timeout: float = 180) -> None:
    """Convert ``docx_path`` to ``pdf_path`` with LibreOffice.

    Raises :class:`~drafting.errors.OutputError` with a Vietnamese message when
    LibreOffice is missing, the conversion fails or takes longer than ``timeout``
    seconds, or the PDF cannot be written.
    """
    docx_path = Path(docx_path)
    pdf_path = Path(pdf_path)
    soffice = soffice_path()
    if soffice is None:
        raise OutputError(NOT_INSTALLED)
    if not docx_path.is_file():
        raise OutputError(f"Không chuyển được sang PDF: không có tệp “{docx_path}”.")
    target_dir = pdf_path.parent
    if not target_dir.is_dir():
        raise OutputError(f"Không ghi được “{pdf_path}”: thư mục “{target_dir}” không tồn tại.")

    with tempfile.TemporaryDirectory(prefix="drafting-pdf-") as work:
        work_dir = Path(work)
        profile = work_dir / "profile"
        outdir = work_dir / "out"
        outdir.mkdir()
        # A plain ASCII name: LibreOffice names the PDF after its input.
        source = work_dir / "baocao.docx"
        shutil.copyfile(docx_path, source)
        command = [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--nologo",
            "--nodefault",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outdir),
            str(source),
        ]
        returncode, output = _run(command, timeout)
        produced = outdir / "baocao.pdf"
        if returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            detail = _last_lines(output)
            raise OutputError(
                f"LibreOffice không chuyển được “{docx_path.name}” sang PDF"
                f" (mã thoát {returncode})" + (f": {detail}" if detail else ".")
            )
        atomic.write_bytes(pdf_path, produced.read_bytes())


def _run(command: list[str], timeout: float) -> tuple[int, str]:
    """Run LibreOffice; on timeout kill it and everything it started."""
    posix = sys.platform != "win32"
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=posix,
        )
    except OSError as exc:
        raise OutputError(
            f"Không chạy được LibreOffice ({command[0]}): {exc.strerror or exc}."
        ) from exc
    try:
        raw, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        _kill(process, posix)
        raise OutputError(
            f"LibreOffice không chuyển xong sang PDF sau {timeout:g} giây; đã dừng."
            " Hãy thử lại, hoặc mở tệp .docx và xuất PDF bằng tay."
        ) from exc
    return process.returncode, raw.decode("utf-8", errors="replace")


def _kill(process: subprocess.Popen[bytes], posix: bool) -> None:
    if posix:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
    process.communicate()


def _last_lines(output: str, count: int = 3) -> str:
    lines = [
        line.strip()
        for line in output.splitlines()
        if line.strip() and "javaldx" not in line and not line.startswith("convert ")
    ]
    return " ".join(lines[-count:])
