"""Reading documents: bytes, files, URLs and records -> `Article`s. No spaCy here."""
