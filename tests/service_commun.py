"""Le service lancé pour de vrai (`actes serveur`, sous-processus) sur un port libre de la boucle locale."""
from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time

import pytest


def port_libre() -> int:
    with socket.socket() as prise:
        prise.bind(("127.0.0.1", 0))
        return prise.getsockname()[1]


@contextlib.contextmanager
def service_lance(*options: str, env: dict | None = None):
    """Adresse d'un `actes serveur` prêt à répondre et son processus ; arrêté à la sortie, son journal (sortie
    d'erreur) alors dans `processus.journal`."""
    httpx = pytest.importorskip("httpx")
    port = port_libre()
    processus = subprocess.Popen([sys.executable, "-m", "actes", "serveur", "--port", str(port), *options],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                 env={**os.environ, **(env or {})})
    adresse = f"http://127.0.0.1:{port}"
    try:
        limite = time.monotonic() + 60
        while True:
            if processus.poll() is not None:
                raise RuntimeError(f"le service s'est arrêté : {processus.communicate()[1]}")
            try:
                httpx.get(adresse + "/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > limite:
                    raise
                time.sleep(0.2)
        yield adresse, processus
    finally:
        processus.terminate()
        try:
            processus.journal = processus.communicate(timeout=10)[1]
        except subprocess.TimeoutExpired:
            processus.kill()
            processus.journal = processus.communicate()[1]
