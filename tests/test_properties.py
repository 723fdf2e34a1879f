"""Property-based tests: any YAML value in any field gives a record or a clear content error, never a traceback.

The values are what a YAML loader can hand over (None, booleans, numbers of
any size, nan and infinities, text with control characters or very long,
dates, nested lists and mappings), put in place of one field of a valid
article or registry entry. Every run tries the same examples
(`derandomize`), so a failure in CI is a failure on every machine.
"""

from __future__ import annotations

import copy
import math
import shutil
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import yaml
from conftest import CONTENT, site_settings
from honours.checks.content import scan_content
from honours.checks.safety import check_personal_data
from honours.core.frontmatter import FrontMatter, ParseError, parse_front_matter
from honours.core.model import LINE_KEYS, ArticleData, parse_article
from honours.core.problems import Problem
from honours.core.registries import AUTHORITY_FILE, AWARD_FILE, UNIT_FILE, load_registries
from honours.core.validation import Checker, field_name
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

REGISTRIES, _problems = load_registries(str(CONTENT / "data"))
assert not _problems

# The same examples on every run and machine; about 60 s for the whole file at most.
BOUNDED = {"derandomize": True, "database": None, "deadline": None,
           "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}

# --- values a YAML loader can produce ----------------------------------------------------------------------------

# Any character a file can hold (no lone surrogates), control characters included.
characters = st.characters(exclude_categories=("Cs",))
long_text = st.builds(lambda part, times: (part * times)[:5000], st.text(characters, min_size=1, max_size=5),
                      st.integers(50, 2500))
texts = st.one_of(
    st.text(characters, max_size=40),
    st.sampled_from(["", " ", "\t", "\n", "\x00", "\x1b[31m", "\u2028", "\ufeff", "a\nb", "Nguyễn\x07Văn",
                     "<script>alert(1)</script>", "=1+1", "-", "@", "0912345678", "001087012345",
                     "chu-tich-ubnd-huyen", "giay-khen", "xa-hoa-son", "published", "2018-02-01", "2018-02-30"]),
    long_text,
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from([0, -1, 1_000_000, 1_000_001, 2017, 1944, 10**18, -(10**18), 10**300, -(10**300)]),
    st.floats(allow_nan=True, allow_infinity=True),
    texts,
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([UTC, timezone(timedelta(hours=7)), timezone(timedelta(hours=-12))])),
)
yaml_values = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.text(characters, max_size=12), children, max_size=4)),
    max_leaves=12,
)

# --- a valid article and the fields to break ---------------------------------------------------------------------

ARTICLE = {
    "title": "Bài kiểm tra",
    "date": datetime(2018, 2, 1, 8, 0),
    "status": "published",
    "author": "Phương Nhung",
    "category": "Thi đua – Khen thưởng",
    "tags": ["tổng kết thi đua", "khen thưởng"],
    "summary": "Tóm tắt bài.",
    "units": ["ubnd-huyen", "xa-hoa-son"],
    "illustrative": False,
    "honours": {
        "year": 2017,
        "awards": [{
            "by": "chu-tich-ubnd-huyen",
            "award": "giay-khen",
            "year": 2017,
            "collectives": 2,
            "individuals": 1,
            "households": 1,
            "recipients": [
                {"unit": "xa-hoa-son"},
                {"name": "Nguyễn Văn An", "unit": "xa-hoa-son"},
                {"household": "Hộ ông Trần Văn Bình", "unit": "xa-hoa-son"},
            ],
            "decision_number": "125/QĐ-UBND",
            "decision_date": date(2018, 1, 20),
            "note": "Ghi chú.",
        }],
    },
}  # fmt: skip
LINE = ("honours", "awards", 0)
RECIPIENT_FIELDS = [(*LINE, "recipients", index, key)
                    for index, recipient in enumerate(ARTICLE["honours"]["awards"][0]["recipients"])
                    for key in recipient]
ARTICLE_FIELDS = [
    ("title",), ("date",), ("status",), ("author",), ("category",), ("tags",), ("tags", 0), ("summary",),
    ("units",), ("units", 1), ("illustrative",), ("honours",), ("honours", "year"), ("honours", "awards"), LINE,
    *((*LINE, key) for key in LINE_KEYS), (*LINE, "recipients", 0), (*LINE, "recipients", 1), *RECIPIENT_FIELDS,
]  # fmt: skip


def replaced(document: dict, path: tuple, value) -> dict:
    """A deep copy of document with the value at path replaced."""
    out = copy.deepcopy(document)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return out


def related(field: str, changed: str) -> bool:
    """Whether a problem's field names the changed key, a key inside it, or a parent of it."""
    return field == changed or changed.startswith((field + ".", field + "[")) or field.startswith(
        (changed + ".", changed + "["))


