"""Figures computed: rates, changes against the same period, targets met or missed."""
