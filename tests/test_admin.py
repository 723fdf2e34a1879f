"""The web editor at /admin/ (Decap CMS): its generated config, its files, and the editor in Chromium."""

from __future__ import annotations

import json
import logging
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from browser import CHROMIUM_ARGS, require_chromium, serve
from conftest import CONTENT, ROOT, article_headers, read_page, run_pelican

NODE_MODULES = ROOT / "node_modules"
BUNDLE = NODE_MODULES / "decap-cms" / "dist" / "decap-cms.js"
DECAP_SERVER = NODE_MODULES / ".bin" / "decap-server"
SEED = CONTENT / "tin-tuc/2018/hiep-hoa-tong-ket-thi-dua-khen-thuong-nam-2017.md"
ARTICLE = "---\ntitle: Bài thử\ndate: 2018-03-01 08:00\n---\nNội dung.\n"


def require_decap() -> None:
    """Fail (never skip: CI must run these) when `npm ci` has not installed Decap."""
    missing = [str(p.relative_to(ROOT)) for p in (BUNDLE, DECAP_SERVER) if not p.exists()]
    if missing:
        pytest.fail(f"Decap CMS is not installed ({', '.join(missing)} missing): run `npm ci` in {ROOT} "
                    "(Node.js and npm needed; `.ci/run` does it).")


def registry_slugs(name: str) -> list[str]:
    """Slugs of a registry, read with plain YAML (not the plugin)."""
    entries = yaml.safe_load((CONTENT / "data" / f"{name}.yml").read_text(encoding="utf-8"))
    return [entry["slug"] for entry in entries]


def by_name(fields: list[dict]) -> dict[str, dict]:
    return {field["name"]: field for field in fields}


def option_values(field: dict) -> list[str]:
    assert field["widget"] in ("select", "hh-select"), field["name"]
    assert all(option["label"].strip() for option in field["options"]), field["name"]
    return [option["value"] for option in field["options"]]


def load_config(output: Path) -> dict:
    return yaml.safe_load((output / "admin/config.yml").read_text(encoding="utf-8"))


def test_config_offers_exactly_the_registry_slugs(demo_site):
    config = load_config(demo_site)
    assert config["locale"] == "vi"
    assert config["local_backend"] is True
    assert config["backend"] == {"name": "github", "repo": config["backend"]["repo"], "branch": "main"}
    assert (config["media_folder"], config["public_folder"]) == ("content/images", "/images")
    [articles] = [c for c in config["collections"] if c.get("folder") == "content/tin-tuc"]
    assert articles["label"] == "Tin tức"
    assert (articles["path"], articles["extension"], articles["format"]) == ("{{year}}/{{slug}}", "md",
                                                                             "yaml-frontmatter")
    fields = by_name(articles["fields"])
    assert list(fields) == ["title", "slug", "date", "status", "author", "category", "tags", "summary", "units",
                            "illustrative", "source", "honours", "body"]
    assert list(by_name(fields["source"]["fields"])) == ["url", "publisher"]
    assert fields["date"]["widget"] == "datetime" and fields["date"]["hh_time"] is True
    assert fields["illustrative"]["widget"] == "boolean" and fields["body"]["widget"] == "markdown"
    assert "default" not in fields["illustrative"]  # written only when turned on
    assert option_values(fields["status"]) == ["draft", "published"]
    assert [o["label"] for o in fields["status"]["options"]][1] == "Đã đăng"
    assert fields["units"]["multiple"] is True
    honours = by_name(fields["honours"]["fields"])
    assert honours["year"]["widget"] == "hh-count"
    line = by_name(honours["awards"]["fields"])
    recipient = by_name(line["recipients"]["fields"])
    assert list(recipient) == ["unit", "name", "household"]
    assert recipient["name"]["required"] is False and recipient["household"]["required"] is False

    assert sorted(option_values(line["by"])) == sorted(registry_slugs("authorities"))
    assert sorted(option_values(line["award"])) == sorted(registry_slugs("awards"))
    assert sorted(option_values(recipient["unit"])) == sorted(registry_slugs("units"))
    assert option_values(fields["units"]) == option_values(recipient["unit"])
    for name in ("collectives", "individuals", "households", "collectives_or_individuals"):
        count = line[name]
        assert (count["widget"], count["required"], count["hh_path"]) == ("hh-count", False,
                                                                          "honours.awards[{awards}]." + name)
    for name in ("decision_number", "decision_date", "note", "year", "recipients"):
        assert line[name]["required"] is False, name
    labels = {o["value"]: o["label"] for o in line["award"]["options"]}
    assert labels["bang-khen-thu-tuong"] == "Bằng khen của Thủ tướng Chính phủ"
    # Every label and hint is Vietnamese: written by us, never a key name left over.
    for field in (*fields.values(), *honours.values(), *line.values(), *recipient.values()):
        assert field["label"] != field["name"], field["name"]


