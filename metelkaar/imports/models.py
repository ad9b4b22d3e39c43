"""An import of a spreadsheet into a programme, and the consent it waits for."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from metelkaar.people.models import Person
from metelkaar.programmes.models import Enrolment, Programme


class ImportJob(models.Model):
    """One uploaded file on its way through the four steps, with its progress.

    The file itself is kept only until the import is done (or abandoned):
    :func:`metelkaar.imports.importing.job_import` clears ``data`` and the preview,
    and :func:`metelkaar.imports.services.jobs_prune` deletes a job never imported.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("Uploaded")
        CHECKING = "checking", _("Checking")
        CHECKED = "checked", _("Checked")
        IMPORTING = "importing", _("Importing")
        DONE = "done", _("Imported")
        FAILED = "failed", _("Failed")

    class Duplicates(models.TextChoices):
        SKIP = "skip", _("Skip the row")
        MERGE = "merge", _("Fill in only the empty fields of the person on file")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    filename = models.CharField(max_length=200)
    file_format = models.CharField(max_length=5)
    data = models.BinaryField(blank=True)
    headers = models.JSONField(default=list, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    mapping = models.JSONField(default=list, blank=True)  # one field key (or "") per column
    target_status = models.CharField(
        max_length=20, default=Enrolment.Status.WAITING,
        choices=[(Enrolment.Status.WAITING, _("Waiting for a match")),
                 (Enrolment.Status.APPLIED, _("Applied"))],
    )
    default_side = models.CharField(max_length=5, blank=True)
    duplicates = models.CharField(max_length=10, choices=Duplicates.choices,
                                  default=Duplicates.SKIP)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UPLOADED)
    progress = models.PositiveSmallIntegerField(default=0)
    preview = models.JSONField(default=dict, blank=True)
    result = models.JSONField(default=dict, blank=True)
    error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"import {self.pk} into {self.programme_id}"


class SavedMapping(models.Model):
    """The columns a programme's last import used, by header: guessed first next time."""

    programme = models.OneToOneField(
        Programme, on_delete=models.CASCADE, related_name="import_mapping"
    )
    columns = models.JSONField(default=dict)  # header -> field key ("" = not imported)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"import mapping of {self.programme_id}"


class ConsentRequest(models.Model):
    """An imported person asked to confirm consent; not proposed until confirmed."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="consent_requests"
    )
    job = models.ForeignKey(ImportJob, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["enrolment", "confirmed_at"])]

    def __str__(self) -> str:
        return f"consent request {self.pk}"
