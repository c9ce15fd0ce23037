"""Fixed material for ``generate.py``: theme texts, name pools, the event, venue and programme.

Everything here is fictional. Arabic forms are given for Moroccan names (people and
companies) and for Arabic-speaking ecosystem organizations.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ThemeText:
    """Words for one theme: a sector label, an offer phrase and a request message per language."""

    sector: str
    offer: dict[str, str]
    message: dict[str, str]


def _t(sector: str, en: str, fr: str, ar: str, msg_en: str, msg_fr: str) -> ThemeText:
    return ThemeText(sector, {"en": en, "fr": fr, "ar": ar}, {"en": msg_en, "fr": msg_fr})


THEME_TEXT: dict[str, ThemeText] = {
    "e-government": _t(
        "GovTech",
        "e-government platforms and digital public services",
        "plateformes d'e-gouvernement et services publics numériques",
        "منصات الحكومة الإلكترونية والخدمات العمومية الرقمية",
        "Partnership on e-government platforms",
        "Partenariat sur les plateformes d'e-gouvernement",
    ),
    "artificial-intelligence": _t(
        "Artificial intelligence",
        "artificial intelligence solutions (machine learning, language models, computer vision)",
        "solutions d'intelligence artificielle (apprentissage automatique, modèles de langue, "
        "vision par ordinateur)",
        "حلول الذكاء الاصطناعي (التعلم الآلي والنماذج اللغوية والرؤية الحاسوبية)",
        "Exploring an AI project together",
        "Explorer ensemble un projet d'intelligence artificielle",
    ),
    "cybersecurity": _t(
        "Cybersecurity",
        "cybersecurity services: SOC, penetration testing, threat intelligence",
        "services de cybersécurité : SOC, tests d'intrusion, renseignement sur les menaces",
        "خدمات الأمن السيبراني: مركز العمليات الأمنية واختبارات الاختراق واستخبارات التهديدات",
        "Cybersecurity services and SOC partnership",
        "Services de cybersécurité et partenariat SOC",
    ),
    "cloud": _t(
        "Cloud services",
        "cloud hosting, migration and managed services",
        "hébergement cloud, migration et services managés",
        "الاستضافة السحابية والترحيل والخدمات المدارة",
        "Cloud hosting and migration",
        "Hébergement et migration cloud",
    ),
    "digital-identity": _t(
        "Digital identity and trust",
        "digital identity, electronic signature and KYC",
        "identité numérique, signature électronique et KYC",
        "الهوية الرقمية والتوقيع الإلكتروني والتحقق من هوية العملاء",
        "Digital identity and e-signature",
        "Identité numérique et signature électronique",
    ),
    "data-centres": _t(
        "Data centres",
        "data centre capacity, colocation and engineering",
        "capacités de centres de données, colocation et ingénierie",
        "سعة مراكز البيانات والاستضافة المشتركة والهندسة",
        "Data centre capacity in Morocco",
        "Capacités de centres de données au Maroc",
    ),
    "skills-training": _t(
        "Digital skills and training",
        "digital skills training, bootcamps and certification",
        "formation aux compétences numériques, bootcamps et certification",
        "التكوين في الكفاءات الرقمية والمعسكرات التدريبية والإشهاد",
        "Training and certification programme",
        "Programme de formation et de certification",
    ),
    "startup-financing": _t(
        "Startup financing",
        "seed and venture funding, incubation and acceleration",
        "financement d'amorçage et capital-risque, incubation et accélération",
        "تمويل الانطلاق ورأس المال المخاطر والاحتضان والتسريع",
        "Funding and acceleration",
        "Financement et accélération",
    ),
    "smart-cities": _t(
        "Smart cities",
        "smart-city solutions: mobility, lighting, urban data",
        "solutions de ville intelligente : mobilité, éclairage, données urbaines",
        "حلول المدن الذكية: التنقل والإنارة والمعطيات الحضرية",
        "Smart-city pilot",
        "Projet pilote de ville intelligente",
    ),
    "energy-tech": _t(
        "Energy technology",
        "energy technology: smart grids, solar monitoring, energy efficiency",
        "technologies de l'énergie : réseaux intelligents, supervision solaire, efficacité "
        "énergétique",
        "تكنولوجيا الطاقة: الشبكات الذكية ومراقبة الطاقة الشمسية والنجاعة الطاقية",
        "Energy technology partnership",
        "Partenariat en technologies de l'énergie",
    ),
    "fintech": _t(
        "Fintech",
        "fintech: mobile payments, digital banking, credit scoring",
        "fintech : paiement mobile, banque digitale, scoring de crédit",
        "التكنولوجيا المالية: الأداء عبر الهاتف والأبناك الرقمية والتنقيط الائتماني",
        "Payments and digital banking",
        "Paiement mobile et banque digitale",
    ),
    "telecoms": _t(
        "Telecoms",
        "telecoms: fibre, 5G, IoT connectivity",
        "télécoms : fibre, 5G, connectivité IoT",
        "الاتصالات: الألياف البصرية والجيل الخامس وربط إنترنت الأشياء",
        "Connectivity and IoT",
        "Connectivité et IoT",
    ),
}

SUFFIX: dict[str, tuple[str, str]] = {
    "e-government": ("GovTech", "غوفتك"),
    "artificial-intelligence": ("AI Labs", "إيه آي لابز"),
    "cybersecurity": ("Cyber", "سايبر"),
    "cloud": ("Cloud", "كلاود"),
    "digital-identity": ("Trust", "تراست"),
    "data-centres": ("Datacenters", "داتاسنترز"),
    "skills-training": ("Academy", "أكاديمي"),
    "startup-financing": ("Ventures", "فنتشرز"),
    "smart-cities": ("Smart City", "سمارت سيتي"),
    "energy-tech": ("Energy Tech", "إنرجي تك"),
    "fintech": ("Pay", "باي"),
    "telecoms": ("Telecom", "تيليكوم"),
}
"""Company-name suffix (Latin, Arabic) from a company's main theme."""

