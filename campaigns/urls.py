from django.urls import path

from campaigns import views

app_name = "campaigns"
urlpatterns = [path("aanmelden/<db_id:page_id>/", views.signup_submit, name="signup_submit")]
