"""Sortie SARIF 2.1.0 (pour les forges et les éditeurs qui affichent les résultats d'analyse)."""
from __future__ import annotations

from .. import __version__
from ..sortie import en_json

NIVEAUX = {"erreur": "error", "avertissement": "warning", "information": "note"}


def _aide(regle) -> dict:
    """fullDescription, help et helpUri d'une règle, d'après sa documentation (quoi, pourquoi, exemples)."""
    from .legifrance import lien

    doc = regle.doc or {}
    descripteur = {}
    complete = " ".join(doc[c].strip() for c in ("quoi", "pourquoi") if doc.get(c))
    if complete:
        descripteur["fullDescription"] = {"text": complete}
    parties = [f"{libelle} : {doc[cle].strip()}" for cle, libelle in (
        ("quoi", "Quoi"), ("pourquoi", "Pourquoi"), ("fautif", "Exemple fautif"), ("conforme", "Exemple conforme"))
        if doc.get(cle)]
    parties.append("Articles : " + ", ".join(regle.references))
    descripteur["help"] = {"text": "\n".join(parties)}
    if regle.references:
        descripteur["helpUri"] = lien(regle.references[0])
    return descripteur


def _correctifs(chemin: str, constat: dict) -> list[dict]:
    """fixes[] d'un constat de remplacement dans un fichier texte : la portée de la ligne et le texte proposé."""
    lieu = constat["emplacement"]
    return [{"description": {"text": f"Remplacer par « {constat['suggestion']} »"},
             "artifactChanges": [{"artifactLocation": {"uri": chemin}, "replacements": [{
                 "deletedRegion": {"startLine": lieu["ligne"], "startColumn": lieu["colonne"],
                                   "endLine": lieu["ligne"], "endColumn": lieu["colonne"] + lieu["fin"] - lieu["debut"]},
                 "insertedContent": {"text": constat["suggestion"]}}]}]}]


def rendre(entrees: list[dict], regles: list, textes_bruts: frozenset[str] | set[str] = frozenset()) -> str:
    """Journal SARIF : un run, les règles de l'outil, un résultat par constat, une notification par fichier illisible ;
    `textes_bruts` : chemins des fichiers texte, dont les remplacements sont donnés en `fixes`."""
    utilisees = sorted({c["code"] for e in entrees for c in e.get("constats", [])})
    index = {code: i for i, code in enumerate(utilisees)}
    par_code = {r.code: r for r in regles}
    descripteurs = []
    for code in utilisees:
        regle = par_code.get(code)
        descripteur = {"id": code, "shortDescription": {"text": regle.titre if regle else code}}
        if regle:
            descripteur["defaultConfiguration"] = {"level": NIVEAUX[regle.gravite.value]}
            descripteur["properties"] = {"references": list(regle.references), "fichier": regle.fichier}
            descripteur.update(_aide(regle))
        descripteurs.append(descripteur)
    resultats, notifications = [], []
    for entree in entrees:
        if entree.get("erreur"):
            notifications.append({"level": "error", "message": {"text": entree["erreur"]},
                                  "locations": [{"physicalLocation": {"artifactLocation": {"uri": entree["chemin"]}}}]})
            continue
        for constat in entree["constats"]:
            lieu = constat["emplacement"]
            resultat = {
                "ruleId": constat["code"],
                "ruleIndex": index[constat["code"]],
                "level": NIVEAUX[constat["gravite"]],
                "message": {"text": constat["message"]},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": entree["chemin"]},
                    "region": {"startLine": lieu["ligne"], "startColumn": lieu["colonne"],
                               "endColumn": lieu["colonne"] + max(lieu["fin"] - lieu["debut"], 0)},
                }}],
                "properties": {"references": constat["references"]},
            }
            if constat.get("suggestion"):
                resultat["properties"]["suggestion"] = constat["suggestion"]
            if constat.get("correction") == "remplacer" and constat.get("suggestion") and not constat.get("supprime") \
                    and entree["chemin"] in textes_bruts and lieu["fin"] > lieu["debut"]:
                resultat["fixes"] = _correctifs(entree["chemin"], constat)
            if constat.get("supprime"):
                resultat["suppressions"] = [{
                    "kind": "inSource" if constat["supprime"]["genre"] == "commentaire" else "external",
                    "justification": constat["supprime"]["justification"]}]
            resultats.append(resultat)
    run = {
        "tool": {"driver": {"name": "actes", "version": __version__, "informationUri": "https://pypi.org/project/actes/",
                            "rules": descripteurs}},
        "results": resultats,
        "invocations": [{"executionSuccessful": not notifications, "toolExecutionNotifications": notifications}],
    }
    return en_json({"$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0", "runs": [run]})
