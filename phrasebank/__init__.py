"""The phrase bank shipped with ``drafting`` (data only; installed as the package ``drafting.phrasebank``)."""
