"""The data matcher ships (taxonomy, samples, fonts, style, icon): a package so that pip installs it
and `importlib.resources` finds it; see `matcher.paths`."""
