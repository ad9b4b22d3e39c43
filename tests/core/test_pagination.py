"""One page-links partial for every list: it keeps the list's filters and the reader's language."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation


def _request(path: str):
    request = RequestFactory().get(path)
    request.user = AnonymousUser()
    return request


def _render(query: str, number: int, **extra) -> str:
    request = _request(f"/list/?{query}")
    page = Paginator(list(range(25)), 10).page(number)
    return render_to_string("core/_pagination.html", {"page": page, **extra}, request=request)


def test_the_links_keep_the_filters_and_change_only_the_page():
    html = _render("status=waiting&q=Amal&page=2", 2)
    assert 'href="?status=waiting&amp;q=Amal&amp;page=1"' in html
    assert 'href="?status=waiting&amp;q=Amal&amp;page=3"' in html


def test_one_page_shows_no_links():
    request = _request("/list/")
    page = Paginator([1, 2], 10).page(1)
    assert render_to_string("core/_pagination.html", {"page": page}, request=request).strip() == ""


def test_labels_anchor_and_language():
    with translation.override("nl"):
        html = _render("page=2", 2, previous_label="Nieuwere", anchor="#history")
    assert "Pagina 2 van 3" in html and "Nieuwere" in html and "Volgende" in html
    assert 'href="?page=1#history"' in html
    with translation.override("ar"):
        assert "الصفحة 2 من 3" in _render("page=2", 2)
