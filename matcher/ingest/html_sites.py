"""Where the job boards and applicant-tracking systems people save pages from put a posting's
parts. Class names and ids as the sites write them; each tuple is tried in order, first match wins.

Checked on real saved pages: LinkedIn's public job page and its job-detail fragment, Indeed's
desktop job page of April 2023 (tests/ingest/data/pages/PROVENANCE.md). The others follow the markup the sites publish and the
open-source scrapers of those sites select on; no real saved page of theirs was at hand to test."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag

DESCRIPTION_BLOCKS: tuple[str, ...] = (
    ".show-more-less-html__markup",  # LinkedIn, public page and fragment
    ".jobs-description__content", "#job-details",  # LinkedIn, signed in
    "#jobDescriptionText",  # Indeed
    ".jobDescriptionContent", "[class*='JobDetails_jobDescription']",  # Glassdoor, old and new
    ".job__description",  # Greenhouse job-boards
    ".posting-page .section-wrapper.page-full-width",  # Lever
    "[class*='_descriptionText']",  # Ashby
    "[data-automation-id='jobPostingDescription']",  # Workday
    "[itemprop='description']", ".job-sections",  # SmartRecruiters and other schema.org microdata
)
TITLE_BLOCKS: tuple[str, ...] = (
    ".top-card-layout__title", ".topcard__title",  # LinkedIn
    "[data-testid='jobsearch-JobInfoHeader-title']", ".jobsearch-JobInfoHeader-title",  # Indeed
    ".app-title", ".job__title h1", ".posting-headline h2",  # Greenhouse, Lever
    "[data-automation-id='jobPostingHeader']", "[itemprop='title']",  # Workday, microdata
)
ORGANISATION_BLOCKS: tuple[str, ...] = (
    ".topcard__org-name-link",  # LinkedIn
    "[data-testid='inlineHeader-companyName']", "[data-company-name='true']",  # Indeed
    ".company-name", "[itemprop='hiringOrganization'] [itemprop='name']",  # Greenhouse, microdata
)
LOCATION_BLOCKS: tuple[str, ...] = (
    ".topcard__flavor--bullet",  # LinkedIn
    "[data-testid='inlineHeader-companyLocation']", "[data-testid='job-location']",  # Indeed
    # Indeed 2023: the header's text lines other than the company: location, then work setting.
    ".jobsearch-CompanyInfoContainer div:not(:has(div)):not([data-company-name])",
    ".job__location", "#header .location", ".posting-categories .location",  # Greenhouse, Lever
    "[data-automation-id='locations']", "[itemprop='jobLocation']",  # Workday, microdata
)
# Pay and employment type side by side: Indeed's "$95,000 - $120,000 a year - Full-time".
PAY_AND_TYPE_BLOCKS: tuple[str, ...] = ("#salaryInfoAndJobType",)
# A header line that states where the work is done rather than a place (Indeed writes it under
# the location); kept as the posting's remote policy.
WORK_SETTING = re.compile(r"^(?:(?:fully |temporarily |hybrid )?remote|hybrid(?: work)?|on-?site|in[- ]person)$", re.I)
# LinkedIn's "Seniority level / Employment type / Job function / Industries" list.
CRITERIA_ITEM = ".description__job-criteria-item"
# Around the posting, never part of it.
CHROME_TAGS = ("nav", "footer", "aside", "form", "header", "dialog", "template")
CHROME_CLASS = re.compile(
    r"cookie|consent|gdpr|sign-?in|sign-?up|log-?in|join-form|modal|toast|similar|also-viewed|people-also|"
    r"recommend|related-jobs|more-jobs|job-alert|skip-link|breadcrumb", re.I)
# og:site_name of a board names the board; the employer is elsewhere on the page.
BOARD_NAMES = frozenset({"linkedin", "indeed", "glassdoor", "greenhouse", "lever", "ashby", "workday",
                         "smartrecruiters", "indeed.com", "glassdoor.com"})
# LinkedIn titles its page "Google hiring Power Monitoring Engineer in Austin, Texas, United States | LinkedIn".
BOARD_TITLE = re.compile(r"^(?P<company>.+?) hiring (?P<title>.+?) in (?P<location>[^|]+?)\s*\|\s*LinkedIn\s*$")


@dataclass
class BoardTitle:
    title: str = ""
    company: str | None = None
    location: str | None = None


def board_title_parts(page_title: str) -> BoardTitle:
    match = BOARD_TITLE.match(page_title.strip())
    if match is None:
        return BoardTitle()
    return BoardTitle(match["title"].strip(), match["company"].strip(), match["location"].strip())


def first_match(soup: BeautifulSoup | Tag, selectors: tuple[str, ...]) -> Tag | None:
    for selector in selectors:
        found = soup.select_one(selector)
        if found is not None and found.get_text(strip=True):
            return found
    return None


def matching_lines(soup: BeautifulSoup | Tag, selectors: tuple[str, ...]) -> list[str]:
    """The text of every element the first matching selector finds, in page order: Indeed's
    header gives ["Austin, TX", "Remote"]."""
    for selector in selectors:
        lines = [line for tag in soup.select(selector) if (line := tag.get_text(" ", strip=True))]
        if lines:
            return lines
    return []
