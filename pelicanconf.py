"""Development settings of the Hiệp Hòa news and honours portal."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
# Make the site's own plugins importable by name, wherever Pelican is run from.
if str(ROOT / "plugins") not in sys.path:
    sys.path.insert(0, str(ROOT / "plugins"))

SITENAME = "Hiệp Hòa – Tin tức và Vinh danh"
SITESUBTITLE = "Thi đua, khen thưởng của huyện Hiệp Hòa, tỉnh Bắc Giang"
AUTHOR = "Ban biên tập"

# Who publishes the portal, shown in every page's footer, in the open data's
# datapackage.json and in the feeds' <rights>. Contact details are left empty
# until the agency confirms them: an empty setting is simply not shown.
SITE_AGENCY = "Ủy ban nhân dân huyện Hiệp Hòa"
SITE_ADDRESS = ""
SITE_PHONE = ""
SITE_EMAIL = ""
# Images under theme/static/: the emblem beside the site name (optional, "" for none) and the favicon.
SITE_EMBLEM = ""
SITE_FAVICON = "img/favicon.svg"
# Licences as Frictionless Data Package licence objects (name: an SPDX identifier).
CONTENT_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}
DATA_LICENSE = {
    "name": "CC-BY-4.0",
    "title": "Creative Commons Ghi công 4.0 Quốc tế (CC BY 4.0)",
    "path": "https://creativecommons.org/licenses/by/4.0/deed.vi",
}
SITEURL = ""
PATH = str(ROOT / "content")
OUTPUT_PATH = str(ROOT / "output")
THEME = str(ROOT / "theme")
TIMEZONE = "Asia/Ho_Chi_Minh"
DEFAULT_LANG = "vi"
LOCALE = ("C.UTF-8", "C")  # dates are formatted by the theme, never by the machine's locale

PLUGIN_PATHS = [str(ROOT / "plugins")]
# "honours" comes before the sitemap: it dates generated pages for it.
PLUGINS = ["pelican.plugins.yaml_metadata", "honours", "pelican.plugins.sitemap"]
SITEMAP = {
    "format": "xml",
    "exclude": [r"\.(csv|json|svg|txt|xml)$", r"^tim-kiem/", r"^admin/"],
    "changefreqs": {"articles": "monthly", "pages": "monthly", "indexes": "weekly"},
}

# Escape every variable in templates; content HTML is marked safe explicitly.
# auto_reload off: a build renders each template once per page and must not stat every
# included partial again for each row it renders.
JINJA_ENVIRONMENT = {
    "autoescape": True, "trim_blocks": True, "lstrip_blocks": True, "extensions": [], "auto_reload": False,
}

# content/images is published by the honours plugin (upright, resized, EXIF and GPS removed), never
# copied as it is: Pelican's static copy would publish the originals with their GPS position.
STATIC_PATHS = []
ARTICLE_PATHS = ["tin-tuc"]
# An article without a category is filed here (and `invoke check` warns), never under its folder's name ("2019").
USE_FOLDER_AS_CATEGORY = False
DEFAULT_CATEGORY = "Tin tức"
PAGE_PATHS = ["pages"]
IGNORE_FILES = [".*", "*~", "*.swp", "README*"]  # hidden files include editors' locks and macOS "._" copies

# Articles and pages get their slug from the site's slugify (honours.core.vietnamese), through the reader;
# Pelican's own slugify, which makes the addresses of tags, categories and authors, is given rules that make
# it agree (after Unidecode, as both do): every run of anything but a letter or digit is one hyphen.
SLUG_REGEX_SUBSTITUTIONS = [(r"[^a-z0-9]+", "-"), (r"^-+|-+$", "")]
TAG_REGEX_SUBSTITUTIONS = CATEGORY_REGEX_SUBSTITUTIONS = AUTHOR_REGEX_SUBSTITUTIONS = SLUG_REGEX_SUBSTITUTIONS

ARTICLE_URL = "tin-tuc/{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_URL + "index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = PAGE_URL + "index.html"
CATEGORY_URL = "chuyen-muc/{slug}/"
CATEGORY_SAVE_AS = CATEGORY_URL + "index.html"
CATEGORIES_SAVE_AS = "chuyen-muc/index.html"
TAG_URL = "the/{slug}/"
TAG_SAVE_AS = TAG_URL + "index.html"
TAGS_SAVE_AS = "the/index.html"
AUTHOR_URL = "tac-gia/{slug}/"
AUTHOR_SAVE_AS = AUTHOR_URL + "index.html"
AUTHORS_SAVE_AS = "tac-gia/index.html"
ARCHIVES_SAVE_AS = "tin-tuc/index.html"
ARCHIVES_URL = "tin-tuc/"
TEMPLATE_PAGES = {"search.html": "tim-kiem/index.html", "robots.txt": "robots.txt"}
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""

# Page 2 of tag "tag1" must not land where tag "tag12" lives.
DEFAULT_PAGINATION = 20
PAGINATED_TEMPLATES = {"index": None, "tag": None, "category": None, "author": None, "archives": 40}
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

FEED_DOMAIN = SITEURL
FEED_MAX_ITEMS = 20  # the latest news; older articles stay on the site
FEED_ALL_ATOM = "tin-tuc/feed.xml"
CATEGORY_FEED_ATOM = "chuyen-muc/{slug}/feed.xml"
FEED_ALL_RSS = None
CATEGORY_FEED_RSS = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

DEFAULT_DATE_FORMAT = "%d/%m/%Y"
SUMMARY_MAX_LENGTH = 40
TYPOGRIFY = False
READERS = {"rst": None, "html": None, "htm": None}  # articles are Markdown only
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
DELETE_OUTPUT_DIRECTORY = True
OUTPUT_RETENTION = []
RELATIVE_URLS = False

# Web editor (Decap CMS) at /admin/: its files come from node_modules/ (`npm ci`), and it saves
# through this GitHub repository (see README, "Web editor"). HONOURS_ADMIN_SAVE_AS = "" turns it off.
HONOURS_ADMIN_NODE_MODULES = str(ROOT / "node_modules")
HONOURS_ADMIN_BACKEND = {"name": "github", "repo": "hiep-hoa/tin-tuc-vinh-danh", "branch": "main"}

# The name catalogues list the open data under (/du-lieu/datapackage.json).
HONOURS_DATAPACKAGE_NAME = "hiep-hoa-khen-thuong"
