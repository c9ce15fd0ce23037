"""Accounts: roles per event, magic-link and password sign-in, calendar feed secrets."""
