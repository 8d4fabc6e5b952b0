from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "canbo.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        # feedback and agency share a layer and never import each other: reports, above both,
        # answers the agency's question about procedures with the satisfaction data.
        from canbo.agency.signals import procedure_measures
        from canbo.feedback.index import commune_year_measures

        def answer(sender, organization, year, **kwargs):
            return commune_year_measures(organization, year)

        procedure_measures.connect(answer, weak=False, dispatch_uid="reports.procedure_measures")
