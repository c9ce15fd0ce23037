"""A task for ``tests/web/test_base_url_recorded.py`` to queue: a real ``liqa worker``
process imports it from here and runs it."""

from __future__ import annotations

from django.tasks import task

from liqa.web.accounts import services


@task()
def e_mail_sign_in_link(email: str) -> bool:
    """E-mail a sign-in link to ``email``, built as the web app builds it."""
    return services.send_sign_in_link(email)
