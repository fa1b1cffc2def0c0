"""File names keep people's names readable: 'Siân' is 'sian', not 'si-n'."""

from screens.dialogs.team_files import default_bundle_path
from tenant_inspect.file_names import slug


def test_accented_names_are_transliterated_not_cut(tmp_path):
    assert slug("Siân", "team") == "sian"
    assert slug("Seán Ó Sé", "team") == "sean-o-se"
    assert slug("Zoë Strauß", "team") == "zoe-strauss"
    assert default_bundle_path("Repairs", "kit", "Siân", tmp_path).name == "repairs-kit-sian.zip"


def test_nothing_readable_falls_back():
    assert slug("日本", "team") == "team"
    assert slug("", "inspection") == "inspection"
