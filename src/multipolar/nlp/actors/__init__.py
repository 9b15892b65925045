"""The actor component: mentions in a `Doc` resolved to gazetteer codes, as of the doc's date."""
