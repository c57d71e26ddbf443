"""Officials in the review desk: aliases and roles, merges and splits, and the suspected duplicates.

Every write goes through entities.curation and is logged under the curator's name; merges and splits
also leave a MergeRecord.
"""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_POST

from entities import curation, formatting
from entities.admin.common import MergeTargetForm, _intermediate, admin_link
from entities.models import (
    ACTOR_CURATED,
    Actor,
    ActorAlias,
    ActorKind,
    DuplicateStatus,
    MergeRecord,
    ReviewStatus,
    Role,
    SuspectedDuplicate,
)
from extraction.names import name_key


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    extra = 0
    fields = ("name", "key", "source", "split_link")
    readonly_fields = ("key", "source", "split_link")

    @admin.display(description="")
    def split_link(self, obj: ActorAlias) -> str:
        if not obj.pk:
            return ""
        url = reverse("admin:entities_actoralias_split", args=[obj.pk])
        return format_html('<a href="{}">split off…</a>', url)


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    fields = ("title", "organization", "country", "first_seen", "last_seen", "article")
    raw_id_fields = ("article",)


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "status", "other_names", "mentions", "events")
    list_filter = ("kind", "status", ("country", admin.AllValuesFieldListFilter))
    search_fields = ("name", "aliases__name", "aliases__key")
    search_help_text = "Any name the official was found under."
    inlines = (ActorAliasInline, RoleInline)
    actions = ("merge_actors", "confirm_actors", "reject_actors", "mark_not_official")
    readonly_fields = ("curated_fields", "created_at", "updated_at")

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                n_mentions=Count("mentions", distinct=True), n_events=Count("participations__event", distinct=True)
            )
            .prefetch_related("aliases")
        )

    def describe(self, obj: Actor) -> str:
        """One line that tells officials apart on the merge page."""
        country = f", {obj.country}" if obj.country else ""
        aka = f" (also {self.other_names(obj)})" if self.other_names(obj) else ""
        return f"#{obj.pk} {obj.name}{country}{aka}: {obj.n_mentions} mentions, {obj.n_events} events"

    @admin.display(description="also known as")
    def other_names(self, obj: Actor) -> str:
        return ", ".join(formatting.other_names(obj))

    @admin.display(description="mentions", ordering="n_mentions")
    def mentions(self, obj: Actor) -> int:
        return obj.n_mentions

    @admin.display(description="events", ordering="n_events")
    def events(self, obj: Actor) -> int:
        return obj.n_events

    def save_model(self, request, obj: Actor, form, change: bool) -> None:
        """What a curator set is theirs: recorded as curated (all of it for an official added by hand)."""
        curation.actor_save_curated(actor=obj, form_fields=form.changed_data if change else ACTOR_CURATED)

    def save_formset(self, request, form, formset, change: bool) -> None:
        """Aliases typed by a curator get their lookup key and are marked curated."""
        if formset.model is not ActorAlias:
            return super().save_formset(request, form, formset, change)
        for alias in formset.save(commit=False):
            curation.alias_save_curated(alias=alias)
        for alias in formset.deleted_objects:
            alias.delete()

    @admin.action(
        description="Confirm the selected officials (their names are recognised in new articles)",
        permissions=["change"],
    )
    def confirm_actors(self, request, queryset) -> None:
        changed = curation.actors_set_status(actors=queryset, status=ReviewStatus.CONFIRMED)
        self._logged(request, changed, "Marked confirmed.", f"{len(changed)} official(s) confirmed.")

    @admin.action(description="Not a person: reject (the name never makes an official again)", permissions=["change"])
    def reject_actors(self, request, queryset) -> None:
        changed = curation.actors_set_status(actors=queryset, status=ReviewStatus.REJECTED)
        self._logged(request, changed, "Rejected: not a person.", f"{len(changed)} name(s) rejected as no person.")

    @admin.action(
        description="A person, not an official (a historical figure, a private citizen)", permissions=["change"]
    )
    def mark_not_official(self, request, queryset) -> None:
        changed = curation.actors_set_kind(actors=queryset, kind=ActorKind.NOT_OFFICIAL)
        self._logged(request, changed, "Marked not an official.", f"{len(changed)} person(s) marked not officials.")

    def _logged(self, request, changed: list[Actor], change: str, summary: str) -> None:
        for actor in changed:
            self.log_change(request, actor, change)
        self.message_user(request, summary, messages.SUCCESS)

    @admin.action(description="Merge the selected officials into one…", permissions=["change", "delete"])
    def merge_actors(self, request, queryset) -> HttpResponse | None:
        actors = list(queryset.order_by("pk"))
        if len(actors) < 2:
            self.message_user(request, "Select at least two officials to merge.", messages.WARNING)
            return None
        form = MergeTargetForm(request.POST if "post" in request.POST else None, objects=actors, describe=self.describe)
        if not form.is_valid():
            form.initial["target"] = curation.actor_merge_target(actors).pk
            return _intermediate(
                request,
                self,
                "admin/entities/merge_form.html",
                title="Merge officials",
                objects=actors,
                form=form,
                action="merge_actors",
                what="officials",
            )
        target = next(a for a in actors if a.pk == form.cleaned_data["target"])
        others = [a for a in actors if a.pk != target.pk]
        with transaction.atomic():
            self.log_deletions(request, others)
            record = curation.actors_merge(target=target, others=others, user=request.user)
            names = ", ".join(a.name for a in others)
            self.log_change(request, target, f"Merged {names} (ids {record.merged_ids}) into this official.")
        self.message_user(request, f"Merged {names} into {target}.", messages.SUCCESS)
        return HttpResponseRedirect(reverse("admin:entities_actor_change", args=[target.pk]))


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ("name", "key", "actor_link", "source")
    list_select_related = ("actor",)
    list_filter = ("source",)
    search_fields = ("name", "key", "actor__name")
    raw_id_fields = ("actor",)
    readonly_fields = ("key",)
    actions = ("split_aliases",)

    def get_urls(self):
        view = self.admin_site.admin_view(self.split_view)
        return [path("<int:object_id>/split/", view, name="entities_actoralias_split"), *super().get_urls()]

    @admin.display(description="official", ordering="actor__name")
    def actor_link(self, obj: ActorAlias) -> str:
        return admin_link(obj.actor)

    def save_model(self, request, obj: ActorAlias, form, change: bool) -> None:
        curation.alias_save_curated(alias=obj)

    def _split(self, request, alias: ActorAlias) -> Actor | None:
        source = alias.actor
        try:
            actor = curation.alias_split(alias=alias, user=request.user)
        except curation.CurationError as exc:
            self.message_user(request, str(exc), messages.WARNING)
            return None
        actor_admin = self.admin_site.get_model_admin(Actor)
        actor_admin.log_change(request, source, f"Split “{alias.name}” off into official #{actor.pk}.")
        actor_admin.log_addition(request, actor, f"Split off from official #{source.pk}.")
        self.message_user(request, f"“{alias.name}” is now an official of its own.", messages.SUCCESS)
        return actor

    @admin.action(description="Split off into a new official (with its mentions)", permissions=["change"])
    def split_aliases(self, request, queryset) -> None:
        for alias in queryset.select_related("actor"):
            self._split(request, alias)

    def split_view(self, request, object_id: int) -> HttpResponse:
        alias = get_object_or_404(ActorAlias.objects.select_related("actor"), pk=object_id)
        if not self.has_change_permission(request, alias):
            raise PermissionDenied
        if request.method == "POST":
            actor = self._split(request, alias)
            return redirect("admin:entities_actor_change", (actor or alias.actor).pk)
        keys = {alias.key, name_key(alias.name)}
        mentions = [m for m in alias.actor.mentions.select_related("article") if name_key(m.name) in keys]
        return _intermediate(
            request,
            self,
            "admin/entities/split_form.html",
            title=f"Split “{alias.name}” off",
            alias=alias,
            mentions=mentions,
        )


