"""Routes du service (Starlette) : chaque route fait ce que fait la commande du même nom, avec les mêmes octets.

Un envoi : une pièce multipart (`acte`, ou `decision` et `dossier`) ou le corps brut de la requête (alors nommé
« - », comme l'entrée standard de la ligne de commande). Les options sont celles de la ligne de commande, en
paramètres de l'adresse ou en champs du formulaire : `type`, `date`, `ignorer` (répétable), `format`.
"""
from __future__ import annotations

import json
import logging
import secrets
import time
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..erreurs import (ActesErreur, ArchiveTropVolumineuse, EntreeInvalide, FichierTropVolumineux,
                       FormatNonReconnu)
from ..sortie import en_json

JOURNAL = logging.getLogger("actes.service")
TYPES_MIME = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "txt": "text/plain; charset=utf-8",
}
MIME_RAPPORT = {"json": "application/json", "sarif": "application/sarif+json", "html": "text/html; charset=utf-8",
                "texte": "text/plain; charset=utf-8"}
LIBRES = frozenset({"/", "/openapi.json"})         # sans jeton : ni l'une ni l'autre ne reçoit d'acte


class Refus(Exception):
    """Requête refusée : statut HTTP et message français (ou corps déjà rendu)."""

    def __init__(self, statut: int, message: str | None = None, corps: str | None = None):
        super().__init__(message)
        self.statut, self.message, self.corps = statut, message, corps

    def reponse(self) -> Response:
        if self.corps is not None:
            return Response(self.corps, self.statut, media_type="application/json")
        return Response(en_json({"erreur": self.message}), self.statut, media_type="application/json")


def statut_de(exc: ActesErreur) -> int:
    """413 trop volumineux, 415 format inconnu, 400 option invalide, 422 document illisible."""
    if isinstance(exc, (FichierTropVolumineux, ArchiveTropVolumineuse)):
        return 413
    if isinstance(exc, FormatNonReconnu):
        return 415
    if isinstance(exc, EntreeInvalide):
        return 400
    return 422


def nom_sur(nom: str | None, defaut: str) -> str:
    """Nom de fichier d'un envoi, sans dossier (ni / ni \\), sans caractère de contrôle ; `defaut` s'il est vide."""
    if not nom:
        return defaut
    nom = PureWindowsPath(PurePosixPath(nom).name).name
    nom = "".join(c for c in nom if c.isprintable())[:200].strip()
    return nom if nom not in ("", ".", "..") else defaut


class Envoi:
    """Pièces et options d'une requête, lues en mémoire sous la limite de taille."""

    def __init__(self, pieces: dict[str, tuple[str, bytes]], options: dict[str, list[str]]):
        self.pieces, self.options = pieces, options

    def option(self, nom: str) -> str | None:
        valeurs = self.options.get(nom)
        return valeurs[-1] if valeurs else None

    def piece(self, nom: str, brut: bool = True) -> tuple[str, bytes]:
        """(nom, octets) de la pièce `nom` ; le corps brut (« - ») s'il n'y a pas de formulaire."""
        if nom in self.pieces:
            return self.pieces[nom]
        if brut and "-" in self.pieces:
            return self.pieces["-"]
        raise Refus(400, f"pièce « {nom} » absente : l'envoyer en multipart (champ « {nom} ») ou en corps brut")


