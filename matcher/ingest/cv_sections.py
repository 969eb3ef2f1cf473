"""Headings → canonical CV sections, and the person's name from the lines above the first one.

A line is a heading when, without its punctuation and accents, it is one of the common headings
in English, Spanish, French, German, Portuguese or Vietnamese ("Work History", "Experiencia
laboral", "Kinh nghiệm làm việc"), or when it is a short ALL-CAPS or colon-ended line that holds
a heading keyword ("TECHNICAL SKILLS & TOOLS"). Title-case lines need an exact match: a skills list
may well hold a line such as "Customer Service Experience".
"""

from __future__ import annotations

import re
import unicodedata

from matcher.domain import CVSection

# Canonical section → headings as written, compared without accents, case or punctuation.
HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "career summary", "executive summary", "summary of qualifications",
        "profile", "professional profile", "personal profile", "career profile", "about me", "objective",
        "career objective", "career focus", "executive profile", "professional overview", "qualifications summary",
        "profile summary", "summary of skills", "personal statement", "professional objective", "career overview", "overview", "introduction",
        "perfil", "perfil profesional", "resumen", "resumen profesional", "sobre mi", "objetivo", "extracto",
        "profil", "profil professionnel", "a propos de moi", "objectif", "zusammenfassung",
        "uber mich", "kurzprofil", "berufsprofil", "resumo", "resumo profissional", "sobre", "objetivo profissional",
        "muc tieu nghe nghiep", "muc tieu", "gioi thieu", "gioi thieu ban than", "tom tat"),
    "skills": (
        "skills", "programming languages", "computer languages", "languages and tools", "languages and frameworks", "technical skills", "key skills", "core skills", "skills summary", "skill highlights", "highlights",
        "core competencies", "competencies", "core qualifications", "qualifications", "areas of expertise",
        "expertise", "technologies", "tech stack", "skills and abilities", "skills & abilities",
        "technical proficiencies", "computer skills", "it skills", 
        "habilidades", "competencias", "aptitudes", "conocimientos", "habilidades tecnicas", "competences",
        "competences techniques", "savoir faire", "kenntnisse", "fahigkeiten", "kompetenzen", "it kenntnisse",
        "fachkenntnisse", "competencias tecnicas", "conhecimentos", "competencias digitales", "competencias personales",
        "competences numeriques", "digitale kompetenzen", "competencias digitais", "ky nang", "ky nang chuyen mon"),
    "experience": (
        "experience", "work experience", "professional experience", "work history", "employment history",
        "employment", "career history", "relevant experience", "experience and employment", "professional background",
        "experiencia", "experiencia laboral", "experiencia profesional", "historial laboral",
        "experience professionnelle", "experiences professionnelles", "experiences", "parcours professionnel",
        "berufserfahrung", "berufliche erfahrung", "beruflicher werdegang", "werdegang", "experiencia profissional",
        "historico profissional", "kinh nghiem", "kinh nghiem lam viec", "qua trinh cong tac"),
    "education": (
        "education", "education and training", "academic background", "academic qualifications", "qualifications and education",
        "educational background", "studies", "formacion", "formacion academica", "educacion y formacion", "educacao e formacao",
        "schul und berufsbildung", "allgemeine und berufliche bildung", "educacion", "estudios",
        "formation", "education et formation", "parcours academique", "ausbildung", "bildung", "studium",
        "bildungsweg", "akademischer werdegang", "formacao", "formacao academica", "educacao", "escolaridade",
        "hoc van", "trinh do hoc van", "dao tao"),
    "projects": (
        "projects", "personal projects", "key projects", "selected projects", "academic projects", "side projects",
        "proyectos", "projets", "projekte", "projetos", "du an", "du an tieu bieu"),
    "certifications": (
        "certifications", "certificates", "certification", "licenses", "licenses and certifications",
        "licenses & certifications", "certifications and licenses", "professional certifications", "courses",
        "certificaciones", "certificados", "cursos", "certificats", "zertifikate", "zertifizierungen",
        "weiterbildung", "certificacoes", "chung chi", "chung nhan"),
    "languages": (
        "languages", "language skills", "idiomas", "competencias linguisticas", "competences linguistiques", "lenguas", "langues", "sprachen", "sprachkenntnisse",
        "linguas", "ngoai ngu", "ngon ngu"),
    "other": (
        "interests", "hobbies", "activities", "accomplishments", "achievements", "awards", "honors", "honours",
        "publications", "references", "volunteer", "volunteering", "volunteer experience", "affiliations",
        "professional affiliations", "memberships", "additional information", "personal information", "contact",
        "contact information", "personal details", "intereses", "aficiones", "logros",
        "premios", "referencias", "voluntariado", "datos personales", "informacion personal", "loisirs",
        "centres d interet", "interets", "informations personnelles", "interessen", "hobbys", "personliche daten",
        "auszeichnungen", "interesses", "premios e reconhecimentos", "dados pessoais", "so thich", "hoat dong",
        "thong tin ca nhan", "giai thuong", "thanh tich"),
}
_LOOKUP = {phrase: name for name, phrases in HEADINGS.items() for phrase in phrases}
# Keywords that make a short ALL-CAPS or colon-ended line a heading even when not listed above.
KEYWORDS = {"summary": "summary", "profile": "summary", "objective": "summary", "skills": "skills",
            "competencies": "skills", "experience": "experience", "employment": "experience",
            "education": "education", "projects": "projects", "certifications": "certifications",
            "certificates": "certifications", "languages": "languages", "awards": "other", "interests": "other"}
