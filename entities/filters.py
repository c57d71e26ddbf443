"""The timeline's filters: every one a URL parameter, shared by the page, the exports and the API.

Officials and countries repeat (`?official=1&official=2`, `?country=X&country=Y`): an event must involve all of them,
so two officials give the events they shared, and two countries a pair's relations.
"""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.renderers import Jinja2
from django.utils.html import format_html, format_html_join

from entities.models import Event, EventKind, EventQuerySet, Evidence, ReviewStatus
from entities.selectors import country_choices, official_ids

MAX_TEXT = 200
# Officials an analyst can require together; more is a mistake or a robot (each is resolved by name).
MAX_OFFICIALS = 5
# A pair: a third country would say "events involving all three", which no page needs.
MAX_COUNTRIES = 2


class TimelineFilterForm(forms.Form):
    """The filter form, drawn by Django's own field and widget templates in their Jinja2 versions: the same HTML in
    half the time (6 ms is a sixth of a timeline page). One renderer for all, as it builds its template engine."""

    default_renderer = Jinja2()


class RepeatedTextInput(forms.TextInput):
    """A text box per value given, then an empty one to add another: a list a form can edit without a script."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]

    def render(self, name, value, attrs=None, renderer=None):
        values = [v for v in (value or []) if v] + [""]
        attrs = self.build_attrs(self.attrs, attrs)
        boxes = []
        for i, v in enumerate(values):
            box = dict(attrs, id=attrs.get("id", name) if i == 0 else f"{attrs.get('id', name)}_{i}")
            if i:
                box["aria-label"] = "Another official" if not v else f"Official {i + 1}"
            boxes.append((name, v, box))
        return format_html_join(
            "", '<input type="text" name="{}" value="{}"{}>', ((n, v, _attrs(b)) for n, v, b in boxes)
        )


class PairSelect(forms.Select):
    """Two drop-downs of the same choices: one country, or a pair of them."""

    def value_from_datadict(self, data, files, name):
        return data.getlist(name) if hasattr(data, "getlist") else [data.get(name, "")]

    def render(self, name, value, attrs=None, renderer=None):
        values = [*(value or []), "", ""][:MAX_COUNTRIES]
        attrs = self.build_attrs(self.attrs, attrs)
        selects = []
        for i, chosen in enumerate(values):
            box = dict(attrs, id=attrs.get("id", name) if i == 0 else f"{attrs.get('id', name)}_{i}")
            if i:
                box["aria-label"] = "And country"
            options = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((v, " selected" if v == chosen else "", label) for v, label in self.choices),
            )
            selects.append(format_html('<select name="{}"{}>{}</select>', name, _attrs(box), options))
        return format_html_join("", "{}", ((s,) for s in selects))


def _attrs(attrs: dict) -> str:
    return format_html_join("", ' {}="{}"', ((k, v) for k, v in attrs.items() if v not in (None, False)))


class RepeatedTextField(forms.Field):
    """Several short texts, blanks dropped; too many or too long is a form error (a 400), never a slow query."""

    widget = RepeatedTextInput

    def __init__(self, *, max_values: int, max_length: int, **kwargs):
        self.max_values, self.max_length = max_values, max_length
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        values = [str(v).strip() for v in (value or []) if str(v).strip()]
        if len(values) > self.max_values:
            raise ValidationError(f"At most {self.max_values} values.", code="too_many")
        for v in values:
            if len(v) > self.max_length or "\x00" in v:
                raise ValidationError(f"Each value must be under {self.max_length} characters.", code="too_long")
        return values


class PairField(forms.MultipleChoiceField):
    """One country or a pair; the blanks of the form's two drop-downs dropped, the same country given once."""

    widget = PairSelect

    def to_python(self, value) -> list[str]:
        values = list(dict.fromkeys(v for v in super().to_python(value) if v))
        if len(values) > MAX_COUNTRIES:
            raise ValidationError(f"At most {MAX_COUNTRIES} countries.", code="too_many")
        return values

    def validate(self, value) -> None:
        if value:
            super().validate(value)


class AllOfFilter(django_filters.Filter):
    """Repeated values of which every one must hold; its method gets the list."""

    field_class = RepeatedTextField


