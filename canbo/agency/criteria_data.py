"""The default agency criteria set (DOMAIN §6) as the decree and the province's plan word it:
reference data, Vietnamese by nature, seeded once into the database by
canbo.agency.defaults. Per-criterion points are [unconfirmed] and the description says so."""

from canbo.agency.models import Measure, Part, Source

DECREE = "Nghị định 335/2025/NĐ-CP"
NAME = "Bộ tiêu chí đánh giá cơ quan hành chính cấp xã"
DESCRIPTION = (
    "Bộ tiêu chí đánh giá cơ quan hành chính cấp xã theo Nghị định 335/2025/NĐ-CP: tiêu chí "
    "chung tối đa 30 điểm (4 nhóm), kết quả thực hiện nhiệm vụ tối đa 70 điểm (4 nhóm). "
    "Điểm từng tiêu chí là tham số cấu hình, CHƯA ĐƯỢC XÁC NHẬN theo văn bản chính thức; "
    "chỉ tiêu kinh tế - xã hội theo Kế hoạch thực hiện Nghị quyết 05-NQ/TU (mục II.2.2)."
)

# (code, group, group name, name, max points, measure, source); the list gives the part.
GENERAL = [
    (
        "I.1",
        1,
        "Chấp hành chủ trương, đường lối của Đảng, chính sách, pháp luật của Nhà nước",
        "Lãnh đạo, chỉ đạo, tổ chức thực hiện chủ trương, đường lối, chính sách, pháp luật",
        "8",
        Measure.ENTERED,
        Source.NONE,
    ),
    (
        "I.2",
        2,
        "Kỷ luật, kỷ cương hành chính",
        "Chấp hành kỷ luật, kỷ cương hành chính; quy chế làm việc; chế độ báo cáo",
        "8",
        Measure.ENTERED,
        Source.NONE,
    ),
    (
        "I.3",
        3,
        "Trách nhiệm của người đứng đầu",
        "Chất lượng đội ngũ cán bộ, công chức (đạt chuẩn vị trí việc làm, hoàn thành kế hoạch "
        "đào tạo, tỷ lệ không hoàn thành nhiệm vụ)",
        "4",
        Measure.COMPUTED,
        Source.CADRE,
    ),
    (
        "I.4",
        3,
        "Trách nhiệm của người đứng đầu",
        "Trách nhiệm người đứng đầu trong chỉ đạo, điều hành, phòng, chống tham nhũng, lãng phí",
        "3",
        Measure.ENTERED,
        Source.NONE,
    ),
    (
        "I.5",
        4,
        "Môi trường làm việc, văn hóa công vụ",
        "Xây dựng môi trường làm việc, văn hóa công vụ, đoàn kết nội bộ",
        "7",
        Measure.ENTERED,
        Source.NONE,
    ),
]
TASK = [
    (
        "II.1",
        1,
        "Kết quả thực hiện chương trình công tác năm",
        "Tỷ lệ hoàn thành các nhiệm vụ trong chương trình công tác năm",
        "15",
        Measure.ENTERED,
        Source.PROGRAMME,
    ),
    (
        "II.2",
        2,
        "Tiến độ, chất lượng thực hiện nhiệm vụ",
        "Số lượng, chất lượng, tiến độ các nhiệm vụ được giao của xã (a, b, c)",
        "15",
        Measure.COMPUTED,
        Source.WORK,
    ),
    (
        "II.3",
        3,
        "Hiệu quả công tác quản lý, điều hành",
        "Kết quả thực hiện 5 chỉ tiêu kinh tế - xã hội cơ bản được giao",
        "20",
        Measure.COMPUTED,
        Source.INDICATORS,
    ),
    (
        "II.4",
        3,
        "Hiệu quả công tác quản lý, điều hành",
        "Hiệu quả chỉ đạo, điều hành, cải cách hành chính",
        "5",
        Measure.ENTERED,
        Source.NONE,
    ),
    (
        "II.5",
        4,
        "Kết quả giải quyết thủ tục hành chính",
        "Tỷ lệ hồ sơ giải quyết đúng hạn và chỉ số hài lòng của người dân, doanh nghiệp",
        "15",
        Measure.ENTERED,
        Source.PROCEDURES,
    ),
]
BASIS = {
    Part.GENERAL: f"{DECREE} (tiêu chí chung đối với cơ quan); điểm: tham số chưa xác nhận",
    Part.TASK: f"{DECREE} (kết quả thực hiện nhiệm vụ của cơ quan); điểm: tham số chưa xác nhận",
}
INDICATOR_BASIS = "Kế hoạch thực hiện Nghị quyết 05-NQ/TU, mục II.2.2; điểm: chưa xác nhận"
