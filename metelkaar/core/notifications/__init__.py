"""One way to send e-mail: an outbox of deliveries, sent exactly once by one task.

A service changes state, records the event and then calls
:func:`~metelkaar.core.notifications.outbox.notify` inside the same
transaction. ``notify`` writes one :class:`~.models.Delivery` row per recipient
(kind, recipient reference, object pk; no address, no text) and enqueues the
generic task :func:`~.tasks.send_notification` with ``transaction.on_commit``,
so a worker never reads a state that is not committed, and a rolled-back step
sends nothing.

The task claims its delivery with a conditional update (``pending`` →
``sending``), renders the e-mail in the recipient's language at that moment,
sends it and marks it ``sent``. A second run of the same task finds nothing to
claim, so an e-mail is never sent twice; a delivery whose task was lost stays
``pending`` and :func:`~.outbox.deliveries_sweep` queues it again; one whose
worker died while sending becomes ``interrupted`` and waits for a person to
look (it may have gone out), so nothing is lost silently.

Each message is an :class:`~.emails.Email` subclass in its app's ``emails.py``
with templates ``<app>/email/<name>.<language>.txt`` (first line the subject,
the rest the body, rendered without HTML escaping) and, where it adds
something, ``.html`` (escaped as usual).
"""
