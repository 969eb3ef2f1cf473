"""A saved web page of one posting (File ▸ Save Page As): the page's own fields and its main
description block, never the site's navigation, sign-in prompts, cookie banners or "similar jobs".

Job boards mark their blocks with stable class names; those are tried first (`html_sites`), then
the page's <main>/<article>/<body> with the chrome removed."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from bs4 import BeautifulSoup, Tag

from matcher.domain import Posting, Salary
from matcher.ingest.fields import (
    COMPANY_CLASS, REMOTE_WORDS, clean_title, employment_type, is_employment_type, location_line, parse_locations)
from matcher.ingest.finish import finish_posting
from matcher.ingest.html_sites import (
    BOARD_NAMES, CHROME_CLASS, CHROME_TAGS, CRITERIA_ITEM, DESCRIPTION_BLOCKS, LOCATION_BLOCKS, ORGANISATION_BLOCKS,
    PAY_AND_TYPE_BLOCKS, TITLE_BLOCKS, WORK_SETTING, board_title_parts, first_match, matching_lines)
from matcher.ingest.salary import parse_salary
from matcher.ingest.text_clean import html_to_text


@dataclass
class PageFields:
    """What a saved page states about its posting outside any JSON-LD."""

    url: str | None = None  # canonical URL: <link rel=canonical>, else og:url
    other_urls: list[str] = field(default_factory=list)  # og:url or the job link when they differ
    title: str = ""
    company: str | None = None
    location: str | None = None
    criteria: dict[str, str] = field(default_factory=dict)  # "employment type" → "Full-time"
    work_setting: str | None = None  # "Remote", "Hybrid remote": Indeed's line under the location
    employment: str | None = None  # the board's own type block: "Full-time"
    salary: Salary | None = None  # the board's own pay block: "$95,000 - $120,000 a year"

    @property
    def remote(self) -> bool:
        return bool(self.work_setting and REMOTE_WORDS.match(self.work_setting))


def page_fields(soup: BeautifulSoup) -> PageFields:
    """Read before the chrome is removed: the canonical link and og: tags sit in <head>."""
    canonical = _attr(soup.find("link", rel="canonical"), "href")
    og_url = _attr(soup.find("meta", attrs={"property": "og:url"}), "content")
    job_link = _attr(first_match(soup, ("a.topcard__link",)), "href")
    urls = list(dict.fromkeys(u for u in (canonical, og_url, job_link) if u and u.startswith("http")))
    og_title = _attr(soup.find("meta", attrs={"property": "og:title"}), "content") or ""
    board = board_title_parts(og_title or (soup.title.get_text(" ", strip=True) if soup.title else ""))
    title_tag = first_match(soup, TITLE_BLOCKS) or soup.find("h1")
    company_tag = first_match(soup, ORGANISATION_BLOCKS)
    location_lines = matching_lines(soup, LOCATION_BLOCKS)
    pay_and_type = matching_lines(soup, tuple(f"{block} span" for block in PAY_AND_TYPE_BLOCKS))
    pay_and_type = [line.strip(" -–·") for line in pay_and_type]
    criteria: dict[str, str] = {}
    for item in soup.select(CRITERIA_ITEM):
        label, value = item.find(["h3", "dt", "span"]), item.find(class_=lambda c: bool(c and "criteria-text" in c))
        if label is not None and value is not None:
            criteria[label.get_text(" ", strip=True).lower()] = value.get_text(" ", strip=True)
    return PageFields(
        url=urls[0] if urls else None,
        other_urls=urls[1:],
        title=clean_title(title_tag.get_text(" ", strip=True)) if title_tag else board.title,
        company=(company_tag.get_text(" ", strip=True) if company_tag else None) or board.company,
        location=(location_lines[0] if location_lines else None) or board.location,
        criteria=criteria,
        work_setting=next((line for line in location_lines[1:] if WORK_SETTING.match(line)), None),
        employment=next((employment_type(line) for line in pay_and_type if is_employment_type(line)), None),
        salary=next((s for s in map(parse_salary, pay_and_type) if s is not None), None),
    )


def fill_from_page(posting: Posting, fields: PageFields) -> None:
    """A page's JSON-LD often leaves out its own address: the canonical URL is the posting's."""
    urls = [u for u in (fields.url, *fields.other_urls) if u]
    if posting.url is None and urls:
        posting.url = urls[0]
    posting.links = tuple(dict.fromkeys(u for u in [*urls, *posting.links] if u != posting.url))
    posting.company = posting.company or fields.company
    if not posting.locations and fields.location:
        posting.locations = parse_locations(fields.location, split_commas=False)[0]
    posting.salary = posting.salary or fields.salary
    posting.employment_type = posting.employment_type or fields.employment
    posting.remote_policy = posting.remote_policy or fields.work_setting
    if posting.remote is None and fields.remote:
        posting.remote = True


def has_description_block(soup: BeautifulSoup) -> bool:
    """A job board's own description block: the page is one posting, not a listing."""
    return first_match(soup, DESCRIPTION_BLOCKS) is not None


def single_page(soup: BeautifulSoup, text: str, source: str, now: datetime, fields: PageFields) -> Posting | None:
    """The one posting of a saved page: the board's description block when it has one, else
    <main>/<article>/<body> without navigation, forms, modals, footers and similar-jobs lists."""
    block = first_match(soup, DESCRIPTION_BLOCKS)
    if block is None:
        block = _without_chrome(soup)
    description = html_to_text(block)
    if not description.strip():
        return None
    company = fields.company or _company_in(block) or _site_name(soup)
    locations, remote = parse_locations(fields.location, split_commas=False)
    posting = Posting(
        title=fields.title,
        description=description,
        raw=text,
        source=source,
        company=company,
        locations=locations,
        remote=True if remote or fields.remote else None,
        remote_policy=fields.work_setting,
        url=fields.url,
        links=tuple(fields.other_urls),
        salary=fields.salary,  # else finish_posting reads it from the description
        employment_type=employment_type(fields.criteria.get("employment type")) or fields.employment,
        tags=tuple(v for k, v in fields.criteria.items() if k in ("job function", "industries", "seniority level")
                   and v.lower() != "not applicable"),
    )
    return finish_posting(posting)


def _without_chrome(soup: BeautifulSoup) -> Tag:
    h1 = soup.find("h1")
    for chrome in soup.find_all(CHROME_TAGS) + soup.find_all(class_=CHROME_CLASS) + soup.find_all(id=CHROME_CLASS):
        # A header holding the title is the posting's own; the site's header is not.
        if not chrome.decomposed and (h1 is None or all(parent is not chrome for parent in h1.parents)):
            chrome.decompose()
    main = soup.find("main") or soup.find("article") or soup.body or soup
    return main if isinstance(main, Tag) else soup


def _company_in(block: Tag) -> str | None:
    tag = block.find(class_=COMPANY_CLASS)
    return tag.get_text(" ", strip=True) if isinstance(tag, Tag) else None


def _site_name(soup: BeautifulSoup) -> str | None:
    name = _attr(soup.find("meta", attrs={"property": "og:site_name"}), "content")
    # On a job board the site is the board, not the employer.
    return name if name and name.lower() not in BOARD_NAMES else None


def _attr(tag: object, name: str) -> str | None:
    value = tag.get(name) if isinstance(tag, Tag) else None
    return str(value).strip() if value else None
