"""The draft being edited: open, save and recover a data file, edits that keep comments, rows for a UI."""
