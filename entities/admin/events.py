"""Events in the review desk: confirm, reject, merge, and move participants and evidence between events.

Every write goes through entities.curation and is logged under the curator's name.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F, Prefetch
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.html import format_html

from entities import curation, formatting
from entities.admin.common import (
    PENDING_FIRST,
    MergeTargetForm,
    TargetEventForm,
    _intermediate,
    admin_link,
    sources_count,
)
from entities.models import (
    Event,
    Evidence,
    Participation,
    ReviewStatus,
)


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    fields = ("actor", "role", "office", "country", "move_link")
    readonly_fields = ("move_link",)
    autocomplete_fields = ("actor",)

    @admin.display(description="")
    def move_link(self, obj: Participation) -> str:
        if not obj.pk:
            return ""
        return format_html('<a href="{}">move…</a>', reverse("admin:entities_participation_move", args=[obj.pk]))


class EvidenceInline(admin.TabularInline):
    """The sentences that report the event, read-only: a curator moves evidence, never rewrites it."""

    model = Evidence
    extra = 0
    fields = ("article_link", "published", "sentence", "move_link")
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("article")

    @admin.display(description="article")
    def article_link(self, obj: Evidence) -> str:
        return admin_link(obj.article)

    @admin.display(description="published")
    def published(self, obj: Evidence):
        return obj.article.published_on

    @admin.display(description="")
    def move_link(self, obj: Evidence) -> str:
        return format_html('<a href="{}">move…</a>', reverse("admin:entities_evidence_move", args=[obj.pk]))


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = ("date", "kind", "participants", "place", "host_country", "status", "confidence", "sources")
    list_display_links = ("date", "kind")
    list_filter = ("status", "kind", ("host_country", admin.AllValuesFieldListFilter), "planned", "needs_review")
    date_hierarchy = "date_start"
    search_fields = (
        "participations__actor__aliases__name",
        "participations__actor__name",
        "evidence__sentence",
        "place",
    )
    search_help_text = "A participant's name (any alias), words of the evidence, or the place."
    ordering = (PENDING_FIRST, "confidence", F("date_start").desc(nulls_last=True))
    list_per_page = 50
    actions = ("confirm_events", "reject_events", "merge_events")
    inlines = (ParticipationInline, EvidenceInline)
    raw_id_fields = ("parent",)
    readonly_fields = ("date", "sources", "curated_fields", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("kind", "status", "planned", "confidence", "sources")}),
        (
            "When and where",
            {
                "fields": (
                    "date",
                    ("date_start", "date_end", "date_precision"),
                    ("date_hedge", "date_basis"),
                    "place",
                    "host_country",
                )
            },
        ),
        ("Review", {"fields": ("parent", "needs_review", "review_note", "curated_fields", "created_at", "updated_at")}),
    )

    def get_queryset(self, request):
        people = Participation.objects.select_related("actor")
        return (
            super()
            .get_queryset(request)
            .annotate(n_sources=sources_count())
            .prefetch_related(Prefetch("participations", queryset=people))
        )

    @admin.display(description="date", ordering="date_start")
    def date(self, obj: Event) -> str:
        return formatting.date_span(obj)

    def describe(self, obj: Event) -> str:
        """One line that tells events apart on the merge page."""
        where = f" in {obj.place}" if obj.place else ""
        return f"#{obj.pk} {obj.get_kind_display()}, {self.date(obj)}{where}: {self.participants(obj)} [{obj.status}]"

    @admin.display(description="participants")
    def participants(self, obj: Event) -> str:
        return formatting.participants_with_roles(obj)

    @admin.display(description="sources", ordering="n_sources")
    def sources(self, obj: Event) -> int:
        return obj.n_sources

    def save_related(self, request, form, formsets, change: bool) -> None:
        """What a curator set on an event is recorded as curated (kept by extraction whatever the status), and an
        edited pending event becomes confirmed."""
        super().save_related(request, form, formsets, change)
        event = form.instance
        participants = any(f.has_changed() for f in formsets if f.model is Participation)
        curation.event_save_curated(event=event, form_fields=form.changed_data, participants_changed=participants)
        edited = set(form.changed_data) - {"status"} or any(formset.has_changed() for formset in formsets)
        if change and edited and event.status == ReviewStatus.PENDING and "status" not in form.changed_data:
            curation.events_set_status(events=[event], status=ReviewStatus.CONFIRMED)
            self.log_change(request, event, "Marked confirmed (edited).")
            self.message_user(request, "Edited, so confirmed: re-ingestion will keep your changes.")

    def _set_status(self, request, queryset, status: str) -> None:
        changed = curation.events_set_status(events=queryset, status=status)
        for event in changed:
            self.log_change(request, event, f"Marked {status}.")
        self.message_user(request, f"{len(changed)} event(s) marked {status}.", messages.SUCCESS)

    @admin.action(description="Confirm the selected events", permissions=["change"])
    def confirm_events(self, request, queryset) -> None:
        self._set_status(request, queryset, ReviewStatus.CONFIRMED)

    @admin.action(description="Reject the selected events", permissions=["change"])
    def reject_events(self, request, queryset) -> None:
        self._set_status(request, queryset, ReviewStatus.REJECTED)

    @admin.action(description="Merge the selected events into one…", permissions=["change", "delete"])
    def merge_events(self, request, queryset) -> HttpResponse | None:
        events = list(queryset.order_by("pk"))
        if len(events) < 2:
            self.message_user(request, "Select at least two events to merge.", messages.WARNING)
            return None
        form = MergeTargetForm(request.POST if "post" in request.POST else None, objects=events, describe=self.describe)
        if not form.is_valid():
            form.initial["target"] = curation.event_merge_target(events).pk
            return _intermediate(
                request,
                self,
                "admin/entities/merge_form.html",
                title="Merge events",
                objects=events,
                form=form,
                action="merge_events",
                what="events",
            )
        target = next(e for e in events if e.pk == form.cleaned_data["target"])
        others = [e for e in events if e.pk != target.pk]
        with transaction.atomic():
            self.log_deletions(request, others)
            record = curation.events_merge(target=target, others=others, user=request.user)
            self.log_change(request, target, f"Merged events {record.merged_ids} into this one.")
        self.message_user(request, f"Merged {len(others)} event(s) into {target}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:entities_event_change", args=[target.pk]))


class MoveToEventMixin:
    """An action and a per-row page that move rows (participants, evidence) to another event."""

    move_what = ""

    def move(self, *, obj, target: Event):
        raise NotImplementedError

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_move"
        view = self.admin_site.admin_view(self.move_view)
        return [path("<int:object_id>/move/", view, name=name), *super().get_urls()]

    @admin.action(description="Move to another event…", permissions=["change"])
    def move_to_event(self, request, queryset) -> HttpResponse | None:
        return self._move(request, list(queryset.select_related("event")), from_action=True)

    def move_view(self, request, object_id: int) -> HttpResponse:
        obj = get_object_or_404(self.get_queryset(request).select_related("event"), pk=object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        return self._move(request, [obj], from_action=False)

    def _move(self, request, objects: list, *, from_action: bool) -> HttpResponse:
        form = TargetEventForm(request.POST if "post" in request.POST else None)
        if not form.is_valid():
            return _intermediate(
                request,
                self,
                "admin/entities/move_form.html",
                title=f"Move {self.move_what} to another event",
                objects=objects,
                form=form,
                from_action=from_action,
                action="move_to_event",
            )
        target = form.cleaned_data["event"]
        moved = 0
        for obj in objects:
            source = obj.event
            try:
                self.move(obj=obj, target=target)
            except curation.CurationError as exc:
                self.message_user(request, str(exc), messages.WARNING)
                continue
            moved += 1
            event_admin = self.admin_site.get_model_admin(Event)
            event_admin.log_change(request, source, f"Moved {self.move_what} “{obj}” to event #{target.pk}.")
            event_admin.log_change(request, target, f"Received {self.move_what} “{obj}” from event #{source.pk}.")
        self.message_user(request, f"Moved {moved} {self.move_what} to {target}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:entities_event_change", args=[target.pk]))


@admin.register(Participation)
class ParticipationAdmin(MoveToEventMixin, admin.ModelAdmin):
    move_what = "participant"
    list_display = ("__str__", "role", "office", "country", "event_link")
    list_select_related = ("actor", "event")
    list_filter = ("role",)
    search_fields = ("actor__name", "actor__aliases__name", "office")
    autocomplete_fields = ("actor",)
    raw_id_fields = ("event",)
    actions = ("move_to_event",)

    def move(self, *, obj, target):
        return curation.participation_move(participation=obj, target=target)

    @admin.display(description="event", ordering="event")
    def event_link(self, obj: Participation) -> str:
        return admin_link(obj.event)


@admin.register(Evidence)
class EvidenceAdmin(MoveToEventMixin, admin.ModelAdmin):
    """Evidence is machine output: read-only, but it can be moved to the event it really reports."""

    move_what = "evidence"
    list_display = ("__str__", "article_link", "event_link")
    list_select_related = ("article", "event")
    search_fields = ("sentence", "article__title")
    readonly_fields = ("event", "article", "sentence", "start", "end", "created_at")
    actions = ("move_to_event",)

    def move(self, *, obj, target):
        return curation.evidence_move(evidence=obj, target=target)

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="article", ordering="article")
    def article_link(self, obj: Evidence) -> str:
        return admin_link(obj.article)

    @admin.display(description="event", ordering="event")
    def event_link(self, obj: Evidence) -> str:
        return admin_link(obj.event)
