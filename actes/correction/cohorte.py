"""Correction d'une cohorte : toutes les copies d'un dossier d'après un corrigé ; notes, taux de détection par faute
et par famille de règles, en CSV et en page HTML autonome (un graphique SVG par faute, sans réseau).

Une copie est la liste des non-conformités d'un candidat (.docx, .odt, .pdf, .txt ou .yaml) ; le candidat est le
nom du fichier sans extension. Une copie illisible est signalée et les autres sont corrigées.
"""
from __future__ import annotations

import csv
import html
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from ..erreurs import ActesErreur, EntreeInvalide
from .bareme import Bareme, charger_bareme
from .liste import ABSENTE, ACCEPTABLE, FAUX, JUSTE, Attendue, CorrectionListe, attendues_du_corrige, corriger_items, \
    lire_liste

EXTENSIONS = (".docx", ".odt", ".pdf", ".txt", ".yaml", ".yml")
VERDICTS = (JUSTE, ACCEPTABLE, FAUX, ABSENTE)
COULEURS = {JUSTE: "#1b7f3b", ACCEPTABLE: "#7fbf4d", FAUX: "#e0a030", ABSENTE: "#c8c8c8", "manquee": "#c0392b"}
LIBELLES = {JUSTE: "trouvée, reformulation juste", ACCEPTABLE: "trouvée, reformulation acceptable",
            FAUX: "trouvée, reformulation fausse", ABSENTE: "trouvée, sans reformulation", "manquee": "manquée"}


@dataclass
class Cohorte:
    """Les copies corrigées d'un dossier, les fautes du corrigé, les copies illisibles."""

    dossier: str
    corrige: str
    fautes: list[Attendue]
    copies: list[CorrectionListe]
    illisibles: list[tuple[str, str]] = field(default_factory=list)

    def par_faute(self) -> list[tuple[Attendue, dict[str, int]]]:
        """Pour chaque faute : nombre de copies par verdict (trouvée et reformulation, ou manquée)."""
        resultats = []
        for faute in self.fautes:
            compte = dict.fromkeys((*VERDICTS, "manquee"), 0)
            for copie in self.copies:
                trouvee = next((t for t in copie.trouves if t.faute.numero == faute.numero), None)
                compte[trouvee.reformulation.verdict if trouvee else "manquee"] += 1
            resultats.append((faute, compte))
        return resultats

    def par_famille(self) -> list[tuple[str, int, int]]:
        """(famille, fautes trouvées, fautes à trouver) sur toute la cohorte."""
        familles: dict[str, list[int]] = {}
        for faute, compte in self.par_faute():
            total = familles.setdefault(faute.famille, [0, 0])
            total[0] += sum(compte[v] for v in VERDICTS)
            total[1] += len(self.copies)
        return [(nom, trouvees, attendues) for nom, (trouvees, attendues) in sorted(familles.items())]

    def en_dict(self) -> dict:
        """Forme JSON."""
        return {"dossier": self.dossier, "corrige": self.corrige, "copies": [c.en_dict() for c in self.copies],
                "illisibles": [{"chemin": c, "erreur": e} for c, e in self.illisibles],
                "fautes": [{**f.en_dict(), "verdicts": compte, "taux_detection": _taux(
                    sum(compte[v] for v in VERDICTS), len(self.copies))} for f, compte in self.par_faute()],
                "familles": [{"famille": n, "trouvees": t, "attendues": a, "taux_detection": _taux(t, a)}
                             for n, t, a in self.par_famille()]}


def _taux(trouvees: int, total: int) -> str:
    if not total:
        return "0.00"
    return f"{(Decimal(trouvees) / Decimal(total)).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}"


def _pourcent(trouvees: int, total: int) -> str:
    """Taux en pour cent entier, arrondi au plus proche (demi vers le haut) : 4 sur 6 → « 67 % »."""
    if not total:
        return "0 %"
    return f"{(Decimal(trouvees * 100) / Decimal(total)).quantize(Decimal('1'), rounding=ROUND_HALF_UP)} %"


