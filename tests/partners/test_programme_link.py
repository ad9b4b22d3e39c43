"""The mentor programme's page links to its partner schools."""

from django.urls import reverse


def test_the_programme_page_links_to_the_partner_schools(client, anna, mentor_programme):
    client.force_login(anna)
    page = client.get(reverse("programmes:detail", args=[mentor_programme.public_id]))
    assert reverse("partners:list", args=[mentor_programme.public_id]) in page.content.decode()


def test_other_kinds_have_no_partner_link(client, anna, programme):
    client.force_login(anna)
    page = client.get(reverse("programmes:detail", args=[programme.public_id]))
    assert "/partners/" not in page.content.decode()
