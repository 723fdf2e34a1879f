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


def quick_start_commands() -> list[str]:
    """The commands of the README's quick start: every line of its code blocks."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"## Quick start\n(.*?)\n## ", readme, re.S).group(1)
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for block in blocks for line in block.splitlines() if line.strip() and not line.startswith("#")]


def test_quick_start_is_two_commands():
    commands = quick_start_commands()
    assert len(commands) == 2
    assert commands[0].endswith("invoke serve") and commands[1].endswith("invoke test")


def test_ci_runs_the_readme_test_command():
    assert quick_start_commands()[1] in (ROOT / ".ci/run").read_text(encoding="utf-8")


def test_code_passes_ruff():
    result = subprocess.run([str(Path(sys.executable).with_name("ruff")), "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
