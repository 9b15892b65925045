"""The event coders (rules, then the learned coder): who did what to whom."""
