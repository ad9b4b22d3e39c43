"""Pages about people, by audience: ``coordinator`` (a person) and ``participant`` (my page)."""