COUNTRY_COMPANIES: dict[str, list[tuple[str, str]]] = {
    "MA": [
        ("Atlas", "أطلس"),
        ("Anfa", "أنفا"),
        ("Zellige", "زليج"),
        ("Argan", "أركان"),
        ("Medina", "مدينة"),
        ("Oasis", "واحة"),
        ("Chergui", "شركي"),
        ("Souss", "سوس"),
        ("Rif", "ريف"),
        ("Draa", "درعة"),
        ("Bouregreg", "أبي رقراق"),
        ("Oudaya", "الأوداية"),
        ("Kasbah", "قصبة"),
        ("Menara", "منارة"),
        ("Agdal", "أكدال"),
        ("Nakhil", "نخيل"),
        ("Ifrane", "إفران"),
        ("Tafilalt", "تافيلالت"),
        ("Ziz", "زيز"),
        ("Sebou", "سبو"),
        ("Moulouya", "ملوية"),
        ("Toubkal", "توبقال"),
        ("Saiss", "سايس"),
        ("Tensift", "تانسيفت"),
        ("Bahia", "باهية"),
        ("Mogador", "موكادور"),
        ("Chellah", "شالة"),
        ("Volubilis", "وليلي"),
        ("Andalous", "أندلس"),
        ("Nour", "نور"),
        ("Zagora", "زاكورة"),
        ("Tamuda", "تمودة"),
        ("Lixus", "ليكسوس"),
        ("Amlou", "أملو"),
        ("Tizi", "تيزي"),
        ("Kenitra Bay", "خليج القنيطرة"),
        ("Oum Rabia", "أم الربيع"),
        ("Dadès", "دادس"),
        ("Massa", "ماسة"),
        ("Azrou", "أزرو"),
        ("Talassemtane", "تلاسمطان"),
    ],
    "FR": [
        ("Lumière", ""),
        ("Hexagone", ""),
        ("Sémaphore", ""),
        ("Azur", ""),
        ("Vauban", ""),
        ("Cobalt", ""),
        ("Mistral", ""),
        ("Garonne", ""),
        ("Loire", ""),
        ("Oréa", ""),
        ("Altaïr", ""),
        ("Calanque", ""),
        ("Ardoise", ""),
    ],
    "ES": [
        ("Iberia", ""),
        ("Tajo", ""),
        ("Alhambra", ""),
        ("Levante", ""),
        ("Ebro", ""),
        ("Duero", ""),
        ("Giralda", ""),
        ("Cantábrico", ""),
        ("Sierra", ""),
    ],
    "US": [
        ("Keystone", ""),
        ("Bluebonnet", ""),
        ("Cascade", ""),
        ("Liberty", ""),
        ("Summit", ""),
        ("Harbor", ""),
        ("Prairie", ""),
        ("Granite", ""),
    ],
    "SN": [("Teranga", ""), ("Gorée", ""), ("Casamance", "")],
    "CI": [("Lagune", ""), ("Ébrié", ""), ("Sassandra", ""), ("Bandama", "")],
    "ML": [("Djoliba", "")],
    "BF": [("Faso", "")],
    "GH": [("Volta", "")],
    "NG": [("Lekki", ""), ("Zuma", "")],
}
"""Invented name stems per country (ISO 3166 code), with the Arabic form for Morocco."""


