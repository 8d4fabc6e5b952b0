from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Still Argon2, with small costs so fixtures that create users stay quick."""

    time_cost = 1
    memory_cost = 1024
    parallelism = 1