async def lire_envoi(requete: Request, taille_max: int) -> Envoi:
    """Corps lu par morceaux jusqu'à `taille_max` (413 au-delà), puis formulaire multipart ou corps brut."""
    annonce = requete.headers.get("content-length")
    if annonce and annonce.isdigit() and int(annonce) > taille_max + 64 * 1024:
        raise Refus(413, f"envoi trop volumineux ({int(annonce)} octets, limite {taille_max} octets)")
    morceaux, taille = [], 0
    async for morceau in requete.stream():
        taille += len(morceau)
        if taille > taille_max + 64 * 1024:
            raise Refus(413, f"envoi trop volumineux (plus de {taille_max} octets)")
        morceaux.append(morceau)
    corps = b"".join(morceaux)
    options: dict[str, list[str]] = {}
    for cle, valeur in requete.query_params.multi_items():
        options.setdefault(cle, []).append(valeur)
    genre = requete.headers.get("content-type", "").split(";")[0].strip().lower()
    pieces: dict[str, tuple[str, bytes]] = {}
    if genre == "multipart/form-data":        # tout autre corps est l'acte lui-même (curl --data-binary compris)
        requete._body = corps                   # le formulaire est lu depuis ces octets, pas une seconde fois
        try:
            async with requete.form(max_files=4, max_fields=40, max_part_size=64 * 1024) as formulaire:
                for cle, valeur in formulaire.multi_items():
                    if isinstance(valeur, UploadFile):
                        pieces[cle] = (nom_sur(valeur.filename, cle), await valeur.read())
                    else:
                        options.setdefault(cle, []).append(valeur)
        except Exception as exc:                # formulaire mal formé (python-multipart) : 400, sans trace
            if exc.__class__.__name__ in ("MultiPartException", "HTTPException"):
                raise Refus(400, "formulaire multipart mal formé") from None
            raise
    elif corps:
        pieces["-"] = (nom_sur(requete.headers.get("x-actes-nom"), "-"), corps)
    for nom, donnees in pieces.values():
        if len(donnees) > taille_max:
            raise Refus(413, f"{nom} : fichier trop volumineux ({len(donnees)} octets, limite {taille_max} octets)")
    return Envoi(pieces, options)


