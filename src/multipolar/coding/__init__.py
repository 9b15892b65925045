"""Reference data the components look up: gazetteer, knowledge base, coding tables, currency rates."""
