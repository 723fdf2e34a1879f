"""The same content gives byte-identical output."""

from __future__ import annotations

import filecmp
from pathlib import Path

from conftest import CONTENT, run_pelican


def all_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(tmp_path):
    first = run_pelican(CONTENT, tmp_path / "first")
    second = run_pelican(CONTENT, tmp_path / "second")
    names = all_files(first)
    assert names == all_files(second)
    assert len(names) > 10
    match, mismatch, errors = filecmp.cmpfiles(first, second, names, shallow=False)
    assert mismatch == [] and errors == []
