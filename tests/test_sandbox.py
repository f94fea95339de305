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
        "muc: III.1\ncau:\n  - id: uu_diem.tan_cong\n    nhan_dinh: uu_diem.doan_ket_noi_bo\n    cach_viet:\n"
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


# -- the bounds change no output ---------------------------------------------------------

_PIECES = st.sampled_from(
    ["năm ", "{{ nam }}", "{{nam_sau}}", "{{ ten }}", " vụ", "Tòa án", "{", "}", "}}", "{{ so | so }}", "{{ thieu }}"]
    + ["\n", "\r", "\r\n", "{#", "#}", "#", "%", "{%", "%}", "-", "{{ 'a' ~ nam ~ ten }}", "{{ [nam, ten] }}"]
    + ["{% for i in range(2) %}", "{% endfor %}", "{% if nam %}", "{% endif %}", "{{ '%s·' % ten }}", "{{ nam * 2 }}"]
)


@settings(max_examples=400, deadline=None)
@given(
    pieces=st.lists(_PIECES, max_size=8),
    nam=st.one_of(st.integers(-10, 3000), st.booleans(), st.floats(0, 10), st.none()),
    ten=st.text(max_size=5),
)
def test_texts_render_as_plain_jinja_renders_them(pieces: list[str], nam: object, ten: str) -> None:
    """The bounded sandbox gives, byte for byte, what an unrestricted Jinja environment
    gives (line breaks "\r\n" and "\r" included), or both fail."""
    import jinja2

    from drafting.vi.filters import register_filters

    reference = jinja2.Environment(undefined=jinja2.StrictUndefined, keep_trailing_newline=False)
    register_filters(reference)
    source = "".join(pieces)
    context = {"nam": nam, "nam_sau": 2025, "ten": ten, "so": 1234}
    try:
        expected: str | None = reference.from_string(source).render(**context)
    except Exception:
        expected = None
    try:
        got: str | None = render(source, context)
    except TemplateProblem:
        got = None
    assert got == expected, source


# -- bounded work: refused before the work, with the limit named ---------------------------

BIG = "{% set s = 'x' * 20000 %}"

REFUSED = [
    ("{{ 'x'.center(999999999) }}", "phương thức center"),
    ("{{ 'x'.ljust(10**9) ~ 'x'.zfill(10**9) }}", "phương thức ljust"),
    ("{{ '\t'.expandtabs(10**9) }}", "phương thức expandtabs"),
    ("{{ ('ab' * 5000).replace('', 'yy') }}", "phương thức replace"),
    ("{{ ('y' * 100).join(range(1000)|map('string')) }}", "phương thức join"),
    ("{{ range(1000)|join('y' * 100) }}", "bộ lọc join"),
    (BIG + "{{ [s, s]|length }}", "danh sách tạo giá trị"),
    (BIG + "{{ s|list|length }}", "bộ lọc list tạo giá trị"),
    (BIG + "{{ (s + s)|length }}", "phép + tạo giá trị"),
    ("{% set s = 'x' * 15000 %}{{ [s] * 2 }}", "phép *"),
    ("{{ 'x' * 10**9 }}", "phép *"),
    ("{{ (10**500) * (10**600) }}", "phép * tạo số nguyên"),
    ("{{ '%*d' % (10**9, 1) }}", "độ rộng “*”"),
    ("{% set d = {'a': 'x' * 9000} %}{{ '%(a)s%(a)s%(a)s' % d }}", "phép %"),
    ("{{ 'x'|wordwrap(5, wrapstring='y' * 20000) }}", "bộ lọc wordwrap"),
    ("{% set a = [1] * 3000 %}{% set b = [a, a, a, a, a] %}{{ b|string }}", "danh sách tạo giá trị"),
    ("{% for c in 'x' * 400 %}{% for d in 'x' * 400 %}{% endfor %}{% endfor %}", "số bước tính"),
    (
        "{% for i in range(1000) %}{% for j in range(60) %}{% endfor %}{% endfor %}"
        "{% for i in range(1000) %}{% for j in range(60) %}{% endfor %}{% endfor %}",
        "số bước tính",
    ),
    ("{% for i in range(1000) %}{{ 'x' * 100 }}{% endfor %}", "độ dài kết quả"),
    ("{{ range(10**30)|length }}", "range"),
    ("{% for i in range(3) recursive %}{{ loop([1]) }}{% endfor %}", "recursive"),
    ("{% set x %}a{% endset %}{{ x }}", "{% set %}…{% endset %}"),
    ("{% filter upper %}a{% endfilter %}", "{% filter %}"),
    ("{% call range(1) %}a{% endcall %}", "{% call %}"),
]


