"""Which state feeds which pane, and which pane request starts which action: every connection of the
main window in one place, so no pane needs to know another pane or a holder.

    holder (core.postings, .cvs, .ranking, .shortlist)  --signal-->  window --values-->  panes
    pane (table, detail, CV, gap, shortlist) --request signal-->  action (core.*_actions, ranker, tracking)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from matcher.domain import ShortlistEntry

if TYPE_CHECKING:
    from matcher.ui.main_window import MainWindow

MESSAGE_MS = 10000


def wire(window: MainWindow) -> None:
    core, tabs, detail = window.core, window.tabs, window.detail

    # holders -> panes
    core.postings.changed.connect(window.show_ranking)  # listed at once, scored when ranked
    core.postings.loadingChanged.connect(window.show_hint)
    core.ranking.changed.connect(window.show_ranking)
    core.ranking.changed.connect(lambda: _show_ranking_in_tabs(window))
    core.ranking.busyChanged.connect(window.show_hint)
    core.ranking.busyChanged.connect(lambda: _show_busy_gap(window))
    core.shortlist.changed.connect(lambda: _show_shortlist(window))
    core.cvs.changed.connect(lambda: _show_cvs(window))
    core.ranker.explained.connect(detail.show_explained)
    core.ranker.gapReady.connect(tabs.gap.set_gap)
    core.ranker.whatIfReady.connect(tabs.gap.set_what_if)
    core.runner.message.connect(lambda text: window.statusBar().showMessage(text, MESSAGE_MS))
    core.runner.failed.connect(window.show_error)
    core.posting_actions.importFinished.connect(window.show_import)
    core.posting_actions.removed.connect(window.show_removal)
    core.startup.welcomed.connect(window.notice.show_notice)

    # panes -> actions
    window.ranking.currentChanged.connect(lambda match, posting, _entry: window.show_detail(match, posting))
    window.ranking.starClicked.connect(core.tracking.toggle_star)
    detail.starToggled.connect(core.tracking.set_starred)
    tabs.currentChanged.connect(lambda _index: _tab_changed(window))
    tabs.cv.cvSelected.connect(core.cv_actions.choose)
    tabs.cv.skillsEdited.connect(core.cv_actions.edit_skills)
    tabs.cv.loadCvRequested.connect(window.ask_load_cv)
    tabs.cv.deleteRequested.connect(core.cv_actions.delete)
    tabs.gap.whatIfRequested.connect(core.ranker.what_if)
    shortlist, tracking = tabs.shortlist, core.tracking
    shortlist.statusChanged.connect(lambda posting_id, status: tracking.set_application(posting_id, status=status))
    shortlist.notesChanged.connect(lambda posting_id, notes: tracking.set_application(posting_id, notes=notes))
    shortlist.unstarRequested.connect(lambda posting_id: tracking.set_starred(posting_id, False))
    shortlist.exportRequested.connect(lambda fmt: window.ask_export(fmt, shortlist_only=True))
    shortlist.postingActivated.connect(window.show_posting)


def _tab_changed(window: MainWindow) -> None:
    """The detail pane follows the list in view: the shortlist's selection on its tab, else the table's."""
    shortlisted = window.tabs.shortlist.current_posting_id()
    if window.tabs.shortlist_shown() and shortlisted is not None:
        window.show_posting(shortlisted)
        return
    current = window.current_posting_id()
    if current is not None and current != window.detail.posting_id:
        window.show_detail(window.core.ranking.by_id().get(current), window.core.postings.postings.get(current))


def _show_ranking_in_tabs(window: MainWindow) -> None:
    core = window.core
    window.tabs.gap.set_ranking(core.ranking.matches)
    # The shortlist's scores; the table's stars have not changed (a reset of 10,000 rows costs 90 ms).
    window.tabs.shortlist.set_data(list(core.shortlist.entries.values()), core.postings.postings, core.ranking.by_id())


def _show_busy_gap(window: MainWindow) -> None:
    """While the first ranking runs, the skill gap says it is coming rather than "no ranking"."""
    core = window.core
    if not core.ranking.matches and (core.postings.loading or core.ranking.ranking_cv is not None):
        window.tabs.gap.set_ranking([], busy=True)


def _show_shortlist(window: MainWindow) -> None:
    core = window.core
    entries: dict[int, ShortlistEntry] = core.shortlist.entries
    window.ranking.set_entries(entries)
    if window.detail.posting_id is not None:
        window.detail.set_starred(window.detail.posting_id in entries)
    window.tabs.shortlist.set_data(list(entries.values()), core.postings.postings, core.ranking.by_id())
    window.tabs.show_shortlist_count(len(entries))


def _show_cvs(window: MainWindow) -> None:
    cvs = window.core.cvs
    window.tabs.cv.set_cvs(cvs.cvs, cvs.current.id if cvs.current else None)
    window.ranking.set_cv_language(cvs.current.language if cvs.current else None)
