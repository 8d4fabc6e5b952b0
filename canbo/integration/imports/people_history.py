"""The post-history column of a people spreadsheet: former posts, "from|to|organisation|job
position code|title code" separated by semicolons."""

from datetime import date

from django.utils.translation import gettext as _

from canbo.integration.imports.people_fields import header, not_future
from canbo.integration.imports.people_lookup import Lookup
from canbo.integration.imports.reader import parse_date, text


def history(lookup: Lookup, values: dict, errors: list[str], current: date | None) -> list:
    raw = text(values["history"])
    posts = []
    for index, entry in enumerate([e for e in raw.split(";") if e.strip()], start=1):
        post = _entry(lookup, entry, index, errors, current)
        if post is not None:
            posts.append(post)
    return posts


def _entry(lookup: Lookup, entry: str, index: int, errors: list[str], current: date | None):
    """One former post as (start, end, organisation, job position, title), or None."""
    parts = [p.strip() for p in entry.split("|")]
    label = _("%(column)s, item %(index)s") % {"column": header("history"), "index": index}
    if len(parts) != 5:
        errors.append(
            _("%(label)s: expected “from date|to date|organisation|job position code|title code”.")
            % {"label": label}
        )
        return None
    start = parse_date(parts[0], _("%(label)s: from date") % {"label": label}, errors)
    end_label = _("%(label)s: to date") % {"label": label}
    end = parse_date(parts[1], end_label, errors)
    org = _history_org(lookup, parts[2], label, errors)
    position, title = _history_codes(lookup, parts[3], parts[4], label, errors)
    if start is None or end is None:
        errors.append(_("%(label)s: both from date and to date are needed.") % {"label": label})
        return None
    if end < start:
        errors.append(_("%(label)s: to date is before from date.") % {"label": label})
    not_future(end, end_label, lookup.today, errors)
    if current and end > current:
        errors.append(
            _("%(label)s: ends after the date of taking up the current post.") % {"label": label}
        )
    return start, end, org, position, title


def _history_codes(lookup: Lookup, position_code: str, title_code: str, label, errors):
    position = lookup.positions.get(position_code) if position_code else None
    title = lookup.titles.get(title_code) if title_code else None
    if position_code and position is None:
        errors.append(
            _("%(label)s: there is no job position code “%(code)s”.")
            % {"label": label, "code": position_code}
        )
    if title_code and title is None:
        errors.append(
            _("%(label)s: there is no title code “%(code)s”.")
            % {"label": label, "code": title_code}
        )
    return position, title


def _history_org(lookup: Lookup, ref: str, label: str, errors: list[str]):
    found = lookup.by_ref.get(ref) or lookup.communes.get(ref) or []
    if len(found) != 1:
        errors.append(
            _("%(label)s: cannot identify organisation “%(name)s”.") % {"label": label, "name": ref}
        )
        return None
    return found[0]
