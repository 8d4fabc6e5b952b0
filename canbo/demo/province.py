"""Static data of the demo province: communes, departments, job positions, titles.

Communes follow Resolution 1670/NQ-UBTVQH15 (38 commune-level units from 01/07/2025);
departments follow Decree 150/2025/NĐ-CP. Ethnic mixes of the staff are rough weights by area.
"""

from dataclasses import dataclass
from datetime import date

from canbo.org.choices import Education, Field, OrgKind, PoliticalTheory, StateManagement

# The day the 38 commune-level units came into being: start of every seeded post.
REORGANISED_ON = date(2025, 7, 1)
REORGANISATION_DECISION = "Sắp xếp theo Nghị quyết 1670/NQ-UBTVQH15"

PERSONNEL_OFFICE = "Sở Nội vụ tỉnh Lai Châu"


@dataclass(frozen=True)
class Commune:
    index: int  # 1-based, stable: it appears in codes
    name: str  # without the "Xã"/"Phường" prefix
    kind: str
    mix: str  # "ethnicity:weight ..." of the commune's civil servants

    @property
    def full_name(self) -> str:
        prefix = "Phường" if self.kind == OrgKind.WARD else "Xã"
        return f"{prefix} {self.name}"

    def ethnic_weights(self) -> tuple[list[str], list[int]]:
        pairs = [item.split(":") for item in self.mix.split()]
        return [code for code, _ in pairs], [int(weight) for _, weight in pairs]


_THAN_UYEN = "thai:5 kinh:3 mong:2 kho_mu:1"
_TAN_UYEN = "thai:4 kinh:3 mong:3 dao:1 kho_mu:1"
_TAM_DUONG = "mong:4 dao:3 giay:2 kinh:3 thai:1"
_PHONG_THO = "dao:4 mong:4 giay:2 kinh:2 ha_nhi:1"
_SIN_HO = "mong:5 dao:2 thai:2 kinh:2 ha_nhi:1 lu:1"
_NAM_NHUN = "thai:4 mong:2 cong:1 ha_nhi:2 kinh:2 mang:1"
_MUONG_TE = "ha_nhi:4 la_hu:2 thai:2 kinh:2 si_la:1 cong:1 mong:1"
_WARD = "kinh:6 thai:2 giay:1 mong:1"

_COMMUNES = [
    ("Mường Kim", _THAN_UYEN),
    ("Khoen On", _THAN_UYEN),
    ("Than Uyên", _THAN_UYEN),
    ("Mường Than", _THAN_UYEN),
    ("Pắc Ta", _TAN_UYEN),
    ("Nậm Sỏ", _TAN_UYEN),
    ("Tân Uyên", _TAN_UYEN),
    ("Mường Khoa", _TAN_UYEN),
    ("Bản Bo", "thai:4 giay:2 kinh:3"),
    ("Bình Lư", _TAM_DUONG),
    ("Tả Lèng", _TAM_DUONG),
    ("Khun Há", _TAM_DUONG),
    ("Sin Suối Hồ", _PHONG_THO),
    ("Phong Thổ", _PHONG_THO),
    ("Dào San", _PHONG_THO),
    ("Sì Lở Lầu", "ha_nhi:3 dao:3 mong:2 kinh:2"),
    ("Khổng Lào", "thai:4 lu:2 dao:2 kinh:2"),
    ("Tủa Sín Chải", _SIN_HO),
    ("Sìn Hồ", _SIN_HO),
    ("Hồng Thu", _SIN_HO),
    ("Nậm Tăm", _SIN_HO),
    ("Pu Sam Cáp", _SIN_HO),
    ("Nậm Cuổi", _SIN_HO),
    ("Nậm Mạ", _SIN_HO),
    ("Lê Lợi", _NAM_NHUN),
    ("Nậm Hàng", _NAM_NHUN),
    ("Mường Mô", _NAM_NHUN),
    ("Hua Bum", "la_hu:3 mong:2 dao:2 kinh:2 thai:1"),
    ("Pa Tần", _NAM_NHUN),
    ("Bum Nưa", _MUONG_TE),
    ("Bum Tở", _MUONG_TE),
    ("Mường Tè", _MUONG_TE),
    ("Thu Lũm", _MUONG_TE),
    ("Pa Ủ", "la_hu:4 ha_nhi:2 kinh:2 thai:1"),
    ("Mù Cả", _MUONG_TE),
    ("Tà Tổng", "la_hu:3 mong:3 dao:2 kinh:2"),
]
_WARDS = ["Tân Phong", "Đoàn Kết"]

