"""The neighbourhood survey: coordinator pages for rounds and results, and the public form."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from metelkaar.core.decorators import coordinator_required
from metelkaar.impact import charts, scale, selectors, services, surveys
from metelkaar.impact.forms import SurveyRoundForm

# --- coordinator ------------------------------------------------------------------------


@coordinator_required
def round_list(request):
    organisation = selectors.report_organisation(request.user, request.POST.get("organisation")
                                                 or request.GET.get("organisation"))
    form = SurveyRoundForm(request.POST or None)
    if request.method == "POST" and organisation is not None and form.is_valid():
        round_ = services.survey_round_create(
            organisation=organisation, by=request.user, **form.cleaned_data)
        messages.success(request, _("The round is open. Share its link with the neighbourhood."))
        return redirect("impact:survey_round", public_id=round_.public_id)
    return render(request, "impact/survey_rounds.html", {
        "rounds": selectors.survey_round_list(request.user), "form": form,
        "organisation": organisation,
        "organisations": selectors.report_organisations(request.user),
        "survey_languages": ", ".join(scale.LANGUAGES.values()),
    })


@coordinator_required
def round_results(request, public_id):
    visible = selectors.survey_rounds_visible_to(request.user)
    round_ = visible.select_related("organisation").filter(public_id=public_id).first()
    if round_ is None:
        raise Http404
    others = visible.filter(organisation=round_.organisation).exclude(pk=round_.pk)
    compare = others.filter(public_id=request.GET.get("compare")).first() \
        if _is_uuid(request.GET.get("compare")) else None
    if compare is None and round_.phase != "before":
        compare = others.filter(phase="before", opens_on__lte=round_.opens_on).first()
    responses = surveys.round_scores(round_)
    before = surveys.round_scores(compare) if compare else None
    results = surveys.group_rows(responses, before)
    return render(request, "impact/survey_results.html", {
        "round": round_, "compare": compare, "others": others,
        "sections": [(d, surveys.dimension_title(d), results[d], _chart(d, results[d]))
                     for d, _f in surveys.DIMENSIONS],
        "n": len(responses), "min_group": surveys.MIN_GROUP,
        "public_url": request.build_absolute_uri(
            reverse("impact:survey", kwargs={"public_id": round_.public_id})),
        "languages": scale.LANGUAGES, "is_open": round_.is_open_on(timezone.localdate()),
    })


def _chart(dimension, rows):
    """Bars of the mean score of the groups that are shown (never of suppressed ones)."""
    shown = [(row.label, row.mean) for row in rows if row.shown]
    if dimension == "all" or len(shown) < 2:
        return ""
    return charts.bar_chart(surveys.dimension_title(dimension), shown)


def _is_uuid(value) -> bool:
    import uuid

    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True


# --- public survey (no account) ----------------------------------------------------------


def _language(request) -> str:
    chosen = request.GET.get("lang") or request.POST.get("lang")
    if chosen in scale.LANGUAGES:
        return chosen
    current = translation.get_language() or "nl"
    return current if current in scale.LANGUAGES else "nl"


def _render_in(request, language, template, context, status=200):
    with translation.override(language):
        return render(request, template, {
            **context, "t": scale.text(language), "lang": language,
            "languages": scale.LANGUAGES, "rtl": language in scale.RTL,
        }, status=status)


def survey(request, public_id):
    round_ = selectors.survey_round_public(public_id)
    if round_ is None:
        raise Http404
    language = _language(request)
    if not round_.is_open_on(timezone.localdate()):
        return _render_in(request, language, "impact/survey_closed.html", {"round": round_})
    neighbourhoods = list(round_.organisation.neighbourhoods.all())
    posted, errors = {}, []
    if request.method == "POST":
        posted = {key: request.POST.get(key, "") for key in
                  (*scale.ITEMS, "background", "age_band", "neighbourhood")}
        answers = {k: int(posted[k]) if posted[k] in {"1", "2", "3", "4", "5"} else None
                   for k in scale.ITEMS}
        by_pk = {str(n.pk): n for n in neighbourhoods}
        try:
            services.survey_response_submit(
                round_=round_, language=language, answers=answers,
                background=posted["background"], age_band=posted["age_band"],
                neighbourhood=by_pk.get(posted["neighbourhood"]),
            )
        except ValidationError as error:
            errors.append(error.messages[0] if error.messages[0] in ("too_few", "closed")
                          else "invalid")
        else:
            return redirect(reverse("impact:survey_thanks", kwargs={"public_id": public_id})
                            + f"?lang={language}")
    t = scale.text(language)
    items = [(key, t[key], posted.get(key, "")) for key in scale.ITEMS]
    return _render_in(request, language, "impact/survey.html", {
        "round": round_, "items": items, "options": [(str(v), t[str(v)]) for v in scale.SCALE],
        "posted": posted, "errors": [t[e] for e in errors],
        "neighbourhoods": neighbourhoods, "age_bands": scale.AGE_BANDS,
    }, status=400 if errors else 200)


def survey_thanks(request, public_id):
    round_ = selectors.survey_round_public(public_id)
    if round_ is None:
        raise Http404
    return _render_in(request, _language(request), "impact/survey_thanks.html", {"round": round_})
