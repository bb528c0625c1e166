"""Correction d'une épreuve du CQP clerc (bloc 2, épreuve 2) : acte de signification rédigé, liste des non-conformités.

`corriger_copie(copie, decision)` → `CorrectionCopie` ; JSON (`en_dict()`) :
  {copie, decision, note, sur, points_obtenus, points_possibles,
   points: [{code, libelle, verdict (juste | faux | absent | sans_objet), points, sur, references, attendu, trouve,
             explication, constats}],
   constats: [constats erreur/avertissement de actes verifier sur la copie]}
`corriger_liste(acte, lire_liste(chemin))` → `CorrectionListe` ; JSON :
  {acte, note, sur, attendus, trouves: [{item: {numero, texte, articles}, constat: {code, gravite, references,
   message}}], manques: [constat], errones: [item]}
Points et notes sont des chaînes à deux décimales ; barème : regles/correction/bareme.yaml.
"""
from __future__ import annotations

from .bareme import Bareme, charger_bareme
from .copie import CorrectionCopie, Point, corriger_copie
from .liste import CorrectionListe, Item, corriger_liste, lire_liste

__all__ = ["Bareme", "CorrectionCopie", "CorrectionListe", "Item", "Point", "charger_bareme", "corriger_copie",
           "corriger_liste", "lire_liste"]
