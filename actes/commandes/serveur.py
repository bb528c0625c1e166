"""`actes serveur` : le service local (API HTTP et page des clercs), extra `actes[serveur]`."""
from __future__ import annotations

AIDE = "servir l'API HTTP et la page de vérification sur la boucle locale (extra actes[serveur])"


def configurer(parseur) -> None:
    """Options de `actes serveur`."""
    parseur.add_argument("--hote", default="127.0.0.1", metavar="ADRESSE",
                         help="adresse d'écoute (127.0.0.1 par défaut ; ailleurs, un jeton est exigé)")
    parseur.add_argument("--port", type=int, default=8765, help="port d'écoute (8765 par défaut)")
    parseur.add_argument("--jeton", metavar="JETON",
                         help="jeton exigé (« Authorization: Bearer JETON ») ; sinon la variable ACTES_JETON")
    parseur.add_argument("--taille-max", dest="taille_max", type=int, metavar="MO",
                         help="taille maximale d'un envoi, en mégaoctets (50 par défaut)")
    parseur.add_argument("--regles", action="append", default=[], metavar="DOSSIER",
                         help="dossier de règles supplémentaires (répétable)")


def executer(args) -> int:
    """Sert jusqu'à l'interruption (Ctrl+C) ; 2 si l'extra manque ou si le lien demande un jeton absent."""
    import logging
    import os
    import sys

    from ..erreurs import EntreeInvalide

    try:
        import uvicorn

        from ..service import creer_application, est_boucle_locale
    except ImportError:
        raise EntreeInvalide("serveur", "le service demande l'extra actes[serveur] : pip install 'actes[serveur]'") \
            from None
    jeton = args.jeton or os.environ.get("ACTES_JETON") or None
    if not est_boucle_locale(args.hote) and jeton is None:
        raise EntreeInvalide("--hote", f"lié à {args.hote}, hors de la boucle locale, le service exige un jeton "
                                       "(--jeton ou la variable ACTES_JETON)")
    if not 0 <= args.port <= 65535:
        raise EntreeInvalide("--port", f"port {args.port} hors de 0…65535")
    if args.taille_max is not None and args.taille_max <= 0:
        raise EntreeInvalide("--taille-max", "une taille positive, en mégaoctets")
    application = creer_application(regles=args.regles, jeton=jeton,
                                    taille_max=args.taille_max * 1024 * 1024 if args.taille_max else None)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    print(f"actes : service sur http://{args.hote}:{args.port}/ (Ctrl+C pour arrêter)", file=sys.stderr, flush=True)
    uvicorn.run(application, host=args.hote, port=args.port, access_log=False, log_level="warning",
                server_header=False)
    return 0
