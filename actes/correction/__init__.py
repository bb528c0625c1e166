"""Correction d'une épreuve du CQP clerc (bloc 2, épreuve 2) : acte de signification rédigé, liste des non-conformités.

`corriger_copie(copie, decision)` → `CorrectionCopie` ; JSON (`en_dict()`) :
  {copie, decision, note, sur, points_obtenus, points_possibles,
   points: [{code, libelle, verdict (juste | faux | absent | sans_objet), points, sur, references, attendu, trouve,
             explication, constats}],
   constats: [constats erreur/avertissement de actes verifier sur la copie]}
`corriger_liste(acte, lire_liste(chemin), corrige=None)` → `CorrectionListe` ; JSON :
  {acte, candidat, source (corrigé | verificateur), note, sur, points_obtenus, points_possibles, attendus,
   trouves: [{item: {numero, texte, articles, lieux, proposition}, faute: {numero, code, famille, gravite,
   references, lieux, points, attendu, suggestion, message}, rapprochement, reformulation: {verdict (juste |
   acceptable | faux | absente), raison}, points}], manques: [faute], non_confirmes: [item + statut]}
`preparer_exercice(acte, n, graine=…)` → sujet et corrigé (actes.correction.exercice) ;
`corriger_cohorte(dossier, corrige)` → notes et taux de détection (actes.correction.cohorte).
Points et notes sont des chaînes à deux décimales ; barème : regles/correction/bareme.yaml.
"""
from __future__ import annotations

from .bareme import Bareme, charger_bareme
from .copie import CorrectionCopie, Point, corriger_copie
from .liste import CorrectionListe, Item, corriger_liste, lire_liste

__all__ = ["Bareme", "CorrectionCopie", "CorrectionListe", "Item", "Point", "charger_bareme", "corriger_copie",
           "corriger_liste", "lire_liste"]
