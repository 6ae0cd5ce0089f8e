"""A deterministic generator of realistic resolution corpora.

``generate(directory, n, seed)`` writes ``n`` resolution files of 4-8 KB under
``directory/resolutions/<body>/<number>/<language>.yaml``, laid out like the
files of the corpus (``resolutions/wtdc/59/fr.yaml``): identity, title,
history, conference formula, preamble sections with lettered items (some
nested), operative sections with numbered clauses (some nested), actors,
deadlines, footnotes, sometimes an annex. Texts cite other resolutions of the
same corpus with the inline markup (``[la Résolution 12 (Rév. Genève, 2014)](pp:12@2014)``),
at a year that is one of the cited resolution's revisions (not after the
citing one's last revision: a text cites the revisions before it), and anchor
footnotes with ``[^1]``.

About one file in fifty carries a defect (see :data:`DEFECTS`): a YAML error,
a schema error, malformed markup, or a semantic slip that only a rule can see
(a skipped label, a citation of a resolution that is not in the corpus, a
footnote never anchored). The generator returns what it put where, so a
benchmark can say how many diagnostics to expect.

The same ``(n, seed)`` always gives byte-identical files: the output depends on
nothing but :class:`random.Random` seeded here.

Run it alone to look at a corpus::

    python bench/generate.py 100 /tmp/corpus        # writes /tmp/corpus/resolutions/...
"""

from __future__ import annotations

import os
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from itures.rules.cuts import LAST_WORDS  # (the words no text ends on)

LANGUAGES = ("en", "fr", "es", "ru", "ar", "zh")
BODIES = (("pp", 0.35), ("wtdc", 0.2), ("wtsa", 0.25), ("ra", 0.2))

# Defect kinds: how a file is spoiled, and which check should see it.
DEFECTS: dict[str, str] = {
    "int-label": "schema",  # label: 5 (an integer, not '5')
    "unknown-key": "schema",  # lable: a)
    "missing-title": "schema",
    "bad-target": "markup",  # [Resolution 12](PP 12)
    "unclosed-footnote": "markup",  # [^1 without ]
    "tab": "yaml-syntax",
    "duplicate-key": "yaml-syntax",
    "skipped-label": "rule",  # a), b), d): for the numbering rules
    "dangling-citation": "rule",  # cites a resolution not in the corpus
    "unused-footnote": "rule",  # a footnote no text anchors
    "doubled-word": "word-duplicate",  # "the the": what --fix mends
}


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