def test_config_is_the_same_in_every_build(demo_site, tmp_path):
    again = run_pelican(CONTENT, tmp_path / "output")
    assert (again / "admin/config.yml").read_bytes() == (demo_site / "admin/config.yml").read_bytes()


def test_decap_files_are_copied_and_loaded_from_the_site(demo_site):
    require_decap()
    page = read_page(demo_site, "/admin/")
    scripts = [s["src"] for s in page.find_all("script")]
    assert scripts == ["/admin/decap-cms.js", "/admin/js-yaml.min.js", "/admin/rules.js", "/theme/js/decap-vi.js",
                       "/theme/js/decap-rules.js", "/theme/js/decap-widgets.js", "/theme/js/decap-files.js"]
    assert (demo_site / "admin/decap-cms.js").read_bytes() == BUNDLE.read_bytes()
    copied = {p.name for p in (demo_site / "admin").iterdir()}
    assert {"decap-cms.js.LICENSE.txt", "index.html", "config.yml"} <= copied
    assert any(name.endswith(".wasm") for name in copied)
    assert not [name for name in copied if name.endswith(".map")]
    # Not a page for readers: not indexed by the search, nor by search engines.
    assert "data-pagefind-body" not in (demo_site / "admin/index.html").read_text(encoding="utf-8")
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"


def test_without_node_the_page_says_how_to_install_the_editor(build_site, tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="honours.pages.admin")
    output = build_site({"tin-tuc/2018/bai-thu.md": ARTICLE}, HONOURS_ADMIN_NODE_MODULES=str(tmp_path / "none"),
                        HONOURS_SEARCH_INDEX=False)  # Pagefind's occasional rewrite warning is not this test's concern
    page = read_page(output, "/admin/")
    assert page.find("script") is None
    assert "chưa được cài" in page.h1.get_text()
    assert "npm ci" in page.get_text()
    assert load_config(output)["collections"]
    assert not [r for r in caplog.records if r.name.startswith("honours") and r.levelname != "INFO"]
    assert any("npm ci" in r.getMessage() for r in caplog.records if r.name == "honours.pages.admin")


def test_an_empty_save_as_turns_the_editor_off(build_site):
    output = build_site({"tin-tuc/2018/bai-thu.md": ARTICLE}, HONOURS_ADMIN_SAVE_AS="")
    assert not (output / "admin").exists()