@pytest.mark.parametrize(("source", "limit"), REFUSED)
def test_bounds_refuse_with_the_limit_named(source: str, limit: str) -> None:
    with pytest.raises(TemplateProblem) as info:
        render(source, CONTEXT)
    assert limit in info.value.message
    assert info.value.kind in ("limit", "syntax")


def test_a_loop_of_a_thousand_and_ordinary_texts_stay_allowed() -> None:
    assert len(render("{% for i in range(1000) %}{{ i % 10 }}{% endfor %}", {})) == 1000
    assert render("{{ 'x' * 20000 }}", {}) == "x" * 20000
    assert render("{{ '%05.1f%%' % 3.25 }} {{ 2 ** 64 }}", {}) == "003.2% 18446744073709551616"


class _Exhausting:
    """A value whose text cannot be built (as when memory runs out)."""

    def __str__(self) -> str:
        raise MemoryError


def test_running_out_of_memory_is_a_named_limit_never_an_empty_message() -> None:
    with pytest.raises(TemplateProblem) as info:
        render("Giá trị: {{ x }}", {"x": _Exhausting()})
    assert info.value.kind == "limit" and info.value.message == "vượt giới hạn bộ nhớ khi tính mẫu"
    with pytest.raises(TemplateProblem) as info:
        evaluate_condition("x|string|length > 0", {"x": _Exhausting()})
    assert info.value.kind == "limit"


def test_a_condition_on_a_missing_figure_is_unknown_any_other_failure_is_an_error() -> None:
    figures = {"so_lieu": {"an_hinh_su": {"thu_ly": {"ky_nay": None, "cung_ky": 0}}}}
    with pytest.raises(TemplateProblem) as info:
        evaluate_condition("so_lieu.an_hinh_su.thu_ly.ky_nay > 5", figures)
    assert info.value.kind == "missing"
    with pytest.raises(TemplateProblem) as info:
        evaluate_condition("10 / so_lieu.an_hinh_su.thu_ly.cung_ky > 5", figures)
    assert info.value.kind == "error" and "division by zero" in info.value.message


def test_a_phrase_condition_is_refused_its_claim_decides(tmp_path: Path) -> None:
    """A Jinja condition on a phrase is refused at its line: when a phrase is said is its
    claim's structured condition (``phrasebank/nhan_dinh.yaml``), never a template."""
    bank_dir = tmp_path / "cau"
    shutil.copytree(Path(__file__).resolve().parent.parent / "phrasebank" / "cau", bank_dir)
    (bank_dir / "zz_dieu_kien.yaml").write_text(
        "muc: III.2\ncau:\n"
        "  - id: han_che.chia_khong\n    nhan_dinh: han_che.tranh_tung\n"
        '    dieu_kien: "so_lieu.an_hinh_su.thu_ly.ky_nay // 0 > 1"\n'
        '    cach_viet: ["Còn hạn chế."]\n',
        encoding="utf-8",
    )
    bank = load_bank(bank_dir)
    assert "han_che.chia_khong" not in bank.phrases
    (problem,) = [p for p in bank.problems if p.phrase_id == "han_che.chia_khong"]
    assert problem.line == 5 and problem.file.endswith("zz_dieu_kien.yaml")
    assert "không còn khóa “dieu_kien”" in problem.message and "nhan_dinh" in problem.message


def test_filters_count_what_they_read_so_a_loop_of_scans_is_bounded() -> None:
    # 20.000 characters read by a Python-level filter a thousand times: 2.000 steps each.
    source = "{% set s = 'xy' * 10000 %}{% for i in range(1000) %}{% if s|max %}{% endif %}{% endfor %}"
    with pytest.raises(TemplateProblem, match="số bước tính"):
        render(source, {})
    with pytest.raises(TemplateProblem, match="số bước tính"):
        render(source.replace("s|max", "s.count('x')"), {})
