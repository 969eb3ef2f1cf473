"""A saved web page of one posting, when it carries no JSON-LD: the page is the posting."""

from __future__ import annotations

from datetime import datetime

from bs4 import BeautifulSoup

from matcher.domain import Posting
from matcher.ingest.fields import COMPANY_CLASS
from matcher.ingest.finish import finish_posting
from matcher.ingest.text_clean import html_to_text

PAGE_CHROME = ("nav", "footer", "aside", "form", "header")


def single_page(soup: BeautifulSoup, text: str, source: str, now: datetime) -> Posting | None:
    """The one posting of a saved page: title from <h1> (else og:title, else <title>), text
    from <main>/<article>/<body> without navigation, header chrome, footer and forms."""
    h1 = soup.find("h1")
    for chrome in soup.find_all(PAGE_CHROME):
        # Site navigation, footers and cookie forms are not the posting; a header holding
        # the title is.
        if h1 is None or all(parent is not chrome for parent in h1.parents):
            chrome.decompose()
    main = soup.find("main") or soup.find("article") or soup.body or soup
    description = html_to_text(main)
    if not description.strip():
        return None
    h1 = main.find("h1") or soup.find("h1")
    og_title = soup.find("meta", attrs={"property": "og:title"})
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    title = h1.get_text(" ", strip=True) if h1 else str(og_title.get("content", "")) if og_title else page_title
    site = soup.find("meta", attrs={"property": "og:site_name"})
    company_tag = main.find(class_=COMPANY_CLASS)
    canonical = soup.find("link", rel="canonical")
    posting = Posting(
        title=title,
        description=description,
        raw=text,
        source=source,
        company=(company_tag.get_text(" ", strip=True) if company_tag else None)
        or (str(site.get("content")) if site and site.get("content") else None),
        url=str(canonical.get("href")) if canonical and canonical.get("href") else None,
    )
    return finish_posting(posting)
