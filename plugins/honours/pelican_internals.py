"""Every use of a private name of Pelican or of a Pelican plugin, in one place.

Neither Pelican nor its plugins promise to keep these names across releases,
so each is used here only, says why no supported hook does the job, and is
listed in PINNED: tests/test_pelican_internals.py checks each against the
installed versions and names this module when one changed.
"""

from __future__ import annotations

from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

# The versions these uses were written against (requirements.txt pins the same).
PINNED = {
    "pelican": "4.12.0",
    "pelican-yaml-metadata": "2.2.0",
    "pelican-sitemap": "1.2.2",
}


def content_html(content) -> str | None:
    """The HTML of an article or page as its reader made it, before Pelican rewrites its links.

    Why private: `content_object_init` is the hook for changing an article's
    HTML, but Pelican offers no public setter; `content` and `get_content()`
    return a copy with links already resolved. Pelican's own plugins read and
    write `_content` here.
    """
    return content._content


def set_content_html(content, html: str) -> None:
    """Replace the HTML of an article or page (see content_html)."""
    content._content = html


class FrontMatterReader(YAMLMetadataReader):
    """pelican-yaml-metadata's Markdown reader, with the YAML parsing step replaceable.

    Why private: the plugin parses the header with PyYAML's pure-Python
    loader inside `_load_yaml_metadata` and has no hook for a faster loader or
    for a header parsed already; `_parse_yaml_metadata` turns the parsed value
    into Pelican metadata, which is the plugin's job and stays its code.
    Subclasses implement `front_matter_value`.
    """

    def front_matter_value(self, text: str, source_path: str) -> dict | None:
        """The parsed header, or None to let pelican-yaml-metadata parse (and report) it."""
        return None

    def _load_yaml_metadata(self, text, source_path):
        value = self.front_matter_value(text, source_path)
        if value is None:
            return super()._load_yaml_metadata(text, source_path)
        return self._parse_yaml_metadata(value, source_path)


def forget_unfinished_sitemap() -> None:
    """Reset what a stopped build left in pelican-sitemap's module state.

    Why private: pelican-sitemap keeps the first Pelican object that started
    a build and its queued pages in a module-level object, and forgets them
    only in `finalized`, which a build stopped by a content error never
    reaches; every later build in the same process (`invoke serve`'s
    rebuilds, the tests) would then write no sitemap. It has no reset hook.
    """
    from pelican.plugins.sitemap import sitemap

    sitemap.generator._main_pelican = None
    sitemap.generator.page_queue = []


class FeedRightsWriter:
    """A writer mixin that gives every feed it writes a <rights> element.

    Why private: Pelican creates each feed in `Writer._create_new_feed` and
    writes it within the same `write_feed` call; no hook or setting sets
    feedgenerator's `feed_copyright`. Subclasses implement `feed_rights`.
    """

    def feed_rights(self, context: dict) -> str | None:
        """The text of the feed's <rights>, or None for none."""
        return None

    def _create_new_feed(self, feed_type, feed_title, context):
        feed = super()._create_new_feed(feed_type, feed_title, context)
        feed.feed["feed_copyright"] = self.feed_rights(context)
        return feed
