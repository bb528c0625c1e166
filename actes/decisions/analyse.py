"""Analyse d'une décision : structure JSON de l'issue, chaque champ avec sa preuve ou la raison de son absence."""
from __future__ import annotations

from pathlib import Path

from ..documents.garde import verifier_texte
from . import dispositif as disp
from . import entete, parties
from .recours import voie_de_recours
from .texte import Source, lire_source, normaliser


def analyser_texte(source: Source, *, demeurant: str | None = None) -> dict:
    """Champs extraits d'un texte de décision déjà lu (voir `analyser_decision`)."""
    texte, meta = source.texte, source.meta
    preuves: dict[str, str] = {}
    raisons: dict[str, str] = {}

    def noter(champ, valeur, preuve, raison=None):
        if preuve:
            preuves[champ] = preuve
        if valeur is None:
            raisons[champ] = raison or "non trouvé dans la décision"
        return valeur

    juridiction, preuve, raison = entete.juridiction(texte, meta)
    noter("juridiction", juridiction, preuve, raison)
    type_juridiction = juridiction["type"] if juridiction else None
    juge, preuve_juge = entete.juge(texte, type_juridiction)
    libelle, preuve_formation = entete.formation(texte)
    formation = {"libelle": libelle, "juge": juge}
    noter("formation.libelle", libelle, preuve_formation if libelle else None, preuve_formation if not libelle else None)
    noter("formation.juge", juge, preuve_juge, "aucun juge particulier nommé (formation collégiale ou non précisée)")
    date = noter("date", *entete.date(texte, meta))
    numero = noter("numero_rg", *entete.numero_rg(texte, meta))
    type_decision, preuve = entete.type_decision(texte, type_juridiction)
    noter("type_decision", type_decision, preuve, "type de décision non trouvé dans l'en-tête")
    nature = noter("nature", *entete.nature(texte))
    ressort = noter("ressort", *entete.ressort(texte))
    liste_parties, raison = parties.extraire(texte)
    if raison:
        raisons["parties"] = raison
    zone, raison = disp.zone(texte)
    if raison:
        raisons["condamnations"] = raison
    matiere, preuve_matiere = disp.matiere(texte, zone, type_decision)
    if preuve_matiere:
        preuves["matiere"] = preuve_matiere
    execution = noter("execution_provisoire",
                      *disp.execution_provisoire(texte, zone, type_juridiction, type_decision, matiere))
    condamnations = disp.condamnations(zone)
    voie = voie_de_recours(type_juridiction, type_decision, nature, ressort, matiere=matiere, juge=juge,
                           date_decision=date, demeurant=demeurant, ville=juridiction["ville"] if juridiction else None)
    if voie.get("raison") and voie["voie"] in ("inconnue", "aucune"):
        raisons["voie_de_recours"] = voie["raison"]
    return {
        "fichier": source.chemin,
        "juridiction": juridiction,
        "formation": formation,
        "date": date,
        "numero_rg": numero,
        "type_decision": type_decision,
        "nature": nature,
        "ressort": ressort,
        "matiere": matiere,
        "parties": liste_parties,
        "execution_provisoire": execution,
        "condamnations": condamnations,
        "voie_de_recours": voie,
        "preuves": preuves,
        "raisons": raisons,
    }


def analyser_decision(source: str | Path | None = None, *, texte: str | None = None,
                      demeurant: str | None = None, octets: bytes | None = None) -> dict:
    """Décision lue depuis un fichier (.txt, .json Judilibre, .docx, .odt, .pdf) qui doit exister, ou depuis un texte
    donné explicitement par `texte=`, analysée (CPC:680). Un chemin n'est jamais pris pour le texte de la décision.
    `octets=` : le contenu du fichier, déjà en mémoire (service) ; `source` n'est alors que son nom."""
    if octets is not None:
        from ..documents.lecture import lire_octets
        from .texte import source_du_document

        return analyser_texte(source_du_document(lire_octets(octets, str(source)), source), demeurant=demeurant)
    if texte is not None:
        if source is not None:
            raise TypeError("analyser_decision : donner un chemin ou texte=, pas les deux")
        verifier_texte("<texte>", texte)
        return analyser_texte(Source(normaliser(str(texte)), "<texte>"), demeurant=demeurant)
    if not isinstance(source, (str, Path)):
        raise TypeError("analyser_decision : chemin (str ou Path) attendu ; un texte se donne par texte=")
    return analyser_texte(lire_source(source), demeurant=demeurant)