def allowed_fields(path: tuple) -> list[str]:
    """The fields a bad value at path may be reported at.

    The key itself (or a parent, or a key inside it); and, as the rules tie
    them together, any key of the same award line (counts against named
    recipients, the award against the kinds it is given to, the year against
    the units that existed), and any key of the honours for the date and the
    default year (which bound the years of the lines).
    """
    fields = [field_name(path)]
    if path[: len(LINE)] == LINE:
        fields.append(field_name(LINE))
    if path in (("date",), ("honours", "year")):
        fields.append("honours")
    return fields


def assert_clear(problems: list[Problem], path: str, changed: tuple) -> None:
    """Every problem names the file, a key the changed value explains, and says what is wrong and how to fix it."""
    fields = allowed_fields(changed)
    for problem in problems:
        assert problem.path == path, problem
        assert isinstance(problem.line, int) and problem.line >= 0, problem
        assert problem.message.strip() and problem.hint.strip(), problem
        assert any(related(problem.field, f) for f in fields), (problem, fields)
        assert str(problem).startswith(path)


def test_the_article_to_break_is_valid():
    check = Checker("bai.md", lambda path: 1)
    record = parse_article(check, copy.deepcopy(ARTICLE), REGISTRIES, "bai.md")
    assert check.problems == [] and record is not None and len(record.lines) == 1
    assert record.lines[0].total == 4


@settings(max_examples=2500, **BOUNDED)
@given(path=st.sampled_from(ARTICLE_FIELDS), value=yaml_values)
def test_any_value_in_any_article_field(path, value):
    check = Checker("bai.md", lambda p: 1)
    data = replaced(ARTICLE, path, value)
    check_personal_data(check, data, {})
    record = parse_article(check, data, REGISTRIES, "bai.md")
    assert_clear(check.problems, "bai.md", path)
    if not check.problems:  # accepted: a record with the types the pages rely on
        assert isinstance(record, ArticleData)
        assert isinstance(record.title, str) and record.title and isinstance(record.date, datetime)
        for line in record.lines:
            assert all(isinstance(n, int) and 0 <= n <= 1_000_000
                       for n in (line.collectives, line.individuals, line.households))
            assert all(isinstance(r.display_name, str) and r.display_name for r in line.recipients)


@settings(max_examples=600, **BOUNDED)
@given(path=st.sampled_from(ARTICLE_FIELDS), value=yaml_values)
def test_any_value_written_to_a_file_and_scanned(tmp_path_factory, path, value):
    """The same, through a real file: yaml.safe_dump, the front-matter parser, then the pre-build scan."""
    content = scan_folder(tmp_path_factory)
    data = replaced(ARTICLE, path, value)
    try:
        header = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    except (ValueError, yaml.YAMLError):  # e.g. a number too long for Python to print: not writable
        return
    source = content / "tin-tuc" / "bai.md"
    source.write_text(f"---\n{header}---\nNội dung bài.\n", encoding="utf-8")
    settings_ = site_settings(content, content.parent / "output")
    index = scan_content(settings_, [str(source)], [])
    shown = index.problems[0].path if index.problems else ""
    assert shown.endswith("tin-tuc/bai.md") or not index.problems
    lines = header.count("\n") + 1
    for problem in index.problems:
        assert 0 < problem.line <= lines + 1, problem  # a line of the front-matter
    assert_clear(list(index.problems), shown, path)
    if not index.problems:
        assert set(index.articles) == {str(source)}
    else:
        assert index.articles == {}


_scan_folders: dict = {}


def scan_folder(factory) -> Path:
    """One content folder with the real registries, shared by every example of a test run."""
    if "content" not in _scan_folders:
        content = factory.mktemp("scan") / "content"
        shutil.copytree(CONTENT / "data", content / "data")
        (content / "tin-tuc").mkdir()
        _scan_folders["content"] = content
    return _scan_folders["content"]


# --- registries ----------------------------------------------------------------------------------------------------

REGISTRY = {
    AUTHORITY_FILE: ("authorities", [
        {"slug": "chu-tich-ubnd-huyen", "name": "Chủ tịch UBND huyện", "level": "district", "aliases": ["UBND huyện"]},
        {"slug": "chu-tich-ubnd-tinh", "name": "Chủ tịch UBND tỉnh", "level": "province", "aliases": ["UBND tỉnh"]},
    ]),
    AWARD_FILE: ("awards", [
        {"slug": "bang-khen", "name": "Bằng khen", "kind": "form", "recipients": ["collective", "individual"],
         "rank": 30, "aliases": ["BK"]},
        {"slug": "giay-khen", "name": "Giấy khen", "kind": "form", "recipients": ["collective", "individual"],
         "rank": 43, "aliases": ["GK"]},
    ]),
    UNIT_FILE: ("units", [
        {"slug": "ubnd-huyen", "name": "UBND huyện", "kind": "co-quan"},
        {"slug": "xa-duc-thang", "name": "Đức Thắng", "kind": "xa", "parent": "ubnd-huyen", "aliases": ["Đức Thắng cũ"],
         "valid_from": date(1960, 1, 1), "valid_until": date(2019, 12, 31), "successor": "thi-tran-thang",
         "note": "Nhập vào thị trấn Thắng."},
        {"slug": "thi-tran-thang", "name": "Thắng", "kind": "thi-tran"},
    ]),
}  # fmt: skip
REGISTRY_FIELDS = [(name, ()) for name in REGISTRY] + [(name, (1,)) for name in REGISTRY] + [
    (name, (1, key)) for name, (_, entries) in REGISTRY.items() for key in entries[1]
]


