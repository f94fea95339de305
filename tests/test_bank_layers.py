"""Phrase banks in layers: overlays on the shipped bank, where they come from, what they say."""

from __future__ import annotations

import hashlib
import json
import pickle
import re
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SAMPLE, run_cli

from drafting import compose, load_report, to_markdown
from drafting.bank.bank import PHRASEBANK_DIR, default_bank, load_bank
from drafting.bank.sources import ENV_VAR, bank_from_sources, overlay_folders, user_folder
from drafting.checks.checker import check_file
from drafting.editing.draft import Draft
from drafting.errors import ProblemsError
from drafting.export.batch import render_batch

REPLACED = "uu_diem.lanh_dao_quan_tam"
ADDED = "uu_diem.cau_cua_don_vi"
OVERLAY = f"""\
muc: III.1
cau:
  - id: {REPLACED}
    nhan_dinh: uu_diem.lanh_dao_quan_tam
    chuc_nang: lanh_dao_quan_tam
    mo_ta: Lãnh đạo quan tâm (cách viết riêng của đơn vị)
    cach_viet:
      - "Cấp ủy, lãnh đạo đơn vị thường xuyên theo sát công tác thi đua của từng Tòa án."
      - "Công tác thi đua luôn được cấp ủy, lãnh đạo đơn vị theo sát, đôn đốc kịp thời."
  - id: {ADDED}
    nhan_dinh: uu_diem.doan_ket_noi_bo
    chuc_nang: doan_ket_rieng
    mo_ta: Đoàn kết nội bộ (câu thêm của đơn vị)
    cach_viet:
      - "Tập thể đơn vị đồng lòng, chia sẻ khó khăn với nhau trong công việc."
      - "Cán bộ, công chức đơn vị gắn bó, hỗ trợ nhau hoàn thành nhiệm vụ."
"""


