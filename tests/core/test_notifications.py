"""The outbox: languages, escaping, after-commit queueing, and each e-mail exactly once.

A small e-mail about an organisation (templates written to a temporary
folder) stands in for the product's e-mails here; ``tests/core/
test_email_kinds.py`` renders every real one.
"""

from __future__ import annotations

import smtplib
import threading
import time
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import OperationalError, connection, transaction
from django.template import engines
from django.utils import timezone

from metelkaar.core.notifications import emails, outbox
from metelkaar.core.notifications.models import Delivery
from metelkaar.people.models import Organisation
from tests.conftest import committed, make_person

S = Delivery.Status
NAME = "Tom & Jerry's <school>"


class HelloEmail(emails.Email):
    kind = "tests.hello"
    model = Organisation
    template = "tests_notifications/hello"


@pytest.fixture
def hello(settings, tmp_path):
    """Register HelloEmail with an English, a Dutch and an HTML template; unregister after."""
    folder = tmp_path / "templates" / "tests_notifications"
    folder.mkdir(parents=True)
    (folder / "hello.en.txt").write_text("Hello from {{ object.name }}\nDear {{ name }},\n"
                                         "{{ object.name }} says hello.\n")
    (folder / "hello.nl.txt").write_text("Hallo van {{ object.name }}\nBeste {{ name }},\n"
                                         "{{ object.name }} zegt hallo.\n")
    (folder / "hello.nl.html").write_text("<p>{{ object.name }} zegt hallo.</p>\n")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates"]}]
    emails.register(HelloEmail)
    yield HelloEmail
    emails.EMAILS.pop(HelloEmail.kind)


@pytest.fixture
def tom(org):
    return make_person(org, "Tom", email="tom@example.test", preferred_language="nl")


def send_hello(org, to):
    with committed():
        return outbox.notify(HelloEmail, org, to=to)


class TestLanguage:
    def test_the_persons_language_first(self, db, hello, org, tom):
        tom.preferred_language = "en"
        tom.save()
        send_hello(org, [tom])
        assert mail.outbox[0].subject == "Hello from Samen Oost"

    def test_then_the_accounts_language_then_the_site_default(self, db, hello, org, fatima):
        fatima.preferred_language = "xx"  # not a language of the site
        fatima.save()
        fatima.user.language = "en"
        fatima.user.save()
        send_hello(org, [fatima])
        fatima.user.language = "xx"
        fatima.user.save()
        send_hello(org, [fatima])
        assert [m.subject for m in mail.outbox] == ["Hello from Samen Oost",
                                                    "Hallo van Samen Oost"]

    def test_a_staff_account_is_a_recipient_too(self, db, hello, org, anna):
        anna.language = "en"
        anna.save()
        send_hello(org, [anna])
        assert mail.outbox[0].to == ["anna@samen-oost.test"]
        assert mail.outbox[0].body.startswith("Dear Anna,")

    def test_a_language_without_a_template_falls_back_to_english_then_dutch(
            self, db, settings, hello, org, tom, tmp_path):
        settings.LANGUAGES = [*settings.LANGUAGES, ("ar", "Arabic")]
        tom.preferred_language = "ar"
        tom.save()
        send_hello(org, [tom])
        assert mail.outbox[0].subject == "Hello from Samen Oost"
        (tmp_path / "templates" / "tests_notifications" / "hello.en.txt").unlink()
        for loader in engines["django"].engine.template_loaders:
            loader.reset()  # the cached loader still knows the English file
        send_hello(org, [tom])
        assert mail.outbox[1].subject == "Hallo van Samen Oost"


class TestEscaping:
    def test_plain_text_arrives_as_written_and_html_stays_escaped(self, db, hello, org, tom):
        org.name = NAME
        org.save()
        send_hello(org, [tom])
        message = mail.outbox[0]
        assert message.subject == f"Hallo van {NAME}"
        assert f"{NAME} zegt hallo." in message.body
        assert "&amp;" not in message.body and "&lt;" not in message.body
        html, mimetype = message.alternatives[0]
        assert mimetype == "text/html"
        assert "Tom &amp; Jerry&#x27;s &lt;school&gt;" in html

    def test_no_html_part_without_an_html_template(self, db, hello, org, tom):
        tom.preferred_language = "en"
        tom.save()
        send_hello(org, [tom])
        assert mail.outbox[0].alternatives == []


