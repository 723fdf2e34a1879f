"""Turn one article's front-matter into checked, frozen records (or problems)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from .counts import COMBINED_KEY, COUNT_KEYS, TOTAL_KEYS, final_counts
from .registries import (
    AUTHORITY_FILE,
    AWARD_FILE,
    UNIT_FILE,
    Authority,
    Award,
    Registries,
    Unit,
)
from .validation import MISSING, Checker, show
from .vietnamese import slugify

YEAR_MIN = 1945  # the first emulation movement of the Republic

# Keys Pelican itself understands in front-matter.
# Pelican's keys an editor may write. Not `template`, `url`, `save_as` (they break pages and
# links without an error), nor `lang`/`translation` (the site is in Vietnamese only).
PELICAN_KEYS = (
    "title", "date", "modified", "author", "authors", "category", "tags", "slug", "summary", "status",
)  # fmt: skip
# Keys this site adds.
SITE_KEYS = ("units", "honours", "illustrative", "source")
SOURCE_KEYS = ("url", "publisher")
HONOURS_KEYS = ("year", "awards")
LINE_KEYS = (
    "by", "award", "year", "collectives", "individuals", "households", "collectives_or_individuals",
    "recipients", "decision_number", "decision_date", "note",
)  # fmt: skip
RECIPIENT_KEYS = ("unit", "name", "household")
STATUSES = ("published", "draft", "hidden")
# Longest texts accepted, in characters: enough for any real value, short
# enough that a pasted document cannot end up in a heading or a table cell.
MAX_TITLE = 300
MAX_NAME = 200  # names of people, households, authors, categories and tags
MAX_DECISION_NUMBER = 100
MAX_SLUG = 200
MAX_NOTE = 2_000
MAX_SUMMARY = 2_000
MAX_URL = 500

# Editors must write dates as year-month-day: "01/02/2018" is ambiguous
# (Pelican would read it as 2 January).
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$")
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?")


@dataclass(frozen=True)
class Recipient:
    """A named recipient: a unit (collective), or a person or household in a unit."""

    kind: str
    unit: Unit
    name: str | None = None

    @property
    def display_name(self) -> str:
        return self.name if self.name else self.unit.title


@dataclass(frozen=True)
class AwardLine:
    """Who conferred what, for which emulation year, on how many recipients."""

    position: int
    year: int
    authority: Authority
    award: Award
    collectives: int
    individuals: int
    households: int
    recipients: tuple[Recipient, ...] = ()
    collectives_or_individuals: int = 0  # stated together; the named collectives and individuals are part of it
    decision_number: str | None = None
    decision_date: date | None = None
    note: str | None = None

    @property
    def total(self) -> int:
        return self.collectives + self.individuals + self.households + self.collectives_or_individuals

    def count(self, kind: str) -> int:
        """Return the count for a recipient kind, or for COMBINED_KIND (stated together)."""
        return getattr(self, TOTAL_KEYS[kind])


@dataclass(frozen=True)
class ArticleData:
    """What the honours plugin knows of one article file."""

    source_path: str
    title: str
    date: datetime
    status: str
    units: tuple[Unit, ...] = ()
    lines: tuple[AwardLine, ...] = ()
    illustrative: bool = False


def parse_article(
    check: Checker, data: dict, registries: Registries, source_path: str, extra_keys=()
) -> ArticleData | None:
    """Return the article's records, recording every problem on `check`."""
    title, published, status, illustrative, units = _common_fields(check, data, registries, extra_keys)
    if published is MISSING:
        check.error(("date",), "thiếu ngày đăng bài", "thêm dòng 'date: 2018-02-01 08:00'")
        published = None
    lines = _honours(check, data.get("honours", MISSING), registries, published)
    if title is None or published is None or status is None:
        return None
    return ArticleData(source_path, title, published, status, units, lines, illustrative)


