"""Composition: validated report data and the phrase bank become the pure document model."""
