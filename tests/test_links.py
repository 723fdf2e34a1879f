"""No internal link or asset of the built site is broken."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup
from conftest import html_files

LINKING = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "srcset", "iframe": "src"}


def target_exists(output: Path, path: str) -> bool:
    candidate = output / unquote(path).lstrip("/")
    return candidate.is_file() or (candidate / "index.html").is_file()


def ids_of(output: Path, path: str, cache: dict) -> set[str]:
    """Element ids of the page at path, for checking #fragments."""
    if path not in cache:
        file = output / unquote(path).lstrip("/")
        file = file / "index.html" if file.is_dir() else file
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser") if file.suffix == ".html" else None
        cache[path] = {tag["id"] for tag in soup.find_all(id=True)} if soup else set()
    return cache[path]


def internal_links(output: Path, page: Path):
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    page_url = "/" + str(page.relative_to(output)).removesuffix("index.html")
    for tag, attribute in LINKING.items():
        for element in soup.find_all(tag):
            value = element.get(attribute)
            if not value:
                continue
            for ref in ([c.strip().split(" ")[0] for c in value.split(",")] if attribute == "srcset" else [value]):
                parts = urlsplit(urljoin(page_url, ref))
                if parts.scheme or parts.netloc:
                    continue  # external: not this test's business
                yield ref, parts.path, parts.fragment


def test_no_broken_internal_link_or_missing_asset(demo_site):
    broken, cache = [], {}
    pages = html_files(demo_site)
    assert len(pages) > 50
    for page in pages:
        for ref, path, fragment in internal_links(demo_site, page):
            if not target_exists(demo_site, path) or (fragment and fragment not in ids_of(demo_site, path, cache)):
                broken.append((str(page.relative_to(demo_site)), ref))
    assert broken == []
