"""Two-step login: a password alone never changes a device; recovery codes; resets.

The first test is the attack found in issue 14: a staff member's password,
without their phone, must not be enough to replace their app and get in.
"""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from metelkaar.people.models import Membership, User
from metelkaar.privacy.models import AuditEvent
from tests.conftest import PASSWORD, committed
from tests.core.twofactor_helpers import code_of, enrolled

A = AuditEvent.Action


@pytest.fixture(autouse=True)
def _two_step(settings):
    settings.STAFF_2FA_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's wait after a wrong code
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.fixture
def ingrid(org):
    """Org admin of Anna's organisation."""
    user = User.objects.create_user("ingrid@samen-oost.test", PASSWORD, full_name="Ingrid")
    Membership.objects.create(user=user, organisation=org, role="org_admin")
    return user


def _verified(client, user, device):
    client.login(email=user.email, password=PASSWORD)
    response = client.post(reverse("twofactor_verify"), {"token": code_of(device)})
    assert response.status_code == 302 and "verify" not in response["Location"]


def test_a_password_alone_cannot_replace_the_app(client, anna):
    """The attack of issue 14, step by step, with the password but not the phone."""
    device = enrolled(anna)
    client.login(email=anna.email, password=PASSWORD)

    # 1. The set-up page gives no new secret: it asks for a code of the existing app.
    response = client.get(reverse("twofactor_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor_verify"))
    assert not TOTPDevice.objects.filter(user=anna, confirmed=False).exists()

    # 2. A code of an app the attacker made for the account is refused too.
    planted = TOTPDevice.objects.create(user=anna, name="app", confirmed=False)
    client.session  # noqa: B018
    session = client.session
    session["twofactor_pending_device"] = planted.pk
    session.save()
    response = client.post(reverse("twofactor_setup"), {"token": code_of(planted)})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("twofactor_verify"))

    # 3. Nor can the session turn two-step login off or make recovery codes.
    assert client.post(reverse("twofactor_turn_off")).status_code == 302
    client.post(reverse("twofactor_recovery_codes_new"))

    # The owner's app and codes are untouched; the session still cannot pass.
    device.refresh_from_db()
    assert device.confirmed
    assert TOTPDevice.objects.filter(user=anna, confirmed=True).get() == device
    assert StaticToken.objects.filter(device__user=anna).count() == 2
    response = client.get(reverse("programmes:coordinator_home"))
    assert response["Location"].startswith(reverse("twofactor_verify"))
    assert not AuditEvent.objects.exists()


def test_each_session_gets_its_own_secret_and_the_first_to_confirm_wins(client, anna):
    """A secret shown to one session is never shown to another, nor accepted after the owner's."""
    from django.test import Client

    attacker = Client()
    attacker.login(email=anna.email, password=PASSWORD)
    attacker_page = attacker.get(reverse("twofactor_setup"))
    client.login(email=anna.email, password=PASSWORD)
    owner_page = client.get(reverse("twofactor_setup"))
    assert attacker_page.context["secret"] != owner_page.context["secret"]
    attacker_device = TOTPDevice.objects.get(pk=attacker.session["twofactor_pending_device"])

    owner_device = TOTPDevice.objects.get(pk=client.session["twofactor_pending_device"])
    client.post(reverse("twofactor_setup"), {"token": code_of(owner_device)})
    owner_device.refresh_from_db()
    assert owner_device.confirmed

    response = attacker.post(reverse("twofactor_setup"), {"token": code_of(attacker_device)})
    assert response["Location"].startswith(reverse("twofactor_verify"))
    assert list(TOTPDevice.objects.filter(user=anna)) == [owner_device]


