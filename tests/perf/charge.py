"""Essai de charge du service local (pas un test : lancé à la main, résultats dans le README).

    python tests/perf/charge.py [--clients 8] [--requetes 50]

`actes serveur` est lancé sur un port libre de la boucle locale ; 8 clients HTTP concurrents (un fil et un
`httpx.Client` chacun) envoient 50 requêtes `POST /verifier` chacun, en alternant multipart et corps brut, sur un
mélange d'actes bons (.docx, .odt, .txt) et mauvais (image, archive cassée, texte vide, octets binaires). Chaque
réponse est comparée octet pour octet à la sortie de `actes verifier NOM --format json` (ou `actes verifier -`
pour un corps brut) calculée d'avance, son statut au code de sortie (0/1 → 200, 2 → 4xx). Affiche la latence p50/p95,
le débit, et sort en 1 s'il y a une seule différence ou une erreur sur un bon envoi.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(RACINE))

BONS = [
    RACINE / "examples" / "signification-jugement-erreurs.docx",
    RACINE / "examples" / "signification-jugement-conforme.docx",
    RACINE / "examples" / "proces-verbal-recherches-infructueuses.docx",
    RACINE / "tests" / "donnees" / "documents" / "signification-jugement-erreurs.odt",
    RACINE / "tests" / "regles" / "actes" / "signification-jugement.txt",
]
MAUVAIS = {
    "photo.png": b"\x89PNG\r\n\x1a\n" + bytes(512),
    "casse.docx": b"PK\x03\x04" + b"archive tronquee" * 20,
    "vide.txt": b"  \n\n",
    "binaire.txt": bytes(range(256)) * 4,
}


def attendus(dossier: Path) -> list[tuple[str, bytes, str, str, int]]:
    """(nom, octets, mode, sortie de la ligne de commande, code) de chaque envoi, mode « multipart » ou « brut »."""
    envois = [(chemin.name, chemin.read_bytes()) for chemin in BONS] + list(MAUVAIS.items())
    resultat = []
    for nom, donnees in envois:
        (dossier / nom).write_bytes(donnees)
        for mode, argument in (("multipart", nom), ("brut", "-")):
            fini = subprocess.run([sys.executable, "-m", "actes", "verifier", argument, "--format", "json"],
                                  cwd=dossier, input=donnees, capture_output=True)
            resultat.append((nom, donnees, mode, fini.stdout.decode("utf-8"), fini.returncode))
    return resultat


def client(adresse: str, envois: list, rang: int, requetes: int, mesures: list, ecarts: list) -> None:
    import httpx

    with httpx.Client(base_url=adresse, timeout=120) as session:
        for i in range(requetes):
            nom, donnees, mode, attendu, code = envois[(rang * requetes + i) % len(envois)]
            debut = time.perf_counter()
            if mode == "multipart":
                reponse = session.post("/verifier", files={"acte": (nom, donnees)})
            else:
                reponse = session.post("/verifier", content=donnees,
                                       headers={"Content-Type": "application/octet-stream"})
            mesures.append(time.perf_counter() - debut)
            bon_statut = reponse.status_code == 200 if code in (0, 1) else 400 <= reponse.status_code < 500
            if reponse.text != attendu or not bon_statut or reponse.headers.get("X-Actes-Code") != str(code):
                ecarts.append(f"{nom} ({mode}) : statut {reponse.status_code}, code CLI {code}, "
                              f"corps {'identique' if reponse.text == attendu else 'différent'}")


def main() -> int:
    parseur = argparse.ArgumentParser(description="essai de charge du service local")
    parseur.add_argument("--clients", type=int, default=8)
    parseur.add_argument("--requetes", type=int, default=50)
    args = parseur.parse_args()
    from tests.service_commun import service_lance

    with tempfile.TemporaryDirectory() as temporaire:
        envois = attendus(Path(temporaire))
    bons = sum(1 for e in envois if e[4] in (0, 1))
    print(f"{len(envois)} envois distincts ({bons} bons, {len(envois) - bons} mauvais), réponses de la ligne de "
          "commande calculées")
    with service_lance() as (adresse, _):
        mesures: list[float] = []
        ecarts: list[str] = []
        fils = [threading.Thread(target=client, args=(adresse, envois, rang, args.requetes, mesures, ecarts))
                for rang in range(args.clients)]
        debut = time.perf_counter()
        for fil in fils:
            fil.start()
        for fil in fils:
            fil.join()
        duree = time.perf_counter() - debut
    total = args.clients * args.requetes
    centiles = statistics.quantiles(mesures, n=100)
    print(f"{args.clients} clients × {args.requetes} requêtes = {total} en {duree:.1f} s : "
          f"{total / duree:.1f} requêtes/s ; latence p50 {centiles[49] * 1000:.0f} ms, p95 {centiles[94] * 1000:.0f} ms")
    print(f"réponses identiques à la ligne de commande : {total - len(ecarts)}/{total}")
    for ecart in ecarts[:10]:
        print("  écart :", ecart)
    return 1 if ecarts or len(mesures) != total else 0


if __name__ == "__main__":
    sys.exit(main())
