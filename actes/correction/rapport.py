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
    """Non-conformités trouvées, manquées, revendiquées à tort, puis la note."""
    lignes = [f"Correction de la liste des non-conformités de {correction.acte or 'l’acte'}", ""]
    attendus = len(correction.trouves) + len(correction.manques)
    lignes.append(f"Trouvées ({len(correction.trouves)}/{attendus}) :")
    for item, constat in correction.trouves:
        lignes.append(f"  ✔ {item.numero}. {item.texte}")
        lignes.append(f"      = {constat['code']} [{', '.join(constat['references'])}]")
    lignes.append(f"Manquées ({len(correction.manques)}) :")
    for constat in correction.manques:
        lignes.append(f"  ∅ {constat['code']} ({constat['gravite']}) [{', '.join(constat['references'])}] : "
                      f"{constat['message']}")
    lignes.append(f"Revendiquées à tort ({len(correction.errones)}) :")
    for item in correction.errones:
        lignes.append(f"  ✘ {item.numero}. {item.texte}")
    lignes += ["", f"Note : {_points(correction.note)}/{_points(correction.sur)}"]
    return "\n".join(lignes) + "\n"
