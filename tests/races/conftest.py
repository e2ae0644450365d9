import pytest

from tests.races.harness import Racers


@pytest.fixture
def racers(db):
    """Three stations on the test's database, each with its own connections."""
    stations = Racers(db.url, 3)
    yield stations
    stations.dispose()
