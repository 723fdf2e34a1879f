"""Each bad input an editor can write stops the build with a message naming the file and the key."""

from __future__ import annotations

import json
import logging
import textwrap
import unicodedata

import pytest
from conftest import CONTENT, read_page
from honours.core.problems import ContentErrors

ARTICLE = "tin-tuc/2018/bai-kiem-tra.md"


def article(awards: str = "", head: str = "", year: str = "2017") -> str:
    """Return an article whose honours.awards list is the given YAML lines."""
    awards = textwrap.indent(textwrap.dedent(awards).strip("\n"), "    ")
    return (
        "---\n"
        "title: Bài kiểm tra\n"
        "date: 2018-02-01 08:00\n"
        f"{textwrap.dedent(head)}"
        "honours:\n"
        f"  year: {year}\n"
        "  awards:\n"
        f"{awards}\n"
        "---\n"
        "Nội dung bài.\n"
    )


GOOD_LINE = """
- by: chu-tich-ubnd-huyen
  award: giay-khen
  collectives: 3
"""


def problems_of(build_site, files: dict[str, str], caplog) -> list:
    """Build, expect the build to stop, and return its problems."""
    caplog.set_level(logging.ERROR)
    with pytest.raises(ContentErrors) as stopped:
        build_site(files)
    problems = stopped.value.problems
    for problem in problems:  # every problem is also in the build's log
        assert str(problem) in caplog.text
    return problems


def only_problem(build_site, files, caplog, path=ARTICLE):
    problems = problems_of(build_site, files, caplog)
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.path.endswith(path)
    assert problem.line > 0
    assert problem.hint
    return problem


def test_good_article_builds(build_site):
    output = build_site({ARTICLE: article(GOOD_LINE)})
    assert (output / "tin-tuc/2018/02/bai-kiem-tra/index.html").exists()


def test_yaml_that_does_not_parse(build_site, caplog):
    text = article(GOOD_LINE).replace("title: Bài kiểm tra", "title: Bài: kiểm tra: lỗi")
    problem = only_problem(build_site, {ARTICLE: text}, caplog)
    assert problem.line == 2
    assert "YAML" in problem.message


def test_missing_authority(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article("- award: giay-khen\n  collectives: 3")}, caplog)
    assert problem.field == "honours.awards[1].by"
    assert "thiếu" in problem.message


def test_unknown_authority_suggests_the_nearest(build_site, caplog):
    line = GOOD_LINE.replace("chu-tich-ubnd-huyen", "chu-tich-ubnd-huyn")
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].by"
    assert "'chu-tich-ubnd-huyen'" in problem.message


def test_unknown_award_suggests_the_nearest(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE.replace("giay-khen", "giay-khenn"))}, caplog)
    assert problem.field == "honours.awards[1].award"
    assert "'giay-khen'" in problem.message


def test_unknown_recipient_unit_suggests_the_nearest(build_site, caplog):
    line = GOOD_LINE + "  recipients:\n    - unit: xa-hoa-sonn\n"
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].recipients[1].unit"
    assert "'xa-hoa-son'" in problem.message


def test_unknown_unit_in_article_units(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE, head="units: [phong-noi-vu, phong-noi-vuu]\n")},
                           caplog)
    assert problem.field == "units[2]"
    assert "'phong-noi-vu'" in problem.message


def test_negative_count(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE.replace("3", "-3"))}, caplog)
    assert problem.field == "honours.awards[1].collectives"


@pytest.mark.parametrize("value", ['"3"', "1.780", "ba", "true"])
def test_count_that_is_not_an_integer(build_site, caplog, value):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE.replace("3", value))}, caplog)
    assert problem.field == "honours.awards[1].collectives"
    assert "số nguyên" in problem.message


def test_count_missing_without_named_recipients(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article("- by: chu-tich-ubnd-huyen\n  award: giay-khen")}, caplog)
    assert problem.field == "honours.awards[1]"
    assert "số lượng" in problem.message


def test_named_recipients_give_the_count_when_it_is_missing(build_site):
    line = """
    - by: chu-tich-ubnd-huyen
      award: giay-khen
      recipients:
        - unit: xa-hoa-son
        - {name: Nguyễn Văn An, unit: xa-hoa-son}
    """
    output = build_site({ARTICLE: article(line)})
    assert (output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8").count('"collectives": 1') == 1


def test_more_named_recipients_than_the_count(build_site, caplog):
    line = """
    - by: chu-tich-ubnd-huyen
      award: giay-khen
      individuals: 1
      recipients:
        - {name: Nguyễn Văn An, unit: xa-hoa-son}
        - {name: Trần Thị Bình, unit: xa-hoa-son}
    """
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].recipients"
    assert "2 cá nhân" in problem.message and "1" in problem.message


