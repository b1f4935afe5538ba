"""The API tests log in as members of each group with the editors' fixtures."""

from tests.editors.conftest import login, make_user  # noqa: F401  (fixtures)
