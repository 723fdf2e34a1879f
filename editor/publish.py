"""`invoke publish` and `invoke build`: build into a staging folder, put it in place of output/ only on success.

output/ stays a plain folder (static hosts and the publish workflows upload it
as it is) and is always a whole site:

- one build at a time: a lock file beside output/; a second build waits and says so;
- the swap is one atomic exchange of the two folders where the system offers
  it (Linux `renameat2(RENAME_EXCHANGE)`); elsewhere two renames with the
  interrupting signals held back between them;
- a build killed half-way leaves only dot-folders (`.output-new-*`,
  `.output-old-*`, git-ignored); the next build removes them, and puts the
  previous site back first if the kill fell between the two renames.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no lock, builds must not overlap
    fcntl = None

_HELD_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


def pelican_command(settings: str, content: str, output: str, *extra: str) -> list[str]:
    """The Pelican command line every build uses: any logged error stops it."""
    return [sys.executable, "-m", "pelican", content, "-s", settings, "-o", output, "--fatal", "errors", *extra]


def build_then_swap(root: Path, settings: str, output: str = "output", content: str = "content") -> int:
    """Build the site beside output/ and move it into place only if the build succeeded.

    A failed or interrupted build leaves the previous output/ untouched, so a
    half-written site is never published.
    """
    root = Path(root)
    target = root / output
    with build_lock(root, output):
        recover(root, output)
        staging = Path(tempfile.mkdtemp(prefix=f".{output}-new-", dir=root))
        try:
            result = subprocess.run(pelican_command(settings, str(root / content), str(staging)), cwd=root)
            if result.returncode != 0:
                return result.returncode
            swap_into_place(staging, target)
            return 0
        finally:
            shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def build_lock(root: Path, output: str = "output"):
    """Hold the lock of output/ for one build; wait, saying so, while another build holds it."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    with open(root / f".{output}.lock", "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print("Đang có một lần xây dựng trang khác chạy; chờ lần đó xong rồi xây dựng tiếp…", flush=True)
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def recover(root: Path, output: str = "output") -> None:
    """Clean up after builds that were killed: put the last site back if output/ is gone, remove staging folders."""
    target = root / output
    olds = sorted(root.glob(f".{output}-old-*"), key=lambda p: p.stat().st_mtime, reverse=True)
    if not target.exists():
        for old in olds:
            if (old / output).is_dir():
                os.rename(old / output, target)
                print(f"Đã khôi phục {output}/ của lần xây dựng trước (lần trước bị dừng giữa chừng).", flush=True)
                break
    for leftover in [*olds, *root.glob(f".{output}-new-*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def swap_into_place(staging: Path, target: Path) -> None:
    """Make staging the new target; the previous target ends up in staging (removed by the caller)."""
    if not target.exists():
        os.rename(staging, target)
        return
    if _exchange(staging, target):
        return
    previous = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
    held = signal.pthread_sigmask(signal.SIG_BLOCK, _HELD_SIGNALS) if hasattr(signal, "pthread_sigmask") else None
    try:  # nothing a Ctrl+C or a stop request can split; a kill is undone by `recover`
        os.rename(target, previous / target.name)
        os.rename(staging, target)
    finally:
        if held is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, held)
    shutil.rmtree(previous, ignore_errors=True)


_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one system call where Linux offers it; False where it does not.

    The standard library has no atomic exchange of two paths, hence the call through ctypes.
    """
    if not sys.platform.startswith("linux") or os.environ.get("HONOURS_NO_EXCHANGE"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    done = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return done == 0


def main(argv: list[str] | None = None) -> int:
    """Command line: build a site and put it in place only when the build succeeded."""
    parser = argparse.ArgumentParser(prog="publish", description="Xây dựng trang, chỉ thay thư mục kết quả khi "
                                                                 "xây dựng thành công.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    parser.add_argument("--root", default=".", help="thư mục dự án")
    args = parser.parse_args(argv)
    return build_then_swap(Path(args.root), args.settings)
