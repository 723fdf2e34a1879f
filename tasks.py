"""Tasks for editors and developers: `invoke --list` shows them all."""

import shutil
import sys
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
PELICAN = f'"{sys.executable}" -m pelican'
HOST, PORT = "127.0.0.1", 8000


def pelican(c, settings="pelicanconf.py", extra=""):
    """Run Pelican on the content; any logged error stops it (--fatal errors)."""
    c.run(f"{PELICAN} content -s {settings} --fatal errors {extra}", pty=False)


@task
def build(c):
    """Build the site into output/ with the development settings."""
    pelican(c)


@task
def serve(c):
    """Build, serve at http://127.0.0.1:8000 and rebuild when files change."""
    build(c)
    pelican(c, extra=f"--autoreload --listen --bind {HOST} --port {PORT}")


@task
def clean(c):
    """Remove the built site and caches."""
    for folder in ("output", "cache"):
        shutil.rmtree(ROOT / folder, ignore_errors=True)


@task(help={"args": "extra arguments for pytest, e.g. -k seed"})
def test(c, args=""):
    """Run the whole test suite."""
    c.run(f'"{sys.executable}" -m pytest {args}', pty=False)
