"""Plan des échéances d'un dossier (`actes calendrier`) : règles datées, validation du dossier, texte, JSON, .ics."""
from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from actes.cli import main
from actes.delais.plan import construire_plan, lire_plan, regles_calendrier
from actes.erreurs import EntreeInvalide

DONNEES = Path(__file__).parent / "donnees" / "calendrier"
D = dt.date.fromisoformat


def _par_code(plan):
    return {e.code: e for e in plan.entrees}


def test_plan_du_dossier_lyonnais_verifie_a_la_main():
    entrees = _par_code(lire_plan(DONNEES / "dossier-lyon.yaml"))
    attendus = {
        "CAL-24-CLAUSE-RESOLUTOIRE": "2025-11-17",      # 6/10/2025 + 6 semaines (loi 2023-668)
        "CAL-24-CLAUSE-ACQUISE": "2025-11-18",
        "CAL-AMI-MISE-EN-DEMEURE": "2026-01-13",        # 5/1 + 8 jours
        "CAL-R221-10-SAISIE-AU-PLUS-TOT": "2026-02-10",  # 31/1 + 8 = dimanche 8/2 → lundi 9 ; saisie dès le 10
        "CAL-538-APPEL": "2026-03-02",                   # 31/1 + 1 mois = samedi 28/2 → lundi 2/3
        "CAL-505-CERTIFICAT-NON-APPEL": "2026-03-03",
        "CAL-R211-3-DENONCIATION": "2026-03-18",         # 10/3 + 8 jours
        "CAL-L412-1-EXPULSION-AU-PLUS-TOT": "2026-04-01",  # 31/1 + 2 mois = 31/3, fin de trêve le 31/3
        "CAL-R211-11-CONTESTATION": "2026-04-16",        # dénonciation 16/3 + 1 mois
        "CAL-R211-6-CERTIFICAT-NON-CONTESTATION": "2026-04-17",
        "CAL-R212-1-3-MOIS": "2026-04-20",
        "CAL-L212-6-CADUCITE": "2026-06-22",             # 20/3 + 3 mois = samedi 20/6 → lundi 22/6
        "CAL-1411-NON-AVENUE": "2026-08-03",             # 2/2 + 6 mois = dimanche 2/8 → lundi 3/8
        "CAL-R221-5-NOUVEAU-COMMANDEMENT": "2028-01-31",
        "CAL-1416-OPPOSITION-ROUVERTE": "2026-02-20",    # information : signification non faite à personne
    }
    assert {code: entrees[code].date.isoformat() for code in attendus} == attendus
    assert "CAL-1416-OPPOSITION" not in entrees          # pas à personne : pas de délai d'un mois
    assert entrees["CAL-R211-3-DENONCIATION"].statut == "respecté"
    assert entrees["CAL-1411-NON-AVENUE"].statut == "respecté"
    assert "CPC:642 al. 2" in [e.article for e in entrees["CAL-538-APPEL"].etapes]


def test_les_entrees_sont_triees_par_date():
    dates = [e.date for e in lire_plan(DONNEES / "dossier-lyon.yaml").entrees]
    assert dates == sorted(dates)


def test_treve_hivernale_et_valeurs_datees():
    plan = lire_plan(DONNEES / "expulsion-treve.yaml")
    par_evenement = {(e.code, e.evenement.date.isoformat()): e for e in plan.entrees}
    # 15/9/2026 + 2 mois = dimanche 15/11 → lundi 16 ; le 17 tombe dans la trêve → jeudi 1er avril 2027
    assert par_evenement[("CAL-L412-1-EXPULSION-AU-PLUS-TOT", "2026-09-15")].date == D("2027-04-01")
    # avant la loi ALUR, trêve jusqu'au 15 mars : reprise le dimanche 16 mars 2014 → lundi 17 (CPCE:L141-1)
    entree = par_evenement[("CAL-L412-1-EXPULSION-AU-PLUS-TOT", "2013-12-01")]
    assert entree.date == D("2014-03-17")
    assert [e.article for e in entree.etapes][-2:] == ["CPCE:L412-6", "CPCE:L141-1"]
    # clause résolutoire : 2 mois la veille de la loi 2023-668, 6 semaines le jour même (9/9 samedi → lundi 11)
    assert par_evenement[("CAL-24-CLAUSE-RESOLUTOIRE", "2023-07-28")].date == D("2023-09-28")
    assert par_evenement[("CAL-24-CLAUSE-RESOLUTOIRE", "2023-07-29")].date == D("2023-09-11")


