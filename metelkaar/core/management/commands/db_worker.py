"""django-tasks-db's ``db_worker``, holding a liveness lock and recovering lost tasks.

Same options as the original (``--batch``, ``--queue-name``, ``--interval``…)
plus ``--recover-every`` (seconds between looks for tasks whose worker died; 0
switches it off). See :mod:`metelkaar.core.workers`.
"""

from __future__ import annotations

from django_tasks_db.management.commands import db_worker

from metelkaar.core import workers


class Worker(db_worker.Worker):
    recover_every: float = 30

    def run(self) -> None:
        if not self.recover_every:
            return super().run()
        workers.recover_lost_tasks()
        with workers.Watch(self.worker_id, self.recover_every):
            return super().run()


class Command(db_worker.Command):
    help = db_worker.Command.help + " (Metelkaar: recovers tasks of workers that died)"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every", type=float, default=30,
            help="Seconds between looks for tasks whose worker died (0: never; default 30).",
        )

    def handle(self, *args, recover_every: float, **options) -> None:
        original = db_worker.Worker
        Worker.recover_every = recover_every
        db_worker.Worker = Worker  # the original command builds its Worker by this name
        try:
            super().handle(*args, **options)
        finally:
            db_worker.Worker = original
