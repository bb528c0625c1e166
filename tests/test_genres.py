"""Les genres de règles : une seule trappe de code (l'argent), et le compte que le README en donne."""
import re
from pathlib import Path

from actes.moteur.chargement import charger_catalogue
from actes.moteur.genres import GENRES, regles_a_controle_python

README = Path(__file__).parent.parent / "README.md"


def test_une_seule_trappe_de_code():
    assert sorted(nom for nom, genre in GENRES.items() if getattr(genre, "TRAPPE", False)) == ["argent"]


def test_le_readme_donne_le_compte_des_regles_a_controle_python():
    regles = charger_catalogue().regles
    compte = re.search(r"contrôle Python nommé : \*\*(\d+)\*\*", README.read_text(encoding="utf-8"))
    assert compte, "le README ne donne plus le compte des règles à contrôle Python"
    assert int(compte.group(1)) == len(regles_a_controle_python(regles))
    assert len(regles_a_controle_python(regles)) < 15
