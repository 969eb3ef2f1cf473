"""Section headings of a posting and what they open: requirements ("Requirements", "Ihr Profil"),
preferred ones ("Nice to have", "Deseable"), both duties and requirements ("Responsibilities and
qualifications": "mixed"), or anything else ("Benefits", "About us", "Funciones").

`heading_kind` reads a line that stands alone; `matcher.ingest.runin` finds the same headings run
into the text of a flattened description ("…raised a Series D. Requirements 7+ years of…").
English, Spanish, German, French and Portuguese.
"""

from __future__ import annotations

import re
from typing import Literal

SectionKind = Literal["required", "preferred", "mixed", "other"]

# Heading keywords, checked in this order: preferred before required ("Preferred qualifications"),
# other before required ("About the role" is not "About you").
PREFERRED_HEADINGS = re.compile(
    r"nice[\s-]to[\s-]haves?|bonus|preferred|pluses|\bplus\b|good to have|desir(?:able|ed)|extra credit|ideally|"
    r"stand out|even better|great if|advantage|optional|deseables?|se valorar[áa]|valorable|w[üu]nschenswert|"
    r"von vorteil|atouts?|un plus|souhait[ée]|diferencia(?:l|is)|desej[áa]ve(?:l|is)", re.I)
OTHER_HEADINGS = re.compile(
    r"responsibilit|what (?:you|you'll|you will) (?:do|be doing|work on|get)|your (?:role|mission|tasks|day)|"
    r"\bduties\b|about (?:the|this|our|us|[A-Z])|benefits|perks|we offer|we can offer|offer you|why (?:join|work)|"
    r"compensation|salary|how to apply|apply|interview|process|tech stack|our stack|the stack|the role|the team|"
    r"equal (?:employment )?opportunit|diversity|location|job description|overview|summary|mission|culture|values|"
    r"in (?:this|the) role|day to day|impact|rewards|pay disclosure|note to applicants|additional information|"
    r"funciones|responsabilidades|beneficios|ofrecemos|sobre nosotros|qui[ée]nes somos|condiciones|"
    r"c[óo]mo participar|informaci[óo]n adicional|descripci[óo]n|aufgaben|wir bieten|was wir bieten|"
    r"das bieten wir|vorteile|[üu]ber uns|wer wir sind|missions?\b|responsabilit[ée]s|nous offrons|avantages|"
    r"[àa] propos|qui sommes|le poste|atribui[çc][õo]es|atividades|benef[íi]cios|oferecemos|sobre n[óo]s|"
    r"sobre a empresa|informa[çc][õo]es adicionais|descri[çc][ãa]o|\bdescription\b", re.I)
REQUIRED_HEADINGS = re.compile(
    r"requirement|qualifications?|what we(?:'re| are)? look(?:ing)? for|who you are|about you|you have|"
    r"must[\s-]haves?|skills|your profile|^profile|what you(?:'ll| will)? bring|what you need|you should have|"
    r"ideal candidate|looking for|we need|experience|you are|expectations|competenc|knowledge|"
    r"to succeed|you(?:'ll| will) need|what it takes|who we want|essential|requisitos?|requerimientos|perfil|"
    r"qu[ée] buscamos|anforderung|profil|mitbringst|mitbringen|bringst du mit|bringen sie mit|qualifikation|"
    r"voraussetzungen|was wir erwarten|exigences|comp[ée]tences|pr[ée]requis|ce que nous recherchons|"
    r"qualifica[çc][õo]es|o que (?:procuramos|buscamos)", re.I)
HEADING_MAX_WORDS = 8
BARE_HEADING_MAX_WORDS = 6
# Words that make a bare line an item ("Experience with Kafka"), not a heading.
ITEM_WORDS = frozenset("with of in using on at is be an a con de en mit im von avec".split())
# What may precede the keyword in a bare heading: "Minimum qualifications", "What we offer", "Ihr Profil".
HEADING_LEAD = re.compile(
    r"(?:(?:your|the|our|key|minimum|basic|required|desired|preferred|additional|technical|professional|core|"
    r"essential|job|role|candidate|ideal|what|why|who|how|about|and|&|we|we're|you|you'll|this|skills|education|"
    r"general|other|main|important|ihr|dein|deine|ihre|das|was|tu|votre|ton|vos|le|la|les|el|los|las|nuestros|"
    r"tus|o|os|as|seu|sua|principales|principais)\s+)*", re.I)
YOU_HEADINGS = re.compile(r"about you|you have|who you are|you(?:'ll| will) need", re.I)
# A heading naming both duties and requirements: keep only what reads as a requirement under it.
MIXED = re.compile(r"(?:responsibilit\w*|duties|funciones|aufgaben)\s+(?:and|&|y|und)\s+(?:qualification|requirement|"
                   r"requisito|anforderung)|(?:qualifications?|requirements)\s+(?:and|&)\s+responsibilit", re.I)


def heading_kind(line: str) -> SectionKind | None:
    """The section a heading opens, or None when `line` does not read as a heading.

    A line marked as a heading (ends with ":", Markdown "#") is matched on any keyword. A bare
    line must look like one: short, no digits, no "with/of/in", and the keyword first (after
    words such as "Minimum", "Your", "What") — so "Requirements" and "Minimum qualifications"
    are headings, while "Strong SQL skills" or "At least two years of experience" are items.
    """
    text = _heading_text(line)
    if text is None:
        return None
    stripped = line.strip()
    # A question ("Why work with us?") is a heading the way a colon is.
    marked = stripped.rstrip("*_ ").endswith((":", "?")) or stripped.startswith("#") or ":" in stripped
    if not marked and not _bare_heading_shape(text):
        return None
    return kind_of_heading(text, marked)


def kind_of_heading(text: str, marked: bool = True) -> SectionKind | None:
    """The kind of a text known to stand where a heading stands ("Minimum Qualifications")."""
    if MIXED.search(text):
        return "mixed"
    for kind, pattern in (("preferred", PREFERRED_HEADINGS), ("other", OTHER_HEADINGS), ("required", REQUIRED_HEADINGS)):
        match = pattern.search(text)
        if match is None or (kind == "other" and YOU_HEADINGS.search(text)):
            continue
        if marked or HEADING_LEAD.fullmatch(text[: match.start()]):
            return kind  # type: ignore[return-value]
    return "other" if marked else None


def _bare_heading_shape(text: str) -> bool:
    words = text.split()
    return (len(words) <= BARE_HEADING_MAX_WORDS and not re.search(r"\d", text)
            and not any(w.lower() in ITEM_WORDS for w in words))


def _heading_text(line: str) -> str | None:
    text = line.strip()
    if text.startswith("- ") and not text.endswith(":"):
        return None
    text = re.sub(r"^[#*_\s-]+|[*_\s]+$", "", text)
    colon = text.endswith(":")
    text = text.rstrip(":").strip()
    if not text or len(text.split()) > HEADING_MAX_WORDS or re.search(r"[.!;,]$", text):
        return None
    # "Requirements: Python, SQL" is a heading with its items inline.
    if ":" in text and not colon:
        head = text.split(":", 1)[0]
        return head if len(head.split()) <= 4 else None
    return text
