"""Settings for bench/task_queue.py's RQ run: Metelkaar's, with django-tasks-rq on REDIS_URL.

Not used by the product (which runs django-tasks-db's db_worker); needs
``pip install django-tasks-rq`` in the virtual environment.
"""

from metelkaar.settings import *  # noqa: F403
from metelkaar.settings import INSTALLED_APPS, REDIS_URL

INSTALLED_APPS = [*INSTALLED_APPS, "django_rq"]
RQ_QUEUES = {"default": {"URL": REDIS_URL}}
TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": ["default"]}}
