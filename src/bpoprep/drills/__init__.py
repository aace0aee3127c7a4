"""Scoring for the employer tests (typing, ...): pure Python, no Django."""
