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

The renderings in Dutch, Arabic, Tigrinya, Persian, Ukrainian, Turkish and
Somali are Metelkaar's own translations of the English items (no validated
translation is cited); they should be checked by a native speaker before a round
is used for a publication.
"""

from __future__ import annotations

from collections.abc import Mapping

ITEMS = ("belong", "friendships", "advice", "borrow", "work_together", "remain",
         "similar", "talk")
MIN_ITEMS = 6
SCALE = (1, 2, 3, 4, 5)
LANGUAGES = {"nl": "Nederlands", "en": "English", "ar": "العربية", "ti": "ትግርኛ", "fa": "فارسی",
             "uk": "Українська", "tr": "Türkçe", "so": "Soomaali"}
RTL = {"ar", "fa"}

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
    },    "ti": {
        "belong": "ናብዚ ከባቢ ከም ዝጸንሕ ይስምዓኒ።",
        "friendships": "ምስ ካልኦት ሰባት ኣብ ከባቢየይ ዘለኒ ዕርክነትን ርክባትን ብዙሕ ትርጉም ኣለዎ ንዓይ።",
        "advice": "ብዛዕባ ገለ ነገር ምኽሪ እንተ ኣድልዩኒ፡ ናብ ሓደ ኣብ ከባቢየይ ዘሎ ሰብ ክኸይድ እኽእል።",
        "borrow": "ካብ ጎረባብተይ ነገራት እልቃሕን ንሓድሕድና ንተሓጋገዝን።",
        "work_together": "ከባቢየይ ንምምሕያሽ ምስ ካልኦት ብሓባር ክሰርሕ ድሉው እየ።",
        "remain": "ንብዙሕ ዓመታት ኣብዚ ከባቢ ክነብር መደብ ኣለኒ።",
        "similar": "ነብሰይ ከም ነቶም ኣብዚ ከባቢ ዝነብሩ ሰባት ተመሳሳሊ ገይረ ክርእያ እፈቱ።",
        "talk": "ብዙሕ ግዜ ደው ኢለ ምስ ሰባት ከባቢየይ እዛረብ።",
        "1": "ፈጺመ ኣይሰማማዕን", "2": "ኣይሰማማዕን", "3": "ኣይሰማማዕን ኣይነጽግን",
        "4": "እሰማማዕ", "5": "ኣዝየ እሰማማዕ",
        "title": "ምስ ከባቢኹም ክንደይ ምትእስሳር ይስምዐኩም?",
        "intro": "እዚ ሓጺር ሕቶታት ኣስታት 3 ደቒቕ ይወስድ። ኣካውንት ኣየድልየኩምን። "
                 "ስምኩም ኣይንሓትትን። መልስታት ብጉጅለታት ናይ እንተወሓደ 10 ሰባት ጥራይ ኢና ነርእዮም።",
        "choose_language": "ቋንቋ",
        "statements": "ሸሞንተ ሓሳባት",
        "statement_help": "ክንደይ ትሰማምዑ? ንነፍሲ ወከፍ ሓሳብ ሓደ መልሲ ምረጹ።",
        "about_you": "ብዛዕባኹም",
        "neighbourhood": "ኣብ ኣየናይ ከባቢ ትነብሩ?",
        "background": "ኣብ ሆላንድ ክንደይ ግዜ ነቢርኩም?",
        "newcomer": "ትሕቲ 5 ዓመት",
        "resident": "5 ዓመት ወይ ልዕሊኡ",
        "age_band": "ዕድመኹም ክንደይ እዩ?",
        "unsaid": "ክገልጾ ኣይደልን",
        "submit": "መልስታተይ ስደድ",
        "thanks_title": "የቐንየልና!",
        "thanks": "መልስታትኩም ተዓቂቦም። ስለ ዝተሳተፍኩም የቐንየልና።",
        "closed_title": "እዚ ሕቶታት ተዓጽዩ",
        "closed": "እዚ ዙር መለክዒ ድሕሪ ሕጂ ክፉት ኣይኮነን። ስለ ዘለኩም ድሌት የቐንየልና።",
        "too_few": "በጃኹም እንተወሓደ 6 ካብቶም 8 ሓሳባት መልሱ።",
        "invalid": "ኣብቲ ቅጥዒ ዘይቅኑዕ ነገር ኣሎ። በጃኹም መልስታትኩም ርኣዩ።",
        "required": "በጃኹም መልሲ ምረጹ።",
    },
    "fa": {
        "belong": "احساس می‌کنم به این محله تعلق دارم.",
        "friendships": "دوستی‌ها و رابطه‌هایی که با مردم محله‌ام دارم برایم خیلی ارزش دارد.",
        "advice": "اگر دربارهٔ چیزی به مشورت نیاز داشتم، می‌توانستم پیش کسی در محله‌ام بروم.",
        "borrow": "از همسایه‌هایم چیزهایی قرض می‌گیرم و به هم کمک می‌کنیم.",
        "work_together": "حاضرم با دیگران برای بهتر شدن محله‌ام همکاری کنم.",
        "remain": "قصد دارم چند سال در این محله بمانم.",
        "similar": "دوست دارم خودم را شبیه مردمی بدانم که در این محله زندگی می‌کنند.",
        "talk": "اغلب می‌ایستم و با مردم محله‌ام صحبت می‌کنم.",
        "1": "کاملاً مخالفم", "2": "مخالفم", "3": "نه موافقم نه مخالف",
        "4": "موافقم", "5": "کاملاً موافقم",
        "title": "چقدر خود را با محله‌تان پیوسته احساس می‌کنید؟",
        "intro": "این پرسش‌نامهٔ کوتاه حدود 3 دقیقه طول می‌کشد. به حساب کاربری نیاز ندارید. "
                 "نام شما را نمی‌پرسیم. پاسخ‌ها را فقط در گروه‌های دست‌کم 10 نفره نشان می‌دهیم.",
        "choose_language": "زبان",
        "statements": "هشت جمله",
        "statement_help": "چقدر موافقید؟ برای هر جمله یک پاسخ انتخاب کنید.",
        "about_you": "دربارهٔ شما",
        "neighbourhood": "در کدام محله زندگی می‌کنید؟",
        "background": "چند وقت است در هلند زندگی می‌کنید؟",
        "newcomer": "کمتر از 5 سال",
        "resident": "5 سال یا بیشتر",
        "age_band": "چند سال دارید؟",
        "unsaid": "ترجیح می‌دهم نگویم",
        "submit": "پاسخ‌هایم را بفرست",
        "thanks_title": "ممنون!",
        "thanks": "پاسخ‌های شما ذخیره شد. از شرکت شما سپاسگزاریم.",
        "closed_title": "این پرسش‌نامه بسته است",
        "closed": "این دور سنجش دیگر باز نیست. از علاقهٔ شما سپاسگزاریم.",
        "too_few": "لطفاً دست‌کم به 6 جمله از 8 جمله پاسخ دهید.",
        "invalid": "چیزی در فرم درست نیست. لطفاً پاسخ‌هایتان را بررسی کنید.",
        "required": "لطفاً یک پاسخ انتخاب کنید.",
    },
    "uk": {
        "belong": "Я відчуваю, що належу до цього району.",
        "friendships": "Дружба і зв'язки з іншими людьми в моєму районі багато для мене "
                       "значать.",
        "advice": "Якби мені потрібна була порада, я міг (могла) б звернутися до когось у "
                  "своєму районі.",
        "borrow": "Я позичаю речі в сусідів, і ми робимо одне одному послуги.",
        "work_together": "Я готовий(-а) разом з іншими робити щось, щоб покращити свій район.",
        "remain": "Я планую жити в цьому районі ще кілька років.",
        "similar": "Мені подобається думати, що я схожий(-а) на людей, які живуть у цьому "
                   "районі.",
        "talk": "Я часто зупиняюся поговорити з людьми зі свого району.",
        "1": "Зовсім не згоден(-на)", "2": "Не згоден(-на)", "3": "Ні згоден(-на), ні проти",
        "4": "Згоден(-на)", "5": "Цілком згоден(-на)",
        "title": "Наскільки ви відчуваєте зв'язок зі своїм районом?",
        "intro": "Це коротке опитування займає близько 3 хвилин. Обліковий запис не потрібен. "
                 "Ми не питаємо вашого імені. Відповіді показуємо лише в групах щонайменше "
                 "з 10 людей.",
        "choose_language": "Мова",
        "statements": "Вісім тверджень",
        "statement_help": "Наскільки ви згодні? Виберіть одну відповідь для кожного твердження.",
        "about_you": "Про вас",
        "neighbourhood": "У якому районі ви живете?",
        "background": "Як довго ви живете в Нідерландах?",
        "newcomer": "Менше 5 років",
        "resident": "5 років або довше",
        "age_band": "Скільки вам років?",
        "unsaid": "Не хочу казати",
        "submit": "Надіслати мої відповіді",
        "thanks_title": "Дякуємо!",
        "thanks": "Ваші відповіді збережено. Дякуємо за участь.",
        "closed_title": "Це опитування закрите",
        "closed": "Цей раунд опитування вже не відкритий. Дякуємо за ваш інтерес.",
        "too_few": "Дайте, будь ласка, відповідь щонайменше на 6 із 8 тверджень.",
        "invalid": "У формі щось не так. Перевірте, будь ласка, свої відповіді.",
        "required": "Виберіть, будь ласка, відповідь.",
    },
    "tr": {
        "belong": "Bu mahalleye ait olduğumu hissediyorum.",
        "friendships": "Mahallemdeki insanlarla olan arkadaşlıklarım ve ilişkilerim benim için "
                       "çok önemli.",
        "advice": "Bir konuda tavsiyeye ihtiyacım olsa mahallemden birine gidebilirdim.",
        "borrow": "Komşularımdan bir şeyler ödünç alırım ve birbirimize yardım ederiz.",
        "work_together": "Mahallemi iyileştirmek için başkalarıyla birlikte çalışmaya "
                         "hazırım.",
        "remain": "Birkaç yıl daha bu mahallede oturmayı düşünüyorum.",
        "similar": "Kendimi bu mahallede yaşayan insanlara benzer görmekten hoşlanırım.",
        "talk": "Mahallemdeki insanlarla sık sık durup sohbet ederim.",
        "1": "Kesinlikle katılmıyorum", "2": "Katılmıyorum", "3": "Ne katılıyorum ne katılmıyorum",
        "4": "Katılıyorum", "5": "Kesinlikle katılıyorum",
        "title": "Mahallenize ne kadar bağlı hissediyorsunuz?",
        "intro": "Bu kısa anket yaklaşık 3 dakika sürer. Hesaba ihtiyacınız yok. "
                 "Adınızı sormuyoruz. Cevapları sadece en az 10 kişilik gruplar halinde "
                 "gösteririz.",
        "choose_language": "Dil",
        "statements": "Sekiz ifade",
        "statement_help": "Ne kadar katılıyorsunuz? Her ifade için bir cevap seçin.",
        "about_you": "Sizinle ilgili",
        "neighbourhood": "Hangi mahallede oturuyorsunuz?",
        "background": "Ne zamandır Hollanda'da yaşıyorsunuz?",
        "newcomer": "5 yıldan az",
        "resident": "5 yıl veya daha uzun",
        "age_band": "Kaç yaşındasınız?",
        "unsaid": "Söylemek istemiyorum",
        "submit": "Cevaplarımı gönder",
        "thanks_title": "Teşekkürler!",
        "thanks": "Cevaplarınız kaydedildi. Katıldığınız için teşekkürler.",
        "closed_title": "Bu anket kapandı",
        "closed": "Bu ölçüm turu artık açık değil. İlginiz için teşekkürler.",
        "too_few": "Lütfen 8 ifadeden en az 6'sını cevaplayın.",
        "invalid": "Formda bir şey doğru değil. Lütfen cevaplarınızı kontrol edin.",
        "required": "Lütfen bir cevap seçin.",
    },
    "so": {
        "belong": "Waxaan dareemaa inaan ka mid ahay xaafaddan.",
        "friendships": "Saaxiibtinimada iyo xiriirka aan la leeyahay dadka xaafaddayda "
                       "aad ayay muhiim iigu yihiin.",
        "advice": "Haddii aan talo u baahdo, waxaan u tegi karaa qof ku nool xaafaddayda.",
        "borrow": "Waxyaabo ayaan ka amaahdaa deriskayga, waana is caawinnaa.",
        "work_together": "Waxaan diyaar u ahay inaan dadka kale la shaqeeyo si aan u "
                         "hagaajinno xaafaddayda.",
        "remain": "Waxaan qorsheynayaa inaan sannado badan ku noolaado xaafaddan.",
        "similar": "Waxaan jeclahay inaan is arko qof la mid ah dadka ku nool xaafaddan.",
        "talk": "Inta badan waan istaagaa oo la hadlaa dadka xaafaddayda.",
        "1": "Gabi ahaanba kuma raacsani", "2": "Kuma raacsani", "3": "Ma raacsani, mana diidani",
        "4": "Waan raacsanahay", "5": "Aad baan u raacsanahay",
        "title": "Intee in le'eg ayaad ku xiran tahay xaafaddaada?",
        "intro": "Su'aalahan gaagaaban waxay qaataan ilaa 3 daqiiqo. Uma baahnid akoon. "
                 "Magacaaga ma weydiinno. Jawaabaha waxaan muujinnaa oo keliya kooxo ugu "
                 "yaraan 10 qof ah.",
        "choose_language": "Luqadda",
        "statements": "Siddeed weedhood",
        "statement_help": "Intee in le'eg ayaad ku raacsan tahay? Weedh kasta dooro hal jawaab.",
        "about_you": "Adiga",
        "neighbourhood": "Xaafaddee ayaad ku nooshahay?",
        "background": "Intee in le'eg ayaad ku noolayd Nederland?",
        "newcomer": "Ka yar 5 sano",
        "resident": "5 sano ama ka badan",
        "age_band": "Immisa jir ayaad tahay?",
        "unsaid": "Ma doonayo inaan sheego",
        "submit": "Dir jawaabahayga",
        "thanks_title": "Mahadsanid!",
        "thanks": "Jawaabahaaga waa la kaydiyay. Waad ku mahadsan tahay ka qaybgalkaaga.",
        "closed_title": "Su'aalahan waa la xiray",
        "closed": "Wareeggan cabbirka ah hadda ma furna. Waad ku mahadsan tahay xiisahaaga.",
        "too_few": "Fadlan ka jawaab ugu yaraan 6 ka mid ah 8da weedhood.",
        "invalid": "Foomka wax baa ka khaldan. Fadlan hubi jawaabahaaga.",
        "required": "Fadlan dooro jawaab.",
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
