"""Agendas: the participant's pages (next meeting, agenda by day), .ics and calendar feeds."""
