from django.contrib.contenttypes.models import ContentType
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from campaigns.models import SignupFormPage, SignupSubmission
from campaigns.viewsets import HelpLocationViewSet, OrganisationSignOnViewSet, SignOnPermissionPolicy

register_snippet(HelpLocationViewSet)
register_permission_policy(SignupSubmission, SignOnPermissionPolicy(SignupSubmission))


@hooks.register("register_admin_urls")
def register_signup_shortcut_url():
    from campaigns import signup_shortcut

    return signup_shortcut.urlpatterns


@hooks.register("register_admin_viewset")
def register_sign_on_moderation():
    return OrganisationSignOnViewSet("sign_ons")


@hooks.register("filter_form_submissions_for_user")
def only_staff_with_permission_see_signups(user, editable_forms):
    """Editing a sign-up page is not enough to read who signed: that needs 'view aanmelding'."""
    if user.has_perm("campaigns.view_signupsubmission"):
        return editable_forms
    return editable_forms.exclude(content_type=ContentType.objects.get_for_model(SignupFormPage))
