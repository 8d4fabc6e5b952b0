"""Name pools by ethnic group: family names, middle names and given names by gender."""

import random
from dataclasses import dataclass

from canbo.core.text import nfc


@dataclass(frozen=True)
class Pool:
    family: tuple[str, ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]


def _pool(*lists: str) -> Pool:
    """Build a pool from comma-separated lists, in the order of Pool's fields."""
    return Pool(*(tuple(text.split(",")) for text in lists))


POOLS: dict[str, Pool] = {
    "kinh": _pool(
        "Nguyễn,Trần,Lê,Phạm,Hoàng,Vũ,Đỗ,Bùi,Đặng,Ngô,Dương,Đinh,Phan,Trịnh",
        "Văn,Đức,Minh,Quang,Hữu,Xuân,Tiến,Mạnh,Ngọc,Trung",
        "Thị,Thị,Thu,Thanh,Ngọc,Minh,Hồng,Thúy",
        "An,Bình,Cường,Dũng,Hải,Hùng,Khánh,Long,Nam,Phong,Quân,Sơn,Thắng,Tuấn,Việt,Đức,Hiếu",
        "Hồng,Hương,Lan,Linh,Mai,Ngọc,Nhung,Phương,Thảo,Trang,Vân,Yến,Hà,Huyền,Thủy,Loan",
    ),
    "thai": _pool(
        "Lò,Tòng,Lường,Cầm,Điêu,Quàng,Hoàng,Vì,Lù",
        "Văn",
        "Thị",
        "Hưng,Thắng,Ơn,Phanh,Chiến,Xôm,Khánh,Dũng,Piêng,Ngoan,Tiến,Hoan,Inh,Đôi",
        "Phương,Mai,Hương,Xuân,Ánh,Pảng,Kim,Ỏi,Thanh,Bun,Hiên,Én,Lả",
    ),
    "mong": _pool(
        "Giàng,Sùng,Vàng,Lý,Thào,Hạng,Lầu,Mùa,Cứ,Tráng,Vừ,Hầu",
        "A,A,Seo,Văn,Chứ",
        "Thị",
        "Páo,Chúa,Sử,Dế,Dình,Lử,Pó,Chá,Sình,Tủa,Nhè,Giống,Súa,Dơ",
        "Mỷ,Mai,Dợ,Máy,Sua,Pà,Chở,Xí,Dia,Cở,Lan,Sủa,Mua",
    ),
    "dao": _pool(
        "Tẩn,Lý,Chảo,Phàn,Đặng,Triệu,Lò",
        "Láo,A,Văn,Kiềm,Vần,Quáng",
        "Thị,Mý,Mẩy",
        "Lở,Chài,Sành,Quẩy,San,Phẩy,Chiêu,Dùn,Tả,Kiềm,Dụng",
        "Mẩy,Chạn,Dính,Sảy,Xuân,Mây,Quyển,Liều,Nái,Sửu",
    ),
    "ha_nhi": _pool(
        "Chu,Pờ,Lò,Ly,Phu,Sừ,Lý,Hù,Chang",
        "Văn,Văn,A",
        "Thị,Mỹ",
        "Pứ,Cà,Xá,Chừ,Hừ,Gió,Pơ,Sá,Dì,Phạ,Chơ",
        "Gái,Mé,Xứ,Chà,Pá,Hà,Giờ,Cứ,Mơ,Phà",
    ),
    "giay": _pool(
        "Hoàng,Lù,Sần,Vàng,Lò,Giàng,Thèn",
        "Văn",
        "Thị",
        "Sinh,Thào,Chiu,Phứ,Pảo,Sành,Tường,Nhà,Quyết",
        "Sao,Diến,Lan,Nhâm,Mây,Lụa,Dung,Xuân",
    ),
    "lu": _pool(
        "Lò,Tao,Vàng,Lường,Đao,Lỳ",
        "Văn",
        "Thị",
        "Ương,Khăm,Xiêng,Pọm,Ín,Chăn,Phanh",
        "Ón,Pẹng,Xiêng,Pọm,Ọn,Khằm,Pâng",
    ),
    "kho_mu": _pool(
        "Lò,Lường,Vi,Quàng,Cầm,Lù",
        "Văn",
        "Thị",
        "Khăm,Tuân,Xiềng,Pọm,Chăn,Ọn,Inh",
        "Ín,Pọm,Hoa,Sương,Ơn,Én",
    ),
    "cong": _pool(
        "Chang,Pờ,Lò,Sin,Lý",
        "Văn,A",
        "Thị",
        "Dùng,Sạ,Khừ,Pó,Chơ,Ngói",
        "Xuyến,Mé,Cà,Nhi,Pa",
    ),
    "mang": _pool(
        "Lò,Chìn,Pạc,Tao,Lỳ",
        "Văn",
        "Thị",
        "Xơ,Sạ,Khoa,Lạn,Chừ",
        "Mười,Khoa,Lan,Pia,Ngọ",
    ),
    "la_hu": _pool(
        "Lò,Chang,Phàn,Lỳ,Pờ,Lý",
        "Văn,A",
        "Thị,Na",
        "Xe,Chà,Phì,Hừ,Nhù,Pứ,Sa",
        "Mé,Xú,Pa,Chà,Xe,Lu",
    ),
    "si_la": _pool(
        "Pờ,Hù,Lỳ,Vàng,Chu",
        "Văn",
        "Thị",
        "Xá,Chừ,Khá,Phì,Hừ",
        "Xá,Mé,Dụ,Hà,Pá",
    ),
}


def make_name(rng: random.Random, ethnicity: str, gender: str) -> str:
    """Return a full name (family, middle, given) in NFC for a person of that group."""
    pool = POOLS.get(ethnicity, POOLS["kinh"])
    if gender == "female":
        parts = [
            rng.choice(pool.family),
            rng.choice(pool.female_middle),
            rng.choice(pool.female_given),
        ]
    else:
        parts = [rng.choice(pool.family), rng.choice(pool.male_middle), rng.choice(pool.male_given)]
    return nfc(" ".join(parts)) or ""
