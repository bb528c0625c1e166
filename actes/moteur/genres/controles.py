"""Les contrôles du genre `coherence` : chacun lit des faits de l'acte et renvoie des trouvailles.

Signature commune : `controle(ctx, donnees, motifs, regle) -> list[Trouvaille]` ; `donnees` sont les paramètres de la
règle (données), `motifs` ses motifs compilés (`contexte`, `motifs`). Un contrôle ne se prononce que sur ce qu'il peut
montrer : un fait introuvable ne donne aucun constat.
"""
from __future__ import annotations

import datetime as dt
import re

from ...analyse.faits import lire_delai
from ..regle import Trouvaille

RE_FIN_PHRASE = re.compile(r"[.;\n]")


def _date_fr(jour: dt.date) -> str:
    return jour.strftime("%d/%m/%Y")


def _phrase_autour(texte: str, debut: int, fin: int) -> tuple[int, int]:
    gauche = max((m.end() for m in RE_FIN_PHRASE.finditer(texte, max(0, debut - 300), debut)),
                 default=max(0, debut - 300))
    droite = RE_FIN_PHRASE.search(texte, fin, fin + 400)
    return gauche, droite.start() if droite else min(len(texte), fin + 400)


def type_inconnu(ctx, donnees, motifs, regle):
    """Type d'acte non reconnu : seules les règles générales s'appliquent."""
    return [] if ctx.analyse.type_acte else [Trouvaille(valeurs={})]


def date_inconnue(ctx, donnees, motifs, regle):
    """Date de l'acte introuvable (CPC:648 1°) : les règles datées s'appliquent au jour de la vérification."""
    return [] if ctx.analyse.date_acte else [Trouvaille(section="date", valeurs={})]


def date_acte_apres_decision(ctx, donnees, motifs, regle):
    """L'acte qui signifie ou exécute une décision ne peut être daté d'avant elle (CPC:648 1°)."""
    faits = ctx.analyse.faits
    date_acte, date_decision = faits.get("date_acte"), faits.get("date_decision")
    if not date_acte or not date_decision or date_acte >= date_decision:
        return []
    debut, fin = faits.get("_position_date_acte") or (None, None)
    return [Trouvaille(debut, fin, {"date_acte": _date_fr(date_acte), "date_decision": _date_fr(date_decision)},
                       suggestion=f"Dater l'acte d'un jour postérieur au {_date_fr(date_decision)}, "
                                  f"ou corriger la date de la décision signifiée.")]


def horaire_signification(ctx, donnees, motifs, regle):
    """Signification un dimanche, un jour férié du lieu, avant 6 h ou après 21 h (CPC:664)."""
    from ...delais import signification_permise

    faits = ctx.analyse.faits
    jour, heure = faits.get("date_acte"), faits.get("heure_signification")
    if jour is None:
        return []
    moment = dt.datetime.combine(jour, heure) if heure else jour
    permise, raison = signification_permise(moment, faits.get("lieu") or "")
    if permise:
        return []
    debut, fin = faits.get("_position_date_acte") or (None, None)
    return [Trouvaille(debut, fin, {"raison": raison, "date_acte": _date_fr(jour)},
                       suggestion="Signifier un jour ouvrable entre 6 h et 21 h, ou viser l'autorisation du juge "
                                  "(CPC:664).")]


def _attendu(donnees, faits):
    for ligne in donnees.get("attendus", []):
        conditions = ligne.get("si", {})
        if all(faits.get(k) in (v if isinstance(v, list) else [v]) for k, v in conditions.items()):
            return ligne
    return None


def _meme_duree(indique: str, attendu: str, augmentation: str | None) -> bool:
    """Vrai si le délai indiqué est le délai attendu, ou le délai attendu déjà augmenté pour distance (CPC:643, 644)."""
    from ...delais import lire_duree

    if indique == attendu:
        return True
    if augmentation is None:
        return False
    lu, total = lire_duree(indique), lire_duree(attendu) + lire_duree(augmentation)
    return (lu.total_mois, lu.total_jours) == (total.total_mois, total.total_jours)


def delai_de_recours(ctx, donnees, motifs, regle):
    """Délai de recours indiqué différent de celui que fixe la loi pour cette décision (CPC:680 et 538, 490, 612…)."""
    faits = ctx.analyse.faits
    indique = faits.get("delai_indique")
    ligne = _attendu(donnees, faits)
    if not indique or ligne is None or _meme_duree(indique, ligne["delai"], faits.get("augmentation_distance")):
        return []
    debut, fin = faits.get("_position_delai_indique") or (None, None)
    references = tuple(dict.fromkeys([*regle.references, *ligne.get("references", [])]))
    return [Trouvaille(debut, fin, {"indique": indique, "attendu": ligne["delai"],
                                         "motif": ligne.get("motif", "cette décision")},
                       suggestion=ligne.get("suggestion") or ligne["delai"], references=references,
                       correction="remplacer")]


def valeur_attendue(ctx, donnees, motifs, regle):
    """Un fait de l'acte (`fait`) doit valoir ce que la table `attendus` donne pour les autres faits (ex. la voie de
    recours ouverte selon le type, la nature et le ressort de la décision) ; rien si le fait ou la ligne manque."""
    faits = ctx.analyse.faits
    nom = donnees["fait"]
    lu = faits.get(nom)
    ligne = _attendu(donnees, faits)
    if lu is None or ligne is None or lu == ligne["valeur"]:
        return []
    debut, fin = faits.get(f"_position_{nom}") or (None, None)
    references = tuple(dict.fromkeys([*regle.references, *ligne.get("references", [])]))
    return [Trouvaille(debut, fin, {"indique": lu, "attendu": ligne["valeur"], "motif": ligne.get("motif", "")},
                       suggestion=ligne.get("suggestion") or ligne["valeur"], references=references,
                       correction="remplacer")]


