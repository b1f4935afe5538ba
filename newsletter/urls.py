"""The newsletter's own addresses next to the newsletter page: the form's target and the links in its mails."""

from django.urls import path

from newsletter import views

app_name = "newsletter"
urlpatterns = [
    path("nieuwsbrief/aanmelden/<db_id:page_id>/", views.subscribe, name="subscribe"),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("nieuwsbrief/wijzigen/<str:token>/", views.manage, name="manage"),
    path("nieuwsbrief/link-aanvragen/", views.request_link, name="request_link"),
]
