"""Writes of the privacy app: consent withdrawal, export, erasure, retention, audit."""
