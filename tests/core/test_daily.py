import datetime as dt
from io import StringIO

from django.core.management import call_command
from django.utils import timezone


def test_daily_runs_every_daily_job(db, org):
    from metelkaar.activities.models import HelpPost
    from metelkaar.programmes.models import Programme

    board = Programme.objects.create(organisation=org, name="Burenhulp", kind="help")
    today = timezone.localdate()
    post = HelpPost.objects.create(
        programme=board, kind="request", tag="groceries",
        area="1094", email="a@example.test", name="A",
        window_start=today - dt.timedelta(days=20), window_end=today - dt.timedelta(days=19),
        expires_on=today - dt.timedelta(days=1),
    )
    out = StringIO()
    call_command("daily", stdout=out)
    text = out.getvalue()
    assert "check-ins sent: 0" in text
    assert "1 expired" in text
    assert "people erased" in text
    post.refresh_from_db()
    assert post.status == HelpPost.Status.EXPIRED


def test_daily_removes_expired_sessions_with_unfinished_sign_ups(db):
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    old = SessionStore()
    old["wizard_signup_x"] = {"step_data": {"about": {"about-first_name": ["Jan"]}}}
    old.set_expiry(1)
    old.create()
    Session.objects.filter(session_key=old.session_key).update(
        expire_date=timezone.now() - dt.timedelta(minutes=1)
    )
    call_command("daily", stdout=StringIO())
    assert not Session.objects.filter(session_key=old.session_key).exists()
