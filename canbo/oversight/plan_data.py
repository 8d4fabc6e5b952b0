"""The actions of the plan implementing Resolution 05-NQ/TU (sections II and III), as data.

Each action keeps the plan's own wording (Vietnamese, NFC) for its text, owner, partners and
time ("Thời gian thực hiện"); `cadence` is the machine form of that time, `deadline` the day it
falls due (the day before "trước ngày 01/7/2026"), `yearly_due` (month, day) the due day of a
recurring action within each year, and `indicators` the live figures computed from the data
the system holds (keys of `canbo.oversight.indicators.INDICATORS`).
"""

from dataclasses import dataclass, field
from datetime import date

SNV = "Sở Nội vụ tỉnh Lai Châu"
BTG = "Ban Tuyên giáo và Dân vận Đảng ủy UBND tỉnh"
UBKT = "Ủy ban Kiểm tra Đảng ủy UBND tỉnh"
BXD = "Ban Xây dựng Đảng Đảng ủy UBND tỉnh"
SGD = "Sở Giáo dục và Đào tạo tỉnh Lai Châu"
STC = "Sở Tài chính tỉnh Lai Châu"
TCD = "Trường Cao đẳng Lai Châu"
DBTT = "Các đảng bộ trực thuộc Đảng ủy UBND tỉnh"
XA = "UBND các xã, phường"

# The provincial bodies that own actions: (name, electronic-code group) for the demo.
OWNER_BODIES = [(BTG, "06"), (UBKT, "07"), (BXD, "08"), (SGD, "09"), (STC, "10"), (TCD, "11")]

CONTINUOUS_TEXT = "Thường xuyên"
YEARLY_TEXT = "Hằng năm"
PERIOD_TEXT = "Giai đoạn năm 2026 - 2028"
YEAR_TEXT = "Trong năm 2026"


@dataclass(frozen=True)
class ActionData:
    code: str
    section: str
    text: str
    owner: str
    cadence: str  # deadline | year | period | yearly | continuous | conditional
    time_text: str
    product: str
    partners: str = ""
    deadline: date | None = None
    yearly_due: tuple[int, int] | None = None
    indicators: tuple[str, ...] = field(default=())


END_2026 = date(2026, 12, 31)
END_2028 = date(2028, 12, 31)

