"""Writes of the activities app, one module per programme kind."""