class Service:
    """Le vérificateur partagé et les réglages du service."""

    def __init__(self, verificateur, jeton: str | None, taille_max: int):
        self.verificateur, self.jeton, self.taille_max = verificateur, jeton, taille_max

    # ---- options communes -------------------------------------------------------------------------------------
    def options_verification(self, envoi: Envoi) -> dict:
        """type, date et ignorer comme `actes verifier --type --date --ignorer` (400 et message sinon)."""
        from ..analyse.type_acte import types_connus
        from ..delais.dates import lire_date
        from ..suggestions import proposer

        type_acte, date = envoi.option("type") or None, envoi.option("date") or None
        if type_acte and type_acte not in types_connus():
            raise Refus(400, f"type d'acte « {type_acte} » inconnu{proposer(type_acte, types_connus())} ; "
                             f"possibles : {', '.join(types_connus())}")
        codes = {r.code for r in self.verificateur.regles}
        ignorer = [c for valeur in envoi.options.get("ignorer", []) for c in valeur.replace(",", " ").split()]
        for code in ignorer:
            if code not in codes:
                raise Refus(400, f"règle « {code} » inconnue{proposer(code, codes)} (GET /regles : la liste des codes)")
        try:
            date = lire_date(date, "date") if date else None
        except ActesErreur as exc:
            raise Refus(400, str(exc)) from None
        return {"type_acte": type_acte, "date": date, "ignorer": ignorer}

    def verifier_piece(self, nom: str, donnees: bytes, options: dict):
        """(document, entrée JSON) d'un acte envoyé ; un document illisible lève `ActesErreur`."""
        from ..documents.garde import verifier_taille
        from ..documents.lecture import lire_octets

        verifier_taille(nom, len(donnees))
        document = lire_octets(donnees, nom)
        document.chemin = nom
        rapport = self.verificateur.verifier(document, type_acte=options["type_acte"], date=options["date"],
                                             ignorer=options["ignorer"])
        return document, rapport.en_dict()

    # ---- routes -----------------------------------------------------------------------------------------------
    def verifier(self, envoi: Envoi) -> Response:
        """POST /verifier : le rapport d'`actes verifier NOM --format F` (json par défaut)."""
        from ..commandes.verifier import FORMATS, rendre_rapport

        format_choisi = envoi.option("format") or "json"
        if format_choisi not in FORMATS:
            raise Refus(400, f"format « {format_choisi} » inconnu ; possibles : {', '.join(FORMATS)}")
        options = self.options_verification(envoi)
        nom, donnees = envoi.piece("acte")
        try:
            document, entree = self.verifier_piece(nom, donnees, options)
            textes, bruts, statut = {nom: [b.texte for b in document.blocs]}, {nom} if document.format == "txt" else set(), 200
        except ActesErreur as exc:              # comme la ligne de commande : le fichier listé avec son erreur
            entree = {"chemin": nom, "erreur": exc.message, "type_acte": None, "date_acte": None,
                      "avertissements": [], "constats": []}
            textes, bruts, statut = {}, set(), statut_de(exc) if statut_de(exc) != 400 else 422
        corps = rendre_rapport(format_choisi, [entree], textes, self.verificateur.regles, bruts)
        erreurs = any(c["gravite"] == "erreur" and not c.get("supprime") for c in entree["constats"])
        return Response(corps, statut, media_type=MIME_RAPPORT[format_choisi],
                        headers={"X-Actes-Code": "2" if statut != 200 else "1" if erreurs else "0"})

    def annoter(self, envoi: Envoi) -> Response:
        """POST /annoter : la copie relue d'un .docx ou .odt (`actes verifier NOM --annoter`)."""
        from ..annotation import annoter, extension

        options = self.options_verification(envoi)
        nom, donnees = envoi.piece("acte")
        genre = extension(donnees)
        if genre is None:
            raise Refus(415, f"{nom} : pas de copie relue pour ce format (seulement .docx et .odt)")
        try:
            _, entree = self.verifier_piece(nom, donnees, options)
            copie = annoter(donnees, nom, entree["constats"])
        except ActesErreur as exc:
            raise Refus(statut_de(exc), str(exc)) from None
        base = nom.rsplit(".", 1)[0] if "." in nom else nom
        fichier = f"{base if base != '-' else 'acte'}.annote.{genre}"
        return Response(copie, 200, media_type=TYPES_MIME[genre], headers={
            "Content-Disposition": f"attachment; filename*=UTF-8''{quote(fichier)}",
            "X-Actes-Constats": str(sum(1 for c in entree["constats"] if not c.get("supprime")))})

    def lire_decision(self, envoi: Envoi) -> Response:
        """POST /lire-decision : le JSON d'`actes lire-decision NOM --format json [--demeurant LIEU]`."""
        from ..decisions import analyser_decision
        from ..documents.garde import verifier_taille

        nom, donnees = envoi.piece("decision")
        try:
            verifier_taille(nom, len(donnees))
            resultat = analyser_decision(nom, demeurant=envoi.option("demeurant") or None, octets=donnees)
        except ActesErreur as exc:
            raise Refus(statut_de(exc) if statut_de(exc) != 400 else 422, str(exc)) from None
        return Response(en_json(resultat), 200, media_type="application/json")

    def signifier(self, envoi: Envoi) -> Response:
        """POST /signifier : l'acte de signification rédigé (.docx, ou .txt avec `sortie=txt`) ; `format=json` : le
        bilan d'`actes signifier --format json` avec le document en base 64."""
        import base64

        from ..commandes.signifier import _date, lire_decision
        from ..donnees import lire_yaml_texte
        from ..redaction import rediger_signification, valider_dossier
        from ..redaction.contexte import demeurant_du_destinataire

        sortie = (envoi.option("sortie") or "docx").lower().lstrip(".")
        if sortie not in ("docx", "txt"):
            raise Refus(400, "sortie : docx ou txt")
        nom_decision, decision_octets = envoi.piece("decision")
        try:
            dossier = {}
            if "dossier" in envoi.pieces:
                nom_dossier, octets_dossier = envoi.pieces["dossier"]
                try:
                    texte = octets_dossier.decode("utf-8")
                except UnicodeDecodeError:
                    raise EntreeInvalide(nom_dossier, "le fichier n'est pas encodé en UTF-8") from None
                dossier = valider_dossier(lire_yaml_texte(texte, nom_dossier, erreur=EntreeInvalide), nom_dossier)
            date_signification = _date(envoi.option("date_signification") or None)
            decision = lire_decision(nom_decision, demeurant_du_destinataire(dossier), octets=decision_octets)
            if not isinstance(decision, dict):
                raise EntreeInvalide(nom_decision, "la décision lue n'est pas un dictionnaire")
            redaction = rediger_signification(decision, dossier, date_signification=date_signification)
        except ActesErreur as exc:
            raise Refus(statut_de(exc), str(exc)) from None
        fichier = f"signification.{sortie}"
        contenu = redaction.texte().encode("utf-8") if sortie == "txt" else redaction.docx
        if envoi.option("format") == "json":
            return Response(en_json({"sortie": fichier, "complet": redaction.est_complet,
                                     "constats": [m.en_dict() for m in redaction.manques],
                                     "document": base64.b64encode(contenu).decode("ascii")}),
                            200, media_type="application/json")
        return Response(contenu, 200, media_type=TYPES_MIME[sortie], headers={
            "Content-Disposition": f"attachment; filename={fichier}",
            "X-Actes-Complet": "oui" if redaction.est_complet else "non"})

    def regles(self) -> Response:
        """GET /regles : le catalogue d'`actes regles --format json`."""
        return Response(en_json([r.resume() for r in self.verificateur.regles]), 200, media_type="application/json")


