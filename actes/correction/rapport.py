"""Rapports de correction en texte (pour le candidat et le correcteur)."""
from __future__ import annotations

from .copie import SANS_OBJET, CorrectionCopie
from .liste import CorrectionListe

SIGNES = {"juste": "✔", "faux": "✘", "absent": "∅", "sans_objet": "–"}


def _points(valeur) -> str:
    return f"{valeur:.2f}".replace(".", ",")


def texte_copie(correction: CorrectionCopie) -> str:
    """Un point par ligne : verdict, points, articles, puis la rédaction attendue quand le point est perdu."""
    lignes = [f"Correction de {correction.copie or 'la copie'} d'après {correction.decision or 'la décision'}", ""]
    for point in correction.points:
        references = f" [{', '.join(point.references)}]" if point.references else ""
        bareme = "sans objet" if point.verdict == SANS_OBJET else f"{_points(point.points)}/{_points(point.sur)}"
        valeur = f" : {point.attendu}" if point.code == "parties" else ""
        lignes.append(f"{SIGNES[point.verdict]} {point.verdict:<10} {point.libelle}{valeur} — {bareme}{references}")
        if point.verdict in ("faux", "absent"):
            if point.trouve:
                lignes.append(f"      écrit : {point.trouve}")
            if point.explication:
                lignes.append(f"      {point.explication}")
            if point.attendu and point.code != "parties":
                lignes.append(f"      attendu : {point.attendu}")
        elif point.verdict == SANS_OBJET and point.explication:
            lignes.append(f"      {point.explication}")
    lignes += ["", f"Note : {_points(correction.note)}/{_points(correction.sur)}"]
    return "\n".join(lignes) + "\n"


def texte_liste(correction: CorrectionListe) -> str:
    """Fautes trouvées (avec la note de la reformulation et sa raison), manquées, éléments non confirmés, note."""
    source = "d'après le corrigé" if correction.source == "corrigé" else "d'après actes verifier (sans corrigé)"
    qui = f" — {correction.candidat}" if correction.candidat else ""
    lignes = [f"Correction de la liste des non-conformités de {correction.acte or 'l’acte'} {source}{qui}", ""]
    attendus = len(correction.trouves) + len(correction.manques)
    lignes.append(f"Trouvées ({len(correction.trouves)}/{attendus}) :")
    for trouvee in correction.trouves:
        faute, note = trouvee.faute, trouvee.reformulation
        lignes.append(f"  ✔ {trouvee.item.numero}. {trouvee.item.texte}")
        lignes.append(f"      = faute {faute.numero} {faute.code} [{', '.join(faute.references)}] ({trouvee.rapprochement})"
                      f" — {_points(trouvee.points)}/{_points(faute.points)}")
        lignes.append(f"      reformulation {note.verdict} : {note.raison}")
    lignes.append(f"Manquées ({len(correction.manques)}) :")
    for faute in correction.manques:
        lignes.append(f"  ∅ {faute.numero}. {faute.code} ({faute.gravite}) [{', '.join(faute.references)}] : "
                      f"{faute.message}")
    lignes.append(f"Non confirmées — à revoir par le correcteur, sans effet sur la note ({len(correction.non_confirmes)}) :")
    for item in correction.non_confirmes:
        lignes.append(f"  ? {item.numero}. {item.texte}")
    lignes += ["", f"Note : {_points(correction.note)}/{_points(correction.sur)}"]
    return "\n".join(lignes) + "\n"
