"""The admin forms of the shelter figures: one quarter of one shelter (three totals and every breakdown, one number
field each), and a shelter with its coordinators."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from editors.roles import OPVANGCOORDINATOREN
from figures.categories import DIMENSIONS, TOTAL_HELP, TOTALS
from figures.models.figures import FIRST_YEAR, MAX_COUNT, breakdown_errors


def field_name(dimension: str, category: str) -> str:
    return f"{dimension}__{category}"


def count_input(label, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=MAX_COUNT,
        required=False,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0}),
        error_messages={"min_value": _("Vul 0 of meer in."), "invalid": _("Vul een heel getal in.")},
    )


class QuarterForm(forms.Form):
    """Year, quarter and the figures; empty number fields count as 0. Checks that every breakdown adds up."""

    year = forms.IntegerField(label=_("Jaar"), min_value=FIRST_YEAR, max_value=2100)
    quarter = forms.TypedChoiceField(
        label=_("Kwartaal"), coerce=int, choices=[(n, _("%(n)se kwartaal") % {"n": n}) for n in range(1, 5)]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
        for key, label in TOTALS.items():
            self.fields[key] = count_input(label, TOTAL_HELP[key])
        for dimension in DIMENSIONS:
            for category, label in dimension.categories.items():
                self.fields[field_name(dimension.key, category)] = count_input(label)

    def groups(self):
        """The breakdowns as (dimension, bound fields) for the template's fieldsets."""
        return [
            (dimension, [self[field_name(dimension.key, category)] for category in dimension.categories])
            for dimension in DIMENSIONS
        ]

    def totals(self):
        return [self[key] for key in TOTALS]

    def values(self) -> dict:
        data = self.cleaned_data
        breakdowns = {
            dimension.key: {
                category: data.get(field_name(dimension.key, category)) or 0
                for category in dimension.categories
                if data.get(field_name(dimension.key, category))
            }
            for dimension in DIMENSIONS
        }
        return {**{key: data.get(key) or 0 for key in TOTALS}, "breakdowns": breakdowns}

    def clean(self):
        cleaned = super().clean()
        if not self.errors:
            for error in breakdown_errors(self.values()):
                self.add_error(None, error)
        return cleaned

    @classmethod
    def initial_from(cls, figures) -> dict:
        initial = {"year": figures.year, "quarter": figures.quarter}
        initial |= {key: getattr(figures, key) for key in TOTALS}
        for dimension, counts in figures.breakdowns.items():
            initial |= {field_name(dimension, category): count for category, count in counts.items()}
        return initial


class AccountChoices(forms.ModelMultipleChoiceField):
    """Accounts chosen by number. A value that is no account number is refused before the database is asked:
    SQLite cannot even compare a number beyond 64 bits (a 500 instead of the form's message)."""

    def _check_values(self, value):
        for pk in value:
            if not str(pk).isdigit() or int(pk) >= 2**63:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class ShelterForm(WagtailAdminModelForm):
    """A shelter in the admin. Its coordinators are chosen among the members of Opvangcoördinatoren (and whoever is
    linked already), not among every account: the list showed the Eindredactie every colleague's user name, and
    someone outside the group, once linked, still could not enter figures."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        linked = Q(coordinated_shelters=self.instance.pk) if self.instance.pk else Q(pk__in=[])
        users = get_user_model().objects.filter(Q(groups__name=OPVANGCOORDINATOREN) | linked)
        self.fields["coordinators"].queryset = users.distinct().order_by("username")

    class Meta:
        field_classes = {"coordinators": AccountChoices}