WORDS: dict[str, tuple[str, ...]] = {
    "en": _words(
        "the of and to in for developing countries telecommunication development sector "
        "standardization radiocommunication study groups cooperation coordination activities "
        "Member States Union bureau director Secretary-General council conference assistance "
        "information communication technologies ICT emergency climate change accessibility "
        "persons with disabilities broadband infrastructure regional offices capacity building "
        "implementation relevant resolutions recommendations particular attention mechanisms "
        "mutual interest programmes resources financial human continue report annually "
        "measures strengthening participation least developed small island landlocked "
        "economies transition security confidence use of"
    ),
    "fr": _words(
        "le la les de des du et à en pour pays en développement télécommunications secteur "
        "normalisation radiocommunications commissions d'études coopération coordination "
        "activités États Membres Union Bureau Directeur Secrétaire général Conseil conférence "
        "assistance technologies de l'information et de la communication TIC urgence "
        "changements climatiques accessibilité personnes handicapées large bande infrastructure "
        "bureaux régionaux renforcement des capacités mise en oeuvre résolutions pertinentes "
        "recommandations attention particulière mécanismes intérêt mutuel programmes "
        "ressources financières humaines continuer rapport chaque année mesures participation "
        "moins avancés petits États insulaires sans littoral économies en transition sécurité "
        "confiance utilisation"
    ),
    "es": _words(
        "el la los las de del y a en para países en desarrollo telecomunicaciones sector "
        "normalización radiocomunicaciones comisiones de estudio cooperación coordinación "
        "actividades Estados Miembros Unión Oficina Director Secretario General Consejo "
        "conferencia asistencia tecnologías de la información y la comunicación TIC emergencia "
        "cambio climático accesibilidad personas con discapacidad banda ancha infraestructura "
        "oficinas regionales creación de capacidades aplicación resoluciones pertinentes "
        "recomendaciones atención particular mecanismos interés mutuo programas recursos "
        "financieros humanos continuar informe anualmente medidas participación menos "
        "adelantados pequeños Estados insulares sin litoral economías en transición seguridad"
    ),
    "ru": _words(
        "и в на для с по развивающихся стран электросвязи сектора стандартизации "
        "радиосвязи исследовательских комиссий сотрудничества координации деятельности "
        "Государств-Членов Союза Бюро Директора Генерального секретаря Совета конференции "
        "помощи информационно-коммуникационных технологий ИКТ чрезвычайных ситуаций изменения "
        "климата доступности лиц с ограниченными возможностями широкополосной инфраструктуры "
        "региональных отделений создания потенциала выполнения соответствующих резолюций "
        "рекомендаций особое внимание механизмов взаимного интереса программ ресурсов "
        "финансовых людских продолжать ежегодно отчет меры участия наименее развитых"
    ),
    "ar": _words(
        "في من على إلى مع البلدان النامية الاتصالات قطاع التقييس الاتصالات الراديوية لجان "
        "الدراسات التعاون التنسيق الأنشطة الدول الأعضاء الاتحاد مكتب مدير الأمين العام المجلس "
        "المؤتمر المساعدة تكنولوجيا المعلومات والاتصالات الطوارئ تغير المناخ النفاذ الأشخاص "
        "ذوي الإعاقة النطاق العريض البنية التحتية المكاتب الإقليمية بناء القدرات تنفيذ القرارات "
        "ذات الصلة التوصيات اهتمام خاص الآليات المصلحة المشتركة البرامج الموارد المالية "
        "البشرية مواصلة تقرير سنوياً التدابير المشاركة"
    ),
    "zh": _words(
        "发展中国家 电信 发展部门 标准化 无线电通信 研究组 合作 协调 活动 成员国 国际电联 局 主任 "
        "秘书长 理事会 大会 援助 信息通信技术 应急 气候变化 无障碍 残疾人 宽带 基础设施 区域代表处 "
        "能力建设 实施 相关决议 建议书 特别关注 机制 共同关心 计划 资源 财务 人力 继续 报告 每年 "
        "措施 参与 最不发达国家 小岛屿 内陆 经济转型 安全 信心 使用"
    ),
}

