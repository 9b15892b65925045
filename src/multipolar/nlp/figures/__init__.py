"""The figures component: money, percentages and counts, and what each measures."""
