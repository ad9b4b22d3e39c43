"""docs/roles_and_permissions.md says what the tested matrix says."""

from pathlib import Path

from tests.trust.render_matrix import render

DOC = Path(__file__).resolve().parents[2] / "docs" / "roles_and_permissions.md"


def test_document_is_in_sync_with_the_matrix():
    assert DOC.read_text() == render(), (
        "docs/roles_and_permissions.md is stale: run "
        "`python -m tests.trust.render_matrix > docs/roles_and_permissions.md`"
    )
