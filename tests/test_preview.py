"""`make serve PORT=...`: a taken port fails at once; the server ends with the make that ran it."""

from __future__ import annotations

import socket

from asyncio_notes import preview


def test_a_taken_port_says_what_to_do(capsys) -> None:
    with socket.socket() as taken:
        taken.bind((preview.HOST, 0))
        taken.listen()
        port = taken.getsockname()[1]
        message = preview.port_problem(port)
        assert message.startswith(f"port {port} is taken")
        assert f"make serve PORT={port + 10}" in message
        assert preview.main(["--port", str(port)]) == 2  # before any build
    assert "is taken" in capsys.readouterr().err


def test_a_free_port_has_no_problem() -> None:
    with socket.socket() as probe:
        probe.bind((preview.HOST, 0))
        port = probe.getsockname()[1]
    assert preview.port_problem(port) is None


def test_the_server_stops_when_its_parent_is_gone(monkeypatch) -> None:
    monkeypatch.setattr(preview, "PARENT_POLL_SECONDS", 0)
    parents = iter([41, 41, 41, 1])  # make's pid, then init's once make is gone
    stopped = []
    watcher = preview.stop_with_parent(lambda: stopped.append(True), getppid=lambda: next(parents))
    watcher.join(timeout=5)
    assert stopped == [True]
