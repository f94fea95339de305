"""Sample data files shipped with ``drafting`` (installed as the package ``drafting.examples``)."""