class TestAfterCommit:
    def test_nothing_is_queued_before_the_commit(self, db, hello, org, tom,
                                                 django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks() as callbacks:
            [delivery] = outbox.notify(HelloEmail, org, to=[tom])
            # The tests' task backend runs a task the moment it is queued: an
            # enqueue inside the transaction would have sent the e-mail by now.
            assert mail.outbox == []
            assert Delivery.objects.get().status == S.PENDING
        assert len(callbacks) == 1 and mail.outbox == []
        callbacks[0]()
        delivery.refresh_from_db()
        assert delivery.status == S.SENT and len(mail.outbox) == 1

    def test_a_rolled_back_step_sends_nothing(self, db, hello, org, tom):
        with committed(), pytest.raises(RuntimeError):
            with transaction.atomic():
                outbox.notify(HelloEmail, org, to=[tom])
                raise RuntimeError("the step fails after recording its e-mail")
        assert not Delivery.objects.exists() and mail.outbox == []

    def test_every_recipient_once_and_no_recipient_no_row(self, db, hello, org, tom, anna):
        send_hello(org, [tom, anna, tom])
        assert sorted(m.to[0] for m in mail.outbox) == ["anna@samen-oost.test",
                                                        "tom@example.test"]
        assert outbox.notify(HelloEmail, org, to=[]) == []

    def test_unregistered_or_wrong_object_is_refused(self, db, hello, org, tom):
        with pytest.raises(TypeError):
            outbox.notify(HelloEmail, tom, to=[tom])

        class Unregistered(HelloEmail):
            kind = "tests.unregistered"

        with pytest.raises(ValueError):
            outbox.notify(Unregistered, org, to=[tom])


@pytest.mark.django_db(transaction=True)
def test_the_task_is_queued_when_the_transaction_commits(hello, org, tom):
    with transaction.atomic():
        outbox.notify(HelloEmail, org, to=[tom])
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert Delivery.objects.get().status == S.SENT


class TestExactlyOnce:
    def test_a_second_run_of_the_task_sends_nothing(self, db, hello, org, tom):
        [delivery] = send_hello(org, [tom])
        assert outbox.deliver(delivery.pk).status == S.SENT
        assert len(mail.outbox) == 1
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == (S.SENT, 1)
        assert delivery.finished_at is not None

    def test_a_person_without_an_address_is_skipped(self, db, hello, org, tom):
        tom.email = ""
        tom.save()
        [delivery] = send_hello(org, [tom])
        delivery.refresh_from_db()
        assert (delivery.status, delivery.error) == (S.SKIPPED, "no address")
        assert mail.outbox == []

    def test_a_failed_send_is_retried_later_and_sent_once(self, db, hello, org, tom,
                                                          monkeypatch):
        failures = iter([smtplib.SMTPServerDisconnected("down")])
        real_send = EmailBackend.send_messages

        def flaky(self, messages):
            if (error := next(failures, None)) is not None:
                raise error
            return real_send(self, messages)

        monkeypatch.setattr(EmailBackend, "send_messages", flaky)
        [delivery] = send_hello(org, [tom])
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == (S.PENDING, 1)
        assert delivery.error == "SMTPServerDisconnected" and mail.outbox == []
        # Too early for the next attempt: the sweep leaves it alone.
        assert outbox.deliveries_sweep().queued == 0
        with committed():
            result = outbox.deliveries_sweep(now=timezone.now() + timedelta(minutes=2))
        assert result.queued == 1
        delivery.refresh_from_db()
        assert (delivery.status, delivery.attempts) == (S.SENT, 2)
        assert len(mail.outbox) == 1
        with committed():
            assert outbox.deliveries_sweep(now=timezone.now() + timedelta(hours=1)).queued == 0
        assert len(mail.outbox) == 1

    def test_it_gives_up_after_the_last_attempt(self, db, hello, org, tom, monkeypatch):
        def refuse(self, messages):
            raise smtplib.SMTPRecipientsRefused({})

        monkeypatch.setattr(EmailBackend, "send_messages", refuse)
        [delivery] = send_hello(org, [tom])
        for attempt in range(2, outbox.MAX_ATTEMPTS + 1):
            with pytest.raises(smtplib.SMTPRecipientsRefused):
                outbox.deliver(delivery.pk)
            delivery.refresh_from_db()
            assert delivery.attempts == attempt
        assert delivery.status == S.FAILED
        assert outbox.deliveries_sweep(now=timezone.now() + timedelta(days=1)).queued == 0

    def test_a_lost_task_is_queued_again_by_the_sweep(self, db, hello, org, tom):
        outbox.notify(HelloEmail, org, to=[tom])  # its on-commit callback never runs
        assert outbox.deliveries_sweep().queued == 0
        with committed():
            later = timezone.now() + outbox.LOST_AFTER + timedelta(seconds=1)
            assert outbox.deliveries_sweep(now=later).queued == 1
        assert len(mail.outbox) == 1

    def test_a_worker_killed_mid_send_is_interrupted_never_sent_twice(self, db, hello, org, tom):
        outbox.notify(HelloEmail, org, to=[tom])
        delivery = Delivery.objects.get()
        # What a worker leaves behind when it is killed after its claim.
        Delivery.objects.filter(pk=delivery.pk).update(
            status=S.SENDING, attempts=1, claimed_at=timezone.now())
        assert outbox.deliver(delivery.pk).status == S.SENDING
        later = timezone.now() + outbox.CLAIM_TIMEOUT + timedelta(seconds=1)
        with committed():
            result = outbox.deliveries_sweep(now=later)
        assert (result.queued, result.interrupted) == (0, 1)
        delivery.refresh_from_db()
        assert delivery.status == S.INTERRUPTED and mail.outbox == []
        # An operator checked the mail server's log: it never went out.
        with committed():
            assert outbox.deliveries_requeue(ids=[delivery.pk]) == 1
        delivery.refresh_from_db()
        assert delivery.status == S.SENT and len(mail.outbox) == 1
        assert outbox.deliveries_requeue(ids=[delivery.pk]) == 0

    def test_old_finished_deliveries_are_pruned(self, db, hello, org, tom):
        send_hello(org, [tom])
        outbox.notify(HelloEmail, org, to=[tom])  # still pending: kept
        assert outbox.deliveries_prune() == 0
        assert outbox.deliveries_prune(now=timezone.now() + timedelta(days=91)) == 1
        assert list(Delivery.objects.values_list("status", flat=True)) == [S.PENDING]


    def test_deliveries_about_a_deleted_object_are_deleted(self, db, hello, org, other_org, tom):
        """A delivery names its object by id, so the object's deletion leaves it behind."""
        send_hello(other_org, [tom])
        outbox.notify(HelloEmail, org, to=[tom])
        other_org.delete()
        assert outbox.deliveries_delete_orphans() == 1
        assert list(Delivery.objects.values_list("object_id", flat=True)) == [org.pk]
        assert outbox.deliveries_delete_orphans() == 0

@pytest.mark.django_db(transaction=True)
def test_workers_racing_for_one_delivery_send_it_once(hello, org, tom, monkeypatch):
    """Eight workers run the same delivery at once (a task delivered twice, a retry
    overlapping the first run): the conditional claim lets exactly one through."""
    real_send = EmailBackend.send_messages

    def slow(self, messages):
        time.sleep(0.2)  # widen the window between claim and "sent"
        return real_send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", slow)
    outbox.notify(HelloEmail, org, to=[tom])  # outside a transaction: sent at once
    delivery = Delivery.objects.get()
    assert delivery.status == S.SENT
    Delivery.objects.filter(pk=delivery.pk).update(status=S.PENDING, attempts=0, claim=None)
    mail.outbox.clear()
    workers = 8
    barrier = threading.Barrier(workers)
    outcomes: list[str] = []

    def work():
        try:
            barrier.wait(timeout=10)
            for _attempt in range(200):
                try:
                    outcomes.append(outbox.deliver(delivery.pk).status)
                    return
                except OperationalError as error:  # in-memory SQLite: "table is locked"
                    if "locked" not in str(error):
                        raise
                    time.sleep(0.01)
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert len(outcomes) == workers
    assert outcomes.count(S.SENT) >= 1
    assert len(mail.outbox) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (S.SENT, 1)


def test_no_service_queues_a_task_itself():
    """The one rule, pinned: services queue through ``enqueue_on_commit`` (after the
    commit) or ``notify``; a direct ``.enqueue(`` could run inside an open transaction."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "metelkaar"
    services = [*root.glob("*/services.py"), *root.glob("*/services/*.py"),
                *root.glob("*/signup_services.py"), *root.glob("*/emails.py"),
                root / "core" / "notifications" / "outbox.py"]
    offenders = [str(path.relative_to(root)) for path in services
                 if ".enqueue(" in path.read_text()]
    assert len(services) > 10 and offenders == []


def test_every_worker_sweeps_the_outbox_every_few_minutes(db, hello, org, tom):
    """An e-mail whose task was lost goes out from the worker's own loop, no cron needed."""
    from metelkaar.core.workers import Watch

    outbox.notify(HelloEmail, org, to=[tom])  # never committed here: its task is never queued
    Delivery.objects.update(created_at=timezone.now() - timedelta(minutes=10))
    watch = Watch("test-worker", interval=30, sweep_every=300)
    try:
        with committed():
            watch.tick(at=1000.0)  # the first round sweeps
        assert Delivery.objects.get().status == Delivery.Status.SENT
        assert [m.to for m in mail.outbox] == [["tom@example.test"]]

        outbox.notify(HelloEmail, org, to=[tom])
        Delivery.objects.filter(status=Delivery.Status.PENDING).update(
            created_at=timezone.now() - timedelta(minutes=10))
        with committed():
            watch.tick(at=1030.0)  # 30 s later: recovery only, no sweep yet
        assert len(mail.outbox) == 1
        with committed():
            watch.tick(at=1300.0)  # five minutes after the first sweep
        assert len(mail.outbox) == 2
    finally:
        watch._connection.close()


class TestNotifyEach:
    def test_many_objects_one_recipient_each_sent_once_after_the_commit(
            self, db, hello, org, other_org, tom):
        ann = make_person(other_org, "Ann", email="ann@example.test", preferred_language="en")
        with committed():
            rows = outbox.notify_each(HelloEmail, [(org, tom), (other_org, ann)])
            assert mail.outbox == []  # nothing leaves before the commit
        assert {(d.object_id, d.person_id) for d in rows} == {(org.pk, tom.pk),
                                                              (other_org.pk, ann.pk)}
        assert sorted(m.subject for m in mail.outbox) == [
            "Hallo van Samen Oost", "Hello from Buurtwerk West"]
        assert set(Delivery.objects.values_list("status", flat=True)) == {S.SENT}

    def test_an_object_of_another_kind_is_refused(self, db, hello, org, tom):
        with pytest.raises(TypeError):
            outbox.notify_each(HelloEmail, [(tom, tom)])

    def test_they_are_sent_in_batches_each_delivery_once(self, db, hello, org, monkeypatch):
        monkeypatch.setattr(outbox, "BATCH_SIZE", 2)
        people = [make_person(org, f"P{i}", email=f"p{i}@example.test") for i in range(5)]
        with committed():
            rows = outbox.notify_each(HelloEmail, [(org, person) for person in people])
        assert len(mail.outbox) == 5
        outbox.deliver(rows[0].pk)  # a batch queued twice (the sweep) sends nothing twice
        assert len(mail.outbox) == 5
