"""Publishing: the GitHub Pages workflow runs the README's commands, and the build writes the
headers file that Netlify and Cloudflare Pages read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from asyncio_notes.catalogue import ROOT
from asyncio_notes.runtime import HEADERS, host_headers

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"


def workflow_commands() -> list[str]:
    jobs = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))["jobs"]
    return [step["run"].strip() for job in jobs.values() for step in job["steps"] if "run" in step]


def test_the_workflow_runs_only_what_the_readme_gives() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = workflow_commands()
    assert commands, "the workflow runs no command"
    for command in commands:
        assert f"`{command}`" in readme or f"\n{command}" in readme, (
            f"{WORKFLOW.name} runs `{command}`, which README.md does not give: keep them in step"
        )


def test_the_workflow_publishes_the_built_site_with_a_browser_for_the_snapshot() -> None:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    build = workflow["jobs"]["build"]
    assert build["env"]["CHROMIUM"] and build["env"]["SITE_URL"].startswith("https://")
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact") for use in uses)
    assert any(use.startswith("actions/deploy-pages") for use in uses)


def test_headers_cache_the_versioned_runtime_for_good() -> None:
    text = host_headers("314.0.7", "default-src 'self'")
    rules: dict[str, list[str]] = {}
    path = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if not line.startswith(" "):
            path = line
            rules[path] = []
        else:
            rules[path].append(line.strip())
    assert rules["/*"] == [
        "Content-Security-Policy: default-src 'self'",
        "X-Content-Type-Options: nosniff",
    ]
    assert rules["/assets/vendor/pyodide/314.0.7/*"] == [
        "Cache-Control: public, max-age=31536000, immutable"
    ]


@pytest.mark.slow
def test_the_build_writes_the_headers_file(built_site: Path) -> None:
    text = (built_site / HEADERS).read_text(encoding="utf-8")
    assert "Content-Security-Policy: default-src 'self'" in text
    assert "max-age=31536000, immutable" in text
