from django.urls import path, re_path

from . import views

app_name = "speaking"
urlpatterns = [
    path("", views.index, name="index"),
    re_path(r"^sets/(?P<kind>read_aloud|repeat|sentence_build)/$", views.drill_set, name="set"),
    re_path(r"^(?P<kind>answer|read_aloud|repeat|sentence_build)/(?P<ref>[-a-z0-9]+)/$", views.record_page, name="record"),
    re_path(r"^(?P<kind>answer|read_aloud|repeat|sentence_build)/(?P<ref>[-a-z0-9]+)/upload/$", views.upload, name="upload"),
    path("recordings/<int:pk>/", views.recording, name="recording"),
    path("call/<slug:scenario_id>/turn/", views.call_turn, name="call_turn"),
    path("recordings/<int:pk>/transcript/", views.correct, name="correct"),
    path("recordings/<int:pk>/delete/", views.delete, name="delete"),
    path("recordings/<int:pk>/audio/", views.audio, name="audio"),
]
