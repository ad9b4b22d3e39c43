"""The Django admin shows no API keys: tokens are made and revoked on the staff page.

``djangorestframework-api-key`` registers its own ``APIKey`` model in the admin;
we keep only :class:`~metelkaar.api.models.ApiToken` (its page is
``/coordinator/api-tokens/``, audited), so that admin page is taken away. The
package's admin module is imported first so that it cannot register it again.
"""

from django.contrib import admin
from rest_framework_api_key import admin as package_admin  # noqa: F401  (registers APIKey)
from rest_framework_api_key.models import APIKey

if admin.site.is_registered(APIKey):
    admin.site.unregister(APIKey)
