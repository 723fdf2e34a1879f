"""Write a deterministic synthetic content folder for benchmarks and scale tests.

`write_corpus` fills an empty folder with a copy of the real registries and
any number of invented news articles whose award data passes the site's own
checks: slugs that exist, recipient kinds each award allows, emulation years
no later than publication, units that existed in the emulation year, named
recipients within their counts. The same arguments always give byte-identical
files: every random choice comes from one seeded `random.Random`, every
collection is walked in a fixed order, and no clock is read.

Every person named in the output is invented: names are drawn from common
Vietnamese family, middle and given names. Every article carries
`illustrative: true`.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from pathlib import Path

from honours.core.problems import report
from honours.core.registries import (
    AUTHORITY_FILE,
    AWARD_FILE,
    LEVELS,
    UNIT_FILE,
    Award,
    Registries,
    Unit,
    load_registries,
)
from honours.core.vietnamese import format_number, slugify

ARTICLE_FOLDER = "tin-tuc"
DATA_FOLDER = "data"
FIRST_YEAR, LAST_YEAR = 2005, 2024
# Keeps every file far below HONOURS_MAX_FILE_BYTES (1 MB): a named recipient
# takes about 75 bytes of front-matter.
MAX_NAMED_PER_ARTICLE = 5_000
KINDS = ("collective", "individual", "household")
COUNT_KEYS = {"collective": "collectives", "individual": "individuals", "household": "households"}
KIND_WORDS = {"collective": "tập thể", "individual": "cá nhân", "household": "hộ gia đình"}


@dataclass(frozen=True)
class CorpusStats:
    """What a call to write_corpus wrote."""

    articles: int
    recipients: int
    award_lines: int
    years: tuple[int, ...]


# --------------------------------------------------------------------------
# Invented people. Family names weighted roughly by how common they are in
# the northern midlands (Thân and Giáp are typical of Bắc Giang).

FAMILY_NAMES = (
    ("Nguyễn", 30), ("Trần", 9), ("Lê", 8), ("Phạm", 6), ("Hoàng", 5), ("Vũ", 4), ("Đặng", 3),
    ("Bùi", 3), ("Đỗ", 3), ("Ngô", 3), ("Dương", 2), ("Đào", 2), ("Thân", 2), ("Giáp", 2), ("Hà", 1),
    ("Lương", 1), ("Chu", 1), ("Tạ", 1), ("Trịnh", 1), ("Lưu", 1), ("Phùng", 1), ("Nghiêm", 1),
    ("Cao", 1), ("Đinh", 1), ("Mai", 1), ("Lại", 1), ("Phan", 2),
)  # fmt: skip
MALE_MIDDLE = ("Văn", "Văn", "Văn", "Đình", "Hữu", "Minh", "Quang", "Đức", "Xuân", "Công", "Mạnh", "Ngọc",
               "Thanh", "Tiến", "Trọng", "Duy", "Quốc")
FEMALE_MIDDLE = ("Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Hồng", "Phương", "Minh", "Kim", "Thúy",
                 "Hải")
FEMALE_SECOND_MIDDLE = ("Thu", "Thanh", "Ngọc", "Minh", "Hồng", "Kim")
MALE_GIVEN = (
    "An", "Bình", "Cường", "Dũng", "Đức", "Mạnh", "Nam", "Thắng", "Hùng", "Hưng", "Long", "Tuấn", "Huy",
    "Hải", "Sơn", "Toàn", "Trung", "Khánh", "Quân", "Thành", "Tiến", "Việt", "Hiếu", "Phúc", "Lâm", "Kiên",
    "Chiến", "Quyết", "Thịnh", "Vinh", "Hoàng", "Tùng", "Đạt", "Công", "Duy",
)  # fmt: skip
FEMALE_GIVEN = (
    "Hà", "Hằng", "Hương", "Lan", "Mai", "Hoa", "Huệ", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Thảo",
    "Trang", "Vân", "Yến", "Linh", "Loan", "Hạnh", "Thủy", "Dung", "Liên", "Hồng", "Giang", "Duyên",
    "Hiền", "Tâm", "Huyền", "Quỳnh", "Thơm", "Lý", "Chinh",
)  # fmt: skip
AUTHORS = ("Minh Hằng", "Thu Trang", "Văn Hùng", "Ngọc Anh", "Hải Yến", "Đức Toàn", "Lan Hương", "Quang Huy",
           "Thanh Tâm", "Ban biên tập")
FEMALE_ONLY_AWARDS = frozenset({"ba-me-viet-nam-anh-hung"})

# --------------------------------------------------------------------------
# How authorities and awards read in running prose (the registry names are
# formal and long); anything not listed falls back to the registry name.

AUTHORITY_PROSE = {
    "chu-tich-nuoc": "Chủ tịch nước",
    "chinh-phu": "Chính phủ",
    "thu-tuong-chinh-phu": "Thủ tướng Chính phủ",
    "bo-truong": "Bộ trưởng các bộ, ngành Trung ương",
    "co-quan-trung-uong": "các cơ quan, đoàn thể Trung ương",
    "ubnd-tinh": "UBND tỉnh",
    "chu-tich-ubnd-tinh": "Chủ tịch UBND tỉnh",
    "so-nganh-tinh": "các sở, ngành của tỉnh",
    "ubnd-huyen": "UBND huyện",
    "chu-tich-ubnd-huyen": "Chủ tịch UBND huyện",
    "chu-tich-ubnd-xa": "Chủ tịch UBND các xã, thị trấn",
    "giam-doc-doanh-nghiep": "Giám đốc các doanh nghiệp, hợp tác xã",
    "chi-huy-luc-luong-vu-trang": "Thủ trưởng các đơn vị lực lượng vũ trang",
}
AWARD_PROSE = {
    "bang-khen-thu-tuong": "Bằng khen",
    "bang-khen-tinh": "Bằng khen",
    "co-thi-dua-tinh": "Cờ thi đua",
    "co-thi-dua-chinh-phu": "Cờ thi đua của Chính phủ",
    "chien-si-thi-dua-tinh": "Chiến sĩ thi đua cấp tỉnh",
    "nha-giao-thay-thuoc-nghe-si-uu-tu": "Nhà giáo ưu tú",
    "nha-giao-thay-thuoc-nghe-si-nhan-dan": "Nhà giáo nhân dân",
}
# The verb an award takes; forms are "tặng", titles "công nhận danh hiệu".
AWARD_VERB = {
    "co-thi-dua-tinh": "tặng",
    "co-thi-dua-chinh-phu": "tặng",
    "ba-me-viet-nam-anh-hung": "phong tặng, truy tặng danh hiệu",
    "anh-hung-lao-dong": "phong tặng danh hiệu",
    "anh-hung-luc-luong-vu-trang": "phong tặng danh hiệu",
    "nha-giao-thay-thuoc-nghe-si-uu-tu": "phong tặng danh hiệu",
    "nha-giao-thay-thuoc-nghe-si-nhan-dan": "phong tặng danh hiệu",
}
# The decision's number suffix, by authority.
DECISION_SUFFIX = {
    "chu-tich-nuoc": "QĐ-CTN", "chinh-phu": "QĐ-TTg", "thu-tuong-chinh-phu": "QĐ-TTg", "ubnd-tinh": "QĐ-UBND",
    "chu-tich-ubnd-tinh": "QĐ-UBND", "ubnd-huyen": "QĐ-UBND", "chu-tich-ubnd-huyen": "QĐ-UBND",
    "chu-tich-ubnd-xa": "QĐ-UBND",
}  # fmt: skip
# Typical number of recipients of one kind on a line, by authority level.
EXTRA_COUNT = {"central": (1, 4), "province": (1, 12), "district": (3, 40), "commune": (3, 30), "other": (2, 25)}

GENERIC_CONTEXT = (
    "Năm {year}, giá trị sản xuất trên địa bàn tăng {pct}% so với năm trước; thu nhập bình quân đầu người "
    "đạt khoảng {income} triệu đồng.",
    "Các phong trào thi đua được phát động gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị, thu hút "
    "đông đảo cán bộ, đảng viên và nhân dân tham gia.",
    "Công tác khen thưởng được thực hiện kịp thời, công khai, đúng đối tượng; tỷ lệ khen thưởng người lao "
    "động trực tiếp tăng so với năm trước.",
    "Tỷ lệ hộ nghèo giảm còn {poor}%, các chính sách an sinh xã hội được thực hiện đầy đủ, kịp thời.",
    "Quốc phòng, an ninh được giữ vững; trật tự, an toàn xã hội được bảo đảm.",
    "Nhiều mô hình sản xuất nông nghiệp hàng hóa cho hiệu quả kinh tế cao, góp phần nâng cao đời sống "
    "nhân dân.",
    "Công tác cải cách hành chính có chuyển biến rõ nét; tinh thần, thái độ phục vụ nhân dân của cán bộ, "
    "công chức được nâng lên.",
)
GENERIC_CLOSING = (
    "Phát biểu tại hội nghị, đại diện lãnh đạo {org} đề nghị các cơ quan, đơn vị tiếp tục đổi mới nội dung, "
    "hình thức thi đua, kịp thời phát hiện, bồi dưỡng và nhân rộng các điển hình tiên tiến.",
    "Tại hội nghị, {org} phát động phong trào thi đua năm {next}, kêu gọi cán bộ, đảng viên và nhân dân phát huy "
    "tinh thần đoàn kết, hoàn thành thắng lợi các mục tiêu đề ra.",
    "Hội nghị thống nhất các giải pháp nâng cao chất lượng phong trào thi đua, khắc phục tình trạng khen "
    "thưởng hình thức, chú trọng khen thưởng người trực tiếp lao động, sản xuất.",
)
UNITS_SENTENCES = (
    "Nhiều tập thể tiêu biểu như {units} đã có cách làm sáng tạo, trở thành điểm sáng trong phong trào thi đua.",
    "Hội nghị biểu dương {units} là những đơn vị dẫn đầu phong trào thi đua năm {year}.",
    "Trong năm, {units} đã hoàn thành xuất sắc nhiệm vụ, được các cấp ghi nhận.",
)
RESULT_OPENINGS = ("Dịp này", "Nhân dịp này", "Cũng trong dịp này", "Theo các quyết định khen thưởng")
TOTAL_OPENINGS = ("Tổng cộng", "Tính chung", "Như vậy")
HIGHLIGHTS = (
    "Trong số các cá nhân được khen thưởng có {people}.",
    "Được biểu dương lần này có {people}.",
)


@dataclass(frozen=True)
class Theme:
    """One kind of article: who organises it, when, which awards, and its wording."""

    key: str
    weight: int
    categories: tuple[str, ...]
    tags: tuple[str, ...]
    organizers: tuple[str, ...]  # unit slugs or unit kinds
    schedule: str  # after | late | school | yearend | any
    titles: tuple[str, ...]
    leads: tuple[str, ...]
    lead_pairs: tuple[tuple[str, str, int], ...]  # (authority, award, weight); one opens every article
    other_pairs: tuple[tuple[str, str, int], ...]
    extra_lines: tuple[int, int]
    person_units: tuple[str, ...] = ()  # slugs or kinds; empty: every unit
    people_of_organizer: bool = False  # people named belong to the organising unit itself
    collective_units: tuple[str, ...] = ()  # slugs or kinds; empty: every unit
    context: tuple[str, ...] = ()
    closings: tuple[str, ...] = ()
    authority_prose: dict[str, str] = field(default_factory=dict)  # by authority slug; may use {org}
    named_weight: int = 2
    heading: str = "Kết quả khen thưởng năm {year}"


COMMUNE_KINDS = ("xa", "thi-tran", "phuong")
VILLAGE_KINDS = ("thon",)

THEMES = (
    Theme(
        key="district",
        weight=20,
        categories=("Thi đua – Khen thưởng", "Thi đua – Khen thưởng", "Tin tức"),
        tags=("tổng kết thi đua", "khen thưởng", "phong trào thi đua", "điển hình tiên tiến"),
        organizers=("ubnd-huyen",),
        schedule="after",
        titles=(
            "Huyện Hiệp Hòa tổng kết phong trào thi đua, khen thưởng năm {year}",
            "Hiệp Hòa tổng kết công tác thi đua, khen thưởng năm {year}, phát động thi đua năm {next}",
            "Huyện Hiệp Hòa khen thưởng {counts} có thành tích xuất sắc",
            "Hiệp Hòa biểu dương {counts} tiêu biểu năm {year}",
        ),
        leads=(
            "Ngày {day}, UBND huyện Hiệp Hòa tổ chức hội nghị tổng kết phong trào thi đua, công tác khen thưởng "
            "năm {year} và phát động phong trào thi đua năm {next}.",
            "Sáng {day}, huyện Hiệp Hòa tổ chức hội nghị tổng kết công tác thi đua, khen thưởng năm {year}. Dự "
            "hội nghị có lãnh đạo Huyện ủy, HĐND, UBND, Ủy ban MTTQ huyện cùng đại diện các cơ quan, đơn vị, các "
            "xã, thị trấn.",
        ),
        lead_pairs=(("chu-tich-ubnd-huyen", "giay-khen", 3), ("chu-tich-ubnd-huyen", "tap-the-lao-dong-tien-tien", 1)),
        other_pairs=(
            ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 3), ("chinh-phu", "co-thi-dua-chinh-phu", 1),
            ("ubnd-tinh", "co-thi-dua-tinh", 3), ("chu-tich-ubnd-tinh", "bang-khen-tinh", 4),
            ("chu-tich-ubnd-tinh", "tap-the-lao-dong-xuat-sac", 2), ("chu-tich-ubnd-tinh", "chien-si-thi-dua-tinh", 2),
            ("chu-tich-ubnd-tinh", "tap-the-lao-dong-tien-tien", 1),
            ("chu-tich-ubnd-huyen", "tap-the-lao-dong-tien-tien", 3),
            ("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 3), ("chu-tich-ubnd-huyen", "lao-dong-tien-tien", 2),
            ("ubnd-huyen", "thon-van-hoa", 1),
        ),  # fmt: skip
        extra_lines=(2, 7),
        context=GENERIC_CONTEXT,
        closings=GENERIC_CLOSING,
        named_weight=3,
    ),
    Theme(
        key="commune",
        weight=24,
        categories=("Thi đua – Khen thưởng", "Tin tức"),
        tags=("tổng kết thi đua", "khen thưởng", "cơ sở", "gia đình văn hóa"),
        organizers=COMMUNE_KINDS,
        schedule="after",
        titles=(
            "{Org} tổng kết phong trào thi đua năm {year}",
            "{Org} khen thưởng {counts} có thành tích xuất sắc năm {year}",
            "{Org} biểu dương {counts} tiêu biểu trong phong trào thi đua năm {year}",
        ),
        leads=(
            "Ngày {day}, Đảng ủy, HĐND, UBND {org} tổ chức hội nghị tổng kết phong trào thi đua, khen thưởng năm "
            "{year}, triển khai nhiệm vụ năm {next}.",
            "Sáng {day}, UBND {org} tổng kết công tác thi đua, khen thưởng năm {year}. Dự hội nghị có đại diện "
            "lãnh đạo huyện Hiệp Hòa cùng cán bộ, công chức và trưởng các thôn, tổ dân phố.",
        ),
        lead_pairs=(("chu-tich-ubnd-xa", "giay-khen", 3), ("chu-tich-ubnd-xa", "lao-dong-tien-tien", 1)),
        other_pairs=(
            ("chu-tich-ubnd-xa", "gia-dinh-van-hoa", 3), ("chu-tich-ubnd-xa", "lao-dong-tien-tien", 2),
            ("chu-tich-ubnd-huyen", "giay-khen", 2), ("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 1),
        ),  # fmt: skip
        extra_lines=(0, 3),
        people_of_organizer=True,
        collective_units=VILLAGE_KINDS,
        context=GENERIC_CONTEXT,
        closings=GENERIC_CLOSING,
        authority_prose={"chu-tich-ubnd-xa": "Chủ tịch UBND {org}"},
        named_weight=3,
    ),
    Theme(
        key="education",
        weight=15,
        categories=("Giáo dục",),
        tags=("giáo dục", "năm học", "khen thưởng", "nhà giáo"),
        organizers=("phong-giao-duc",),
        schedule="school",
        titles=(
            "Ngành Giáo dục Hiệp Hòa tổng kết năm học {prev}–{year}",
            "Hiệp Hòa khen thưởng {counts} có thành tích trong năm học {prev}–{year}",
            "Giáo dục Hiệp Hòa biểu dương {counts} tiêu biểu năm học {prev}–{year}",
        ),
        leads=(
            "Ngày {day}, Phòng Giáo dục và Đào tạo huyện Hiệp Hòa tổ chức hội nghị tổng kết năm học {prev}–{year}, "
            "triển khai nhiệm vụ năm học {year}–{next}.",
            "Sáng {day}, ngành Giáo dục huyện Hiệp Hòa tổng kết năm học {prev}–{year}. Tới dự có lãnh đạo UBND "
            "huyện, đại diện các phòng, ban và cán bộ quản lý các trường học trên địa bàn.",
        ),
        lead_pairs=(("chu-tich-ubnd-huyen", "chien-si-thi-dua-co-so", 2), ("chu-tich-ubnd-huyen", "giay-khen", 2)),
        other_pairs=(
            ("chu-tich-ubnd-huyen", "giay-khen", 2), ("chu-tich-ubnd-huyen", "tap-the-lao-dong-tien-tien", 2),
            ("chu-tich-ubnd-huyen", "lao-dong-tien-tien", 2), ("chu-tich-ubnd-tinh", "bang-khen-tinh", 2),
            ("chu-tich-ubnd-tinh", "chien-si-thi-dua-tinh", 1), ("chu-tich-ubnd-tinh", "tap-the-lao-dong-xuat-sac", 1),
            ("bo-truong", "bang-khen-tinh", 1), ("so-nganh-tinh", "giay-khen", 2),
            ("chu-tich-nuoc", "nha-giao-thay-thuoc-nghe-si-uu-tu", 1),
        ),  # fmt: skip
        extra_lines=(1, 4),
        person_units=("truong-hoc", "phong-giao-duc"),
        collective_units=("truong-hoc",),
        context=(
            "Năm học {prev}–{year}, toàn huyện có thêm {schools} trường đạt chuẩn quốc gia; tỷ lệ học sinh tốt "
            "nghiệp trung học phổ thông đạt {pass_rate}%.",
            "Chất lượng giáo dục toàn diện được nâng lên; số học sinh giỏi cấp tỉnh tăng so với năm học trước.",
            "Phong trào “Dạy tốt, học tốt” được duy trì thường xuyên, đội ngũ giáo viên tích cực đổi mới phương "
            "pháp giảng dạy.",
            "Cơ sở vật chất trường lớp tiếp tục được đầu tư theo hướng kiên cố hóa, hiện đại hóa.",
        ),
        closings=(
            "Năm học {year}–{next}, ngành Giáo dục huyện tiếp tục đổi mới căn bản, toàn diện giáo dục và đào tạo, "
            "nâng cao chất lượng dạy và học.",
            "Phát biểu tại hội nghị, lãnh đạo UBND huyện đề nghị các nhà trường tiếp tục quan tâm bồi dưỡng đội "
            "ngũ, nâng cao chất lượng giáo dục mũi nhọn và giáo dục đại trà.",
        ),
        authority_prose={"bo-truong": "Bộ trưởng Bộ Giáo dục và Đào tạo",
                         "so-nganh-tinh": "Giám đốc Sở Giáo dục và Đào tạo"},
        heading="Kết quả khen thưởng năm học {prev}–{year}",
    ),
    Theme(
        key="village",
        weight=12,
        categories=("Nông thôn mới", "Văn hóa – Xã hội"),
        tags=("nông thôn mới", "gia đình văn hóa", "khu dân cư văn hóa", "đại đoàn kết"),
        organizers=("mttq-huyen", "ubnd-huyen"),
        schedule="late",
        titles=(
            "Hiệp Hòa biểu dương {counts} tiêu biểu trong xây dựng nông thôn mới năm {year}",
            "Hiệp Hòa tổng kết phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” năm {year}",
            "Ngày hội Đại đoàn kết toàn dân tộc: Hiệp Hòa khen thưởng {counts}",
        ),
        leads=(
            "Ngày {day}, {org} tổ chức hội nghị tổng kết phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” "
            "năm {year}.",
            "Hưởng ứng Ngày hội Đại đoàn kết toàn dân tộc, ngày {day}, {org} biểu dương các tập thể, gia đình "
            "tiêu biểu trong xây dựng nông thôn mới.",
        ),
        lead_pairs=(("chu-tich-ubnd-huyen", "thon-van-hoa", 2), ("chu-tich-ubnd-xa", "gia-dinh-van-hoa", 2)),
        other_pairs=(
            ("chu-tich-ubnd-huyen", "giay-khen", 3), ("chu-tich-ubnd-xa", "gia-dinh-van-hoa", 2),
            ("so-nganh-tinh", "giay-khen", 1), ("ubnd-huyen", "thon-van-hoa", 1),
        ),  # fmt: skip
        extra_lines=(0, 3),
        person_units=COMMUNE_KINDS,
        collective_units=(*COMMUNE_KINDS, *VILLAGE_KINDS),
        context=(
            "Đến hết năm {year}, toàn huyện có {villages}% thôn, tổ dân phố đạt danh hiệu văn hóa và {families}% "
            "hộ gia đình đạt danh hiệu Gia đình văn hóa.",
            "Nhân dân tích cực hiến đất, góp công làm đường giao thông nông thôn, xây dựng nhà văn hóa thôn.",
            "Cuộc vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” được các tầng lớp nhân dân "
            "hưởng ứng tích cực.",
        ),
        closings=GENERIC_CLOSING,
        authority_prose={"so-nganh-tinh": "Giám đốc Sở Văn hóa, Thể thao và Du lịch"},
    ),
    Theme(
        key="police",
        weight=5,
        categories=("Quốc phòng – An ninh", "Tin tức"),
        tags=("an ninh trật tự", "công an", "phòng chống tội phạm", "khen thưởng"),
        organizers=("cong-an-huyen",),
        schedule="yearend",
        titles=(
            "{Org} tổng kết công tác năm {year}",
            "{Org} khen thưởng {counts} có thành tích xuất sắc năm {year}",
        ),
        leads=(
            "Ngày {day}, {org} tổ chức hội nghị tổng kết công tác năm {year}, triển khai nhiệm vụ năm {next}.",
            "Sáng {day}, {org} tổng kết phong trào thi đua “Vì an ninh Tổ quốc” năm {year}.",
        ),
        lead_pairs=(("chi-huy-luc-luong-vu-trang", "chien-si-tien-tien", 2),
                    ("chi-huy-luc-luong-vu-trang", "don-vi-tien-tien", 1)),
        other_pairs=(
            ("chi-huy-luc-luong-vu-trang", "don-vi-quyet-thang", 1),
            ("chi-huy-luc-luong-vu-trang", "chien-si-thi-dua-co-so", 2),
            ("chi-huy-luc-luong-vu-trang", "giay-khen", 2), ("chu-tich-ubnd-huyen", "giay-khen", 2),
            ("chu-tich-ubnd-tinh", "bang-khen-tinh", 1), ("bo-truong", "bang-khen-tinh", 1),
        ),  # fmt: skip
        extra_lines=(0, 3),
        person_units=("cong-an-huyen", *COMMUNE_KINDS),
        collective_units=("cong-an-huyen",),
        context=(
            "Năm {year}, công tác đấu tranh phòng, chống tội phạm đạt nhiều kết quả; tỷ lệ điều tra, khám phá án "
            "đạt {solved}%.",
            "Phong trào toàn dân bảo vệ an ninh Tổ quốc được duy trì, nhiều mô hình tự quản về an ninh trật tự "
            "hoạt động hiệu quả.",
            "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn huyện được giữ vững.",
        ),
        closings=GENERIC_CLOSING,
        authority_prose={"chi-huy-luc-luong-vu-trang": "Trưởng Công an huyện", "bo-truong": "Bộ trưởng Bộ Công an"},
    ),
    Theme(
        key="military",
        weight=5,
        categories=("Quốc phòng – An ninh", "Tin tức"),
        tags=("quốc phòng", "quân sự địa phương", "dân quân tự vệ", "khen thưởng"),
        organizers=("ban-chi-huy-quan-su-huyen",),
        schedule="yearend",
        titles=(
            "{Org} tổng kết nhiệm vụ quốc phòng, quân sự địa phương năm {year}",
            "{Org} khen thưởng {counts} có thành tích xuất sắc năm {year}",
        ),
        leads=(
            "Ngày {day}, {org} tổ chức hội nghị tổng kết nhiệm vụ quốc phòng, quân sự địa phương năm {year}, "
            "triển khai nhiệm vụ năm {next}.",
            "Sáng {day}, {org} tổng kết phong trào “Thi đua Quyết thắng” năm {year}.",
        ),
        lead_pairs=(("chi-huy-luc-luong-vu-trang", "chien-si-tien-tien", 2),
                    ("chi-huy-luc-luong-vu-trang", "don-vi-tien-tien", 1)),
        other_pairs=(
            ("chi-huy-luc-luong-vu-trang", "don-vi-quyet-thang", 2),
            ("chi-huy-luc-luong-vu-trang", "chien-si-thi-dua-co-so", 2),
            ("chi-huy-luc-luong-vu-trang", "giay-khen", 2), ("chu-tich-ubnd-huyen", "giay-khen", 2),
            ("chu-tich-ubnd-tinh", "bang-khen-tinh", 1), ("bo-truong", "bang-khen-tinh", 1),
        ),  # fmt: skip
        extra_lines=(0, 3),
        person_units=("ban-chi-huy-quan-su-huyen", *COMMUNE_KINDS),
        collective_units=("ban-chi-huy-quan-su-huyen",),
        context=(
            "Năm {year}, lực lượng vũ trang huyện hoàn thành tốt các nhiệm vụ được giao; công tác tuyển quân đạt "
            "100% chỉ tiêu.",
            "Lực lượng dân quân tự vệ được xây dựng vững mạnh, hoàn thành tốt nhiệm vụ huấn luyện và sẵn sàng "
            "chiến đấu.",
            "Công tác giáo dục quốc phòng, an ninh cho các đối tượng được thực hiện đầy đủ.",
        ),
        closings=GENERIC_CLOSING,
        authority_prose={"chi-huy-luc-luong-vu-trang": "Chỉ huy trưởng Ban Chỉ huy Quân sự huyện",
                         "bo-truong": "Bộ trưởng Bộ Quốc phòng"},
    ),
    Theme(
        key="state",
        weight=8,
        categories=("Tin tức", "Thi đua – Khen thưởng"),
        tags=("khen thưởng cấp Nhà nước", "huân chương", "vinh danh"),
        organizers=("ubnd-huyen", "huyen-uy"),
        schedule="any",
        titles=(
            "Trao tặng {award} cho {lead_counts} của huyện Hiệp Hòa",
            "Hiệp Hòa tổ chức lễ trao tặng {award}",
        ),
        leads=(
            "Ngày {day}, {org} tổ chức lễ công bố quyết định và trao tặng {award}.",
            "Sáng {day}, tại hội trường UBND huyện, {org} long trọng tổ chức lễ trao tặng {award}.",
        ),
        lead_pairs=(
            ("chu-tich-nuoc", "huan-chuong-lao-dong", 5), ("chu-tich-nuoc", "huan-chuong-bao-ve-to-quoc", 2),
            ("chu-tich-nuoc", "huan-chuong-chien-cong", 1), ("chu-tich-nuoc", "huan-chuong-dai-doan-ket-dan-toc", 2),
            ("chu-tich-nuoc", "huan-chuong-doc-lap", 1), ("chu-tich-nuoc", "ba-me-viet-nam-anh-hung", 2),
            ("chu-tich-nuoc", "huy-chuong-chien-si-ve-vang", 2), ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 5),
            ("thu-tuong-chinh-phu", "chien-si-thi-dua-toan-quoc", 1), ("chinh-phu", "co-thi-dua-chinh-phu", 2),
        ),  # fmt: skip
        other_pairs=(
            ("thu-tuong-chinh-phu", "bang-khen-thu-tuong", 2), ("co-quan-trung-uong", "ky-niem-chuong", 2),
            ("bo-truong", "ky-niem-chuong", 1), ("bo-truong", "bang-khen-tinh", 2),
            ("chu-tich-nuoc", "huan-chuong-lao-dong", 1),
        ),  # fmt: skip
        extra_lines=(0, 2),
        context=(
            "Đây là sự ghi nhận của Đảng, Nhà nước đối với những đóng góp của các tập thể, cá nhân trong sự nghiệp "
            "xây dựng và bảo vệ Tổ quốc.",
            "Những phần thưởng cao quý là nguồn động viên to lớn để cán bộ, nhân dân trong huyện tiếp tục thi đua "
            "hoàn thành nhiệm vụ.",
        ),
        closings=(
            "Phát biểu tại buổi lễ, đại diện lãnh đạo {org} chúc mừng các tập thể, cá nhân được khen thưởng và "
            "mong muốn tiếp tục phát huy thành tích đã đạt được.",
            "Buổi lễ là dịp tôn vinh, lan tỏa những tấm gương tiêu biểu, cổ vũ phong trào thi đua yêu nước trên "
            "địa bàn huyện.",
        ),
        named_weight=1,
        heading="Các tập thể, cá nhân được khen thưởng",
    ),
    Theme(
        key="enterprise",
        weight=10,
        categories=("Tin tức", "Thi đua – Khen thưởng"),
        tags=("công đoàn", "lao động giỏi", "doanh nghiệp", "khen thưởng"),
        organizers=("lien-doan-lao-dong-huyen",),
        schedule="after",
        titles=(
            "Hiệp Hòa biểu dương {counts} tiêu biểu trong phong trào thi đua lao động giỏi năm {year}",
            "Công đoàn Hiệp Hòa tổng kết phong trào “Lao động giỏi, lao động sáng tạo” năm {year}",
        ),
        leads=(
            "Ngày {day}, {org} tổ chức hội nghị tổng kết phong trào thi đua “Lao động giỏi, lao động sáng tạo” năm "
            "{year}.",
            "Sáng {day}, {org} biểu dương công nhân, viên chức, lao động tiêu biểu năm {year}.",
        ),
        lead_pairs=(("giam-doc-doanh-nghiep", "lao-dong-tien-tien", 2), ("giam-doc-doanh-nghiep", "giay-khen", 2)),
        other_pairs=(
            ("giam-doc-doanh-nghiep", "chien-si-thi-dua-co-so", 2),
            ("giam-doc-doanh-nghiep", "tap-the-lao-dong-tien-tien", 2),
            ("co-quan-trung-uong", "bang-khen-tinh", 1), ("chu-tich-ubnd-huyen", "giay-khen", 2),
        ),  # fmt: skip
        extra_lines=(0, 3),
        person_units=("doanh-nghiep",),
        collective_units=("doanh-nghiep",),
        context=(
            "Năm {year}, các doanh nghiệp trên địa bàn huyện bảo đảm việc làm ổn định cho người lao động; thu nhập "
            "bình quân đạt khoảng {wage} triệu đồng/người/tháng.",
            "Phong trào “Lao động giỏi, lao động sáng tạo” có nhiều sáng kiến, cải tiến kỹ thuật được áp dụng vào "
            "sản xuất, làm lợi hàng tỷ đồng.",
        ),
        closings=GENERIC_CLOSING,
        authority_prose={"co-quan-trung-uong": "Tổng Liên đoàn Lao động Việt Nam"},
    ),
)


# --------------------------------------------------------------------------
# YAML text, written directly (much faster than a dumper for 200,000 lines).

_PLAIN = re.compile(r"^[^\W\d_][\w .,()/%…“”–-]*$")
_PLAIN_IN_FLOW = re.compile(r"^[^\W\d_][\w .()/%…“”–-]*$")
_RESERVED = frozenset({"yes", "no", "true", "false", "on", "off", "null", "y", "n"})
# Characters YAML refuses raw, or reads as line breaks inside a quoted scalar (NEL, LS, PS).
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]")


def yaml_str(text: str, flow: bool = False) -> str:
    """Return text as a YAML scalar that reads back as the same string."""
    pattern = _PLAIN_IN_FLOW if flow else _PLAIN
    if pattern.match(text) and text == text.strip() and text.lower() not in _RESERVED:
        return text
    quoted = json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def yaml_flow_list(items) -> str:
    """Return a list of strings as a one-line YAML flow sequence."""
    return "[" + ", ".join(yaml_str(item, flow=True) for item in items) + "]"


# --------------------------------------------------------------------------
# The plan of one article, before it becomes text.


@dataclass
class Line:
    """One award line being planned."""

    authority: str
    award: Award
    level: str
    counts: dict[str, int] = field(default_factory=dict)
    recipients: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, unit slug, name or "")
    decision_number: str | None = None
    decision_date: date | None = None


@dataclass
class Article:
    """One article being planned."""

    theme: Theme
    year: int
    published: datetime
    organizer: Unit
    lead: Line  # the line the article is mainly about
    lines: list[Line]  # highest authority first, as news reports list them
    units: list[str] = field(default_factory=list)  # slugs for the `units:` key, organiser first
    slug: str = ""


class _Planner:
    """Draws every article of a corpus from one random generator."""

    def __init__(self, registries: Registries, rng: random.Random):
        self.reg, self.rng = registries, rng
        self.units = sorted(registries.units.values(), key=lambda u: u.slug)
        self._pool_cache: dict = {}
        self.family_names = tuple(name for name, _ in FAMILY_NAMES)
        self.family_cum = _cumulative(weight for _, weight in FAMILY_NAMES)
        self.themes = tuple(self._usable(theme) for theme in THEMES)
        self.themes = tuple(theme for theme in self.themes if theme.lead_pairs)
        if not self.themes:
            raise ValueError("the registries lack the authorities and awards every kind of article needs")

    def _usable(self, theme: Theme) -> Theme:
        """Drop pairs whose authority or award is missing from the registries."""

        def keep(pairs):
            return tuple(p for p in pairs if p[0] in self.reg.authorities and p[1] in self.reg.awards)

        return replace(theme, lead_pairs=keep(theme.lead_pairs), other_pairs=keep(theme.other_pairs))

    # -- pools of units -------------------------------------------------

    def pool(self, spec: tuple[str, ...], year: int, fallback: bool) -> tuple[Unit, ...]:
        """Units matching slugs or kinds in spec that exist in year (all units if spec is empty)."""
        key = (spec, year, fallback)
        if key not in self._pool_cache:
            existing = [u for u in self.units if u.exists_in(year)]
            found = [u for u in existing if not spec or u.slug in spec or u.kind in spec]
            self._pool_cache[key] = tuple(found if found or not fallback else existing)
        return self._pool_cache[key]

    def person_pool(self, article: Article) -> tuple[Unit, ...]:
        if article.theme.people_of_organizer:
            return (article.organizer,)
        return self.pool(article.theme.person_units, article.year, fallback=True)

    def collective_pool(self, article: Article, award: Award) -> tuple[Unit, ...]:
        spec = VILLAGE_KINDS if award.slug == "thon-van-hoa" else article.theme.collective_units
        return self.pool(spec, article.year, fallback=False)

    # -- articles -------------------------------------------------------

    def themes_for(self, count: int) -> list[Theme]:
        """Every theme at least once (when count allows), the rest by weight, shuffled."""
        chosen = list(self.themes[:count])
        chosen += self.rng.choices(self.themes, weights=[t.weight for t in self.themes], k=count - len(chosen))
        self.rng.shuffle(chosen)
        return chosen

    def article(self, theme: Theme, year: int) -> Article:
        rng = self.rng
        published = self.publication(theme.schedule, year)
        # A commune merged away before the article appeared cannot be its organiser.
        organizers = [u for u in self.pool(theme.organizers, year, fallback=False)
                      if u.valid_until is None or u.valid_until >= published.date()]
        organizer = rng.choice(organizers or self.pool(("ubnd-huyen",), year, fallback=True))
        picks = [_weighted(rng, theme.lead_pairs)]
        others = [p for p in theme.other_pairs if p[:2] != picks[0][:2]]
        for _ in range(min(rng.randint(*theme.extra_lines), len(others))):
            pick = _weighted(rng, others)
            picks.append(pick)
            others.remove(pick)
        lines = [self.line(a, w, published) for a, w, _ in picks]
        return Article(theme, year, published, organizer, lines[0], _ordered(lines))

    def publication(self, schedule: str, year: int) -> datetime:
        """A publication time for results of emulation year `year`."""
        rng = self.rng
        if schedule == "after":  # year-end conferences: mid-December to March
            first, last = date(year, 12, 15), date(year + 1, 3, 31)
        elif schedule == "late":
            first, last = date(year, 11, 1), date(year, 12, 31)
        elif schedule == "school":
            first, last = date(year, 7, 15), date(year, 9, 15)
        elif schedule == "yearend":
            first, last = date(year, 12, 10), date(year + 1, 1, 31)
        else:
            first, last = (date(year, 9, 1), date(year, 12, 31)) if rng.random() < 0.3 else \
                (date(year + 1, 1, 1), date(year + 1, 12, 31))
        day = first + timedelta(days=rng.randint(0, (last - first).days))
        return datetime(day.year, day.month, day.day, rng.choice((7, 8, 8, 9, 10, 14, 15, 16)),
                        rng.choice((0, 0, 15, 30, 45)))

    def line(self, authority: str, award_slug: str, published: datetime) -> Line:
        rng = self.rng
        line = Line(authority, self.reg.awards[award_slug], self.reg.authorities[authority].level)
        suffix = DECISION_SUFFIX.get(authority)
        if suffix and rng.random() < 0.4:
            line.decision_date = published.date() - timedelta(days=rng.randint(2, 30))
            line.decision_number = f"{rng.randint(12, 2400)}/{suffix}"
        return line

    # -- named recipients and counts ------------------------------------

    def fill(self, article: Article, budget: int) -> None:
        """Name exactly `budget` recipients across the lines, then set every count."""
        rng = self.rng
        persons = self.person_pool(article)
        caps = [self._capacity(article, line, persons) for line in article.lines]
        if None not in caps and sum(caps) < budget:
            article.lines = _ordered([*article.lines, self._fallback_line(article)])
            caps = [self._capacity(article, line, persons) for line in article.lines]
        weights = [rng.randint(1, 100) for _ in article.lines]
        shares = apportion(budget, weights, caps)
        for line, share in zip(article.lines, shares, strict=True):
            self._name(article, line, share, persons)
            self._count(line)
        article.units = self._mentions(article, persons)

    def _mentions(self, article: Article, persons) -> list[str]:
        """The organiser, then up to three units the article is about."""
        slugs = [article.organizer.slug]
        for line in article.lines:
            for _, unit, _ in line.recipients[:6]:
                if unit not in slugs and len(slugs) < 4:
                    slugs.append(unit)
        others = [u.slug for u in persons if u.slug not in slugs]
        if len(slugs) < 2 and others:
            slugs += self.rng.sample(others, min(len(others), self.rng.randint(1, 3)))
        return slugs

    def _capacity(self, article: Article, line: Line, persons) -> int | None:
        """How many recipients a line can name (None: no limit)."""
        kinds = line.award.recipients
        if persons and ("individual" in kinds or "household" in kinds):
            return None
        return len(self.collective_pool(article, line.award)) if "collective" in kinds else 0

    def _fallback_line(self, article: Article) -> Line:
        """A line that can name people, for an article whose lines cannot."""
        candidates = [p for p in (*article.theme.lead_pairs, *article.theme.other_pairs)
                      if "individual" in self.reg.awards[p[1]].recipients]
        if not candidates:
            candidates = [(a, w, 1) for t in self.themes for a, w, _ in (*t.lead_pairs, *t.other_pairs)
                          if "individual" in self.reg.awards[w].recipients]
        if not candidates:
            raise ValueError("no award in the registries can be given to individuals")
        authority, award, _ = candidates[0]
        return self.line(authority, award, article.published)

    def _name(self, article: Article, line: Line, quota: int, persons) -> None:
        rng = self.rng
        kinds = line.award.recipients
        named = dict.fromkeys(kinds, 0)
        collectives = self.collective_pool(article, line.award) if "collective" in kinds else ()
        people = bool(persons) and ("individual" in kinds or "household" in kinds)
        if people:
            if collectives:
                named["collective"] = min(len(collectives), rng.randint(0, quota // 5))
            if "household" in kinds and "individual" in kinds:
                named["household"] = rng.randint(0, (quota - named.get("collective", 0)) // 6)
            rest = quota - sum(named.values())
            named["individual" if "individual" in kinds else "household"] += rest
        else:
            named["collective"] = quota
        line.counts = named  # the named part; _count adds the unnamed ones
        out = line.recipients
        for unit in (rng.sample(collectives, named["collective"]) if named.get("collective") else ()):
            out.append(("collective", unit.slug, ""))
        female_only = line.award.slug in FEMALE_ONLY_AWARDS
        for _ in range(named.get("individual", 0)):
            out.append(("individual", rng.choice(persons).slug, self.person(female=True if female_only else None)))
        for _ in range(named.get("household", 0)):
            female = rng.random() < 0.3
            title = "bà" if female else "ông"
            out.append(("household", rng.choice(persons).slug, f"Hộ {title} {self.person(female=female)}"))

    def _count(self, line: Line) -> None:
        rng = self.rng
        low, high = EXTRA_COUNT[line.level]
        kinds = line.award.recipients
        used = {k for k in kinds if line.counts.get(k, 0) > 0}
        odds = {"collective": 0.6, "individual": 0.8, "household": 0.15 if len(kinds) > 1 else 1.0}
        used |= {k for k in kinds if rng.random() < odds[k]}
        if not used:
            used = {"individual" if "individual" in kinds else kinds[0]}
        counts = {}
        for kind in kinds:
            if kind not in used:
                continue
            named = line.counts.get(kind, 0)
            counts[kind] = named + (rng.randint(0, max(1, named // 5)) if named else rng.randint(low, high))
        line.counts = counts

    def person(self, female: bool | None = None) -> str:
        """An invented Vietnamese full name."""
        rng = self.rng
        if female is None:
            female = rng.random() < 0.45
        family = rng.choices(self.family_names, cum_weights=self.family_cum)[0]
        if female:
            middle = rng.choice(FEMALE_MIDDLE)
            if middle == "Thị" and rng.random() < 0.15:
                middle = f"Thị {rng.choice(FEMALE_SECOND_MIDDLE)}"
            given = rng.choice(FEMALE_GIVEN)
            while middle.endswith(given):
                given = rng.choice(FEMALE_GIVEN)
            return f"{family} {middle} {given}"
        middle, given = rng.choice(MALE_MIDDLE), rng.choice(MALE_GIVEN)
        while given == middle:
            given = rng.choice(MALE_GIVEN)
        return f"{family} {middle} {given}"


def _ordered(lines: list[Line]) -> list[Line]:
    """Highest level first, then higher honour first, as news reports list awards."""
    levels = list(LEVELS)
    return sorted(lines, key=lambda line: (levels.index(line.level), line.award.order, line.authority))


def _cumulative(weights) -> list[int]:
    total, out = 0, []
    for weight in weights:
        total += weight
        out.append(total)
    return out


def _weighted(rng: random.Random, pairs):
    return rng.choices(pairs, weights=[p[2] for p in pairs])[0]


def apportion(total: int, weights: list[int], caps: list[int | None]) -> list[int]:
    """Split total into whole shares proportional to weights, none above its cap (None: no cap).

    Integer arithmetic and ties broken by position, so the result is the
    same on every machine.
    """
    shares = [0] * len(weights)

    def room(i: int) -> int:
        return total if caps[i] is None else caps[i] - shares[i]

    remaining = total
    while remaining:
        open_ = [i for i in range(len(weights)) if room(i) > 0]
        if not open_:
            raise ValueError(f"cannot place {remaining} more within the caps")
        chosen = [i for i in open_ if weights[i] > 0] or open_
        weight = {i: weights[i] if weights[i] > 0 else 1 for i in chosen}
        whole = sum(weight.values())
        given, order = 0, []
        for i in chosen:
            share, left = divmod(remaining * weight[i], whole)
            share = min(share, room(i))
            shares[i] += share
            given += share
            order.append((-left, i))
        remaining -= given
        for _, i in sorted(order):
            if not remaining:
                break
            if room(i) > 0:
                shares[i] += 1
                remaining -= 1
    return shares


# --------------------------------------------------------------------------
# Text of an article.


def counts_phrase(counts: dict[str, int], last_joiner: str = ", ") -> str:
    """Return "25 tập thể, 40 cá nhân" (with last_joiner before the last part)."""
    parts = [f"{format_number(counts[k])} {KIND_WORDS[k]}" for k in KINDS if counts.get(k)]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + last_joiner + parts[-1]


def _totals(article: Article) -> dict[str, int]:
    totals = dict.fromkeys(KINDS, 0)
    for line in article.lines:
        for kind, count in line.counts.items():
            totals[kind] += count
    return totals


def _join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


class _Writer:
    """Turns planned articles into Markdown files with YAML front-matter."""

    def __init__(self, registries: Registries, rng: random.Random):
        self.reg, self.rng = registries, rng

    def authority_prose(self, article: Article, authority: str) -> str:
        prose = article.theme.authority_prose
        text = prose.get(authority) or AUTHORITY_PROSE.get(authority) or self.reg.authorities[authority].name
        return text.format(org=article.organizer.full_name)

    def award_noun(self, award: Award) -> str:
        """The award as the object of "trao tặng"."""
        name = AWARD_PROSE.get(award.slug, award.name)
        verb = AWARD_VERB.get(award.slug, "tặng" if award.kind == "form" else "công nhận danh hiệu")
        return f"danh hiệu “{name}”" if "danh hiệu" in verb else name

    def clause(self, article: Article, line: Line, subject: bool = True) -> str:
        """Return "Chủ tịch UBND huyện tặng Giấy khen cho 12 tập thể, 30 cá nhân" (without the subject)."""
        award = line.award
        verb = AWARD_VERB.get(award.slug, "tặng" if award.kind == "form" else "công nhận danh hiệu")
        name = AWARD_PROSE.get(award.slug, award.name)
        if award.slug == "ba-me-viet-nam-anh-hung":
            name = "“Bà mẹ Việt Nam anh hùng”"
        said = f"{verb} {name} cho {counts_phrase(line.counts)}"
        return f"{self.authority_prose(article, line.authority)} {said}" if subject else said

    def values(self, article: Article) -> dict[str, str]:
        rng, year = self.rng, article.year
        lead = article.lead
        totals = _totals(article)
        return {
            "year": str(year), "next": str(year + 1), "prev": str(year - 1),
            "day": f"{article.published.day}/{article.published.month}/{article.published.year}",
            "org": article.organizer.full_name, "Org": article.organizer.title,
            "counts": counts_phrase(totals), "lead_counts": counts_phrase(lead.counts),
            "award": self.award_noun(lead.award),
            "pct": f"{rng.randint(50, 140) / 10:.1f}".replace(".", ","),
            "income": str(rng.randint(12, 75)), "poor": f"{rng.randint(10, 90) / 10:.1f}".replace(".", ","),
            "schools": str(rng.randint(1, 6)), "pass_rate": f"{rng.randint(950, 999) / 10:.1f}".replace(".", ","),
            "villages": str(rng.randint(70, 96)), "families": str(rng.randint(82, 95)),
            "solved": str(rng.randint(78, 96)), "wage": f"{rng.randint(45, 110) / 10:.1f}".replace(".", ","),
        }  # fmt: skip

    def body(self, article: Article, values: dict[str, str]) -> str:
        rng, theme = self.rng, article.theme
        paragraphs: list[str] = [rng.choice(theme.leads).format(**values)]
        optional: dict[str, str] = {}
        if theme.context:
            count = min(len(theme.context), rng.randint(1, 3))
            optional["context"] = " ".join(s.format(**values) for s in rng.sample(theme.context, count))
        mentioned = [self.reg.units[s] for s in article.units[1:]]
        if mentioned:
            names = _join_names([u.full_name for u in mentioned])
            optional["units"] = rng.choice(UNITS_SENTENCES).format(units=names, year=values["year"])
        people = [r for line in article.lines for r in line.recipients if r[0] != "collective"][:3]
        if people:
            described = [self.describe(r, article.organizer.slug) for r in people]
            optional["highlight"] = rng.choice(HIGHLIGHTS).format(people=_join_names(described))
        if theme.closings:
            optional["closing"] = rng.choice(theme.closings).format(**values)
        keep = set(rng.sample(sorted(optional), rng.randint(min(1, len(optional)), len(optional))))
        for key in ("context", "units"):
            if key in keep:
                paragraphs.append(optional[key])
        if rng.random() < 0.35:
            paragraphs.append("## " + theme.heading.format(**values))
        lines = article.lines
        clauses = "; ".join(self.clause(article, line, i == 0 or line.authority != lines[i - 1].authority)
                            for i, line in enumerate(lines))
        results = f"{rng.choice(RESULT_OPENINGS)}, {clauses}."
        if len(lines) > 1:
            results += f" {rng.choice(TOTAL_OPENINGS)}, có {counts_phrase(_totals(article), ' và ')} được khen thưởng."
        paragraphs.append(results)
        for key in ("highlight", "closing"):
            if key in keep:
                paragraphs.append(optional[key])
        return "\n\n".join(paragraphs) + "\n"

    def describe(self, recipient: tuple[str, str, str], organizer: str) -> str:
        """Return "Nguyễn Văn An (xã Hòa Sơn)", or "hộ ông …"; no unit when it is the organiser."""
        kind, unit, name = recipient
        if kind == "household":
            name = name[:1].lower() + name[1:]
        return name if unit == organizer else f"{name} ({self.reg.units[unit].full_name})"

    def text(self, article: Article) -> tuple[str, str]:
        """Return the title and the Markdown body of an article."""
        values = self.values(article)
        title = self.rng.choice(article.theme.titles).format(**values)
        body = self.body(article, values)
        return title, body

    def header(self, article: Article, title: str) -> str:
        rng, theme = self.rng, article.theme
        tags = rng.sample(theme.tags, rng.randint(2, min(3, len(theme.tags))))
        if rng.random() < 0.5:
            tags.append(f"năm {article.year}")
        out = [
            "---",
            f"title: {yaml_str(title)}",
            f"date: {article.published:%Y-%m-%d %H:%M}",
            f"slug: {yaml_str(article.slug)}",
            f"author: {yaml_str(rng.choice(AUTHORS))}",
            f"category: {yaml_str(rng.choice(theme.categories))}",
            f"tags: {yaml_flow_list(tags)}",
            f"units: {yaml_flow_list(article.units)}",
            "illustrative: true",
            "honours:",
            f"  year: {article.year}",
            "  awards:",
        ]
        for line in article.lines:
            out.append(f"    - by: {yaml_str(line.authority)}")
            out.append(f"      award: {yaml_str(line.award.slug)}")
            for kind in KINDS:
                if kind in line.counts:
                    out.append(f"      {COUNT_KEYS[kind]}: {line.counts[kind]}")
            if line.decision_number:
                out.append(f"      decision_number: {yaml_str(line.decision_number)}")
                out.append(f"      decision_date: {line.decision_date:%Y-%m-%d}")
            if line.recipients:
                out.append("      recipients:")
                for kind, unit, name in line.recipients:
                    if kind == "collective":
                        out.append(f"        - unit: {yaml_str(unit)}")
                    else:
                        key = "name" if kind == "individual" else "household"
                        out.append(f"        - {key}: {yaml_str(name)}\n          unit: {yaml_str(unit)}")
        out.append("---")
        return "\n".join(out) + "\n"


# --------------------------------------------------------------------------
# Entry points.


def _years_for(articles: int) -> list[int]:
    span = max(1, min(LAST_YEAR - FIRST_YEAR + 1, (articles + 2) // 3))
    return list(range(LAST_YEAR - span + 1, LAST_YEAR + 1))


def _prepare_out_dir(out_dir: Path) -> None:
    if out_dir.exists():
        if not out_dir.is_dir():
            raise FileExistsError(f"{out_dir} is a file, not a folder")
        if any(out_dir.iterdir()):
            raise FileExistsError(f"{out_dir} is not empty; give an empty or new folder so that a corpus "
                                  "is never mixed with old files")
    out_dir.mkdir(parents=True, exist_ok=True)


def write_corpus(out_dir: str | Path, articles: int, recipients: int, data_dir: str | Path,
                 seed: int = 2017) -> CorpusStats:
    """Write a content folder of `articles` articles naming `recipients` recipients in all."""
    out_dir, data_dir = Path(out_dir), Path(data_dir)
    if articles < 1:
        raise ValueError("articles must be at least 1")
    if recipients < 0:
        raise ValueError("recipients must not be negative")
    if recipients > articles * MAX_NAMED_PER_ARTICLE:
        raise ValueError(f"at most {MAX_NAMED_PER_ARTICLE} named recipients per article: "
                         f"give at least {-(-recipients // MAX_NAMED_PER_ARTICLE)} articles")
    registries, problems = load_registries(str(data_dir))
    if problems:
        raise ValueError(report(problems))
    _prepare_out_dir(out_dir)

    rng = random.Random(seed)
    planner = _Planner(registries, rng)
    years = _years_for(articles)
    year_of = [years[i % len(years)] for i in range(articles)]
    rng.shuffle(year_of)
    themes = planner.themes_for(articles)
    plans = [planner.article(theme, year) for theme, year in zip(themes, year_of, strict=True)]
    weights = [0 if rng.random() < 0.3 else int(rng.paretovariate(1.3) * 1000) * a.theme.named_weight
               for a in plans]
    budgets = apportion(recipients, weights, [MAX_NAMED_PER_ARTICLE] * articles)
    for plan, budget in zip(plans, budgets, strict=True):
        planner.fill(plan, budget)

    writer = _Writer(registries, rng)
    data_out = out_dir / DATA_FOLDER
    data_out.mkdir()
    for name in (AUTHORITY_FILE, AWARD_FILE, UNIT_FILE):
        shutil.copyfile(data_dir / name, data_out / name)
    used_slugs: set[str] = set()
    made_dirs: set[int] = set()
    lines = named = 0
    for plan in plans:
        title, body = writer.text(plan)
        plan.slug = _unique_slug(slugify(title), used_slugs)
        folder = out_dir / ARTICLE_FOLDER / str(plan.published.year)
        if plan.published.year not in made_dirs:
            folder.mkdir(parents=True, exist_ok=True)
            made_dirs.add(plan.published.year)
        text = writer.header(plan, title) + "\n" + body
        with open(folder / f"{plan.slug}.md", "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        lines += len(plan.lines)
        named += sum(len(line.recipients) for line in plan.lines)
    return CorpusStats(articles, named, lines, tuple(sorted({p.year for p in plans})))


def _unique_slug(base: str, used: set[str]) -> str:
    """Return base, or base-2, base-3… whichever is not taken yet."""
    slug, number = base, 1
    while slug in used:
        number += 1
        slug = f"{base}-{number}"
    used.add(slug)
    return slug


def main(argv: list[str] | None = None) -> int:
    """Command line: corpus --articles N --recipients M --out DIR --data DIR [--seed S]."""
    parser = argparse.ArgumentParser(prog="corpus", description="Write a synthetic content folder.")
    parser.add_argument("--articles", type=int, required=True, help="number of articles")
    parser.add_argument("--recipients", type=int, required=True, help="named recipients in all")
    parser.add_argument("--out", required=True, help="an empty or new folder")
    parser.add_argument("--seed", type=int, default=2017, help="random seed (default 2017)")
    parser.add_argument("--data", required=True, help="the registries folder to copy and obey")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        stats = write_corpus(args.out, args.articles, args.recipients, args.data, args.seed)
    except (ValueError, OSError) as error:
        print(f"corpus: {error}", file=sys.stderr)
        return 2
    elapsed = time.perf_counter() - started
    print(f"corpus: {stats.articles} articles, {stats.recipients} named recipients, {stats.award_lines} award "
          f"lines, years {stats.years[0]}–{stats.years[-1]}, in {args.out} ({elapsed:.1f} s)")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
