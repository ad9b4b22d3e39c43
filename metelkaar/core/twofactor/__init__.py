"""Two-step login: an authenticator app (TOTP) and recovery codes (django-otp).

Optional for everyone; required for coordinators and org admins when
``STAFF_2FA_REQUIRED`` is on (the default). Whoever has a confirmed device
enters a code after logging in before any other page; staff without one are
sent to set one up first (:mod:`.middleware`).

The one rule that keeps a stolen password from being enough
(:func:`.devices.may_change_devices`): a session may enrol, replace or remove
a device only when the account has no confirmed device yet, or when this
session has been verified with one of its confirmed devices. A new app's
secret belongs to the session that asked for it and is never shown to another.

Lost phone: a recovery code (ten, shown once when the app is set up, each
accepted once) verifies the session, after which a new app can be set up; or an
organisation admin resets the colleague's two-step login from *Team*
(:mod:`.team`), or the site operator with ``python -m metelkaar
reset_two_step_login``. Every change is in the audit log (:mod:`.services`).
"""
