"""The matrix is computed once per module: one world, every call undone, all rolled back."""

from __future__ import annotations

import tempfile
from typing import Any

import pytest
from django.db import transaction
from django.test import override_settings

from tests.web.authz.compute import Matrix, compute


@pytest.fixture(scope="module")
def matrix(django_db_setup: None, django_db_blocker: Any) -> Matrix:
    """The whole matrix; tasks are only queued (never run) and files go to a temporary dir."""
    with (
        tempfile.TemporaryDirectory(prefix="liqa-authz-") as data_dir,
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            BASE_URL="http://testserver",
            DATA_DIR=data_dir,
            TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        ),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        result = compute()
        transaction.set_rollback(True)
    return result
