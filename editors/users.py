"""The user form: the Roles tab says what each group may do (its purpose in editors/roles.py), so whoever makes
an account ticks the right one without knowing the permission tables."""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import UserViewSet

from editors.roles import ROLES


def groups_explained() -> str:
    return format_html(
        "<ul>{}</ul>", format_html_join("", "<li><strong>{}</strong>: {}</li>", ((r.name, r.purpose) for r in ROLES))
    )


class _ExplainsGroups:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].help_text = groups_explained()


class LosUserCreationForm(_ExplainsGroups, UserCreationForm):
    """Wagtail's form for a new account, with the groups explained."""


class LosUserEditForm(_ExplainsGroups, UserEditForm):
    """Wagtail's form for an existing account, with the groups explained."""


class LosUserViewSet(UserViewSet):
    """Wagtail's user views with our forms (set through editors.users_app.LosUsersAppConfig)."""

    def get_form_class(self, for_update=False):
        return LosUserEditForm if for_update else LosUserCreationForm
