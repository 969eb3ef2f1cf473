"""The menu, toolbar and keyboard actions of the main window, declared in one place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar, QToolButton, QWidget


@dataclass
class Actions:
    load_cv: QAction
    import_files: QAction
    import_folder: QAction
    paste: QAction
    export: QAction
    backup: QAction
    restore: QAction
    settings: QAction
    quit: QAction
    find: QAction
    star: QAction
    remove: QAction
    remove_source: QAction
    undo_remove: QAction
    score_help: QAction
    about: QAction


Shortcut = QKeySequence | QKeySequence.StandardKey | Qt.Key | str


def _action(parent: QWidget, text: str, slot: Callable[[], object], shortcut: Shortcut | None = None,
            tip: str = "", icon: QStyle.StandardPixmap | None = None) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon is not None:
        action.setIcon(parent.style().standardIcon(icon))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def build_actions(window: QMainWindow, table: QWidget, handlers: dict[str, Callable[[], object]]) -> Actions:
    """`handlers` maps each action's name (the fields of `Actions`) to what it does."""
    icons = QStyle.StandardPixmap
    actions = Actions(
        load_cv=_action(window, "Load CV…", handlers["load_cv"], "Ctrl+L", "Read your CV (PDF, Word or text) and rank",
                        icons.SP_FileDialogDetailedView),
        import_files=_action(window, "Import postings…", handlers["import_files"], QKeySequence.StandardKey.Open,
                             "Import job postings from files (text, HTML, CSV, JSON…)", icons.SP_DialogOpenButton),
        import_folder=_action(window, "Import folder…", handlers["import_folder"], "Ctrl+Shift+O",
                              "Import every posting file in a folder", icons.SP_DirOpenIcon),
        paste=_action(window, "Paste a posting…", handlers["paste"], "Ctrl+Shift+V",
                      "Import a posting copied from a web page"),
        export=_action(window, "Export…", handlers["export"], "Ctrl+E",
                       "Export the ranking with explanations (CSV, Markdown, PDF)", icons.SP_DialogSaveButton),
        backup=_action(window, "Back up all data…", handlers["backup"], tip="Postings, CVs, shortlist and notes in one file"),
        restore=_action(window, "Restore from backup…", handlers["restore"],
                        tip="Merge a backup into your data (nothing here is overwritten)"),
        # Not every platform has a Preferences key (X11 has none): Ctrl+, as most apps use there.
        settings=_action(window, "Settings…", handlers["settings"],
                         QKeySequence.StandardKey.Preferences if QKeySequence.keyBindings(
                             QKeySequence.StandardKey.Preferences) else "Ctrl+,",
                         "Score weights, data file, theme"),
        quit=_action(window, "Quit", handlers["quit"], QKeySequence.StandardKey.Quit),
        find=_action(window, "Find", handlers["find"], QKeySequence.StandardKey.Find, "Search the postings"),
        about=_action(window, "About matcher", handlers["about"], tip="Version, data file, credits"),
        score_help=_action(window, "How the score works", handlers["score_help"], QKeySequence.StandardKey.HelpContents,
                           "What the score, the bands and the checklist mean"),
        star=_action(table, "Star / unstar", handlers["star"], Qt.Key.Key_Space, "Add to or remove from the shortlist"),
        remove=_action(table, "Remove selected postings", handlers["remove"], QKeySequence.StandardKey.Delete,
                       "Remove the selected postings (Undo brings them back)"),
        remove_source=_action(window, "Remove the whole import…", handlers["remove_source"],
                              tip="Remove every posting imported from the selected posting's file"),
        undo_remove=_action(window, "Undo removal", handlers["undo_remove"], QKeySequence.StandardKey.Undo,
                            "Bring back the postings removed last"),
    )
    # Space and Delete act on the table only while it has focus: in a text field Space must still type
    # a space and Delete delete a character.
    for action in (actions.star, actions.remove):
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        table.addAction(action)
    actions.undo_remove.setEnabled(False)
    window.addAction(actions.find)

    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for action in (actions.load_cv, actions.import_files, actions.import_folder, actions.paste):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(actions.export)
    file_menu.addAction(actions.backup)
    file_menu.addAction(actions.restore)
    file_menu.addSeparator()
    file_menu.addAction(actions.settings)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    edit_menu = bar.addMenu("&Edit")
    edit_menu.addAction(actions.undo_remove)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addAction(actions.star)
    edit_menu.addAction(actions.remove)
    edit_menu.addAction(actions.remove_source)
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.score_help)
    help_menu.addAction(actions.about)

    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("main_toolbar")  # saveState needs a name
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.setMovable(False)
    for action in (actions.load_cv, actions.import_files, actions.paste, actions.export):
        toolbar.addAction(action)
    # Toolbar buttons show the icon text: the two ways in, said plainly for a newcomer.
    for action, text in ((actions.load_cv, "Load your CV"), (actions.import_files, "Import postings"),
                         (actions.paste, "Paste a posting"), (actions.export, "Export")):
        action.setIconText(text)
    load_button = toolbar.widgetForAction(actions.load_cv)
    if isinstance(load_button, QToolButton):
        load_button.setObjectName("primary")  # the style sheet makes it stand out
    window.addToolBar(toolbar)
    return actions
