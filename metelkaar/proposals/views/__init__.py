"""Pages of match proposals; all of them are the coordinator's (``coordinator``)."""
