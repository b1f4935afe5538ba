from tests.factories.news import NewsIndexPageFactory, NewsPageFactory
from tests.factories.pages import ContentPageFactory, HomePageFactory

__all__ = ["ContentPageFactory", "HomePageFactory", "NewsIndexPageFactory", "NewsPageFactory"]