def shipped_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(PHRASEBANK_DIR.rglob("*.yaml")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def overlay(tmp_path: Path) -> Path:
    folder = tmp_path / "kho-don-vi"
    folder.mkdir()
    (folder / "iii1_rieng.yaml").write_text(OVERLAY, encoding="utf-8")
    return folder


def chosen(tmp_path: Path, *phrase_ids: str) -> Path:
    """The sample with ``phrase_ids`` chosen in III.1."""
    items = "".join(f"    - {{cau: {pid}}}\n" for pid in phrase_ids)
    text = SAMPLE.read_text(encoding="utf-8").replace("\nnoi_dung:\n", f"\nnoi_dung:\n  III.1:\n{items}", 1)
    path = tmp_path / "bao-cao.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_an_overlay_adds_and_replaces_a_phrase_without_touching_the_shipped_bank(overlay: Path, tmp_path: Path) -> None:
    before = shipped_digest()
    shipped = default_bank().get(REPLACED)
    bank = load_bank(overlay)
    assert bank.problems == []
    assert len(bank.phrases) == len(default_bank().phrases) + 1
    replaced, added = bank.get(REPLACED), bank.get(ADDED)
    assert replaced is not None and added is not None and shipped is not None
    assert replaced.variants[0].startswith("Cấp ủy, lãnh đạo đơn vị") and replaced.file.startswith(str(overlay))
    assert bank.replaced(REPLACED) == shipped.file and bank.replaced(ADDED) == ""
    assert bank.layer_of(replaced) == bank.layer_of(added) == bank.layers[1]
    assert bank.layer_of(bank.phrases["uu_diem.dien_hinh"]).shipped
    # The replaced phrase keeps its place in the section's order.
    assert list(bank.phrases).index(REPLACED) == list(default_bank().phrases).index(REPLACED)

    report = load_report(chosen(tmp_path, REPLACED, ADDED), bank)
    text = to_markdown(compose(report, bank))
    assert "theo sát" in text and ("đồng lòng" in text or "gắn bó, hỗ trợ" in text)
    assert "theo sát" not in to_markdown(compose(load_report(SAMPLE)))
    # The shipped bank is as it was, on disk and in memory.
    assert shipped_digest() == before and default_bank().get(REPLACED) == shipped


def test_layers_have_digests_and_pickle_as_their_configuration(overlay: Path) -> None:
    bank = load_bank(overlay)
    assert [layer.shipped for layer in bank.layers] == [True, False]
    assert all(re.fullmatch(r"[0-9a-f]{12}", layer.digest) for layer in bank.layers)
    again = pickle.loads(pickle.dumps(bank))
    assert again.layers == bank.layers and "phrase_set" not in vars(again)  # rebuilt, loaded on use
    (overlay / "iii1_rieng.yaml").write_text(OVERLAY.replace("đồng lòng", "một lòng"), encoding="utf-8")
    assert load_bank(overlay).layers[1].digest != bank.layers[1].digest


def test_batch_rendering_passes_the_bank_to_the_workers(overlay: Path, tmp_path: Path) -> None:
    source = chosen(tmp_path, REPLACED)
    sources = []
    for i in range(4):
        copy = tmp_path / f"don-vi-{i}.yaml"
        shutil.copy(source, copy)
        sources.append(copy)
    result = render_batch(sources, tmp_path / "ra", "md", workers=2, bank=load_bank(overlay))
    assert not result.failures and len(result.written) == 4
    assert all("theo sát" in p.read_text(encoding="utf-8") for p in result.written)


# -- where layers come from ------------------------------------------------------


def test_sources_in_order_user_folder_then_environment_then_option(tmp_path: Path) -> None:
    config = tmp_path / "config"
    user = user_folder({"XDG_CONFIG_HOME": str(config), "APPDATA": str(config)})
    user.mkdir(parents=True)
    a, b, c = (tmp_path / name for name in "abc")
    for folder in (a, b, c):
        folder.mkdir()
    env = {"XDG_CONFIG_HOME": str(config), "APPDATA": str(config), ENV_VAR: f"{a}{__import__('os').pathsep}{b}"}
    assert overlay_folders([c], env) == [user, a, b, c]
    # A folder named twice counts once, where it was named last.
    assert overlay_folders([a], env) == [user, b, a]
    assert overlay_folders([], {"XDG_CONFIG_HOME": str(tmp_path / "khong-co")}) == []
    with pytest.raises(ProblemsError) as caught:
        overlay_folders([tmp_path / "sai"], {ENV_VAR: str(tmp_path / "cung-sai")})
    assert [str(p) for p in caught.value.problems] == [
        f"{tmp_path / 'cung-sai'}: {ENV_VAR}: không có thư mục này; kho câu mẫu bổ sung là một thư mục",
        f"{tmp_path / 'sai'}: --bank: không có thư mục này; kho câu mẫu bổ sung là một thư mục",
    ]
    assert bank_from_sources([], env={}) is default_bank()


def test_windows_user_folder() -> None:
    folder = user_folder({"APPDATA": "C:/Users/an/AppData/Roaming"}, windows=True)
    assert folder.as_posix() == "C:/Users/an/AppData/Roaming/drafting/kho-cau-mau"


def test_the_environment_variable_reaches_every_command(overlay: Path, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    source = chosen(tmp_path, REPLACED)
    env = {**os.environ, ENV_VAR: str(overlay)}
    out = tmp_path / "bao-cao.md"
    done = subprocess.run(
        [sys.executable, "-m", "drafting", "render", str(source), "-o", str(out)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "theo sát" in out.read_text(encoding="utf-8")
    assert str(overlay.absolute()) in done.stdout


# -- what the commands say ---------------------------------------------------------


def test_bank_list_and_check_say_the_layer_of_each_phrase(overlay: Path) -> None:
    listed = run_cli("bank", "list", "--section", "III.1", "--format", "json", "--bank", str(overlay))
    assert listed.returncode == 0, listed.stderr
    by_id = {p["id"]: p for p in json.loads(listed.stdout)}
    digest = load_bank(overlay).layers[1].digest
    assert by_id[REPLACED]["layer"] == str(overlay.absolute()) and by_id[REPLACED]["layer_digest"] == digest
    assert by_id[REPLACED]["replaces"].endswith("iii1_uu_diem.yaml") and by_id[ADDED]["replaces"] is None
    assert by_id["uu_diem.dien_hinh"]["layer"] == "kèm theo"
    text = run_cli("bank", "list", "--section", "III.1", "--dir", str(overlay)).stdout  # --dir: older name
    assert re.search(rf"{REPLACED} .*\[lớp {re.escape(str(overlay.absolute()))}, thay câu cùng mã\]", text)
    checked = run_cli("bank", "check", "--bank", str(overlay))
    assert f"lớp 2: {overlay.absolute()} ({digest}): 2 câu mẫu (1 thay câu mẫu cùng mã của lớp trước)" in checked.stdout
    assert re.search(r"lớp 1: kèm theo \([0-9a-f]{12}\): \d+ câu mẫu\n", checked.stdout)


def test_check_and_render_print_the_active_layers(overlay: Path, tmp_path: Path) -> None:
    digests = [layer.digest for layer in load_bank(overlay).layers]
    line = f"Kho câu mẫu: kèm theo ({digests[0]}); {overlay.absolute()} ({digests[1]})"
    checked = run_cli("check", str(SAMPLE), "--bank", str(overlay))
    assert line in checked.stdout.splitlines()
    rendered = run_cli("render", str(SAMPLE), "-o", str(tmp_path / "x.md"), "--bank", str(overlay))
    assert rendered.returncode == 0 and line in rendered.stdout.splitlines()
    as_json = json.loads(run_cli("check", str(SAMPLE), "--format", "json", "--kho", str(overlay)).stdout)
    assert as_json["kho_cau_mau"] == [
        {"lop": "kèm theo", "ma": digests[0]},
        {"lop": str(overlay.absolute()), "ma": digests[1]},
    ]
    missing = run_cli("render", str(SAMPLE), "-o", str(tmp_path / "y.md"), "--bank", str(tmp_path / "khong-co"))
    assert missing.returncode == 2 and "--bank: không có thư mục này" in missing.stderr
    assert not (tmp_path / "y.md").exists()


# -- the draft records its layers ------------------------------------------------------


def test_the_draft_records_its_layers_and_a_change_is_reported(overlay: Path, tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    shutil.copy(SAMPLE, path)
    draft = Draft.open(path)
    assert draft.notes == ()
    draft.save()
    digest = default_bank().layers[0].digest
    assert f"kho_cau_mau: [{{lop: kèm theo, ma: {digest}}}]\n" in path.read_text(encoding="utf-8")
    assert [f.message for f in check_file(path).warnings] == [f.message for f in check_file(SAMPLE).warnings]
    assert Draft.open(path).notes == ()

    # The same file with another bank: the editor and check say so, at the record's line.
    bank = load_bank(overlay)
    reopened = Draft.open(path, bank=bank)
    (note,) = reopened.notes
    assert note.startswith("kho câu mẫu đã đổi từ lần lưu trước (khi lưu: kèm theo") and not reopened.dirty
    warnings = [f for f in check_file(path, bank).warnings if f.key == "kho_cau_mau"]
    line = next(
        i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if t.startswith("kho_cau_mau")
    )
    assert [(w.line, w.message) for w in warnings] == [(line, note)]
    # Saving records the new layers; then there is nothing more to say.
    reopened.save()
    assert Draft.open(path, bank=bank).notes == ()
    assert str(overlay.absolute()) in path.read_text(encoding="utf-8")


def test_a_wrong_record_is_located(tmp_path: Path) -> None:
    path = tmp_path / "bao-cao.yaml"
    path.write_text(
        SAMPLE.read_text(encoding="utf-8").replace("phien_ban: 3\n", "phien_ban: 3\nkho_cau_mau: [{lop: x, ma: 12}]\n"),
        encoding="utf-8",
    )
    result = run_cli("check", str(path))
    assert result.returncode == 1
    assert f"{path}:23: kho_cau_mau[0].ma: mã nội dung phải là 12 chữ số thập lục phân" in result.stdout


def test_the_tui_takes_the_same_option(overlay: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import drafting_tui.main as tui_main

    opened: list[Draft] = []

    class FakeApp:
        def __init__(self, path: object, draft: Draft) -> None:
            opened.append(draft)

        def run(self) -> None:
            pass

    monkeypatch.setattr(tui_main, "DraftingApp", FakeApp)
    assert tui_main.main(["--sample", "--bank", str(overlay)]) == 0
    (draft,) = opened
    assert [layer.folder for layer in draft.bank.layers[1:]] == [overlay]
    assert tui_main.main(["--bank", str(overlay / "khong-co")]) == 2
