"""The report of a failed build: every problem as JSON beside output/ and as a Vietnamese page.

`invoke serve` shows this page at every address of the site while the build
fails, so the editor sees each `file:line: field: problem — fix` in the
browser where they look, not only in a terminal, and never mistakes the last
good build for the current one. The JSON is for other tools (an editor
plug-in, CI) to show the same list.

The problems are found by running the editor's check in a fresh process, so
that changes to the plugin itself are seen, as the build sees them.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from html import escape
from itertools import groupby
from pathlib import Path

REPORT_NAME = "build-report.json"
# The address the error page polls to know when the site is back.
STATUS_PATH = "/.trang-thai-xay-dung.json"
RELOAD_SECONDS = 1


def problems_of(root: Path, settings: str, content: str = "content") -> list[dict]:
    """Run the check on the content in a fresh Python process; return its problems as dicts."""
    root = Path(root)
    environment = {**os.environ,
                   "PYTHONPATH": os.pathsep.join([str(root), str(root / "plugins"), os.environ.get("PYTHONPATH", "")])}
    result = subprocess.run([sys.executable, "-m", "editor.buildreport", "-s", settings, "--path", str(root / content)],
                            cwd=root,
                            env=environment, capture_output=True, text=True, timeout=600)
    try:
        return json.loads(result.stdout)
    except ValueError:
        # The check itself broke (a syntax error in a settings file, say): show what it printed.
        text = (result.stderr or result.stdout).strip().splitlines()[-20:]
        return [problem_dict(settings, 0, "", "không kiểm tra được nội dung: " + " / ".join(text),
                             "xem thông báo trong cửa sổ lệnh")]


def problem_dict(path: str, line: int, field: str, message: str, hint: str) -> dict:
    from honours.core.problems import Problem

    return {"path": path, "line": line, "field": field, "message": message, "hint": hint,
            "text": str(Problem(path, line, field, message, hint))}


def write_report(root: Path, output: str, problems: list[dict]) -> Path:
    """Write the report beside the output folder (an empty list after a good build)."""
    target = Path(root) / f"{output}-{REPORT_NAME}"
    report = {"ok": not problems, "problems": problems}
    target.write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return target


def error_page(problems: list[dict], generation: int) -> str:
    """The page served at every address while the build fails; it reloads itself once the build succeeds."""
    if not problems:
        problems = [problem_dict("", 0, "", "quá trình xây dựng trang dừng lại mà không nêu lỗi trong nội dung",
                                 "xem thông báo trong cửa sổ lệnh đang chạy `invoke serve`")]
    sections = []
    for path, group in groupby(sorted(problems, key=lambda p: (p["path"], p["line"], p["text"])),
                               key=lambda p: p["path"]):
        items = "".join(f"<li><code>{escape(p['text'])}</code></li>" for p in group)
        heading = escape(path) if path else "Chung"
        sections.append(f"<section><h2>{heading}</h2><ul>{items}</ul></section>")
    count = len(problems)
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Có {count} lỗi: trang chưa được xây dựng lại</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.5; }}
h1 {{ color: #a30000; font-size: 1.4rem; }} h2 {{ font-size: 1.1rem; margin-bottom: .25rem; }}
code {{ white-space: pre-wrap; word-break: break-word; }} li {{ margin: .3rem 0; }}
.note {{ background: #fff4e5; border-left: 4px solid #e07b00; padding: .5rem 1rem; }}
</style>
</head>
<body data-generation="{generation}">
<h1>Có {count} lỗi: trang chưa được xây dựng lại</h1>
<p class="note">Trang web lúc này <strong>không</strong> phải là bản mới nhất: lần xây dựng gần đây dừng lại vì các
lỗi dưới đây. Mỗi dòng ghi <code>tệp:dòng: trường: lỗi — cách sửa</code>. Sửa tệp rồi lưu lại (trong trình soạn
thảo hoặc trình soạn văn bản); trang này tự tải lại khi trang đã được xây dựng lại thành công.</p>
{"".join(sections)}
<p><a href="/admin/">Mở trình soạn thảo trên web</a></p>
<script>
(function () {{
  var shown = {generation};
  function poll() {{
    fetch("{STATUS_PATH}", {{cache: "no-store"}}).then(function (r) {{ return r.json(); }}).then(function (s) {{
      if (s.generation !== shown) {{ location.reload(); }} else {{ setTimeout(poll, {RELOAD_SECONDS * 1000}); }}
    }}).catch(function () {{ setTimeout(poll, {RELOAD_SECONDS * 1000 * 3}); }});
  }}
  setTimeout(poll, {RELOAD_SECONDS * 1000});
}})();
</script>
</body>
</html>
"""


def main(argv: list[str] | None = None) -> int:
    """Print the content's problems as JSON (the check's errors, not its warnings)."""
    from honours.core.problems import display_path
    from pelican.settings import read_settings

    from .check import check_problems

    parser = argparse.ArgumentParser(prog="buildreport")
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("--path", help="the content folder the build reads")
    args = parser.parse_args(argv)
    problems, _ = check_problems(read_settings(args.settings, override={"PATH": args.path} if args.path else None))
    print(json.dumps([problem_dict(display_path(p.path), p.line, p.field, p.message, p.hint) for p in problems],
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
