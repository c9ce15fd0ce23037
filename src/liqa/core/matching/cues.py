"""Words that tell what a passage of a profile says: a need, an offer, or a refusal.

Written as plain word sequences, compared after :func:`cue_word` folding (lower case, no
accents, Arabic letter variants folded, a leading conjunction ``و`` dropped), so that
« Nous recherchons », "we are looking for" and « نبحث عن » are found whatever their case.
Only explicit verb forms are listed (no stemming): « développement » must not read as
« développons ». Hand-written for the three languages; no list is complete.
"""

from __future__ import annotations


def _phrases(text: str) -> tuple[str, ...]:
    """Phrases written ``"a | b c | d"`` → ``("a", "b c", "d")``."""
    return tuple(phrase.strip() for phrase in text.split("|") if phrase.strip())


SEEK: dict[str, tuple[str, ...]] = {
    "en": _phrases(
        "seek | seeks | seeking | looking for | look for | looks for | need | needs | require "
        "| requires | want | wants | interested in | would like | wish to | searching for | "
        "search for | in search of | to acquire | to buy | hoping to find"
    ),
    "fr": _phrases(
        "cherche | cherchons | cherchent | recherchons | recherchent | a la recherche | "
        "besoin | besoins | souhaite | souhaitons | souhaitent | voulons | veut | interesse "
        "par | interesses par | interessee par | interessees par | acquerir | acheter | "
        "identifier | trouver"
    ),
    "ar": _phrases(
        "نبحث | يبحث | تبحث | البحث عن | نحتاج | يحتاج | تحتاج | بحاجه | نسعي | يسعي | تسعي | "
        "نرغب | يرغب | ترغب | نريد | نود | نتطلع | نطمح | اقتناء | نلتمس"
    ),
}
"""Cues of a need: what follows is sought."""

OFFER: dict[str, tuple[str, ...]] = {
    "en": _phrases(
        "we offer | offers | offering | we provide | provides | providing | we deliver | "
        "delivers | we supply | supplies | we sell | sells | we build | builds | we develop | "
        "develops | we design | designs | we operate | operates | we run | runs | specialises "
        "in | specializes in | specialised in | specialized in | we serve | serves | we help "
        "| helps | we manufacture | manufactures | we invest | invest in | invests | we train "
        "| trains | we can offer | our services | our products | our solutions"
    ),
    "fr": _phrases(
        "propose | proposons | proposent | offrons | offrent | fournissons | fournit | "
        "fournissent | developpons | developpe | developpent | commercialisons | "
        "commercialise | vendons | vend | exploitons | exploite | accompagnons | accompagne | "
        "assurons | concevons | concoit | editons | edite | specialise dans | specialisee "
        "dans | specialise en | specialisee en | aidons | formons | installons | investissons "
        "| investit | mettons a disposition"
    ),
    "ar": _phrases(
        "نقدم | يقدم | تقدم | نوفر | يوفر | توفر | نطور | يطور | نعرض | يعرض | نبيع | يبيع | "
        "تبيع | نشغل | يشغل | تشغل | متخصص | متخصصه | نضع رهن اشاره | نساعد | يساعد | نستثمر "
        "| يستثمر | نصنع | يصنع"
    ),
}
"""Cues of an offer: what follows is offered."""

NEGATION: dict[str, tuple[str, ...]] = {
    "en": _phrases(
        "not | never | nor | neither | cannot | no need | no interest | no longer | except | "
        "excluding | other than | rather than | instead of | don t | doesn t | didn t | isn t "
        "| aren t | won t | wasn t | weren t | haven t | hasn t"
    ),
    "fr": _phrases(
        "ne | n | pas | aucun | aucune | ni | jamais | sauf | hormis | excepte | a l "
        "exception | a l exclusion | plutot que | au lieu de"
    ),
    "ar": _phrases(
        "ليس | ليست | لسنا | لم | لن | غير معني | غير معنيين | غير مهتم | غير مهتمين | "
        "باستثناء | ما عدا | عدا | بدلا من"
    ),
}
"""Cues of a refusal: what follows (to the end of the clause) is excluded."""

ARABIC_NEGATION_PARTICLE = "لا"
"""« لا » negates when a present-tense verb follows (« لا نبحث »), not in « لا سيما » or
« لا مادية »: it counts only before a word starting with ن ي ت or ا."""

ARABIC_VERB_PREFIXES = ("ن", "ي", "ت", "ا")

CONTRAST: dict[str, tuple[str, ...]] = {
    "en": _phrases("but | however | instead | rather"),
    "fr": _phrases("mais | plutot | cependant | toutefois"),
    "ar": _phrases("لكن | بل"),
}
"""Cues that end a refusal: « pas de formation, mais du conseil »."""

CONJUNCTIONS: dict[str, tuple[str, ...]] = {
    "en": _phrases("and | while | whereas"),
    "fr": _phrases("et | tandis | alors"),
    "ar": (),
}
"""Words after which a new clause may start (a need or offer cue may follow)."""

NOT_NOUNS: dict[str, tuple[str, ...]] = {
    "en": _phrases("in | with | to | for | by | on | at | from | into"),
    "fr": _phrases(
        "dans | avec | a | pour | par | sur | en | chez | entre | vers | aux | pas | plus | moins"
    ),
}
"""Words before « des », « du », "of" that make it an article, not a noun's complement
(« dans des start-up »); folded like :func:`~liqa.core.matching.reading.cue_word`."""

HEAD_STOPS: dict[str, tuple[str, ...]] = {
    "en": _phrases(
        "of | with | whose | that | which | who | for | in | based | founded | from | serving "
        "| at | used | attached | running | building | gathers"
    ),
    "fr": _phrases(
        "qui | dont | pour | a | au | aux | base | basee | avec | implante | implantee | "
        "presente | present | charge | chargee"
    ),
    "ar": _phrases(
        "من | في | التي | الذي | تضم | يضم | يعمل | تعمل | مقرها | مقره | تابعه | مكلفه | "
        "لفائده | عبر | مع | تصدر | تدبر | تبيع | تطور | تكون | تشغل | يديرها | مسؤوله"
    ),
}
"""Words that end the head of a description (« Banque universelle marocaine | de 6 000 … »),
the part that says what the organization is."""

HEAD_MAX_WORDS = 6
"""The head of a description is at most this many words."""

CUE_WINDOW = 4
"""A need or offer cue counts within this many words of the start of a clause
(« Nous recherchons … », "We are looking for …"), not deep inside one (« … credits to
train our models »)."""

STAFF_WORDS: dict[str, tuple[str, ...]] = {
    "en": _phrases(
        "employees | staff | people | engineers | analysts | researchers | consultants | "
        "developers | workers | ethical hackers | specialists"
    ),
    "fr": _phrases(
        "salaries | employes | collaborateurs | personnes | ingenieurs | consultants | "
        "formateurs | agents | developpeurs"
    ),
    "ar": _phrases("مستخدما | مستخدم | موظف | موظفا | شخصا | مهندسا | مهندس | عامل | عاملا | اطار"),
}
"""Words after a number that give an organization's head count (its size)."""

LARGE_HEADCOUNT = 250
"""From this head count a company is a large one (the EU's SME threshold)."""