def write_registries(folder: Path, changed: str | None = None, path: tuple = (), value=None) -> None:
    for name, (_, entries) in REGISTRY.items():
        document = entries if name != changed else (value if path == () else replaced(entries, path, value))
        (folder / name).write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_registries_to_break_are_valid(tmp_path):
    write_registries(tmp_path)
    registries, problems = load_registries(str(tmp_path))
    assert problems == [] and len(registries.units) == 3


@settings(max_examples=1200, **BOUNDED)
@given(changed=st.sampled_from(REGISTRY_FIELDS), value=yaml_values)
def test_any_value_in_any_registry_field(tmp_path_factory, changed, value):
    name, path = changed
    folder = registry_folder(tmp_path_factory)
    try:
        write_registries(folder, name, path, value)
    except (ValueError, yaml.YAMLError):
        return
    registries, problems = load_registries(str(folder))
    # The changed key, or any key of its entry (a name against the aliases, a successor against the end date).
    fields = [field_name(path, REGISTRY[name][0]), field_name(path[:1], REGISTRY[name][0])]
    for problem in problems:
        assert problem.path.endswith(name), problem
        assert problem.message.strip() and problem.hint.strip(), problem
        assert problem.field == "" or any(related(problem.field, f) for f in fields), (problem, path)
    if not problems:
        assert all(isinstance(u.name, str) and u.name for u in registries.units.values())
        assert all(isinstance(a.rank, int) for a in registries.awards.values())


_registry_folders: dict = {}


def registry_folder(factory) -> Path:
    if "data" not in _registry_folders:
        _registry_folders["data"] = factory.mktemp("registries")
    return _registry_folders["data"]


# --- arbitrary front-matter text ------------------------------------------------------------------------------------

FRAGMENTS = [
    "title: Bài", "date: 2018-02-01 08:00", "date: 2018-02-30", "date: 2018-13-01 08:00", "x: !!bool maybe",
    "x: !!int abc", "x: !!float abc", "x: !!timestamp 2018-99-99", "x: !!binary '!!!'", "x: !!set {a, b}",
    "x: !!python/object:os.system ls", "x: &a [1, 2]", "y: *a", "y: *missing", "<<: {a: 1}", "<<: 3",
    "? [a, b]\n: c", "honours:", "  awards:", "    - by: x", "  - [", "\t- tab", "key: 'open", 'key: "\\x"',
    "key: \"\\uD800\"", "key: " + "9" * 5000, "key: 0x" + "f" * 5000, "key: 1e999", "key: .nan", "~: null",
    "[1, 2]", "- a", "just text", "key: value: other", "%YAML 1.1", "--- !!map", "...", "---", "",
    "a: " + "[" * 60 + "]" * 60, "a: &x [*x]",
]  # fmt: skip


@settings(max_examples=1500, **BOUNDED)
@given(st.one_of(
    st.text(characters, max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("\n".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(characters, max_size=20)), max_size=8).map("\n".join),
))  # fmt: skip
def test_any_front_matter_text_parses_or_says_where_it_is_wrong(header):
    text = f"---\n{header}\n---\nNội dung.\n"
    try:
        front = parse_front_matter(text)
    except ParseError as error:
        assert error.message.strip() and error.hint.strip()
        assert 1 <= error.line <= text.count("\n") + 1
        return
    assert isinstance(front, FrontMatter) and isinstance(front.data, dict)
    for key in front.data:
        assert 1 <= front.line_of((key,)) <= text.count("\n") + 1


@settings(max_examples=300, **BOUNDED)
@given(st.text(characters, max_size=300))
def test_any_text_at_all(text):
    try:
        front = parse_front_matter(text)
    except ParseError as error:
        assert error.message.strip() and error.line >= 1
        return
    assert isinstance(front.data, dict)


def test_alias_bombs_are_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    lines += ["title: Bài", "date: 2018-02-01 08:00", "honours: {year: 2017, awards: *a9}"]
    try:
        parse_front_matter("---\n" + "\n".join(lines) + "\n---\nx\n")
    except ParseError as error:
        assert "bí danh" in error.message
    else:  # pragma: no cover - the point of the test
        raise AssertionError("a billion-laughs header was accepted")


def test_values_that_yaml_cannot_build_name_their_line():
    text = "---\ntitle: Bài\ndate: 2018-02-30\n---\nx\n"
    try:
        parse_front_matter(text)
    except ParseError as error:
        assert error.line == 3 and "2018-02-30" in error.message
    else:  # pragma: no cover
        raise AssertionError("an impossible date was accepted")
    assert math.isnan(parse_front_matter("---\nx: .nan\n---\n").data["x"])
