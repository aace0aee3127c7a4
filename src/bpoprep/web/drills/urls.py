from django.urls import path

from . import call_views, chat_views, email_views, typing_views

app_name = "drills"
urlpatterns = [
    path("", typing_views.hub, name="hub"),
    path("typing/", typing_views.index, name="typing"),
    path("typing/runs/<int:pk>/", typing_views.result, name="typing_result"),
    path("typing/<slug:passage_id>/", typing_views.run, name="typing_run"),
    path("email/", email_views.index, name="email"),
    path("email/replies/<int:pk>/", email_views.result, name="email_result"),
    path("email/<slug:scenario_id>/", email_views.task, name="email_task"),
    path("chat/", chat_views.index, name="chat"),
    path("chat/sessions/<int:pk>/", chat_views.result, name="chat_result"),
    path("chat/<slug:scenario_id>/", chat_views.session, name="chat_session"),
    path("call/", call_views.index, name="call"),
    path("call/attempts/<int:pk>/", call_views.result, name="call_result"),
    path("call/<slug:scenario_id>/", call_views.call, name="call_session"),
]
