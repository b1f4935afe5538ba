"""manage.py strip_image_locations: remove GPS/XMP location data from stored original images (and their
renditions). New uploads are cleaned on upload; run this once for images uploaded before."""

from django.core.management.base import BaseCommand
from wagtail.images import get_image_model

from security.uploads import LocationNotRemovable, strip_stored_image, without_location


class Command(BaseCommand):
    help = "Remove location data (GPS, XMP) from stored original images and regenerate their renditions."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only count images with location data.")

    def handle(self, dry_run: bool, **options):
        found = 0
        for image in get_image_model().objects.iterator():
            try:
                if dry_run:
                    with image.open_file() as original:
                        found += without_location(original.read()) is not None
                else:
                    found += strip_stored_image(image)
            except FileNotFoundError:
                self.stderr.write(f"Image {image.pk}: file missing, skipped")
            except LocationNotRemovable:
                self.stderr.write(
                    self.style.ERROR(f"Image {image.pk}: location data cannot be removed; replace or delete it")
                )
        verb = "Would clean" if dry_run else "Cleaned"
        self.stdout.write(self.style.SUCCESS(f"{verb} {found} image(s) with location data."))
