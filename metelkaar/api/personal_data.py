"""Personal data held by the api app: none (see :mod:`metelkaar.privacy.registry`)."""

from __future__ import annotations

from metelkaar.api.models import ApiToken
from metelkaar.privacy.registry import exempt

exempt(ApiToken, "the name of an API token says what another system uses it for, not who a "
       "person is; the staff account that made it is set to empty when it is erased")
