"""The outbox links e-mails to people: declared for export, erasure and the record.

See :mod:`metelkaar.privacy.registry`. A delivery holds the kind of e-mail,
the object's key and when it went; never the text or the address. Erasure
deletes a person's deliveries (a pending one is then never sent).
"""

from metelkaar.core.notifications.models import Delivery
from metelkaar.privacy import vocabulary as v
from metelkaar.privacy.registry import COORDINATOR, ORG_ADMIN, Erase, PersonalData, register

register(PersonalData(
    Delivery, v.EMAILS, v.P_EMAILS, ("kind", "status", "created_at", "finished_at"),
    Erase.DELETE, person_paths=("person", "user__person"),
    seen_by=(COORDINATOR, ORG_ADMIN), retention=v.R_EMAILS,
))
