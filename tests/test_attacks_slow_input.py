"""Every check reads its input in time linear in its size: 1 MB bodies built to be slow are refused in seconds."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from conftest import CONTENT, ROOT
from honours.core.personal_data import personal_data_in

HEADER = "---\ntitle: Bài thử\ndate: 2018-02-01 08:00\ncategory: Tin tức\n---\n"
UNITS = ["<a ", "[", "![", "[a](", "![a](", "<img ", "a@", "a@b.c ", "0 ", "0912 ", "*a ", "&#", "[a]: ", "`"]
# Seconds for the whole `invoke check` (Python's start included); the slow forms took hours. On a machine
# busy with other work the bound grows with the time an ordinary 1 MB article takes there.
BOUND = 5.0
ORDINARY = "Ngày 20/01/2018, UBND huyện trao Giấy khen cho 17 tập thể &amp; 25 cá nhân, *xem* **danh sách**.\n\n"


def body_of(unit: str) -> str:
    """A body of about 1 MB (the largest file an article may be) repeating unit."""
    return unit * ((990_000 - len(HEADER)) // len(unit.encode("utf-8")))


def timed_check(tmp_path, body: str) -> tuple[float, str]:
    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    (tmp_path / "content/tin-tuc/2018").mkdir(parents=True)
    (tmp_path / "content/tin-tuc/2018/bai.md").write_text(HEADER + body, encoding="utf-8")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "invoke", "check", "--path", str(tmp_path / "content")],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    return time.perf_counter() - started, result.stderr + result.stdout


@pytest.fixture(scope="module")
def bound(tmp_path_factory) -> float:
    ordinary, output = timed_check(tmp_path_factory.mktemp("ordinary"), body_of(ORDINARY))
    assert "Nội dung hợp lệ" in output, output
    return max(BOUND, 2 * ordinary)


@pytest.mark.parametrize("unit", UNITS)
def test_invoke_check_on_a_1_mb_adversarial_body_takes_seconds(tmp_path, unit, bound):
    elapsed, output = timed_check(tmp_path, body_of(unit))
    assert elapsed < bound, (unit, elapsed)
    assert "Traceback" not in output


@pytest.mark.parametrize("text", ["0 " * 500_000, "0912 " * 200_000, "@ " + "a" * 1_000_000, "a@" * 500_000,
                                  "1" * 1_000_000, "0  -  " * 200_000, "(0" * 500_000])
def test_the_personal_data_search_is_linear(text):
    started = time.perf_counter()
    personal_data_in(text, ())
    assert time.perf_counter() - started < 2.0


def test_markdowns_slow_cases_are_refused_before_markdown_reads_them(tmp_path):
    from conftest import site_settings

    from editor.check import run_check

    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    paragraph = "[" * 300  # one paragraph of 5,000 "[" takes Markdown about ten seconds
    (tmp_path / "content/tin-tuc/2018").mkdir(parents=True)
    (tmp_path / "content/tin-tuc/2018/bai.md").write_text(HEADER + "Đoạn đầu.\n\n" + paragraph + "\n", encoding="utf-8")
    errors, _ = run_check(site_settings(tmp_path / "content", tmp_path / "output"))
    assert any(":8: nội dung: một đoạn có hơn 200 dấu '['" in line for line in errors), errors
