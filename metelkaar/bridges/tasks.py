"""Background tasks of bridge requests; each one loads its row and calls one service."""

from django_tasks import task

from metelkaar.bridges.models import Assignment, BridgeRequest


@task()
def send_request_confirmation(request_id: int) -> None:
    from metelkaar.bridges.services import bridge_request_confirmation_send

    bridge_request = (
        BridgeRequest.objects.select_related("programme", "requester").filter(pk=request_id).first()
    )
    if bridge_request is not None:
        bridge_request_confirmation_send(bridge_request=bridge_request)


@task()
def send_assignment_notice(assignment_id: int) -> None:
    from metelkaar.bridges.services import assignment_notice_send

    assignment = (
        Assignment.objects.select_related("request", "enrolment__person")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is not None:
        assignment_notice_send(assignment=assignment)