# Words that may precede a keyword in a title-case heading: "Relevant Work Experience" is a heading,
# "Customer Service Experience" (a line of a skills list) is not.
MODIFIERS = {"relevant", "work", "professional", "technical", "key", "core", "academic", "additional", "other",
             "selected", "personal", "career", "employment", "industry", "leadership", "volunteer", "teaching",
             "research", "recent", "previous", "international", "military", "notable", "related", "and", "my",
             "soft", "hard", "transferable", "main", "major", "and", "of", "summary"}
HEADING_MAX_WORDS = 6
HEADING_MAX_CHARS = 50
# The heading rest on the same line: "Skills: Python, SQL".
_INLINE = re.compile(r"^\s*([^\W\d][^:：]{1,40}?)\s*[:：]\s+(\S.*)$")
CREDENTIALS = re.compile(r"(?:,?\s+(?:MBA|CPA|Ph\.?D\.?|M\.?D\.?|MSc|BSc|M\.?S\.?|B\.?S\.?|B\.?A\.?|M\.?A\.?|P\.?E\.?|"
                         r"PMP|CFA|RN|JD|Esq\.?|CISSP|SHRM-CP|SPHR|PHR|CMA|CIA|LLM|MPH|CPP|CSM))+$")
# Words that make a short capitalised line a job title, not a person's name.
TITLE_WORDS = {"resume", "curriculum", "vitae", "cv", "developer", "engineer", "manager", "accountant", "designer",
               "analyst", "director", "consultant", "specialist", "assistant", "officer", "advocate", "attorney",
               "lawyer", "banker", "teacher", "nurse", "administrator", "coordinator", "representative", "executive",
               "architect", "scientist", "intern", "associate", "supervisor", "technician", "clerk", "agent",
               "sales", "finance", "hr", "president", "vice", "chief", "partner", "owner", "founder", "senior", "junior", "lead", "head", "professional", "summary", "page"}


def normalise_heading(line: str) -> str:
    """'Kinh nghiệm làm việc:' → 'kinh nghiem lam viec'."""
    text = unicodedata.normalize("NFKD", line.replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower().replace("&", " and ")
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text).split())


def heading_name(line: str) -> str | None:
    """Canonical section of `line` when it is a heading, else None."""
    if re.match(r"\s*[-–•*]\s", line):
        return None  # a bullet item: "- Summary" inside a job is a label, not the CV's Summary section
    stripped = line.strip().strip("-–•*#:").strip()
    if re.fullmatch(r"(?:\w ){3,}\w", stripped):
        stripped = stripped.replace(" ", "")  # letter-spaced "E X P E R I E N C E"
    if not stripped or len(stripped) > HEADING_MAX_CHARS or stripped.endswith((".", ",")):
        return None
    key = normalise_heading(stripped)
    if not key or len(key.split()) > HEADING_MAX_WORDS or any(ch.isdigit() for ch in key):
        return None
    if key in _LOOKUP:
        return _LOOKUP[key]
    letters = [ch for ch in stripped if ch.isalpha()]
    shouted = bool(letters) and all(ch.isupper() for ch in letters)
    words = key.split()
    if shouted or stripped.endswith((":", "：")):
        for word in words:
            if word in KEYWORDS:
                return KEYWORDS[word]
    if words[-1] in KEYWORDS and all(w in MODIFIERS for w in words[:-1]):
        return KEYWORDS[words[-1]]
    return None


def split_sections(text: str) -> tuple[str, list[CVSection]]:
    """(the lines above the first heading, the sections in order); empty sections are dropped."""
    preamble: list[str] = []
    sections: list[CVSection] = []
    body: list[str] = []
    for line in text.split("\n"):
        name = heading_name(line)
        inline = None if name else _INLINE.match(line)
        if inline and heading_name(inline.group(1)):
            name, line, rest = heading_name(inline.group(1)), inline.group(1), inline.group(2)
        else:
            rest = None
        if name is None:
            (body if sections else preamble).append(line)
            continue
        if sections:
            sections[-1].text = "\n".join(body).strip()
        sections.append(CVSection(name=name, heading=line.strip().rstrip(":："), text=""))
        body = [rest] if rest else []
    if sections:
        sections[-1].text = "\n".join(body).strip()
    return "\n".join(preamble).strip(), [s for s in sections if s.text]


def find_name(preamble: str) -> str | None:
    """The person's name: an early short line of two to four capitalised words, no digits or titles."""
    for line in preamble.split("\n")[:6]:
        line = re.split(r"\s+[|–—-]\s+", line.strip())[0]  # "Jane Doe – Data Scientist"
        line = CREDENTIALS.sub("", line)  # "Jane Doe, CPA"
        words = line.strip().split()
        if not 2 <= len(words) <= 4 or heading_name(line):
            continue
        if not all(re.fullmatch(r"[^\W\d_][\w.'’-]*", w) and (w[0].isupper() or w in ("de", "van", "von", "da"))
                   for w in words):
            continue
        if any(w.lower().strip(".") in TITLE_WORDS for w in words):
            continue
        return " ".join(w.capitalize() if w.isupper() and len(w) > 1 else w for w in words)
    return None