PLACES = (
    ("Genève", "Geneva", "Ginebra", "Женева", "جنيف", "日内瓦"),
    ("Dubaï", "Dubai", "Dubái", "Дубай", "دبي", "迪拜"),
    (
        "Buenos Aires",
        "Buenos Aires",
        "Buenos Aires",
        "Буэнос-Айрес",
        "بوينس آيرس",
        "布宜诺斯艾利斯",
    ),
    ("Guadalajara", "Guadalajara", "Guadalajara", "Гвадалахара", "غوادالاخارا", "瓜达拉哈拉"),
    ("Hyderabad", "Hyderabad", "Hyderabad", "Хайдарабад", "حيدر آباد", "海得拉巴"),
    ("Busan", "Busan", "Busan", "Пусан", "بوسان", "釜山"),
    ("Antalya", "Antalya", "Antalya", "Анталья", "أنطاليا", "安塔利亚"),
    ("Kigali", "Kigali", "Kigali", "Кигали", "كيغالي", "基加利"),
    ("Kyoto", "Kyoto", "Kyoto", "Киото", "كيوتو", "京都"),
    ("Minneapolis", "Minneapolis", "Minneapolis", "Миннеаполис", "مينيابوليس", "明尼阿波利斯"),
    ("Marrakech", "Marrakesh", "Marrakech", "Марракеш", "مراكش", "马拉喀什"),
    ("Bucarest", "Bucharest", "Bucarest", "Бухарест", "بوخارست", "布加勒斯特"),
    ("La Valette", "Valletta", "La Valeta", "Валлетта", "فاليتا", "瓦莱塔"),
    ("Istanbul", "Istanbul", "Estambul", "Стамбул", "إسطنبول", "伊斯坦布尔"),
    ("Doha", "Doha", "Doha", "Доха", "الدوحة", "多哈"),
    ("Helsinki", "Helsinki", "Helsinki", "Хельсинки", "هلسنكي", "赫尔辛基"),
    ("Montréal", "Montreal", "Montreal", "Монреаль", "مونتريال", "蒙特利尔"),
    (
        "Florianópolis",
        "Florianópolis",
        "Florianópolis",
        "Флорианополис",
        "فلوريانوبوليس",
        "弗洛里亚诺波利斯",
    ),
    ("Johannesbourg", "Johannesburg", "Johannesburgo", "Йоханнесбург", "جوهانسبرغ", "约翰内斯堡"),
    ("Hammamet", "Hammamet", "Hammamet", "Хаммамет", "الحمامات", "哈马马特"),
    (
        "Charm el-Cheikh",
        "Sharm el-Sheikh",
        "Sharm el-Sheikh",
        "Шарм-эль-Шейх",
        "شرم الشيخ",
        "沙姆沙伊赫",
    ),
)
_PLACE = {names[1]: i for i, names in enumerate(PLACES)}
# Where and when each body met (itures.conferences holds the full calendar):
# histories are drawn from it, so that clean files pass the history rule and
# a citation's revision names its body's conference.
CALENDAR: dict[str, tuple[tuple[int, int], ...]] = {
    body: tuple((_PLACE[place], year) for place, year in meetings)
    for body, meetings in {
        "pp": (
            ("Kyoto", 1994),
            ("Minneapolis", 1998),
            ("Marrakesh", 2002),
            ("Antalya", 2006),
            ("Guadalajara", 2010),
            ("Busan", 2014),
            ("Dubai", 2018),
            ("Bucharest", 2022),
        ),
        "wtdc": (
            ("Buenos Aires", 1994),
            ("Valletta", 1998),
            ("Istanbul", 2002),
            ("Doha", 2006),
            ("Hyderabad", 2010),
            ("Dubai", 2014),
            ("Buenos Aires", 2017),
            ("Kigali", 2022),
        ),
        "wtsa": (
            ("Helsinki", 1993),
            ("Geneva", 1996),
            ("Montreal", 2000),
            ("Florianópolis", 2004),
            ("Johannesburg", 2008),
            ("Dubai", 2012),
            ("Hammamet", 2016),
            ("Geneva", 2022),
        ),
        "ra": (
            ("Geneva", 1995),
            ("Geneva", 1997),
            ("Istanbul", 2000),
            ("Geneva", 2003),
            ("Geneva", 2007),
            ("Geneva", 2012),
            ("Geneva", 2015),
            ("Sharm el-Sheikh", 2019),
        ),
    }.items()
}
_PLACE_COLUMN = {"fr": 0, "en": 1, "es": 2, "ru": 3, "ar": 4, "zh": 5}

