"""Chargement strict des règles : un fait, une valeur, un type d'acte, une section, un champ de message ou une clé de
genre mal écrits sont refusés au chargement, avec le fichier, la ligne et le code de la règle."""
import json
import textwrap

import pytest

from actes.erreurs import RegleInvalide
from actes.moteur.chargement import charger_catalogue

BASE = """\
- code: ESSAI-REGLE
  titre: Règle d'essai
  gravite: erreur
  references: ["CPC:680"]
  actes: [signification_jugement]
  genre: mention_obligatoire
  section: voies_de_recours
  un_de: ["amende civile"]
  message: L'acte ne dit pas l'amende civile.
"""


def _refus(tmp_path, contenu: str) -> str:
    (tmp_path / "essai.yaml").write_text(textwrap.dedent(contenu), encoding="utf-8")
    with pytest.raises(RegleInvalide) as exc:
        charger_catalogue((tmp_path,), livrees=False)
    message = str(exc.value)
    assert "essai.yaml" in message and "ESSAI-REGLE" in message and "ligne " in message, message
    return message


def test_la_regle_d_essai_se_charge(tmp_path):
    (tmp_path / "essai.yaml").write_text(BASE, encoding="utf-8")
    assert [r.code for r in charger_catalogue((tmp_path,), livrees=False).regles] == ["ESSAI-REGLE"]


def test_type_d_acte_mal_ecrit(tmp_path):
    message = _refus(tmp_path, BASE.replace("[signification_jugement]", "[signification_jugemnt]"))
    assert "« signification_jugemnt » inconnu (voulu : « signification_jugement » ?)" in message
    assert "ligne 5" in message


def test_fait_mal_ecrit_dans_si(tmp_path):
    message = _refus(tmp_path, BASE + "  si: {voie_indiqee: appel}\n")
    assert "clé « voie_indiqee » inconnue (voulu : « voie_indiquee » ?)" in message
    assert "ligne 10" in message


def test_valeur_impossible_pour_un_fait(tmp_path):
    message = _refus(tmp_path, BASE + "  si: {voie_indiquee: apel}\n")
    assert "« apel » inconnu (voulu : « appel » ?)" in message


def test_cle_d_un_autre_genre(tmp_path):
    message = _refus(tmp_path, BASE + "  fait: voie_indiquee\n")
    assert "clé « fait » sans objet pour ce genre de règle" in message


def test_cle_inconnue(tmp_path):
    message = _refus(tmp_path, BASE + "  sugestion: amende civile\n")
    assert "clé « sugestion » inconnue (voulu : « suggestion » ?)" in message


def test_champ_inconnu_dans_le_message(tmp_path):
    message = _refus(tmp_path, BASE.replace("L'acte ne dit pas l'amende civile.", "Il manque {champ}."))
    assert "message : champ « {champ} » inconnu" in message


def test_champ_mal_ecrit_dans_la_suggestion(tmp_path):
    message = _refus(tmp_path, BASE + "  suggestion: dans le délai augmenté de {augmentation_distanse}\n")
    assert "suggestion : champ « {augmentation_distanse} » inconnu (voulu : « augmentation_distance » ?)" in message


def test_section_mal_ecrite(tmp_path):
    message = _refus(tmp_path, BASE.replace("section: voies_de_recours", "section: voies_de_recour"))
    assert "« voies_de_recour » inconnu (voulu : « voies_de_recours » ?)" in message


def test_genre_inconnu(tmp_path):
    message = _refus(tmp_path, BASE.replace("genre: mention_obligatoire", "genre: mention_obligatoir"))
    assert "« mention_obligatoir » inconnu (voulu : « mention_obligatoire » ?)" in message


def test_fait_date_mal_ecrit_dans_un_delai(tmp_path):
    message = _refus(tmp_path, """\
    - code: ESSAI-REGLE
      titre: Règle d'essai
      gravite: erreur
      references: ["CPC:478"]
      genre: delai
      depart: date_decison
      duree: 6 mois
      message: Signifié le {limite}, après le {echeance}.
    """)
    assert "« date_decison » inconnu (voulu : « date_decision » ?)" in message


def test_fait_et_table_d_un_controle(tmp_path):
    regle = """\
    - code: ESSAI-REGLE
      titre: Règle d'essai
      gravite: erreur
      references: ["CPC:680"]
      genre: valeur_de_table
      fait: voie_indiquee
      attendus:
        - {si: {type_decision: jugment}, valeur: appel}
      message: L'acte indique {indique} ; attendu {attendu}.
    """
    message = _refus(tmp_path, regle)
    assert "« jugment » inconnu (voulu : « jugement » ?)" in message
    message = _refus(tmp_path, regle.replace("type_decision: jugment", "type_decision: jugement")
                     .replace("{attendu}", "{attendue}"))
    assert "champ « {attendue} » inconnu (voulu : « attendu » ?)" in message


def test_ancien_genre_coherence_refuse(tmp_path):
    message = _refus(tmp_path, BASE.replace("genre: mention_obligatoire", "genre: coherence"))
    assert "« coherence » inconnu" in message and "valeur_de_table" in message


def test_calcul_et_table_inconnus(tmp_path):
    regle = """\
    - code: ESSAI-REGLE
      titre: Règle d'essai
      gravite: erreur
      references: ["CPC:680"]
      genre: valeur_de_table
      fait: delai_indique
      table: voies_de_recour
      message: L'acte indique {indique} ; attendu {attendu}.
    """
    assert "« voies_de_recour » inconnu (voulu : « voies_de_recours » ?)" in _refus(tmp_path, regle)
    argent = regle.replace("genre: valeur_de_table", "genre: argent").replace("      fait: delai_indique\n", "") \
        .replace("table: voies_de_recour", "calcul: decompt").replace("{indique} ; attendu {attendu}", "{detail}")
    assert "« decompt » inconnu (voulu : « decompte » ?)" in _refus(tmp_path, argent)


def test_le_schema_livre_suit_les_donnees():
    """regles/schema.json est celui que produisent faits.yaml, types.yaml, sections.yaml et les genres."""
    from actes.moteur.vocabulaire import schema_des_regles
    from actes.ressources import dossier_regles

    livre = json.loads((dossier_regles() / "schema.json").read_text(encoding="utf-8"))
    assert schema_des_regles(livre) == livre, ("regles/schema.json n'est plus à jour : le régénérer avec "
                                              "actes.moteur.vocabulaire.schema_des_regles")


def test_chaque_fait_lu_par_l_analyse_est_declare():
    from actes import Verificateur
    from actes.analyse import analyser
    from actes.documents import document_de_texte
    from actes.moteur.vocabulaire import faits_declares
    from pathlib import Path

    Verificateur()
    texte = (Path(__file__).parent / "regles" / "actes" / "signification-jugement.txt").read_text(encoding="utf-8")
    faits = analyser(document_de_texte(texte)).faits
    assert sorted(n for n in faits if not n.startswith("_")) == sorted(faits_declares())
