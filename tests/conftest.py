"""Shared fixtures: build real sites into temporary folders and read their pages."""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]  # the editor's commands and dev tools; the plugin

from pelican import Pelican  # noqa: E402
from pelican.settings import read_settings  # noqa: E402

CONTENT = ROOT / "content"
# Material that is not the project's to publish (raw seed texts, the extractor's development set) lives
# beside the checkout. CI has it and sets HONOURS_REQUIRE_SHARED=1, so there a missing file fails the test.
SHARED = ROOT.parent / "shared"


def needs_shared(path: Path):
    """Mark a test that reads a file under ../shared: skipped without it, except where it is required."""
    required = os.environ.get("HONOURS_REQUIRE_SHARED") == "1"
    if required and not path.exists():
        raise FileNotFoundError(f"{path} is missing; CI keeps ../shared beside the checkout")
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is not on this machine")


def write_files(base: Path, files: dict[str, str]) -> None:
    """Write dedented texts to paths relative to base."""
    for relative, text in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def site_settings(content: Path, output: Path, **override) -> dict:
    """Return the project's settings pointed at another content and output folder."""
    values = {"PATH": str(content), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
              "LOAD_CONTENT_CACHE": False, **override}
    return read_settings(str(ROOT / "pelicanconf.py"), override=values)


def run_pelican(content: Path, output: Path, **override) -> Path:
    """Build content into output in this process; return the output folder."""
    Pelican(site_settings(content, output, **override)).run()
    return output


def read_page(output: Path, url: str) -> BeautifulSoup:
    """Parse the page a reader gets at url ("/khen-thuong/2017/")."""
    path = output / url.lstrip("/")
    if url.endswith("/") or not path.suffix:
        path = path / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture
def build_site(tmp_path):
    """Return a function that builds a small site from files and returns its output.

    The real registries are copied in unless `registries=False`; files are
    paths relative to the content folder mapped to their (dedented) text.
    """

    def build(files: dict[str, str] | None = None, *, registries: bool = True, **settings) -> Path:
        content = tmp_path / "content"
        if registries:
            shutil.copytree(CONTENT / "data", content / "data", dirs_exist_ok=True)
        write_files(content, files or {})
        return run_pelican(content, tmp_path / "output", **settings)

    return build


@pytest.fixture
def content_copy(tmp_path) -> Path:
    """A copy of the real content folder, to break on purpose."""
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The real content, built once per test session."""
    return run_pelican(CONTENT, tmp_path_factory.mktemp("demo") / "output")


def article_headers(content: Path = CONTENT) -> list[tuple[Path, dict]]:
    """Front-matter of every Markdown article, read with plain YAML (not the plugin)."""
    import re

    import yaml

    found = []
    for path in sorted((content / "tin-tuc").rglob("*.md")):
        match = re.match(r"\s*---\n(.*?)\n---\n", path.read_text(encoding="utf-8"), re.DOTALL)
        found.append((path, yaml.safe_load(match.group(1))))
    return found


def html_files(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


PUBLISHED_URL = "https://example.org/hiep-hoa"


@pytest.fixture(scope="session")
def published_site(tmp_path_factory) -> Path:
    """The real content built as publishconf.py builds it, with absolute URLs."""
    output = tmp_path_factory.mktemp("published") / "output"
    Pelican(read_settings(str(ROOT / "publishconf.py"), override={
        "PATH": str(CONTENT), "OUTPUT_PATH": str(output), "SITEURL": PUBLISHED_URL, "FEED_DOMAIN": PUBLISHED_URL,
    })).run()
    return output


@pytest.fixture(scope="module")
def site_url(demo_site):
    """The demo site served on 127.0.0.1 (browser tests)."""
    from browser import serve

    with serve(demo_site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium, headless, driven by Playwright (browser tests)."""
    from browser import CHROMIUM_ARGS, require_chromium
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="module")
def registries():
    """The demo site's registries, loaded once per test module."""
    from honours.core.registries import load_registries

    loaded, problems = load_registries(str(CONTENT / "data"))
    assert problems == []
    return loaded
