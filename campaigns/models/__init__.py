"""Campaigns, projects, sign-up forms, the iLegalevrouw microsite and per-site appearance (quick exit)."""

from campaigns.models.appearance import PALETTE, SiteAppearance
from campaigns.models.campaigns import CampaignIndexPage, CampaignPage
from campaigns.models.microsite import HelpFinderPage, HelpLocation, MicrositeHomePage, MicrositePage
from campaigns.models.projects import ProjectIndexPage, ProjectPage
from campaigns.models.signups import SignupCounter, SignupFormField, SignupFormPage, SignupSubmission

__all__ = [
    "PALETTE",
    "CampaignIndexPage",
    "CampaignPage",
    "HelpFinderPage",
    "HelpLocation",
    "MicrositeHomePage",
    "MicrositePage",
    "ProjectIndexPage",
    "ProjectPage",
    "SignupCounter",
    "SignupFormField",
    "SignupFormPage",
    "SignupSubmission",
    "SiteAppearance",
]
