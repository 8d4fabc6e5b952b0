from dataclasses import replace

from canbo.scoring import QuotaEntry, check_quota, get_rulebook

RB = get_rulebook()


def _entries(excellent: int, good: int, group: str = "UBND xã Tân Phong") -> list[QuotaEntry]:
    entries = [QuotaEntry(f"x{i}", group, "excellent", 90 + i) for i in range(excellent)]
    entries += [QuotaEntry(f"g{i}", group, "good", 70 + i) for i in range(good)]
    return entries


def test_ten_good_allow_two_excellent() -> None:
    report = check_quota(_entries(2, 10), RB)
    group = report.groups[0]
    assert group.cap == 2 and group.excess == 0
    assert not group.exceeded and not report.exceeded


def test_three_excellent_with_ten_good_exceeds_by_one() -> None:
    report = check_quota(_entries(3, 10), RB)
    group = report.groups[0]
    assert group.exceeded and report.exceeded and group.excess == 1
    assert [e.person_id for e in group.margin_excellent] == ["x0"]
    assert [e.person_id for e in group.margin_good] == ["g9"]
    assert group.counts == {"excellent": 3, "good": 10, "complete": 0, "fail": 0}
    assert "vượt 1 người" in group.text


def test_floor_rounding() -> None:
    assert check_quota(_entries(1, 9), RB).groups[0].cap == 1
    assert check_quota(_entries(2, 9), RB).groups[0].exceeded
    assert check_quota(_entries(0, 4), RB).groups[0].cap == 0


def test_other_roundings() -> None:
    assert check_quota(_entries(0, 9), replace(RB, quota_rounding="ceil")).groups[0].cap == 2
    assert check_quota(_entries(0, 8), replace(RB, quota_rounding="half_up")).groups[0].cap == 2


def test_exception_ratio() -> None:
    report = check_quota(_entries(3, 12), RB, exception=True)
    assert report.ratio == 0.25 and report.groups[0].cap == 3
    assert not report.exceeded
    assert check_quota(_entries(3, 12), RB).exceeded


def test_groups_are_separate() -> None:
    entries = _entries(1, 5, "Phòng Kinh tế") + _entries(2, 5, "Phòng Văn hóa - Xã hội")
    report = check_quota(entries, RB)
    assert [g.group for g in report.groups] == ["Phòng Kinh tế", "Phòng Văn hóa - Xã hội"]
    assert [g.exceeded for g in report.groups] == [False, True]
    assert report.groups[1].excess == 1  # 20 % × 5 = 1


def test_margin_lists_ties() -> None:
    entries = [
        QuotaEntry("a", "g", "excellent", 91),
        QuotaEntry("b", "g", "excellent", 91),
        QuotaEntry("c", "g", "excellent", 95),
    ] + _entries(0, 10, "g")
    group = check_quota(entries, RB).groups[0]
    assert group.excess == 1
    assert [e.person_id for e in group.margin_excellent] == ["a", "b"]


def test_exceeds_quota_from_counts_agrees_with_the_full_report():
    from canbo.scoring import QuotaEntry, check_quota, exceeds_quota

    for good, excellent in [(10, 2), (10, 3), (9, 1), (9, 2), (0, 1), (12, 3)]:
        entries = [QuotaEntry(f"g{i}", "x", "good", 80) for i in range(good)]
        entries += [QuotaEntry(f"e{i}", "x", "excellent", 95) for i in range(excellent)]
        for exception in (False, True):
            counts = {"good": good, "excellent": excellent}
            assert (
                exceeds_quota(counts, exception=exception)
                == check_quota(entries, exception=exception).exceeded
            )
