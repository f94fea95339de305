"""Exporters of the composed document: Word (Nghị định 30/2020), Markdown, text, PDF; batch rendering."""
