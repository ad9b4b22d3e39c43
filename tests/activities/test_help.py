"""Help board: expiry, no address or e-mail in public, messages relayed, nearby matching."""

import datetime
from unittest import mock

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from metelkaar.activities import selectors
from metelkaar.activities.models import HelpConversation, HelpPost
from metelkaar.activities.services import help as services
from metelkaar.people.models import Neighbourhood
from tests.conftest import committed

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def make_post(
    programme,
    kind="request",
    tag="groceries",
    email="fatima@example.test",
    name="Fatima",
    area="Dapperstraat 1094",
    days=(0, 7),
    **kw,
):
    return services.help_post_create(
        programme=programme,
        kind=kind,
        tag=tag,
        name=name,
        email=email,
        area=area,
        window_start=TODAY() + datetime.timedelta(days=days[0]),
        window_end=TODAY() + datetime.timedelta(days=days[1]),
        **kw,
    )


def form_data(**overrides):
    return {
        "kind": "request",
        "tag": "groceries",
        "name": "Fatima",
        "email": "fatima@example.test",
        "area": "Dapperstraat",
        "window_start": TODAY().isoformat(),
        "window_end": (TODAY() + datetime.timedelta(days=3)).isoformat(),
        "expires_on": (TODAY() + datetime.timedelta(days=14)).isoformat(),
        "description": "Boodschappen",
        **overrides,
    }


def link_in(message):
    return message.body.split("http://127.0.0.1:8000")[1].split()[0]


def test_posting_without_an_account_sends_a_management_link(client, help_programme):
    with committed():
        response = client.post(
            reverse("activities:help_post_create", args=[help_programme.public_id]), form_data()
        )
    assert response.status_code == 200
    post = HelpPost.objects.get()
    assert post.expires_on == TODAY() + datetime.timedelta(days=14)
    assert mail.outbox[0].to == ["fatima@example.test"]
    assert client.get(link_in(mail.outbox[0])).status_code == 200


def test_expiry_defaults_to_14_days_and_may_not_exceed_60(client, help_programme):
    assert make_post(help_programme).expires_on == TODAY() + datetime.timedelta(days=14)
    with pytest.raises(services.HelpError):
        make_post(help_programme, expires_on=TODAY() + datetime.timedelta(days=61))
    response = client.post(
        reverse("activities:help_post_create", args=[help_programme.public_id]),
        form_data(expires_on=(TODAY() + datetime.timedelta(days=61)).isoformat()),
    )
    assert "binnen de komende 60 dagen" in response.content.decode()
    assert HelpPost.objects.count() == 1


def test_the_board_lists_only_open_unexpired_posts_without_address_or_email(client, help_programme):
    visible = make_post(help_programme, description="Wie doet boodschappen?")
    expired = make_post(help_programme, name="Kees", email="kees@example.test")
    HelpPost.objects.filter(pk=expired.pk).update(expires_on=TODAY() - datetime.timedelta(days=1))
    closed = make_post(help_programme, name="Lotte", email="lotte@example.test")
    services.help_post_close(post=closed)
    body = client.get(
        reverse("activities:help_board", args=[help_programme.public_id])
    ).content.decode()
    assert "Wie doet boodschappen?" in body and "Kees" not in body and "Lotte" not in body
    assert "@example.test" not in body
    detail = client.get(reverse("activities:help_post", args=[visible.public_id])).content.decode()
    assert "fatima@example.test" not in detail
    assert client.get(reverse("activities:help_post", args=[expired.public_id])).status_code == 410


def test_the_board_filters_by_kind_tag_and_area(client, help_programme):
    make_post(help_programme, description="Vraag-A")
    make_post(
        help_programme,
        kind="offer",
        tag="cooking",
        area="1093",
        name="Jan",
        email="jan@example.test",
        description="Aanbod-B",
    )
    url = reverse("activities:help_board", args=[help_programme.public_id])
    assert "Aanbod-B" not in client.get(url, {"kind": "request"}).content.decode()
    assert "Vraag-A" not in client.get(url, {"tag": "cooking"}).content.decode()
    body = client.get(url, {"area": "1093"}).content.decode()
    assert "Aanbod-B" in body and "Vraag-A" not in body
    assert client.get(url, {"kind": "<script>", "tag": "x" * 500}).status_code == 200


def test_the_expire_command_closes_expired_posts(help_programme):
    post = make_post(help_programme)
    HelpPost.objects.filter(pk=post.pk).update(expires_on=TODAY() - datetime.timedelta(days=1))
    fresh = make_post(help_programme, name="Jan", email="jan@example.test")
    call_command("expire_help_posts", stdout=mock.Mock())
    post.refresh_from_db()
    fresh.refresh_from_db()
    assert post.status == "expired" and fresh.status == "open"


