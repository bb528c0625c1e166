"""Essais au hasard (mutations d'octets) sur chaque format lu : la seule issue admise est un rapport, ou une
`ActesErreur` (code 2 et message en français en ligne de commande). Toute autre exception est un défaut."""
from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actes.erreurs import ActesErreur

try:                                       # tests/ en paquet ou en simple dossier, selon la configuration
    from .test_documents import _odt, pdf_texte
except ImportError:
    from test_documents import _odt, pdf_texte

RACINE = Path(__file__).resolve().parent.parent
ACTE = (RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt").read_text(encoding="utf-8")
REGLAGES = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                           HealthCheck.function_scoped_fixture])


def _docx(texte: str) -> bytes:
    document = docx.Document()
    for ligne in texte.splitlines()[:40]:
        document.add_paragraph(ligne)
    flux = io.BytesIO()
    document.save(flux)
    return flux.getvalue()


def _graines() -> dict[str, bytes]:
    lignes = ACTE.splitlines()
    return {
        "txt": ACTE.encode("utf-8"),
        "docx": _docx(ACTE),
        "odt": _odt("".join(f"<text:p>{l.replace('&', '&amp;').replace('<', '&lt;')}</text:p>" for l in lignes[:40])),
        "pdf": pdf_texte([lignes[:30]]),
    }


GRAINES = _graines()


@st.composite
def mutations(draw, octets: bytes) -> bytes:
    """Quelques retouches d'octets : remplacer, insérer, supprimer, tronquer, dupliquer un morceau."""
    donnees = bytearray(octets)
    for _ in range(draw(st.integers(1, 6))):
        if not donnees:
            break
        position = draw(st.integers(0, len(donnees) - 1))
        sorte = draw(st.sampled_from(["remplacer", "inserer", "supprimer", "tronquer", "dupliquer"]))
        if sorte == "remplacer":
            donnees[position] = draw(st.integers(0, 255))
        elif sorte == "inserer":
            donnees[position:position] = draw(st.binary(min_size=1, max_size=16))
        elif sorte == "supprimer":
            del donnees[position:position + draw(st.integers(1, 64))]
        elif sorte == "tronquer":
            del donnees[position:]
        else:
            donnees[position:position] = donnees[position:position + draw(st.integers(1, 256))] * 4
    return bytes(donnees)


def _reemballer(octets: bytes, partie: str, nouveau: bytes) -> bytes:
    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(octets)) as source, zipfile.ZipFile(sortie, "w", zipfile.ZIP_DEFLATED) as cible:
        for entree in source.infolist():
            cible.writestr(entree, nouveau if entree.filename == partie else source.read(entree.filename))
    return sortie.getvalue()


def _seule_issue_admise(appel):
    try:
        return appel()
    except ActesErreur as exc:
        assert exc.message and exc.chemin
        return None


@pytest.fixture(scope="module")
def verificateur():
    from actes import Verificateur

    return Verificateur()


@pytest.mark.parametrize("format_", sorted(GRAINES))
def test_acte_mute_rapport_ou_erreur_presentable(verificateur, format_):
    @REGLAGES
    @given(mutations(GRAINES[format_]))
    def essai(octets):
        _seule_issue_admise(lambda: verificateur.verifier(octets))

    essai()


@pytest.mark.parametrize("format_, partie", [("docx", "word/document.xml"), ("odt", "content.xml")])
def test_xml_mute_dans_une_archive_saine(verificateur, format_, partie):
    with zipfile.ZipFile(io.BytesIO(GRAINES[format_])) as archive:
        xml = archive.read(partie)

    @REGLAGES
    @given(mutations(xml))
    def essai(octets):
        _seule_issue_admise(lambda: verificateur.verifier(_reemballer(GRAINES[format_], partie, octets)))

    essai()


def test_decision_json_mutee(tmp_path):
    from actes.decisions import analyser_decision

    graine = json.dumps({"text": (RACINE / "examples" / "decision-exemple.txt").read_text(encoding="utf-8"),
                         "jurisdiction": "tj", "decision_date": "2026-03-10"}, ensure_ascii=False).encode("utf-8")
    chemin = tmp_path / "decision.json"

    @REGLAGES
    @given(mutations(graine))
    def essai(octets):
        chemin.write_bytes(octets)
        resultat = _seule_issue_admise(lambda: analyser_decision(chemin))
        assert resultat is None or isinstance(resultat, dict)

    essai()


@pytest.mark.parametrize("dossier, lecteur", [
    ("dossier-decompte.yaml", "actes.argent.decompte:lire_dossier"),
    ("dossier-calendrier.yaml", "actes.delais.plan:lire_plan"),
    ("dossier-signification.yaml", "actes.redaction:charger_dossier"),
])
def test_dossier_yaml_mute(tmp_path, dossier, lecteur):
    import importlib

    module, nom = lecteur.split(":")
    lire = getattr(importlib.import_module(module), nom)
    graine = (RACINE / "examples" / dossier).read_bytes()
    chemin = tmp_path / dossier

    @REGLAGES
    @given(mutations(graine))
    def essai(octets):
        chemin.write_bytes(octets)
        _seule_issue_admise(lambda: lire(chemin))

    essai()


def test_ligne_de_commande_sur_entrees_mutees(tmp_path, capsys):
    """Par la ligne de commande : code 0, 1 ou 2, jamais de trace Python ; 2 toujours avec un message."""
    from actes.cli import main

    @settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(sorted(GRAINES)), st.data())
    def essai(format_, donnees):
        acte = tmp_path / f"acte.{format_}"
        acte.write_bytes(donnees.draw(mutations(GRAINES[format_])))
        code = main(["verifier", str(acte)])
        sortie = capsys.readouterr()
        assert code in (0, 1, 2) and "Traceback" not in sortie.err
        if code == 2:
            assert sortie.err.startswith("actes : ") and str(acte) in sortie.err

    essai()
