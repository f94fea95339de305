"""Checks of a report: consistency of the figures, completeness against the outline, text lint."""
