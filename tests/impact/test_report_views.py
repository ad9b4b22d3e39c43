"""The programme report page and its exports."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import translation

from metelkaar.impact.report import programme_report

SENSITIVE = ("Syrië", "lesbisch", "asiel", "verhuist naar haar zus")
NAMES = ("Fatima", "El Amrani", "Jan", "Bakker", "Sanne", "Lotte")


def _url(programme, name="impact:programme_report"):
    return reverse(name, kwargs={"public_id": programme.public_id})


def test_report_numbers(report_world, programme):
    """Pipeline, Kaplan–Meier with the running match censored, endings and mutuality."""
    today = report_world["today"]
    with translation.override("en"):
        report = programme_report(programmes=[programme], start=today - dt.timedelta(days=365),
                                  end=today)
    pipeline = report.table("pipeline").rows
    assert [row[1] for row in pipeline] == [5, 5, 4, 4]
    assert pipeline[1][3] == 1  # Karim withdrew at intake
    length = report.table("length")
    assert "2 matches started in this period; 1 of them ended." in length.summary
    # one of two ended at 100 days, the other is still running (censored): S = 50 %
    assert length.rows[4][1] == 50
    assert "<svg" in length.chart
    endings = report.table("endings").rows
    assert endings == [["Early ending", "Moved away", 1]]
    assert "help went both ways (1 of 2)" in report.table("mutuality").summary


def test_coordinator_sees_the_report_and_switches_period(client, anna, report_world, programme):
    client.force_login(anna)
    response = client.get(_url(programme))
    assert response.status_code == 200
    assert b"Kaplan" in response.content
    begin = report_world["began"]
    response = client.get(_url(programme), {"start": begin.isoformat(),
                                            "end": begin.isoformat()})
    assert response.status_code == 200
    assert response.context["report"].start == begin


def test_bad_period_shows_an_error_and_the_default(client, anna, report_world, programme):
    client.force_login(anna)
    response = client.get(_url(programme), {"start": "2026-05-01", "end": "2025-01-01"})
    assert response.status_code == 200
    assert response.context["form"].errors


def test_outsider_gets_404(client, olga, report_world, programme):
    client.force_login(olga)
    assert client.get(_url(programme)).status_code == 404
    assert client.get(_url(programme, "impact:programme_export")).status_code == 404
    assert client.get(_url(programme, "impact:learning")).status_code == 404


def test_coach_gets_403(client, bram, report_world, programme):
    client.force_login(bram)
    assert client.get(_url(programme)).status_code == 403


def test_anonymous_goes_to_login(client, programme):
    response = client.get(_url(programme))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _export(client, programme, fmt, names=False):
    params = {"format": fmt, "start": "2020-01-01", "end": "2035-01-01"}
    if names:
        params["names"] = "on"
    response = client.get(_url(programme, "impact:programme_export"), params,
                          HTTP_ACCEPT_LANGUAGE="nl")  # in English "January" holds "Jan"
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    return response.content


def _xlsx_text(content: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(content))
    return "\n".join(str(cell.value) for sheet in book for row in sheet.iter_rows()
                     for cell in row if cell.value is not None)


def _pdf_text(content: bytes) -> tuple[int, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(content))
    return len(reader.pages), "\n".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_exports_hold_no_special_category_data_and_no_names(client, anna, report_world,
                                                           programme, fmt):
    client.force_login(anna)
    content = _export(client, programme, fmt)
    if fmt == "csv":
        text = content.decode("utf-8-sig")
    elif fmt == "xlsx":
        text = _xlsx_text(content)
    else:
        pages, text = _pdf_text(content)
        assert pages > 0
    assert "Kaplan" in text
    assert "Verhuisd" in text
    for word in SENSITIVE + NAMES:
        assert word not in text, word


def test_names_only_when_ticked(client, anna, report_world, programme):
    client.force_login(anna)
    text = _export(client, programme, "csv", names=True).decode("utf-8-sig")
    assert "Fatima El Amrani" in text and "Jan Bakker" in text
    for word in SENSITIVE:
        assert word not in text
    assert "Fatima" in _xlsx_text(_export(client, programme, "xlsx", names=True))


def test_pdf_has_charts_and_readable_text(client, anna, report_world, programme):
    client.force_login(anna)
    pages, text = _pdf_text(_export(client, programme, "pdf"))
    assert pages >= 1
    assert "Maatjes Oost" in text


def test_organisation_report(client, anna, olga, report_world):
    client.force_login(anna)
    response = client.get(reverse("impact:organisation_report"))
    assert response.status_code == 200
    assert response.context["organisation"].slug == "samen-oost"
    client.force_login(olga)
    response = client.get(reverse("impact:organisation_report"), {"organisation": "samen-oost"})
    assert response.context["organisation"].slug == "buurtwerk-west"
    text = client.get(reverse("impact:organisation_export"),
                      {"organisation": "samen-oost"}).content.decode("utf-8-sig")
    assert "Buurtwerk West" in text and "Samen Oost" not in text


def test_report_query_count_does_not_grow_with_matches(django_assert_num_queries, anna,
                                                      report_world, programme):
    """One query per kind of row: enrolments, history, matches, contacts, check-ins, coach."""
    today = report_world["today"]
    with django_assert_num_queries(6):
        programme_report(programmes=[programme], start=today - dt.timedelta(days=365), end=today)


def test_months_in_dutch_are_written_with_a_decimal_comma(report_world, programme):
    """Issue 12: "1.9 maanden" on a Dutch report; Dutch writes 1,9."""
    import re

    today = report_world["today"]
    for language, separator in (("nl", ","), ("en", ".")):
        with translation.override(language):
            report = programme_report(programmes=[programme],
                                      start=today - dt.timedelta(days=365), end=today)
        summaries = " ".join(t.summary for t in report.tables if t.summary)
        fractions = re.findall(r"\d+[.,]\d+ (?:maanden|months)", summaries)
        assert fractions, summaries
        assert all(separator in f for f in fractions), fractions
