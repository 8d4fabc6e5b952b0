"""The default names of the equipment norms, as the province's decision on equipment
standards writes them. Seed data stored into EquipmentNorm (then edited there), not interface
text: it stays Vietnamese whatever the language of the page."""

NORM_NAMES = {
    "computer": "Máy vi tính",
    "printer": "Máy in",
    "scanner": "Máy quét (scan)",
    "photocopier": "Máy photocopy",
    "projector": "Máy chiếu",
}
