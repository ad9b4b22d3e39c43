"""Writes of the matches app; each function checks, records and notifies.

Import from here: ``from metelkaar.matches import services``.
"""

from metelkaar.matches.services.checkins import (  # noqa: F401
    CheckInLinkError,
    checkin_answer,
    checkin_from_token,
    checkin_token,
    checkins_send_due,
)
from metelkaar.matches.services.coaching import coach_contact_log, signal_resolve  # noqa: F401
from metelkaar.matches.services.common import MatchError, MatchPermissionDenied  # noqa: F401
from metelkaar.matches.services.contacts import contact_confirm, contact_log  # noqa: F401
from metelkaar.matches.services.lifecycle import (  # noqa: F401
    in_cooling_off,
    match_activate,
    match_assign_coach,
    match_close,
    match_create_proposed,
    match_decline,
    match_pause,
    match_plan_intro,
    match_record_klik,
    match_replan_intro,
    match_respond,
    match_resume,
    match_start_closing,
    pair_is_excluded,
)
from metelkaar.matches.services.links import SESSION_KEY as LINKS_SESSION_KEY  # noqa: F401
from metelkaar.matches.services.signal_rules import signals_compute  # noqa: F401
from metelkaar.matches.services.withdrawal import matches_end_for_withdrawal  # noqa: F401
