"""The README and the editors' guide describe commands that exist; the code stays tidy."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

INVOKE = str(Path(sys.executable).with_name("invoke"))
DOCS = [ROOT / "README.md", ROOT / "docs/huong-dan-bien-tap.md"]


def task_names() -> set[str]:
    listing = subprocess.run([INVOKE, "--list"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    return set(re.findall(r"^  (\w+)  ", listing, re.M))


def test_documented_invoke_commands_exist():
    tasks = task_names()
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        used = set(re.findall(r"(?:bin/|`)invoke ([a-z]+)", text)) - {"tasks"}
        assert used, doc
        assert used <= tasks, (doc.name, used - tasks)


def test_quick_start_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1)
    commands = [line for line in block.splitlines() if line.strip() and not line.startswith("#")]
    assert len(commands) == 2
    assert commands[0].endswith("invoke serve") and commands[1].endswith("invoke test")


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    test_command = re.search(r"## Quick start.*?```sh\n(.*?)```", readme, re.S).group(1).splitlines()[1]
    assert test_command in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_code_passes_ruff():
    result = subprocess.run([str(Path(sys.executable).with_name("ruff")), "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
