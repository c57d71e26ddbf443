"""What every page of the review desk shares: the site's titles, links, counts, forms and action pages."""

from django import forms
from django.contrib import admin
from django.db.models import Case, Count, OuterRef, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html

from entities.models import (
    Event,
    Evidence,
    ReviewStatus,
)

admin.site.site_header = "Parley review desk"
admin.site.site_title = "Parley review desk"
admin.site.index_title = "Curate officials, events and their sources"

# Pending work first, the least certain of it on top.
PENDING_FIRST = Case(When(status=ReviewStatus.PENDING, then=Value(0)), default=Value(1)).asc()


def sources_count() -> Coalesce:
    """The number of articles reporting each event, as a subquery so that list queries stay free of joins."""
    per_event = Evidence.objects.filter(event=OuterRef("pk")).order_by().values("event")
    counted = per_event.annotate(n=Count("article", distinct=True)).values("n")
    return Coalesce(Subquery(counted), 0)


def admin_link(obj, label: str | None = None) -> str:
    """A link to an object's admin change page."""
    if obj is None:
        return "-"
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    return format_html('<a href="{}">{}</a>', url, label or str(obj))


def _intermediate(request: HttpRequest, modeladmin: admin.ModelAdmin, template: str, **context) -> TemplateResponse:
    """An intermediate page of an action (pick a target, give an id) inside the admin's frame."""
    opts = modeladmin.model._meta
    context = {
        **modeladmin.admin_site.each_context(request),
        "opts": opts,
        "app_label": opts.app_label,
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        **context,
    }
    return TemplateResponse(request, template, context)


class MergeTargetForm(forms.Form):
    """Which of the selected rows remains; the others are folded into it."""

    target = forms.TypedChoiceField(coerce=int, widget=forms.RadioSelect, label="Keep")

    def __init__(self, *args, objects, describe=str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].choices = [(obj.pk, describe(obj)) for obj in objects]


class TargetEventForm(forms.Form):
    event = forms.ModelChoiceField(
        queryset=Event.objects.all(), widget=forms.NumberInput, label="Target event id", to_field_name="pk"
    )
