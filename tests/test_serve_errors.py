"""`invoke serve` with broken content: every address shows the problems, and the site comes back after the fix."""

from __future__ import annotations

import json
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, require_chromium
from bs4 import BeautifulSoup
from conftest import CONTENT, ROOT

INVOKE = str(Path(sys.executable).with_name("invoke"))
SEED = "tin-tuc/2018/hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"
OTHER = "tin-tuc/2018/xa-mai-dinh-ra-quan-lam-duong-giao-thong-nong-thon.md"
ADDRESSES = ("/", "/tin-tuc/", "/khen-thuong/2017/", "/don-vi/xa-hoang-an/", "/thong-ke/", "/khong-co-trang-nay/")
# Bounded waits: a build of the demo site takes a few seconds, longer on a busy machine.
BUILD_SECONDS = 120
BACK_SECONDS = 30


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def wait_until(condition, seconds: float, what: str):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"not within {seconds} s: {what}")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.browser
def test_broken_content_is_shown_at_every_address_until_fixed(tmp_path):
    from playwright.sync_api import expect, sync_playwright

    project = tmp_path / "project"
    shutil.copytree(CONTENT, project / "content")
    for name in ("pelicanconf.py", "theme", "plugins", "editor", "devtools"):
        (project / name).symlink_to(ROOT / name)
    shutil.copy(ROOT / "tasks.py", project / "tasks.py")
    seed, other = project / "content" / SEED, project / "content" / OTHER
    good_seed, good_other = seed.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = (tmp_path / "serve.log").open("w")
    process = subprocess.Popen([INVOKE, "serve", "--port", str(port)], cwd=project, stdout=log,
                               stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until(lambda: get(base + "/khen-thuong/2017/")[0] == 200, BUILD_SECONDS, "the first build")
        # Two problems in two files: an unknown authority, a negative count.
        seed.write_text(good_seed.replace("by: thu-tuong-chinh-phu", "by: thu-tuong"), encoding="utf-8")
        assert "thu-tuong-chinh-phu" in good_seed
        broken_other = good_other.replace("---\n", "---\nhonours:\n  awards:\n    - by: chu-tich-ubnd-huyen\n"
                                          "      award: giay-khen\n      collectives: -2\n", 1)
        assert "honours:" not in good_other and broken_other != good_other
        other.write_text(broken_other, encoding="utf-8")

        wait_until(lambda: "Có 2 lỗi" in get(base + "/")[1], BUILD_SECONDS, "the error page with both problems")
        for address in ADDRESSES:
            status, text = get(base + address)
            assert status == 503, address
            page = BeautifulSoup(text, "html.parser")
            assert page.h1.get_text().startswith("Có 2 lỗi"), address
            files = [h2.get_text() for h2 in page.find_all("h2")]
            assert files == sorted(["content/" + SEED, "content/" + OTHER]), address
            lines = [li.get_text() for li in page.find_all("li")]
            assert any(line.startswith(f"content/{SEED}:12: honours.awards[1].by:") and " — " in line
                       for line in lines), lines
            assert any(line.startswith(f"content/{OTHER}:6: honours.awards[1].collectives:") for line in lines), lines
        # The web editor stays available to fix the content.
        assert get(base + "/admin/config.yml")[0] == 200
        report = json.loads((project / "output-build-report.json").read_text(encoding="utf-8"))
        assert report["ok"] is False
        assert sorted((p["path"], p["line"]) for p in report["problems"]) == [
            ("content/" + SEED, 12), ("content/" + OTHER, 6)]

        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
            try:
                page = chromium.new_page()
                page.goto(base + "/khen-thuong/2017/")
                expect(page.get_by_role("heading", level=1)).to_contain_text("lỗi")
                other.write_text(good_other, encoding="utf-8")
                time.sleep(0.5)
                fixed_at = time.monotonic()
                seed.write_text(good_seed, encoding="utf-8")
                # The open error page reloads by itself into the roll once the build succeeds.
                expect(page.get_by_role("heading", level=1)).not_to_contain_text("lỗi", timeout=BACK_SECONDS * 1000)
                back_after = time.monotonic() - fixed_at
                expect(page.locator("main")).to_contain_text("Bằng khen của Thủ tướng Chính phủ")
            finally:
                chromium.close()
        print(f"site back {back_after:.1f} s after the fix")
        assert get(base + "/")[0] == 200
        assert json.loads((project / "output-build-report.json").read_text(encoding="utf-8")) == {
            "ok": True, "problems": []}
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
