"""Production settings: absolute URLs from SITEURL, feeds with the site's domain."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

# The address the site is published at, without a trailing slash; the
# publish workflow passes it in (for GitHub Pages, the Pages URL).
SITEURL = os.environ.get("SITEURL", "https://hiephoa.example.vn").rstrip("/")
FEED_DOMAIN = SITEURL
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
# The published web editor saves each article on its own branch as a pull
# request, which CI checks and builds before it can be merged (README).
HONOURS_ADMIN_PUBLISH_MODE = "editorial_workflow"
