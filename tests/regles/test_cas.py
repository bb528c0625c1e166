"""Chaque règle : un acte conforme où elle se tait, un acte fautif où elle seule se déclenche."""
from __future__ import annotations

from actes.documents import document_de_texte

from .conftest import charger_cas


def test_cas_de_regle(cas, verificateur):
    rapport = verificateur.verifier(document_de_texte(cas.texte), type_acte=cas.type_acte, date=cas.date_acte)
    signales = [c for c in rapport.constats if c.gravite.value in ("erreur", "avertissement")]
    assert [c.code for c in signales] == [a["code"] for a in cas.attendus], [c.message for c in signales]
    for constat, attendu in zip(signales, cas.attendus):
        if "suggestion" in attendu:
            assert constat.suggestion == attendu["suggestion"]
        if "suggestion_contient" in attendu:
            assert attendu["suggestion_contient"].lower() in (constat.suggestion or "").lower()
        if "extrait" in attendu:
            assert constat.emplacement.extrait == attendu["extrait"]
        if "references" in attendu:
            assert list(constat.references) == attendu["references"]
        if "section" in attendu:
            assert constat.emplacement.section == attendu["section"]
    if cas.informations is not None:
        assert [c.code for c in rapport.constats if c.gravite.value == "information"] == cas.informations


def test_chaque_regle_a_un_cas_silencieux_et_un_cas_signale(verificateur):
    tous = charger_cas()
    signalees = {a["code"] for c in tous for a in c.attendus} | {i for c in tous for i in c.informations or []}
    silencieuses = {c.regle for c in tous if not any(a["code"] == c.regle for a in c.attendus)
                    and c.regle not in (c.informations or [])}
    # Le genre `forme` ne se prononce que sur un .docx ou un .odt : ses cas sont dans tests/test_forme.py.
    codes = {r.code for r in verificateur.regles if r.gravite.value != "information" and r.genre_nom != "forme"}
    manquantes = sorted(codes - (signalees & silencieuses))
    assert not manquantes, f"Règles sans cas silencieux et cas signalé : {manquantes}"