PREAMBLE = {
    "en": (("recalling", "recalling"), ("considering", "considering"), ("noting", "noting")),
    "fr": (("recalling", "rappelant"), ("considering", "considérant"), ("noting", "notant")),
    "es": (("recalling", "recordando"), ("considering", "considerando"), ("noting", "observando")),
    "ru": (("recalling", "напоминая"), ("considering", "учитывая"), ("noting", "отмечая")),
    "ar": (
        ("recalling", "إذ يذكّر"),
        ("considering", "وإذ يضع في اعتباره"),
        ("noting", "وإذ يلاحظ"),
    ),
    "zh": (("recalling", "忆及"), ("considering", "考虑到"), ("noting", "注意到")),
}
OPERATIVE = {
    "en": (
        ("resolves", "resolves"),
        ("instructs", "instructs the Director"),
        ("invites", "invites Member States"),
    ),
    "fr": (
        ("resolves", "décide"),
        ("instructs", "charge le Directeur"),
        ("invites", "invite les États Membres"),
    ),
    "es": (
        ("resolves", "resuelve"),
        ("instructs", "encarga al Director"),
        ("invites", "invita a los Estados Miembros"),
    ),
    "ru": (
        ("resolves", "решает"),
        ("instructs", "поручает Директору"),
        ("invites", "предлагает Государствам-Членам"),
    ),
    "ar": (("resolves", "يقرر"), ("instructs", "يكلف المدير"), ("invites", "يدعو الدول الأعضاء")),
    "zh": (("resolves", "做出决议"), ("instructs", "责成主任"), ("invites", "请各成员国")),
}
# the part of a resolution before its words, where a citation names one
PART_OF = {
    "en": "resolves {clause} of ",
    "fr": "le décide {clause} de ",
    "es": "el resuelve {clause} de ",
}
RESOLUTION_WORD = {
    "en": "Resolution",
    "fr": "la Résolution",
    "es": "la Resolución",
    "ru": "Резолюцию",
    "ar": "القرار",
    "zh": "第号决议",
}
REV = {
    "en": "Rev.",
    "fr": "Rév.",
    "es": "Rev.",
    "ru": "Пересм.",
    "ar": "المراجَع في",
    "zh": "修订版",
}
ACTORS = (
    "secretary-general",
    "bdt-director",
    "tsb-director",
    "br-director",
    "council",
    "tdag",
    "tsag",
    "rag",
    "member-states",
    "sector-members",
    "regional-offices",
)
FOLD_WIDTH = 88
MIN_SIZE, MAX_SIZE = 4000, 8000
LETTERS = "abcdefghijklmnopqrstuvwxyz"
# the letters a language's lists are lettered with, when not LETTERS: Arabic
# texts letter theirs in abjad order
LETTERS_OF = {"ar": "أبجدهوزحطيكلمنسعفصقرشتثخذضظغ"}
ROMAN = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii")


@dataclass(frozen=True)
class Identity:
    body: str
    number: str
    history: tuple[tuple[str, int, int], ...]  # (event, place index, year)

    @property
    def years(self) -> tuple[int, ...]:
        return tuple(year for _, _, year in self.history)


@dataclass
class Generated:
    """What :func:`generate` wrote: the files and the defects planted in them."""

    root: str
    files: list[str] = field(default_factory=list)
    defects: dict[str, str] = field(default_factory=dict)  # path -> defect kind
    bytes: int = 0


def _identities(rng: random.Random, count: int) -> list[Identity]:
    out: list[Identity] = []
    numbers: dict[str, int] = {}
    for _ in range(count):
        body = rng.choices([b for b, _ in BODIES], [w for _, w in BODIES])[0]
        numbers[body] = numbers.get(body, 0) + 1
        number = str(numbers[body])
        if body == "ra" and rng.random() < 0.2:
            number += f"-{rng.randint(1, 3)}"
        calendar = CALENDAR[body]
        first = rng.randrange(len(calendar) - 1)
        place, year = calendar[first]
        history = [("adopted", place, year)]
        for place, year in calendar[first + 1 : first + 1 + rng.randint(0, 3)]:
            history.append(("revised", place, year))
        out.append(Identity(body, number, tuple(history)))
    return out