def check_page(check: Checker, data: dict, registries: Registries, extra_keys=()) -> None:
    """Record every problem of a static page's front-matter on `check` (a page has no award data)."""
    _common_fields(check, data, registries, extra_keys)
    if "honours" in data:
        check.error(("honours",), "trang tĩnh không mang dữ liệu khen thưởng",
                    "chuyển nội dung này thành một bài viết trong thư mục tin tức")


def _common_fields(check: Checker, data: dict, registries: Registries, extra_keys) -> tuple:
    """Check what articles and pages share; return (title, date or MISSING, status, illustrative, units)."""
    check.unknown_keys(data, (*PELICAN_KEYS, *SITE_KEYS, *extra_keys), ())
    title = check.text(data, "title", (), max_length=MAX_TITLE)
    if title and "slug" not in data:  # the address is made from the title
        derived = slugify(title)
        if not derived:
            check.error(("title",), "tiêu đề không có chữ cái hay chữ số nào", "viết tiêu đề bằng chữ")
        elif len(derived) > MAX_SLUG:
            check.error(("title",), f"tiêu đề dài nên địa chỉ bài sẽ quá dài ({len(derived)} ký tự, tối đa {MAX_SLUG})",
                        f"thêm dòng 'slug:' ngắn gọn, ví dụ 'slug: {derived[:60].rsplit('-', 1)[0]}'")
    _shown_texts(check, data)
    published = _date(check, data, "date", "ngày đăng") if data.get("date") is not None else MISSING
    if data.get("modified") is not None:
        modified = _date(check, data, "modified", "ngày sửa")
        if modified is not None and isinstance(published, datetime) and modified < published:
            check.error(("modified",), "ngày sửa trước ngày đăng bài",
                        "ghi ngày sửa sau ngày đăng, hoặc xóa dòng 'modified'")
    _slug(check, data)
    status = data.get("status", "published")
    if status not in STATUSES:
        check.error(("status",), f"trạng thái {show(status)} không hợp lệ",
                    "dùng published (đăng), draft (bản nháp) hoặc hidden (ẩn khỏi danh sách)")
        status = None
    illustrative = data.get("illustrative", False)
    if not isinstance(illustrative, bool):
        check.error(("illustrative",), f"phải là true hoặc false, không phải {show(illustrative)}",
                    "viết 'illustrative: true' cho bài có dữ liệu minh họa")
        illustrative = False
    units = _unit_list(check, data, registries)
    _source(check, data)
    return title, published, status, illustrative, units


def _source(check: Checker, data: dict) -> None:
    """The public report an article is written from: its web address and who published it."""
    if data.get("source") is None:
        return
    source = check.mapping(data["source"], ("source",), "'source'")
    if source is None:
        return
    check.unknown_keys(source, SOURCE_KEYS, ("source",))
    url = check.text(source, "url", ("source",), max_length=MAX_URL)
    check.text(source, "publisher", ("source",), max_length=MAX_NAME)
    if url and not _WEB_ADDRESS.fullmatch(url):
        check.error(("source", "url"), f"địa chỉ nguồn {show(url)} không phải địa chỉ web",
                    "chép nguyên địa chỉ bắt đầu bằng https:// hoặc http://")


def _slug(check: Checker, data: dict) -> None:
    """An address written by hand: lower-case letters without diacritics, digits and hyphens."""
    value = data.get("slug")
    if value is None:
        return
    if not isinstance(value, str) or len(value) > MAX_SLUG or not _SLUG.fullmatch(value):
        check.error(("slug",), f"địa chỉ {show(value)} không hợp lệ",
                    "chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 'tong-ket-nam-2017'; "
                    "hoặc xóa dòng 'slug' để địa chỉ được tạo từ tiêu đề")


