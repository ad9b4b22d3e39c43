from django_tasks import task

from metelkaar.proposals import services
from metelkaar.proposals.models import MatchingRun


@task()
def run_matching(run_pk: int) -> None:
    run = MatchingRun.objects.select_related("programme").filter(pk=run_pk).first()
    if run is not None:
        services.run_execute(run=run)
