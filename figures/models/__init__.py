"""Shelter figures: shelters and their coordinators, quarterly figures with their history, import batches, and
the public figures page."""

from figures.models.figures import FiguresHistory, FiguresImport, QuarterFigures
from figures.models.pages import FiguresPage
from figures.models.shelters import Shelter

__all__ = ["FiguresHistory", "FiguresImport", "FiguresPage", "QuarterFigures", "Shelter"]
