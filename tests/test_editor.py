"""The editor's commands: new, check, publish, serve, and the publishing workflows."""

from __future__ import annotations

import hashlib
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from conftest import CONTENT, ROOT, read_page

from editor.new import TIMEZONE, new_article
from editor.publish import build_then_swap
from editor.serve import serve

INVOKE = str(Path(sys.executable).with_name("invoke"))
SEED = "tin-tuc/2018/hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"


def run(*command, cwd=ROOT, env=None):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})})


def test_new_creates_an_article_that_passes_the_check(tmp_path):
    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    now = datetime(2026, 3, 8, 9, 30, tzinfo=TIMEZONE)
    path = new_article(tmp_path / "content", "Xã Đông Lỗ tổng kết phong trào thi đua", now)
    assert path == tmp_path / "content/tin-tuc/2026/xa-dong-lo-tong-ket-phong-trao-thi-dua.md"
    header = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert header["title"] == "Xã Đông Lỗ tổng kết phong trào thi đua"
    assert header["date"] == "2026-03-08 09:30"
    assert header["honours"] == {"awards": None}  # the year is the date's; the lines are still commented out
    result = run(INVOKE, "check", "--path", str(tmp_path / "content"))
    assert result.returncode == 0, result.stdout + result.stderr
    with pytest.raises(FileExistsError):
        new_article(tmp_path / "content", "Xã Đông Lỗ tổng kết phong trào thi đua", now)


def test_new_uses_the_time_in_vietnam(tmp_path):
    path = new_article(tmp_path / "content", "Bài đầu năm", datetime(2026, 12, 31, 20, 0, tzinfo=UTC))
    assert "/tin-tuc/2027/" in str(path)
    assert "date: 2027-01-01 03:00" in path.read_text(encoding="utf-8")


def test_new_shortens_the_address_of_a_long_title(tmp_path):
    shutil.copytree(CONTENT / "data", tmp_path / "content/data")
    title = "Hiệp Hòa tổng kết phong trào thi đua yêu nước và công tác khen thưởng " * 3
    path = new_article(tmp_path / "content", title, datetime(2026, 3, 8, 9, 30, tzinfo=TIMEZONE))
    header = yaml.safe_load(path.read_text(encoding="utf-8").split("---")[1])
    assert header["title"] == title.strip() and header["slug"] == path.stem and len(path.stem) <= 80
    result = run(INVOKE, "check", "--path", str(tmp_path / "content"))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("title", ["Bài\u0007 mới", "Bài\u200b mới"])
def test_new_refuses_a_title_with_hidden_characters(tmp_path, title):
    with pytest.raises(ValueError):
        new_article(tmp_path / "content", title)


def test_check_reports_file_line_and_field(content_copy):
    seed = content_copy / SEED
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("award: giay-khen\n      collectives: 17", "award: giay-khen\n      collectives: -17"),
                    encoding="utf-8")
    line = text.splitlines().index("      collectives: 17") + 1
    result = run(INVOKE, "check", "--path", str(content_copy))
    assert result.returncode != 0
    assert f"{SEED.rsplit('/', 1)[-1]}:{line}: honours.awards[5].collectives:" in result.stdout
    good = run(INVOKE, "check")
    assert good.returncode == 0, good.stdout + good.stderr


def test_check_finds_what_only_the_build_used_to_find(content_copy):
    # Two articles written to one address, and prose that disagrees with the data (a warning only).
    copy = content_copy / SEED.replace(".md", "-ban-sao.md")
    copy.write_text((content_copy / SEED).read_text(encoding="utf-8"), encoding="utf-8")
    result = run(INVOKE, "check", "--path", str(content_copy))
    assert result.returncode != 0
    collisions = [line for line in result.stdout.splitlines() if "trùng địa chỉ xuất bản" in line]
    assert len(collisions) == 2 and any(copy.name in line for line in collisions)
    copy.unlink()
    seed = content_copy / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("collectives: 17", "collectives: 18"), encoding="utf-8")
    warned = run(INVOKE, "check", "--path", str(content_copy))
    assert warned.returncode == 0
    assert any(line.startswith("cảnh báo: ") and "17 tập thể" in line and "18 tập thể" in line
               for line in warned.stdout.splitlines())


def test_check_reads_every_image_even_one_no_article_shows(content_copy):
    (content_copy / "images/hong.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a photo")
    result = run(INVOKE, "check", "--path", str(content_copy))
    assert result.returncode != 0
    assert any("hong.jpg" in line and "không mở được tệp ảnh" in line for line in result.stdout.splitlines())


def tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


def test_failed_publish_leaves_the_previous_output_untouched(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    settings = str(ROOT / "publishconf.py")
    assert build_then_swap(tmp_path, settings) == 0
    before = tree_digest(tmp_path / "output")
    seed = tmp_path / "content" / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("by: thu-tuong-chinh-phu", "by: thu-tuong"),
                    encoding="utf-8")
    assert build_then_swap(tmp_path, settings) != 0
    assert tree_digest(tmp_path / "output") == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".output-")]


def test_publish_makes_absolute_urls_from_siteurl(tmp_path):
    shutil.copytree(CONTENT, tmp_path / "content")
    site = "https://example.org/hiep-hoa"
    old = os.environ.get("SITEURL")
    os.environ["SITEURL"] = site
    try:
        assert build_then_swap(tmp_path, str(ROOT / "publishconf.py")) == 0
    finally:
        os.environ.pop("SITEURL") if old is None else os.environ.update(SITEURL=old)
    page = read_page(tmp_path / "output", "/khen-thuong/2017/")
    links = [a["href"] for a in page.select("main a")]
    assert links and all(link.startswith(site + "/") for link in links)


