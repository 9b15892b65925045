"""What people read: terminal tables, the printable report and briefing, charts, mail."""
