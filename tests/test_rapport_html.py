"""Rapport HTML : page autonome, texte surligné, constats groupés, filtres ; éprouvé dans Chromium sans interface."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from actes.cli import main
from tests.navigateur import erreurs_de_console, ouvrir_chromium, pixels_de_couleur

RACINE = Path(__file__).resolve().parent.parent
ERREURS = RACINE / "examples" / "signification-jugement-erreurs.docx"
RECHERCHES = RACINE / "examples" / "proces-verbal-recherches-infructueuses.docx"
FOND_ERREUR = (0xFF, 0xD6, 0xDC)


@pytest.fixture(scope="module")
def rapport(tmp_path_factory) -> Path:
    sortie = tmp_path_factory.mktemp("html") / "rapport.html"
    assert main(["verifier", str(ERREURS), str(RECHERCHES), "absent.docx", "--format", "html", "-o",
                 str(sortie)]) == 2
    return sortie


def test_page_autonome_et_complete(rapport):
    page = rapport.read_text(encoding="utf-8")
    assert not re.search(r"<link|<img|<iframe|@import|url\(|src=", page)        # rien à charger
    assert set(re.findall(r'href="(https?://[^/"]+)', page)) == {"https://www.legifrance.gouv.fr"}
    assert page.count('<article class="constat') == 7                          # 6 + 1
    assert '<a href="#f0">' in page and '<a href="#f1">' in page and "absent.docx</a> (illisible)" in page
    assert ('<mark class="g-erreur" data-constats="c0-1" title="TERM-TGI-TI : « tribunal de grande instance »'
            in page)
    assert "article%20680%22%20%22Code%20de%20proc%C3%A9dure%20civile" in page
    assert '<pre id="s-c0-1">tribunal judiciaire</pre>' in page
    assert "@media print" in page


def test_meme_entree_memes_octets(rapport, tmp_path):
    autre = tmp_path / "r.html"
    main(["verifier", str(ERREURS), str(RECHERCHES), "absent.docx", "--format", "html", "-o", str(autre)])
    assert autre.read_bytes() == rapport.read_bytes()


def test_chromium_affiche_filtre_et_surligne(rapport, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    navigateur = ouvrir_chromium(tmp_path / "profil")
    try:
        navigateur.get(rapport.as_uri())
        assert erreurs_de_console(navigateur) == []
        constats = navigateur.find_elements(By.CSS_SELECTOR, ".constat")
        assert len(constats) == 7 and all(c.is_displayed() for c in constats)

        marque = navigateur.find_element(By.CSS_SELECTOR, 'mark[data-constats="c0-1"]')
        assert marque.text == "tribunal de grande instance"
        navigateur.execute_script("arguments[0].scrollIntoView({block: 'center'});", marque)
        capture = navigateur.get_screenshot_as_png()
        (tmp_path / "capture.png").write_bytes(capture)
        assert pixels_de_couleur(marque.screenshot_as_png, FOND_ERREUR) > 100     # surligné, et non vide
        assert pixels_de_couleur(capture, FOND_ERREUR) > 500

        navigateur.find_element(By.CSS_SELECTOR, 'input[data-filtre-gravite="erreur"]').click()
        visibles = [c.get_attribute("data-gravite") for c in constats if c.is_displayed()]
        assert visibles == ["avertissement"] * 3
        assert "eteint" in marque.get_attribute("class")
        assert not navigateur.find_element(By.CSS_SELECTOR, '.groupe[data-gravite="erreur"]').is_displayed()

        navigateur.find_element(By.CSS_SELECTOR, 'input[data-filtre-gravite="erreur"]').click()
        Select(navigateur.find_element(By.ID, "filtre-code")).select_by_value("CPC659-LRAR-TARDIVE")
        visibles = [c.get_attribute("data-code") for c in constats if c.is_displayed()]
        assert visibles == ["CPC659-LRAR-TARDIVE"]
        assert "eteint" in marque.get_attribute("class")
        assert erreurs_de_console(navigateur) == []
    finally:
        navigateur.quit()
