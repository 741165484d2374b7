"""The Ray engine's set-up without a cluster: the install hint; an actor pool that cannot starve reads."""

from __future__ import annotations

import sys

import pytest

from eventwire import engines
from eventwire.engines.ray import import_ray, plan_actors
from eventwire.errors import EngineError, EngineNotInstalledError


def test_without_ray_the_engine_says_how_to_install_it(monkeypatch, samples, tmp_path):
    # `import ray` fails, as it does where the extra is not installed.
    monkeypatch.setitem(sys.modules, "ray", None)
    with pytest.raises(EngineNotInstalledError, match=r"pip install 'eventwire\[ray\]'") as err:
        import_ray()
    assert err.value.code == "E051"
    with pytest.raises(EngineNotInstalledError, match="eventwire"):
        engines.run(samples, engine="ray", workers=2)
    from eventwire.engines.ray import code_to_shards

    with pytest.raises(EngineNotInstalledError):
        code_to_shards(["x.jsonl"], tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_two_cpus_leave_a_whole_cpu_for_ray_datas_own_tasks():
    # Two one-CPU actors on two CPUs hang a Ray Data run forever (issue 8): the plan must leave room.
    plan = plan_actors(2.0)
    assert plan.actors == 2
    assert plan.actors * plan.cpus_per_actor + 1.0 <= 2.0
    assert plan_actors(2.0, reserve_for_reads=False).cpus_per_actor == 1.0  # no reads: whole CPUs


def test_big_clusters_get_one_actor_per_cpu_and_a_bounded_reserve():
    plan = plan_actors(256.0)
    assert plan.actors == 256 and plan.read_cpus == 4.0
    assert plan.actors * plan.cpus_per_actor <= 256.0 - plan.read_cpus
    assert plan_actors(16.0, workers=4).actors == 4


def test_a_pool_that_cannot_fit_is_refused():
    with pytest.raises(EngineError, match="do not fit"):
        plan_actors(2.0, workers=50)
    with pytest.raises(EngineError, match="at least 1"):
        plan_actors(0.0)


def test_an_address_where_no_cluster_listens_fails_fast(samples):
    pytest.importorskip("ray", reason="the ray extra is not installed")
    import socket

    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    run = engines.run(samples, engine="ray", address=f"127.0.0.1:{port}", timeout_s=5)
    with pytest.raises(EngineError, match="no Ray cluster answers"):
        next(iter(run))
