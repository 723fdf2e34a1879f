"""The private names of Pelican and its plugins the site uses still mean what they meant.

Each test names plugins/honours/pelican_internals.py in its message: that is
the one module to look at when an upgrade breaks one of them.
"""

from __future__ import annotations

import inspect
from datetime import datetime
from importlib.metadata import version

import pytest
from honours import pelican_internals
from honours.reader import HonoursMarkdownReader
from pelican.contents import Article
from pelican.plugins.sitemap import sitemap
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.settings import DEFAULT_CONFIG
from pelican.writers import Writer

DOOR = "plugins/honours/pelican_internals.py"


def parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


@pytest.mark.parametrize("package", sorted(pelican_internals.PINNED))
def test_the_installed_versions_are_the_ones_the_private_uses_were_checked_against(package):
    installed, pinned = version(package), pelican_internals.PINNED[package]
    assert installed == pinned, (
        f"{package} {installed} is installed but {DOOR} was written for {pinned}: check each use of "
        f"{package} there against the new version, then update PINNED"
    )


def test_pelican_yaml_metadata_still_parses_headers_in_the_two_methods_the_reader_overrides(tmp_path):
    for name, expected in (("_load_yaml_metadata", ["self", "text", "source_path"]),
                           ("_parse_yaml_metadata", ["self", "meta", "source_path"])):
        method = getattr(YAMLMetadataReader, name, None)
        assert method is not None and parameters(method) == expected, (
            f"pelican-yaml-metadata changed {name}; {DOOR} (FrontMatterReader) overrides it")
    seen = []

    class Recording(HonoursMarkdownReader):
        def front_matter_value(self, text, source_path):
            seen.append(text)
            return super().front_matter_value(text, source_path)

    article = tmp_path / "a.md"
    article.write_text("---\ntitle: Tiêu đề\ndate: 2018-02-01 08:00\ntags: [a, b]\n---\nNội dung.\n",
                       encoding="utf-8")
    _, metadata = Recording({**DEFAULT_CONFIG}).read(str(article))
    assert seen and "title: Tiêu đề" in seen[0], f"pelican-yaml-metadata no longer calls {DOOR}'s hook"
    assert metadata["title"] == "Tiêu đề" and [str(tag) for tag in metadata["tags"]] == ["a", "b"]


def test_an_articles_html_is_still_kept_in_content_and_shown_from_there():
    article = Article("<p>cũ</p>", metadata={"title": "T", "date": datetime(2018, 2, 1)}, settings={**DEFAULT_CONFIG})
    assert pelican_internals.content_html(article) == "<p>cũ</p>", f"Pelican moved `_content`; see {DOOR}"
    pelican_internals.set_content_html(article, "<p>mới</p>")
    assert article.content == "<p>mới</p>", f"Pelican no longer shows `_content` as the content; see {DOOR}"


def test_pelican_sitemap_still_keeps_its_build_in_the_two_module_attributes_the_plugin_resets():
    state = sitemap.generator
    assert hasattr(state, "_main_pelican") and hasattr(state, "page_queue"), (
        f"pelican-sitemap changed its module state; see forget_unfinished_sitemap in {DOOR}")
    state.init("a stopped build")
    pelican_internals.forget_unfinished_sitemap()
    assert state._main_pelican is None and state.page_queue == []


def test_the_writer_methods_the_site_overrides_keep_their_public_signatures():
    from honours.pages.feeds import PlainTitleWriter
    from honours.pages.pagecache import CachingWriter

    for name, subclass in (("write_feed", PlainTitleWriter), ("write_file", CachingWriter)):
        assert parameters(getattr(Writer, name)) == parameters(getattr(subclass, name)), (
            f"Pelican changed Writer.{name}; update {subclass.__module__}.{subclass.__name__}.{name}")


def test_pelican_still_creates_each_feed_in_the_method_the_rights_writer_overrides():
    method = getattr(Writer, "_create_new_feed", None)
    assert method is not None and parameters(method) == ["self", "feed_type", "feed_title", "context"], (
        f"Pelican changed _create_new_feed; {DOOR} (FeedRightsWriter) overrides it")