def test_enrolment_shows_ten_recovery_codes_once(client, anna, mailoutbox):
    client.login(email=anna.email, password=PASSWORD)
    client.get(reverse("twofactor_setup"))
    device = TOTPDevice.objects.get(user=anna, confirmed=False)
    with committed():
        response = client.post(reverse("twofactor_setup"),
                               {"token": code_of(device), "next": "/coordinator/"})
    assert response["Location"] == f"{reverse('twofactor_recovery_codes')}?next=/coordinator/"

    page = client.get(response["Location"])
    codes = list(StaticToken.objects.filter(device__user=anna).values_list("token", flat=True))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(code in page.content.decode() for code in codes)
    assert page["Cache-Control"] and "no-store" in page["Cache-Control"]

    again = client.get(reverse("twofactor_recovery_codes"))
    assert again.status_code == 302
    assert not any(code in client.get(again["Location"]).content.decode() for code in codes)
    assert AuditEvent.objects.get().action == A.TWOFACTOR_ENROLLED
    assert [m.subject for m in mailoutbox] == ["Inloggen in twee stappen staat aan"]
    assert not any(code in mailoutbox[0].body for code in codes)  # codes never by e-mail


def test_a_recovery_code_works_once(client, anna):
    enrolled(anna, codes=("k4mp7zq2", "b2b2c3c3"))
    client.login(email=anna.email, password=PASSWORD)
    response = client.post(reverse("twofactor_verify"), {"token": "K4MP 7ZQ2"})
    assert response["Location"].startswith(reverse("twofactor_manage"))
    assert client.get(reverse("programmes:coordinator_home")).status_code == 200
    event = AuditEvent.objects.get()
    assert (event.action, event.account, event.detail) == (A.RECOVERY_CODE_USED, anna, {"left": 1})

    client.logout()
    client.login(email=anna.email, password=PASSWORD)
    response = client.post(reverse("twofactor_verify"), {"token": "k4mp7zq2"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert client.get(reverse("programmes:coordinator_home"))["Location"].startswith(
        reverse("twofactor_verify")
    )
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["b2b2c3c3"]


def test_after_a_recovery_code_the_app_can_be_replaced(client, anna, mailoutbox):
    old = enrolled(anna, codes=("k4mp7zq2",))
    client.login(email=anna.email, password=PASSWORD)
    client.post(reverse("twofactor_verify"), {"token": "k4mp7zq2"})

    page = client.get(reverse("twofactor_setup"))
    assert page.status_code == 200 and page.context["replacing"]
    new = TOTPDevice.objects.get(user=anna, confirmed=False)
    with committed():
        client.post(reverse("twofactor_setup"), {"token": code_of(new)})

    assert list(TOTPDevice.objects.filter(user=anna)) == [new]
    assert not TOTPDevice.objects.filter(pk=old.pk).exists()
    assert StaticToken.objects.filter(device__user=anna).count() == 10
    assert "k4mp7zq2" not in StaticToken.objects.values_list("token", flat=True)
    assert AuditEvent.objects.filter(action=A.TWOFACTOR_REPLACED, actor=anna).count() == 1
    (mail,) = mailoutbox
    assert mail.to == [anna.email]
    assert mail.subject == "Nieuwe app voor inloggen in twee stappen"
    assert "De oude app en je oude herstelcodes werken niet meer." in mail.body
    assert "Was jij dit? Dan hoef je niets te doen." in mail.body


def test_a_verified_session_makes_new_recovery_codes(client, anna):
    device = enrolled(anna)
    _verified(client, anna, device)
    response = client.post(reverse("twofactor_recovery_codes_new"))
    assert response["Location"].startswith(reverse("twofactor_recovery_codes"))
    tokens = set(StaticToken.objects.values_list("token", flat=True))
    assert len(tokens) == 10 and not tokens & {"aaaabbbb", "ccccdddd"}
    assert AuditEvent.objects.filter(action=A.RECOVERY_CODES_ISSUED).count() == 1


def test_a_participant_with_an_app_enters_a_code_too(client, fatima):
    """Two-step login that a participant turned on is asked for, not only for staff."""
    device = enrolled(fatima.user)
    client.login(email=fatima.email, password=PASSWORD)
    response = client.get(reverse("people:my_page"))
    assert response["Location"] == f"{reverse('twofactor_verify')}?next=/me/"
    client.post(reverse("twofactor_verify"), {"token": code_of(device)})
    assert client.get(reverse("people:my_page")).status_code == 200


def test_a_participant_turns_two_step_login_off(client, fatima, mailoutbox):
    device = enrolled(fatima.user)
    _verified(client, fatima.user, device)
    assert client.get(reverse("twofactor_turn_off")).status_code == 200
    assert TOTPDevice.objects.filter(user=fatima.user).exists()  # the page asks first
    with committed():
        client.post(reverse("twofactor_turn_off"))
    assert not TOTPDevice.objects.filter(user=fatima.user).exists()
    assert not StaticDevice.objects.filter(user=fatima.user).exists()
    event = AuditEvent.objects.get()
    assert (event.action, event.organisation, event.person) == (
        A.TWOFACTOR_REMOVED, fatima.organisation, fatima
    )
    assert [m.subject for m in mailoutbox] == ["Inloggen in twee stappen staat uit"]
    assert mailoutbox[0].to == [fatima.email]


def test_staff_cannot_turn_two_step_login_off(client, anna):
    device = enrolled(anna)
    _verified(client, anna, device)
    page = client.get(reverse("twofactor_turn_off"))
    assert "kun je het niet uitzetten" in page.content.decode()
    client.post(reverse("twofactor_turn_off"))
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_an_org_admin_resets_a_colleagues_two_step_login(client, anna, ingrid, mailoutbox):
    anna.language = "en"
    anna.save()
    enrolled(anna)
    admin_device = enrolled(ingrid)
    _verified(client, ingrid, admin_device)
    team = client.get(reverse("twofactor_team"))
    assert "Anna de Vries" in team.content.decode()
    membership = anna.memberships.get()
    url = reverse("twofactor_team_reset", args=[membership.pk])
    assert client.get(url).status_code == 200
    assert TOTPDevice.objects.filter(user=anna).exists()  # the page asks first

    with committed():
        response = client.post(url)
    assert response["Location"] == reverse("twofactor_team")
    assert not TOTPDevice.objects.filter(user=anna).exists()
    assert not StaticDevice.objects.filter(user=anna).exists()
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.account, event.organisation) == (
        A.TWOFACTOR_RESET, ingrid, anna, membership.organisation
    )
    (mail,) = mailoutbox  # in Anna's language, naming who did it
    assert (mail.to, mail.subject) == ([anna.email], "Your two-step login was reset")
    assert "Ingrid reset your two-step login." in mail.body
    assert "Did you ask for this?" in mail.body

    client.logout()
    client.login(email=anna.email, password=PASSWORD)
    assert client.get(reverse("programmes:coordinator_home"))["Location"].startswith(
        reverse("twofactor_setup")
    )


def test_only_an_org_admin_of_the_same_organisation_resets(client, anna, ingrid, olga, settings):
    settings.STAFF_2FA_REQUIRED = False  # here about the role, not the second step
    enrolled(anna)
    anna_membership = anna.memberships.get()
    client.force_login(olga)  # a coordinator, of another organisation
    assert client.get(reverse("twofactor_team")).status_code == 403
    olga.memberships.update(role="org_admin")
    response = client.post(reverse("twofactor_team_reset", args=[anna_membership.pk]))
    assert response.status_code == 404
    client.force_login(ingrid)
    own = ingrid.memberships.get()
    assert client.post(reverse("twofactor_team_reset", args=[own.pk])).status_code == 404
    assert TOTPDevice.objects.filter(user=anna).exists()
    assert not AuditEvent.objects.exists()


def test_the_site_operator_resets_with_a_command(anna, capsys, mailoutbox):
    enrolled(anna)
    with committed():
        call_command("reset_two_step_login", "ANNA@samen-oost.test", "--yes")
    assert "is reset" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=anna).exists()
    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.account, event.detail["by"]) == (
        A.TWOFACTOR_RESET, None, anna, "site_operator"
    )
    assert "heeft de beheerder van de website je inloggen in twee stappen teruggezet" in (
        mailoutbox[0].body
    )
    with pytest.raises(CommandError, match="No account"):
        call_command("reset_two_step_login", "nobody@example.test", "--yes")
