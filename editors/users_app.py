"""Wagtail's users app with our user views (editors/users.py): the Roles tab explains each group.

A module of its own: an AppConfig in editors/apps.py beside EditorsConfig would make Django unsure which one is the
editors app's."""

from wagtail.users.apps import WagtailUsersAppConfig


class LosUsersAppConfig(WagtailUsersAppConfig):
    """wagtail.users, with `user_viewset` pointing at our forms."""

    default = False
    user_viewset = "editors.users.LosUserViewSet"
