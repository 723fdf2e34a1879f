"""What the build refuses outright: control characters, texts over their limit, raw scripts in Markdown."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from conftest import CONTENT, read_page
from honours.core.model import MAX_DECISION_NUMBER, MAX_NAME, MAX_NOTE, MAX_TITLE, parse_article
from honours.core.problems import ContentErrors
from honours.core.registries import load_registries
from honours.core.validation import Checker
from test_hostile import HOSTILE, LONG_NAME, front_matter, injected, plain

# --- what is refused --------------------------------------------------------------------------------------------------

ARTICLE = "tin-tuc/2018/bai-kiem-tra.md"


def stopped(build_site, files, **settings) -> list:
    with pytest.raises(ContentErrors) as error:
        build_site(files, **settings)
    return error.value.problems


def test_control_characters_in_names_and_titles_are_content_errors(build_site):
    data = {
        "title": "Bài\u0007 kiểm tra",
        "date": datetime(2018, 2, 1, 8, 0),
        "author": "Thu\u001bHà",
        "category": "Thi\u009bđua",  # (a NEL, \u0085, is a line break to YAML: read as a space)
        "tags": ["khen thưởng", "thi\u0000đua"],
        "honours": {"year": 2017, "awards": [{
            "by": "chu-tich-ubnd-huyen", "award": "giay-khen",
            "recipients": [{"name": "Nguyễn\u2028Văn An", "unit": "xa-hoa-son"},
                           {"household": "Hộ\tông Bình", "unit": "xa-hoa-son"}],
            "decision_number": "125/QĐ\u200b-UBND\u007f",
        }]},
    }  # fmt: skip
    problems = stopped(build_site, {ARTICLE: front_matter(data)})
    assert {p.field for p in problems} == {
        "title", "author", "category", "tags[2]", "honours.awards[1].recipients[1].name",
        "honours.awards[1].recipients[2].household", "honours.awards[1].decision_number",
    }
    for problem in problems:
        assert problem.path.endswith(ARTICLE) and problem.line > 0
        assert "ký tự điều khiển" in problem.message and problem.hint


REGISTRIES = load_registries(str(CONTENT / "data"))[0]


def parsed(**changes) -> list:
    """Problems of a small valid article with some values changed (None removes a key)."""
    line = {"by": "chu-tich-ubnd-huyen", "award": "giay-khen", "decision_number": "125/QĐ-UBND", "note": "Ghi chú",
            "recipients": [{"name": "Nguyễn Văn An", "unit": "xa-hoa-son"},
                           {"household": "Hộ ông Bình", "unit": "xa-hoa-son"}]}
    data = {"title": "Bài", "slug": "bai", "date": datetime(2018, 2, 1, 8, 0),
            "honours": {"year": 2017, "awards": [line]}}
    for key, value in changes.items():
        if key in ("name", "household"):
            line["recipients"][0 if key == "name" else 1][key] = value
        elif key in line:
            line[key] = value
        else:
            data[key] = value
    check = Checker("bai.md", lambda path: 1)
    parse_article(check, data, REGISTRIES, "bai.md")
    return check.problems


@pytest.mark.parametrize(("key", "limit", "field"), [
    ("title", MAX_TITLE, "title"),
    ("name", MAX_NAME, "honours.awards[1].recipients[1].name"),
    ("household", MAX_NAME, "honours.awards[1].recipients[2].household"),
    ("decision_number", MAX_DECISION_NUMBER, "honours.awards[1].decision_number"),
    ("note", MAX_NOTE, "honours.awards[1].note"),
    ("author", MAX_NAME, "author"),
    ("category", MAX_NAME, "category"),
])  # fmt: skip
def test_longest_texts(key, limit, field):
    assert parsed(**{key: "Đ" * limit}) == []
    (problem,) = parsed(**{key: "Đ" * (limit + 1)})
    assert problem.field == field
    dotted = [f"{n:,}".replace(",", ".") for n in (limit + 1, limit)]  # 2.001: Vietnamese thousands
    assert problem.message == f"quá dài ({dotted[0]} ký tự, tối đa {dotted[1]})"
    assert problem.hint


def test_a_name_of_199_characters_builds_and_one_of_201_stops_the_build(build_site):
    article = {**HOSTILE, "title": "Bài", "slug": "bai", "units": [], "tags": [], "author": "A", "category": "B"}
    article["honours"] = {"year": 2017, "awards": [{"by": "chu-tich-ubnd-huyen", "award": "giay-khen",
                                                    "recipients": [{"name": LONG_NAME, "unit": "xa-hoa-son"}]}]}
    output = build_site({ARTICLE: front_matter(article)})
    assert LONG_NAME in read_page(output, "/khen-thuong/2017/").get_text()
    article["honours"]["awards"][0]["recipients"][0]["name"] = LONG_NAME + "ab"
    (problem,) = stopped(build_site, {ARTICLE: front_matter(article)})
    assert problem.path.endswith(ARTICLE)
    assert problem.field == "honours.awards[1].recipients[1].name"
    assert problem.message == "quá dài (201 ký tự, tối đa 200)"


def test_a_note_may_have_several_lines(build_site):
    article = plain("Bài", "bai")
    article["honours"]["awards"][0]["note"] = "Dòng một.\nDòng hai."
    output = build_site({ARTICLE: front_matter(article)})
    records = json.loads((output / "du-lieu/khen-thuong.json").read_text(encoding="utf-8"))
    assert records[0]["note"] == "Dòng một.\nDòng hai."


# --- raw HTML in Markdown ---------------------------------------------------------------------------------------------

BODIES = {
    "script": ("Đoạn mở đầu.\n\n<script>alert(1)</script>\n", "<script>", "có thẻ HTML <script>"),
    "handler": ('Xem <a href="#" onclick="alert(1)">tại đây</a>.\n', "onclick", "có thuộc tính HTML 'onclick'"),
    "link": ("Xem [tại đây](javascript:alert(1)).\n", "javascript:", "có đường dẫn 'javascript:'"),
    "html link": ('Xem <a href="javascript:alert(1)">tại đây</a>.\n', "javascript:", "có đường dẫn 'javascript:'"),
}


@pytest.mark.parametrize("kind", BODIES)
def test_raw_scripts_in_a_body_stop_the_build_unless_allowed(build_site, kind):
    body, _, message = BODIES[kind]
    article = front_matter(plain("Bài", "bai"), body)
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert problem.path.endswith(ARTICLE) and problem.field == "nội dung" and problem.hint
    assert message in problem.message
    assert problem.line == article.count("\n", 0, article.index(body.strip().splitlines()[-1])) + 1
    build_site({ARTICLE: article}, HONOURS_ALLOW_RAW_HTML=True)  # the site's owner may allow it


@pytest.mark.parametrize("kind", BODIES)
def test_the_same_inside_code_is_shown_as_code(build_site, kind):
    body, shown, _ = BODIES[kind]
    source = body.strip().splitlines()[-1]
    code = f"Đoạn mã:\n\n```html\n{source}\n```\n\nHoặc `{source}` trong câu.\n"
    output = build_site({ARTICLE: front_matter(plain("Bài", "bai"), code)})
    page = read_page(output, "/tin-tuc/2018/03/bai/")
    assert injected(page) == []
    assert [c.get_text().strip() for c in page.select("main code")] == [source, source]
    assert shown in page.select_one("main pre").get_text()


# What only the HTML that Markdown makes shows: entity-encoded schemes, reference links, HTML around code marks.
HIDDEN = {
    "reference link": ("Xem [tại đây][1].\n\n[1]: javascript:alert(1)\n", "có đường dẫn 'javascript:'"),
    "encoded scheme": ('Xem <a href="&#106;avascript:alert(1)">tại đây</a>.\n', "có đường dẫn 'javascript:'"),
    "encoded link": ("Xem [tại đây](&#106;ava&#x09;script:alert(1)).\n", "có đường dẫn 'javascript:'"),
    "code marks in HTML": ("<div>`<script>alert(1)</script>`</div>\n", "có thẻ HTML <script>"),
    "unclosed fence": ("~~~\n<script>alert(1)</script>\n", "có thẻ HTML <script>"),
    "indented fence": ("  ~~~\n<script>alert(1)</script>\n  ~~~\n", "có thẻ HTML <script>"),
    "media from elsewhere": ('<video src="https://example.org/v.mp4"></video>\n', "lấy từ trang web khác"),
    "comment parsers disagree on": ("```\n<!--><script>alert(1)</script>-->\n````\n", "chú thích"),
    "attribute list": ('[Xem](/tin-tuc/){: onmouseover="alert(1)" }\n', "có thuộc tính HTML 'onmouseover'"),
    "attribute list image": ("Đoạn văn.\n{: style=\"background:url(//example.org/t.png)\" }\n",
                             "có thuộc tính HTML 'style'"),
    "svg animation": ('<svg><a><animate attributeName="href" values="javascript:alert(1)"/></a></svg>\n',
                      "có thẻ HTML <svg>"),
    "backslash host": ('<picture><source srcset="/\\example.org/y.webp"></picture>\n', "lấy từ trang web khác"),
    "table background": ('<table background="https://example.org/t.png"><tr><td>x</td></tr></table>\n',
                         "có thuộc tính HTML 'background'"),
    "noscript": ('<noscript><p title="</noscript><a href=x>Bấm</a>"></noscript>\n', "có thẻ HTML <noscript>"),
}


@pytest.mark.parametrize("kind", HIDDEN)
def test_the_html_markdown_makes_is_checked_too(build_site, kind):
    body, message = HIDDEN[kind]
    problems = stopped(build_site, {ARTICLE: front_matter(plain("Bài", "bai"), body)})
    assert all(p.path.endswith(ARTICLE) and p.field == "nội dung" and p.hint for p in problems)
    assert any(message in p.message for p in problems)


def test_a_lone_carriage_return_cannot_hide_a_body_from_the_check(build_site):
    # Pelican reads "\r" as a line end: "..." then ends the header and the script is in the body.
    article = front_matter(plain("Bài", "bai")).replace("slug: bai\n", "slug: bai\r...\r<script>alert(1)</script>\r\n")
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert "có thẻ HTML <script>" in problem.message


def test_windows_line_ends_are_read_like_any_other(build_site):
    article = front_matter(plain("Bài có dòng kiểu Windows", "bai"), "Đoạn một.\n\nĐoạn hai.\n")
    output = build_site({ARTICLE: article.replace("\n", "\r\n")})
    page = read_page(output, "/tin-tuc/2018/03/bai/")
    assert page.h1.get_text(strip=True) == "Bài có dòng kiểu Windows"
    paragraphs = [p.get_text() for p in page.select("main article p")]
    assert paragraphs.index("Đoạn hai.") == paragraphs.index("Đoạn một.") + 1


def test_raw_scripts_in_a_summary_stop_the_build(build_site):
    article = front_matter({**plain("Bài", "bai"), "summary": "Tóm tắt <img src=x onerror=alert(1)>"})
    problems = stopped(build_site, {ARTICLE: article})  # the image's address and missing alt text are problems too
    problem = next(p for p in problems if "onerror" in p.message)
    assert problem.field == "summary" and "onerror" in problem.message
    assert problem.line == article.splitlines().index(next(x for x in article.splitlines()
                                                           if x.startswith("summary:"))) + 1


@pytest.mark.parametrize("character", ["\x00", "\x0b", "\x0c", "\x1b"])
def test_a_control_character_in_a_body_is_a_content_error(build_site, character):
    article = front_matter(plain("Bài", "bai"), f"Dòng một.\nDòng{character} hai.\n")
    (problem,) = stopped(build_site, {ARTICLE: article})
    assert problem.field == "nội dung" and "ký tự điều khiển" in problem.message
    assert problem.line == article.split("\n").index(f"Dòng{character} hai.") + 1