def test_admin_is_kept_out_of_the_sitemap_and_robots(published_site):
    assert "/admin/" not in (published_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "Disallow: /admin/" in (published_site / "robots.txt").read_text(encoding="utf-8").splitlines()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def decap_server(repository: Path, port: int, log: Path):
    """Run `npx decap-server` (the node_modules/.bin script npx would run) on a port; stop it after."""
    environment = {**os.environ, "PORT": str(port), "BIND_HOST": "127.0.0.1", "MODE": "fs",
                   "GIT_REPO_DIRECTORY": str(repository)}
    with log.open("w") as output:
        process = subprocess.Popen([str(DECAP_SERVER)], cwd=repository, env=environment, stdout=output,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            if process.poll() is not None:
                pytest.fail(f"decap-server stopped (exit code {process.returncode}):\n{log.read_text()}")
            try:
                request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=b'{"action": "info"}',
                                                 headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(request, timeout=2) as response:
                    assert json.load(response)["type"] == "local_fs"
                break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"decap-server did not answer on port {port}:\n{log.read_text()}")
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/api/v1"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)
        assert process.poll() is not None, "decap-server is still running"


@pytest.mark.browser
def test_editor_lists_the_articles_through_the_local_backend(tmp_path):
    require_decap()
    from playwright.sync_api import expect, sync_playwright

    # decap-server reads and writes a copy of the content, never the project's own files.
    repository = tmp_path / "repository"
    shutil.copytree(CONTENT, repository / "content")
    port = free_port()
    output = run_pelican(CONTENT, tmp_path / "output",
                         HONOURS_ADMIN_LOCAL_BACKEND={"url": f"http://127.0.0.1:{port}/api/v1"})
    titles = {path.name: header["title"] for path, header in article_headers(repository / "content")}
    newest = max(article_headers(repository / "content"), key=lambda pair: str(pair[1]["date"]))[1]["title"]

    with decap_server(repository, port, tmp_path / "decap-server.log"), serve(output) as site_url, \
            sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=require_chromium(), args=CHROMIUM_ARGS)
        try:
            page = chromium.new_page(viewport={"width": 1280, "height": 900})
            requests, errors = [], []
            page.on("request", lambda request: requests.append(request.url))
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(site_url + "/admin/")
            # The local backend needs no account: Decap still asks to "log in" with one click.
            page.get_by_role("button", name="Đăng nhập").click(timeout=60_000)
            expect(page.get_by_role("heading", name="Tin tức", exact=True)).to_be_visible(timeout=30_000)
            seed = page.get_by_text(titles[SEED.name], exact=False)
            expect(seed).to_be_visible(timeout=30_000)
            # Newest first, as the collection is sorted by date.
            first = page.locator("a[href*='/collections/tin-tuc/entries/']").first
            expect(first).to_contain_text(newest)
            # An article opens in the form; its units show by their Vietnamese names.
            seed.click()
            expect(page.get_by_text("Phòng Nội vụ", exact=True)).to_be_visible(timeout=30_000)
            expect(page.get_by_text("Thêm dòng khen thưởng")).to_have_count(1)
        finally:
            chromium.close()

    assert errors == []
    site, backend = urlsplit(site_url).netloc, f"127.0.0.1:{port}"
    elsewhere = [url for url in requests
                 if not url.startswith(("data:", "blob:")) and urlsplit(url).netloc not in (site, backend)]
    assert elsewhere == [], "requests to another host"
    assert any(urlsplit(url).netloc == backend for url in requests), "the editor never asked decap-server"


def test_registries_are_editable_in_the_form(demo_site):
    """Units, authorities and awards each a file of the "Danh mục" collection, with the same choices as the build."""
    config = load_config(demo_site)
    [registries] = [c for c in config["collections"] if c["name"] == "danh-muc"]
    files = {f["name"]: f for f in registries["files"]}
    assert {name: f["file"] for name, f in files.items()} == {
        name: f"content/data/{name}.yml" for name in ("units", "authorities", "awards")}
    assert registries["format"] == "hh-registry"
    units = by_name(by_name(by_name(files["units"]["fields"])["registry"]["fields"])["entries"]["fields"])
    assert list(units) == ["slug", "name", "kind", "parent", "aliases", "valid_from", "valid_until", "successor",
                           "note", "act", "source"]
    assert sorted(option_values(units["successor"])) == sorted(registry_slugs("units"))
    awards = by_name(by_name(by_name(files["awards"]["fields"])["registry"]["fields"])["entries"]["fields"])
    assert option_values(awards["recipients"]) == ["collective", "individual", "household"]
    assert [o["label"] for o in awards["recipients"]["options"]] == ["tập thể", "cá nhân", "hộ gia đình"]


def test_the_published_editor_opens_a_pull_request_per_article(published_site):
    """The published editor saves through the editorial workflow and shows the check's commit status."""
    config = load_config(published_site)
    assert config["publish_mode"] == "editorial_workflow"
    assert config["show_preview_links"] is True
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert f"context={config['backend']['preview_context']}" in workflow["jobs"]["check"]["steps"][-1]["run"]
