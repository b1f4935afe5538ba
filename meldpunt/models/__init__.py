"""The Meldpunt register: detention locations and topics, reports with their referrals, case history and access
log, import batches and the retention settings."""

from meldpunt.models.counts import MeldpuntCounts
from meldpunt.models.imports import ReportImport
from meldpunt.models.locations import DetentionLocation, LocationKind, Topic
from meldpunt.models.reports import (
    AccessKind,
    Channel,
    Outcome,
    Referral,
    Report,
    ReportAccess,
    ReportChange,
    Status,
    Urgency,
)
from meldpunt.models.retention import MeldpuntSettings

__all__ = [
    "AccessKind",
    "Channel",
    "DetentionLocation",
    "LocationKind",
    "MeldpuntCounts",
    "MeldpuntSettings",
    "Outcome",
    "Referral",
    "Report",
    "ReportAccess",
    "ReportChange",
    "ReportImport",
    "Status",
    "Topic",
    "Urgency",
]
