"""The command line build stops with a non-zero exit and a readable message."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def pelican(content, output):
    return subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"),
         "-o", str(output), "--fatal", "errors"],
        capture_output=True, text=True, env={"COLUMNS": "250", "PATH": "/usr/bin:/bin"}, cwd=ROOT,
    )


def test_bad_award_line_fails_the_build(content_copy, tmp_path):
    seed = next((content_copy / "tin-tuc").rglob("hiep-hoa-tong-ket-*.md"))
    seed.write_text(seed.read_text(encoding="utf-8").replace("collectives: 17", "collective: 17"), encoding="utf-8")
    result = pelican(content_copy, tmp_path / "output")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert seed.name in output
    assert "honours.awards[5].collective" in output
    assert "'collectives'" in output
    assert "Traceback" not in output


def test_good_content_builds(tmp_path):
    result = pelican(ROOT / "content", tmp_path / "output")
    assert result.returncode == 0, result.stdout + result.stderr