def _shown_texts(check: Checker, data: dict) -> None:
    """Check the texts Pelican shows besides the title: one line each (the summary may have several)."""
    check.text(data, "category", (), required=False, max_length=MAX_NAME)
    for key in ("author", "authors", "tags"):
        check.text_list(data, key, (), max_length=MAX_NAME)
    for key in ("category", "author", "authors", "tags"):  # each gets a page whose address is made from it
        values = data.get(key)
        for index, value in enumerate(values if isinstance(values, list) else [values]):
            if isinstance(value, str) and value.strip() and not slugify(value):
                path = (key, index) if isinstance(values, list) else (key,)
                check.error(path, f"{show(value)} không có chữ cái hay chữ số nào", "viết bằng chữ, hoặc xóa đi")
    check.text(data, "summary", (), required=False, max_length=MAX_SUMMARY, multiline=True)


def _date(check: Checker, data: dict, key: str, what: str) -> datetime | None:
    """Read a date or date and time written as ISO 8601 ("2018-02-01 08:00")."""
    value = data[key]
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    text = str(value).strip()
    if isinstance(value, str) and _ISO_DATE.match(text):
        try:
            return datetime.fromisoformat(text.replace(" ", "T") if len(text) > 10 else text)
        except ValueError:
            pass
    check.error((key,), f"{what} {show(value)} không hợp lệ",
                "viết theo dạng năm-tháng-ngày giờ:phút, ví dụ 2018-02-01 08:00")
    return None


def _unit_list(check: Checker, data: dict, registries: Registries) -> tuple[Unit, ...]:
    value = data.get("units", MISSING)
    if value is MISSING or value is None:
        return ()
    items = value if isinstance(value, list) else [value]
    units = []
    for index, item in enumerate(items):
        path = ("units", index) if isinstance(value, list) else ("units",)
        slug = check.slug_value(item, path, registries.units, "mã đơn vị", UNIT_FILE)
        if slug and registries.units[slug] not in units:
            units.append(registries.units[slug])
    return tuple(units)


def _honours(check: Checker, value, registries: Registries, published: datetime | None):
    if value is MISSING or value is None:
        return ()
    honours = check.mapping(value, ("honours",), "'honours'")
    if honours is None:
        return ()
    check.unknown_keys(honours, HONOURS_KEYS, ("honours",))
    latest = published.year if published else 9999  # a bad date is reported already
    default_year = _year(check, honours, ("honours",), latest)
    if default_year is None:
        default_year = latest
    awards = honours.get("awards", MISSING)
    if awards is None:  # "awards:" with its lines still commented out, as a new article has it
        return ()
    if awards is MISSING:
        check.error(("honours",), "thiếu danh sách khen thưởng 'awards:'",
                    "thêm dòng 'awards:' (thụt vào 2 dấu cách) rồi các dòng khen thưởng, hoặc xóa 'honours'")
        return ()
    items = check.sequence(awards, ("honours", "awards"), "'awards'") or []
    if "year" not in honours and items and latest < YEAR_MIN:
        check.error(("date",), f"năm thi đua lấy theo ngày đăng là {latest}, trước năm {YEAR_MIN}",
                    "kiểm tra lại ngày đăng, hoặc ghi năm thi đua ở 'honours: year:'")
    lines = []
    for index, raw in enumerate(items):
        path = ("honours", "awards", index)
        entry = check.mapping(raw, path, "mỗi dòng khen thưởng")
        if entry is not None:
            line = _award_line(check, entry, path, index + 1, registries, default_year, latest)
            if line is not None:
                lines.append(line)
    return tuple(lines)


def _year(check: Checker, mapping: dict, path: tuple, latest: int) -> int | None:
    """Read an emulation year, which cannot be later than the article's year."""
    if "year" not in mapping:
        return None
    before = len(check.problems)
    year = check.integer(mapping, "year", path)
    if year is None:
        if len(check.problems) == before:
            check.error((*path, "year"), "thiếu năm thi đua", "ghi năm, ví dụ 'year: 2017'")
        return None
    if not YEAR_MIN <= year <= latest:
        check.error((*path, "year"), f"năm thi đua {year} nằm ngoài khoảng {YEAR_MIN}–{latest}",
                    "năm thi đua không thể sau năm đăng bài; kiểm tra lại năm")
        return None
    return year


