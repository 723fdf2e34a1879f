"""Default values of the honours plugin's settings, in one place.

Each page family has a `*_URL` / `*_SAVE_AS` pair, as in Pelican; an empty
`*_SAVE_AS` turns that family off. Settings are read, never written.
"""

from __future__ import annotations

import os

DEFAULTS = {
    # Registries, relative to the content PATH.
    "HONOURS_DATA_PATH": "data",
    # Largest article file accepted, in bytes.
    "HONOURS_MAX_FILE_BYTES": 1_000_000,
    # Extra front-matter keys the site accepts besides Pelican's and ours.
    "HONOURS_EXTRA_METADATA": (),
    # Raw <script>, <iframe>, event handlers and javascript: links in article
    # bodies stop the build unless this is True.
    "HONOURS_ALLOW_RAW_HTML": False,
    # Texts that look like personal data (an ID number, a phone number, an
    # e-mail address) stop the build, except these exact texts (e.g. a public hotline).
    "HONOURS_PERSONAL_DATA_ALLOWLIST": (),
    # Warn when an article's prose states counts its award data does not have.
    "HONOURS_PROSE_CHECK": True,
    # Honour rolls.
    "HONOURS_INDEX_URL": "khen-thuong/",
    "HONOURS_INDEX_SAVE_AS": "khen-thuong/index.html",
    "HONOURS_YEAR_URL": "khen-thuong/{year}/",
    "HONOURS_YEAR_SAVE_AS": "khen-thuong/{year}/index.html",
    # A year with more named recipients than this lists them on one page per
    # award (…/khen-thuong/2017/giay-khen/), split every PER_PAGE names, so
    # that no page grows past a phone's comfort.
    "HONOURS_ROLL_INLINE_LIMIT": 200,
    "HONOURS_ROLL_PER_PAGE": 400,
    "HONOURS_YEAR_AWARD_URL": "khen-thuong/{year}/{award}/",
    "HONOURS_YEAR_AWARD_SAVE_AS": "khen-thuong/{year}/{award}/index.html",
    # Units.
    "HONOURS_UNITS_URL": "don-vi/",
    "HONOURS_UNITS_SAVE_AS": "don-vi/index.html",
    "HONOURS_UNIT_URL": "don-vi/{slug}/",
    "HONOURS_UNIT_SAVE_AS": "don-vi/{slug}/index.html",
    "HONOURS_UNIT_FEED_URL": "don-vi/{slug}/feed.xml",
    "HONOURS_UNIT_FEED_SAVE_AS": "don-vi/{slug}/feed.xml",
    # A unit page lists its latest news; the rest are on its news pages.
    "HONOURS_UNIT_NEWS_LIMIT": 20,
    "HONOURS_UNIT_NEWS_PER_PAGE": 50,
    "HONOURS_UNIT_NEWS_URL": "don-vi/{slug}/tin-tuc/",
    "HONOURS_UNIT_NEWS_SAVE_AS": "don-vi/{slug}/tin-tuc/index.html",
    "HONOURS_UNIT_FEED_LIMIT": 20,
    # Statistics.
    "HONOURS_STATS_URL": "thong-ke/",
    "HONOURS_STATS_SAVE_AS": "thong-ke/index.html",
    "HONOURS_STATS_YEAR_URL": "thong-ke/{year}/",
    "HONOURS_STATS_YEAR_SAVE_AS": "thong-ke/{year}/index.html",
    "HONOURS_STATS_CHART_URL": "thong-ke/{name}.svg",
    "HONOURS_STATS_CHART_SAVE_AS": "thong-ke/{name}.svg",
    "HONOURS_STATS_TOP_UNITS": 10,
    # Demonstration articles stay out of the statistics unless this is True.
    "HONOURS_STATS_INCLUDE_ILLUSTRATIVE": False,
    # A year whose award lines come from fewer articles than this is marked as thin coverage,
    # and not compared with the year before: its figures say which articles exist, not the district.
    "HONOURS_STATS_THIN_ARTICLES": 3,
    # Open data.
    "HONOURS_DATA_URL": "du-lieu/",
    "HONOURS_DATA_SAVE_AS": "du-lieu/index.html",
    "HONOURS_JSON_SAVE_AS": "du-lieu/khen-thuong.json",
    "HONOURS_CSV_SAVE_AS": "du-lieu/khen-thuong.csv",
    "HONOURS_YEAR_CSV_URL": "du-lieu/khen-thuong-{year}.csv",
    "HONOURS_YEAR_CSV_SAVE_AS": "du-lieu/khen-thuong-{year}.csv",
    "HONOURS_JSON_URL": "du-lieu/khen-thuong.json",
    "HONOURS_CSV_URL": "du-lieu/khen-thuong.csv",
    "HONOURS_RECIPIENTS_CSV_URL": "du-lieu/nguoi-nhan.csv",
    "HONOURS_DATAPACKAGE_URL": "du-lieu/datapackage.json",
    "HONOURS_RECIPIENTS_CSV_SAVE_AS": "du-lieu/nguoi-nhan.csv",
    "HONOURS_DATAPACKAGE_SAVE_AS": "du-lieu/datapackage.json",
    # The data package's `name` (lower case, digits, "-", "_", "."), as catalogues list it.
    "HONOURS_DATAPACKAGE_NAME": "khen-thuong",
    # Build the Pagefind search index into output/pagefind after each build.
    "HONOURS_SEARCH_INDEX": True,
    "HONOURS_SEARCH_URL": "tim-kiem/",
    # Images: the folder under PATH (published at the same URL, cleaned), the widths
    # of the srcset copies (never wider than the original), the width `src` uses,
    # the `sizes` attribute (the theme's column: 60rem less 1rem padding each side),
    # encoder qualities, and the cache folder under CACHE_PATH.
    "HONOURS_IMAGE_PATH": "images",
    "HONOURS_IMAGE_WIDTHS": (480, 960),
    "HONOURS_IMAGE_DEFAULT_WIDTH": 960,
    "HONOURS_IMAGE_SIZES": "(max-width: 60rem) calc(100vw - 2rem), 58rem",
    "HONOURS_IMAGE_JPEG_QUALITY": 80,
    "HONOURS_IMAGE_WEBP_QUALITY": 78,
    "HONOURS_IMAGE_CACHE": "images",
    # Web editor (Decap CMS): the page, next to which config.yml and the editor's
    # files are written; the node_modules folder `npm ci` fills (relative to where
    # Pelican runs; without the editor's files there, the page says how to install
    # it); the backend that saves edits (see README); `local_backend` for
    # `npx decap-server` (True, or {"url": …}); the content PATH as a folder of the
    # repository, as the backend sees it.
    "HONOURS_ADMIN_URL": "admin/",
    "HONOURS_ADMIN_SAVE_AS": "admin/index.html",
    "HONOURS_ADMIN_NODE_MODULES": "node_modules",
    "HONOURS_ADMIN_BACKEND": {"name": "github", "repo": "", "branch": "main"},  # the site names its repository
    "HONOURS_ADMIN_LOCAL_BACKEND": True,
    "HONOURS_ADMIN_PUBLISH_MODE": "",  # "editorial_workflow": each saved article a pull request
    "HONOURS_ADMIN_CONTENT_FOLDER": "content",
}


def setting(settings: dict, name: str):
    """Return a setting of the plugin, falling back to its default (a family may have none: pelicanconf.py)."""
    return settings[name] if name in settings else DEFAULTS[name]


def url_for(settings: dict, family: str, **values) -> str:
    """Return the URL of one page of a family (e.g. "HONOURS_YEAR", year=2017)."""
    return setting(settings, f"{family}_URL").format(**values)


def save_as_for(settings: dict, family: str, **values) -> str:
    """Return the output path of one page of a family; empty when turned off."""
    return setting(settings, f"{family}_SAVE_AS").format(**values)


def registry_folder(settings: dict) -> str:
    """The folder of the registries editors keep (authorities, awards, units)."""
    return os.path.join(settings["PATH"], setting(settings, "HONOURS_DATA_PATH"))
