"""Rapport HTML : une page autonome (ni réseau, ni police, ni script extérieurs), imprimable.

Le texte de l'acte, chaque constat surligné là où il est ; à côté, les constats groupés par gravité, leurs articles
liés à Légifrance et la suggestion prête à copier ; un filtre par gravité et par code ; un tableau de synthèse, qui
sert d'index quand la page réunit plusieurs fichiers.
"""
from __future__ import annotations

from collections import Counter
from html import escape

from .legifrance import libelle, lien

GRAVITES = (("erreur", "Erreurs"), ("avertissement", "Avertissements"), ("information", "Informations"))

_STYLE = """
:root { --erreur: #b00020; --avertissement: #a05a00; --information: #1f5fa8; --fond-erreur: #ffd6dc;
        --fond-avertissement: #ffe9c2; --fond-information: #d9e8fb; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; margin: 0 auto;
       max-width: 88rem; padding: 1rem 1.5rem; color: #1b1b1b; line-height: 1.45; }
h1 { font-size: 1.5rem; margin: .2rem 0 .6rem; } h2 { font-size: 1.2rem; border-bottom: 2px solid #ccc; }
h3 { font-size: 1rem; margin: .8rem 0 .4rem; } h4 { font-size: .95rem; margin: 0 0 .3rem; }
table.synthese { border-collapse: collapse; margin: .5rem 0 1rem; }
table.synthese th, table.synthese td { border: 1px solid #bbb; padding: .25rem .6rem; text-align: left; }
table.synthese td.nombre { text-align: right; }
.filtres { position: sticky; top: 0; background: #f6f6f6; border: 1px solid #ddd; padding: .5rem .8rem;
           display: flex; flex-wrap: wrap; gap: 1rem; align-items: center; z-index: 1; }
.colonnes { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1.5rem; }
.acte p { margin: 0 0 .45rem; white-space: pre-wrap; }
.acte p.vide { min-height: .6rem; }
mark { padding: 0 .05rem; border-bottom: 2px solid; color: inherit; }
mark.g-erreur { background: var(--fond-erreur); border-color: var(--erreur); }
mark.g-avertissement { background: var(--fond-avertissement); border-color: var(--avertissement); }
mark.g-information { background: var(--fond-information); border-color: var(--information); }
mark.eteint { background: none; border-color: transparent; }
a.absent { font-size: .8rem; font-weight: 600; text-decoration: none; padding: 0 .3rem; margin-left: .3rem;
           border-radius: .2rem; color: #fff; background: var(--erreur); }
a.absent.g-avertissement { background: var(--avertissement); } a.absent.g-information { background: var(--information); }
.constat { border-left: 4px solid; padding: .4rem .6rem; margin: 0 0 .6rem; background: #fafafa; }
.constat.g-erreur { border-color: var(--erreur); } .constat.g-avertissement { border-color: var(--avertissement); }
.constat.g-information { border-color: var(--information); }
.constat p { margin: .2rem 0; } .constat .extrait { color: #444; font-style: italic; }
.suggestion { display: flex; gap: .4rem; align-items: flex-start; }
.suggestion pre { flex: 1; white-space: pre-wrap; margin: 0; padding: .3rem .4rem; background: #fff;
                  border: 1px dashed #999; font: inherit; }
.a-verifier { color: #6b4e00; } .tu { color: #555; }
.constat.tu-par-le-clerc { opacity: .65; }
[hidden] { display: none !important; }
@media (max-width: 60rem) { .colonnes { grid-template-columns: 1fr; } }
@media print {
  .filtres, button { display: none !important; }
  .colonnes { display: block; } .constat { break-inside: avoid; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
}
"""

_SCRIPT = """
(function () {
  "use strict";
  var gravites = Array.prototype.slice.call(document.querySelectorAll("input[data-filtre-gravite]"));
  var code = document.getElementById("filtre-code");
  var constats = Array.prototype.slice.call(document.querySelectorAll(".constat"));
  function appliquer() {
    var permises = {};
    gravites.forEach(function (c) { permises[c.getAttribute("data-filtre-gravite")] = c.checked; });
    var choisi = code ? code.value : "";
    var visibles = {};
    constats.forEach(function (c) {
      var montre = permises[c.getAttribute("data-gravite")] && (!choisi || c.getAttribute("data-code") === choisi);
      c.hidden = !montre;
      if (montre) { visibles[c.id] = true; }
    });
    document.querySelectorAll("mark[data-constats]").forEach(function (m) {
      var allume = m.getAttribute("data-constats").split(" ").some(function (i) { return visibles[i]; });
      m.classList.toggle("eteint", !allume);
    });
    document.querySelectorAll("a.absent").forEach(function (a) {
      a.hidden = !visibles[a.getAttribute("href").slice(1)];
    });
    document.querySelectorAll(".groupe").forEach(function (g) {
      g.hidden = !g.querySelector(".constat:not([hidden])");
    });
  }
  gravites.forEach(function (c) { c.addEventListener("change", appliquer); });
  if (code) { code.addEventListener("change", appliquer); }
  document.querySelectorAll("button[data-copier]").forEach(function (bouton) {
    bouton.addEventListener("click", function () {
      var texte = document.getElementById(bouton.getAttribute("data-copier")).textContent;
      function fait() { bouton.textContent = "Copié"; }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(texte).then(fait, function () { bouton.textContent = "Copie refusée"; });
      } else {
        var zone = document.createElement("textarea");
        zone.value = texte; document.body.appendChild(zone); zone.select();
        try { document.execCommand("copy"); fait(); } catch (e) { bouton.textContent = "Copie impossible"; }
        document.body.removeChild(zone);
      }
    });
  });
  appliquer();
})();
"""