class DecisionFilter(admin.SimpleListFilter):
    """Open pairs by default: the work still to do."""

    title = "decision"
    parameter_name = "decision"

    def lookups(self, request, model_admin):
        return [(None, "open"), *((s, label) for s, label in DuplicateStatus.choices if s != "open"), ("all", "all")]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}, [])
                if value
                else changelist.get_query_string(remove=[self.parameter_name]),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset
        return queryset.filter(status=value or DuplicateStatus.OPEN)


@admin.register(SuspectedDuplicate)
class SuspectedDuplicateAdmin(admin.ModelAdmin):
    """Pairs resolution could not tell apart; one click says 'same person' or 'different people'."""

    list_display = ("first", "second", "score", "reason", "status", "decided_by", "decided_at", "decide")
    list_select_related = ("actor_a", "actor_b", "decided_by")
    list_filter = (DecisionFilter,)
    search_fields = ("actor_a__name", "actor_b__name", "actor_a__aliases__name", "actor_b__aliases__name")
    actions = ("mark_same", "mark_distinct")
    readonly_fields = ("actor_a", "actor_b", "score", "reason", "status", "decided_by", "decided_at", "created_at")
    ordering = ("-score", "pk")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("actor_a__aliases", "actor_b__aliases")

    def get_urls(self):
        same = self.admin_site.admin_view(require_POST(self.same_view))
        distinct = self.admin_site.admin_view(require_POST(self.distinct_view))
        return [
            path("<int:object_id>/same/", same, name="entities_suspectedduplicate_same"),
            path("<int:object_id>/distinct/", distinct, name="entities_suspectedduplicate_distinct"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request) -> bool:
        return False

    def has_merge_permission(self, request, obj=None) -> bool:
        """'Same person' merges officials: it needs the rights to change and delete them."""
        opts = Actor._meta
        return self.has_change_permission(request, obj) and all(
            request.user.has_perm(f"{opts.app_label}.{perm}_{opts.model_name}") for perm in ("change", "delete")
        )

    def _describe(self, actor: Actor) -> str:
        return format_html("{} <small>{}</small>", admin_link(actor), "; ".join(formatting.other_names(actor)))

    @admin.display(description="official", ordering="actor_a__name")
    def first(self, obj: SuspectedDuplicate) -> str:
        return self._describe(obj.actor_a)

    @admin.display(description="and official", ordering="actor_b__name")
    def second(self, obj: SuspectedDuplicate) -> str:
        return self._describe(obj.actor_b)

    @admin.display(description="decide")
    def decide(self, obj: SuspectedDuplicate) -> str:
        """Buttons that submit the changelist's own form (and its CSRF token) to the decision URLs."""
        if obj.status != DuplicateStatus.OPEN:
            return ""
        buttons = [
            (reverse("admin:entities_suspectedduplicate_same", args=[obj.pk]), "same", "Same person"),
            (reverse("admin:entities_suspectedduplicate_distinct", args=[obj.pk]), "distinct", "Different people"),
        ]
        return format_html_join(
            " ",
            '<button type="submit" class="button" formaction="{}" formmethod="post" name="decision" value="{}">'
            "{}</button>",
            buttons,
        )

    def _same(self, request, pair: SuspectedDuplicate) -> None:
        names = f"{pair.actor_a} / {pair.actor_b}"
        actor_admin = self.admin_site.get_model_admin(Actor)
        with transaction.atomic():
            record = curation.duplicate_mark_same(duplicate=pair, user=request.user)
            target = Actor.objects.get(pk=record.target_id)
            actor_admin.log_change(request, target, f"Same person as ids {record.merged_ids}: merged ({names}).")
        self.message_user(request, f"{names}: same person, merged into {target}.", messages.SUCCESS)

    def _distinct(self, request, pair: SuspectedDuplicate) -> None:
        curation.duplicate_mark_distinct(duplicate=pair, user=request.user)
        self.log_change(request, pair, "Different people.")
        self.message_user(request, f"{pair}: different people; they will not be suggested again.", messages.SUCCESS)

    def _decision_view(self, request, object_id: int, decide) -> HttpResponse:
        pair = get_object_or_404(SuspectedDuplicate.objects.select_related("actor_a", "actor_b"), pk=object_id)
        allowed = self.has_merge_permission if decide == self._same else self.has_change_permission
        if not allowed(request, pair):
            raise PermissionDenied
        if pair.status != DuplicateStatus.OPEN:
            self.message_user(request, f"{pair} was already decided.", messages.WARNING)
        else:
            decide(request, pair)
        return redirect("admin:entities_suspectedduplicate_changelist")

    def same_view(self, request, object_id: int) -> HttpResponse:
        return self._decision_view(request, object_id, self._same)

    def distinct_view(self, request, object_id: int) -> HttpResponse:
        return self._decision_view(request, object_id, self._distinct)

    @admin.action(description="Same person: merge each selected pair", permissions=["merge"])
    def mark_same(self, request, queryset) -> None:
        for pk in queryset.filter(status=DuplicateStatus.OPEN).values_list("pk", flat=True):
            pair = SuspectedDuplicate.objects.filter(pk=pk).select_related("actor_a", "actor_b").first()
            if pair is not None:  # an earlier merge of this batch may have folded the pair away
                self._same(request, pair)

    @admin.action(description="Different people: never suggest these pairs again", permissions=["change"])
    def mark_distinct(self, request, queryset) -> None:
        for pair in queryset.filter(status=DuplicateStatus.OPEN).select_related("actor_a", "actor_b"):
            self._distinct(request, pair)


@admin.register(MergeRecord)
class MergeRecordAdmin(admin.ModelAdmin):
    """The history of merges and splits: read-only."""

    list_display = ("created_at", "kind", "target_id", "merged_ids", "user")
    list_filter = ("kind",)
    list_select_related = ("user",)
    readonly_fields = ("kind", "target_id", "merged_ids", "snapshot", "user", "created_at")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
