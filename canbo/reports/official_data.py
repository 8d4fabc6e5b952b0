"""Fixed wording quoted verbatim from Vietnamese legal texts and administrative names.

Reference data, not interface text: it stays Vietnamese whatever the language of the page,
because the national exchange format and the names stored for organisations are Vietnamese.
"""

# The national cadre database's data group and its legal bases (Decree 27/2026/NĐ-CP),
# written into every export as the documented format says (docs/national-export.md).
DATA_GROUP = "đánh giá, xếp loại"
LEGAL_BASIS = ["Nghị định 27/2026/NĐ-CP", "Nghị định 335/2025/NĐ-CP"]

# The kinds of administrative unit as they begin an organisation's stored name.
UNIT_PREFIXES = ("Phường ", "Xã ", "Thị trấn ", "Tỉnh ")
