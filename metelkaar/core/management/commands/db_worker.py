"""django-tasks-db's ``db_worker``, holding a liveness lock and recovering lost tasks.

Same options as the original (``--batch``, ``--queue-name``, ``--interval``…)
plus ``--recover-every`` (seconds between looks for tasks whose worker died; 0
switches it off). See :mod:`metelkaar.core.workers`.

When the database cuts the worker's connection, the original loop stops with
an ``OperationalError``; this one logs it, waits (1 s, doubling up to 10 s),
connects again and goes on, after judging the task it was running lost.
"""

from __future__ import annotations

import logging
import time

from django.db import InterfaceError, OperationalError, connections
from django_tasks_db.management.commands import db_worker

from metelkaar.core import workers

logger = logging.getLogger("metelkaar.core.workers")
LONGEST_PAUSE = 10.0


class Worker(db_worker.Worker):
    recover_every: float = 30

    def run(self) -> None:
        if not self.recover_every:
            return self.run_reconnecting()
        workers.recover_lost_tasks()
        with workers.Watch(self.worker_id, self.recover_every):
            return self.run_reconnecting()

    def run_reconnecting(self) -> None:
        """The original loop, started again whenever the database connection was cut."""
        pause, cut = 1.0, False
        while True:
            try:
                if cut:  # whatever ran when the cut came did not finish: queue it again
                    counts = workers.recover_lost_tasks(gone=self.worker_id)
                    logger.warning(
                        "the worker is connected again", extra={"worker": self.worker_id, **counts}
                    )
                    pause, cut = 1.0, False
                return super().run()
            except (OperationalError, InterfaceError) as error:
                if not self.running:
                    raise
                cut = True
                logger.warning(
                    "the worker lost its database connection; connecting again",
                    extra={"worker": self.worker_id, "error": str(error).strip(), "pause_s": pause},
                )
                connections.close_all()
                self.running_task = False
            time.sleep(pause)
            pause = min(pause * 2, LONGEST_PAUSE)


class Command(db_worker.Command):
    help = db_worker.Command.help + " (Metelkaar: recovers tasks of workers that died)"

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--recover-every",
            type=float,
            default=30,
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
