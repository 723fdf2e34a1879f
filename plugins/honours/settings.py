"""Default values of the honours plugin's settings, in one place.

Each page family has a `*_URL` / `*_SAVE_AS` pair, as in Pelican; an empty
`*_SAVE_AS` turns that family off. Settings are read, never written.
"""

from __future__ import annotations

DEFAULTS = {
    # Registries, relative to the content PATH.
    "HONOURS_DATA_PATH": "data",
    # Largest article file accepted, in bytes.
    "HONOURS_MAX_FILE_BYTES": 1_000_000,
    # Extra front-matter keys the site accepts besides Pelican's and ours.
    "HONOURS_EXTRA_METADATA": (),
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
    # Units with more named honours than the roll limit get a page per year.
    "HONOURS_UNIT_YEAR_URL": "don-vi/{slug}/{year}/",
    "HONOURS_UNIT_YEAR_SAVE_AS": "don-vi/{slug}/{year}/index.html",
    # A unit page lists its latest news; the rest are on its news pages.
    "HONOURS_UNIT_NEWS_LIMIT": 20,
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
    # Build the Pagefind search index into output/pagefind after each build.
    "HONOURS_SEARCH_INDEX": True,
    "HONOURS_SEARCH_URL": "tim-kiem/",
}


def setting(settings: dict, name: str):
    """Return a setting of the plugin, falling back to its default."""
    return settings.get(name, DEFAULTS[name])


def url_for(settings: dict, family: str, **values) -> str:
    """Return the URL of one page of a family (e.g. "HONOURS_YEAR", year=2017)."""
    return setting(settings, f"{family}_URL").format(**values)


def save_as_for(settings: dict, family: str, **values) -> str:
    """Return the output path of one page of a family; empty when turned off."""
    return setting(settings, f"{family}_SAVE_AS").format(**values)
