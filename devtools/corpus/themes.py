"""The kinds of article the corpus writes: organisers, seasons, awards and wording of each."""

from __future__ import annotations

from dataclasses import dataclass, field

from .prose import GENERIC_CLOSING, GENERIC_CONTEXT


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
