"""Background tasks of activities; each loads its row by primary key and calls one service."""

from django_tasks import task

from metelkaar.activities.models import HelpMessage, HelpPost, HomeProject


@task()
def send_help_manage_link(post_id: int) -> None:
    from metelkaar.activities.services.help import help_manage_link_send

    post = HelpPost.objects.filter(pk=post_id).first()
    if post is not None:
        help_manage_link_send(post=post)


@task()
def relay_help_message(message_id: int) -> None:
    from metelkaar.activities.services.help import help_message_relay

    message = HelpMessage.objects.select_related("conversation__post").filter(pk=message_id).first()
    if message is not None:
        help_message_relay(message=message)


@task()
def send_project_confirmation_links(project_id: int) -> None:
    from metelkaar.activities.services.projects import project_confirmation_links_send

    project = HomeProject.objects.filter(pk=project_id).first()
    if project is not None:
        project_confirmation_links_send(project=project)


@task()
def send_project_evaluation_links(project_id: int) -> None:
    from metelkaar.activities.services.projects import project_evaluation_links_send

    project = HomeProject.objects.filter(pk=project_id).first()
    if project is not None:
        project_evaluation_links_send(project=project)
