"""`invoke new`: start a new article file with its front-matter ready to fill."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from honours.core.model import MAX_TITLE
from honours.core.vietnamese import slugify

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
SHORT_SLUG = 80

TEMPLATE = """\
---
title: {title}
date: {date}
{slug_line}# author: Tên tác giả
category: Tin tức
tags: []
# summary: Một câu tóm tắt bài viết.
# units: [xa-hoa-son]                # mã các đơn vị bài nói tới (content/data/units.yml)
honours:
  year: {year}                        # năm thi đua
  awards: []                          # dòng khen thưởng: chạy `invoke extract {path}` để gợi ý
---

Viết nội dung bài ở đây.
"""


def new_article(content_dir: Path, title: str, now: datetime | None = None) -> Path:
    """Create content/tin-tuc/<year>/<slug>.md; refuse to overwrite an existing file."""
    title = " ".join(title.split())
    slug = slugify(title)
    if not slug:
        raise ValueError("Tiêu đề cần có ít nhất một chữ hoặc số.")
    if any(unicodedata.category(char) in ("Cc", "Cf") for char in title):
        raise ValueError("Tiêu đề có ký tự điều khiển hoặc ký tự ẩn; hãy gõ lại tiêu đề.")
    if len(title) > MAX_TITLE:
        raise ValueError(f"Tiêu đề dài {len(title)} ký tự, tối đa {MAX_TITLE}; hãy rút gọn.")
    short = _shortened(slug)
    now = (now or datetime.now(TIMEZONE)).astimezone(TIMEZONE)
    path = content_dir / "tin-tuc" / f"{now:%Y}" / f"{short}.md"
    if path.exists():
        raise FileExistsError(f"Đã có tệp {path}; hãy đặt tiêu đề khác hoặc sửa tệp đó.")
    path.parent.mkdir(parents=True, exist_ok=True)
    quoted = '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"'
    slug_line = f"slug: {short}\n" if short != slug else ""  # the address follows the file's shorter name
    text = TEMPLATE.format(title=quoted, date=f"{now:%Y-%m-%d %H:%M}", slug_line=slug_line, year=now.year,
                           path=path)
    with open(path, "x", encoding="utf-8") as handle:  # "x": never overwrite
        handle.write(text)
    return path


def _shortened(slug: str) -> str:
    """A slug cut at a word boundary to at most SHORT_SLUG characters (file names and addresses stay readable)."""
    if len(slug) <= SHORT_SLUG:
        return slug
    cut = slug[: SHORT_SLUG + 1].rsplit("-", 1)[0]
    return cut or slug[:SHORT_SLUG]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="new", description="Tạo bài viết mới.")
    parser.add_argument("title", help="tiêu đề bài viết (tiếng Việt có dấu)")
    parser.add_argument("--content", default="content", help="thư mục nội dung")
    args = parser.parse_args(argv)
    try:
        path = new_article(Path(args.content), args.title)
    except (ValueError, FileExistsError) as error:
        print(error, file=sys.stderr)
        return 1
    print(f"Đã tạo {path}")
    return 0
