"""Heading phrases that may run into the text of a flattened posting, and the section each opens.

A phrase marked "*" is a heading only with a colon ("Experience: 3 years"): without one it is as
likely the first word of a sentence ("Experience with Kafka"). Matching ignores case, but the
phrase must start with a capital in the text; longer phrases win ("Preferred Qualifications").
"""

from __future__ import annotations

from matcher.ingest.headings import SectionKind

_TABLE: dict[SectionKind, str] = {
    "required": """
        requirements | key requirements | minimum requirements | basic requirements | job requirements
        minimum job requirements | essential requirements | technical requirements | general requirements
        qualifications | minimum qualifications | basic qualifications | required qualifications | your qualifications
        skills and qualifications | skills & qualifications | qualifications and skills | requirements and qualifications
        required skills | key skills | skills* | skills and experience | experience and skills | required experience
        experience* | education* | education and experience | what you'll need | what you will need | what you need
        what we're looking for | what we are looking for | what we look for | who you are | about you | your profile
        you have* | what you bring | what you'll bring | what you will bring | must have* | must-have* | must haves
        must-haves | the ideal candidate | ideal candidate | who we're looking for | what it takes
        requisitos | requisitos mínimos | requerimientos | perfil* | perfil requerido | perfil del candidato
        qué buscamos | que buscamos | experiencia* | conocimientos* | formación*
        anforderungen | ihr profil | dein profil | profil* | das bringst du mit | das bringen sie mit
        was du mitbringst | was sie mitbringen | qualifikationen | ihre qualifikationen | deine qualifikationen
        voraussetzungen | anforderungsprofil | was wir erwarten
        exigences | profil recherché | votre profil | ton profil | compétences requises | prérequis
        qualifications requises | ce que nous recherchons
        requisitos e qualificações | qualificações | pré-requisitos | o que procuramos | o que buscamos
    """,
    "preferred": """
        nice to have | nice-to-have | nice to haves | nice-to-haves | preferred qualifications | preferred* | preferred skills
        bonus* | bonus points | pluses | desired qualifications | desirable requirements | desirable* | desired skills
        good to have | extra credit | even better | it's a plus
        deseable* | deseables* | se valorará | valorable* | wünschenswert | von vorteil*
        atouts | un plus* | diferenciais | desejável* | será um diferencial
    """,
    "mixed": """
        responsibilities and qualifications | qualifications and responsibilities | requirements and responsibilities
    """,
    "other": """
        responsibilities | key responsibilities | job responsibilities | job responsibility | main responsibilities
        your responsibilities | duties* | what you'll do | what you will do | what you'll be doing | what you will be doing
        your role | the role | about the role | role summary | role overview | job description | job summary
        description* | overview* | about us | about the company | about the team | who we are | our mission
        benefits | perks | perks and benefits | benefits and perks | what we offer | we offer | what's in it for you
        compensation* | salary* | pay disclosure | total rewards | how to apply | hiring process | interview process
        application process | equal opportunity | equal employment opportunity | eeo statement | diversity and inclusion
        location* | tech stack | our tech stack | our stack | the stack | why join us | why work with us | what you'll get
        what you’ll get | what we can offer | what we can offer you | how we'll reward you | how we will reward you
        a note on diversity and inclusion | diversity & inclusion | our values | our culture | why you'll love working here
        note to applicants | additional information | where you will work | project description
        company description | remote policy | how we work | the perks | what you'll achieve | what you’ll achieve
        funciones | funciones principales | responsabilidades | beneficios | ofrecemos | te ofrecemos | qué ofrecemos
        sobre nosotros | quiénes somos | descripción* | condiciones* | cómo participar | información adicional
        deine aufgaben | ihre aufgaben | aufgaben* | wir bieten | was wir bieten | das bieten wir | das bieten wir dir
        deine vorteile | ihre vorteile | über uns | wer wir sind
        vos missions | missions* | vos responsabilités | responsabilités | nous offrons | ce que nous offrons
        avantages | à propos | a propos de l'entreprise | qui sommes-nous | description du poste | le poste*
        responsabilidades e atribuições | atribuições | atividades* | benefícios | oferecemos | sobre nós
        sobre a empresa | informações adicionais | descrição da vaga
    """,
}


def _table() -> dict[str, tuple[SectionKind, bool]]:
    found: dict[str, tuple[SectionKind, bool]] = {}
    for kind, block in _TABLE.items():
        for phrase in (p.strip() for line in block.splitlines() for p in line.split("|")):
            if phrase:
                found[phrase.rstrip("*").replace("’", "'")] = (kind, phrase.endswith("*"))
    return found


# "phrase in lower case" → (the section it opens, whether it needs a colon to be a heading)
RUN_IN_HEADINGS: dict[str, tuple[SectionKind, bool]] = _table()
