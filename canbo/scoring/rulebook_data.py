"""The legal basis of each parameter of the Decree 335 rulebook, as the decree and its
precedents are cited (reference data, Vietnamese by nature: a new rulebook brings its own).

An explanation step quotes the basis of the rule it applies; "chưa xác nhận" marks a value the
province has not confirmed yet."""

DECREE = "NĐ 335/2025/NĐ-CP"
UNCONFIRMED = "Tham số cấu hình (chưa xác nhận)"
ND335_NAME = "Nghị định 335/2025/NĐ-CP (áp dụng từ 01/01/2026)"

DEFAULT_BASIS: dict[str, str] = {
    "criteria": f"Điều 12 {DECREE}; điểm từng tiêu chí: {UNCONFIRMED.lower()}",
    "task_max": f"Điều 14 {DECREE}",
    "quantity": f"Điều 14 {DECREE}",
    "quality_deduction": f"Điều 14 {DECREE}",
    "delay_deduction": f"Điều 14 {DECREE}",
    "objective_cause": f"Điều 14 {DECREE}",
    "late_item_mode": UNCONFIRMED,
    "staff_formula": f"Điều 14 {DECREE}; công thức: {UNCONFIRMED.lower()}",
    "leader_formula": f"Điều 15 {DECREE}; công thức: {UNCONFIRMED.lower()}",
    "unit_values": f"Điều 15 {DECREE}",
    "organising_values": f"Điều 15 {DECREE}; mức 50 %: {UNCONFIRMED.lower()}",
    "third_values": UNCONFIRMED,
    "total": f"Điều 12, Điều 14 {DECREE}",
    "thresholds": f"Điều 20 {DECREE}",
    "overrides": f"Điều 20 {DECREE}",
    "no_items_policy": UNCONFIRMED,
    "quarter_mode": UNCONFIRMED,
    "year": f"Điều 21 {DECREE}",
    "quota_ratio": f"Điều 20 {DECREE}",
    "quota_exception_ratio": UNCONFIRMED,
    "quota_rounding": UNCONFIRMED,
    "absence_not_worked_share": f"Điều 21 {DECREE}; ngưỡng: {UNCONFIRMED.lower()}",
    "satisfaction_threshold": "Quyết định 766/QĐ-TTg (chỉ số hài lòng); ngưỡng: "
    + UNCONFIRMED.lower(),
    "satisfaction_b_cap": UNCONFIRMED,
    "agency_thresholds": f"{DECREE} (cơ quan hành chính nhà nước); ngưỡng: " + UNCONFIRMED.lower(),
    "agency_informs_leader": f"Điều 15 {DECREE}; dùng kết quả cơ quan cho tiêu chí đ: "
    + UNCONFIRMED.lower(),
    "short_year_rule": "Tiền lệ Nghị định 90/2020/NĐ-CP; áp dụng cho NĐ 335: "
    + UNCONFIRMED.lower(),
}
