"""Prometheus metrics: for staff or the scraper's token only; latency, queue, e-mail failures."""

import datetime as dt

import pytest
from django.utils import timezone


def _task(status, task_path, minutes_ago=0):
    from django_tasks_db.models import DBTaskResult, get_date_max

    row = DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}}, task_path=task_path, backend_name="default",
        run_after=get_date_max(), status=status,
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        enqueued_at=timezone.now() - dt.timedelta(minutes=minutes_ago)
    )


def test_metrics_are_hidden_from_everyone_but_staff_and_the_token(client, anna, settings):
    assert client.get("/metrics").status_code == 404
    client.force_login(anna)  # a coordinator is not the site's operator
    assert client.get("/metrics").status_code == 404
    client.logout()
    settings.METRICS_TOKEN = "scrape-token-0123456789"
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    ok = client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-token-0123456789")
    assert ok.status_code == 200 and ok["Content-Type"].startswith("text/plain")


def test_metrics_report_latency_queue_and_email_failures(client, db, settings):
    from django.contrib.auth import get_user_model

    operator = get_user_model().objects.create_user(
        "ops@example.test", "a-Long-test-password-1", is_staff=True
    )
    _task("READY", "metelkaar.proposals.tasks.run_matching", minutes_ago=3)
    _task("READY", "metelkaar.proposals.tasks.run_matching", minutes_ago=1)
    _task("FAILED", "metelkaar.programmes.tasks.send_signup_confirmation")
    _task("FAILED", "metelkaar.privacy.tasks.apply_retention")
    from metelkaar.core.notifications.models import Delivery

    Delivery.objects.create(kind="checkin", role="coach", status=Delivery.Status.INTERRUPTED)
    Delivery.objects.create(kind="checkin", role="coach", status=Delivery.Status.SENT)
    client.force_login(operator)
    client.get("/healthz")
    text = client.get("/metrics").content.decode()
    assert 'metelkaar_request_duration_seconds_count{method="GET",route="healthz",status="2xx"}' \
        in text
    assert 'metelkaar_tasks_queued{queue="default"} 2.0' in text
    age = next(line for line in text.splitlines()
               if line.startswith("metelkaar_task_oldest_queued_age_seconds{"))
    assert 175 < float(age.split()[-1]) < 300
    assert "metelkaar_email_failures 2.0" in text  # the interrupted delivery, the failed task
    assert 'metelkaar_email_deliveries{status="sent"} 1.0' in text
    assert 'metelkaar_tasks_failed{task="metelkaar.privacy.tasks.apply_retention"} 1.0' in text
    assert "ops@example.test" not in text


@pytest.mark.parametrize("path", ["/metrics", "/healthz", "/readyz"])
def test_monitoring_answers_are_never_cached(client, db, path, settings):
    settings.METRICS_TOKEN = "t" * 20
    response = client.get(path, HTTP_AUTHORIZATION="Bearer " + "t" * 20)
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
