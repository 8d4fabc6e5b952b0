import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from canbo.core.text import fold, nfc


def test_fold_removes_vietnamese_marks():
    assert fold("Nguyễn Văn Đức") == "nguyen van duc"
    assert fold("  Lò   Thị  Mai ") == "lo thi mai"
    assert fold("Sùng Thị Mỷ") == "sung thi my"


def test_fold_treats_composed_and_decomposed_alike():
    composed = "Phường Tân Phong"
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    assert fold(decomposed) == fold(composed)
    assert nfc(decomposed) == composed


@given(st.text())
def test_fold_is_idempotent_and_ascii_for_vietnamese_letters(text):
    assert fold(fold(text)) == fold(text)
