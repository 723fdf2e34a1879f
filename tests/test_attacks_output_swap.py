"""output/ is always a whole site: one build at a time, an atomic swap, and interrupted builds cleaned up."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest
from conftest import CONTENT, ROOT, write_files
from test_editor import tree_digest

from editor.publish import build_lock, build_then_swap, recover, swap_into_place

ARTICLE = """
    ---
    title: Bài {n}
    date: 2018-02-01 08:00
    category: Tin tức
    ---
    Nội dung {n}.
    """


@pytest.fixture
def project(tmp_path):
    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    write_files(tmp_path / "content", {"tin-tuc/2018/bai.md": ARTICLE.format(n=1)})
    return tmp_path


def test_a_build_killed_between_the_two_renames_is_undone_at_the_next_start(project):
    (project / ".output-old-x1/output").mkdir(parents=True)
    (project / ".output-old-x1/output/index.html").write_text("bản cũ", encoding="utf-8")
    (project / ".output-new-x2").mkdir()
    recover(project)
    assert (project / "output/index.html").read_text(encoding="utf-8") == "bản cũ"
    assert not [p for p in project.iterdir() if p.name.startswith(".output-")]


@pytest.mark.parametrize("exchange", [True, False])
def test_the_swap_replaces_a_whole_folder_by_another(project, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setenv("HONOURS_NO_EXCHANGE", "1")
    for name, text in (("output", "cũ"), ("staging", "mới")):
        (project / name).mkdir()
        (project / name / "index.html").write_text(text, encoding="utf-8")
    swap_into_place(project / "staging", project / "output")
    assert (project / "output/index.html").read_text(encoding="utf-8") == "mới"
    assert not [p for p in project.iterdir() if p.name.startswith(".output-")]


def test_a_second_build_waits_for_the_first_and_says_so(project):
    code = (f"import sys; sys.path[:0] = [{str(ROOT)!r}, {str(ROOT / 'plugins')!r}]\n"
            "from editor.publish import build_then_swap\n"
            f"sys.exit(build_then_swap({str(project)!r}, {str(ROOT / 'pelicanconf.py')!r}))\n")
    with build_lock(project):
        second = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                  text=True)
        time.sleep(3)
        assert second.poll() is None  # still waiting
        assert not (project / "output").exists()
    out, _ = second.communicate(timeout=300)
    assert second.returncode == 0
    assert "Đang có một lần xây dựng trang khác chạy" in out and "Traceback" not in out
    assert (project / "output/tin-tuc/2018/02/bai-1/index.html").exists()


def test_staging_folders_and_the_lock_are_ignored_by_git(tmp_path):
    names = [".output-new-abc/index.html", ".output-old-abc/output/index.html", ".output.lock"]
    result = subprocess.run(["git", "check-ignore", *names], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.split() == names


def test_a_rebuild_leaves_nothing_behind_and_the_site_whole(project):
    assert build_then_swap(project, str(ROOT / "pelicanconf.py")) == 0
    write_files(project / "content", {"tin-tuc/2018/bai-2.md": ARTICLE.format(n=2)})
    assert build_then_swap(project, str(ROOT / "pelicanconf.py")) == 0
    assert (project / "output/tin-tuc/2018/02/bai-2/index.html").exists()
    assert not [p for p in project.iterdir() if p.name.startswith(".output-")]
    before = tree_digest(project / "output")
    (project / "content/data/units.yml").write_bytes(b"- slug: x\n  name: X\xe3\n")
    assert build_then_swap(project, str(ROOT / "pelicanconf.py")) != 0
    assert tree_digest(project / "output") == before
