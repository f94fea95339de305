"""A round-trip YAML document being edited and the file it belongs to: versions, saving,
the lost-update check, recovery files.

A :class:`Session` counts changes (:attr:`~Session.version`) against the version last
saved and the version last written to the recovery file; it saves atomically, refuses
to save over a file another writer changed since it was read (unless told to), and
keeps unsaved changes in a recovery file beside the data file (``bao-cao.yaml`` →
``bao-cao.autosave.yaml``, or in the current folder for a document never saved).
:class:`~drafting.editing.draft.Draft` is the session of a report data file.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Self, cast

from drafting.errors import FileChangedError, OutputError, Problem, ProblemsError
from drafting.files import atomic, yamlio
from drafting.files.inputs import FileStamp, stamp_of
from drafting.files.yamlio import dump_yaml, read_yaml_with_stamp
from drafting.resources import EXAMPLES_DIR

if TYPE_CHECKING:
    from ruamel.yaml.comments import CommentedMap

NOT_A_MAPPING = "tệp dữ liệu phải là bảng khóa (mapping) ở cấp ngoài cùng"
RECOVERY_SUFFIX = ".autosave.yaml"
UNTITLED_RECOVERY = "bao-cao-chua-luu" + RECOVERY_SUFFIX
UNTITLED_NAME = "<bản nháp chưa lưu>"


def recovery_path(path: Path | None) -> Path:
    """Where unsaved changes of ``path`` are kept (the current folder for a new draft).

    >>> recovery_path(Path("du-lieu/bao-cao.yaml")).as_posix()
    'du-lieu/bao-cao.autosave.yaml'
    """
    if path is None:
        return Path.cwd() / UNTITLED_RECOVERY
    return path.with_name(path.stem + RECOVERY_SUFFIX)


def is_bundled(path: Path) -> bool:
    """Whether ``path`` is one of the bundled sample files (never modified)."""
    try:
        return path.resolve().parent == EXAMPLES_DIR and path.suffix in (".yaml", ".yml")
    except OSError:
        return False


def same_path(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (spelled differently, or through a link)."""
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def read_mapping(path: Path) -> tuple[CommentedMap | None, str, FileStamp]:
    """A YAML file's round-trip document (``None``: the file is empty), its text and stamp;
    raises :class:`ProblemsError` when it is not YAML describing a mapping."""
    from ruamel.yaml.comments import CommentedMap

    data, text, stamp = read_yaml_with_stamp(path)
    if data is not None and not isinstance(data, CommentedMap):
        raise ProblemsError([Problem(str(path), 1, "", NOT_A_MAPPING)])
    return data, text, stamp


