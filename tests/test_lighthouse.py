"""Lighthouse (SEO, accessibility, best practices) on the publish build, served on 127.0.0.1.

The site is built with publishconf.py for the address it is served at, so
canonical links, the sitemap and robots.txt's `Sitemap:` are absolute as on
the real host. Lighthouse comes from package.json (`npm ci`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import free_port, require_chromium, serve
from conftest import CONTENT
from pelican import Pelican
from pelican.settings import read_settings

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"
PAGES = {
    "home": "/",
    "article": "/tin-tuc/2018/02/hiep-hoa-tong-ket-phong-trao-thi-dua-khen-thuong-nam-2017/",
    "roll": "/khen-thuong/2017/",
    "unit": "/don-vi/xa-duc-thang/",
    "statistics": "/thong-ke/2017/",
    "search": "/tim-kiem/?q=duc+thang",
}


@pytest.fixture(scope="module")
def lighthouse_report(tmp_path_factory):
    if not shutil.which("node"):
        pytest.skip("Node.js is not installed: Lighthouse cannot run")
    assert LIGHTHOUSE.exists(), "Lighthouse is missing: run `npm ci` in the project folder"
    port = free_port()
    address = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("lighthouse") / "output"
    Pelican(read_settings(str(ROOT / "publishconf.py"), override={
        "PATH": str(CONTENT), "OUTPUT_PATH": str(output), "SITEURL": address, "FEED_DOMAIN": address,
    })).run()
    with serve(output, port) as url:
        run = subprocess.run(
            ["node", str(ROOT / "tests" / "lighthouse.mjs"), url, *PAGES.values()],
            env={**os.environ, "CHROME_PATH": require_chromium()},
            capture_output=True, text=True, timeout=900, check=False,
        )  # fmt: skip
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("name", PAGES)
def test_publish_build_scores_100(lighthouse_report, name):
    result = lighthouse_report[PAGES[name]]
    assert result["failing"] == []
    assert result["scores"] == {"seo": 1, "accessibility": 1, "best-practices": 1}
