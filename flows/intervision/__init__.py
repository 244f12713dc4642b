"""Intervision: groups, sessions in everyone's calendar, RSVP and reminders."""
