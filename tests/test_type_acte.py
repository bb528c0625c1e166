"""Reconnaissance du type d'acte d'après le titre, dont les actes qui en réunissent plusieurs."""
from __future__ import annotations

import pytest

from actes.analyse import analyser
from actes.analyse.texte import plier
from actes.analyse.type_acte import reconnaitre
from actes.documents import document_de_texte


@pytest.mark.parametrize("titre, attendus", [
    ("SIGNIFICATION DE JUGEMENT", ("signification_jugement",)),
    ("SIGNIFICATION D'UN ARRÊT", ("signification_jugement",)),
    ("SIGNIFICATION D'ORDONNANCE PORTANT INJONCTION DE PAYER", ("signification_ordonnance_injonction_de_payer",)),
    ("SIGNIFICATION DE JUGEMENT ET COMMANDEMENT DE PAYER AUX FINS DE SAISIE-VENTE",
     ("signification_jugement", "commandement_saisie_vente")),
    ("COMMANDEMENT D'AVOIR À QUITTER LES LIEUX", ("commandement_quitter_les_lieux",)),
    ("Procès-verbal de recherches infructueuses", ("proces_verbal_recherches_infructueuses",)),
    ("COMPTE RENDU DE RÉUNION", ()),
])
def test_types_annonces_par_le_titre(titre, attendus):
    assert reconnaitre(["SCP EXEMPLE", "", plier(titre)], "")[0] == attendus


def test_acte_mixte_recoit_les_regles_des_deux_types():
    texte = "SIGNIFICATION DE JUGEMENT ET COMMANDEMENT DE PAYER AUX FINS DE SAISIE-VENTE\nL'AN DEUX MILLE VINGT-SIX ET LE DOUZE OCTOBRE\n"
    analyse = analyser(document_de_texte(texte))
    assert analyse.type_acte == "signification_jugement"
    assert analyse.types_acte == ("signification_jugement", "commandement_saisie_vente")


def test_type_impose_remplace_le_titre():
    analyse = analyser(document_de_texte("SIGNIFICATION DE JUGEMENT\n"), type_acte="commandement_saisie_vente")
    assert analyse.types_acte == ("commandement_saisie_vente",)