def corriger_cohorte(dossier: Path | str, corrige: dict, *, nom_corrige: str = "corrigé",
                     bareme: Bareme | None = None) -> Cohorte:
    """Chaque copie du dossier corrigée d'après le corrigé (qui fait foi), dans l'ordre des noms de fichiers."""
    dossier = Path(dossier)
    if not dossier.is_dir():
        raise EntreeInvalide(dossier, "dossier des copies introuvable")
    bareme = bareme or charger_bareme()
    fautes = attendues_du_corrige(corrige, nom_corrige)
    copies, illisibles = [], []
    for chemin in sorted(p for p in dossier.iterdir() if p.is_file() and p.suffix.lower() in EXTENSIONS):
        if chemin.name == Path(nom_corrige).name:
            continue
        try:
            correction = corriger_items(lire_liste(chemin), fautes, bareme=bareme, acte=corrige.get("sujet"))
        except ActesErreur as exc:
            illisibles.append((str(chemin), exc.message if hasattr(exc, "message") else str(exc)))
            continue
        correction.candidat = chemin.stem
        copies.append(correction)
    return Cohorte(str(dossier), nom_corrige, fautes, copies, illisibles)


def csv_cohorte(cohorte: Cohorte) -> str:
    """Une ligne par candidat : note, points, puis pour chaque faute son verdict (manquée, ou la reformulation)."""
    flux = io.StringIO()
    ecrivain = csv.writer(flux, delimiter=";", lineterminator="\n")
    ecrivain.writerow(["candidat", "note", "sur", "points_obtenus", "points_possibles", "non_confirmees",
                       *(f"faute {f.numero} {f.code}" for f in cohorte.fautes)])
    for copie in cohorte.copies:
        verdicts = {t.faute.numero: t.reformulation.verdict for t in copie.trouves}
        ecrivain.writerow([copie.candidat, f"{copie.note:.2f}", f"{copie.sur:.2f}", f"{copie.obtenus:.2f}",
                           f"{copie.possibles:.2f}", len(copie.non_confirmes),
                           *(verdicts.get(f.numero, "manquee") for f in cohorte.fautes)])
    ecrivain.writerow([])
    ecrivain.writerow(["faute", "code", "famille", "trouvees", "copies", "taux_detection"])
    for faute, compte in cohorte.par_faute():
        trouvees = sum(compte[v] for v in VERDICTS)
        ecrivain.writerow([faute.numero, faute.code, faute.famille, trouvees, len(cohorte.copies),
                           _taux(trouvees, len(cohorte.copies))])
    ecrivain.writerow([])
    ecrivain.writerow(["famille", "trouvees", "attendues", "taux_detection"])
    for nom, trouvees, attendues in cohorte.par_famille():
        ecrivain.writerow([nom, trouvees, attendues, _taux(trouvees, attendues)])
    return flux.getvalue()


def _svg_faute(compte: dict[str, int], total: int) -> str:
    """Barre empilée : copies par verdict, proportionnelles, avec leur nombre."""
    largeur, hauteur, x = 480, 22, 0.0
    morceaux = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{largeur}" height="{hauteur + 18}" role="img" '
                f'viewBox="0 0 {largeur} {hauteur + 18}">']
    for verdict in (*VERDICTS, "manquee"):
        nombre = compte[verdict]
        if not nombre or not total:
            continue
        w = largeur * nombre / total
        morceaux.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="{hauteur}" fill="{COULEURS[verdict]}">'
                        f'<title>{html.escape(LIBELLES[verdict])} : {nombre}</title></rect>')
        if w >= 14:
            morceaux.append(f'<text x="{x + w / 2:.1f}" y="{hauteur - 6}" font-size="12" text-anchor="middle" '
                            f'fill="#fff">{nombre}</text>')
        x += w
    trouvees = sum(compte[v] for v in VERDICTS)
    morceaux.append(f'<text x="0" y="{hauteur + 15}" font-size="12">détectée par {trouvees} copie(s) sur {total} '
                    f'({_pourcent(trouvees, total)})</text></svg>')
    return "".join(morceaux)