def test_award_given_to_a_kind_it_does_not_allow(build_site, caplog):
    line = "- by: chu-tich-ubnd-huyen\n  award: chien-si-thi-dua-co-so\n  collectives: 2"
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].collectives"
    assert "Chiến sĩ thi đua cơ sở" in problem.message and "tập thể" in problem.message


@pytest.mark.parametrize("year", ["1900", "2019", "hai nghìn"])
def test_year_outside_a_sane_range(build_site, caplog, year):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE, year=year)}, caplog)
    assert problem.field == "honours.year"


def test_year_of_one_line(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE + "  year: 2030\n")}, caplog)
    assert problem.field == "honours.awards[1].year"


def test_unknown_key_in_an_award_line(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE.replace("collectives", "collective"))}, caplog)
    assert problem.field == "honours.awards[1].collective"
    assert "'collectives'" in problem.message


def test_key_written_twice(build_site, caplog):
    problem = only_problem(build_site, {ARTICLE: article(GOOD_LINE + "  collectives: 4\n")}, caplog)
    assert problem.field == "honours.awards[1].collectives"
    assert "lặp lại" in problem.message


def test_ambiguous_publication_date(build_site, caplog):
    text = article(GOOD_LINE).replace("date: 2018-02-01 08:00", "date: 01/02/2018")
    problem = only_problem(build_site, {ARTICLE: text}, caplog)
    assert problem.field == "date"


def test_unit_that_no_longer_existed(build_site, caplog):
    line = GOOD_LINE + "  recipients:\n    - unit: xa-duc-thang\n"
    text = article(line, year="2020").replace("2018-02-01", "2021-01-15")
    problem = only_problem(build_site, {ARTICLE: text}, caplog)
    assert problem.field == "honours.awards[1].recipients[1].unit"
    assert "thi-tran-thang" in problem.hint


def test_duplicate_slug_in_a_registry(build_site, caplog):
    # "Đồng Lộ" folds to the same slug as "Đông Lỗ": the second must not overwrite the first.
    units = (CONTENT / "data/units.yml").read_text(encoding="utf-8")
    units += "\n- slug: xa-dong-lo\n  name: Đồng Lộ\n  kind: xa\n"
    problems = problems_of(build_site, {ARTICLE: article(GOOD_LINE), "data/units.yml": units}, caplog)
    assert len(problems) == 1
    assert problems[0].path.endswith("data/units.yml")
    assert problems[0].field.endswith(".slug")
    assert "xa-dong-lo" in problems[0].message


def test_every_problem_of_a_build_is_reported_together(build_site, caplog):
    files = {
        ARTICLE: article(GOOD_LINE.replace("giay-khen", "giay-khenn")),
        "tin-tuc/2018/bai-thu-hai.md": article(GOOD_LINE.replace("3", "-1")),
        "tin-tuc/2018/bai-thu-ba.md": "---\ntitle: [chưa đóng\n---\nx\n",
    }
    problems = problems_of(build_site, files, caplog)
    assert {p.path.rsplit("/", 1)[-1] for p in problems} == {"bai-kiem-tra.md", "bai-thu-hai.md", "bai-thu-ba.md"}


def test_registry_that_does_not_parse(build_site, caplog):
    files = {ARTICLE: article(GOOD_LINE), "data/awards.yml": "- slug: giay-khen\n  name: [Giấy khen\n"}
    problems = problems_of(build_site, files, caplog)
    assert any(p.path.endswith("data/awards.yml") and "YAML" in p.message for p in problems)


@pytest.mark.parametrize("recipient, field", [
    ('{name: "", unit: xa-hoa-son}', "name"),
    ('{household: "  ", unit: xa-mai-dinh}', "household"),
    ("{name: , unit: xa-hoa-son}", "name"),
])  # fmt: skip
def test_a_blank_name_is_not_read_as_a_collective(build_site, caplog, recipient, field):
    line = GOOD_LINE + f"  recipients:\n    - {recipient}\n"
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == f"honours.awards[1].recipients[1].{field}"


