"""`multipolar eval`: scoring events, actors, figures and quotes against gold files."""
