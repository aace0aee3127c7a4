from django.urls import path

from . import email_views, typing_views

app_name = "drills"
urlpatterns = [
    path("typing/", typing_views.index, name="typing"),
    path("typing/runs/<int:pk>/", typing_views.result, name="typing_result"),
    path("typing/<slug:passage_id>/", typing_views.run, name="typing_run"),
    path("email/", email_views.index, name="email"),
    path("email/replies/<int:pk>/", email_views.result, name="email_result"),
    path("email/<slug:scenario_id>/", email_views.task, name="email_task"),
]
