from django.urls import path

from . import typing_views

app_name = "drills"
urlpatterns = [
    path("typing/", typing_views.index, name="typing"),
    path("typing/runs/<int:pk>/", typing_views.result, name="typing_result"),
    path("typing/<slug:passage_id>/", typing_views.run, name="typing_run"),
]
