"""E-mails of the help board and the home projects (see :mod:`metelkaar.core.notifications`).

Neither neighbours on the help board nor the people of a home project need an
account: the object holds their address, so each e-mail names the ``role``
it goes to and gets a signed link for that role.
"""

from __future__ import annotations

from metelkaar.activities.models import HelpMessage, HelpPost, HomeProject
from metelkaar.activities.signing import (
    absolute,
    help_conversation_token,
    help_post_token,
    project_token,
)
from metelkaar.core.notifications.emails import Email, Recipient, language_chain, register

PROJECT_ROLES = ("professional", "resident")


@register
class HelpManageEmail(Email):
    """To the poster: the post is on the board; a link to manage it."""

    kind = "activities.help_manage"
    model = HelpPost
    template = "activities/email/help_manage"

    @classmethod
    def role_recipient(cls, obj: HelpPost, role: str) -> Recipient | None:
        if role != "poster":
            return super().role_recipient(obj, role)
        return Recipient(obj.email, language_chain(obj.language), obj.name, role=role)

    def context(self) -> dict:
        post = self.object
        return {**super().context(), "post": post,
                "link": absolute("activities:help_manage", token=help_post_token(post))}


@register
class HelpMessageEmail(Email):
    """A message relayed to the other side, with a reply link; no address is shown."""

    kind = "activities.help_message"
    model = HelpMessage
    template = "activities/email/help_message"
    related = ("conversation__post",)

    @classmethod
    def role_recipient(cls, obj: HelpMessage, role: str) -> Recipient | None:
        conversation = obj.conversation
        post = conversation.post
        if role == "poster":
            address, name = post.email, post.name
        elif role == "responder":
            address, name = conversation.responder_email, conversation.responder_name
        else:
            return super().role_recipient(obj, role)
        return Recipient(address, language_chain(post.language), name, role=role)

    def context(self) -> dict:
        message = self.object
        conversation = message.conversation
        sender_name = (conversation.responder_name if self.recipient.role == "poster"
                       else conversation.post.name)
        link = absolute("activities:help_conversation",
                        token=help_conversation_token(conversation, self.recipient.role))
        return {**super().context(), "post": conversation.post, "sender_name": sender_name,
                "body": message.body, "link": link}


class ProjectEmail(Email):
    """To the professional or the resident of a home project, with a signed link."""

    model = HomeProject
    action = ""

    @classmethod
    def role_recipient(cls, obj: HomeProject, role: str) -> Recipient | None:
        if role not in PROJECT_ROLES:
            return super().role_recipient(obj, role)
        return Recipient(getattr(obj, f"{role}_email"), language_chain(obj.language),
                         getattr(obj, f"{role}_name"), role=role)

    def context(self) -> dict:
        project = self.object
        token = project_token(project=project, role=self.recipient.role, action=self.action)
        return {**super().context(), "project": project,
                "link": absolute(f"activities:project_{self.action}", token=token)}


@register
class ProjectConfirmEmail(ProjectEmail):
    kind = "activities.project_confirm"
    template = "activities/email/project_confirm"
    action = "confirm"


@register
class ProjectEvaluateEmail(ProjectEmail):
    kind = "activities.project_evaluate"
    template = "activities/email/project_evaluate"
    action = "evaluate"
