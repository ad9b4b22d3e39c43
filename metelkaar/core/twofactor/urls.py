from django.urls import path

from metelkaar.core.twofactor import team, views

urlpatterns = [
    path("accounts/2fa/", views.manage, name="twofactor_manage"),
    path("accounts/2fa/setup/", views.setup, name="twofactor_setup"),
    path("accounts/2fa/verify/", views.verify, name="twofactor_verify"),
    path("accounts/2fa/recovery-codes/", views.recovery_codes, name="twofactor_recovery_codes"),
    path("accounts/2fa/recovery-codes/new/", views.recovery_codes_new,
         name="twofactor_recovery_codes_new"),
    path("accounts/2fa/turn-off/", views.turn_off, name="twofactor_turn_off"),
    path("coordinator/team/", team.team, name="twofactor_team"),
    path("coordinator/team/<int:membership_id>/reset-two-step-login/", team.team_reset,
         name="twofactor_team_reset"),
]
