"""Structure a flattened description lost, found again in its words.

Scrapers deliver descriptions with their line breaks gone: "…raised a Series D. Requirements 7+
years of industry software engineering experience Mastery of JavaScript: …". Three things are
recovered here, the same way whether the breaks are there or not:
- headings run into the text ("Requirements 7+ years", "¡queremos conocerte!Requisitos: Estudios");
- items run together without punctuation ("…or subsystems Strong experience with Rails…");
- a heading's comma list running into the next paragraph ("Key requirements: Go, Kafka, Event-driven
  pipelines Vonage is a Holmdel Township, NJ-based…").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.ingest.headings import SectionKind
from matcher.ingest.headings_table import RUN_IN_HEADINGS
from matcher.years import YEARS_PHRASE

_PHRASES = sorted(RUN_IN_HEADINGS, key=len, reverse=True)
_HEADING = re.compile(
    r"(?<![\w'’-])(?P<phrase>" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in _PHRASES) + r")"
    # "Nice to Have (Bonus)": a short aside belongs to the heading.
    r"(?P<aside>\s*\([^()\n]{1,20}\))?(?P<colon>\s*:)?", re.I)
# What may follow a heading that has no colon: the first word of its content, or the end.
_CONTENT_START = re.compile(r"\s*(?:$|[A-ZÀ-Ý0-9¿¡\"“'(•*–-])")
_GLUED_CONTENT = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ]")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;)\]]\s*|\s-\s)$")
# "About Merchstack", "About Rainforest": a section on the company, whatever its name.
_ABOUT = re.compile(r"(?<![\w'’-])About(?:\s+[A-Z][\w&.'’-]*){1,3}?(?:\s*:|(?=\s+[A-Z]))")
GLUED_MIN_CHARS = 6  # "RequisitosEgresado" is a heading glued to its content; "ToGo" is not


@dataclass(frozen=True)
class Piece:
    """A run of text, or a heading found in it (`kind` set)."""

    text: str
    kind: SectionKind | None = None
    colon: bool = False


def run_in_pieces(line: str) -> list[Piece]:
    """`line` cut at the headings run into it: text, heading, text, …

    >>> [(p.kind, p.text) for p in run_in_pieces("We raised a Series D. Requirements 7+ years of Go")]
    [(None, 'We raised a Series D.'), ('required', 'Requirements'), (None, '7+ years of Go')]
    """
    found: list[tuple[int, int, Piece]] = []
    for match in _HEADING.finditer(line):
        if _is_heading(line, match):
            kind, _ = RUN_IN_HEADINGS[" ".join(match["phrase"].lower().split())]
            found.append((match.start(), match.end(), Piece(match["phrase"], kind, bool(match["colon"]))))
    for match in _ABOUT.finditer(line):  # "About Merchstack Merchstack partners with…"
        if _SENTENCE_BEFORE.search(line[:match.start()]):
            found.append((match.start(), match.end(), Piece(match.group(0).rstrip(" :"), "other", ":" in match.group(0))))
    pieces: list[Piece] = []
    start = 0
    for begin, end, heading in sorted(found, key=lambda f: f[0]):
        if begin < start:
            continue
        before = line[start:begin].strip()
        if before:
            pieces.append(Piece(before))
        pieces.append(heading)
        start = end
    rest = line[start:].strip()
    if rest:
        pieces.append(Piece(rest))
    return pieces


def _is_heading(line: str, match: re.Match[str]) -> bool:
    phrase = match["phrase"]
    if not phrase[0].isupper():
        return False  # "the requirements of the role" is prose
    _, colon_only = RUN_IN_HEADINGS[" ".join(phrase.lower().split())]
    after = line[match.end("aside") if match["aside"] else match.end("phrase"):]
    at_sentence_start = bool(_SENTENCE_BEFORE.search(line[:match.start()]))
    if match["colon"]:
        return at_sentence_start or " " in phrase.strip() or line[:match.start()].rstrip()[-1:].isalnum()
    if colon_only:
        return False
    if after[:1].isalpha():  # glued to its content: "RequisitosEgresado de la carrera"
        return at_sentence_start and len(phrase) >= GLUED_MIN_CHARS and bool(_GLUED_CONTENT.match(after))
    # Without a colon a heading is followed by the capital or digit its content starts with.
    return bool(_CONTENT_START.match(after))


# The first words of requirement items, chosen by scripts/item_openers.py from the Google postings'
# qualification lines (English), plus the forms other languages open items with, written by hand.
ITEM_OPENERS = frozenset((
    "Ability Able Adept Admitted Advanced Analytical Attention Authorization BA/BS BA/BS/LLB BS Bachelor's Background "
    "Be Broad CPA CPA/CA Capable Collaborative Comfort Comfortable Creative Currently Deep Demonstrable Demonstrate "
    "Demonstrated Detail Detail-oriented Direct Distinctive Effective Enrolled Established Excellent Exceptional "
    "Exceptionally Existing Experience Expertise Extensive Familiarity Flexibility Fluency Goal Good Graduating Hands "
    "Hands-on Have High Highly Industry Interest Interpersonal JD Knowledge Leadership M.S./M.A. MA/MS MS Master's "
    "Master’s Must Online Outstanding Partner/channel Passion Passionate People Performance-focused Portfolio "
    "Previous Proficiency Proficient Programming Project Proven Qualified Relevant Returning Self-motivated "
    "Significant Solid Strong Superb Team Technically Track Understanding Willingness Work Working "
    # Spanish, Portuguese, German (adjectives: capitalised only where an item starts), French
    "Experiencia Conocimiento Conocimientos Manejo Dominio Capacidad Habilidades Título Titulado Egresado Bachiller "
    "Licenciado Estudios Disponibilidad Deseable Experiência Conhecimento Conhecimentos Domínio Formação Graduação "
    "Vivência Desejável Abgeschlossenes Abgeschlossene Mehrjährige Fundierte Sehr Gute Ausgeprägte Sichere Sicherer "
    "Fließende Idealerweise Expérience Maîtrise Connaissance Connaissances Capacité Diplôme Bonne Excellente Aisance "
    # and, by hand, words that open items in other postings' lists (LinkedIn, the HTML boards)
    "You Enthusiasm Experienced Prior Basic Fluent Degree Mastery Practical Professional Excitement Happy Can An A"
).split())
# Capitalised words that a following opener continues ("User Experience", "Adobe Creative Suite"), seen
# in the same Google lines: after them "Experience" is part of a name, not a new item.
NAME_HEADS = frozenset("User Adobe Customer Developer Candidate Employee Product Guest Client Patient".split())
# After these, a capitalised word continues the sentence ("degree in Computer Science", "or Master's").
FUNCTION_WORDS = frozenset(
    "a an the and or of in on at to for with from by as such like than including via least minimum min. about into "
    "over under within across between per using plus y o de del en con para por e em com und oder mit von in et ou "
    "des du avec "
    # before a number: "minimum 3 years", "mínima 02 años", "mindestens 3 Jahre" are one phrase
    "minimum mínimo mínima mindestens moins más mais über".split())
MIN_ITEM_WORDS = 3  # a run-in item is at least this long on each side of a cut: "Go Strong" is no list
# "Expert knowledge of", "Functional understanding of": a capitalised word before these two opens an
# item, as the single-word openers above do ("…Proficient in SQL Expert knowledge of…"); an acronym
# there ends the item before ("…Play Scala or Akka HTTP Experience in designing…").
_KNOWING = frozenset("knowledge understanding experience expertise proficiency familiarity command grasp".split())
_KNOWING_OF = frozenset("of in with".split())
# Function words that open sentences (pronouns, determiners, subordinators, negation): capitalised
# straight after a lower-case word, one begins a new item ("…a React codebase Even though this
# position…", "…new features Not afraid of…"); a name is rarely one of them.
_SENTENCE_OPENERS = frozenset(
    "Even Not If We Our The This These Those You Your They Their It Its Although Though While When "
    "Whether Where Because Since Ideally Preferably".split())


def split_run_in_items(unit: str) -> list[str]:
    """Items run together without punctuation, cut where a new one visibly starts.

    >>> split_run_in_items("Ownership of complex systems Strong experience with Rails (preferred) Experience with AWS")
    ['Ownership of complex systems', 'Strong experience with Rails (preferred)', 'Experience with AWS']
    """
    words = unit.split(" ")
    cuts = [0]
    for i in range(1, len(words)):
        if i - cuts[-1] >= MIN_ITEM_WORDS and len(words) - i >= 2 and _opens_item(words[i - 1], words[i], words, i):
            cuts.append(i)
    cuts.append(len(words))
    return [" ".join(words[a:b]) for a, b in zip(cuts, cuts[1:])]


def _opens_item(previous: str, word: str, words: list[str], i: int) -> bool:
    continues = previous[-1:].isalnum() or previous.endswith(")")
    if not continues or previous.lower() in FUNCTION_WORDS:
        return False
    bare = word.lstrip("\"“'(")
    if (bare[:1].isupper() and not bare.isupper() and i + 2 < len(words) and words[i + 1].lower() in _KNOWING
            and words[i + 2].lower() in _KNOWING_OF and previous not in ITEM_OPENERS):
        return True
    if not (previous[:1].islower() or previous.endswith(")")):
        # After a capitalised word ("…in Scala Experience with Akka") only an opener cuts, and not
        # where the two make a name ("User Experience") or both open ("Demonstrated Project").
        return (bare in ITEM_OPENERS and len(bare) > 1 and previous not in ITEM_OPENERS
                and previous not in NAME_HEADS)
    if bare in ITEM_OPENERS or bare in _SENTENCE_OPENERS:
        return True
    return bare[:1].isdigit() and bool(YEARS_PHRASE.match(" ".join(words[i:i + 4])))
