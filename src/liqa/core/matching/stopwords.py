"""Stop words of Arabic, French and English, as written (normalized on load by ``normalize``).

Short, hand-checked lists: function words only, so that a domain word is never dropped.
"""

from __future__ import annotations

RAW_STOPWORDS: dict[str, str] = {
    "ar": """
        في من إلى الى على عن مع هذا هذه ذلك تلك التي الذي الذين اللذين اللتين و أو او ثم
        كل بين حول لدى عبر ضمن نحو نحن هو هي هم هن أنا انا أنتم ما ماذا لا لم لن قد كما أن إن
        كان كانت يكون تكون ليس هناك هنا أي بعض غير عند خلال حتى لكن بل إذا اذا منذ
        كذلك أيضا ايضا وفق لها له لهم منها منه فيها فيه عليها عليه بها به التى وهو وهي ولا
        وفي ومن وإلى وعلى ومع كما كلا إلا الا أكثر اكثر مثل سواء جميع
    """,
    "fr": """
        le la les l un une des du de d et en à a au aux pour par dans avec sans sur sous chez
        ce cet cette ces son sa ses leur leurs notre nos votre vos mon ma mes qui que quoi dont
        où ou est sont être été il elle ils elles nous vous on se s ne pas plus très tout tous
        toute toutes y n qu c j m t afin ainsi comme entre vers selon lors aussi mais donc car
        puis
    """,
    "en": """
        a an the and or of to in on at by for with from as into about over under is are was
        were be been being its this that these those we our ours you your they their them
        he she his her who whom which what where when how not no nor so than too very can will
        also all any both each such other some more most own same just only
    """,
}

LANGUAGE_MARKERS: dict[str, str] = {
    "fr": """
        le la les des du de et en pour dans avec sur une un nos notre vos votre aux au est sont
        par ou qui que cherche recherche offre propose
    """,
    "en": """
        the and of for in with on an our your to is are by or who that we seek seeks offer offers
        provide provides looking
    """,
}
"""Frequent words that tell French from English in Latin-script text."""
