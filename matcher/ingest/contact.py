"""Contact details (email, phone, address, links) out of a CV's text and into `CV.contact`.

They are taken out so that nothing personal is embedded, exported or shown as skill evidence
unless the user asks for it. Emails, phones and links are found anywhere; an address only in the
header lines (or after an "Address:" label), where CVs put it: elsewhere "Madrid, Spain" is just
where a job was.
"""

from __future__ import annotations

import re

from matcher.ingest.cv_sections import heading_name

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"(?:https?://|www\.)\S+|\b(?:[a-z0-9-]+\.)*(?:linkedin|github|gitlab|behance|dribbble|"
                 r"stackoverflow|medium|twitter|x|xing|kaggle|bitbucket)\.com/\S*|\b[\w-]+\.(?:dev|io|me|site)\b(?:/\S*)?",
                 re.IGNORECASE)
# "LinkedIn: hdent" — a handle after a label (icon fonts leave the label, see pdf_clean).
HANDLE = re.compile(r"(?i)\b(linkedin|github|gitlab|twitter|skype|telegram)[ \t]*[:：][ \t]*([\w.-]+)(?=\s|$)")
PHONE = re.compile(r"(?<![\w/.])(?:\+|00)?\(?\d[\d ().-]{6,18}\d(?![\w/])")
MIN_PHONE_DIGITS, MAX_PHONE_DIGITS = 9, 15
YEARS_ONLY = re.compile(r"^(?:(?:19|20)\d\d\D*)+$")  # "2015 - 2017 2018": dates, not a phone
STREET = re.compile(r"\b\d{1,5}[a-z]?\s+(?:[A-Z][\w.'-]*\s+){1,4}(?:St|Street|Ave|Avenue|Road|Rd|Blvd|Boulevard|"
                    r"Lane|Ln|Drive|Dr|Way|Court|Ct|Place|Pl|Square|Sq)\b\.?|\b(?:Calle|C/|Avenida|Av\.|Rua|Rue|"
                    r"Via|ul\.|Straße|Strasse|Đường|Phố)\s+\S+", re.UNICODE)
ADDRESS_LABEL = re.compile(r"^\s*(?:address|dirección|direccion|adresse|anschrift|endereço|địa chỉ|location|"
                           r"ubicación|wohnort)\s*[:：]\s*(?P<value>.+)$", re.IGNORECASE)
LABELS = re.compile(r"(?i)\b(?:e-?mail|phone|tel(?:ephone)?|mobile|cell|m[oó]vil|t[eé]l[eé]fono|telefon|"
                    r"điện thoại|sđt|linkedin|github|website|web|portfolio|correo|address)\s*[:：]\s*(?=[|•·—,;]|$)")
# Between contact pieces; not "–", which is the dash of "2019 – 2023".
SEPARATORS = re.compile(r"\s*(?:\||•|·|—|;|,\s*(?=\S+@))\s*")
# A header piece that names a place: "Madrid, España", "Gotham, USA", "Hà Nội". Short, no digits.
PLACE = re.compile(r"^[^\W\d][\w .'’-]{1,30}(?:,\s*[^\W\d][\w .'’-]{1,30}){1,3}$")
BARE_LABEL = re.compile(r"(?i)\W*(?:e-?mail|phone|tel|mobile|linkedin|github|gitlab|website|portfolio|web)\W*")
CITY = re.compile(r"^[^\W\d][\w.'’-]*(?: [^\W\d][\w.'’-]*){0,3}$")
HEADER_LINES = 10


def _phones(text: str) -> list[str]:
    found = []
    for m in PHONE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS and not YEARS_ONLY.match(m.group()):
            found.append(m.group().strip())
    return found


def _header(lines: list[str]) -> list[str]:
    """The lines above the first section heading, where a CV puts its contact block."""
    for i, line in enumerate(lines[:HEADER_LINES]):
        if heading_name(line):
            return lines[:i]
    return lines[:HEADER_LINES]


def _header_address(lines: list[str]) -> tuple[str | None, set[int]]:
    """Address from the header lines, and the indices of the lines it came from."""
    header = _header(lines)
    for i, line in enumerate(header):
        labelled = ADDRESS_LABEL.match(line)
        if labelled:
            return labelled.group("value").strip(), {i}
        for piece in SEPARATORS.split(line):
            if STREET.search(piece):
                # "321 Gotham St" is often followed by its "Gotham, USA" line.
                following = header[i + 1].strip() if i + 1 < len(header) else ""
                if piece.strip() == line.strip() and PLACE.match(following):
                    return f"{piece.strip()}, {following}", {i, i + 1}
                return piece.strip(), {i}
    for i, line in enumerate(header):
        pieces = [p.strip() for p in SEPARATORS.split(line)]
        contacts = sum(bool(EMAIL.search(p) or _phones(p) or URL.search(p)) for p in pieces)
        for piece in pieces:
            # "Gotham, USA" under the name; or "Hà Nội" beside an email and a phone.
            if PLACE.match(piece) and (contacts or i > 0) or contacts >= 2 and CITY.match(piece):
                return piece, {i}
    return None, set()


def extract_contact(text: str) -> tuple[dict[str, str], str]:
    """(contact details found, `text` without them). Keys: email, phone, address, links."""
    contact: dict[str, str] = {}
    emails = EMAIL.findall(text)
    links = [u.rstrip(".,;)") for u in URL.findall(EMAIL.sub(" ", text))]
    links += [f"{m.group(1)}: {m.group(2)}" for m in HANDLE.finditer(URL.sub(" ", text))]
    phones = _phones(text)
    lines = text.split("\n")
    address, address_lines = _header_address(lines)
    if emails:
        contact["email"] = emails[0]
    if phones:
        contact["phone"] = phones[0]
    if address:
        contact["address"] = address
    if links:
        contact["links"] = ", ".join(dict.fromkeys(links))
    kept: list[str] = []
    for i, line in enumerate(lines):
        if i in address_lines:
            if len(address_lines) > 1:
                continue  # a two-line street address: both lines are the address
            line = line.replace(address or "", " ")
        original = line
        line = HANDLE.sub(" ", URL.sub(" ", EMAIL.sub(" ", line)))
        for phone in phones:
            line = line.replace(phone, " ")
        if line != original or i in address_lines:
            # What is left of a contact line: labels ("Email:") and separators with nothing to label.
            pieces = (LABELS.sub(" ", piece).strip() for piece in SEPARATORS.split(line))
            line = " | ".join(p for p in pieces if re.search(r"\w", p) and not BARE_LABEL.fullmatch(p))
            if not line:
                continue
        kept.append(line.rstrip())
    return contact, "\n".join(kept)
