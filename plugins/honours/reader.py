"""pelican-yaml-metadata's Markdown reader, parsing the front-matter with libyaml.

The maintained reader parses with PyYAML's pure-Python loader, which is most
of the time stock Pelican spends reading a YAML-headed article; the C loader
gives the same values about ten times faster. Everything else (how the
values become Pelican metadata) is the plugin's own code.
"""

from __future__ import annotations

import unicodedata

import yaml

from .core.frontmatter import SAFE_LOADER
from .core.vietnamese import slugify
from .pelican_internals import FrontMatterReader


class HonoursMarkdownReader(FrontMatterReader):
    """Read Markdown with YAML front-matter, parsing it with the fastest safe loader.

    The honours plugin's pre-build check has already parsed every article's
    header; it hands them over in `known_headers` (source path -> (text,
    value)) and a header whose text is unchanged is not parsed again.
    """

    known_headers: dict = {}

    def read(self, source_path):
        """Return the article's HTML and metadata, its text in Unicode NFC.

        A name typed in decomposed form (some keyboards and copied PDFs give
        it) then reads, sorts and is searched like the same name composed. An
        article without a `slug` gets the one the site's slugify makes of its title.
        """
        content, metadata = super().read(source_path)
        slug = title_slug(self.settings, metadata)
        if slug:
            metadata["slug"] = slug
        return unicodedata.normalize("NFC", content), metadata

    def front_matter_value(self, text, source_path):
        """The header checked before the build, or parsed with libyaml; None lets the plugin report an error."""
        known = self.known_headers.get(source_path)
        if known is not None and known[0] == text:
            return known[1] if unicodedata.is_normalized("NFC", text) else _composed(known[1])
        try:
            metadata = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
        except yaml.YAMLError:
            return None  # pelican-yaml-metadata parses it again and logs the error as it does
        return _composed(metadata) if isinstance(metadata, dict) else None


def title_slug(settings: dict, metadata: dict) -> str | None:
    """The slug the site gives an article or page that has none, or None (it has one, or no title).

    Pelican's own slugify would treat "1/2/2018" or "Trường <THPT>" otherwise
    than `invoke new` and the checks do; a slug in the metadata is one Pelican
    takes as it is, so every address comes from the site's one slugify.
    """
    if metadata.get("slug") or settings.get("SLUGIFY_SOURCE", "title") != "title" or not metadata.get("title"):
        return None
    return slugify(str(metadata["title"])) or None


def _composed(value):
    """Return a YAML value with every text in it in Unicode NFC."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {_composed(key): _composed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_composed(item) for item in value]
    return value


def use_fast_reader(readers) -> None:
    """Read Markdown files with HonoursMarkdownReader (Pelican's readers_init signal)."""
    for extension in HonoursMarkdownReader.file_extensions:
        readers.reader_classes[extension] = HonoursMarkdownReader