def test_signale_un_jugement_par_defaut_signifie_trop_tard():
    plan = lire_plan(DONNEES / "expulsion-treve.yaml")
    entree = _par_code(plan)["CAL-478-NON-AVENU"]
    assert entree.date == D("2026-07-10") and entree.statut.startswith("dépassé")
    assert any(a.startswith("CAL-478-NON-AVENU") for a in plan.alertes)
    assert "CAL-571-OPPOSITION" in _par_code(plan)


def test_signale_un_evenement_sans_regle_en_vigueur():
    plan = lire_plan(DONNEES / "expulsion-treve.yaml")
    assert any("commandement_saisie_remunerations du 2025-06-15" in a for a in plan.alertes)


def test_distance_appliquee_au_delai_d_appel_pas_a_la_denonciation():
    plan = construire_plan({"lieu": "69003", "demeurant": "Belgique", "evenements": [
        {"type": "signification_jugement", "date": dt.date(2026, 1, 15), "ressort": "premier_ressort"},
        {"type": "saisie_attribution", "date": dt.date(2026, 1, 15)},
    ]})
    entrees = _par_code(plan)
    assert entrees["CAL-538-APPEL"].date == D("2026-04-15")          # 1 mois + 2 mois (CPC:643)
    assert entrees["CAL-R211-3-DENONCIATION"].date == D("2026-01-23")  # 8 jours, sans distance


@pytest.mark.parametrize("evenements,attendu", [
    ([{"type": "saisie_vente", "date": "2026-01-01"}], "évènement « saisie_vente » inconnu"),
    ([{"type": "saisie_attribution", "date": "2026-02-30"}], "n'est pas une date qui existe"),
    ([{"type": "saisie_attribution", "date": "le 3 mars"}], "n'est pas une date AAAA-MM-JJ"),
    ([{"type": "saisie_attribution"}], "il faut au moins « type » et « date »"),
    ([{"type": "saisie_attribution", "date": "2026-01-01", "montant": 3}], "champ(s) inconnu(s) montant"),
    ([{"type": "signification_jugement", "date": "2026-01-01", "nature": "defaut"}], "« defaut » inconnu"),
    ([{"type": "mise_en_demeure", "date": "2026-01-01"}], "champ « delai » obligatoire"),
    ([{"type": "mise_en_demeure", "date": "2026-01-01", "delai": "huit"}], "n'est pas une durée lisible"),
    ([{"type": "saisie_attribution", "date": "2026-01-01", "lieu": "99999"}], "département « 99 » inconnu"),
    ([], "liste non vide"),
])
def test_refuse_un_dossier_mal_forme(evenements, attendu):
    with pytest.raises(EntreeInvalide) as erreur:
        construire_plan({"lieu": "75001", "evenements": evenements}, "dossier.yaml")
    assert attendu in str(erreur.value)


def test_l_erreur_cite_la_ligne_du_fichier(tmp_path, capsys):
    dossier = tmp_path / "d.yaml"
    dossier.write_text("lieu: '75001'\nevenements:\n  - type: saisie_attribution\n    date: 2026-01-01\n"
                       "  - type: saisie_inconnue\n    date: 2026-01-02\n", encoding="utf-8")
    assert main(["calendrier", str(dossier)]) == 2
    erreur = capsys.readouterr().err
    assert f"{dossier}:5" in erreur and "saisie_inconnue" in erreur and "Traceback" not in erreur


def test_regles_du_calendrier_bien_formees():
    regles = regles_calendrier()
    assert len(regles) >= 20
    canonique = re.compile(r"^(CPC|CPCE|CC|CT|L89-462):[A-Z]?\d+(-\d+)*$")
    for regle in regles:
        for reference in regle["references"] + (regle.get("apres") or {}).get("references", []):
            assert canonique.match(reference), (regle["code"], reference)


def test_sortie_texte(capsys):
    assert main(["calendrier", str(DONNEES / "dossier-lyon.yaml")]) == 0
    sortie = capsys.readouterr().out
    assert sortie.startswith("Plan des échéances — 2026-0042")
    assert "2026-03-02  Fin du délai d'appel  (CPC:538, CPC:528, CPC:643, CPC:644)" in sortie


