"""Roles per event and the hashed secrets of sign-in links and calendar feeds."""

from liqa.web.accounts.models.roles import Membership, Role
from liqa.web.accounts.models.secrets import CalendarFeed, SignInLink, SignInRequest

__all__ = ["CalendarFeed", "Membership", "Role", "SignInLink", "SignInRequest"]