def test_a_year_taken_from_the_date_is_checked_like_a_written_one(build_site, caplog):
    text = article(GOOD_LINE).replace("  year: 2017\n", "").replace("date: 2018-02-01", "date: 1900-01-01")
    problem = only_problem(build_site, {ARTICLE: text}, caplog)
    assert problem.field == "date" and "1900" in problem.message


@pytest.mark.parametrize("invisible", ["\u200b", "\u00ad", "\u202e", "\ufeff"])
def test_invisible_characters_in_a_name_are_content_errors(build_site, caplog, invisible):
    line = GOOD_LINE + f'  recipients:\n    - {{name: "Nguyễn{invisible} Văn An", unit: xa-hoa-son}}\n'
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].recipients[1].name"


def test_a_name_typed_in_decomposed_unicode_is_the_same_name(build_site):
    composed = "Nguyễn Thị Hằng"
    decomposed = unicodedata.normalize("NFD", composed)
    line = ("- by: chu-tich-ubnd-huyen\n  award: giay-khen\n  recipients:\n"
            f"    - {{name: {composed}, unit: xa-hoa-son}}\n    - {{name: {decomposed}, unit: xa-hoa-son}}\n")
    output = build_site({ARTICLE: article(line)})
    rows = (output / "du-lieu/nguoi-nhan.csv").read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == 2 and all(composed in row for row in rows)
    assert decomposed not in (output / "khen-thuong/2017/index.html").read_text(encoding="utf-8")


def test_a_title_and_body_typed_decomposed_are_published_composed(build_site):
    title, body = "Xã Hương Lâm đón nhận Cờ thi đua", "Đảng bộ, chính quyền và Nhân dân xã Hương Lâm vui mừng."
    text = article(GOOD_LINE).replace("title: Bài kiểm tra", "title: " + unicodedata.normalize("NFD", title))
    text = text.replace("Nội dung bài.", unicodedata.normalize("NFD", body))
    output = build_site({ARTICLE: text})
    page = read_page(output, "/tin-tuc/2018/02/" + "xa-huong-lam-don-nhan-co-thi-dua/")
    assert page.h1.get_text(strip=True) == title and body in page.get_text()
    decomposed = [p for p in output.rglob("*") if p.suffix in (".html", ".xml", ".json", ".csv")
                  and unicodedata.normalize("NFD", "ươ") in p.read_text(encoding="utf-8")]
    assert decomposed == []


@pytest.mark.parametrize("written, published", [("017", 17), ("08", 8), ("05", 5)])
def test_counts_are_read_in_decimal(build_site, written, published):
    output = build_site({ARTICLE: article(GOOD_LINE.replace("collectives: 3", f"collectives: {written}"))})
    records = json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert [r["collectives"] for r in records] == [published]


@pytest.mark.parametrize("written", ["1:20", "0x11", "0b101", "1_000"])
def test_numbers_in_other_bases_are_refused(build_site, caplog, written):
    text = article(GOOD_LINE.replace("collectives: 3", f"collectives: {written}"))
    problem = only_problem(build_site, {ARTICLE: text}, caplog)
    assert problem.field == "honours.awards[1].collectives"


def test_a_decision_number_keeps_its_leading_zero(build_site):
    output = build_site({ARTICLE: article(GOOD_LINE + "  decision_number: 0125\n")})
    records = json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert records[0]["decision_number"] == "0125"


@pytest.mark.parametrize("blank", ["\u2800", "\u3164", "\u115f"])
def test_a_name_of_blank_looking_characters_is_refused(build_site, caplog, blank):
    line = GOOD_LINE + f'  recipients:\n    - {{name: "{blank}", unit: xa-hoa-son}}\n'
    problem = only_problem(build_site, {ARTICLE: article(line)}, caplog)
    assert problem.field == "honours.awards[1].recipients[1].name"


def test_a_unit_cannot_succeed_itself(build_site, caplog):
    units = (CONTENT / "data/units.yml").read_text(encoding="utf-8")
    units += "\n- slug: xa-tu-ke\n  name: Tự Kế\n  kind: xa\n  valid_until: 2019-12-31\n  successor: xa-tu-ke\n"
    problems = problems_of(build_site, {ARTICLE: article(GOOD_LINE), "data/units.yml": units}, caplog)
    assert [p.field.rsplit(".", 1)[-1] for p in problems] == ["successor"]
