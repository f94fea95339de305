"""The Textual terminal UI of the report drafting assistant (``drafting-tui``).

The application only calls the library (:mod:`drafting`): a
:class:`drafting.editing.draft.Draft` holds the data file being edited; the editor of a
section is generated from the outline and the figure catalogue; the preview shows what
:func:`drafting.compose` writes.
"""