COMMUNES: list[Commune] = [
    Commune(i, name, OrgKind.COMMUNE, mix) for i, (name, mix) in enumerate(_COMMUNES, start=1)
] + [
    Commune(len(_COMMUNES) + i, name, OrgKind.WARD, _WARD) for i, name in enumerate(_WARDS, start=1)
]


@dataclass(frozen=True)
class Department:
    suffix: str  # last group of the electronic code
    kind: str
    name: str
    ward_name: str  # the name in a ward, when it differs
    head_title: str
    deputy_title: str
    positions: tuple[str, ...]  # job positions of its civil servants (non-leaders)

    def name_in(self, commune: Commune) -> str:
        return self.ward_name if commune.kind == OrgKind.WARD else self.name


DEPARTMENTS = [
    Department(
        "VP",
        OrgKind.OFFICE,
        "Văn phòng HĐND và UBND",
        "Văn phòng HĐND và UBND",
        "TRUONG_PHONG",
        "PHO_TRUONG_PHONG",
        ("VP_TK", "VT_LT", "TP_HT", "CNTT"),
    ),
    Department(
        "KT",
        OrgKind.DEPARTMENT,
        "Phòng Kinh tế",
        "Phòng Kinh tế, Hạ tầng và Đô thị",
        "TRUONG_PHONG",
        "PHO_TRUONG_PHONG",
        ("KT_NN", "DC_MT", "XD_HT", "TC_KT"),
    ),
    Department(
        "VHXH",
        OrgKind.DEPARTMENT,
        "Phòng Văn hóa - Xã hội",
        "Phòng Văn hóa - Xã hội",
        "TRUONG_PHONG",
        "PHO_TRUONG_PHONG",
        ("VH_XH", "LD_XH"),
    ),
    Department(
        "HCC",
        OrgKind.SERVICE_CENTRE,
        "Trung tâm Phục vụ hành chính công",
        "Trung tâm Phục vụ hành chính công",
        "GIAM_DOC_TT",
        "PHO_GIAM_DOC_TT",
        ("MOT_CUA", "CNTT"),
    ),
]

# Leaders attached to the commune node itself.
COMMUNE_LEADERS = ("CHU_TICH", "PHO_CHU_TICH", "PHO_CHU_TICH")
COMMUNE_LEADER_POSITION = "LD_UBND"
DEPARTMENT_LEADER_POSITION = "LD_PHONG"
CIVIL_SERVANT_TITLE = "CONG_CHUC"


@dataclass(frozen=True)
class TitleSpec:
    code: str
    name: str
    rank: int
    is_leader: bool = True
    must_be_non_local: bool = False
    min_political_theory: int = PoliticalTheory.NONE


TITLES = [
    TitleSpec(
        "BI_THU",
        "Bí thư Đảng ủy",
        10,
        must_be_non_local=True,
        min_political_theory=PoliticalTheory.INTERMEDIATE,
    ),
    TitleSpec(
        "CHU_TICH",
        "Chủ tịch UBND",
        20,
        must_be_non_local=True,
        min_political_theory=PoliticalTheory.INTERMEDIATE,
    ),
    TitleSpec(
        "CHU_NHIEM_UBKT",
        "Chủ nhiệm Ủy ban kiểm tra",
        30,
        must_be_non_local=True,
        min_political_theory=PoliticalTheory.INTERMEDIATE,
    ),
    TitleSpec(
        "PHO_CHU_TICH", "Phó Chủ tịch UBND", 40, min_political_theory=PoliticalTheory.INTERMEDIATE
    ),
    TitleSpec("TRUONG_PHONG", "Trưởng phòng", 50, min_political_theory=PoliticalTheory.BASIC),
    TitleSpec("GIAM_DOC_TT", "Giám đốc Trung tâm", 50, min_political_theory=PoliticalTheory.BASIC),
    TitleSpec(
        "PHO_TRUONG_PHONG", "Phó Trưởng phòng", 60, min_political_theory=PoliticalTheory.BASIC
    ),
    TitleSpec(
        "PHO_GIAM_DOC_TT", "Phó Giám đốc Trung tâm", 60, min_political_theory=PoliticalTheory.BASIC
    ),
    TitleSpec("CONG_CHUC", "Công chức", 100, is_leader=False),
]


