"""The items of the neighbourhood survey (buurtmeting), in several languages.

Source
------
The eight items are the short form of Buckner's Neighbourhood Cohesion
Instrument as used in the British Household Panel Survey and its successor
Understanding Society (variables ``scopngbha``–``scopngbhh``):

* Buckner, J. C. (1988). The development of an instrument to measure
  neighborhood cohesion. *American Journal of Community Psychology*, 16(6),
  771–791. https://doi.org/10.1007/BF00930892
* Understanding Society, self-completion module "Neighbourhood":
  eight statements, answered on a five-point scale from "strongly agree" to
  "strongly disagree".

Scoring, as in Buckner (1988): each item is scored 1 (strongly disagree) to 5
(strongly agree) so that a higher number means more cohesion, and the scale
score is the mean of the item scores. A response counts only when at least
:data:`MIN_ITEMS` of the eight items are answered (the mean of the answered
items is used; "don't know" is no answer).

The Dutch and Arabic renderings are Metelkaar's own translations of the
English items (no validated translation is cited); they should be checked by
a native speaker before a round is used for a publication.
"""

from __future__ import annotations

from collections.abc import Mapping

ITEMS = ("belong", "friendships", "advice", "borrow", "work_together", "remain",
         "similar", "talk")
MIN_ITEMS = 6
SCALE = (1, 2, 3, 4, 5)
LANGUAGES = {"nl": "Nederlands", "en": "English", "ar": "العربية"}
RTL = {"ar"}

