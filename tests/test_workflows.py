"""The GitHub Actions workflows are valid, pinned and least-privilege; zizmor finds nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def workflow(path: Path) -> dict:
    # PyYAML reads the key `on` as True; take it back by name.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_there_are_pull_request_and_publish_workflows() -> None:
    assert [p.name for p in WORKFLOWS] == ["publish.yml", "pull-request.yml"]


def test_workflows_match_the_github_workflow_schema() -> None:
    result = run(
        str(BIN / "check-jsonschema"),
        "--builtin-schema",
        "vendor.github-workflows",
        *map(str, WORKFLOWS),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "ok -- validation done" in result.stdout


def test_zizmor_offline_audit_is_clean() -> None:
    result = run(str(BIN / "zizmor"), "--offline", "--persona", "pedantic", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_every_action_is_pinned_to_a_commit_with_its_version(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    uses = [line.split("uses:", 1)[1].strip() for line in lines if "uses:" in line]
    assert uses
    assert [u for u in uses if not PINNED.match(u)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=[p.name for p in WORKFLOWS])
def test_tokens_start_with_no_permissions_and_checkouts_keep_no_credentials(path: Path) -> None:
    data = workflow(path)
    assert data["permissions"] == {}
    assert "pull_request_target" not in data["on"]
    for job in data["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_only_the_deploy_job_can_write() -> None:
    writers = {
        f"{path.name}:{name}": sorted(
            k for k, v in job.get("permissions", {}).items() if v == "write"
        )
        for path in WORKFLOWS
        for name, job in workflow(path)["jobs"].items()
        if "write" in job.get("permissions", {}).values()
    }
    assert writers == {"publish.yml:deploy": ["id-token", "pages"]}


def test_pull_requests_check_build_strictly_test_and_upload_a_preview() -> None:
    data = workflow(ROOT / ".github/workflows/pull-request.yml")
    assert list(data["on"]) == ["pull_request"]
    runs = [step.get("run", "") for job in data["jobs"].values() for step in job["steps"]]
    assert {"disclosure-log check", "mkdocs build --strict", "scripts/test"} <= set(runs)
    uploads = [
        step["with"]["path"]
        for step in data["jobs"]["build"]["steps"]
        if step.get("uses", "").startswith("actions/upload-artifact@")
    ]
    assert uploads == ["site/"]


def test_publish_deploys_main_to_the_pages_environment() -> None:
    data = workflow(ROOT / ".github/workflows/publish.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    deploy = data["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    used = [s.get("uses", "").split("@")[0] for j in data["jobs"].values() for s in j["steps"]]
    assert {
        "actions/configure-pages",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    } <= set(used)


def test_pre_commit_checks_changed_responses() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (local,) = config["repos"]
    hooks = {hook["id"]: hook for hook in local["hooks"]}
    check = hooks["disclosure-log-check"]
    assert check["entry"] == "disclosure-log check"
    assert re.search(check["files"], "responses/2024/speed-camera-offences-2023.md")
    assert not re.search(check["files"], "docs/about.md")
    assert {"ruff-check", "ruff-format"} <= set(hooks)
