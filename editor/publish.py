"""`invoke publish`: build into a temporary folder, replace output/ only on success."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def pelican_command(settings: str, content: str, output: str, *extra: str) -> list[str]:
    """The Pelican command line every build uses: any logged error stops it."""
    return [sys.executable, "-m", "pelican", content, "-s", settings, "-o", output, "--fatal", "errors", *extra]


def build_then_swap(root: Path, settings: str, output: str = "output", content: str = "content") -> int:
    """Build the site beside output/ and move it into place only if the build succeeded.

    A failed build leaves the previous output/ untouched, so a half-written
    site is never published.
    """
    root = Path(root)
    target = root / output
    staging = Path(tempfile.mkdtemp(prefix=f".{output}-new-", dir=root))
    try:
        result = subprocess.run(pelican_command(settings, str(root / content), str(staging)), cwd=root)
        if result.returncode != 0:
            return result.returncode
        previous = None
        if target.exists():
            previous = Path(tempfile.mkdtemp(prefix=f".{output}-old-", dir=root))
            os.replace(target, previous / output)
        os.replace(staging, target)
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    """Command line: build a site and put it in place only when the build succeeded."""
    parser = argparse.ArgumentParser(prog="publish", description="Xây dựng trang, chỉ thay thư mục kết quả khi "
                                                                 "xây dựng thành công.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    parser.add_argument("--root", default=".", help="thư mục dự án")
    args = parser.parse_args(argv)
    return build_then_swap(Path(args.root), args.settings)
