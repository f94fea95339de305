"""Data files: validation into the typed report, the commented skeleton, carry-over, consolidation."""
