"""A year of invented hotline reports for the demo (`meldpunt/demo/1-reports.yaml`), the same on every run.

Invented descriptions without names or numbers that could point at a person; the dates run up to the day the demo
is loaded, so the queue, the reminders and retention always have something to show: follow-ups in every state,
referrals to (invented) law firms, a few urgent reports nobody touched for days, closed cases with an outcome.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Mapping

from django.utils import timezone

from meldpunt.models import Channel, DetentionLocation, Outcome, Referral, Report, ReportChange, Status, Topic, Urgency

DESCRIPTIONS: dict[str, list[str]] = {
    "medical": [
        "Al een week pijn in de borst, na drie verzoeken nog geen arts gezien.",
        "Medicatie voor diabetes niet gekregen sinds de overplaatsing.",
        "Vraagt om een tandarts; krijgt alleen pijnstillers.",
    ],
    "treatment": [
        "Voelt zich uitgescholden door een bewaarder tijdens de lucht.",
        "Bij het fouilleren hardhandig behandeld, wil weten hoe te klagen.",
    ],
    "isolation": [
        "Twee dagen in de isolatiecel na een ruzie op de afdeling, zonder uitleg.",
        "Na weigeren van een cel met een ander in afzondering geplaatst.",
    ],
    "deportation": [
        "Vlucht is aangekondigd voor volgende week, advocaat niet bereikbaar.",
        "Eerdere uitzettingspoging afgebroken; vraagt wat er nu gebeurt.",
    ],
    "legal_aid": [
        "Heeft sinds de inbewaringstelling niets van de advocaat gehoord.",
        "Wil een andere advocaat; weet niet hoe dat moet.",
    ],
    "family": [
        "Partner en kinderen mogen niet op bezoek komen omdat zij geen papieren hebben.",
        "Kan de kinderen niet bellen: beltegoed op en geen inkomen.",
    ],
    "food": [
        "Krijgt geen halal eten, alleen brood.",
        "Dieet na een operatie wordt niet gevolgd.",
    ],
    "other": [
        "Vraagt of er iemand langs kan komen om te praten.",
        "Spullen kwijtgeraakt bij de overplaatsing.",
    ],
}
LAW_FIRMS = ["Advocatenkantoor Vreemdelingenrecht Utrecht", "Advocatencollectief Rotterdam-Zuid", "Juridisch Loket"]
CHANNEL_WEIGHTS = {Channel.PHONE: 8, Channel.WHATSAPP: 3, Channel.EMAIL: 1, Channel.LETTER: 1, Channel.VISIT: 1}
STATUS_WEIGHTS = {
    Status.REGISTERED: 3,
    Status.REFERRED: 2,
    Status.COMPLAINT_FILED: 1,
    Status.ANSWERED: 2,
    Status.CLOSED: 6,
}
OUTCOME_WEIGHTS = {
    Outcome.RESOLVED: 3,
    Outcome.PARTLY_RESOLVED: 2,
    Outcome.NOT_RESOLVED: 2,
    Outcome.WITHDRAWN: 1,
    Outcome.UNKNOWN: 1,
}


def _pick(rng: random.Random, weights: Mapping) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def a_year_of_reports(locations: Mapping[str, int], per_week: int = 4) -> int:
    """About `per_week` reports a week for the last 365 days, spread over `locations` (name -> weight). Adds
    nothing when the register has reports already. Returns how many were made."""
    if Report.objects.exists():
        return 0
    rng = random.Random("meldpunt-demo")  # noqa: S311 - demo data, not security
    today = timezone.localdate()
    places = {DetentionLocation.objects.get(name=name): weight for name, weight in locations.items()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    made = 0
    for days_ago in range(365, -1, -1):
        day = today - datetime.timedelta(days=days_ago)
        for _ in range(rng.choices([0, 1, 2], weights=[7 - per_week, per_week, 1])[0]):
            made += 1
            _report(rng, day, today, _pick(rng, places), topics)
    return made


def _report(rng, day, today, location, topics) -> None:
    main = rng.choice(list(DESCRIPTIONS))
    age = (today - day).days
    status = _pick(rng, STATUS_WEIGHTS) if age > 14 else rng.choice([Status.REGISTERED, Status.REFERRED])
    report = Report(
        received_on=day,
        channel=_pick(rng, CHANNEL_WEIGHTS),
        location=location,
        description=rng.choice(DESCRIPTIONS[main]),
        urgency=Urgency.URGENT if rng.random() < 0.15 else Urgency.NORMAL,
        status=status,
    )
    if status == Status.CLOSED:
        report.closed_on = min(today, day + datetime.timedelta(days=rng.randint(3, 60)))
        report.outcome = _pick(rng, OUTCOME_WEIGHTS)
    elif status == Status.ANSWERED:
        report.outcome = rng.choice([Outcome.RESOLVED, Outcome.PARTLY_RESOLVED, ""])
    if status != Status.CLOSED:
        report.follow_up_on = today + datetime.timedelta(days=rng.randint(-3, 10))
        if rng.random() < 0.3:
            report.contact = "Terugbellen via de afdeling, op werkdagen na 14 uur."
    report.save()
    extra = [slug for slug in topics if slug != main and rng.random() < 0.12]
    report.topics.set([topics[main], *(topics[slug] for slug in extra)])
    if status in (Status.REFERRED, Status.COMPLAINT_FILED) or (status == Status.CLOSED and rng.random() < 0.4):
        Referral.objects.create(
            report=report, referred_on=day + datetime.timedelta(days=1), referred_to=rng.choice(LAW_FIRMS)
        )
    ReportChange.objects.create(report=report, summary="Geregistreerd (demo)")
    # The register as it would look after a year of work: created on the day received, last touched since.
    touched = min(today, day + datetime.timedelta(days=rng.randint(0, 5)))
    # Closing is a save: a closed report was last touched on its closing day or later (retention relies on it).
    touched = max(touched, report.closed_on or touched)
    moment = timezone.make_aware(datetime.datetime.combine(touched, datetime.time(11)))
    Report.objects.filter(pk=report.pk).update(created_at=moment, updated_at=moment)