@dataclass(frozen=True)
class Ecosystem:
    """A non-company organization that meets everyone (side ``both``)."""

    id: str
    name: str
    name_ar: str
    country: str
    kind: str
    offers: tuple[str, ...]
    seeks: tuple[str, ...]


ECOSYSTEM: tuple[Ecosystem, ...] = (
    Ecosystem(
        "casablanca-digital-cluster",
        "Casablanca Digital Cluster",
        "تجمع الدار البيضاء الرقمي",
        "MA",
        "association",
        ("skills-training", "smart-cities"),
        ("startup-financing", "cloud"),
    ),
    Ecosystem(
        "anfa-startup-station",
        "Anfa Startup Station",
        "محطة أنفا للمقاولات الناشئة",
        "MA",
        "other",
        ("startup-financing", "skills-training"),
        ("artificial-intelligence", "fintech"),
    ),
    Ecosystem(
        "casa-settat-digital-invest",
        "Casablanca-Settat Digital Investment Desk",
        "شباك الاستثمار الرقمي لجهة الدار البيضاء سطات",
        "MA",
        "agency",
        ("data-centres", "startup-financing"),
        ("cloud", "data-centres"),
    ),
    Ecosystem(
        "bouregreg-school-digital",
        "Bouregreg School of Digital Engineering",
        "مدرسة أبي رقراق للهندسة الرقمية",
        "MA",
        "academic",
        ("skills-training", "artificial-intelligence"),
        ("cybersecurity", "cloud"),
    ),
    Ecosystem(
        "maroc-fintech-network",
        "Maroc Fintech Network",
        "شبكة التكنولوجيا المالية بالمغرب",
        "MA",
        "association",
        ("fintech", "digital-identity"),
        ("startup-financing",),
    ),
    Ecosystem(
        "french-tech-maghreb-bridge",
        "French Tech Maghreb Bridge",
        "",
        "FR",
        "association",
        ("startup-financing", "skills-training"),
        ("artificial-intelligence", "fintech"),
    ),
    Ecosystem(
        "andalucia-maghreb-digital-chamber",
        "Andalucía-Maghreb Digital Chamber",
        "",
        "ES",
        "association",
        ("smart-cities", "energy-tech"),
        ("telecoms", "smart-cities"),
    ),
    Ecosystem(
        "dakar-digital-hub",
        "Dakar Digital Hub",
        "",
        "SN",
        "other",
        ("startup-financing", "fintech"),
        ("cloud", "skills-training"),
    ),
)

_MA_FIRST = [
    ("Youssef", "يوسف"),
    ("Mohamed", "محمد"),
    ("Karim", "كريم"),
    ("Hamza", "حمزة"),
    ("Mehdi", "مهدي"),
    ("Amine", "أمين"),
    ("Othmane", "عثمان"),
    ("Anas", "أنس"),
    ("Reda", "رضا"),
    ("Hassan", "حسن"),
    ("Adil", "عادل"),
    ("Nabil", "نبيل"),
    ("Tarik", "طارق"),
    ("Ilyas", "إلياس"),
    ("Zakaria", "زكرياء"),
    ("Fatima Zahra", "فاطمة الزهراء"),
    ("Khadija", "خديجة"),
    ("Salma", "سلمى"),
    ("Meryem", "مريم"),
    ("Ghita", "غيثة"),
    ("Kenza", "كنزة"),
    ("Imane", "إيمان"),
    ("Asmae", "أسماء"),
    ("Hajar", "هاجر"),
    ("Nisrine", "نسرين"),
    ("Loubna", "لبنى"),
    ("Sanaa", "سناء"),
    ("Houda", "هدى"),
    ("Yasmine", "ياسمين"),
    ("Zineb", "زينب"),
]
_MA_LAST = [
    ("Alami", "العلمي"),
    ("Bennani", "بناني"),
    ("Berrada", "برادة"),
    ("Tazi", "التازي"),
    ("Chraibi", "الشرايبي"),
    ("El Fassi", "الفاسي"),
    ("Benkirane", "بنكيران"),
    ("Lahlou", "لحلو"),
    ("Sefrioui", "الصفريوي"),
    ("Kettani", "الكتاني"),
    ("Ouazzani", "الوزاني"),
    ("Idrissi", "الإدريسي"),
    ("Hajji", "الحجي"),
    ("Benali", "بنعلي"),
    ("Zniber", "زنيبر"),
    ("Slaoui", "السلاوي"),
    ("Cherkaoui", "الشرقاوي"),
    ("Mansouri", "المنصوري"),
    ("Bouzidi", "بوزيدي"),
    ("El Ouafi", "الوافي"),
    ("Naciri", "الناصري"),
    ("Skalli", "السقلي"),
    ("Benjelloun", "بنجلون"),
    ("Filali", "الفيلالي"),
    ("Tahiri", "الطاهري"),
    ("Guessous", "كسوس"),
    ("Bekkali", "البقالي"),
    ("Rahmouni", "الرحموني"),
    ("Amrani", "العمراني"),
    ("Jebli", "الجبلي"),
]


