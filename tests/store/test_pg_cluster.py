"""The test cluster itself: reachable through its own unix socket, listening on loopback only."""

from __future__ import annotations

import psycopg


def test_cluster_answers_on_its_socket_and_listens_only_on_loopback(pg_cluster, pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        assert conn.info.host == str(pg_cluster.folder)  # the unix socket in the cluster's own folder
        assert conn.execute("SHOW listen_addresses").fetchone()[0] == "127.0.0.1"
        assert conn.execute("SHOW port").fetchone()[0] == str(pg_cluster.port)
        assert conn.execute("SELECT current_database()").fetchone()[0] != "postgres"


def test_each_test_gets_an_empty_database(pg_url):
    with psycopg.connect(pg_url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'").fetchone()[0]
    assert tables == 0
