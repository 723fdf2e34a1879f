"""Invented people and authors: common Vietnamese family, middle and given names."""

from __future__ import annotations

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
