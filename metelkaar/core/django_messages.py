"""Messages of Django itself that participants read, extracted into our catalogues.

Django has no translations for Tigrinya and Somali, so its form errors and its
month and day names would stay English there. Listing them here puts them into
``metelkaar/core/locale``, where every language gets them (for the languages
Django does translate, our catalogue carries Django's own translation). Nothing
calls this module; ``makemessages`` reads it.
"""

from django.utils.translation import gettext_noop as _
from django.utils.translation import ngettext_lazy

FORM_ERRORS = (
    _("This field is required."),
    _("Enter a valid value."),
    _("Enter a valid email address."),
    _("Enter a whole number."),
    _("Enter a number."),
    _("Enter a valid date."),
    _("Enter a valid time."),
    _("Enter a list of values."),
    _("Select a valid choice. %(value)s is not one of the available choices."),
    _("Select a valid choice. That choice is not one of the available choices."),
    _("Ensure this value is less than or equal to %(limit_value)s."),
    _("Ensure this value is greater than or equal to %(limit_value)s."),
    ngettext_lazy(
        "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
        "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d).",
        "limit_value",
    ),
)
WEEKDAYS = (_("Monday"), _("Tuesday"), _("Wednesday"), _("Thursday"), _("Friday"),
            _("Saturday"), _("Sunday"))
WEEKDAYS_ABBR = (_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun"))
MONTHS = (_("January"), _("February"), _("March"), _("April"), _("May"), _("June"),
          _("July"), _("August"), _("September"), _("October"), _("November"),
          _("December"))
MONTHS_3 = (_("jan"), _("feb"), _("mar"), _("apr"), _("may"), _("jun"), _("jul"), _("aug"),
            _("sep"), _("oct"), _("nov"), _("dec"))
# The names of settings.LANGUAGES (the settings module is in no app's catalogue).
LANGUAGE_NAMES = (_("Dutch"), _("English"), _("Arabic"), _("Tigrinya"), _("Persian"),
                  _("Ukrainian"), _("Turkish"), _("Somali"))
