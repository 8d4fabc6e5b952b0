from django.db.models import Count, Q

from canbo.work.demo import seed_work
from canbo.work.models import Catalog, PeriodScore, Task


def test_seed_work_is_idempotent_and_consistent(world):
    created = seed_work()
    assert created > 0 and seed_work() == 0 and Task.objects.count() == created
    assert Catalog.objects.filter(published=True).count() == 2
    # Counters agree with the child rows, as the service functions would keep them.
    tasks = Task.objects.annotate(
        failures=Count("reviews", filter=Q(reviews__passed=False), distinct=True),
        late=Count("delay_records", distinct=True),
    )
    assert all(t.failures == t.quality_failures and t.late == t.delays for t in tasks)
    assert PeriodScore.objects.filter(kind="year").count() == 6
