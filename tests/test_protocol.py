"""The names and limits shared by the browser's runner and the build, read from protocol.js."""

from __future__ import annotations

import pytest

from asyncio_notes import protocol


def test_the_shared_constants_are_read() -> None:
    names = protocol.constants()
    assert names["RUNNER_MODULE"] == protocol.RUNNER_MODULE == "_asyncio_notes_runner"
    assert protocol.MAX_OUTPUT_CHARS == 200_000
    assert protocol.TIMELINE_MODULES == ["recorder", "render", "live"]


def test_a_constant_that_is_not_a_json_literal_is_refused(tmp_path, monkeypatch) -> None:
    js = tmp_path / "protocol.js"
    js.write_text("export const RUNNER_MODULE = `runner`;\n")
    monkeypatch.setattr(protocol, "PROTOCOL_JS", js)
    protocol.constants.cache_clear()
    try:
        with pytest.raises(ValueError, match="RUNNER_MODULE must be a JSON literal"):
            protocol.constants()
    finally:
        protocol.constants.cache_clear()