ACTIONS = [
    ActionData(
        "II.1",
        "II.1",
        "Quán triệt các nghị quyết, chỉ thị, kết luận, quy định của Đảng, chính sách, pháp luật "
        "của Nhà nước về xây dựng đội ngũ cán bộ cấp xã và Nghị quyết số 05-NQ/TU đến toàn thể "
        "cán bộ, đảng viên, công chức và người lao động với các hình thức đa dạng.",
        BTG,
        "continuous",
        CONTINUOUS_TEXT,
        "Hội nghị quán triệt; kế hoạch và tin, bài tuyên truyền",
        DBTT,
    ),
    ActionData(
        "II.2.1.a",
        "II.2.1",
        "Nâng cao chất lượng giáo dục và đào tạo để tạo nguồn cán bộ, quan tâm tạo nguồn cán bộ "
        "người dân tộc thiểu số; phát hiện, bồi dưỡng học sinh giỏi, định hướng đào tạo đại học "
        "ở các ngành, lĩnh vực tỉnh có nhu cầu.",
        SGD,
        "yearly",
        YEARLY_TEXT,
        "Danh sách học sinh giỏi được định hướng, hướng nghiệp",
        SNV,
        yearly_due=(9, 30),
    ),
    ActionData(
        "II.2.1.b",
        "II.2.1",
        "Hoàn thiện việc xây dựng vị trí việc làm để xác định tổng thể biên chế của hệ thống "
        "chính trị giai đoạn 2026-2031.",
        SNV,
        "deadline",
        "Hoàn thành trước ngày 01/7/2026",
        "Quyết định phê duyệt vị trí việc làm và biên chế của các xã, phường",
        XA,
        deadline=date(2026, 6, 30),
        indicators=("job_positions",),
    ),
    ActionData(
        "II.2.1.c",
        "II.2.1",
        "Thực hiện tuyển dụng, tiếp nhận vào làm công chức, viên chức, tập trung vào các lĩnh "
        "vực còn thiếu, cơ sở đang cần; gắn với đào tạo, sử dụng con em địa phương, người dân "
        "tộc thiểu số; thực hiện cơ chế đặc biệt theo Kết luận số 205-KL/TW.",
        SNV,
        "yearly",
        YEARLY_TEXT,
        "Kết quả tuyển dụng, tiếp nhận công chức cấp xã trong năm",
        XA,
        yearly_due=(12, 31),
    ),
    ActionData(
        "II.2.1.d",
        "II.2.1",
        "Điều động, luân chuyển cán bộ từ tỉnh về xã và ngược lại, từ xã này sang xã khác để "
        "đào tạo, rèn luyện trong thực tiễn, nhất là cán bộ công nghệ thông tin, chuyển đổi số, "
        "quản lý đất đai, quy hoạch; bố trí bí thư cấp ủy, chủ tịch UBND, chủ nhiệm ủy ban "
        "kiểm tra không phải là người địa phương.",
        SNV,
        "yearly",
        YEARLY_TEXT,
        "Quyết định điều động, luân chuyển cán bộ",
        BXD,
        yearly_due=(12, 31),
        indicators=("rotations_to_communes",),
    ),
    ActionData(
        "II.2.2.a",
        "II.2.2",
        "Thực hiện nghiêm túc việc kiểm điểm, đánh giá, xếp loại cán bộ theo Quy định số "
        "05-QĐ/TU và Nghị định số 335/2025/NĐ-CP, gắn với sản phẩm công việc và mức độ hài lòng "
        "của người dân; chấn chỉnh tình trạng đánh giá không sát với kết quả thực hiện nhiệm vụ.",
        SNV,
        "yearly",
        YEARLY_TEXT,
        "Kết quả xếp loại chất lượng công chức cấp xã hằng năm",
        XA,
        yearly_due=(12, 15),
        indicators=("annual_classified",),
    ),
    ActionData(
        "II.2.2.b",
        "II.2.2",
        "Xây dựng phần mềm theo dõi, đánh giá công chức và kết nối, liên thông với phần mềm "
        "điều hành, quản lý văn bản và giao nhiệm vụ của cơ quan, tổ chức, đơn vị.",
        SNV,
        "year",
        YEAR_TEXT,
        "Phần mềm theo dõi, đánh giá công chức vận hành tại các xã, phường",
        XA,
        deadline=END_2026,
        indicators=("communes_on_software",),
    ),
    ActionData(
        "II.2.2.c",
        "II.2.2",
        "Triển khai thực hiện tiêu chí đánh giá, xếp loại đối với các đảng bộ trực thuộc và tập "
        "thể, cá nhân trong lãnh đạo, chỉ đạo và thực hiện 5 chỉ tiêu kinh tế - xã hội cơ bản.",
        BXD,
        "conditional",
        "Sau khi có quy định của Tỉnh ủy",
        "Bộ tiêu chí đánh giá tập thể, cá nhân",
        DBTT,
    ),
    ActionData(
        "II.2.3",
        "II.2.3",
        "Thực hiện nghiêm quy định về quy hoạch cán bộ; xây dựng, rà soát, điều chỉnh, bổ sung "
        "quy hoạch cán bộ theo nhiệm kỳ và hằng năm; quan tâm cán bộ trẻ, cán bộ nữ, cán bộ "
        "người dân tộc thiểu số.",
        BXD,
        "yearly",
        YEARLY_TEXT,
        "Danh sách quy hoạch được rà soát, bổ sung hằng năm",
        XA,
        yearly_due=(12, 31),
        indicators=("succession_reviewed",),
    ),
    ActionData(
        "II.2.4",
        "II.2.4",
        "Hằng năm xây dựng và tổ chức đào tạo, đào tạo lại, bồi dưỡng, tập huấn cho cán bộ, "
        "công chức cấp xã theo chức danh, vị trí việc làm, nhất là lĩnh vực công nghệ thông "
        "tin, xây dựng, quản lý đất đai, văn thư lưu trữ.",
        SNV,
        "yearly",
        YEARLY_TEXT,
        "Kế hoạch đào tạo, bồi dưỡng năm",
        XA,
        yearly_due=(3, 31),
        indicators=("training_plans",),
    ),
    ActionData(
        "II.2.4.a",
        "II.2.4",
        "Cử một số cán bộ đi đào tạo sau đại học phù hợp với vị trí việc làm; đào tạo bằng đại "
        "học thứ hai về khoa học công nghệ, đổi mới sáng tạo, kỹ năng số, công nghệ số.",
        SNV,
        "period",
        PERIOD_TEXT,
        "Quyết định cử đi đào tạo sau đại học, đại học thứ hai",
        XA,
        deadline=END_2028,
    ),
    ActionData(
        "II.2.4.b",
        "II.2.4",
        "Liên kết với Học viện Công nghệ Bưu chính viễn thông mở 02 lớp đại học chuyên ngành "
        "công nghệ thông tin cho khoảng 100 cán bộ.",
        SNV,
        "period",
        PERIOD_TEXT,
        "02 lớp đại học công nghệ thông tin, khoảng 100 học viên",
        "Học viện Công nghệ Bưu chính viễn thông; " + XA,
        deadline=END_2028,
        indicators=("it_classes",),
    ),
    ActionData(
        "II.2.4.c",
        "II.2.4",
        "Cử cán bộ chưa đạt chuẩn về trình độ chuyên môn (còn trên 06 năm công tác) đi đào tạo "
        "đại học các chuyên ngành phù hợp.",
        SNV,
        "period",
        PERIOD_TEXT,
        "Danh sách cán bộ được cử đi đào tạo đại học",
        XA,
        deadline=END_2028,
        indicators=("university_sent",),
    ),
    ActionData(
        "II.2.4.d",
        "II.2.4",
        "Cử cán bộ đi đào tạo cao cấp, trung cấp lý luận chính trị để bảo đảm tiêu chuẩn chức "
        "danh theo quy định.",
        BXD,
        "period",
        PERIOD_TEXT,
        "Danh sách cán bộ được cử đi học lý luận chính trị",
        SNV,
        deadline=END_2028,
        indicators=("theory_enrolled",),
    ),
    ActionData(
        "II.2.4.e",
        "II.2.4",
        "Bồi dưỡng kiến thức, kỹ năng quản lý nhà nước, chuyên môn, nghiệp vụ chuyên ngành theo "
        "yêu cầu vị trí việc làm; cập nhật đường lối, chủ trương, chính sách, pháp luật.",
        SNV,
        "continuous",
        CONTINUOUS_TEXT,
        "Các lớp bồi dưỡng, tập huấn đã tổ chức",
        XA,
        indicators=("courses_completed",),
    ),
    ActionData(
        "II.2.4.f",
        "II.2.4",
        "Đổi mới, nâng cao chất lượng đào tạo, bồi dưỡng của Trường Cao đẳng Lai Châu; nâng cao "
        "trình độ giảng viên; cập nhật tài liệu; phối hợp với các học viện, trường đại học mở "
        "lớp đào tạo, bồi dưỡng.",
        TCD,
        "continuous",
        CONTINUOUS_TEXT,
        "Chương trình, tài liệu bồi dưỡng được cập nhật",
        SNV,
    ),
    ActionData(
        "II.2.4.g",
        "II.2.4",
        "Khuyến khích cán bộ tự học tập, tự cập nhật kiến thức mới, tham gia phong trào "
        "“Bình dân học vụ số”, nâng cao kiến thức khoa học, công nghệ, kiến thức số.",
        BTG,
        "continuous",
        CONTINUOUS_TEXT,
        "Kết quả phong trào “Bình dân học vụ số”",
        XA,
    ),
    ActionData(
        "II.2.5.a",
        "II.2.5",
        "Thực hiện nghiêm các quy định về giới thiệu ứng cử, cho thôi giữ chức vụ, từ chức, miễn "
        "nhiệm; khuyến khích, bảo vệ cán bộ năng động, sáng tạo; thực hiện chủ trương “có vào, "
        "có ra, có lên, có xuống”.",
        BXD,
        "continuous",
        CONTINUOUS_TEXT,
        "Quyết định về công tác cán bộ bảo đảm đúng quy trình",
        DBTT,
    ),
    ActionData(
        "II.2.5.b",
        "II.2.5",
        "Kịp thời kiện toàn cán bộ lãnh đạo, quản lý; quan tâm giới thiệu ứng cử cán bộ trẻ, nữ, "
        "dân tộc thiểu số; tăng cường kiểm soát quyền lực, đấu tranh với chạy chức, chạy quyền.",
        BXD,
        "continuous",
        CONTINUOUS_TEXT,
        "Cán bộ lãnh đạo, quản lý cấp xã được kiện toàn",
        DBTT,
    ),
    ActionData(
        "II.2.5.c",
        "II.2.5",
        "Kịp thời cho ý kiến đối với nhân sự Chủ tịch, Phó Chủ tịch UBND cấp xã.",
        BXD,
        "continuous",
        CONTINUOUS_TEXT,
        "Văn bản cho ý kiến về nhân sự",
        SNV,
    ),
    ActionData(
        "II.2.6.a",
        "II.2.6",
        "Thực hiện tốt các quy định về khen thưởng, kỷ luật cán bộ; biểu dương, nhân rộng điển "
        "hình tiên tiến; kịp thời xử lý nghiêm minh cán bộ suy thoái, thiếu trách nhiệm, không "
        "hoàn thành chức trách nhiệm vụ được giao.",
        SNV,
        "continuous",
        CONTINUOUS_TEXT,
        "Quyết định khen thưởng, kỷ luật",
        UBKT,
        indicators=("disciplines",),
    ),
    ActionData(
        "II.2.6.b",
        "II.2.6",
        "Thực hiện đầy đủ chế độ, chính sách đối với cán bộ cấp xã; rà soát, tham mưu sửa đổi "
        "Nghị quyết số 11/2019/NQ-HĐND và Nghị quyết số 23/2023/NQ-HĐND của Hội đồng nhân dân "
        "tỉnh.",
        SNV,
        "year",
        "Trong năm 2026",
        "Dự thảo nghị quyết sửa đổi trình HĐND tỉnh",
        STC,
        deadline=END_2026,
    ),
    ActionData(
        "II.2.7",
        "II.2.7",
        "Tăng cường kiểm tra, giám sát thường xuyên, tự kiểm tra việc thực hiện nhiệm vụ, công vụ "
        "của cán bộ cấp xã, nhất là lĩnh vực nhạy cảm, dễ phát sinh tiêu cực; giải quyết đơn "
        "thư, khiếu nại, tố cáo của cán bộ, đảng viên và công dân.",
        UBKT,
        "continuous",
        CONTINUOUS_TEXT,
        "Kết luận kiểm tra, giám sát; kết quả giải quyết đơn thư",
        SNV,
        indicators=("findings", "complaints_open"),
    ),
    ActionData(
        "II.3",
        "II.3",
        "Hằng năm rà soát, trang bị bổ sung máy móc, trang thiết bị làm việc phục vụ hoạt động "
        "của cán bộ cấp xã bảo đảm theo tiêu chuẩn, định mức quy định.",
        STC,
        "yearly",
        YEARLY_TEXT,
        "Báo cáo rà soát trang thiết bị và dự toán mua sắm bổ sung",
        XA,
        yearly_due=(9, 30),
    ),
    ActionData(
        "III.1",
        "III.1",
        "Các cấp ủy, tổ chức đảng trực thuộc tổ chức quán triệt, triển khai thực hiện Nghị "
        "quyết, Kế hoạch này sát với yêu cầu thực tiễn của cơ quan, đơn vị.",
        DBTT,
        "continuous",
        CONTINUOUS_TEXT,
        "Kế hoạch thực hiện của các đảng bộ trực thuộc",
    ),
    ActionData(
        "III.2.a",
        "III.2",
        "Xây dựng kế hoạch triển khai Nghị quyết với lộ trình và phân công trách nhiệm cụ thể; "
        "rà soát, tham mưu ban hành cơ chế, chính sách nâng cao trình độ, năng lực cán bộ cấp xã.",
        SNV,
        "year",
        YEAR_TEXT,
        "Kế hoạch của UBND tỉnh triển khai Nghị quyết",
        XA,
        deadline=END_2026,
    ),
    ActionData(
        "III.2.b",
        "III.2",
        "Phê duyệt danh mục, bản mô tả, khung năng lực vị trí việc làm khối chính quyền cấp xã; "
        "tuyển dụng công chức cấp xã; tăng cường cán bộ từ các sở, ngành về xã; điều động cán "
        "bộ từ xã thừa sang xã thiếu.",
        SNV,
        "deadline",
        "Hoàn thành trước ngày 01/7/2026",
        "Quyết định phê duyệt danh mục vị trí việc làm cấp xã",
        XA,
        deadline=date(2026, 6, 30),
        indicators=("job_positions", "rotations_to_communes"),
    ),
    ActionData(
        "III.2.c",
        "III.2",
        "Xây dựng và tổ chức thực hiện kế hoạch đào tạo, bồi dưỡng cán bộ theo giai đoạn và từng "
        "năm; nâng cao năng lực các cơ sở đào tạo trong tỉnh.",
        SNV,
        "yearly",
        YEARLY_TEXT,
        "Kế hoạch đào tạo, bồi dưỡng giai đoạn và hằng năm",
        TCD,
        yearly_due=(3, 31),
        indicators=("training_plans",),
    ),
    ActionData(
        "III.3",
        "III.3",
        "Hướng dẫn học tập, quán triệt, tuyên truyền Nghị quyết; thường xuyên theo dõi, kiểm "
        "tra, đôn đốc, tổng kết, định kỳ báo cáo kết quả thực hiện Nghị quyết với Đảng ủy UBND "
        "tỉnh.",
        BTG,
        "yearly",
        "Định kỳ 6 tháng, hằng năm",
        "Báo cáo 6 tháng và báo cáo năm về kết quả thực hiện Nghị quyết",
        UBKT,
        yearly_due=(12, 31),
        indicators=("reports_signed",),
    ),
    ActionData(
        "III.4",
        "III.4",
        "Theo dõi, đôn đốc, giám sát việc thực hiện Kế hoạch theo chức năng, nhiệm vụ.",
        UBKT,
        "continuous",
        CONTINUOUS_TEXT,
        "Thông báo kết quả giám sát",
        BTG,
        indicators=("findings",),
    ),
]
