"""Atom feeds: titles go in as the plain text they are.

Pelican's feed writer reads every title as HTML and strips its tags, so a
title such as "Trường <THPT> số 1 & 2" or a unit named "A &amp; B" would
reach feed readers changed. On this site titles are plain text everywhere
(the templates escape them), so the writer is given them escaped: its tag
stripping then gives back exactly the editor's text.
"""

from __future__ import annotations

from markupsafe import escape

from ..pelican_internals import FeedRightsWriter
from .pagecache import CachingWriter


class _PlainTitle:
    """An article seen by the feed writer, with its title escaped."""

    def __init__(self, item):
        self._item = item
        self.title = escape(item.title)

    def __getattr__(self, name):
        return getattr(self._item, name)


def rights_text(settings: dict) -> str | None:
    """The feeds' <rights>: who publishes the site and under which licence its content may be reused."""
    licence = settings.get("CONTENT_LICENSE")
    parts = [settings.get("SITE_AGENCY") or settings.get("SITENAME")]
    if licence:
        parts.append(f"Nội dung theo giấy phép {licence['title']} ({licence['path']})")
    return ". ".join(p for p in parts if p) or None


class PlainTitleWriter(FeedRightsWriter, CachingWriter):
    """The site's writer, writing feed titles as plain text and each feed's rights."""

    def feed_rights(self, context):
        return rights_text(context)

    def write_feed(self, elements, context, path=None, url=None, feed_type="atom", override_output=False,
                   feed_title=None):
        items = [_PlainTitle(item) for item in elements[: self.settings["FEED_MAX_ITEMS"]]]
        return super().write_feed(items, context, path, url, feed_type, override_output,
                                  escape(feed_title) if feed_title else feed_title)


def provide_writer(pelican):
    """Use the site's writer (Pelican's get_writer signal)."""
    return PlainTitleWriter