def test_sortie_json_stable(capsys):
    assert main(["calendrier", str(DONNEES / "dossier-lyon.yaml"), "--format", "json"]) == 0
    premiere = capsys.readouterr().out
    assert main(["calendrier", str(DONNEES / "dossier-lyon.yaml"), "--format", "json"]) == 0
    assert capsys.readouterr().out == premiere
    donnees = json.loads(premiere)
    assert set(donnees) == {"dossier", "lieu", "echeances", "alertes"}
    appel = next(e for e in donnees["echeances"] if e["code"] == "CAL-538-APPEL")
    assert appel["date"] == "2026-03-02" and appel["evenement"]["type"] == "signification_jugement"
    assert {"article": "CPC:641 al. 2", "texte": appel["etapes"][1]["texte"]} == appel["etapes"][1]


def test_export_ics_importable(tmp_path):
    from icalendar import Calendar

    cible = tmp_path / "plan.ics"
    assert main(["calendrier", str(DONNEES / "dossier-lyon.yaml"), "--format", "ics", "-o", str(cible)]) == 0
    octets = cible.read_bytes()
    calendrier = Calendar.from_ical(octets)
    evenements = calendrier.walk("VEVENT")
    plan = lire_plan(DONNEES / "dossier-lyon.yaml")
    assert len(evenements) == len(plan.entrees)
    assert len({str(e["UID"]) for e in evenements}) == len(evenements)
    denonciation = next(e for e in evenements if str(e["SUMMARY"]).startswith("Dernier jour pour dénoncer"))
    assert denonciation.decoded("DTSTART") == D("2026-03-18")
    assert "Fondement : CPCE:R211-3" in str(denonciation["DESCRIPTION"])
    assert b"\r\n" in octets and octets.startswith(b"BEGIN:VCALENDAR")
    assert main(["calendrier", str(DONNEES / "dossier-lyon.yaml"), "--format", "ics", "-o", str(cible)]) == 0
    assert cible.read_bytes() == octets                   # reproductible


def test_refuse_d_ecrire_sur_le_dossier(tmp_path, capsys):
    dossier = tmp_path / "d.yaml"
    dossier.write_bytes((DONNEES / "dossier-lyon.yaml").read_bytes())
    assert main(["calendrier", str(dossier), "-o", str(dossier)]) == 2
    assert dossier.read_bytes() == (DONNEES / "dossier-lyon.yaml").read_bytes()


def test_commande_delai_texte_et_json(capsys):
    assert main(["delai", "2026-01-31", "1 mois", "--lieu", "75001"]) == 0
    sortie = capsys.readouterr().out.splitlines()
    assert sortie[0] == "2026-03-02" and any("CPC:642 al. 2" in ligne for ligne in sortie)
    assert main(["delai", "2026-01-15", "1 mois", "--lieu", "75001", "--demeurant", "Belgique",
                 "--format", "json"]) == 0
    donnees = json.loads(capsys.readouterr().out)
    assert list(donnees)[:6] == ["depart", "duree", "lieu", "demeurant", "echeance", "etapes"]
    assert donnees["echeance"] == "2026-04-15" and donnees["demeurant"] == "Belgique"
    assert {"article": "CPC:643", "texte": donnees["etapes"][1]["texte"]} == donnees["etapes"][1]


def test_commande_delai_a_rebours(capsys):
    assert main(["delai", "2026-05-26", "15 jours", "--a-rebours", "--lieu", "75001"]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "2026-05-09"


@pytest.mark.parametrize("arguments,message", [
    (["delai", "2026-01-31", "1 moi"], "n'est pas une durée lisible"),
    (["delai", "2026-02-30", "1 mois"], "n'est pas une date qui existe"),
    (["delai", "2026-01-31", "1 mois", "--lieu", "7500"], "ni un code postal"),
    (["delai", "2026-01-31", "1 mois", "--demeurant", "Atlantide"], "ni un pays reconnu"),
])
def test_commande_delai_refuse_une_entree_fautive(arguments, message, capsys):
    assert main(arguments) == 2
    erreur = capsys.readouterr().err
    assert erreur.startswith("actes : ") and message in erreur
