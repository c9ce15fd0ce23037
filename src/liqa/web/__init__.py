"""liqa's web application: a Django project wrapping the pure-Python core.

Import direction (see ``docs/architecture.md``): ``liqa.core`` ← ``liqa.web``; inside each
app, leaf modules → ``models`` → ``records``/``services`` → ``views``.
"""

SETTINGS_MODULE = "liqa.web.settings"
"""Django settings module of the web app."""
