"""Genre `valeur_de_table` : un fait de l'acte doit valoir ce qu'une table donne pour les autres faits.

La table est écrite dans la règle (`attendus` : lignes `si` → `valeur`, la première qui s'accorde aux faits) ou est
une table du droit nommée par `table` (`voies_de_recours` : `regles/recours/voies.yaml`, pour la voie indiquée et la
décision signifiée, CPC:680). Un fait de la décision que l'acte ne dit pas (`incertains`) laisse possibles toutes les
lignes qui en dépendent ; la règle se tait si elles ne s'accordent pas sur une valeur. Un fait de type durée est
comparé en durée ; `augmente_de` nomme un fait durée qui peut s'y ajouter (distance, CPC:643, 644).
"""
from __future__ import annotations

from ..regle import Trouvaille
from .base import AvecSauf, Contexte


def _lignes_voies_de_recours(faits: dict, incertains: frozenset) -> list[dict]:
    """Lignes de la table des voies de recours qui peuvent régir la décision, pour la voie indiquée (CPC:680)."""
    from ...decisions.recours import delais_possibles, libelle_delai

    return [{"valeur": libelle_delai(e["delai"]), "motif": e["decision"], "references": [e["delai"]["article"]]}
            for e in delais_possibles(faits, faits.get("voie_indiquee"), incertains)]


TABLES = {"voies_de_recours": _lignes_voies_de_recours}


def _s_accorde(ligne: dict, faits: dict) -> bool:
    return all(faits.get(k) in (v if isinstance(v, list) else [v]) for k, v in ligne.get("si", {}).items())


def _duree(texte: str):
    from ...delais import lire_duree

    duree = lire_duree(texte)
    return duree.total_mois, duree.total_jours


def _en_lettres(texte: str) -> str:
    """« un mois », « quinze jours » : la durée attendue écrite comme dans un acte."""
    from ...delais import lire_duree
    from ...redaction.formats import duree_en_lettres

    duree = lire_duree(texte)
    return (duree_en_lettres(duree.total_mois, "mois") if duree.total_mois
            else duree_en_lettres(duree.total_jours, "jours"))


class ValeurDeTable(AvecSauf):
    """Valeur d'un fait de l'acte contraire à celle de la table."""

    CLES = ("fait", "attendus", "table", "incertains", "augmente_de", "sauf")
    VALEURS = frozenset({"indique", "attendu", "motif"})

    def __init__(self, regle, donnees: dict, chercheur):
        from ..vocabulaire import faits_declares, verifier_conditions, verifier_fait

        self.fait = donnees["fait"]
        verifier_fait(self.fait, "fait")
        if ("attendus" in donnees) == ("table" in donnees):
            raise ValueError("valeur_de_table : « attendus » (table de la règle) ou « table » (table du droit), "
                             "l'un des deux")
        self.attendus = list(donnees.get("attendus") or [])
        for rang, ligne in enumerate(self.attendus):
            verifier_conditions(ligne.get("si"), f"attendus/{rang}/si")
        self.table = donnees.get("table")
        if self.table is not None and self.table not in TABLES:
            raise ValueError(f"table « {self.table} » inconnue ; possibles : {', '.join(sorted(TABLES))}")
        self.incertains = frozenset(donnees.get("incertains") or ())
        for nom in sorted(self.incertains):
            verifier_fait(nom, "incertains")
        self.augmente_de = donnees.get("augmente_de")
        if self.augmente_de:
            verifier_fait(self.augmente_de, "augmente_de")
        self.en_duree = faits_declares()[self.fait]["type"] == "duree"
        self.references = regle.references
        self._compiler_sauf(regle, donnees, chercheur)

    def _lignes(self, faits: dict) -> list[dict]:
        if self.table:
            return TABLES[self.table](faits, self.incertains)
        return next(([ligne] for ligne in self.attendus if _s_accorde(ligne, faits)), [])

    def _egal(self, lu, attendu, faits: dict) -> bool:
        if lu == attendu:
            return True
        if not self.en_duree:
            return False
        augmentation = faits.get(self.augmente_de) if self.augmente_de else None
        if augmentation is None:
            return _duree(lu) == _duree(attendu)
        mois, jours = _duree(attendu)
        plus_mois, plus_jours = _duree(augmentation)
        return _duree(lu) in ((mois, jours), (mois + plus_mois, jours + plus_jours))

    def verifier(self, ctx: Contexte) -> list[Trouvaille]:
        """Une trouvaille sur le fait lu s'il diffère de la seule valeur que la table permet."""
        faits = ctx.analyse.faits
        lu = faits.get(self.fait)
        lignes = self._lignes(faits)
        if lu is None or len({ligne["valeur"] for ligne in lignes}) != 1 or self.excepte(ctx):
            return []
        ligne = lignes[-1]
        if self._egal(lu, ligne["valeur"], faits):
            return []
        suggestion = ligne.get("suggestion") or (_en_lettres(ligne["valeur"]) if self.en_duree else ligne["valeur"])
        debut, fin = ctx.position_du_fait(self.fait)
        return [Trouvaille(debut, fin, {"indique": lu, "attendu": ligne["valeur"], "motif": ligne.get("motif", "")},
                           suggestion=suggestion, correction="remplacer",
                           references=tuple(dict.fromkeys([*self.references, *ligne.get("references", [])])))]
