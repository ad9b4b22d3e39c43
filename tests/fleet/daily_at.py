"""Start ``daily`` together with others: ``python tests/fleet/daily_at.py <folder> <n>``.

Django is loaded first; then the process marks itself ready in ``folder`` and
waits until ``n`` processes are ready, so they all start the command within
milliseconds of each other (the slow part, importing, is over for each).
"""

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, os.getcwd())
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
import django  # noqa: E402

django.setup()
from django.core.management import call_command  # noqa: E402

folder, n = Path(sys.argv[1]), int(sys.argv[2])
(folder / f"ready-{os.getpid()}").touch()
deadline = time.monotonic() + 120
while len(list(folder.glob("ready-*"))) < n and time.monotonic() < deadline:
    time.sleep(0.005)
call_command("daily")
