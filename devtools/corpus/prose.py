"""How authorities, awards and results read in running prose, besides their registry names."""

from __future__ import annotations

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