class CountryPairFilter(django_filters.MultipleChoiceFilter):
    field_class = PairField


class EventFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        label="From", method="filter_date_from", widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = django_filters.DateFilter(
        label="To", method="filter_date_to", widget=forms.DateInput(attrs={"type": "date"})
    )
    undated = django_filters.BooleanFilter(
        label="Include undated events in a date range",
        method="filter_undated",
        widget=forms.CheckboxInput,
    )
    kind = django_filters.ChoiceFilter(label="Kind", choices=EventKind.choices, empty_label="Any kind")
    country = CountryPairFilter(label="Country", method="filter_country")
    official = AllOfFilter(
        label="Officials",
        method="filter_official",
        max_values=MAX_OFFICIALS,
        max_length=MAX_TEXT,
        widget=RepeatedTextInput(attrs={"placeholder": "name or id"}),
        help_text="Events with all of them.",
    )
    status = django_filters.ChoiceFilter(
        label="Review status", choices=ReviewStatus.choices, empty_label="Not rejected", method="filter_status"
    )
    q = django_filters.CharFilter(
        label="Evidence text",
        method="filter_text",
        max_length=MAX_TEXT,
        widget=forms.TextInput(attrs={"type": "search", "placeholder": "words in a sentence"}),
    )

    class Meta:
        model = Event
        fields: list[str] = []
        form = TimelineFilterForm

    def __init__(self, *args, include_rejected: bool = False, resolved: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.include_rejected = include_rejected
        self.resolved: dict[str, list[int]] = {} if resolved is None else resolved  # official -> ids, shared
        # Evaluated once here: a callable would be queried again by validation and by rendering. A country
        # the cached list lacks may have come in since: the list is read again before the value is refused.
        choices = country_choices()
        wanted = self.data.getlist("country") if hasattr(self.data, "getlist") else []
        if any(w and (w, w) not in choices for w in wanted):
            choices = country_choices(fresh=True)
        self.filters["country"].extra["choices"] = [("", "Any country"), *choices]

    def filter_queryset(self, queryset: EventQuerySet) -> EventQuerySet:
        """Rejected events only when asked for by status: the timeline shows what is visible."""
        if not self.form.cleaned_data.get("status") and not self.include_rejected:
            queryset = queryset.visible()
        queryset = super().filter_queryset(queryset)
        if self.dated_range() and not self.form.cleaned_data.get("undated"):
            queryset = queryset.filter(date_start__isnull=False)
        return queryset

    def derived(self, *, without: str = "", include_rejected: bool = False, **values: str) -> "EventFilter":
        """The same filters but one dropped or some set (for the counts beside each choice); officials already
        resolved to ids are not looked up again."""
        data = self.data.copy()
        data.pop(without, None)
        for name, value in values.items():
            data[name] = value
        return EventFilter(data, queryset=self.queryset, include_rejected=include_rejected, resolved=self.resolved)

    def dated_range(self) -> bool:
        """A date range is set: undated events, which cannot be placed in it, are left out unless asked for."""
        data = self.form.cleaned_data
        return bool(data.get("date_from") or data.get("date_to"))

    def filter_date_from(self, queryset, name, value):
        ends = Q(date_end__gte=value) | Q(date_end__isnull=True, date_start__gte=value)
        return queryset.filter(Q(date_start__isnull=True) | ends)

    def filter_date_to(self, queryset, name, value):
        return queryset.filter(Q(date_start__isnull=True) | Q(date_start__lte=value))

    def filter_undated(self, queryset, name, value):
        return queryset  # read by filter_queryset below, with the dates

    def filter_country(self, queryset, name, value):
        for country in value:
            queryset = queryset.in_country(country)
        return queryset

    def filter_official(self, queryset, name, value):
        for official in value:
            if official not in self.resolved:
                self.resolved[official] = official_ids(official)
            queryset = queryset.involving(self.resolved[official])
        return queryset

    def filter_status(self, queryset, name, value):
        return queryset.filter(status=value)

    def filter_text(self, queryset, name, value):
        reports = Evidence.objects.filter(sentence__icontains=value.strip()).values("event_id")
        return queryset.filter(pk__in=reports)
