"""Erasure: after it, no table holds Fatima's name, e-mail, phone or postcode.

The scan reads every table of the database through raw SQL, so a model that
nobody declared in the registry (or a library table) cannot hide a copy.
"""

from __future__ import annotations

import json

import pytest
from django.core import mail
from django.db import connection
from django.db.models import Avg, Sum

from metelkaar.core.notifications.models import Delivery
from metelkaar.matches.models import CheckIn, ContactMoment, Match, MatchEvent
from metelkaar.people.models import Person, User
from metelkaar.privacy.models import AuditEvent, ErasureRecord
from metelkaar.privacy.services.erasure import AlreadyErasedError, person_erase
from tests.conftest import committed
from tests.privacy.world import FATIMA

NEEDLES = [FATIMA.first_name, FATIMA.last_name, FATIMA.email, FATIMA.phone, FATIMA.postcode]


def scan_database(needles: list[str]) -> list[str]:
    """Every (table.column, needle) where a text or JSON value contains a needle."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            description = connection.introspection.get_table_description(cursor, table)
            columns = [c.name for c in description]
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if value is None or isinstance(value, int | float | bool):
                        continue
                    if isinstance(value, dict | list):
                        value = json.dumps(value, ensure_ascii=False)
                    text = value.decode(errors="ignore") if isinstance(value, bytes | memoryview) \
                        else str(value)
                    for needle in needles:
                        if needle.lower() in text.lower():
                            found.append(f"{table}.{column} contains {needle!r}")
    return found


def test_before_erasure_the_scan_finds_fatima_everywhere(fatima_world):
    found = scan_database(NEEDLES)
    tables = {item.split(".")[0] for item in found}
    assert {"people_person", "people_user", "activities_helppost", "matches_contactmoment",
            "bridges_bridgerequest"} <= tables


def test_after_erasure_no_table_contains_her_name_email_phone_or_postcode(
    fatima_world, fatima, anna
):
    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    assert scan_database(NEEDLES) == []


def test_erasure_clears_login_attempts_and_admin_history(fatima_world, fatima, anna):
    from axes.models import AccessAttempt, AccessLog
    from django.contrib.admin.models import CHANGE, LogEntry
    from django.contrib.contenttypes.models import ContentType

    AccessAttempt.objects.create(username=FATIMA.email, ip_address="127.0.0.1", user_agent="x",
                                 get_data="", post_data="", failures_since_start=2)
    AccessLog.objects.create(username=FATIMA.email.upper(), ip_address="127.0.0.1",
                             user_agent="x")
    LogEntry.objects.create(user=anna, content_type=ContentType.objects.get_for_model(Person),
                            object_id=str(fatima.pk), object_repr=str(fatima), action_flag=CHANGE)
    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    assert scan_database(NEEDLES) == []


def test_erasure_keeps_report_numbers(fatima_world, fatima, anna):
    match = fatima_world.match
    before = (
        Match.objects.filter(programme=match.programme).count(),
        ContactMoment.objects.filter(match=match).aggregate(n=Sum("duration_minutes"))["n"],
        ContactMoment.objects.filter(match=match).count(),
        CheckIn.objects.filter(match=match).aggregate(k=Avg("klik"))["k"],
    )
    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    after = (
        Match.objects.filter(programme=match.programme).count(),
        ContactMoment.objects.filter(match=match).aggregate(n=Sum("duration_minutes"))["n"],
        ContactMoment.objects.filter(match=match).count(),
        CheckIn.objects.filter(match=match).aggregate(k=Avg("klik"))["k"],
    )
    assert after == before == (1, 195, 3, 3.0)


def test_erasure_ends_the_live_match_and_withdraws_enrolments(fatima_world, fatima, jan, anna):
    Delivery.objects.create(kind="matches.activated", person=fatima,
                            object_id=fatima_world.match.pk, status="sent")
    with committed():
        person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    match = Match.objects.get(pk=fatima_world.match.pk)
    assert match.status == "closed"
    fatima_world.enrolment.refresh_from_db()
    fatima_world.enrolment_jan.refresh_from_db()
    assert fatima_world.enrolment.status == "withdrawn"
    assert fatima_world.enrolment_jan.status == "waiting"
    # Jan hears that the match ended, as after any ending; nothing goes to Fatima.
    assert MatchEvent.objects.filter(match=match, action="closed").count() == 1
    assert {m.to[0] for m in mail.outbox} == {"jan@example.test", "bram@samen-oost.test"}
    assert not Delivery.objects.filter(person=fatima).exists()


def test_erasure_leaves_an_anonymous_record_and_audit_event(fatima_world, fatima, anna):
    old_public_id = fatima.public_id
    record = person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    person = Person.objects.get(pk=fatima.pk)
    assert person.first_name == "[erased]" and person.public_id != old_public_id
    assert not User.objects.filter(email=FATIMA.email).exists()
    assert record.counts["matches.ContactMoment"] == 3
    event = AuditEvent.objects.get(action="erased")
    assert event.actor == anna and event.object_ref == str(record.reference)


def test_erasing_twice_is_refused(fatima_world, fatima, anna):
    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    with pytest.raises(AlreadyErasedError):
        person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)


def test_self_erasure_deletes_the_account_and_records_no_actor(fatima_world, fatima):
    from metelkaar.privacy.services.audit import audit_record

    audit_record(action="exported", actor=fatima.user, person=fatima, object_type="export.json")
    record = person_erase(person=fatima, by=fatima.user, reason=ErasureRecord.Reason.PERSON)
    assert record.by is None
    assert not User.objects.filter(pk=fatima.user_id).exists()
    # Her earlier download stays in the audit log, pointing at nobody identifiable.
    event = AuditEvent.objects.get(action="exported")
    assert event.actor is None and event.person.first_name == "[erased]"


def test_jan_keeps_his_data(fatima_world, fatima, jan, anna):
    person_erase(person=fatima, by=anna, reason=ErasureRecord.Reason.COORDINATOR)
    jan.refresh_from_db()
    assert jan.first_name == "Jan" and jan.user is not None