class Session:
    """A round-trip document being edited (see the module docstring).

    ``path`` is where it is saved (``None``: untitled); ``source`` the file it was read
    from; ``stamp`` that file as read or last saved (``None``: there was no file),
    checked before saving over it so that another writer's change is never lost.
    """

    def __init__(
        self,
        doc: CommentedMap,
        path: Path | None,
        *,
        source: Path | None = None,
        problems: Sequence[Problem] = (),
        exists: bool = True,
        text: str = "",
        stamp: FileStamp | None = None,
    ) -> None:
        self._doc = doc
        self._source_text = text
        self.path = path
        self.source = source or path
        self.stamp = stamp
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.exists = exists
        self.version = 0
        self._saved_version = 0
        self._recovered_version = 0
        self.listeners: list[Callable[[Self], None]] = []
        self.notes: tuple[str, ...] = ()
        """What was done to the file when it was read (format migrations), for the editor to say."""

    # ------------------------------------------------------------------ the document

    @property
    def doc(self) -> CommentedMap:
        """The round-trip document (comments and key order kept on save)."""
        return self._doc

    @doc.setter
    def doc(self, value: CommentedMap) -> None:
        self._doc = value

    @property
    def data(self) -> CommentedMap:
        """What the file holds, for reading (the round-trip document)."""
        return self._doc

    @property
    def document_loaded(self) -> bool:
        """Always true: the document is read when the file is opened."""
        return True

    def load_document(self) -> None:
        """Nothing to do: the document is read when the file is opened (kept for editors
        that call it after their first screen)."""

    def adopt(self) -> tuple[str, ...]:
        """Bring a document just read up to date; return notes of what was done (a
        subclass migrates older formats; the session itself changes nothing)."""
        return ()

    def _adopted(self) -> None:
        notes = self.adopt()
        if notes:
            self.notes = notes
            self.changed()

    # ------------------------------------------------------------------ versions

    @property
    def dirty(self) -> bool:
        """Whether there are changes not saved to :attr:`path`."""
        return self.version != self._saved_version

    @property
    def untitled(self) -> bool:
        return self.path is None

    @property
    def filename(self) -> str:
        return str(self.path) if self.path is not None else UNTITLED_NAME

    def changed(self) -> None:
        """Record a change (every edit calls it)."""
        self.version += 1
        for listener in list(self.listeners):
            listener(cast(Self, self))

    def text(self) -> str:
        """The YAML text of the document (comments and key order kept)."""
        if self._source_text and self.version == 0:
            return self._source_text
        return dump_yaml(self._doc)

    # ------------------------------------------------------------------ saving

    def save(self, path: Path | str | None = None, *, overwrite: bool = False) -> Path:
        """Write the document atomically to ``path`` (default :attr:`path`) and make it the
        session's file; the recovery file is removed. Refuses a bundled sample.

        Saving over the session's own file first checks that the file is still the one
        read (or last saved); if another program or window changed it, raises
        :class:`~drafting.errors.FileChangedError` unless ``overwrite`` says to replace it
        anyway. Saving to another path replaces whatever is there (the writer chose it).
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise OutputError("bản nháp chưa có tên tệp: hãy chọn nơi lưu")
        if is_bundled(target):
            raise OutputError(f"{target}: không ghi đè lên tệp mẫu; hãy lưu với tên khác")
        parent = target.parent if str(target.parent) else Path(".")
        if not parent.is_dir():
            raise OutputError(f"{target}: thư mục “{parent}” không tồn tại")
        if target.is_dir():
            raise OutputError(f"{target}: đây là thư mục; hãy ghi tên tệp")
        if not overwrite and self.path is not None and same_path(target, self.path):
            self._check_unchanged(target)
        old_recovery = recovery_path(self.path)
        content = self.text().encode("utf-8")
        atomic.write_bytes(target, content)
        self.stamp = FileStamp.of(target.stat(), content)
        self.path = target
        self.source = target
        self.exists = True
        self._saved_version = self.version
        self._recovered_version = self.version
        for recovery in {old_recovery, recovery_path(target)}:
            recovery.unlink(missing_ok=True)
        return target

    def disk_changed(self) -> bool:
        """Whether the session's file changed on disk since it was read or last saved."""
        if self.path is None:
            return False
        if self.stamp is None:
            return os.path.lexists(self.path)
        now = stamp_of(self.path, yamlio.MAX_FILE_BYTES)
        return now is None or now.digest != self.stamp.digest

    def _check_unchanged(self, target: Path) -> None:
        if not self.disk_changed():
            return
        if self.stamp is not None and not os.path.lexists(target):
            what = "tệp đã bị xóa hoặc đổi tên từ khi mở"
        else:
            what = "tệp đã bị thay đổi trên đĩa từ khi mở (bởi cửa sổ hoặc chương trình khác)"
        raise FileChangedError(
            target,
            f"{target}: {what}; chưa lưu để không làm mất thay đổi đó: hãy tải lại tệp,"
            " lưu đè có chủ ý, hoặc lưu sang tệp khác",
        )

    def reload(self) -> None:
        """Read the session's file again as it is on disk now; unsaved changes are dropped
        (the recovery file is kept until the next save). A document that :meth:`adopt`
        changes (an older format) stays changed."""
        if self.path is None:
            raise OutputError("bản nháp chưa có tên tệp: không có gì để tải lại")
        fresh = self.reopen()
        self._doc, self._source_text, self.stamp = fresh._doc, fresh._source_text, fresh.stamp
        self.exists = fresh.exists
        self.problems = ()
        self.notes = fresh.notes
        self.changed()
        if not fresh.notes:
            self._saved_version = self.version
        self._recovered_version = self.version

    def reopen(self) -> Session:
        """A new session of :attr:`path` as it is on disk now (see :meth:`reload`)."""
        assert self.path is not None
        doc, text, stamp = read_mapping(self.path)
        if doc is None:
            raise ProblemsError([Problem(str(self.path), None, "", "tệp rỗng")])
        fresh = Session(doc, self.path, text=text, stamp=stamp)
        fresh._adopted()
        return fresh

    # ------------------------------------------------------------------ recovery

    @property
    def recovery_file(self) -> Path:
        return recovery_path(self.path)

    def write_recovery(self, force: bool = False) -> Path | None:
        """Write unsaved changes to the recovery file; ``None`` when there is nothing new."""
        if not self.dirty or (self._recovered_version == self.version and not force):
            return None
        target = self.recovery_file
        atomic.write_text(target, self.text())
        self._recovered_version = self.version
        return target

    @staticmethod
    def has_recovery(path: Path | str | None) -> bool:
        """Whether unsaved changes of ``path`` (``None``: an untitled draft) were kept and
        differ from the file."""
        p = Path(path) if path is not None else None
        if p is not None and is_bundled(p):
            p = None
        recovery = recovery_path(p)
        if not recovery.is_file():
            return False
        if p is not None and p.is_file():
            try:
                return recovery.read_bytes() != p.read_bytes()
            except OSError:
                return True
        return True

    def restore_recovery(self) -> None:
        """Replace the document by the recovery file's (the session becomes unsaved)."""
        from ruamel.yaml.comments import CommentedMap

        doc, _, _ = read_yaml_with_stamp(self.recovery_file)
        if not isinstance(doc, CommentedMap):
            raise ProblemsError([Problem(str(self.recovery_file), 1, "", "bản tự lưu không phải bảng khóa (mapping)")])
        self._doc = doc
        self._adopted()
        self.changed()
        self._recovered_version = self.version

    def discard_recovery(self) -> None:
        self.recovery_file.unlink(missing_ok=True)
        self._recovered_version = self.version