def duree_mentionnee(ctx, donnees, motifs, regle):
    """Un délai écrit près d'une formulation (`contexte`) doit valoir `attendu` (« 1 mois », « 2 mois »…)."""
    analyse = ctx.analyse
    attendu = donnees["attendu"]
    trouvailles = []
    for motif in motifs.get("contexte", []):
        for debut, fin in ctx.recherche.positions(motif):
            phrase_debut, phrase_fin = _phrase_autour(analyse.texte_plie, debut, fin)
            lu = lire_delai(analyse.texte_plie[phrase_debut:phrase_fin])
            if lu is None or lu[0] == attendu:
                continue
            d, f = phrase_debut + lu[1][0], phrase_debut + lu[1][1]
            if any(t.debut == d for t in trouvailles):
                continue
            trouvailles.append(Trouvaille(d, f, {"indique": lu[0], "attendu": attendu},
                                          suggestion=donnees.get("suggestion") or attendu, correction="remplacer"))
    return trouvailles[:1]


def montant_parametre(ctx, donnees, motifs, regle):
    """Le montant écrit après une formulation (`contexte`) doit être celui du paramètre en vigueur à la date de l'acte."""
    from ...parametres import parametre
    from ...rapport.format import montant_fr

    analyse = ctx.analyse
    nom = donnees["parametre"]
    param = parametre(nom)
    if not param.est_en_vigueur(ctx.jour):
        return []
    valeur = param.valeur_au(ctx.jour)
    fenetre = int(donnees.get("fenetre", 160))
    for motif in motifs.get("contexte", []):
        for debut, fin in ctx.recherche.positions(motif):
            suivant = next((m for m in analyse.montants if fin <= m.debut <= fin + fenetre and m.avec_devise), None)
            if suivant is None or suivant.valeur == valeur.valeur:
                continue
            ecrit = montant_fr(valeur.valeur)
            return [Trouvaille(suivant.debut, suivant.fin, {
                "indique": analyse.texte[suivant.debut:suivant.fin], "attendu": ecrit,
                "depuis": _date_fr(valeur.depuis), "source": valeur.source}, suggestion=ecrit, correction="remplacer")]
    return []


def lettre_659(ctx, donnees, motifs, regle):
    """Lettre recommandée du PV de recherches infructueuses envoyée après le premier jour ouvrable suivant (CPC:659 al. 2)."""
    from ...delais import premier_jour_ouvrable_suivant

    analyse = ctx.analyse
    date_pv = analyse.faits.get("date_acte")
    if date_pv is None:
        return []
    limite = premier_jour_ouvrable_suivant(date_pv, analyse.faits.get("lieu") or "")
    for motif in motifs.get("contexte", []):
        for debut, fin in ctx.recherche.positions(motif):
            phrase = _phrase_autour(analyse.texte_plie, debut, fin)
            date_envoi = next((d for d in analyse.dates if phrase[0] <= d.debut < phrase[1]), None)
            if date_envoi and date_envoi.date > limite:
                return [Trouvaille(date_envoi.debut, date_envoi.fin, {
                    "envoi": _date_fr(date_envoi.date), "date_pv": _date_fr(date_pv), "limite": _date_fr(limite)},
                    suggestion=f"Envoyer la lettre recommandée avec demande d'avis de réception au plus tard le "
                               f"{_date_fr(limite)} (le jour même ou le premier jour ouvrable suivant).")]
    return []


def _anomalies_argent(nom_fonction: str):
    def controle(ctx, donnees, motifs, regle):
        from ...argent import controle as argent

        analyse = ctx.analyse
        if nom_fonction == "controler_decompte":
            lu = argent.lire_decompte(analyse.texte)
            anomalies = argent.controler_decompte(lu) if lu else []
        elif nom_fonction == "controler_interets":
            anomalies = argent.controler_interets(analyse.texte, analyse.date_acte)
        elif nom_fonction == "controler_cout_acte":
            anomalies = argent.controler_cout_acte(analyse.texte, ctx.jour, analyse.type_acte)
        else:
            anomalies = getattr(argent, nom_fonction)(analyse.texte)
        retenues = [a for a in anomalies
                    if not donnees.get("references_retenues")
                    or set(a.references) & set(donnees["references_retenues"])]
        return [Trouvaille(a.debut, a.fin, {"detail": a.message}, suggestion=a.suggestion,
                           references=tuple(dict.fromkeys([*regle.references, *a.references])))
                for a in retenues]
    controle.__doc__ = f"Contrôle de l'argent d'un acte délégué à `actes.argent.controle.{nom_fonction}`."
    return controle


CONTROLES = {
    "type_inconnu": type_inconnu,
    "date_inconnue": date_inconnue,
    "date_acte_apres_decision": date_acte_apres_decision,
    "horaire_signification": horaire_signification,
    "delai_de_recours": delai_de_recours,
    "duree_mentionnee": duree_mentionnee,
    "valeur_attendue": valeur_attendue,
    "montant_parametre": montant_parametre,
    "lettre_659": lettre_659,
    "decompte": _anomalies_argent("controler_decompte"),
    "cout_acte": _anomalies_argent("controler_cout_acte"),
    "frais_amiable": _anomalies_argent("controler_frais_amiable"),
    "interets": _anomalies_argent("controler_interets"),
}
