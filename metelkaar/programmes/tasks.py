"""Background tasks of programmes; each one loads its rows and calls one service."""

from django_tasks import task

from metelkaar.programmes.models import Enrolment


@task()
def send_signup_confirmation(enrolment_id: int) -> None:
    from metelkaar.programmes.signup_services import signup_confirmation_send

    enrolment = (
        Enrolment.objects.select_related("person", "programme").filter(pk=enrolment_id).first()
    )
    if enrolment is not None:
        signup_confirmation_send(enrolment=enrolment)
