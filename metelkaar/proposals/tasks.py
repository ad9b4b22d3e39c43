from django.dispatch import receiver
from django_tasks import task
from django_tasks.signals import task_finished

from metelkaar import matching
from metelkaar.proposals import services
from metelkaar.proposals.models import MatchingRun


@task(takes_context=True)
def run_matching(context, run_pk: int) -> None:
    """Run the engine; on a second attempt (the first worker died) start the run over."""
    run = MatchingRun.objects.select_related("programme").filter(pk=run_pk).first()
    if run is not None:
        with matching.batch():  # a worker runs one task at a time: the engine has the process
            services.run_execute(run=run, again=context.attempt > 1)


@receiver(task_finished)
def _run_failed(sender, task_result, **kwargs) -> None:
    """A run whose task failed outside the engine (its workers died) is shown as failed."""
    if task_result.task.module_path != run_matching.module_path:
        return
    if str(task_result.status).endswith("FAILED") and task_result.args:
        services.run_fail(run_pk=task_result.args[0], error="the worker running it stopped")
