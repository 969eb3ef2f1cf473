"""What a unit of posting text says, read from its words: not a requirement at all (EEO text, pay,
how to apply, the company speaking of itself, funding news, the job's conditions), a requirement
that only prefers ("… is a plus", "Deseable …"), or a sentence that reads as a requirement when no
heading says so.

Decision on inline markers: a required item becomes preferred only when the marker qualifies the
whole item — it starts with "Preferred"/"Ideally"/"Bonus"/"Nice to have", or ends with "is a plus",
"(preferred)", "is desirable"… A "(preferred)" in the middle, as in "Ruby on Rails (preferred) or
comparable frameworks", picks among options and stays required.
"""

from __future__ import annotations

import re

# Units that are never requirements wherever they sit.
NOT_A_REQUIREMENT = re.compile(
    r"equal (?:employment )?opportunit|regardless of (?:race|age|gender)|without regard to|sexual orientation|"
    r"reasonable accommodation|accommodations? to (?:assist|apply)|disabilit(?:y|ies) who|protected (?:veteran|by law)|"
    r"applicants? (?:will|are) (?:be )?considered|qualified applicants|(?:how|ready|want|wish|interested) to apply|"
    r"apply (?:now|today|here|online|through|via)|"
    r"(?:deadline|closing date) to apply|application closing|submit (?:your|a) (?:cv|resume|application)|"
    r"\b(?:salary|pay) range|starting (?:base )?pay|base salary|compensation package|\b401\s?\(?k\)?|paid time off|"
    r"dental(?:,| and) vision|health insurance|stock options|we offer|we provide|benefits? (?:include|package|plans?)|"
    r"raised (?:a |an |\$|€|£)|series [a-f] (?:round|funding)|raised a series|backed by|funding round|"
    r"job id\b|req(?:uisition)? id\b|recruit(?:ing|ment) (?:scam|fraud)|"
    r"igualdad de oportunidades|chancengleichheit|égalité des chances|igualdade de oportunidades", re.I)
# What the job asks of the reader's circumstances, not of what they know or have done: travel,
# relocation, a start date, a visa or the right to work. A CV cannot show them, so judged as
# requirements they were "missing" for every reader ("Ability to travel up to 50% of the time": 59
# lines of the 843 Google postings); they stay in the posting's text the detail pane shows.
JOB_CONDITION = re.compile(
    r"\b(?:ability|able|willing(?:ness)?|availab(?:le|ility)|prepared|flexibility|open) (?:and \w+ )?to "
    r"(?:travel|relocate)\b|\btravel(?:ling|ing)? (?:up to |of )?\d+\s?%|\d+\s?% (?:of (?:the )?time )?travel|"
    r"\b(?:visa|immigration) sponsorship|\bsponsorship (?:is|will) not\b|\bauthori[sz](?:ed|ation) to work\b|"
    r"\bwork (?:authori[sz]ation|permit)\b|\beligible to work (?:in|for)\b|\bright to work in\b|"
    r"\b(?:able|available) to start (?:in|on|by|immediately)\b|\bstart date\b|"
    r"disponibilidad (?:para|de) viajar|reisebereitschaft|disponibilit[ée] (?:pour|à) (?:voyager|des déplacements)",
    re.I)
# The company speaking of itself: "We are…", "Our mission…", "Acme is a…". Kept when it still asks
# something of the reader ("We need people who…", "We expect you to…").
COMPANY_VOICE = re.compile(r"^(?:we|we're|we’re|our|us|nous|wir|nosotros|somos|nossa|nosso)\b", re.I)
ASKS_OF_READER = re.compile(r"\byou\b|\byour\b|candidate|people who|someone who|applicants? (?:must|should)", re.I)
COMPANY_FACTS = re.compile(r"\b(?:founded in|headquartered|is a leading|leading provider|offers a comprehensive|"
                           r"we strive)\b", re.I)
# Units that read as requirements when a posting has no requirement heading at all.
REQUIREMENT_LIKE = re.compile(
    r"experience (?:with|in|of|using|building)|knowledge of|proficien|familiar(?:ity)? with|understanding of|"
    r"degree in|bachelor|master'?s|\bphd\b|\bbs\b|\bba\b|\d\+? years|years of|ability to|able to|"
    r"skills? in|background in|expertise in|must have|fluent|certifi|track record|hands-on|"
    r"experiencia|conocimientos?|manejo de|dominio de|titulad|egresad|licenciad|estudios|"
    r"erfahrung|kenntnisse|studium|ausbildung|expérience|maîtrise|connaissance|diplôme|formation|"
    r"experiência|conhecimento|domínio|formação|graduação", re.I)
PREFERRED_START = re.compile(
    r"^(?:preferred|preferably|ideally|bonus|nice[\s-]to[\s-]have|plus\b|a plus|optional|deseable|idealmente|"
    r"se valorar[áa]|idealerweise|wünschenswert|idéalement|desejável|diferencial)", re.I)
PREFERRED_END = re.compile(
    r"(?:is|are|would be|will be)?\s*(?:an?|considered an?)?\s*(?:plus|bonus|advantage|advantageous)[.!]?$|"
    r"\(?(?:preferred|desirable|desired|nice to have|optional|deseable|wünschenswert|souhaité|desejável)\)?[.!]?$|"
    r"(?:is|are) (?:highly |strongly )?(?:desirable|valued)[.!]?$|ist von vorteil[.!]?$|"
    r"(?:est|serait) un (?:plus|atout)[.!]?$|(?:é|será) um diferencial[.!]?$", re.I)
# "… is a plus, but not mandatory", "Experience with Big data tools is preferred (Hadoop, Spark)":
# the item as a whole is said to be preferred, wherever the words sit.
PREFERRED_CLAUSE = re.compile(r"\b(?:is|are) (?:highly |strongly )?(?:preferred|desired|desirable|a plus|a bonus|"
                              r"an advantage|nice to have)\b", re.I)
# "(Postgres preferred)" at the end picks among options: the item itself is still required.
TRAILING_OPTION = re.compile(r"\((?P<inner>[^()]*\s[^()]*)\)[.!]?$")


def is_requirement_text(unit: str) -> bool:
    """False for units that are never requirements: EEO, pay, applying, the company about itself, the
    job's conditions (travel, a start date, the right to work)."""
    bare = unit.strip()
    if len(bare) < 2 or not any(ch.isalpha() for ch in bare) or bare.endswith(":"):
        return False  # "Here's what we are looking for:" leads into a list; it asks nothing
    if NOT_A_REQUIREMENT.search(bare) or COMPANY_FACTS.search(bare) or JOB_CONDITION.search(bare):
        return False
    return not (COMPANY_VOICE.search(bare) and not ASKS_OF_READER.search(bare))


def marked_preferred(text: str) -> bool:
    option = TRAILING_OPTION.search(text)
    tail = text[: option.start()].rstrip() if option else text
    return bool(PREFERRED_START.search(text) or PREFERRED_END.search(tail) or PREFERRED_CLAUSE.search(text))
