"""The coordinator's steps: upload, map, preview, import; another organisation sees 404."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from metelkaar.imports import services
from metelkaar.imports.models import ImportJob, SavedMapping
from metelkaar.programmes.models import Enrolment
from tests.conftest import committed
from tests.imports import sheets


def _upload(client, programme, data, name="deelnemers.xlsx"):
    return client.post(
        reverse("imports:upload", args=[programme.public_id]),
        {"file": SimpleUploadedFile(name, data)},
    )


def _map(client, job, **extra):
    data = {f"column_{i}": key for i, key in enumerate(job.mapping)}
    data.update({"target_status": "waiting", "default_side": "a", **extra})
    return client.post(reverse("imports:mapping", args=[job.public_id]), data)


def test_the_programme_page_links_to_the_import(client, anna, programme):
    client.force_login(anna)
    page = client.get(reverse("programmes:detail", args=[programme.public_id]))
    assert reverse("imports:upload", args=[programme.public_id]) in page.content.decode()


def test_upload_map_preview_import(client, anna, programme):
    client.force_login(anna)
    response = _upload(client, programme, sheets.xlsx())
    job = ImportJob.objects.get()
    assert response.url == reverse("imports:mapping", args=[job.public_id])
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en")
    assert page.status_code == 200
    assert 'value="first_name" selected' in page.content.decode()
    response = _map(client, job)
    assert response.url == reverse("imports:preview", args=[job.public_id])
    page = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Zoë" in page and "1091 AB" in page and "Import 3 rows" in page
    assert SavedMapping.objects.get(programme=programme).columns["Voornaam"] == "first_name"
    response = client.post(reverse("imports:run", args=[job.public_id]), {"duplicates": "skip"})
    job.refresh_from_db()
    assert job.status == "done" and job.result["created"] == 3
    assert set(Enrolment.objects.filter(programme=programme).values_list("status", flat=True)) == {
        "waiting"
    }


def test_a_bad_cell_is_shown_with_row_column_and_reason_and_blocks_the_import(
    client, anna, programme
):
    client.force_login(anna)
    rows = [*sheets.ROWS, ["Kees", "Vos", 3000, "Klingon", "B-1000", "kees@@x", ""]]
    _upload(client, programme, sheets.xlsx(rows=rows))
    job = ImportJob.objects.get()
    _map(client, job)
    page = client.get(
        reverse("imports:preview", args=[job.public_id]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "Row 5, column “Geboortejaar”: The year of birth 3000 is in the future." in page
    assert "“Klingon” is not a language we know." in page
    assert "Import 4 rows" not in page
    response = client.post(reverse("imports:run", args=[job.public_id]), {"duplicates": "skip"})
    assert response.status_code == 302
    assert not Enrolment.objects.filter(programme=programme).exists()


def test_a_file_that_is_not_a_sheet_gets_a_clear_error(client, anna, programme):
    client.force_login(anna)
    page = _upload(client, programme, b"%PDF-1.4 ...", name="lijst.pdf")
    assert page.status_code == 200
    assert (
        "This is not a spreadsheet we can read" in page.content.decode()
        or "Dit is geen spreadsheet" in page.content.decode()
    )
    page = _upload(client, programme, b"\x00\x01garbage\xff" * 20, name="lijst.xlsx")
    assert page.status_code == 200 and not ImportJob.objects.exists()


def test_another_organisations_job_is_404(client, anna, olga, programme):
    client.force_login(anna)
    _upload(client, programme, sheets.xlsx())
    job = ImportJob.objects.get()
    client.force_login(olga)
    for name in ("mapping", "preview", "progress"):
        assert client.get(reverse(f"imports:{name}", args=[job.public_id])).status_code == 404
    assert client.post(reverse("imports:run", args=[job.public_id])).status_code == 404
    assert client.get(reverse("imports:upload", args=[programme.public_id])).status_code == 404


def test_a_large_file_is_checked_in_the_background_with_a_progress_bar(
    client, anna, programme, monkeypatch
):
    monkeypatch.setattr(services, "BACKGROUND_ROWS", 2)  # the sheet's 3 rows count as large
    client.force_login(anna)
    _upload(client, programme, sheets.xlsx())
    job = ImportJob.objects.get()
    _map(client, job)  # queued for after the commit, which a test never reaches by itself
    job.refresh_from_db()
    assert job.status == "checking"
    progress_url = reverse("imports:progress", args=[job.public_id])
    box = client.get(progress_url, HTTP_HX_REQUEST="true")
    assert f'hx-get="{progress_url}"' in box.content.decode() and "HX-Redirect" not in box
    page = client.get(reverse("imports:preview", args=[job.public_id]))
    assert 'id="import-progress-bar"' in page.content.decode()

    with committed():
        services.job_check_start(job=job, by=anna)  # the task runs once this commits
    job.refresh_from_db()
    assert job.status == "checked" and job.progress == 100
    box = client.get(progress_url, HTTP_HX_REQUEST="true")
    assert box["HX-Redirect"] == reverse("imports:preview", args=[job.public_id])


def test_the_second_of_two_import_clicks_changes_nothing(client, anna, programme):
    client.force_login(anna)
    _upload(client, programme, sheets.xlsx())
    job = ImportJob.objects.get()
    _map(client, job)
    run = reverse("imports:run", args=[job.public_id])
    client.post(run, {"duplicates": "skip"})
    again = client.post(run, {"duplicates": "skip"}, follow=True, HTTP_ACCEPT_LANGUAGE="en")
    assert "This file has already been imported." in again.content.decode()
    assert Enrolment.objects.filter(programme=programme).count() == 3


def test_the_preview_page_makes_the_same_queries_for_2_or_12_rows(client, anna, org, programme):
    from metelkaar.imports import readers
    from tests.conftest import make_person
    from tests.pinning import assert_flat

    make_person(org, "Zoë", email="row0@example.test")  # a duplicate on file in every size
    client.force_login(anna)
    _upload(client, programme, sheets.xlsx())
    job = ImportJob.objects.get()

    def grow(n):
        rows = [
            [f"Naam{i}", "Test", 1990, "Nederlands", "1091 AB", f"row{i}@example.test", ""]
            for i in range(n)
        ]
        job.data = sheets.xlsx(rows=rows)
        job.row_count = len(readers.read_table(job.data, "xlsx").rows)
        job.save(update_fields=["data", "row_count"])
        services.job_set_mapping(
            job=job, by=anna, mapping=job.mapping, target_status="waiting", default_side="a"
        )
        services.job_check(job=job)

    assert_flat(client, reverse("imports:preview", args=[job.public_id]), grow, shows="Naam11")
