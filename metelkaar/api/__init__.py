"""The REST API (``/api/v1/``) and the API tokens organisation admins manage.

An upper floor: it reads through the other apps' selectors and changes state
only through their services, exactly as the pages do.
"""
