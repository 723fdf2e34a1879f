"""Tasks for editors and developers: `invoke --list` shows them all.

Each task is a few lines; the work is done by modules of the honours plugin.
"""

import os
import shutil
import sys
from pathlib import Path

from invoke import task
from invoke.exceptions import Exit

ROOT = Path(__file__).resolve().parent
sys.path[:0] = [str(ROOT), str(ROOT / "plugins")]  # the editor's commands and dev tools; the plugin


def registries() -> str:
    """The registries folder the site's settings name.

    pelicanconf.py is plain Python: reading it with runpy rather than Pelican's
    read_settings keeps the editor's quick commands (extract) from loading
    Pelican, about a second each time.
    """
    import runpy

    from honours.settings import registry_folder

    settings = {key: value for key, value in runpy.run_path(str(ROOT / "pelicanconf.py")).items() if key.isupper()}
    settings["PATH"] = str((ROOT / settings.get("PATH", "content")).resolve())
    return registry_folder(settings)


def finish(code: int) -> None:
    """Stop the task with the command's exit code (non-zero on any problem)."""
    if code:
        raise Exit(code=code)


@task
def build(c):
    """Build the site into output/ (development settings); any content error stops it."""
    from editor.publish import main

    finish(main(["--root", str(ROOT), "-s", "pelicanconf.py"]))


@task
def serve(c, port=8000):
    """Build, serve at http://127.0.0.1:8000 and rebuild when content, theme or plugins change."""
    from editor.serve import main

    finish(main(["--root", str(ROOT), "--port", str(port)]))


@task(help={"path": "content folder to check (default: content/)"})
def check(c, path=""):
    """Check all articles and registries without building; list every problem as file:line."""
    from editor.check import main

    finish(main(["-s", str(ROOT / "pelicanconf.py"), *(["--path", path] if path else [])]))


@task(help={"title": "the article's title in Vietnamese, in quotes",
            "date": "publication date, e.g. 2018-02-01 or \"2018-02-01 14:30\" (default: now)",
            "year": "emulation year of the award data, only when it differs from the date's year"})
def new(c, title, date="", year=""):
    """Create content/tin-tuc/<year>/<slug>.md for a new article, dated now or --date."""
    from editor.new import main

    options = [*(["--date", date] if date else []), *(["--year", str(year)] if year else [])]
    finish(main([title, *options, "--content", str(ROOT / "content")]))


@task(help={"path": "an article (Markdown or text)", "json": "print JSON instead of YAML"})
def extract(c, path, json=False):
    """Propose the award lines stated in an article's prose."""
    from editor.extract import main

    finish(main([path, "--data", registries(), *(["--json"] if json else [])]))


@task
def publish(c):
    """Build with publishconf.py into a temporary folder and replace output/ only if it succeeded."""
    from editor.publish import main

    if not os.environ.get("SITEURL"):
        print("Chú ý: chưa đặt biến SITEURL (địa chỉ trang khi xuất bản); dùng địa chỉ mặc định trong publishconf.py.")
    finish(main(["--root", str(ROOT), "-s", "publishconf.py"]))


@task
def clean(c):
    """Remove the built site and caches."""
    for folder in ("output", "cache"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task(help={"articles": "number of articles", "recipients": "number of named recipients",
            "out": "an empty folder to write into", "seed": "random seed"})
def corpus(c, articles=2000, recipients=20000, out="bench-corpus", seed=2017):
    """Write a synthetic content folder for scale tests."""
    from devtools.corpus import main

    finish(main(["--articles", str(articles), "--recipients", str(recipients), "--out", out, "--seed", str(seed),
                 "--data", registries()]))


@task(help={"articles": "number of articles", "recipients": "number of named recipients",
            "runs": "builds of each kind (median reported)"})
def bench(c, articles=3000, recipients=30000, runs=3):
    """Time the full site against stock Pelican on one synthetic corpus; print one JSON line."""
    from devtools.bench import main

    finish(main(["--articles", str(articles), "--recipients", str(recipients), "--runs", str(runs),
                 "--settings", str(ROOT / "pelicanconf.py")]))


@task(help={"args": "extra arguments for pytest, e.g. -k seed"})
def test(c, args=""):
    """Run the whole test suite (installs Chromium, Java and the web editor first when missing)."""
    ensure_browser_and_java(c)
    if not (ROOT / "node_modules" / "decap-cms").is_dir() and shutil.which("npm"):
        c.run("npm ci --no-audit --no-fund", pty=False)
    c.run(f'"{sys.executable}" -m pytest {args}', pty=False)


def ensure_browser_and_java(c):
    """Install Debian's chromium and a Java runtime for the browser and HTML tests, if needed."""
    missing = [pkg for pkg, exe in (("chromium", "/usr/bin/chromium"), ("default-jre-headless", "java"))
               if not shutil.which(exe)]
    if not missing:
        return
    if os.geteuid() == 0 and shutil.which("apt-get"):
        c.run("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq " + " ".join(missing))
    else:
        print("The browser and HTML-validity tests need: " + ", ".join(missing) +
              " (sudo apt-get install " + " ".join(missing) + ").")
