"""Fixtures every test folder may use: a throwaway PostgreSQL cluster for the server store."""

from __future__ import annotations

import itertools

import pytest

from pg_cluster import Cluster, running_cluster

_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Cluster:
    """One cluster for the whole run (started on first use, stopped at the end, even on failure)."""
    with running_cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """A new, empty database in the test cluster, for this test alone."""
    return pg_cluster.create_database(f"count_{next(_database_numbers)}")
