"""``python -m drafting``."""

from drafting.cli import run

run()
