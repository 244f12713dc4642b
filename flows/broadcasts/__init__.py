"""Coordinator broadcasts: theme-session invitations with answers, and announcements."""
