"""`invoke serve`: build, serve on 127.0.0.1 and rebuild whenever a source changes.

Each build runs Pelican in a fresh process (so changes to the plugin's own
code are picked up too) into a staging folder that replaces output/ only
when it succeeds: a content error is printed in the terminal while the last
good site stays up, and the server never stops.
"""

from __future__ import annotations

import argparse
import functools
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .publish import build_then_swap

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request."""

    def log_message(self, *args):
        pass


def start_server(folder: Path, host: str, port: int) -> ThreadingHTTPServer:
    """Serve folder in a background thread (the folder may be replaced meanwhile)."""
    handler = functools.partial(QuietHandler, directory=str(folder))
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rebuild(root: Path, settings: str) -> bool:
    """Build once; report the outcome in Vietnamese."""
    started = time.perf_counter()
    ok = build_then_swap(root, settings) == 0
    elapsed = time.perf_counter() - started
    if ok:
        print(f"✓ Đã xây dựng lại trang ({elapsed:.1f} giây).", flush=True)
    else:
        print("✗ Có lỗi (xem ở trên); trang đang xem vẫn là bản tốt gần nhất. Sửa tệp rồi lưu lại.", flush=True)
    return ok


def serve(root: Path, settings: str = "pelicanconf.py", host: str = "127.0.0.1", port: int = 8000,
          watch=None) -> None:
    """Build, serve and rebuild on changes until interrupted."""
    from watchfiles import watch as watch_changes

    root = Path(root).resolve()
    rebuild(root, settings)
    (root / "output").mkdir(exist_ok=True)
    server = start_server(root / "output", host, port)
    print(f"Đang phục vụ trang tại http://{host}:{port}/ — nhấn Ctrl+C để dừng.", flush=True)
    paths = [root / p for p in WATCHED if (root / p).exists()]
    try:
        for changes in (watch or watch_changes)(*paths):
            changed = sorted({str(Path(path).relative_to(root)) for _, path in changes})
            print("Thay đổi: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else ""), flush=True)
            rebuild(root, settings)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    """Command line: serve the site and rebuild it on every change until Ctrl+C."""
    parser = argparse.ArgumentParser(prog="serve", description="Xem trước trang và xây dựng lại khi có thay đổi.")
    parser.add_argument("-s", "--settings", default="pelicanconf.py", help="tệp cấu hình Pelican")
    parser.add_argument("--root", default=".", help="thư mục dự án")
    parser.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    args = parser.parse_args(argv)
    serve(Path(args.root), args.settings, port=args.port)
    return 0