@dataclass(frozen=True)
class PositionSpec:
    code: str
    name: str
    field: str
    major: str
    min_political_theory: int = PoliticalTheory.NONE
    min_state_management: int = StateManagement.SPECIALIST
    requires_it: bool = True
    requires_foreign_language: bool = False
    min_education: int = Education.UNIVERSITY


POSITIONS = [
    PositionSpec(
        "LD_UBND",
        "Lãnh đạo UBND cấp xã",
        Field.LEADERSHIP,
        "Quản lý nhà nước",
        PoliticalTheory.INTERMEDIATE,
        StateManagement.MAIN_SPECIALIST,
        requires_foreign_language=True,
    ),
    PositionSpec(
        "LD_PHONG",
        "Lãnh đạo, quản lý phòng chuyên môn",
        Field.LEADERSHIP,
        "Quản lý nhà nước",
        PoliticalTheory.BASIC,
        StateManagement.SPECIALIST,
    ),
    PositionSpec("VP_TK", "Văn phòng - Thống kê", Field.ARCHIVES, "Hành chính học"),
    PositionSpec("VT_LT", "Văn thư - Lưu trữ", Field.ARCHIVES, "Lưu trữ học"),
    PositionSpec("TP_HT", "Tư pháp - Hộ tịch", Field.JUSTICE, "Luật"),
    PositionSpec(
        "CNTT",
        "Công nghệ thông tin - Chuyển đổi số",
        Field.IT,
        "Công nghệ thông tin",
        requires_foreign_language=True,
    ),
    PositionSpec("KT_NN", "Kinh tế - Nông nghiệp", Field.ECONOMY, "Kinh tế nông nghiệp"),
    PositionSpec("DC_MT", "Địa chính - Môi trường", Field.LAND, "Quản lý đất đai"),
    PositionSpec("XD_HT", "Xây dựng - Hạ tầng - Đô thị", Field.CONSTRUCTION, "Kỹ thuật xây dựng"),
    PositionSpec("TC_KT", "Tài chính - Kế toán", Field.FINANCE, "Kế toán"),
    PositionSpec("VH_XH", "Văn hóa - Xã hội", Field.CULTURE, "Quản lý văn hóa"),
    PositionSpec("LD_XH", "Lao động - Chính sách xã hội", Field.CULTURE, "Công tác xã hội"),
    PositionSpec("MOT_CUA", "Tiếp nhận và trả kết quả (một cửa)", Field.GENERAL, "Hành chính học"),
]

# Majors someone may hold instead of the one the position asks for.
OTHER_MAJORS = [
    "Kinh tế",
    "Quản trị kinh doanh",
    "Sư phạm",
    "Nông học",
    "Lâm nghiệp",
    "Xây dựng Đảng",
    "Chính trị học",
    "Luật kinh tế",
    "Quản lý nhà nước",
    "Tài chính - Ngân hàng",
]


def commune_code(commune: Commune, province_code: str) -> str:
    """Electronic code of a commune, in the province code's family (…H29)."""
    level1 = province_code.rsplit(".", 1)[-1]
    digits = "".join(ch for ch in level1 if ch.isdigit()) or "00"
    return f"000.{commune.index:02d}.{digits}.{level1}"


def personnel_office_code(province_code: str) -> str:
    return f"000.00.05.{province_code.rsplit('.', 1)[-1]}"