def test_messages_are_relayed_and_details_shown_only_when_both_share(client, help_programme):
    post = make_post(help_programme)
    mail.outbox.clear()
    with committed():
        response = client.post(
            reverse("activities:help_post", args=[post.public_id]),
            {"name": "Jan", "email": "jan@example.test",
             "body": "Ik kan morgen boodschappen doen."},
        )
    assert response.status_code == 302
    responder_url = response["Location"]
    relay = mail.outbox[0]
    assert relay.to == ["fatima@example.test"]
    assert "Ik kan morgen boodschappen doen." in relay.body and "jan@example.test" not in relay.body
    poster_url = link_in(relay)
    with committed():
        client.post(poster_url, {"action": "send", "body": "Graag! Dank je."})
    assert (
        mail.outbox[1].to == ["jan@example.test"]
        and "fatima@example.test" not in mail.outbox[1].body
    )
    client.post(poster_url, {"action": "share"})
    assert "jan@example.test" not in client.get(poster_url).content.decode()
    assert "fatima@example.test" not in client.get(responder_url).content.decode()
    client.post(responder_url, {"action": "share"})
    assert "jan@example.test" in client.get(poster_url).content.decode()
    assert "fatima@example.test" in client.get(responder_url).content.decode()


def test_an_empty_message_is_refused_and_nothing_is_sent(client, help_programme):
    post = make_post(help_programme)
    mail.outbox.clear()
    with committed():
        response = client.post(
            reverse("activities:help_post", args=[post.public_id]),
            {"name": "Jan", "email": "nope", "body": ""},
        )
    assert response.status_code == 200
    assert HelpConversation.objects.count() == 0 and not mail.outbox


def test_the_poster_closes_the_request_naming_who_helped(client, help_programme):
    post = make_post(help_programme)
    conversation = services.help_conversation_start(
        post=post, name="Jan", email="jan@example.test", body="Hoi"
    )
    url = reverse("activities:help_manage", args=[services.help_post_token(post)])
    client.post(url, {"action": "close", "helped_by": str(conversation.public_id)})
    post.refresh_from_db()
    conversation.refresh_from_db()
    assert post.status == "closed" and conversation.completed_at is not None
    with pytest.raises(services.HelpError):
        services.help_post_close(post=post)


def test_tampered_and_expired_management_links_are_refused(client, help_programme):
    post = make_post(help_programme)
    token = services.help_post_token(post)
    assert client.get(
        reverse("activities:help_manage", args=[token[:-3] + "abc"])
    ).status_code == 404
    old = timezone.now().timestamp() - 91 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=old):
        stale = services.help_post_token(post)
    assert client.get(reverse("activities:help_manage", args=[stale])).status_code == 410
    conversation = services.help_conversation_start(
        post=post, name="Jan", email="jan@example.test", body="Hoi"
    )
    # a management token is not a conversation token
    assert client.get(reverse("activities:help_conversation", args=[token])).status_code == 404
    assert (
        client.get(
            reverse(
                "activities:help_conversation",
                args=[services.help_conversation_token(conversation, "poster")],
            )
        ).status_code
        == 200
    )


def test_nearby_matching_puts_the_nearest_postcode_area_first(help_programme, org):
    Neighbourhood.objects.create(
        organisation=org,
        name="Dapperbuurt",
        postcode_areas=["1094"],
        latitude=52.363,
        longitude=4.927,
    )
    Neighbourhood.objects.create(
        organisation=org,
        name="Oostelijke Eilanden",
        postcode_areas=["1018"],
        latitude=52.368,
        longitude=4.925,
    )
    Neighbourhood.objects.create(
        organisation=org, name="Noord", postcode_areas=["1031"], latitude=52.39, longitude=4.90
    )
    request = make_post(help_programme, area="1094")
    far = make_post(help_programme, kind="offer", area="1031", name="Ver", email="ver@example.test")
    near = make_post(
        help_programme, kind="offer", area="1018", name="Dicht", email="dicht@example.test"
    )
    same = make_post(
        help_programme, kind="offer", area="1094 Dapperbuurt", name="Zelfde", email="z@example.test"
    )
    unknown = make_post(
        help_programme, kind="offer", area="Elders", name="Onbekend", email="o@example.test"
    )
    make_post(help_programme, kind="offer", tag="cooking", name="Kok", email="kok@example.test")
    make_post(help_programme, kind="offer", days=(20, 25), name="Later", email="later@example.test")
    assert selectors.help_nearby_matches(post=request) == [same, near, far, unknown]


def test_coordinator_page_is_scoped_to_the_organisation(
    client, anna, olga, help_programme, django_assert_num_queries
):
    for i in range(3):
        make_post(help_programme, name=f"N{i}", email=f"n{i}@example.test")
    url = reverse("activities:help_coordinator", args=[help_programme.public_id])
    client.force_login(olga)
    assert client.get(url).status_code == 404
    assert (
        client.post(
            reverse("activities:help_pair_to_buddies", args=[help_programme.public_id])
        ).status_code
        == 404
    )
    client.force_login(anna)
    client.get(url)
    with django_assert_num_queries(9):
        assert client.get(url).status_code == 200


def test_a_house_number_is_refused_and_what_was_typed_is_kept(client, help_programme):
    response = client.post(
        reverse("activities:help_post_create", args=[help_programme.public_id]),
        form_data(area="Dapperstraat 12"),
    )
    body = response.content.decode()
    assert "Laat het huisnummer weg" in body and 'value="Fatima"' in body
    assert not HelpPost.objects.exists()


def test_the_board_speaks_english_on_request(client, help_programme):
    make_post(help_programme)
    response = client.get(
        reverse("activities:help_board", args=[help_programme.public_id]), HTTP_ACCEPT_LANGUAGE="en"
    )
    body = response.content.decode()
    assert "Help board" in body and "Groceries" in body and 'lang="en"' in body
