"""Faults: each stops the build with a Vietnamese message naming the file, or builds, and no article is lost.

Covered elsewhere, not repeated here:
- a missing image and a corrupt image: tests/test_images.py
  (test_an_image_problem_stops_the_build_at_its_line, test_a_broken_file_in_the_images_folder_stops_the_build);
- a registry that does not parse: tests/test_validation.py (test_registry_that_does_not_parse);
- a failed `invoke publish` on a bad award line: tests/test_editor.py
  (test_failed_publish_leaves_the_previous_output_untouched).
"""

from __future__ import annotations

import itertools
import json
import logging
import shutil
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT, html_files, read_page, write_files
from honours.core.problems import ContentErrors
from honours.core.registries import load_registries
from test_editor import tree_digest

from devtools.corpus import FAMILY_NAMES, FEMALE_GIVEN, MALE_GIVEN, MALE_MIDDLE
from editor.publish import build_then_swap

KB = 1024


def article(title: str, slug: str | None = None, extra: str = "", awards: str = "", body: str = "Nội dung.\n") -> str:
    return (
        "---\n"
        f"title: {title}\n"
        "date: 2018-02-01 08:00\n"
        + (f"slug: {slug}\n" if slug else "")
        + extra
        + "honours:\n  year: 2017\n  awards:\n"
        + (awards or "    - {by: chu-tich-ubnd-huyen, award: giay-khen, collectives: 1}\n")
        + "---\n"
        + body
    )


GOOD = {"tin-tuc/2018/bai-tot.md": article("Bài tốt", "bai-tot")}


def stopped(build_site, files, caplog) -> list:
    """Build, expect a stop on content errors (logged too), return the problems."""
    caplog.set_level(logging.ERROR)
    with pytest.raises(ContentErrors) as error:
        build_site(files)
    for problem in error.value.problems:
        assert str(problem) in caplog.text
        assert problem.message and problem.hint
    return list(error.value.problems)


def names(problems) -> set[str]:
    return {Path(p.path).name for p in problems}


# --- files that cannot be read --------------------------------------------------------------------------------------


def test_a_link_to_a_missing_file(tmp_path, build_site, caplog):
    folder = tmp_path / "content/tin-tuc/2018"
    folder.mkdir(parents=True)
    (folder / "bai-hong.md").symlink_to(folder / "da-xoa.md")
    (problem,) = stopped(build_site, GOOD, caplog)
    assert problem.path.endswith("tin-tuc/2018/bai-hong.md")
    assert problem.message == "không đọc được tệp: đây là liên kết tới một tệp không còn tồn tại"


def test_a_file_that_is_not_utf8(tmp_path, build_site, caplog):
    folder = tmp_path / "content/tin-tuc/2018"
    folder.mkdir(parents=True)
    (folder / "bai-latin1.md").write_bytes(article("Bài Hòa Sơn").encode("cp1258", errors="replace"))
    (problem,) = stopped(build_site, GOOD, caplog)
    assert problem.path.endswith("bai-latin1.md")
    assert (problem.line, problem.message) == (2, "tệp không phải văn bản UTF-8")


def test_an_empty_file(build_site, caplog):
    (problem,) = stopped(build_site, {**GOOD, "tin-tuc/2018/trong.md": ""}, caplog)
    assert problem.path.endswith("trong.md") and "front-matter" in problem.message


def test_an_article_over_one_megabyte(build_site, caplog):
    big = article("Bài rất dài", "bai-rat-dai", body="Một đoạn văn dài. " * 60_000)
    assert len(big.encode("utf-8")) > 1_000_000
    (problem,) = stopped(build_site, {**GOOD, "tin-tuc/2018/bai-rat-dai.md": big}, caplog)
    assert problem.path.endswith("bai-rat-dai.md")
    assert problem.message.startswith("tệp quá lớn (1.") and "tối đa 1.000.000" in problem.message


# --- two things written to the same place ---------------------------------------------------------------------------


def test_two_articles_with_the_same_slug_in_the_same_month(build_site, caplog):
    files = {**GOOD, "tin-tuc/2018/a.md": article("Bài A", "trung-ten"), "tin-tuc/2018/b.md": article("Bài B")}
    files["tin-tuc/2018/b.md"] = files["tin-tuc/2018/b.md"].replace("title: Bài B", "title: Trùng tên")
    problems = stopped(build_site, files, caplog)
    assert names(problems) == {"a.md", "b.md"}  # each names the other
    by_file = {Path(p.path).name: p for p in problems}
    assert "b.md" in by_file["a.md"].message and "a.md" in by_file["b.md"].message
    assert "tin-tuc/2018/02/trung-ten/index.html" in by_file["a.md"].message
    assert (by_file["a.md"].field, by_file["a.md"].line) == ("slug", 4)
    assert (by_file["b.md"].field, by_file["b.md"].line) == ("title", 2)  # the slug comes from its title


def test_a_slug_made_from_a_title_collides_with_a_written_one(build_site, caplog):
    files = {"tin-tuc/2018/a.md": article("TRUNG"), "tin-tuc/2018/b.md": article("Bài B", "trung")}
    assert names(stopped(build_site, files, caplog)) == {"a.md", "b.md"}


