"""The REST API for connected systems (django-ninja): site, routers, auth, errors."""
