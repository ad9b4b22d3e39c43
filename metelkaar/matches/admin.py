"""Django admin for site admins: matches and their follow-up settings.

Day-to-day work happens in the product's own pages; the admin is where a site
admin adjusts a programme's check-in and coach follow-up schedule.
"""

from django.contrib import admin

from metelkaar.matches.models import (
    CheckIn,
    CoachContact,
    ContactMoment,
    Match,
    MatchEvent,
    ProgrammeMatchSettings,
    Signal,
)


class MatchEventInline(admin.TabularInline):
    model = MatchEvent
    extra = 0
    readonly_fields = ("action", "from_status", "to_status", "by", "at", "note")
    can_delete = False


@admin.register(Match)
class MatchAdmin(admin.ModelAdmin):
    list_display = ("public_id", "programme", "status", "coach", "started_at", "ended_at")
    list_filter = ("status", "ending", "programme__kind")
    raw_id_fields = ("enrolment_a", "enrolment_b", "coach", "coordinator", "programme")
    readonly_fields = ("public_id", "status")
    inlines = [MatchEventInline]


@admin.register(ProgrammeMatchSettings)
class ProgrammeMatchSettingsAdmin(admin.ModelAdmin):
    list_display = ("programme", "checkin_interval_days", "coach_interval_days",
                    "no_contact_days")


@admin.register(Signal)
class SignalAdmin(admin.ModelAdmin):
    list_display = ("match", "rule", "raised_at", "resolved_at", "resolved_by")
    list_filter = ("rule",)
    raw_id_fields = ("match", "resolved_by")


admin.site.register(CheckIn, list_display=("match", "moment", "due_on", "answered_at"),
                    raw_id_fields=("match", "enrolment"))
admin.site.register(ContactMoment, list_display=("match", "date", "activity", "direction"),
                    raw_id_fields=("match", "logged_by"))
admin.site.register(CoachContact, list_display=("match", "date", "kind", "coach"),
                    raw_id_fields=("match", "coach"))
