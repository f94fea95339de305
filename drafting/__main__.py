"""``python -m drafting``."""

from .cli import run

run()
