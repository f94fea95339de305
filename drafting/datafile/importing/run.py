"""The two commands: write the template, and import a book into a data file."""

from __future__ import annotations

from pathlib import Path

from drafting.bank.bank import Bank
from drafting.datafile.importing.plan import ImportPlan, apply_plan, open_book, plan_import
from drafting.errors import OutputError, Problem, ProblemsError


def import_into(
    book_path: Path,
    into: Path,
    map_path: Path | None,
    bank: Bank,
    *,
    overwrite: bool = False,
    dry_run: bool = False,
) -> ImportPlan:
    """Import ``book_path`` into the data file ``into`` (edited in place through
    :class:`~drafting.editing.draft.Draft`, comments and key order kept). Nothing is
    written on a dry run, when nothing changes, or when any cell cannot be used."""
    from drafting.datafile.importing.mapping import load_map
    from drafting.editing.draft import Draft
    from drafting.files.outputs import check_output_path

    if not into.is_file():
        message = "không tìm thấy tệp dữ liệu; hãy tạo tệp trước (drafting new TÊN_TỆP --year NĂM)"
        raise ProblemsError([Problem(str(into), None, "", message)])
    check_output_path(into, [book_path, *([map_path] if map_path is not None else [])])
    draft = Draft.open(into, bank=bank)
    if draft.path is None:
        raise OutputError(f"{into}: không ghi vào tệp mẫu; hãy chép ra tệp khác (drafting new TÊN_TỆP --sample)")
    layout = load_map(map_path, bank.catalogue) if map_path is not None else None
    plan = plan_import(open_book(book_path), draft, layout, overwrite=overwrite)
    if not dry_run and plan.to_write and apply_plan(plan, draft):
        draft.save()
    return plan


def write_template_file(output: Path, bank: Bank, year: int, force: bool = False) -> None:
    """Write the template; refuse a name that is not ``.xlsx``, and an existing file
    (a filled workbook) unless ``force``."""
    from drafting.datafile.importing.template import write_template

    if output.suffix.lower() != ".xlsx":
        raise OutputError(f"{output}: mẫu bảng tính phải có đuôi .xlsx")
    parent = output.parent if str(output.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{output}: thư mục “{parent}” không tồn tại")
    if output.is_dir():
        raise OutputError(f"{output}: đây là thư mục; hãy ghi tên tệp")
    if output.exists() and not force:
        raise OutputError(f"{output}: tệp đã tồn tại (có thể là bảng tính đã điền); dùng --force để ghi đè")
    write_template(output, bank, year)