def test_the_same_slug_in_another_month_is_fine_and_both_are_published(build_site):
    later = article("Bài B", "trung-ten").replace("2018-02-01", "2018-03-01")
    output = build_site({"tin-tuc/2018/a.md": article("Bài A", "trung-ten"), "tin-tuc/2018/b.md": later})
    assert read_page(output, "/tin-tuc/2018/02/trung-ten/").h1.get_text() == "Bài A"
    assert read_page(output, "/tin-tuc/2018/03/trung-ten/").h1.get_text() == "Bài B"
    listed = [a.get_text() for a in read_page(output, "/tin-tuc/").select("main .news-list a")]
    assert sorted(listed) == ["Bài A", "Bài B"]
    records = json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert sorted(r["title"] for r in records) == ["Bài A", "Bài B"]


@pytest.mark.parametrize("extra", [
    "save_as: khen-thuong/index.html\n", "url: khong-ton-tai/\n", "template: unit\n", "lang: en\n",
    "translation: true\n",
])  # fmt: skip
def test_keys_that_would_move_or_break_a_page_are_refused(build_site, caplog, extra):
    files = {**GOOD, "tin-tuc/2018/de-len.md": article("Bài đè lên", extra=extra)}
    (problem,) = stopped(build_site, files, caplog)
    assert problem.path.endswith("de-len.md")
    assert (problem.field, problem.line) == (extra.split(":")[0], 4)


@pytest.mark.parametrize("slug", ["../../ngoai", "a b?c#d", "Trung", "[a, b]", '"a\\0b"', "5"])
def test_a_slug_that_is_not_a_plain_address_is_refused(build_site, caplog, slug):
    files = {**GOOD, "tin-tuc/2018/ngoai.md": article("Bài ra ngoài", slug)}
    (problem,) = stopped(build_site, files, caplog)
    assert problem.path.endswith("ngoai.md") and (problem.field, problem.line) == ("slug", 4)
    assert "chữ thường không dấu" in problem.hint


def test_two_static_pages_with_the_same_slug(build_site, caplog):
    files = {**GOOD, "pages/gioi-thieu.md": "---\ntitle: Giới thiệu\n---\nTrang giới thiệu.\n",
             "pages/gioi-thieu-2.md": "---\ntitle: Giới thiệu lại\nslug: gioi-thieu\n---\nTrang khác.\n"}
    problems = stopped(build_site, files, caplog)
    assert names(problems) == {"gioi-thieu.md", "gioi-thieu-2.md"}
    assert all("gioi-thieu/index.html" in p.message for p in problems)


@pytest.mark.parametrize("slug", ["khen-thuong", "don-vi", "thong-ke", "du-lieu", "tim-kiem", "the", "tin-tuc"])
def test_a_static_page_with_the_slug_of_a_section(build_site, caplog, slug):
    files = {**GOOD, f"pages/{slug}.md": f"---\ntitle: Trang\nslug: {slug}\n---\nx\n"}
    (problem,) = stopped(build_site, files, caplog)
    assert problem.path.endswith(f"pages/{slug}.md") and (problem.field, problem.line) == ("slug", 3)


# --- very large, still built ------------------------------------------------------------------------------------------


def many_names(count: int) -> list[str]:
    """Distinct invented full names."""
    family = [name for name, _ in FAMILY_NAMES]
    combos = itertools.product(MALE_GIVEN, MALE_MIDDLE[3:], family, FEMALE_GIVEN)
    return [f"{f} {m} {g} {g2}" for g, m, f, g2 in itertools.islice(combos, count)]


