"""Run Django's management commands: ``python -m metelkaar <command>``."""

import os
import sys


def load_settings_or_exit() -> None:
    """Read the settings now; a wrong or missing variable ends start-up with its sentence.

    Django would otherwise print a long traceback (or, for some commands, carry
    on without settings). Used by the command line and by the WSGI entry point.
    """
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metelkaar.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    try:
        settings.INSTALLED_APPS  # noqa: B018 (imports the settings module)
    except ImproperlyConfigured as exc:
        print(f"Metelkaar cannot start: {exc}.", file=sys.stderr)
        raise SystemExit(2) from None


def main() -> None:
    load_settings_or_exit()
    from django.core.management import execute_from_command_line

    execute_from_command_line([sys.argv[0].replace("__main__.py", "metelkaar"), *sys.argv[1:]])


if __name__ == "__main__":
    main()