TEXT: dict[str, dict[str, str]] = {
    "en": {
        "belong": "I feel like I belong to this neighbourhood.",
        "friendships": "The friendships and associations I have with other people in my "
                       "neighbourhood mean a lot to me.",
        "advice": "If I needed advice about something I could go to someone in my "
                  "neighbourhood.",
        "borrow": "I borrow things and exchange favours with my neighbours.",
        "work_together": "I would be willing to work together with others on something to "
                         "improve my neighbourhood.",
        "remain": "I plan to remain a resident of this neighbourhood for a number of years.",
        "similar": "I like to think of myself as similar to the people who live in this "
                   "neighbourhood.",
        "talk": "I regularly stop and talk with people in my neighbourhood.",
        "1": "Strongly disagree", "2": "Disagree", "3": "Neither agree nor disagree",
        "4": "Agree", "5": "Strongly agree",
        "title": "How connected do you feel in your neighbourhood?",
        "intro": "This short survey takes about 3 minutes. You do not need an account. "
                 "We do not ask for your name. Your answers are only shown in groups of "
                 "at least 10 people.",
        "choose_language": "Language",
        "statements": "Eight statements",
        "statement_help": "How much do you agree? Choose one answer for each statement.",
        "about_you": "About you",
        "neighbourhood": "Which neighbourhood do you live in?",
        "background": "How long have you lived in the Netherlands?",
        "newcomer": "Less than 5 years",
        "resident": "5 years or longer",
        "age_band": "How old are you?",
        "unsaid": "I'd rather not say",
        "submit": "Send my answers",
        "thanks_title": "Thank you!",
        "thanks": "Your answers have been saved. Thank you for taking part.",
        "closed_title": "This survey is closed",
        "closed": "This survey round is no longer open. Thank you for your interest.",
        "too_few": "Please answer at least 6 of the 8 statements.",
        "invalid": "Something in the form was not right. Please check your answers.",
        "required": "Please choose an answer.",
    },
    "nl": {
        "belong": "Ik voel dat ik bij deze buurt hoor.",
        "friendships": "De vriendschappen en contacten die ik met andere mensen in mijn buurt "
                       "heb, betekenen veel voor me.",
        "advice": "Als ik advies nodig had, kon ik naar iemand in mijn buurt gaan.",
        "borrow": "Ik leen dingen van mijn buren en we doen elkaar een plezier.",
        "work_together": "Ik wil met anderen samenwerken om mijn buurt beter te maken.",
        "remain": "Ik ben van plan nog een aantal jaren in deze buurt te blijven wonen.",
        "similar": "Ik zie mezelf graag als iemand die lijkt op de mensen in deze buurt.",
        "talk": "Ik blijf vaak even staan om te praten met mensen in mijn buurt.",
        "1": "Helemaal niet mee eens", "2": "Niet mee eens", "3": "Niet eens, niet oneens",
        "4": "Mee eens", "5": "Helemaal mee eens",
        "title": "Hoe verbonden voelt u zich met uw buurt?",
        "intro": "Deze korte vragenlijst duurt ongeveer 3 minuten. U hebt geen account nodig. "
                 "We vragen niet naar uw naam. We laten antwoorden alleen zien in groepen "
                 "van minstens 10 mensen.",
        "choose_language": "Taal",
        "statements": "Acht uitspraken",
        "statement_help": "Hoeveel bent u het ermee eens? Kies één antwoord per uitspraak.",
        "about_you": "Over u",
        "neighbourhood": "In welke buurt woont u?",
        "background": "Hoe lang woont u in Nederland?",
        "newcomer": "Korter dan 5 jaar",
        "resident": "5 jaar of langer",
        "age_band": "Hoe oud bent u?",
        "unsaid": "Zeg ik liever niet",
        "submit": "Verstuur mijn antwoorden",
        "thanks_title": "Dank u wel!",
        "thanks": "Uw antwoorden zijn bewaard. Bedankt voor het meedoen.",
        "closed_title": "Deze vragenlijst is gesloten",
        "closed": "Deze meetronde is niet meer open. Bedankt voor uw interesse.",
        "too_few": "Beantwoord minstens 6 van de 8 uitspraken.",
        "invalid": "Er klopt iets niet in het formulier. Kijk uw antwoorden na.",
        "required": "Kies een antwoord.",
    },
    "ar": {
        "belong": "أشعر بأنني أنتمي إلى هذا الحي.",
        "friendships": "الصداقات والعلاقات التي تربطني بالناس في حيّي تعني لي الكثير.",
        "advice": "إذا احتجت إلى نصيحة في أمر ما، يمكنني اللجوء إلى شخص في حيّي.",
        "borrow": "أستعير أشياء من جيراني ونتبادل الخدمات.",
        "work_together": "أنا مستعد للعمل مع الآخرين على شيء يحسّن حيّي.",
        "remain": "أنوي البقاء ساكناً في هذا الحي لعدة سنوات.",
        "similar": "أحب أن أعتبر نفسي مشابهاً للناس الذين يسكنون في هذا الحي.",
        "talk": "أتوقف كثيراً للحديث مع الناس في حيّي.",
        "1": "لا أوافق إطلاقاً", "2": "لا أوافق", "3": "محايد",
        "4": "أوافق", "5": "أوافق بشدة",
        "title": "إلى أي مدى تشعر بالارتباط بحيّك؟",
        "intro": "يستغرق هذا الاستبيان القصير حوالي 3 دقائق. لا تحتاج إلى حساب. "
                 "لا نسأل عن اسمك. لا نعرض الإجابات إلا في مجموعات من 10 أشخاص على الأقل.",
        "choose_language": "اللغة",
        "statements": "ثماني عبارات",
        "statement_help": "إلى أي مدى توافق؟ اختر إجابة واحدة لكل عبارة.",
        "about_you": "عنك",
        "neighbourhood": "في أي حي تسكن؟",
        "background": "منذ متى تعيش في هولندا؟",
        "newcomer": "أقل من 5 سنوات",
        "resident": "5 سنوات أو أكثر",
        "age_band": "كم عمرك؟",
        "unsaid": "أفضّل عدم الإجابة",
        "submit": "أرسل إجاباتي",
        "thanks_title": "شكراً لك!",
        "thanks": "تم حفظ إجاباتك. شكراً لمشاركتك.",
        "closed_title": "هذا الاستبيان مغلق",
        "closed": "جولة القياس هذه لم تعد مفتوحة. شكراً لاهتمامك.",
        "too_few": "يرجى الإجابة على 6 عبارات على الأقل من أصل 8.",
        "invalid": "هناك خطأ في النموذج. يرجى مراجعة إجاباتك.",
        "required": "يرجى اختيار إجابة.",
    },
}

AGE_BANDS = ("18-29", "30-44", "45-64", "65+")
BACKGROUNDS = ("newcomer", "resident")


def text(language: str) -> dict[str, str]:
    """The texts in ``language``, falling back to English for a missing key."""
    return {**TEXT["en"], **TEXT.get(language, {})}


def score(answers: Mapping[str, int | None]) -> float | None:
    """The scale score: mean of the answered items (1–5), or ``None`` below MIN_ITEMS.

    >>> score({"belong": 5, "friendships": 4, "advice": 4, "borrow": 2,
    ...        "work_together": 5, "remain": 3, "similar": None, "talk": None})
    3.8333333333333335
    >>> score({"belong": 5}) is None
    True
    """
    values = [int(answers[k]) for k in ITEMS if answers.get(k) in SCALE]
    if len(values) < MIN_ITEMS:
        return None
    return sum(values) / len(values)
