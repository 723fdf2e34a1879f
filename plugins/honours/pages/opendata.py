"""Open data: the ledger as CSV and JSON files, described by a Data Package."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from ..core.ledger import Entry, Honour
from ..settings import setting
from .base import HonoursGenerator, newest


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
    Field("collectives_or_individuals", "integer", "Số tập thể, cá nhân (không tách)",
          "Số bài nêu chung cho tập thể và cá nhân (\"khen thưởng 64 tập thể, cá nhân\"), không tách được; "
          "không gồm các số ở cột collectives, individuals. Tổng số lượt là tổng của bốn cột số."),
    Field("decision_number", "string", "Số quyết định", "Trống khi bài không nêu."),
    Field("decision_date", "date", "Ngày quyết định", "Trống khi bài không nêu."),
    Field("note", "string", "Ghi chú"),
    Field("illustrative", "boolean", "Dữ liệu minh họa", "true với dữ liệu minh họa, không phải số liệu thật."),
)
RECIPIENT_FIELDS = (
    Field("name", "string", "Tên", "Họ tên cá nhân, tên hộ gia đình, hoặc tên tập thể."),
    Field("kind", "string", "Đối tượng", "collective (tập thể), individual (cá nhân) hoặc household (hộ gia đình)."),
    Field("unit", "string", "Mã đơn vị"),
    Field("unit_name", "string", "Đơn vị"),
    Field("award", "string", "Mã hình thức khen thưởng, danh hiệu"),
    Field("award_name", "string", "Hình thức khen thưởng, danh hiệu"),
    Field("authority", "string", "Mã cấp khen thưởng"),
    Field("authority_name", "string", "Cấp khen thưởng"),
    Field("year", "integer", "Năm thi đua"),
    Field("decision_number", "string", "Số quyết định", "Trống khi bài không nêu."),
    Field("url", "string", "Địa chỉ bài viết"),
    Field("illustrative", "boolean", "Dữ liệu minh họa", "true với dữ liệu minh họa, không phải số liệu thật."),
)

# Cells a spreadsheet would run as a formula start with one of these.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class DataFile:
    """One published open-data file."""

    name: str  # resource name in the data package
    url: str
    save_as: str
    title: str
    format: str
    fields: tuple[Field, ...]
    text: str
    rows: int


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
        "collectives_or_individuals": line.collectives_or_individuals,
        "decision_number": line.decision_number,
        "decision_date": line.decision_date.isoformat() if line.decision_date else None,
        "note": line.note,
        "illustrative": article.illustrative,
    }


def recipient_record(honour: Honour, settings: dict) -> dict:
    """Return one named recipient as an open-data record."""
    line, recipient = honour.entry.line, honour.recipient
    return {
        "name": recipient.display_name,
        "kind": recipient.kind,
        "unit": recipient.unit.slug,
        "unit_name": recipient.unit.title,
        "award": line.award.slug,
        "award_name": line.award.name,
        "authority": line.authority.slug,
        "authority_name": line.authority.name,
        "year": line.year,
        "decision_number": line.decision_number,
        "url": site_url(settings, honour.entry.article.url),
        "illustrative": honour.entry.article.illustrative,
    }


def to_json(records: list[dict]) -> str:
    """Return records as a JSON array, one record per line."""
    if not records:
        return "[]\n"
    return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"


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


def data_package(files: list[DataFile], settings: dict, created: str | None) -> str:
    """Return datapackage.json (Frictionless Data Package) describing the files."""
    package = {
        "name": setting(settings, "HONOURS_DATAPACKAGE_NAME"),
        "title": f"Dữ liệu khen thưởng – {settings['SITENAME']}",
        "description": "Các dòng khen thưởng và người được khen nêu trong bài viết của trang, "
                       "xuất ra từ cùng dữ liệu với các trang bảng vinh danh và thống kê.",
        "homepage": site_url(settings, ""),
        "resources": [
            {
                "name": f.name,
                "path": f.url.rsplit("/", 1)[-1],
                "title": f.title,
                "format": f.format,
                "mediatype": "text/csv" if f.format == "csv" else "application/json",
                "encoding": "utf-8",
                **({"dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True}}
                   if f.format == "csv" else {}),
                "schema": {"fields": [
                    {"name": x.name, "type": x.type, "title": x.title, **({"description": x.description}
                                                                         if x.description else {})}
                    for x in f.fields
                ]},
            }
            for f in files
        ],
    }
    # Licences and publisher come from the site's settings (DATA_LICENSE, SITE_AGENCY).
    if settings.get("DATA_LICENSE"):
        package["licenses"] = [dict(settings["DATA_LICENSE"])]
    if settings.get("SITE_AGENCY"):
        package["contributors"] = [{"title": settings["SITE_AGENCY"], "role": "publisher"}]
    if created:
        package["created"] = created
    return json.dumps(package, ensure_ascii=False, indent=2) + "\n"


class OpenDataGenerator(HonoursGenerator):
    """Write the open-data files and the page that lists them."""

    position = 40

    def generate_context(self):
        ledger, settings = self.ledger, self.settings
        awards = [award_record(e, settings) for e in ledger.entries]
        recipients = [recipient_record(h, settings) for h in ledger.honours()]
        self.files = [
            self._file("khen-thuong", "HONOURS_CSV", "Các dòng khen thưởng (CSV)", AWARD_FIELDS, awards),
            self._file("khen-thuong-json", "HONOURS_JSON", "Các dòng khen thưởng (JSON)", AWARD_FIELDS, awards),
            self._file("nguoi-nhan", "HONOURS_RECIPIENTS_CSV", "Người, tập thể được nêu tên (CSV)",
                       RECIPIENT_FIELDS, recipients),
        ]
        for year in ledger.years():
            rows = [r for r in awards if r["year"] == year]
            self.files.append(self._file(f"khen-thuong-{year}", "HONOURS_YEAR_CSV",
                                         f"Các dòng khen thưởng năm {year} (CSV)", AWARD_FIELDS, rows, year=year))
        latest = newest(e.article.date for e in ledger.entries)
        self.package = data_package(self.files, settings, latest.isoformat() if latest else None)
        self.date = latest

    def _file(self, name, family, title, fields, records, **values) -> DataFile:
        url = self.url(family, **values)
        is_json = url.endswith(".json")
        text = to_json(records) if is_json else to_csv(records, fields)
        save_as = self.setting(f"{family}_SAVE_AS").format(**values)
        return DataFile(name, url, save_as, title, "json" if is_json else "csv", fields, text, len(records))

    def generate_output(self, writer):
        for data_file in self.files:
            self.write_text(writer, data_file.save_as, data_file.text)
        self.write_text(writer, self.setting("HONOURS_DATAPACKAGE_SAVE_AS"), self.package)
        self.write(writer, "HONOURS_DATA", "opendata", "Dữ liệu mở", date=self.date,
                   files=self.files, package_url=self.url("HONOURS_DATAPACKAGE"))