def rendre(entrees: list[dict], textes: dict[str, list[str]], titre: str = "Rapport de vérification") -> str:
    """Page HTML de plusieurs fichiers (entrées du format JSON version 1) ; `textes` : chemin → texte de ses blocs."""
    codes = sorted({c["code"] for e in entrees for c in e.get("constats", [])})
    morceaux = [
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        "script-src 'unsafe-inline'; img-src data:\">\n"
        f"<title>{escape(titre)} — actes</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<h1>{escape(titre)}</h1>\n",
        _synthese(entrees),
        _filtres(codes),
    ]
    for rang, entree in enumerate(entrees):
        morceaux.append(_fichier(rang, entree, textes.get(entree["chemin"], [])))
    morceaux.append(f"<script>{_SCRIPT}</script>\n</body>\n</html>\n")
    return "".join(morceaux)


def _synthese(entrees: list[dict]) -> str:
    lignes = ["<table class=\"synthese\">\n<caption>Synthèse</caption>\n<thead><tr><th>fichier</th><th>type d'acte</th>"
              "<th>date</th><th>erreurs</th><th>avertissements</th><th>informations</th><th>tus</th></tr></thead>\n"
              "<tbody>\n"]
    total: Counter = Counter()
    for rang, entree in enumerate(entrees):
        compte = Counter("tu" if c.get("supprime") else c["gravite"] for c in entree.get("constats", []))
        total.update(compte)
        etat = " (illisible)" if entree.get("erreur") else ""
        lignes.append(
            f"<tr><td><a href=\"#f{rang}\">{escape(entree['chemin'])}</a>{etat}</td>"
            f"<td>{escape(entree.get('type_acte') or '—')}</td><td>{escape(entree.get('date_acte') or '—')}</td>"
            + "".join(f"<td class=\"nombre\">{compte[g]}</td>" for g in ("erreur", "avertissement", "information", "tu"))
            + "</tr>\n")
    if len(entrees) > 1:
        lignes.append(f"<tr><th colspan=\"3\">total ({len(entrees)} fichiers)</th>"
                      + "".join(f"<td class=\"nombre\">{total[g]}</td>"
                                for g in ("erreur", "avertissement", "information", "tu")) + "</tr>\n")
    lignes.append("</tbody>\n</table>\n")
    return "".join(lignes)


def _filtres(codes: list[str]) -> str:
    cases = "".join(f"<label><input type=\"checkbox\" data-filtre-gravite=\"{g}\" checked> {libelle_}</label>"
                    for g, libelle_ in GRAVITES)
    options = "".join(f"<option value=\"{escape(c)}\">{escape(c)}</option>" for c in codes)
    return (f"<nav class=\"filtres\" aria-label=\"Filtres\"><strong>Afficher :</strong> {cases}"
            f"<label>code <select id=\"filtre-code\"><option value=\"\">tous les codes</option>{options}</select>"
            f"</label></nav>\n")


def _fichier(rang: int, entree: dict, blocs: list[str]) -> str:
    morceaux = [f"<section class=\"fichier\" id=\"f{rang}\">\n<h2>{escape(entree['chemin'])}</h2>\n"]
    if entree.get("erreur"):
        morceaux.append(f"<p class=\"illisible\">Fichier illisible : {escape(entree['erreur'])}</p>\n</section>\n")
        return "".join(morceaux)
    infos = [f"type : {entree.get('type_acte') or 'non reconnu'}", f"date : {entree.get('date_acte') or 'non lue'}"]
    morceaux.append(f"<p>{escape(' ; '.join(infos))}</p>\n")
    for avertissement in entree.get("avertissements", []):
        morceaux.append(f"<p class=\"remarque\">Remarque : {escape(avertissement)}</p>\n")
    constats = [(f"c{rang}-{i}", c) for i, c in enumerate(entree.get("constats", []))]
    morceaux.append("<div class=\"colonnes\">\n<div class=\"acte\">\n")
    morceaux.append(_texte(blocs, constats))
    morceaux.append("</div>\n<aside class=\"constats\">\n")
    if not constats:
        morceaux.append("<p>Aucun constat.</p>\n")
    for gravite, titre in GRAVITES:
        du_groupe = [(i, c) for i, c in constats if c["gravite"] == gravite]
        if not du_groupe:
            continue
        morceaux.append(f"<section class=\"groupe\" data-gravite=\"{gravite}\">\n<h3>{titre} ({len(du_groupe)})</h3>\n")
        morceaux.extend(_constat(i, c) for i, c in du_groupe)
        morceaux.append("</section>\n")
    morceaux.append("</aside>\n</div>\n</section>\n")
    return "".join(morceaux)


