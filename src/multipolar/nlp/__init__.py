"""The spaCy pipeline and multipolar's components: an `Article`'s text -> a `Doc` with `doc._.mp_*`."""
