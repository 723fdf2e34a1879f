"""The rules the web editor's form checks, taken from the registries and settings the build uses.

The build (core.model, core.registries, checks.outputs) stays the judge; the
form repeats the checks it can know before saving, so an editor sees each
problem at the field instead of after the build. The data is written as
`admin/rules.js` (a script setting `window.HONOURS_RULES`, read before the
editor starts) and applied by theme/static/js/decap-rules.js.
"""

from __future__ import annotations

import json
import posixpath
import re

from ..core.counts import COMBINED_KEY, COUNT_KEYS
from ..core.model import MAX_DECISION_NUMBER, MAX_NAME, MAX_NOTE, MAX_TITLE, STATUSES, YEAR_MIN
from ..core.registries import AWARD_KINDS, COMBINED_KIND, COUNT_KINDS, LEVELS, RECIPIENT_KINDS, UNIT_KINDS, Registries

RULES_NAME = "rules.js"
COUNT_MAX = 1_000_000  # as core.model reads counts
# strftime codes of ARTICLE_URL the form can fill from the article's date.
_DATE_CODES = {"%Y": "{year}", "%m": "{month}", "%d": "{day}"}


def form_rules(settings: dict, registries: Registries, contents) -> dict:
    """Everything the form's checks need, as plain data (sorted: the same input gives the same file)."""
    return {
        "yearMin": YEAR_MIN,
        "countMax": COUNT_MAX,
        "kinds": list(COUNT_KEYS),  # in the order the site shows them
        "countKeys": dict(COUNT_KEYS),
        # One count for collectives and individuals together ("64 tập thể, cá nhân").
        "combinedKey": COMBINED_KEY,
        "combinedLabel": COUNT_KINDS[COMBINED_KIND],
        "kindLabels": dict(RECIPIENT_KINDS),
        "statuses": list(STATUSES),
        "maxLength": {"title": MAX_TITLE, "name": MAX_NAME, "household": MAX_NAME,
                      "decision_number": MAX_DECISION_NUMBER, "note": MAX_NOTE},
        "authorities": {a.slug: {"name": a.name} for a in registries.authorities.values()},
        "awards": {a.slug: {"name": a.name, "recipients": list(a.recipients)} for a in registries.awards.values()},
        "units": {u.slug: {"name": u.title, "from": u.valid_from.year if u.valid_from else None,
                           "until": u.valid_until.year if u.valid_until else None,
                           "successor": u.successor} for u in registries.units.values()},
        "registryChoices": {"level": list(LEVELS), "awardKind": list(AWARD_KINDS), "unitKind": list(UNIT_KINDS),
                            "recipients": list(RECIPIENT_KINDS)},
        "articleAddress": article_address_template(settings),
        "addresses": taken_addresses(settings, contents),
        "slugSubstitutions": [[js_pattern(p), r] for p, r in settings.get("SLUG_REGEX_SUBSTITUTIONS", ())],
    }


def article_address_template(settings: dict) -> str:
    """ARTICLE_URL with the placeholders the form can fill ({year}, {month}, {day}, {slug}); "" if others."""
    template = settings.get("ARTICLE_URL", "")
    for code, name in _DATE_CODES.items():
        template = template.replace("{date:" + code + "}", name)
    leftover = {m.group(0) for m in re.finditer(r"\{[^{}]*\}", template)} - {"{year}", "{month}", "{day}", "{slug}"}
    return "" if leftover else template


def taken_addresses(settings: dict, contents) -> dict[str, str]:
    """The address of every article and page the site writes, with its file (relative to the repository)."""
    folder = settings.get("HONOURS_ADMIN_CONTENT_FOLDER", "content").strip("/")
    taken = {}
    for content in contents:
        url = getattr(content, "url", "")
        if getattr(content, "save_as", "") and url:
            taken[url] = posixpath.join(folder, content.relative_source_path.replace("\\", "/"))
    return dict(sorted(taken.items()))


def js_pattern(pattern: str) -> str:
    r"""Pelican's Python substitution as a JavaScript pattern: (?u) is the default there, \A and \Z are ^ and $."""
    return pattern.replace("(?u)", "").replace(r"\A", "^").replace(r"\Z", "$")


def rules_script(rules: dict) -> str:
    """The rules as a script that runs before the editor starts (no request, no wait)."""
    data = json.dumps(rules, ensure_ascii=False, sort_keys=True, indent=1).replace("</", "<\\/")
    return ("/* Quy tắc kiểm tra của biểu mẫu, do Pelican tạo lại mỗi lần xây dựng trang: đừng sửa tệp này. */\n"
            f"window.HONOURS_RULES = {data};\n")
