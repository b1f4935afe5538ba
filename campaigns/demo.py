"""Demo content for campaigns, projects and the iLegalevrouw microsite."""

from __future__ import annotations

from wagtail.models import Page, Site

from campaigns.models import MicrositeHomePage
from home.demo_support import MICROSITE_HOSTNAME, DemoContext
from home.models import OrganisationSettings


def ensure_microsite(context: DemoContext) -> MicrositeHomePage:
    """The second Wagtail Site, for iLegalevrouw, served on its own hostname."""
    site = Site.objects.filter(hostname=MICROSITE_HOSTNAME).first()
    if site is not None:
        return site.root_page.specific
    home = MicrositeHomePage.objects.first()
    if home is None:
        home = MicrositeHomePage(
            title="iLegalevrouw",
            slug="ilegalevrouw",
            intro=(
                "Informatie en steun voor vrouwen zonder verblijfsvergunning, en voor de organisaties die hen "
                "helpen. Veilig te bezoeken."
            ),
        )
        Page.get_first_root_node().add_child(instance=home)
        home.save_revision().publish()
        context.created += 1
    site = Site.objects.create(hostname=MICROSITE_HOSTNAME, port=80, root_page=home, site_name="iLegalevrouw")
    org = OrganisationSettings.for_site(site)
    org.name = "iLegalevrouw"
    org.tagline = "Voor vrouwen zonder verblijfsvergunning"
    org.footer_text = "iLegalevrouw is een project van Stichting LOS."
    org.email = "info@ilegalevrouw.nl"
    org.save()
    return home


def seed(context: DemoContext) -> None:
    ensure_microsite(context)
