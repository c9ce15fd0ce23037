"""The audit trail: who changed which person, organization, request, booking or schedule."""
