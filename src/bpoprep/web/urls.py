from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "bpoprep administration"
admin.site.site_title = "bpoprep admin"

urlpatterns = [
    path("", include("bpoprep.web.core.urls")),
    path("accounts/", include("bpoprep.web.accounts.urls")),
    path("plan/", include("bpoprep.web.plans.urls")),
    path("learn/", include("bpoprep.web.learn.urls")),
    path("practice/", include("bpoprep.web.practice.urls")),
    path("tests/", include("bpoprep.web.drills.urls")),
    path("prepare/", include("bpoprep.web.prep.urls")),
    path("speak/", include("bpoprep.web.speaking.urls")),
    path("interview/", include("bpoprep.web.interviews.urls")),
    path("cohorts/", include("bpoprep.web.cohorts.urls")),
    path("jobs/", include("bpoprep.web.jobs.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
]