def _latin(names: str) -> list[tuple[str, str]]:
    return [(name, "") for name in names.split(",")]


PEOPLE_NAMES: dict[str, tuple[list[tuple[str, str]], list[tuple[str, str]]]] = {
    "MA": (_MA_FIRST, _MA_LAST),
    "FR": (
        _latin(
            "Camille,Julien,Claire,Thomas,Sophie,Nicolas,Élodie,Antoine,Mathilde,Pierre,Inès,"
            "Hugo,Léa,Olivier,Chloé,Karim,Nadia"
        ),
        _latin(
            "Martin,Bernard,Dubois,Moreau,Laurent,Lefèvre,Garnier,Rousseau,Fournier,Girard,"
            "Lambert,Bonnet,Mercier,Faure,Blanc,Belkacem,Haddad"
        ),
    ),
    "ES": (
        _latin("Javier,Lucía,Carlos,María,Pablo,Elena,Álvaro,Carmen,Diego,Laura,Sergio,Marta"),
        _latin(
            "García,Martínez,Fernández,López,Sánchez,Romero,Navarro,Ruiz,Torres,Moreno,Gil,Ortega"
        ),
    ),
    "US": (
        _latin("Michael,Emily,Christopher,Jennifer,Andrew,Ashley,Brandon,Megan,Daniel,Rachel"),
        _latin("Johnson,Davis,Miller,Wilson,Thompson,Clark,Lewis,Walker,Carter,Brooks"),
    ),
    "SN": (
        _latin("Mamadou,Aïssatou,Cheikh,Fatou,Ousmane,Khady"),
        _latin("Diop,Ndiaye,Fall,Sarr,Sow,Gueye"),
    ),
    "CI": (
        _latin("Kouadio,Adjoua,Yao,Mariam,Koffi,Aya"),
        _latin("Konan,Kouassi,N'Guessan,Traoré,Bamba,Yapi"),
    ),
    "ML": (_latin("Boubacar,Awa,Seydou,Kadiatou"), _latin("Keïta,Coulibaly,Diarra,Touré")),
    "BF": (_latin("Issouf,Salimata,Arouna,Rasmata"), _latin("Ouédraogo,Sawadogo,Kaboré,Zongo")),
    "GH": (_latin("Kwame,Ama,Kofi,Abena"), _latin("Mensah,Owusu,Asante,Boateng")),
    "NG": (_latin("Chinedu,Ngozi,Tunde,Amaka"), _latin("Okeke,Adeyemi,Balogun,Eze")),
}
"""First and last names per country: (Latin, Arabic) pairs; Arabic only for Morocco."""

_FEMALE = (
    "Fatima Zahra,Khadija,Salma,Meryem,Ghita,Kenza,Imane,Asmae,Hajar,Nisrine,Loubna,Sanaa,Houda,"
    "Yasmine,Zineb,Claire,Sophie,Élodie,Mathilde,Inès,Léa,Chloé,Nadia,Lucía,María,Elena,"
    "Carmen,Laura,Marta,Emily,Jennifer,Ashley,Megan,Rachel,Aïssatou,Fatou,Khady,Adjoua,Mariam,"
    "Aya,Awa,Kadiatou,Salimata,Rasmata,Ama,Abena,Ngozi,Amaka"
)
_MALE = (
    "Youssef,Mohamed,Karim,Hamza,Mehdi,Amine,Othmane,Anas,Reda,Hassan,Adil,Nabil,Tarik,Ilyas,"
    "Zakaria,Julien,Thomas,Nicolas,Antoine,Pierre,Hugo,Olivier,Javier,Carlos,Pablo,Álvaro,"
    "Diego,Sergio,Michael,Christopher,Andrew,Brandon,Daniel,Mamadou,Cheikh,Ousmane,Kouadio,"
    "Yao,Koffi,Boubacar,Seydou,Issouf,Arouna,Kwame,Kofi,Chinedu,Tunde"
)
GENDERS: dict[str, str] = {
    **dict.fromkeys(_FEMALE.split(","), "female"),
    **dict.fromkeys(_MALE.split(","), "male"),
}
"""The gender of first names that clearly say it (titles in French and Arabic agree with
it); Camille, given to women and men in France, says none."""

