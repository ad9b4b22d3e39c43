"""Background tasks of the partners app; each loads its row and calls one service."""

from django_tasks import task

from metelkaar.partners.models import Partner


@task()
def send_progress_link(partner_id: int) -> None:
    from metelkaar.partners.services import progress_link_send

    partner = Partner.objects.select_related("programme__organisation").filter(
        pk=partner_id
    ).first()
    if partner is not None:
        progress_link_send(partner=partner)
