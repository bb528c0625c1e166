"""Reconnaissance d'un export JSON (Judilibre) : par l'extension ou par son contenu, jamais par un « [ » initial."""
import json

import pytest

from actes.decisions import analyser_decision
from actes.decisions.texte import lire_source
from actes.erreurs import EntreeInvalide

# Décision pseudonymisée fictive : le texte commence par les noms remplacés « [X] [Y] ».
PSEUDONYMISEE = """[X] [Y] C/ [E] [O]
TRIBUNAL JUDICIAIRE DE NANTES
N° RG 25/01234
JUGEMENT DU 3 FÉVRIER 2025
Jugement contradictoire, en premier ressort.
"""


def test_un_txt_pseudonymise_qui_commence_par_un_crochet_est_lu_comme_texte(tmp_path):
    chemin = tmp_path / "decision.txt"
    chemin.write_text(PSEUDONYMISEE, encoding="utf-8")
    source = lire_source(chemin)
    assert source.texte.startswith("[X] [Y] C/ [E] [O]") and source.meta == {}
    resultat = analyser_decision(chemin)
    assert resultat["numero_rg"] == "25/01234" and resultat["date"] == "2025-02-03"


def test_un_txt_qui_est_un_export_judilibre_reste_lu_comme_json(tmp_path):
    chemin = tmp_path / "export.txt"
    chemin.write_text(json.dumps({"text": PSEUDONYMISEE, "number": "25/01234"}), encoding="utf-8")
    source = lire_source(chemin)
    assert source.texte.startswith("[X] [Y]") and source.meta == {"number": "25/01234"}


def test_un_txt_qui_est_une_liste_json_sans_texte_est_lu_comme_texte(tmp_path):
    chemin = tmp_path / "liste.txt"
    chemin.write_text('[1, 2, 3]\nsuite', encoding="utf-8")
    assert lire_source(chemin).texte.startswith("[1, 2, 3]")


def test_un_json_invalide_reste_une_erreur_d_entree(tmp_path):
    chemin = tmp_path / "decision.json"
    chemin.write_text("[X] [Y] C/ [E] [O]", encoding="utf-8")
    with pytest.raises(EntreeInvalide, match="JSON invalide"):
        lire_source(chemin)
