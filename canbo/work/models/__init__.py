"""Models of the work app, split by sub-domain."""

from canbo.work.models.catalog import Catalog, CatalogItem
from canbo.work.models.scores import PeriodScore, RecomputeJob
from canbo.work.models.tasks import Delay, QualityReview, Task

__all__ = [
    "Catalog",
    "CatalogItem",
    "Delay",
    "PeriodScore",
    "QualityReview",
    "RecomputeJob",
    "Task",
]
