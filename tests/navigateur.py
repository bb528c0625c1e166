"""Chromium sans interface piloté par Selenium (paquets Debian chromium et chromium-driver), pour les tests de pages."""
from __future__ import annotations

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PILOTE = shutil.which("chromedriver")


def ouvrir_chromium(dossier_profil):
    """Un navigateur Chromium sans interface, journal de la console activé ; test sauté s'il manque."""
    if CHROMIUM is None or PILOTE is None:
        pytest.skip("Chromium ou chromium-driver absent (paquets Debian chromium, chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", f"--user-data-dir={dossier_profil}", "--no-first-run",
                     "--disable-extensions", "--disable-background-networking"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(PILOTE), options=options)


def erreurs_de_console(navigateur) -> list[dict]:
    """Messages de gravité SEVERE de la console (erreurs JavaScript, ressources refusées…)."""
    return [m for m in navigateur.get_log("browser") if m.get("level") == "SEVERE"]


def pixels_de_couleur(png: bytes, couleur: tuple[int, int, int], tolerance: int = 12) -> int:
    """Nombre de pixels d'une capture PNG proches d'une couleur."""
    import io

    from PIL import Image

    octets = Image.open(io.BytesIO(png)).convert("RGB").tobytes()
    rouge, vert, bleu = couleur
    return sum(1 for i in range(0, len(octets), 3)
               if abs(octets[i] - rouge) <= tolerance and abs(octets[i + 1] - vert) <= tolerance
               and abs(octets[i + 2] - bleu) <= tolerance)
