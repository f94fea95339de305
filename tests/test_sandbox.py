"""Template injection in phrase texts fails with a located error and executes nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drafting.bank.bank import load_bank
from drafting.bank.sandbox import TemplateProblem, evaluate_condition, render
from drafting.composition.composer import compose
from drafting.datafile.validate import parse_report
from drafting.errors import ProblemsError

MARKER = Path("/tmp/drafting-sandbox-pwned")

PAYLOADS = [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ so_lieu.__class__.__init__.__globals__ }}",
    "{{ self.__init__.__globals__.__builtins__.__import__('os').system('touch /tmp/drafting-sandbox-pwned') }}",
    "{{ cycler.__init__.__globals__.os.popen('touch /tmp/drafting-sandbox-pwned').read() }}",
    "{{ lipsum.__globals__['os'].system('touch /tmp/drafting-sandbox-pwned') }}",
    "{{ (so_lieu | attr('__class__')).__base__.__subclasses__() }}",
    "{{ range(10**9) | list | length }}",
    "{% for i in range(100000000) %}x{% endfor %}",
    "{{ 'x' * 1000000000 }}",
    "{{ 10 ** 100000000 }}",
    "{{ ''.format.__globals__ }}",
    "{{ namespace.__init__.__globals__ }}",
    "{{ don_vi.update({'ten': 'hacked'}) }}",
    "{{ config.items() }}",
    "{{ request.application.__globals__ }}",
    "{{ so_lieu.an_hinh_su.thu_ly.mro() }}",
]

CONTEXT = {"so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": 1}}}, "don_vi": {"ten": "A"}, "nam": 2024}


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_fails_and_executes_nothing(payload: str) -> None:
    MARKER.unlink(missing_ok=True)
    with pytest.raises(TemplateProblem) as info:
        render(payload, CONTEXT)
    assert info.value.message
    assert not MARKER.exists()
    assert CONTEXT["don_vi"] == {"ten": "A"}


def test_condition_payload_fails() -> None:
    with pytest.raises(TemplateProblem):
        evaluate_condition("so_lieu.__class__.__subclasses__()", CONTEXT)


def test_undefined_values_raise() -> None:
    with pytest.raises(TemplateProblem, match="không tồn tại"):
        render("{{ khong_co }}", {})


@pytest.mark.parametrize("payload", PAYLOADS[:6] + PAYLOADS[6:10])
def test_payload_in_a_phrase_file_is_located(tmp_path: Path, payload: str, sample_text: str) -> None:
    MARKER.unlink(missing_ok=True)
    bank_dir = tmp_path / "cau"
    shipped = Path(__file__).resolve().parent.parent / "phrasebank" / "cau"
    shutil.copytree(shipped, bank_dir)
    escaped = payload.replace("\\", "\\\\").replace('"', '\\"')
    (bank_dir / "zz_tan_cong.yaml").write_text(
        "muc: III.1\ncau:\n  - id: uu_diem.tan_cong\n    chuc_nang: tan_cong\n    cach_viet:\n"
        f'      - "{escaped}"\n      - "{escaped} "\n',
        encoding="utf-8",
    )
    bank = load_bank(bank_dir)
    report = parse_report(
        sample_text.replace("noi_dung:\n", "noi_dung:\n  III.1:\n    - cau: uu_diem.tan_cong\n", 1), "x.yaml"
    )
    if "uu_diem.tan_cong" not in bank.phrases:
        # Refused at load time: located in the phrase file.
        assert any(p.phrase_id == "uu_diem.tan_cong" and p.line for p in bank.problems)
        return
    with pytest.raises(ProblemsError) as info:
        compose(report, bank=bank)
    (problem,) = info.value.problems
    assert problem.phrase_id == "uu_diem.tan_cong"
    assert problem.file.endswith("zz_tan_cong.yaml") and problem.line == 3
    assert not MARKER.exists()


# -- texts rendered without Jinja ----------------------------------------------------

_PIECES = st.sampled_from(
    ["năm ", "{{ nam }}", "{{nam_sau}}", "{{ ten }}", " vụ", "{", "}", "}}", "{{ so | so }}", "{{ thieu }}"]
    + ["\n", "{#", "%", "{%", "-"]
)


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=8),
    nam=st.one_of(st.integers(-10, 3000), st.booleans(), st.floats(0, 10), st.none()),
    ten=st.text(max_size=5),
)
def test_texts_rendered_without_jinja_read_as_jinja_renders_them(pieces: list[str], nam: object, ten: str) -> None:
    """The plain path gives Jinja's output exactly, or hands the text to Jinja."""
    from drafting.bank.jinja_sandbox import RENDER_FAILURES, template
    from drafting.bank.sandbox import _render_plain

    source = "".join(pieces)
    context = {"nam": nam, "nam_sau": 2025, "ten": ten, "so": 1234}
    try:
        expected: str | None = template(source).render(**context)
    except RENDER_FAILURES:
        expected = None
    plain = _render_plain(source, context)
    if plain is not None:
        assert plain == expected, source
    if "{" not in source and not source.endswith("\n"):
        assert plain == source  # no Jinja for a text with nothing to render


def test_outline_headings_render_without_importing_jinja() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from drafting.composition.context import year_context\n"
        "from drafting.bank.bank import default_bank\n"
        "from drafting.bank.sandbox import render\n"
        "outline = default_bank().outline\n"
        "print([render(s.heading, year_context(2024)) for s in outline.sections][-3:])\n"
        "print('jinja2' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    headings, jinja_loaded = out.splitlines()
    assert "2025" in headings and jinja_loaded == "False"
