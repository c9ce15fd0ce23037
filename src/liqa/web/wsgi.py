"""WSGI entry point (``liqa serve`` uses Django's own server; production uses this)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")
application = get_wsgi_application()
