"""The same content gives byte-identical output."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import CONTENT, ROOT, run_pelican


def all_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def build_in_a_new_process(output: Path, hash_seed: str) -> Path:
    """Build the demo site with `pelican`, as an editor does, with its own string hashing."""
    environment = {**os.environ, "PYTHONHASHSEED": hash_seed}
    result = subprocess.run([sys.executable, "-m", "pelican", str(CONTENT), "-s", "pelicanconf.py", "-o", str(output),
                             "--fatal", "errors"], cwd=ROOT, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return output


def test_two_builds_in_processes_that_hash_differently_are_byte_identical(tmp_path):
    # Sets and dicts of strings iterate in another order under another PYTHONHASHSEED.
    first = build_in_a_new_process(tmp_path / "first", "1")
    second = build_in_a_new_process(tmp_path / "second", "2")
    names = all_files(first)
    assert names == all_files(second)
    assert len(names) > 10
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert mismatch == [] and errors == []


def test_the_sitemap_dates_come_from_the_content_not_the_clock(tmp_path):
    output = run_pelican(CONTENT, tmp_path / "site")
    newest = max(
        str(front.get(key))[:10]
        for path in CONTENT.rglob("*.md")
        for front in [yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])]
        for key in ("date", "modified") if front.get(key)
    )
    lastmods = re.findall(r"<lastmod>([^<]+)</lastmod>", (output / "sitemap.xml").read_text(encoding="utf-8"))
    assert lastmods and max(value[:10] for value in lastmods) == newest
