"""``drafting import``: figures from a statistics spreadsheet into a data file.

- :mod:`.template` writes the workbook a unit fills (``import --template``);
- :mod:`.workbook` and :mod:`.csvfile` read an ``.xlsx`` or ``.csv`` into a :class:`.sheets.Book`;
- :mod:`.mapping` loads a map (``--map``) naming, for each figure, a sheet and its cells;
- :mod:`.locate` finds each figure's cells (by the template's layout or by a map);
- :mod:`.plan` reads the values, compares them with the data file and applies them
  through :class:`drafting.editing.draft.Draft`, the TUI's round-trip editing model;
- :mod:`.summary` words the report in Vietnamese.
"""