def _texte(blocs: list[str], constats: list[tuple[str, dict]]) -> str:
    """Les blocs de l'acte ; chaque portée de constat surlignée (portées qui se chevauchent découpées en segments)."""
    par_bloc: dict[int, list[tuple[str, dict]]] = {}
    for identifiant, constat in constats:
        par_bloc.setdefault(constat["emplacement"]["bloc"], []).append((identifiant, constat))
    lignes = []
    for rang, texte in enumerate(blocs):
        ici = par_bloc.get(rang, [])
        portees = [(i, c) for i, c in ici if c["emplacement"]["fin"] > c["emplacement"]["debut"]]
        bornes = sorted({0, len(texte), *(min(c["emplacement"][k], len(texte)) for _, c in portees
                                          for k in ("debut", "fin"))})
        html = []
        for debut, fin in zip(bornes, bornes[1:]):
            morceau = escape(texte[debut:fin])
            couvrants = [(i, c) for i, c in portees if c["emplacement"]["debut"] <= debut
                         and fin <= c["emplacement"]["fin"]]
            if couvrants:
                pire = min(couvrants, key=lambda x: _rang(x[1]["gravite"]))[1]["gravite"]
                titre = " ; ".join(f"{c['code']} : {c['message']}" for _, c in couvrants)
                html.append(f"<mark class=\"g-{pire}\" data-constats=\"{' '.join(i for i, _ in couvrants)}\" "
                            f"title=\"{escape(titre)}\">{morceau}</mark>")
            else:
                html.append(morceau)
        for identifiant, constat in ici:
            if constat["emplacement"]["fin"] <= constat["emplacement"]["debut"]:
                html.append(f"<a class=\"absent g-{constat['gravite']}\" href=\"#{identifiant}\" "
                            f"title=\"{escape(constat['message'])}\">{escape(constat['code'])}</a>")
        classe = "" if texte.strip() else " class=\"vide\""
        lignes.append(f"<p id=\"b{rang}\"{classe}>{''.join(html)}</p>\n" if html else f"<p{classe}></p>\n")
    return "".join(lignes)


def _rang(gravite: str) -> int:
    return [g for g, _ in GRAVITES].index(gravite)


def _constat(identifiant: str, constat: dict) -> str:
    lieu = constat["emplacement"]
    articles = ", ".join(f"<a href=\"{escape(lien(r))}\" rel=\"noreferrer\">{escape(libelle(r))}</a>"
                         for r in constat.get("references", []))
    classes = f"constat g-{constat['gravite']}" + (" tu-par-le-clerc" if constat.get("supprime") else "")
    morceaux = [f"<article class=\"{classes}\" id=\"{identifiant}\" data-gravite=\"{constat['gravite']}\" "
                f"data-code=\"{escape(constat['code'])}\">\n",
                f"<h4><a href=\"#b{lieu['bloc']}\">{escape(constat['code'])}</a> — {escape(constat['gravite'])}"
                f" <small>(ligne {lieu['ligne']}, colonne {lieu['colonne']})</small></h4>\n",
                f"<p>{escape(constat['message'])}</p>\n"]
    if articles:
        morceaux.append(f"<p class=\"articles\">Articles : {articles}</p>\n")
    if lieu.get("extrait"):
        morceaux.append(f"<p class=\"extrait\">« {escape(lieu['extrait'])} »</p>\n")
    if constat.get("suggestion"):
        morceaux.append(f"<div class=\"suggestion\"><pre id=\"s-{identifiant}\">{escape(constat['suggestion'])}</pre>"
                        f"<button type=\"button\" data-copier=\"s-{identifiant}\">Copier</button></div>\n")
    if constat.get("a_verifier"):
        morceaux.append(f"<p class=\"a-verifier\">À vérifier : {escape(constat['a_verifier'])}</p>\n")
    if constat.get("supprime"):
        morceaux.append(f"<p class=\"tu\">Tu ({escape(constat['supprime']['genre'])}) : "
                        f"{escape(constat['supprime']['justification'])}</p>\n")
    morceaux.append("</article>\n")
    return "".join(morceaux)
