"""Sortie texte, à la manière d'un compilateur : `fichier:ligne:colonne: CODE gravité message [références]`."""
from __future__ import annotations

from collections import Counter


def rendre(entrees: list[dict]) -> str:
    """Rapport texte de plusieurs fichiers (entrées du format JSON version 1), avec un résumé."""
    lignes = []
    compte = Counter()
    for entree in entrees:
        chemin = entree["chemin"]
        if entree.get("erreur"):
            lignes.append(f"{chemin}: illisible : {entree['erreur']}")
            compte["illisible"] += 1
            continue
        for avertissement in entree.get("avertissements", []):
            lignes.append(f"{chemin}: remarque : {avertissement}")
        for constat in entree["constats"]:
            if constat.get("supprime"):
                compte["tu"] += 1
                continue
            lieu = constat["emplacement"]
            references = ", ".join(constat["references"])
            lignes.append(f"{chemin}:{lieu['ligne']}:{lieu['colonne']}: {constat['code']} {constat['gravite']} "
                          f"{constat['message']} [{references}]")
            if constat.get("suggestion"):
                lignes.append(f"    suggestion : « {constat['suggestion']} »")
            if constat.get("a_verifier"):
                lignes.append(f"    à vérifier : {constat['a_verifier']}")
            compte[constat["gravite"]] += 1
    fichiers = len(entrees)
    resume = (f"{fichiers} fichier{'s' if fichiers > 1 else ''} vérifié{'s' if fichiers > 1 else ''} : "
              f"{compte['erreur']} erreur(s), {compte['avertissement']} avertissement(s), "
              f"{compte['information']} information(s)")
    if compte["tu"]:
        resume += f", {compte['tu']} constat(s) tu(s) (actes: ignorer, par-fichier)"
    if compte["illisible"]:
        resume += f", {compte['illisible']} fichier(s) illisible(s)"
    lignes.append(resume)
    return "\n".join(lignes) + "\n"
