"""The newsroom workflow an editor follows: new (with a date) → paste → extract → paste → check → build.

The sample article is written for this test; what it asserts is what the
workflow must guarantee whatever the extractor proposes: YAML that pastes
and parses, a check that passes, and a built page showing the figures the
pasted award data states (and none of the proposals or tallies).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, read_page, run_pelican

from editor.new import main as new_main

INVOKE = str(Path(sys.executable).with_name("invoke"))
TITLE = "Xã Đông Lỗ tổng kết phong trào thi đua năm 2017"
SLUG = "xa-dong-lo-tong-ket-phong-trao-thi-dua-nam-2017"

# Written for this test: a commune's year-end meeting, with a five-year tally, awards handed over at the
# meeting, a proposal to the province, and households honoured by the commune.
BODY = """\
Sáng 18/1, Đảng ủy, HĐND, UBND xã Đông Lỗ tổ chức hội nghị tổng kết phong trào thi đua yêu nước năm 2017 \
và triển khai nhiệm vụ năm 2018.

Năm qua, xã hoàn thành 15/15 chỉ tiêu kinh tế – xã hội; tổng giá trị sản xuất ước đạt 310 tỷ đồng. \
Trong 5 năm 2013–2017, toàn xã có 46 lượt tập thể và 128 lượt cá nhân được các cấp khen thưởng.

Tại hội nghị, thừa ủy quyền, lãnh đạo UBND huyện trao Giấy khen của Chủ tịch UBND huyện cho 3 tập thể và \
7 cá nhân có thành tích xuất sắc trong phong trào thi đua năm 2017.

Chủ tịch UBND xã tặng Giấy khen cho 25 hộ gia đình tiêu biểu trong phong trào xây dựng nông thôn mới.

Hội nghị thống nhất đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho 2 tập thể và 1 cá nhân của xã.
"""


def run(*command):
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


def front_matter(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])


def replace_honours_block(text: str, pasted: str) -> str:
    """What the editor does: select the front-matter's 'honours:' block and paste the proposal over it."""
    head, rest = text.split("\nhonours:\n", 1)
    _block, tail = rest.split("\n---\n", 1)
    return f"{head}\n{pasted.rstrip()}\n---\n{tail}"


@pytest.fixture
def content(tmp_path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT / "data", folder / "data")
    return folder


def test_new_with_a_date_files_the_article_under_that_year(content, capsys):
    assert new_main([TITLE, "--date", "2018-02-01", "--content", str(content)]) == 0
    path = content / "tin-tuc/2018" / f"{SLUG}.md"
    header = front_matter(path)
    assert header["date"] == "2018-02-01 08:00"
    assert "year" not in header["honours"]  # the award data's year is the date's unless written
    assert str(path.relative_to(content)) in capsys.readouterr().out


def test_new_writes_the_award_year_only_when_it_differs(content):
    assert new_main([TITLE, "--date", "2018-02-01 14:30", "--year", "2017", "--content", str(content)]) == 0
    header = front_matter(content / "tin-tuc/2018" / f"{SLUG}.md")
    assert header["date"] == "2018-02-01 14:30" and header["honours"]["year"] == 2017
    assert new_main(["Bài khác", "--date", "2018-02-01", "--year", "2018", "--content", str(content)]) == 0
    assert "year" not in front_matter(content / "tin-tuc/2018/bai-khac.md")["honours"]


@pytest.mark.parametrize("date", ["01/02/2018", "2018-02-30", "2018-13-01", "hôm qua"])
def test_new_refuses_a_date_it_cannot_read(content, capsys, date):
    assert new_main([TITLE, "--date", date, "--content", str(content)]) == 1
    error = capsys.readouterr().err
    assert "năm-tháng-ngày" in error and "Traceback" not in error
    assert not (content / "tin-tuc").exists()


def test_the_task_offers_the_date_option():
    assert "--date" in run(INVOKE, "--help", "new").stdout


def test_every_suggested_line_uncomments_into_data_that_passes_the_check(content):
    new_main([TITLE, "--date", "2018-02-01", "--content", str(content)])
    path = content / "tin-tuc/2018" / f"{SLUG}.md"
    text = path.read_text(encoding="utf-8")
    key_comment = re.compile(r"\s*# (?:[a-z_-]+|- [a-z_]+|  [a-z_]+):")
    suggested = [line for line in text.splitlines() if key_comment.match(line)]
    assert len(suggested) >= 7  # author, summary, units, year, and an award line of three keys
    uncommented = re.sub(r"^(\s*)# (?=[a-z_-]+:|- [a-z_]+:|  [a-z_]+:)", r"\1", text, flags=re.MULTILINE)
    path.write_text(uncommented, encoding="utf-8")
    header = front_matter(path)
    assert header["honours"] == {"year": 2017, "awards": [
        {"by": "chu-tich-ubnd-huyen", "award": "giay-khen", "collectives": 3}]}
    assert header["units"] == ["xa-hoa-son"] and header["author"]
    result = run(INVOKE, "check", "--path", str(content))
    assert result.returncode == 0, result.stdout + result.stderr


def test_walk_through_from_new_to_the_built_page(content, tmp_path):
    # 1. new, dated the day the article was published
    assert new_main([TITLE, "--date", "2018-01-19", "--content", str(content)]) == 0
    path = content / "tin-tuc/2018" / f"{SLUG}.md"
    # 2. paste the article's text as its body
    path.write_text(path.read_text(encoding="utf-8").replace("Viết nội dung bài ở đây.\n", BODY), encoding="utf-8")
    # 3. extract proposes the award data
    proposal = run(INVOKE, "extract", str(path))
    assert proposal.returncode == 0, proposal.stderr
    assert proposal.stdout.lstrip().startswith("honours:")
    # 4. paste it over the honours block
    path.write_text(replace_honours_block(path.read_text(encoding="utf-8"), proposal.stdout), encoding="utf-8")
    honours = front_matter(path)["honours"]
    lines = honours["awards"]
    assert lines, "the award handed over at the meeting is proposed"
    assert all(line["by"] != "?" and line["award"] != "?" for line in lines)
    # 5. check passes with no hand edit
    result = run(INVOKE, "check", "--path", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    # 6. the built page shows the figures the pasted data states, and neither the proposal nor the tally
    output = run_pelican(content, tmp_path / "output")
    page = read_page(output, f"/tin-tuc/2018/01/{SLUG}/")
    table = page.find("table", class_="awards")
    stated = sum(line.get(key, 0) for line in lines
                 for key in ("collectives", "individuals", "households", "collectives_or_individuals"))
    assert f"Tổng cộng ({stated} lượt)" in table.tfoot.get_text(" ", strip=True)
    rows = [tr.get_text(" ", strip=True) for tr in table.tbody.find_all("tr")]
    assert any(row.startswith("Chủ tịch Ủy ban nhân dân huyện Hiệp Hòa Giấy khen") and " 3 7 0" in row
               for row in rows), rows
    assert not any("Bằng khen" in row for row in rows)  # only proposed
    assert stated < 46  # the five-year tally is not an award of this meeting
