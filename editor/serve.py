"""`invoke serve`: build, serve on 127.0.0.1 and rebuild whenever a source changes.

Each build runs Pelican in a fresh process (so changes to the plugin's own
code are picked up too) into a staging folder that replaces output/ only
when it succeeds. While the last build failed, every address of the site
answers with the list of problems (editor/buildreport.py) instead of the
last good pages, which would pass for current: the editor sees what to fix
in the browser, and the page reloads itself once a build succeeds. The web
editor (/admin/) stays available, so the fix can be made there. The server
never stops.
"""

from __future__ import annotations

import argparse
import functools
import json
import threading
import time
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from .buildreport import STATUS_PATH, error_page, problems_of, write_report
from .publish import build_then_swap

WATCHED = ("content", "theme", "plugins", "pelicanconf.py")
# Still served while the build fails: the web editor, where the content can be fixed.
ALWAYS_SERVED = ("/admin/",)


class BuildState:
    """The outcome of the latest build, shared with the request handlers."""

    def __init__(self) -> None:
        self.generation = 0
        self.problems: list[dict] | None = None  # None: the last build succeeded
        self.lock = threading.Lock()

    def update(self, problems: list[dict] | None) -> None:
        with self.lock:
            self.generation += 1
            self.problems = problems

    def snapshot(self) -> tuple[int, list[dict] | None]:
        with self.lock:
            return self.generation, self.problems


class SiteHandler(SimpleHTTPRequestHandler):
    """Serve the built site, or the problems of the last build while it failed; no log line per request."""

    state: BuildState

    def log_message(self, *args):
        pass

    def do_GET(self):
        if not self.special():
            super().do_GET()

    def do_HEAD(self):
        if not self.special():
            super().do_HEAD()

    def special(self) -> bool:
        """Answer the build status, or the error page; False when the request is for the site itself."""
        generation, problems = self.state.snapshot()
        path = self.path.split("?", 1)[0]
        if path == STATUS_PATH:
            self.respond(200, "application/json", json.dumps({"generation": generation, "ok": problems is None}))
            return True
        if problems is None or path.startswith(ALWAYS_SERVED):
            return False
        self.respond(503, "text/html; charset=utf-8", error_page(problems, generation))
        return True

    def respond(self, status: int, content_type: str, text: str) -> None:
        body = text.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def start_server(folder: Path, host: str, port: int, state: BuildState | None = None) -> ThreadingHTTPServer:
    """Serve folder in a background thread (the folder may be replaced meanwhile)."""
    handler = functools.partial(type("Handler", (SiteHandler,), {"state": state or BuildState()}),
                                directory=str(folder))
    ThreadingHTTPServer.allow_reuse_address = True
    server = ThreadingHTTPServer((host, port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def rebuild(root: Path, settings: str, state: BuildState | None = None) -> bool:
    """Build once; report the outcome in Vietnamese, in the terminal, in the report and to the server."""
    started = time.perf_counter()
    ok = build_then_swap(root, settings) == 0
    elapsed = time.perf_counter() - started
    problems = [] if ok else problems_of(root, settings)
    write_report(root, "output", problems)
    if state is not None:
        state.update(None if ok else problems)
    if ok:
        print(f"✓ Đã xây dựng lại trang ({elapsed:.1f} giây).", flush=True)
    else:
        print(f"✗ Có lỗi (xem ở trên); mọi địa chỉ của trang đang hiện danh sách {len(problems) or 'các'} lỗi "
              "thay cho trang cũ. Sửa tệp rồi lưu lại.", flush=True)
    return ok


def serve(root: Path, settings: str = "pelicanconf.py", host: str = "127.0.0.1", port: int = 8000,
          watch=None) -> None:
    """Build, serve and rebuild on changes until interrupted."""
    from watchfiles import watch as watch_changes

    root = Path(root).resolve()
    state = BuildState()
    rebuild(root, settings, state)
    (root / "output").mkdir(exist_ok=True)
    server = start_server(root / "output", host, port, state)
    print(f"Đang phục vụ trang tại http://{host}:{port}/ — nhấn Ctrl+C để dừng.", flush=True)
    paths = [root / p for p in WATCHED if (root / p).exists()]
    try:
        for changes in (watch or watch_changes)(*paths):
            changed = sorted({str(Path(path).relative_to(root)) for _, path in changes})
            print("Thay đổi: " + ", ".join(changed[:5]) + (" …" if len(changed) > 5 else ""), flush=True)
            rebuild(root, settings, state)
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