def test_workflows_build_with_invoke_publish():
    github = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    steps = [step for job in github["jobs"].values() for step in job["steps"]]
    assert any("invoke publish" in step.get("run", "") for step in steps)
    assert any("invoke test" in step.get("run", "") for step in steps)
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in steps)
    assert github[True]["push"]["branches"] == ["main"]  # YAML reads the key "on" as True
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert any("invoke publish" in line for line in gitlab["pages"]["script"])
    assert gitlab["pages"]["artifacts"]["paths"] == ["public"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.read().decode("utf-8")


def test_serve_rebuilds_and_survives_content_errors(tmp_path, capsys):
    shutil.copytree(CONTENT, tmp_path / "content")
    for name in ("pelicanconf.py", "theme", "plugins", "editor", "devtools"):
        (tmp_path / name).symlink_to(ROOT / name)
    port = free_port()
    url = f"http://127.0.0.1:{port}/khen-thuong/2017/"
    seed = tmp_path / "content" / SEED
    good = seed.read_text(encoding="utf-8")
    seen = {}

    def watch(*paths):
        """Stand-in for watchfiles: each step runs after the previous rebuild finished."""
        seen["first"] = fetch(url)
        seed.write_text(good.replace("by: thu-tuong-chinh-phu", "by: thu-tuong"), encoding="utf-8")
        yield {("modified", str(seed))}
        try:
            fetch(url)
        except urllib.error.HTTPError as error:  # 503: the old pages are not passed off as current
            seen["while_broken"] = error.read().decode("utf-8")
        seed.write_text(good.replace("Hiệp Hòa tổng kết phong trào", "Hiệp Hòa tổng kết sôi nổi phong trào"),
                        encoding="utf-8")
        yield {("modified", str(seed))}
        seen["fixed"] = fetch(url)

    serve(tmp_path, port=port, watch=watch)
    output = capsys.readouterr().out
    assert output.count("✓ Đã xây dựng lại trang") == 2
    assert output.count("✗ Có lỗi") == 1
    assert "Hiệp Hòa tổng kết phong trào" in seen["first"]
    assert "Hiệp Hòa tổng kết phong trào" not in seen["while_broken"]
    assert f"content/{SEED}:" in seen["while_broken"] and "thu-tuong" in seen["while_broken"]
    assert "Hiệp Hòa tổng kết sôi nổi phong trào" in seen["fixed"]


def test_invoke_serve_watches_the_content(tmp_path):
    """The real command: serves, and rebuilds when a content file changes."""
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    for name in ("pelicanconf.py", "theme", "plugins", "editor", "devtools"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")  # tasks.py finds the project from its own place
    port = free_port()
    process = subprocess.Popen([INVOKE, "serve", "--port", str(port)], cwd=project,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/tin-tuc/"
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                page = fetch(url)
                break
            except OSError:
                time.sleep(0.5)
        assert "Hiệp Hòa tổng kết phong trào" in page
        seed = project / "content" / SEED
        seed.write_text(seed.read_text(encoding="utf-8").replace(
            "title: Hiệp Hòa tổng kết phong trào", "title: Hiệp Hòa sơ kết phong trào"), encoding="utf-8")
        while time.time() < deadline and "Hiệp Hòa sơ kết phong trào" not in fetch(url):
            time.sleep(0.5)
        assert "Hiệp Hòa sơ kết phong trào" in fetch(url)
    finally:
        process.terminate()
        process.wait(timeout=30)


def workflow_check_commands() -> list[str]:
    """The commands the pull request workflow runs to check an article, in order."""
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # YAML reads the key "on" as True
    steps = workflow["jobs"]["check"]["steps"]
    commands = [step["run"] for step in steps if step.get("name") in ("Check the content", "Build the site")]
    assert commands == [".venv/bin/invoke check", ".venv/bin/invoke build"]
    report = [step for step in steps if "statuses/" in step.get("run", "")]
    assert report and report[0]["if"].startswith("always()") and "kiem-tra-bai" in report[0]["run"]
    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["check"]["script"][-2:] == commands
    return commands


@pytest.mark.parametrize("broken", [False, True])
def test_the_pull_request_check_fails_for_an_article_the_build_refuses(tmp_path, broken):
    """The workflow's check steps, run on a branch's files: a refused article fails the status."""
    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    for name in ("theme", "plugins", "editor", "devtools", ".venv"):
        (project / name).symlink_to(ROOT / name)
    for name in ("tasks.py", "pelicanconf.py"):  # both find the project from their own place
        shutil.copy(ROOT / name, project / name)
    if broken:  # what the web editor could not stop: an article written by hand on the branch
        seed = project / "content" / SEED
        seed.write_text(seed.read_text(encoding="utf-8").replace("collectives: 2", "collectives: 1.780", 1),
                        encoding="utf-8")
    codes = []
    for command in workflow_check_commands():
        result = subprocess.run(["bash", "-e", "-c", command], cwd=project, capture_output=True, text=True)
        codes.append(result.returncode)
        if result.returncode:
            assert f"content/{SEED}:" in result.stdout + result.stderr
            break  # a failed step ends the job: the status is "failure"
    assert (codes[-1] != 0) is broken, codes
