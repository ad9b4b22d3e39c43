"""Services and selectors of the privacy app: consent withdrawal, export, audit."""

from __future__ import annotations

import json

import pytest
from django.core import mail

from metelkaar.matches.models import CheckIn, MatchEvent, MatchSeat
from metelkaar.people.models import Consent, SensitiveProfile
from metelkaar.people.services import ConsentMissingError
from metelkaar.privacy.models import AuditEvent
from metelkaar.privacy.selectors import sensitive_profile_for
from metelkaar.privacy.services.exclusion import consent_withdraw_with_effects
from metelkaar.privacy.services.export import personal_data_sections, sections_as_json
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed


def consent(person, purpose):
    return Consent.objects.get(person=person, purpose=purpose, withdrawn_at__isnull=True)


def test_withdrawing_sensitive_consent_deletes_data_and_leaves_sensitive_programmes(
    fatima_world, fatima, jan
):
    given = consent(fatima, "sensitive_data")
    ended = consent_withdraw_with_effects(consent=given, by=fatima.user)
    assert [e.programme.name for e in ended] == ["Maatjes Oost"]
    assert not SensitiveProfile.objects.filter(person=fatima).exists()
    rows = Enrolment.objects.filter(person=fatima).values_list("programme__name", "status")
    statuses = dict(rows)
    assert statuses == {"Maatjes Oost": "withdrawn", "Verbinders": "waiting"}
    fatima_world.match.refresh_from_db()
    assert fatima_world.match.status == "closed"
    assert Enrolment.objects.get(pk=fatima_world.enrolment_jan.pk).status == "waiting"
    event = AuditEvent.objects.get(action="consent_withdrawn")
    assert event.detail == {"enrolments_withdrawn": 1, "sensitive_profile_deleted": True}


def test_a_match_ended_by_a_withdrawal_reads_like_any_ending(fatima_world, fatima, jan, bram):
    """The matches' own service ends it: history, seats, check-in and e-mails; the
    person who leaves gets nothing, her buddy and the coach are told."""
    match = fatima_world.match
    with committed():
        consent_withdraw_with_effects(consent=consent(fatima, "sensitive_data"), by=fatima.user)
    event = MatchEvent.objects.get(match=match, action="closed")
    assert (event.from_status, event.to_status, event.by) == ("active", "closed", fatima.user)
    match.refresh_from_db()
    assert (match.closure_reason, match.ending) == ("other", "early")
    assert not MatchSeat.objects.filter(match=match).exists()
    closing = CheckIn.objects.filter(match=match, moment="closure")
    assert [c.enrolment_id for c in closing] == [fatima_world.enrolment_jan.pk]
    to = sorted((m.to[0], m.subject) for m in mail.outbox)
    assert to == [("bram@samen-oost.test", "Jullie koppeling is afgesloten"),
                  ("jan@example.test", "Hoe gaat het met Fatima?"),
                  ("jan@example.test", "Jullie koppeling is afgesloten")]


def test_withdrawing_participation_consent_leaves_every_programme(fatima_world, fatima):
    consent_withdraw_with_effects(consent=consent(fatima, "participation"), by=fatima.user)
    assert set(Enrolment.objects.filter(person=fatima).values_list("status", flat=True)) == {
        "withdrawn"}
    assert SensitiveProfile.objects.filter(person=fatima).exists()


def test_withdrawing_twice_changes_nothing(fatima_world, fatima):
    given = consent(fatima, "sensitive_data")
    consent_withdraw_with_effects(consent=given, by=fatima.user)
    with pytest.raises(ConsentMissingError):
        consent_withdraw_with_effects(consent=given, by=fatima.user)
    assert AuditEvent.objects.filter(action="consent_withdrawn").count() == 1


def test_history_is_kept_after_withdrawal(fatima_world, fatima):
    consent_withdraw_with_effects(consent=consent(fatima, "sensitive_data"), by=fatima.user)
    withdrawn = Consent.objects.get(person=fatima, purpose="sensitive_data")
    assert withdrawn.withdrawn_at is not None and withdrawn.given_at < withdrawn.withdrawn_at


def test_export_has_every_corner_and_is_json_ready(fatima_world, fatima):
    sections = personal_data_sections(person=fatima)
    models = {s.model for s in sections}
    assert {"people.Person", "people.User", "people.Consent", "people.SensitiveProfile",
            "people.Household", "programmes.Enrolment", "matches.Match", "matches.ContactMoment",
            "matches.CheckIn", "activities.HelpPost", "activities.SessionRsvp",
            "activities.HomeProject", "bridges.BridgeRequest", "bridges.BridgeProfile"} <= models
    data = sections_as_json(person=fatima, sections=sections)
    json.dumps(data)
    assert len(data["data"]["matches.CheckIn"]["rows"]) == 1  # only her own check-in


def test_export_is_one_query_per_declared_model(
    fatima_world, fatima, django_assert_max_num_queries
):
    from metelkaar.privacy.registry import entries

    with django_assert_max_num_queries(len(entries())):
        personal_data_sections(person=fatima)


def test_sensitive_profile_for_coordinator_is_returned_and_audited(fatima_world, fatima, anna):
    assert sensitive_profile_for(viewer=anna, person=fatima).origin == "Morocco"
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.person) == ("sensitive_viewed", anna, fatima)


@pytest.mark.parametrize("who", ["bram", "olga", "jan_user", "anonymous"])
def test_sensitive_profile_for_others_is_none_and_not_audited(fatima_world, fatima, bram, olga,
                                                              jan, who):
    from django.contrib.auth.models import AnonymousUser

    viewer = {"bram": bram, "olga": olga, "jan_user": jan.user, "anonymous": AnonymousUser()}[who]
    assert sensitive_profile_for(viewer=viewer, person=fatima) is None
    assert not AuditEvent.objects.exists()


def test_sensitive_profile_needs_a_programme_that_uses_it(fatima_world, fatima, anna, programme):
    programme.uses_sensitive_data = False
    programme.save()
    assert sensitive_profile_for(viewer=anna, person=fatima) is None


def test_changing_sensitive_data_is_audited_without_its_content(fatima_world, fatima, anna):
    from metelkaar.privacy.services.sensitive import sensitive_profile_change

    sensitive_profile_change(person=fatima, by=anna, origin="Syria")
    event = AuditEvent.objects.get(action="sensitive_changed")
    assert event.actor == anna and event.detail == {"fields": ["origin"]}
    assert "Syria" not in str(event.detail)
    assert SensitiveProfile.objects.get(person=fatima).origin == "Syria"


def test_changing_sensitive_data_without_consent_records_nothing(fatima, anna):
    from metelkaar.privacy.services.sensitive import sensitive_profile_change

    with pytest.raises(ConsentMissingError):
        sensitive_profile_change(person=fatima, by=anna, origin="Syria")
    assert not AuditEvent.objects.exists()
