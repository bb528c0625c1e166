"""Mesures de vitesse et de mémoire de `actes verifier` (pas un test : lancé à la main, résultats dans le README).

    python tests/perf/mesurer.py

1. À chaud : vérification d'un acte réaliste de trois pages (~1 500 mots, .docx) par un `Verificateur` déjà chargé,
   comparée au temps que met python-docx à ouvrir le même fichier et à en extraire le texte (médiane de 30 essais).
2. À froid : `actes verifier FICHIER` dans un nouveau processus (médiane de 5 lancements), tout compris.
3. Lot : `actes verifier` sur 200 actes en un seul processus ; mémoire résidente maximale (ru_maxrss).
4. Croissance : un acte à décompte précédé d'un paragraphe de 3 100 caractères, puis le même acte répété 64 fois ;
   le rapport (temps de l'acte × 64) / (64 × temps de l'acte) vaut 1 si le temps croît linéairement.
"""
from __future__ import annotations

import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
BASE = RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt"
COMPLEMENT = (
    "Le présent acte est délivré en vertu de la décision susvisée, dont la copie est jointe ; le destinataire est "
    "informé qu'à défaut d'exécution volontaire, le requérant pourra poursuivre l'exécution forcée par toutes voies "
    "de droit, notamment par saisie-attribution de ses comptes bancaires, saisie-vente de ses biens meubles ou saisie "
    "de ses rémunérations, dans les conditions prévues par le code des procédures civiles d'exécution. "
)


def fabriquer_acte(dossier: Path) -> Path:
    """Un acte .docx de trois pages environ : l'acte conforme de référence complété de paragraphes réalistes."""
    import docx

    document = docx.Document()
    for ligne in BASE.read_text(encoding="utf-8").splitlines():
        paragraphe = document.add_paragraph()
        run = paragraphe.add_run(ligne)
        run.bold = ligne.isupper()
    while sum(len(p.text.split()) for p in document.paragraphs) < 1500:
        document.add_paragraph(COMPLEMENT)
    chemin = dossier / "acte-3-pages.docx"
    document.save(chemin)
    return chemin


def croissance(verificateur) -> tuple[float, float, float]:
    """(temps de l'acte long, temps de l'acte répété 64 fois, rapport à la croissance linéaire)."""
    from actes.documents import document_de_texte

    base = (RACINE / "tests" / "regles" / "actes" / "commandement-decompte.txt").read_text(encoding="utf-8")
    acte = (COMPLEMENT * 8)[:3100] + "\n" + base
    un = mediane(lambda: verificateur.verifier(document_de_texte(acte)), 5)
    repete = mediane(lambda: verificateur.verifier(document_de_texte("\n".join([acte] * 64))), 1)
    return un, repete, repete / (64 * un)


def mediane(fonction, essais: int) -> float:
    durees = []
    for _ in range(essais):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees)


def main() -> int:
    import docx

    from actes import Verificateur

    with tempfile.TemporaryDirectory() as temporaire:
        dossier = Path(temporaire)
        acte = fabriquer_acte(dossier)
        mots = sum(len(p.text.split()) for p in docx.Document(acte).paragraphs)

        verificateur = Verificateur()
        verificateur.verifier(acte)                                   # chauffe (segmenteur, motifs)
        chaud = mediane(lambda: verificateur.verifier(acte), 30)
        python_docx = mediane(lambda: "\n".join(p.text for p in docx.Document(acte).paragraphs), 30)

        commande = [str(Path(sys.executable).with_name("actes")), "verifier", str(acte)]
        froid = mediane(lambda: subprocess.run(commande, capture_output=True), 5)

        lot = [dossier / f"acte-{i:03d}.docx" for i in range(200)]
        for chemin in lot:
            chemin.write_bytes(acte.read_bytes())
        debut = time.perf_counter()
        subprocess.run([*commande[:2], *map(str, lot), "--format", "json"], capture_output=True)
        duree_lot = time.perf_counter() - debut
        rss_mo = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        long_un, long_64, rapport_croissance = croissance(verificateur)

    print(f"acte de référence : {mots} mots (.docx)")
    print(f"à chaud : {chaud * 1000:.1f} ms par acte ; python-docx ouvrir + extraire : {python_docx * 1000:.1f} ms "
          f"(rapport {chaud / python_docx:.2f})")
    print(f"à froid : actes verifier sur un fichier : {froid:.2f} s (médiane de 5)")
    print(f"lot : 200 actes en {duree_lot:.1f} s ; mémoire résidente maximale : {rss_mo:.0f} Mo")
    print(f"croissance : acte à décompte et paragraphe long {long_un * 1000:.0f} ms ; répété 64 fois {long_64:.1f} s "
          f"(rapport à la croissance linéaire {rapport_croissance:.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
