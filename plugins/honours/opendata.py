"""Open data: the ledger as CSV and JSON files anyone can download."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from pelican.generators import Generator

from .ledger import Entry, Ledger
from .plugin import LEDGER_KEY
from .settings import save_as_for


@dataclass(frozen=True)
class Field:
    """One column of an open-data file, as datapackage.json describes it."""

    name: str
    type: str
    title: str
    description: str = ""


AWARD_FIELDS = (
    Field("url", "string", "Địa chỉ bài viết", "Bài viết nêu dòng khen thưởng này."),
    Field("title", "string", "Tiêu đề bài viết"),
    Field("date", "datetime", "Ngày đăng bài", "ISO 8601, múi giờ +07:00."),
    Field("year", "integer", "Năm thi đua"),
    Field("authority", "string", "Mã cấp khen thưởng"),
    Field("authority_name", "string", "Cấp khen thưởng"),
    Field("authority_level", "string", "Cấp hành chính",
          "central (Trung ương), province (tỉnh), district (huyện), commune (xã) hoặc other."),
    Field("award", "string", "Mã hình thức khen thưởng, danh hiệu"),
    Field("award_name", "string", "Hình thức khen thưởng, danh hiệu"),
    Field("collectives", "integer", "Số tập thể"),
    Field("individuals", "integer", "Số cá nhân"),
    Field("households", "integer", "Số hộ gia đình"),
    Field("decision_number", "string", "Số quyết định", "Trống khi bài không nêu."),
    Field("decision_date", "date", "Ngày quyết định", "Trống khi bài không nêu."),
    Field("note", "string", "Ghi chú"),
    Field("illustrative", "boolean", "Dữ liệu minh họa", "true với dữ liệu minh họa, không phải số liệu thật."),
)

# Cells a spreadsheet would run as a formula start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def site_url(settings: dict, url: str) -> str:
    """Return the URL of a page as published (absolute when SITEURL is set)."""
    return f"{settings.get('SITEURL', '')}/{url}"


def award_record(entry: Entry, settings: dict) -> dict:
    """Return one award line as an open-data record."""
    line, article = entry.line, entry.article
    return {
        "url": site_url(settings, article.url),
        "title": article.title,
        "date": article.date.isoformat(),
        "year": line.year,
        "authority": line.authority.slug,
        "authority_name": line.authority.name,
        "authority_level": line.authority.level,
        "award": line.award.slug,
        "award_name": line.award.name,
        "collectives": line.collectives,
        "individuals": line.individuals,
        "households": line.households,
        "decision_number": line.decision_number,
        "decision_date": line.decision_date.isoformat() if line.decision_date else None,
        "note": line.note,
        "illustrative": article.illustrative,
    }


def to_json(records: list[dict]) -> str:
    """Return records as a JSON array, one record per line."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False, sort_keys=False) for r in records) + "\n]\n"


def to_csv(records: list[dict], fields: tuple[Field, ...]) -> str:
    """Return records as CSV with a header row, safe to open in a spreadsheet.

    The text starts with a byte-order mark so that spreadsheet programs read
    it as UTF-8 and show the Vietnamese letters.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([f.name for f in fields])
    for record in records:
        writer.writerow([_cell(record[f.name]) for f in fields])
    return "\ufeff" + buffer.getvalue()


def _cell(value) -> str:
    """Render one CSV cell; text that a spreadsheet would evaluate is neutralised."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return str(value)


class TextTemplate:
    """A pre-rendered text that Pelican's writer can write like a template."""

    def __init__(self, text: str):
        self.text = text

    def render(self, context) -> str:
        return self.text


class OpenDataGenerator(Generator):
    """Write the ledger's open-data files."""

    def generate_context(self):
        ledger: Ledger = self.context[LEDGER_KEY]
        records = [award_record(e, self.settings) for e in ledger.entries]
        self.files = {
            save_as_for(self.settings, "HONOURS_JSON"): to_json(records),
            save_as_for(self.settings, "HONOURS_CSV"): to_csv(records, AWARD_FIELDS),
        }

    def generate_output(self, writer):
        for name, text in sorted(self.files.items()):
            if name:
                writer.write_file(name, TextTemplate(text), self.context)