def _page(jeton_exige: bool) -> str:
    from importlib.resources import files

    page = files("actes.service").joinpath("page.html").read_text(encoding="utf-8")
    return page.replace("data-jeton=\"non\"", f"data-jeton=\"{'oui' if jeton_exige else 'non'}\"")


def _openapi() -> str:
    from importlib.resources import files

    import yaml

    from .. import __version__

    description = yaml.safe_load(files("actes.service").joinpath("openapi.yaml").read_text(encoding="utf-8"))
    description["info"]["version"] = __version__
    return json.dumps(description, ensure_ascii=False, indent=2) + "\n"


def creer(regles=(), jeton: str | None = None, taille_max: int | None = None, verificateur=None) -> Starlette:
    """L'application : le vérificateur chargé ici, une fois, puis partagé par toutes les requêtes."""
    from ..documents.garde import TAILLE_MAX_FICHIER
    from ..moteur.verificateur import Verificateur

    service = Service(verificateur or Verificateur(regles=list(regles)), jeton, taille_max or TAILLE_MAX_FICHIER)
    page, openapi = _page(jeton is not None), _openapi()

    def autoriser(requete: Request) -> None:
        if service.jeton is None or requete.url.path in LIBRES:
            return
        donne = requete.headers.get("x-actes-jeton") or ""
        entete = requete.headers.get("authorization", "")
        if entete.lower().startswith("bearer "):
            donne = entete[7:].strip()
        if not secrets.compare_digest(donne.encode(), service.jeton.encode()):
            raise Refus(401, "jeton absent ou invalide : en-tête « Authorization: Bearer JETON »")

    def route(traiter, avec_envoi: bool = True):
        async def point(requete: Request) -> Response:
            debut, recu = time.perf_counter(), 0
            try:
                autoriser(requete)
                if avec_envoi:
                    envoi = await lire_envoi(requete, service.taille_max)
                    recu = sum(len(d) for _, d in envoi.pieces.values())
                    reponse = await run_in_threadpool(traiter, envoi)
                else:
                    reponse = await run_in_threadpool(traiter)
            except Refus as refus:
                reponse = refus.reponse()
            except Exception as exc:             # jamais le contenu d'un acte dans le journal ni dans la réponse
                JOURNAL.error("%s %s : erreur interne (%s)", requete.method, requete.url.path, exc.__class__.__name__)
                reponse = Refus(500, "erreur interne du service").reponse()
            JOURNAL.info("%s %s %d reçu=%d o envoyé=%d o %.1f ms", requete.method, requete.url.path,
                         reponse.status_code, recu, len(reponse.body), (time.perf_counter() - debut) * 1000)
            return reponse
        return point

    routes = [
        Route("/", lambda requete: HTMLResponse(page), methods=["GET"]),
        Route("/openapi.json", lambda requete: Response(openapi, media_type="application/json"), methods=["GET"]),
        Route("/regles", route(service.regles, avec_envoi=False), methods=["GET"]),
        Route("/verifier", route(service.verifier), methods=["POST"]),
        Route("/annoter", route(service.annoter), methods=["POST"]),
        Route("/lire-decision", route(service.lire_decision), methods=["POST"]),
        Route("/signifier", route(service.signifier), methods=["POST"]),
    ]

    async def introuvable(requete: Request, exc) -> Response:
        statut = getattr(exc, "status_code", 404)
        message = "méthode non permise sur cette route" if statut == 405 else \
            "route inconnue (GET /openapi.json : la description du service)"
        return JSONResponse({"erreur": message}, statut)

    return Starlette(routes=routes, exception_handlers={404: introuvable, 405: introuvable})
