"""De bout en bout, comme un formateur : un sujet et son corrigé tirés d'un exemple livré, le sujet repassé dans
`actes verifier`, une cohorte de copies (.txt, .docx, une illisible) corrigée d'après ce corrigé, dont une copie qui
relève une vraie faute que le vérificateur ne connaît pas (elle ne coûte rien), et la page de la cohorte."""
from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import yaml
from docx import Document

from actes.cli import main

EXEMPLE = Path(__file__).parent.parent / "examples" / "signification-jugement-conforme.docx"
# Vraie faute que la graine ne sème pas et qu'aucune règle ne relève : le destinataire n'est pas la partie condamnée.
NOM_JUGEMENT, NOM_FAUTIF = "condamnant Madame Nadia BERGER", "condamnant Madame Nadia BERGIER"
FAUTE_INCONNUE = ("Ligne 13 : le jugement condamne Madame Nadia BERGIER, l'acte est signifié à Madame Nadia BERGER : "
                  "la désignation du destinataire ne concorde pas avec la décision (art. 648 CPC) → « condamnant "
                  "Madame Nadia BERGER »")


def _ligne(faute: dict) -> str:
    """Une non-conformité du corrigé écrite comme un candidat : lieu, constat avec l'article, reformulation."""
    return f"Ligne {faute['lieu']['ligne']} : {faute['message']} → « {faute['attendu']} »"


@pytest.fixture(scope="module")
def epreuve(tmp_path_factory):
    dossier = tmp_path_factory.mktemp("epreuve")
    sujet, corrige = dossier / "sujet.docx", dossier / "corrige.yaml"
    assert main(["exercice", str(EXEMPLE), "--fautes", "4", "--graine", "5", "-o", str(sujet),
                 "--corrige", str(corrige)]) == 0
    document, remplaces = Document(str(sujet)), 0             # le formateur ajoute sa faute dans Word
    for run in (r for p in document.paragraphs for r in p.runs if NOM_JUGEMENT in r.text):
        run.text, remplaces = run.text.replace(NOM_JUGEMENT, NOM_FAUTIF), remplaces + 1
    assert remplaces == 1
    document.save(str(sujet))
    return sujet, yaml.safe_load(corrige.read_text(encoding="utf-8")), corrige


def test_le_sujet_repasse_dans_verifier_avec_exactement_les_fautes_semees(epreuve, tmp_path, capsys):
    sujet, cle, _ = epreuve
    assert main(["verifier", str(sujet), "--format", "json"]) == 1
    constats = json.loads(capsys.readouterr().out)["fichiers"][0]["constats"]
    assert sorted(c["code"] for c in constats if c["gravite"] != "information") == sorted(
        f["code"] for f in cle["fautes"])                   # la faute ajoutée par le formateur n'y est pas


def test_la_cohorte_note_chaque_copie_et_la_vraie_faute_inconnue_ne_coute_rien(epreuve, tmp_path, capsys):
    sujet, cle, corrige = epreuve
    fautes = cle["fautes"]
    copies = tmp_path / "copies"
    copies.mkdir()
    (copies / "amandine.txt").write_text("\n".join(_ligne(f) for f in fautes), encoding="utf-8")
    (copies / "basile.txt").write_text("\n".join(_ligne(f) for f in fautes[:2]), encoding="utf-8")
    (copies / "camille.txt").write_text("\n".join([*(_ligne(f) for f in fautes[:2]), FAUTE_INCONNUE]),
                                        encoding="utf-8")
    document = Document()
    for faute in fautes[2:]:
        document.add_paragraph(_ligne(faute))
    document.save(str(copies / "dorian.docx"))
    (copies / "eloise.docx").write_bytes(b"PK\x03\x04" + b"copie abimee")          # Word endommagé
    notes, page = tmp_path / "notes.csv", tmp_path / "cohorte.html"
    code = main(["corriger", str(copies), "--corrige", str(corrige), "--csv", str(notes), "--html", str(page),
                 "--format", "json"])
    assert code == 2 and "eloise.docx" in capsys.readouterr().err           # la copie illisible, les autres notées
    par_candidat = notes.read_text(encoding="utf-8").split("\n\n")[0]          # 1er tableau : une ligne par copie
    lignes = {r["candidat"]: r for r in csv.DictReader(par_candidat.splitlines(), delimiter=";")}
    assert sorted(lignes) == ["amandine", "basile", "camille", "dorian"]
    assert lignes["amandine"]["note"] == "20.00"
    assert lignes["camille"]["note"] == lignes["basile"]["note"] != "20.00"    # la faute inconnue ne coûte rien
    assert (lignes["camille"]["non_confirmees"], lignes["basile"]["non_confirmees"]) == ("1", "0")
    assert float(lignes["dorian"]["note"]) > 0
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") == len(fautes) and "<script" not in html


def test_sans_corrige_la_vraie_faute_inconnue_est_a_revoir_par_le_correcteur(epreuve, tmp_path, capsys):
    sujet, cle, _ = epreuve
    copie = tmp_path / "camille.txt"
    copie.write_text("\n".join([*(_ligne(f) for f in cle["fautes"]), FAUTE_INCONNUE]), encoding="utf-8")
    seule = tmp_path / "seule.txt"
    seule.write_text("\n".join(_ligne(f) for f in cle["fautes"]), encoding="utf-8")
    main(["corriger", str(sujet), "--liste", str(copie), "--format", "json"])
    avec = json.loads(capsys.readouterr().out)
    main(["corriger", str(sujet), "--liste", str(seule), "--format", "json"])
    sans = json.loads(capsys.readouterr().out)
    assert [i["statut"] for i in avec["non_confirmes"]] == ["non confirmée — à revoir par le correcteur"]
    assert avec["note"] == sans["note"]