def html_cohorte(cohorte: Cohorte) -> str:
    """Page HTML autonome : notes des candidats, graphique par faute, taux par famille, copies illisibles."""
    e = html.escape
    total = len(cohorte.copies)
    lignes = ["<!DOCTYPE html>", '<html lang="fr"><head><meta charset="utf-8">',
              f"<title>Correction de la cohorte — {e(cohorte.corrige)}</title>",
              "<style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}"
              "td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left}.legende span{display:inline-block;"
              "width:1em;height:1em;margin:0 .3em 0 1em;vertical-align:middle}</style></head><body>",
              f"<h1>Correction de la cohorte</h1><p>Corrigé : {e(cohorte.corrige)} — {total} copie(s) corrigée(s)"
              f" — {len(cohorte.fautes)} faute(s) à trouver.</p>",
              "<p>Barème : celui du formateur (regles/correction/bareme.yaml ou --bareme) ; la grille officielle de "
              "correction du CQP n'est pas publiée.</p>",
              "<h2>Notes</h2><table><tr><th>candidat</th><th>note</th><th>fautes trouvées</th>"
              "<th>non confirmées (à revoir)</th></tr>"]
    for copie in cohorte.copies:
        lignes.append(f"<tr><td>{e(copie.candidat or '')}</td><td>{copie.note:.2f} / {copie.sur:.2f}</td>"
                      f"<td>{len(copie.trouves)} / {len(cohorte.fautes)}</td><td>{len(copie.non_confirmes)}</td></tr>")
    lignes.append("</table><h2>Détection de chaque faute</h2><p class=\"legende\">" + "".join(
        f'<span style="background:{COULEURS[v]}"></span>{e(LIBELLES[v])}' for v in (*VERDICTS, "manquee")) + "</p>")
    for faute, compte in cohorte.par_faute():
        lignes.append(f"<h3>Faute {faute.numero} : {e(faute.code)} [{e(', '.join(faute.references))}]</h3>"
                      f"<p>{e(faute.message)}</p>{_svg_faute(compte, total)}")
    lignes.append("<h2>Détection par famille de règles</h2><table><tr><th>famille</th><th>trouvées</th>"
                  "<th>attendues</th><th>taux</th></tr>")
    for nom, trouvees, attendues in cohorte.par_famille():
        lignes.append(f"<tr><td>{e(nom)}</td><td>{trouvees}</td><td>{attendues}</td>"
                      f"<td>{_pourcent(trouvees, attendues)}</td></tr>")
    lignes.append("</table>")
    if cohorte.illisibles:
        lignes.append("<h2>Copies illisibles (non corrigées)</h2><ul>" + "".join(
            f"<li>{e(Path(c).name)} : {e(m)}</li>" for c, m in cohorte.illisibles) + "</ul>")
    lignes.append("</body></html>")
    return "\n".join(lignes) + "\n"


def texte_cohorte(cohorte: Cohorte) -> str:
    """Résumé texte : une ligne par candidat, puis le taux de détection de chaque faute et de chaque famille."""
    lignes = [f"Cohorte {cohorte.dossier} d'après {cohorte.corrige} : {len(cohorte.copies)} copie(s)", ""]
    for copie in cohorte.copies:
        lignes.append(f"  {copie.candidat:<24} {copie.note:>6.2f}/{copie.sur:.2f}  trouvées {len(copie.trouves)}/"
                      f"{len(cohorte.fautes)}, non confirmées {len(copie.non_confirmes)}")
    lignes += ["", "Détection par faute :"]
    for faute, compte in cohorte.par_faute():
        trouvees = sum(compte[v] for v in VERDICTS)
        lignes.append(f"  {faute.numero}. {faute.code:<40} {_pourcent(trouvees, len(cohorte.copies)):>6}"
                      f"  (juste {compte[JUSTE]}, acceptable {compte[ACCEPTABLE]}, fausse {compte[FAUX]}, "
                      f"sans reformulation {compte[ABSENTE]}, manquée {compte['manquee']})")
    lignes += ["", "Détection par famille :"]
    for nom, trouvees, attendues in cohorte.par_famille():
        lignes.append(f"  {nom:<10} {trouvees}/{attendues} ({_pourcent(trouvees, attendues)})")
    for chemin, message in cohorte.illisibles:
        lignes.append(f"copie illisible : {chemin} : {message}")
    return "\n".join(lignes) + "\n"
