"""Issue, hash and check API tokens. Tokens are shown once and stored only hashed."""

import hashlib
import hmac
import secrets

PREFIX_LENGTH = 12


def new_token() -> str:
    return "cbk_" + secrets.token_urlsafe(32)


def token_prefix(token: str) -> str:
    return token[:PREFIX_LENGTH]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_token(token), stored_hash)


def new_signing_secret() -> str:
    return secrets.token_hex(32)