ROLES: dict[str, list[str]] = {
    "company": [
        "Chief Executive Officer",
        "Chief Technology Officer",
        "Business Development Manager",
        "Head of Partnerships",
        "Sales Director",
        "Product Manager",
        "Export Manager",
    ],
    "association": ["President", "Executive Director", "Programme Manager"],
    "agency": ["Director", "Investment Officer", "Head of Digital Projects"],
    "academic": ["Dean", "Head of Industry Partnerships", "Professor"],
    "other": ["Managing Director", "Programme Manager", "Investment Analyst"],
}
"""Roles by organization kind; the first is the head's role (first member)."""

EVENT: dict[str, Any] = {
    "id": "casablanca-digital-days-b2b-2025",
    "kind": "brokerage",
    "title": {
        "en": "Casablanca Digital Days B2B 2025",
        "fr": "Casablanca Digital Days — rencontres B2B 2025",
        "ar": "أيام الدار البيضاء الرقمية — لقاءات الأعمال 2025",
    },
    "organizers": [
        {
            "en": "Casablanca Digital Days organizing committee (fictional)",
            "fr": "le Comité d'organisation des Casablanca Digital Days (fictif)",
            "ar": "اللجنة المنظمة لأيام الدار البيضاء الرقمية (خيالية)",
        }
    ],
    "languages": ["ar", "fr", "en"],
    "themes": list(THEME_TEXT),
    "goals": {
        "en": "Connect Moroccan digital companies with partners, clients and investors from "
        "Europe, the United States and West Africa in pre-arranged 20-minute meetings.",
        "fr": "Mettre en relation les entreprises numériques marocaines avec des partenaires, "
        "clients et investisseurs d'Europe, des États-Unis et d'Afrique de l'Ouest lors de "
        "rendez-vous de 20 minutes programmés à l'avance.",
        "ar": "ربط المقاولات الرقمية المغربية بشركاء وزبناء ومستثمرين من أوروبا والولايات "
        "المتحدة وغرب إفريقيا في لقاءات مبرمجة مسبقا مدة كل منها 20 دقيقة.",
    },
    "description": {
        "en": "A fictional one-day B2B matchmaking event: Moroccan exhibitors receive foreign "
        "visitors at tables in one hall; ecosystem organizations meet everyone.",
        "fr": "Une journée fictive de rendez-vous d'affaires B2B : les exposants marocains "
        "reçoivent les visiteurs étrangers aux tables d'un même hall ; les organisations de "
        "l'écosystème rencontrent tout le monde.",
        "ar": "يوم خيالي للقاءات الأعمال: يستقبل العارضون المغاربة الزوار الأجانب على طاولات في "
        "قاعة واحدة، وتلتقي مؤسسات المنظومة بالجميع.",
    },
}

VENUE: dict[str, Any] = {
    "id": "v-hall",
    "name": "Anfa Digital Expo Centre — Hall 2",
    "name_ar": "مركز أنفا للمعارض الرقمية — القاعة 2",
    "city": "Casablanca",
    "timezone": "Africa/Casablanca",
    "address": "Boulevard de la Corniche, 20180 Casablanca, Morocco",
    "lat": 33.5951,
    "lon": -7.6634,
    "fictional": True,
}

PROGRAMME: list[dict[str, Any]] = [
    {
        "id": "prog-opening",
        "kind": "briefing",
        "title": {
            "en": "Registration and opening",
            "fr": "Accueil et ouverture",
            "ar": "الاستقبال والافتتاح",
        },
        "start": "2025-10-16 08:15",
        "end": "2025-10-16 08:55",
        "venue": "v-hall",
    },
    {
        "id": "prog-lunch",
        "kind": "meal",
        "title": {"en": "Networking lunch", "fr": "Déjeuner networking", "ar": "غداء للتعارف"},
        "start": "2025-10-16 12:30",
        "end": "2025-10-16 13:50",
        "venue": "v-hall",
    },
]
