"""Fixed vocabularies of the bridge-person programme kind.

Codes are stable identifiers stored in the database; labels are translated.
Languages and weekly availability reuse :mod:`metelkaar.people.vocabulary`.
"""

from django.utils.translation import gettext_lazy as _

# Countries and regions whose culture a bridge person knows from the inside.
CULTURES = [
    ("syria", _("Syria")),
    ("eritrea", _("Eritrea")),
    ("ethiopia", _("Ethiopia")),
    ("somalia", _("Somalia")),
    ("sudan", _("Sudan")),
    ("afghanistan", _("Afghanistan")),
    ("iran", _("Iran")),
    ("iraq", _("Iraq")),
    ("kurdistan", _("Kurdish regions")),
    ("turkey", _("Turkey")),
    ("morocco", _("Morocco")),
    ("yemen", _("Yemen")),
    ("ukraine", _("Ukraine")),
    ("west_africa", _("West Africa")),
]
CULTURE_LABELS = dict(CULTURES)

# A language is "spoken" for bridging work from this level on (everyday conversation).
CONVERSATION_LEVEL = 3
