"""Every YAML syntax error an editor makes is explained in Vietnamese with its likely cause and line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT
from honours.core.frontmatter import ParseError, load_yaml
from honours.core.yamlerrors import explain

INVOKE = str(Path(sys.executable).with_name("invoke"))
LOADERS = [yaml.SafeLoader, *([yaml.CSafeLoader] if hasattr(yaml, "CSafeLoader") else [])]

# (front-matter text, line to report (1-based), words of the explanation, words of the fix)
MISTAKES = {
    "lines pasted after 'awards: []'": (
        "title: A\nhonours:\n  awards: []\n    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n",
        4, "danh sách rỗng", "xóa '[]'"),
    "a comment mark removed with one space too many": (
        "title: A\nhonours:\n  awards:\n    - by: chu-tich-ubnd-huyen\n       award: giay-khen\n",
        5, "thụt vào sâu hơn", "xóa cả dấu '#' và một dấu cách"),
    "a comment mark removed with one space too few": (
        "title: A\nhonours:\n  awards:\n    - by: chu-tich-ubnd-huyen\n   award: giay-khen\n",
        5, "thụt lề không khớp", "thẳng cột"),
    "a top-level key indented": ("title: A\n units: [xa-hoa-son]\ndate: 2018-02-01\n", 2, "thụt vào sâu hơn",
                                 "thẳng cột"),
    "a tab before a key": ("title: A\nhonours:\n\tawards: []\n", 3, "tab", "dấu cách"),
    "a tab inside an award line": ("title: A\nhonours:\n  awards:\n    - by: x\n    \taward: y\n", 5, "tab",
                                   "dấu cách"),
    "an unquoted colon in a value": ("title: Hiệp Hòa: tổng kết năm 2017\ndate: 2018-02-01\n", 1, "dấu ':'",
                                     "ngoặc kép"),
    "no space after the colon": ("title:Tổng kết\ndate: 2018-02-01\n", 1, "thiếu dấu cách sau dấu ':'", "'title: "),
    "no colon after the key": ("title Tổng kết\ndate: 2018-02-01\n", 1, "thiếu dấu ':'", "author: "),
    "no colon in an award line": ("title: A\nhonours:\n  awards:\n    - by chu-tich-ubnd-huyen\n      award: y\n",
                                  4, "thiếu dấu ':'", "dấu ':'"),
    "a quotation never closed": ('title: "Tổng kết\ndate: 2018-02-01\n', 1, "không đóng", "ngoặc kép đóng"),
    "quotation marks inside a quoted value": ('title: "Phong trào "Dân vận khéo" năm 2017"\n', 1,
                                              "ngoặc kép ở giữa", '\\"'),
    "a bracket list not closed": ("tags: [thi đua, khen thưởng\ndate: 2018-02-01\n", 1, "thiếu dấu ','", "tags: ["),
    "a value starting with @": ("author: @phongvanhoa\n", 1, "'@'", "ngoặc kép"),
    "a value starting with *": ("title: *Tin nổi bật\n", 1, "'*'", "ngoặc kép"),
    "a value starting with a backquote": ("title: `Tổng kết`\n", 1, "'`'", "ngoặc kép"),
}


@pytest.mark.parametrize("loader", LOADERS, ids=lambda loader: loader.__name__)
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_each_mistake_is_explained_with_its_cause(name, loader):
    text, line, cause, fix = MISTAKES[name]
    with pytest.raises(yaml.MarkedYAMLError) as raised:
        yaml.load(text, Loader=loader)  # noqa: S506 - the safe loaders only
    explained = explain(raised.value, text)
    assert explained.line + 1 == line
    assert cause in explained.message and fix in explained.hint
    for english in ("expected", "found", "mapping", "scalar", "token", "while "):
        assert english not in explained.message + explained.hint


@pytest.mark.parametrize("character", ["\x07", "\x00", "\x1b"])
def test_a_control_character_is_named_with_its_line(character):
    with pytest.raises(ParseError) as raised:
        load_yaml(f"title: A\nauthor: Phương{character}Nhung\n", first_line=2)
    assert raised.value.line == 3
    assert f"U+{ord(character):04X}" in raised.value.message and "ký tự điều khiển" in raised.value.message


def test_the_message_carries_the_file_line():
    text, line, cause, _fix = MISTAKES["lines pasted after 'awards: []'"]
    with pytest.raises(ParseError) as raised:
        load_yaml(text, first_line=2)  # the front-matter starts on the file's second line
    assert raised.value.line == line + 1 and cause in raised.value.message


def test_check_reports_a_yaml_mistake_in_vietnamese(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(CONTENT / "data", content / "data")
    article = content / "tin-tuc/2018/bai-loi.md"
    article.parent.mkdir(parents=True)
    article.write_text("---\ntitle: Bài lỗi\ndate: 2018-02-01 08:00\nhonours:\n  awards: []\n"
                       "    - by: chu-tich-ubnd-huyen\n      award: giay-khen\n      collectives: 3\n---\nNội dung.\n",
                       encoding="utf-8")
    result = subprocess.run([INVOKE, "check", "--path", str(content)], cwd=ROOT, capture_output=True, text=True)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "bai-loi.md:6:" in output and "danh sách rỗng" in output and "xóa '[]'" in output
    assert "did not find expected key" not in output and "Traceback" not in output
