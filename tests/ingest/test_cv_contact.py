"""Contact details out of the CV text (matcher.ingest.contact)."""

from __future__ import annotations

from matcher.ingest.contact import extract_contact


def test_header_line_with_address_phone_email_and_links() -> None:
    text = ("JOHN DOE\n123 Main St, Anywhere, USA — (123) 456-7890 — john.doe@email.com\n"
            "LinkedIn: linkedin.com/in/johndoe — GitHub: github.com/johndoe\nPROFESSIONAL SUMMARY\n"
            "Developer since 2015 - 2017 at ACME, Anywhere, USA.")
    contact, rest = extract_contact(text)
    assert contact == {"email": "john.doe@email.com", "phone": "(123) 456-7890", "address": "123 Main St, Anywhere, USA",
                       "links": "linkedin.com/in/johndoe, github.com/johndoe"}
    assert rest == "JOHN DOE\nPROFESSIONAL SUMMARY\nDeveloper since 2015 - 2017 at ACME, Anywhere, USA."


def test_two_line_street_address_and_icon_handles() -> None:
    text = "321 Gotham St\nGotham, USA\nHarvey Dent\n(123) 456-7891\nhdent@email.com\nLinkedIn: hdent\nSkills\nPython"
    contact, rest = extract_contact(text)
    assert contact["address"] == "321 Gotham St, Gotham, USA"
    assert contact["links"] == "LinkedIn: hdent"
    assert rest == "Harvey Dent\nSkills\nPython"


def test_city_beside_email_and_phone_in_any_language() -> None:
    contact, rest = extract_contact("Nguyễn Văn An\nan.nguyen@example.vn | 0912 345 678 | Hà Nội\nKỹ năng\nPython")
    assert contact == {"email": "an.nguyen@example.vn", "phone": "0912 345 678", "address": "Hà Nội"}
    assert "Hà Nội" not in rest and "0912" not in rest and rest.startswith("Nguyễn Văn An\n")


def test_dates_and_figures_are_not_phones() -> None:
    contact, rest = extract_contact("Skills\nSales 2015 - 2017 2018\nRevenue grew from 1,200,000 to 3,400,000.")
    assert "phone" not in contact
    assert "2015 - 2017" in rest


def test_places_outside_the_header_stay() -> None:
    text = "Jane Roe\njane@roe.dev\nExperience\nAnalyst, Acme\nMadrid, Spain\n"
    contact, rest = extract_contact(text)
    assert "address" not in contact
    assert "Madrid, Spain" in rest
