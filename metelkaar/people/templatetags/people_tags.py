from django import template

from metelkaar.people.forms import PersonLanguageForm

register = template.Library()


@register.inclusion_tag("people/_language_form.html", takes_context=True)
def person_language_form(context, person):
    """The coordinator's form to set the language ``person`` reads."""
    request = context["request"]
    return {
        "person": person, "csrf_token": context.get("csrf_token"),
        "next": request.get_full_path(),
        "form": PersonLanguageForm(initial={"language": person.preferred_language},
                                   auto_id=f"language-{person.public_id}-%s"),
    }
