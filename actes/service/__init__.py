"""Service local d'actes : l'API HTTP des logiciels de bureau et la page des clercs (extra `actes[serveur]`).

`creer_application(...)` rend l'application ASGI (Starlette) ; `actes serveur` la sert avec uvicorn. Un seul
`Verificateur`, chargé au démarrage, sert toutes les requêtes. Les actes sont confidentiels : un envoi est lu en
mémoire (une pièce de plus de 1 Mo d'un envoi multipart passe par un fichier temporaire anonyme, fermé avant la
réponse) ; le journal ne dit que la route, le statut, les tailles et les durées.
"""
from __future__ import annotations

__all__ = ["creer_application", "est_boucle_locale"]


def est_boucle_locale(hote: str) -> bool:
    """Vrai pour une adresse de la boucle locale (127.0.0.0/8, ::1, localhost) : seul lien permis sans jeton."""
    import ipaddress

    if hote.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(hote.strip("[]")).is_loopback
    except ValueError:
        return False


def creer_application(regles=(), jeton: str | None = None, taille_max: int | None = None, verificateur=None):
    """Application ASGI du service ; `jeton` exigé sur chaque route d'API s'il est donné ; `taille_max` en octets
    (par défaut la limite des documents lus sur le disque)."""
    from .application import creer

    return creer(regles=regles, jeton=jeton, taille_max=taille_max, verificateur=verificateur)
