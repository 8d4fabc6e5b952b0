from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from canbo.core import views as core_views
from canbo.core.forms import AdminLockoutAuthenticationForm, LockoutAuthenticationForm
from canbo.core.password import OwnPasswordChangeView
from canbo.feedback.public import rate
from canbo.integration.api.site import api
from canbo.reports.home import home

# The admin's own login page counts failures and locks accounts exactly like /login/.
admin.site.login_form = AdminLockoutAuthenticationForm

urlpatterns = [
    path("", home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path(
        "login/",
        auth_views.LoginView.as_view(authentication_form=LockoutAuthenticationForm),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("password/", OwnPasswordChangeView.as_view(), name="password_change"),
    path("audit/", core_views.audit_log, name="audit"),
    path("org/", include("canbo.people.org_urls")),
    path("people/", include("canbo.people.urls")),
    path("work/", include("canbo.work.urls")),
    path("cadre/", include("canbo.cadre.urls")),
    path("evaluation/", include("canbo.evaluation.urls")),
    path("feedback/", include("canbo.feedback.urls")),
    # The citizens' rating page opened by the QR codes: public, short.
    path("r/<str:token>/", rate, name="rate"),
    path("agency/", include("canbo.agency.urls")),
    path("oversight/", include("canbo.oversight.urls")),
    path("reports/", include("canbo.reports.urls")),
    path("integration/", include("canbo.integration.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]
