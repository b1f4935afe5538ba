from tests.factories.pages import ContentPageFactory, HomePageFactory

__all__ = ["ContentPageFactory", "HomePageFactory"]