class _Writer:
    """Writes one file as the canonical layout does (two-space indent, >- folds)."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.size = 0  # bytes so far

    def _add(self, line: str) -> None:
        self.lines.append(line)
        self.size += len(line.encode("utf-8")) + 1

    def text(self, indent: int, key: str, value: str, first: bool = False) -> None:
        lead = " " * indent + ("- " if first else "") + key + ":"
        inner = " " * (indent + (2 if first else 0) + 2)
        if len(lead) + 1 + len(value) <= FOLD_WIDTH and _plain_ok(value):
            self._add(f"{lead} {value}")
            return
        self._add(f"{lead} >-")
        line = ""
        for word in value.split(" "):
            if line and len(inner) + len(line) + 1 + len(word) > FOLD_WIDTH:
                self._add(inner + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            self._add(inner + line)

    def key(self, indent: int, key: str, value: str, first: bool = False) -> None:
        """A key with a value written as it is (quoted labels, flow lists)."""
        self._add(" " * indent + ("- " if first else "") + f"{key}: {value}")

    def raw(self, line: str) -> None:
        self._add(line)

    def render(self) -> str:
        return "\n".join(self.lines) + "\n"


def _plain_ok(value: str) -> bool:
    """Whether the text can be written as a plain scalar after ``key: ``."""
    return (
        bool(value)
        and value[0] not in "[]{}!&*#|>'\"%@`,?:-"
        and ": " not in value
        and " #" not in value
        and not value.endswith(":")
        and value == value.strip()
    )


@dataclass(frozen=True)
class _Text:
    """One text of the plan: its length in words and what it carries."""

    words: int
    cite: tuple[Identity, int, int] | None  # cited resolution, history entry, resolves clause
    cite_first: bool
    footnote: int | None  # the footnote id it anchors


@dataclass
class _Entry:
    text: _Text
    children: list[_Text] = field(default_factory=list)


@dataclass
class Plan:
    """The structure the language versions of one resolution share.

    Sections, labels, nesting, footnotes, annex paragraphs and the citations
    of every text are drawn once per resolution, so that its versions agree
    as ``language-mismatch`` wants; each version fills the plan with words of
    its language. Only the planted defects make a version differ.
    """

    title: int
    conference: int
    preamble: list[tuple[int, list[_Entry]]]  # (section index, items)
    operative: list[tuple[int, str | None, list[tuple[_Entry, list[str], str | None]]]]
    footnotes: list[int]  # words of each footnote
    annex: list[_Text]
    target: int  # bytes the versions aim at

    @property
    def resolves(self) -> int:
        """The number of clauses of *resolves* (what ``#resolves/N`` may cite)."""
        return next((len(c) for s, _, c in self.operative if s == 0), 0)


def _plan(
    rng: random.Random, plans: dict[str, Plan], others: list[Identity], own: int = 9999
) -> Plan:
    """What a resolution's versions hold; ``own`` is the year of its last
    revision: a citation names a revision before it (the latest one before
    it, when the one drawn is later; none, when every one is)."""
    footnotes: list[int] = []

    def text(low: int, high: int) -> _Text:
        cite = None
        first = False
        if rng.random() < 0.35:
            other = rng.choice(others)
            entry = rng.randrange(len(other.history))
            clause = 0
            cited = plans.get(f"{other.body}:{other.number}")
            if cited is not None and cited.resolves and rng.random() < 0.1:
                clause = rng.randint(1, cited.resolves)
            while entry >= 0 and other.history[entry][2] > own:
                entry -= 1
            cite = (other, entry, clause) if entry >= 0 else None
            first = rng.random() < 0.5
        note = None
        if rng.random() < 0.06 and len(footnotes) < 3:
            footnotes.append(rng.randint(12, 30))
            note = len(footnotes)
        return _Text(rng.randint(low, high), cite, first, note)

    preamble = []
    for s in range(rng.randint(1, 3)):
        items = []
        for _ in range(rng.randint(2, 6)):
            entry = _Entry(text(12, 40))
            if rng.random() < 0.12:
                entry.children = [text(8, 25) for _ in range(rng.randint(2, 3))]
            items.append(entry)
        preamble.append((s, items))
    operative = []
    for s in range(rng.randint(1, 3)):
        actor = rng.choice(ACTORS) if s else None
        if s == 2:  # "invites Member States": the actors its heading names (actor-mismatch)
            actor = "member-states"
        clauses = []
        for _ in range(rng.randint(2, 7)):
            entry = _Entry(text(15, 50))
            picks = rng.sample(ACTORS, rng.randint(1, 2)) if rng.random() < 0.2 else []
            every = rng.choice(("year", "two-years", "session")) if rng.random() < 0.1 else None
            if rng.random() < 0.1:
                entry.children = [text(10, 25) for _ in range(rng.randint(2, 3))]
            clauses.append((entry, picks, every))
        operative.append((s, actor, clauses))
    annex = [text(15, 40) for _ in range(rng.randint(1, 6))] if rng.random() < 0.4 else []
    return Plan(
        rng.randint(6, 16),
        rng.randint(6, 10),
        preamble,
        operative,
        footnotes,
        annex,
        rng.randint(4200, 7400),
    )


class _FileMaker:
    """One language version of a plan, its texts scaled to the plan's size."""

    def __init__(self, rng: random.Random, ident: Identity, lang: str, plan: Plan) -> None:
        self.rng = rng
        self.ident = ident
        self.lang = lang
        self.plan = plan
        self.words = WORDS[lang]

    def sentence(self, words: int, scale: float) -> str:
        rng = self.rng
        sep = "" if self.lang == "zh" else " "
        out: list[str] = []
        for _ in range(max(2, round(words * scale))):
            word = rng.choice(self.words)
            while out and word == out[-1]:  # a word twice in a row is word-duplicate's defect
                word = rng.choice(self.words)
            out.append(word)
        # (a text that stops on "and" or "de" is text-cut's defect: its last word another)
        while out[-1] in LAST_WORDS.get(self.lang, ()) or (len(out) > 1 and out[-1] == out[-2]):
            out[-1] = rng.choice(self.words)
        return sep.join(out)

    def place(self, index: int) -> str:
        return PLACES[index][_PLACE_COLUMN[self.lang]]

    def year(self, year: int) -> str:
        """A conference's year as the language writes it after its place
        (Russian: "2014 г.")."""
        return f"{year} г." if self.lang == "ru" else str(year)

    def citation(self, cite: tuple[Identity, int, int]) -> str:
        other, entry, clause = cite
        event, place, year = other.history[entry]
        words = f"{RESOLUTION_WORD[self.lang]} {other.number}"
        if self.lang == "zh" and event == "revised":
            # (Chinese writes "revised" after the place and year: no blank
            # between two Chinese words)
            words += f" ({self.place(place)}, {year}, {REV[self.lang]})"
        elif event == "revised":
            words += f" ({REV[self.lang]} {self.place(place)}, {self.year(year)})"
        else:
            words += f" ({self.place(place)}, {self.year(year)})"
        target = f"{other.body}:{other.number}@{year}"
        if clause:
            target += f"#resolves/{clause}"
            # (the words name the part the target names, in the languages
            # whose words are read: "resolves 2 of Resolution 4 (...)")
            part = PART_OF.get(self.lang)
            if part is not None:
                words = part.format(clause=clause) + words
        return f"[{words}]({target})"

    def rich(self, t: _Text, scale: float, mark: str) -> str:
        """The words of a text, its citation and footnote marker, and its end mark."""
        parts = [self.sentence(t.words, scale)]
        if t.cite is not None:
            parts.insert(0 if t.cite_first else 1, self.citation(t.cite))
        if t.footnote is not None:
            parts[-1] += f"[^{t.footnote}]"
        return " ".join(parts) + mark

    def make(self, scale: float) -> str:
        """The file, with every text's length multiplied by ``scale``."""
        lang, ident, plan = self.lang, self.ident, self.plan
        w = _Writer()
        w.raw("# yaml-language-server: $schema=../../../schema/resolution.schema.json")
        w.raw(f"body: {ident.body}")
        w.raw(f"number: '{ident.number}'")
        w.raw(f"language: {lang}")
        title = self.sentence(plan.title, scale)
        # (a title starts with a capital: one that starts small is text-capital's defect)
        w.text(0, "title", title[:1].upper() + title[1:])
        w.raw("history:")
        for event, place, year in ident.history:
            w.raw(f"  - event: {event}")
            w.raw(f"    place: {self.place(place)}")
            w.raw(f"    year: {year}")
        last = ident.history[-1]
        words = self.sentence(plan.conference, scale)
        words = words[:1].upper() + words[1:]  # (a sentence: it starts with a capital)
        formula = f"{words} ({self.place(last[1])}, {self.year(last[2])}),"
        w.text(0, "conference", formula)
        # End marks by the ITU convention (see itures.rules.punctuation): ';'
        # inside a list, ',' at the end of a section, '.' at the very end, ':'
        # before a sub-list, whose last entry ends as its parent would.
        w.raw("preamble:")
        for s, items in plan.preamble:
            verb, heading = PREAMBLE[lang][s]
            w.raw(f"  - verb: {verb}")
            w.raw(f"    heading: {heading}")
            w.raw("    items:")
            for i, entry in enumerate(items):
                end = "," if i == len(items) - 1 else ";"
                w.key(6, "label", f"{LETTERS_OF.get(lang, LETTERS)[i]})", first=True)
                w.text(8, "text", self.rich(entry.text, scale, ":" if entry.children else end))
                if entry.children:
                    w.raw("        items:")
                    for j, child in enumerate(entry.children):
                        mark = end if j == len(entry.children) - 1 else ";"
                        w.key(10, "label", f"{ROMAN[j]})", first=True)
                        w.text(12, "text", self.rich(child, scale, mark))
        w.raw("operative:")
        for n, (s, actor, clauses) in enumerate(plan.operative):
            verb, heading = OPERATIVE[lang][s]
            final = "." if n == len(plan.operative) - 1 else ","
            w.raw(f"  - verb: {verb}")
            w.text(4, "heading", heading)
            if actor is not None:
                w.raw(f"    actors: [{actor}]")
            w.raw("    clauses:")
            for c, (entry, picks, every) in enumerate(clauses, 1):
                end = final if c == len(clauses) else ";"
                w.key(6, "label", f"'{c}'", first=True)
                w.text(8, "text", self.rich(entry.text, scale, ":" if entry.children else end))
                if picks:
                    w.raw(f"        actors: [{', '.join(picks)}]")
                if every is not None:
                    w.raw("        deadlines:")
                    w.raw(f"          - every: {every}")
                    w.raw("            report_to: council")
                if entry.children:
                    w.raw("        clauses:")
                    for k, child in enumerate(entry.children, 1):
                        mark = end if k == len(entry.children) else ";"
                        w.key(10, "label", f"'{c}.{k}'", first=True)
                        w.text(12, "text", self.rich(child, scale, mark))
        if plan.footnotes:
            w.raw("footnotes:")
            for f, words in enumerate(plan.footnotes, 1):
                w.raw(f"  - id: '{f}'")
                note = self.sentence(words, scale)
                # (a footnote is a sentence: its capital, as ITU's are written)
                w.text(4, "text", note[:1].upper() + note[1:] + ".")
        if plan.annex:
            w.raw("annexes:")
            w.raw("  - heading: ANNEX")
            w.raw("    items:")
            for t in plan.annex:
                w.text(6, "text", self.rich(t, scale, "."), first=True)
        return w.render()

    def sized(self) -> str:
        """The file at 4-8 KB, near the plan's size: texts are lengthened or
        shortened until it fits (words differ in length between languages)."""
        scale = 1.0
        for _ in range(12):
            text = self.make(scale)
            size = len(text.encode("utf-8"))
            if MIN_SIZE <= size <= MAX_SIZE and abs(size - self.plan.target) < 600:
                return text
            scale *= self.plan.target / size
        while True:  # pragma: no cover - the loop above converges in a few steps
            text = self.make(scale)
            if MIN_SIZE <= len(text.encode("utf-8")) <= MAX_SIZE:
                return text


def _prepend(line: str, words: str) -> str:
    """Put ``words`` at the start of the text whose ``text:`` key is on ``line``."""
    if line.endswith("text: >-"):  # folded: a line of its own, at the content's indent
        indent = len(line) - len("text: >-") + 2
        return f"{line}\n{' ' * indent}{words}"
    key, _, value = line.partition("text: ")  # plain: a plain scalar cannot start with [
    return f"{key}text: >-\n{' ' * (len(key) + 2)}{words} {value}"


def _spoil(text: str, kind: str, rng: random.Random) -> str:
    """Plant one defect of ``kind`` in a generated file."""
    lines = text.split("\n")
    if kind == "int-label":
        i = next(i for i, line in enumerate(lines) if line.strip().startswith("- label: '"))
        lines[i] = lines[i].replace("'", "")
    elif kind == "unknown-key":
        i = next(i for i, line in enumerate(lines) if line.strip().startswith("- label: "))
        lines[i] = lines[i].replace("label:", "lable:")
    elif kind == "missing-title":
        start = next(i for i, line in enumerate(lines) if line.startswith("title:"))
        end = start + 1
        while lines[end].startswith(" "):
            end += 1
        del lines[start:end]
    elif kind == "bad-target":
        i = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
        lines[i] = _prepend(lines[i], "[Resolution 12](PP12)")
    elif kind == "unclosed-footnote":
        i = max(i for i, line in enumerate(lines) if line.strip().endswith((";", ",", ".")))
        lines[i] = lines[i][:-1] + "[^1" + lines[i][-1]
    elif kind == "tab":
        i = rng.randrange(5, len(lines) - 2)
        lines[i] = lines[i].rstrip() + "\t"
    elif kind == "duplicate-key":
        i = next(i for i, line in enumerate(lines) if line.startswith("language:"))
        lines.insert(i + 1, lines[i])
    elif kind == "skipped-label":
        i = next(
            i for i, line in enumerate(lines) if line.strip() in ("- label: b)", "- label: ب)")
        )
        lines[i] = lines[i].replace("b)", "c)").replace("ب)", "ج)")
    elif kind == "dangling-citation":
        i = next(i for i, line in enumerate(lines) if line.strip().startswith("text:"))
        lines[i] = _prepend(lines[i], "[Resolution 9999](pp:9999@2014)")
    elif kind == "doubled-word":
        i = next(
            i
            for i, line in enumerate(lines)
            if i and lines[i - 1].endswith("text: >-") and line.split()[0].isalpha()
        )
        word = lines[i].split()[0]
        lines[i] = lines[i].replace(word, f"{word} {word}", 1)
    elif kind == "unused-footnote":
        entry = "  - id: '99'\n    text: A footnote no text anchors."
        if "footnotes:" in lines:
            lines.insert(lines.index("footnotes:") + 1, entry)
        else:
            lines.insert(len(lines) - 1, "footnotes:\n" + entry)
    else:  # pragma: no cover
        raise ValueError(kind)
    return "\n".join(lines)


def generate(
    directory: str | os.PathLike[str],
    n: int,
    seed: int = 6,
    *,
    defect_rate: float = 0.02,
) -> Generated:
    """Write ``n`` files under ``directory/resolutions/``; return what was written."""
    rng = random.Random(seed)
    languages_per_identity = 3
    identities = _identities(rng, max(1, -(-n // languages_per_identity)))
    plans: dict[str, Plan] = {}
    for ident in identities:
        plans[f"{ident.body}:{ident.number}"] = _plan(rng, plans, identities, ident.years[-1])
    root = os.path.join(os.fspath(directory), "resolutions")
    out = Generated(root)
    kinds = sorted(DEFECTS)
    count = 0
    for ident in identities:
        plan = plans[f"{ident.body}:{ident.number}"]
        langs = rng.sample(LANGUAGES, languages_per_identity)
        for lang in langs:
            if count == n:
                break
            count += 1
            text = _FileMaker(rng, ident, lang, plan).sized()
            path = os.path.join(root, ident.body, ident.number, f"{lang}.yaml")
            if rng.random() < defect_rate:
                kind = rng.choice(kinds)
                if kind == "skipped-label" and not ("- label: b)" in text or "- label: ب)" in text):
                    kind = "int-label"
                if kind == "doubled-word" and lang == "zh":  # (no blank between words)
                    kind = "int-label"
                text = _spoil(text, kind, rng)
                out.defects[path] = kind
            data = text.encode("utf-8")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
            out.files.append(path)
            out.bytes += len(data)
    return out


def main(argv: list[str]) -> int:
    if len(argv) not in (2, 3):
        print("usage: python bench/generate.py N DIRECTORY [SEED]", file=sys.stderr)
        return 2
    n, directory = int(argv[0]), argv[1]
    seed = int(argv[2]) if len(argv) == 3 else 6
    made = generate(directory, n, seed)
    sizes = sorted(os.path.getsize(f) for f in made.files)
    print(
        f"{len(made.files)} files under {made.root}, {made.bytes / 1e6:.1f} MB, "
        f"median {sizes[len(sizes) // 2] / 1000:.1f} KB, "
        f"{len(made.defects)} with a planted defect"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