def _award_line(check, entry, path, position, registries, default_year, latest) -> AwardLine | None:
    before = len(check.problems)
    check.unknown_keys(entry, LINE_KEYS, path)
    authority = check.slug(entry, "by", path, registries.authorities, "cấp khen thưởng", registry=AUTHORITY_FILE)
    award = check.slug(entry, "award", path, registries.awards, "hình thức khen thưởng", registry=AWARD_FILE)
    year = _year(check, entry, path, latest) if "year" in entry else default_year
    counts = {kind: check.integer(entry, key, path, maximum=1_000_000) for kind, key in COUNT_KEYS.items()}
    combined = check.integer(entry, COMBINED_KEY, path, maximum=1_000_000)
    recipients = _recipients(check, entry, path, registries, year)
    decision_number = check.text(entry, "decision_number", path, required=False, max_length=MAX_DECISION_NUMBER)
    decision_date = check.day(entry, "decision_date", path)
    note = check.text(entry, "note", path, required=False, max_length=MAX_NOTE, multiline=True)
    if len(check.problems) > before or None in (authority, award, year):
        return None
    award_record = registries.awards[award]
    if all(counts[kind] is None for kind in COUNT_KEYS) and combined is None and not recipients:
        check.error(path, "thiếu số lượng được khen",
                    "ghi ít nhất một trong collectives (tập thể), individuals (cá nhân), households (hộ gia đình), "
                    "hoặc collectives_or_individuals khi bài nêu chung một số cho tập thể và cá nhân")
        return None
    final = final_counts(check, path, award_record, counts, combined, recipients)
    if sum(final.values()) + (combined or 0) == 0:
        check.error(path, "tổng số được khen bằng 0", "ghi số lượng được khen, hoặc xóa dòng này")
    if len(check.problems) > before:
        return None
    return AwardLine(
        position=position,
        year=year,
        authority=registries.authorities[authority],
        award=award_record,
        collectives=final["collective"],
        individuals=final["individual"],
        households=final["household"],
        recipients=recipients,
        collectives_or_individuals=combined or 0,
        decision_number=decision_number,
        decision_date=decision_date,
        note=note,
    )


def _recipients(check, entry, path, registries: Registries, year) -> tuple[Recipient, ...]:
    value = entry.get("recipients", MISSING)
    if value is MISSING or value is None:
        return ()
    items = check.sequence(value, (*path, "recipients"), "'recipients'") or []
    out = []
    for index, raw in enumerate(items):
        where = (*path, "recipients", index)
        item = check.mapping(raw, where, "mỗi người, đơn vị được nêu tên")
        if item is None:
            continue
        check.unknown_keys(item, RECIPIENT_KEYS, where)
        unit_slug = check.slug(item, "unit", where, registries.units, "mã đơn vị", registry=UNIT_FILE)
        # A key written but left blank is a mistake, not a collective: the unit alone names a collective.
        name = check.text(item, "name", where, required="name" in item, max_length=MAX_NAME)
        household = check.text(item, "household", where, required="household" in item, max_length=MAX_NAME)
        if ("name" in item and name is None) or ("household" in item and household is None):
            continue
        if name and household:
            check.error((*where, "household"), "một người nhận không thể vừa là cá nhân vừa là hộ gia đình",
                        "dùng 'name' cho cá nhân hoặc 'household' cho hộ gia đình, không dùng cả hai")
            continue
        if unit_slug is None:
            continue
        unit = registries.units[unit_slug]
        if year is not None and not unit.exists_in(year):
            successor = f"; dùng '{unit.successor}'" if unit.successor else ""
            check.error((*where, "unit"), f"'{unit.title}' không còn tồn tại trong năm {year}",
                        f"kiểm tra lại đơn vị{successor}")
            continue
        if household:
            out.append(Recipient("household", unit, household))
        elif name:
            out.append(Recipient("individual", unit, name))
        else:
            out.append(Recipient("collective", unit))
    return tuple(out)
