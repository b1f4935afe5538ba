"""Newsletter lists and subscribers (`lists`), issues and their deliveries (`issues`), the subscribe page and
the "Steun LOS" page (`pages`), imports of the old subscriber list (`imports`)."""

from newsletter.models.imports import SubscriberImport
from newsletter.models.issues import Delivery, Issue
from newsletter.models.lists import MailingList, Subscriber
from newsletter.models.pages import NewsletterPage, SupportPage

__all__ = ["Delivery", "Issue", "MailingList", "NewsletterPage", "Subscriber", "SubscriberImport", "SupportPage"]