def test_an_article_naming_ten_thousand_people(build_site):
    registries, _ = load_registries(str(CONTENT / "data"))
    units = [u.slug for u in registries.units_in_order() if u.exists_in(2017)]
    people = many_names(10_000)
    assert len(set(people)) == 10_000
    lines = "".join(f"        - {{name: {name}, unit: {units[i % len(units)]}}}\n" for i, name in enumerate(people))
    awards = ("    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      individuals: 10000\n      recipients:\n"
              + lines)
    big = article("Mười nghìn người được khen", "muoi-nghin", awards=awards)
    assert len(big.encode("utf-8")) < 1_000_000
    output = build_site({**GOOD, "tin-tuc/2018/muoi-nghin.md": big})
    heavy = [(p, p.stat().st_size) for p in html_files(output) if p.stat().st_size > 200 * KB]
    assert heavy == []
    rows = (output / "du-lieu/nguoi-nhan.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + 10_000  # the header and the people
    # every name is on the honour roll of 2017 (split over pages) and the article links to it
    roll = " ".join(p.read_text(encoding="utf-8") for p in (output / "khen-thuong/2017").rglob("index.html"))
    assert all(name in roll for name in people[::97])
    assert read_page(output, "/tin-tuc/2018/02/muoi-nghin/").find("a", string="Danh sách 10.000 tập thể, cá nhân "
                                                                                "được nêu tên")
    assert (output / "tin-tuc/2018/02/bai-tot/index.html").exists()


# --- a failed publish keeps the site as it was ------------------------------------------------------------------------


def test_a_publish_stopped_by_a_collision_leaves_the_previous_output_untouched(tmp_path):
    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    write_files(tmp_path / "content", GOOD)
    settings = str(ROOT / "publishconf.py")
    assert build_then_swap(tmp_path, settings) == 0
    before = tree_digest(tmp_path / "output")
    assert (tmp_path / "output/tin-tuc/2018/02/bai-tot/index.html").exists()
    # A second article with the same slug in the same month: Pelican's writer would stop half-way through.
    write_files(tmp_path / "content", {"tin-tuc/2018/trung.md": article("Bài trùng", "bai-tot")})
    assert build_then_swap(tmp_path, settings) != 0
    assert tree_digest(tmp_path / "output") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output-")]


@pytest.mark.parametrize("front, field", [
    ("status: hiden\n", "status"),
    ("units: [khong-co-don-vi]\n", "units[1]"),
    ("illustrative: maybe\n", "illustrative"),
    ("date: 01/02/2018\n", "date"),
    ("modified: hôm qua\n", "modified"),
    ("tags: {a: 1}\n", "tags"),
])  # fmt: skip
def test_a_static_page_is_checked_like_an_article(build_site, caplog, front, field):
    files = {**GOOD, "pages/gioi-thieu.md": f"---\ntitle: Giới thiệu\n{front}---\nTrang giới thiệu.\n"}
    (problem,) = stopped(build_site, files, caplog)
    assert problem.path.endswith("gioi-thieu.md") and (problem.field, problem.line) == (field, 3)


@pytest.mark.parametrize("where", [
    "bai.md", "tin-tuc/2018/bai.MD", "tin-tuc/2018/bai.txt", "tin-tuc/2018/README-bai.md",
])  # fmt: skip
def test_an_article_pelican_would_not_read_is_not_dropped_silently(build_site, caplog, where):
    (problem,) = stopped(build_site, {**GOOD, where: article("Bài lạc chỗ", "lac-cho")}, caplog)
    assert problem.path.endswith(where) and problem.line == 1 and problem.hint


def test_notes_without_front_matter_and_hidden_files_are_left_alone(build_site):
    output = build_site({**GOOD, "tin-tuc/README.md": "Ghi chú cho người biên tập.\n",
                         "tin-tuc/2018/.nhap.md": article("Bản nháp ẩn", "nhap")})
    assert (output / "tin-tuc/2018/02/bai-tot/index.html").exists()
    assert not (output / "tin-tuc/2018/02/nhap").exists()  # hidden files (".…", "._…" copies) are not content


@pytest.mark.parametrize("head, field", [
    ('title: "' + "Hiệp Hòa tổng kết phong trào thi đua " * 8 + '"\n', "title"),
    ('title: "!!!"\n', "title"),
    ('title: Bài\ntags: ["!!!"]\n', "tags[1]"),
    ('title: Bài\nauthor: "..."\n', "author"),
])  # fmt: skip
def test_a_title_or_name_that_makes_no_usable_address(build_site, caplog, head, field):
    text = article("X", extra="").replace("title: X\n", head)
    (problem,) = stopped(build_site, {**GOOD, "tin-tuc/2018/dai.md": text}, caplog)
    assert problem.path.endswith("dai.md") and problem.field == field


def test_symbolic_links_are_refused_once_each(build_site, caplog, tmp_path):
    outside = tmp_path / "ngoai.md"
    outside.write_text(article("Bài bên ngoài", "ben-ngoai"), encoding="utf-8")
    content = tmp_path / "content"
    (content / "tin-tuc/2018").mkdir(parents=True)
    (content / "tin-tuc/2018/ngoai.md").symlink_to(outside)
    (content / "tin-tuc/2018/vong").symlink_to(content / "tin-tuc")  # a loop
    problems = stopped(build_site, GOOD, caplog)
    assert sorted(Path(p.path).name for p in problems) == ["ngoai.md", "vong"]
    assert all("liên kết tượng trưng" in p.message for p in problems)


@pytest.mark.parametrize("where", ["tin-tuc/2018/bai.html", "tin-tuc/2018/bai.rst", "data/bai.md"])
def test_front_matter_in_files_pelican_does_not_read(build_site, caplog, where):
    (problem,) = stopped(build_site, {**GOOD, where: "\n" + article("Bài lạc", "lac")}, caplog)
    assert problem.path.endswith(where)


@pytest.mark.parametrize("extra, field", [
    ("modified: 2018-01-01 08:00\n", "modified"),
    ("image: /images/a.jpg\n", "image"),
    ("description: Mô tả\n", "description"),
])  # fmt: skip
def test_front_matter_that_would_be_ignored_or_contradict_the_date(build_site, caplog, extra, field):
    (problem,) = stopped(build_site, {**GOOD, "tin-tuc/2018/sua.md": article("Bài sửa", "sua", extra=extra)}, caplog)
    assert problem.path.endswith("sua.md") and problem.field == field
