"""``liqa manage send_follow_up_reminders``: run daily (cron) to e-mail due follow-ups."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from liqa.web.agendas.followups import send_reminders
from liqa.web.events.models import Event


class Command(BaseCommand):
    help = "E-mail participants whose meeting outcomes are due (LIQA_FOLLOW_UP_MONTHS)."

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.now().date()
        total = sum(send_reminders(event, today) for event in Event.objects.all())
        self.stdout.write(f"{total} reminder(s) sent")
