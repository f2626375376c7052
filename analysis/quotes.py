"""Who speaks: direct quotations and reported speech, with their speakers from the entity layer.

Rules (each has a test in tests/test_quotes.py; the gold set in analysis/validation/gold/attribution
measures them):

**Direct quotations** are spans between quotation marks: straight ``"..."``, curly ``“...”`` or the
``''...''`` of some newspapers' archives (paired in order within a paragraph, so a quotation may run
over several sentences; an opening mark left unclosed at the end of a paragraph — the news convention
for a quotation that goes on in the next paragraph — runs to the paragraph's end and, when the next
paragraph opens with a mark, is one quotation with that paragraph's: one row, its parts in ``spans``,
the speaker of the part that has one), and single
``'...'`` / ``‘...’`` outside double quotes, paired within a paragraph too (the British convention:
"said: 'I am deeply sorry. We accept the findings.'" is one quotation; a double quotation inside one,
'… told me "go home" and …', is part of it; left open at a paragraph's end it goes on only in a next
paragraph that opens with a single mark; a line that ends a sentence ends the search as a paragraph's end
does, so that in text whose paragraphs are parted by one line break a mark never closed on its line
opens no quotation and takes in nothing of the next lines: "said: 'We will rebuild the town." then a
line "The Joneses' house burned.' ..." is no quotation, as with a blank line between them; a next line
that opens with a mark goes on as a next paragraph does). An apostrophe is no single mark: inside a word ("Israel's",
"We’ll", "o'clock") it never opens or closes one, nor does an elision ("the '90s", "rock 'n' roll",
"'em", "'cause"); a mark after "s" followed by a space and a lower-case word is a plural possessive when a later
mark closes the quotation ("'The parents' anger is justified,' she said"; with none, it closes it within
its sentence: "'Listen to the parents' she said"), and so is a dialect elision at a word's end before a
lower-case word ("'We're goin' home now,' she said", "nothin' has", "my ol' man", "rock 'n' roll", "fish
an' chips", "cup o' tea": one quotation); the words of a single quotation hold no other
opening mark (a mark after a space), so an opening mark never closed pairs with no later quotation's
closing one. Where paragraphs ran together (scraped text: "… stay.'It's …"), a mark after an end mark
and before a capital closes one, and ``''`` there is no archive mark; a straight double mark where one
would open but that closes, after a comma, "?" or "!" and before an attribution clause ("…energy. It
will take 60 days," Trump said"), lost its opening mark there: it closes a quotation of its sentence
(from the last closing mark on at most) and the marks after it pair as written. A direct quotation is attributed by the nearest
**cue verb** (``lexicons/cue_verbs.yml``):

1. before it, in the same clause (from the sentence start or the end of the previous quotation in
   that sentence), when the quotation is the cue's whole complement (right after the verb, its
   addressee, a comma, a colon or "that"): "X said, "..."", "X wrote on X that "..."", "stating,
   "..."" (an ``-ing`` cue: its subject only when not in doubt, see :meth:`_Attributor.subject`:
   the phrase right before it, "with an expert explaining", else the one actor or entity that can
   speak named before it, when it starts its clause; with two named, "Dana Price met Omar Haddad,
   an economist, explaining ...", none). Quoted words further into a clause ("X said the team had
   "lost its nerve"") are part of that reported clause: no direct row, the reported row holds them,
   and so are later quotations of the sentence that nothing else attributes, with no clause break
   between the cue and them ('said the strike was "deeply regrettable" and that the trust had made
   "a fair and final offer."': one reported row);
   a quotation of four words or more right after a naming verb (``naming_verbs``) and its object
   of one to four words is its subject's: "Her challenger, councillor Tomas Ruiz, called the record
   "a list of missed deadlines"" -> Tomas Ruiz, cue "call" (found before rule 2); with no
   subject phrase right before the verb ("John Kerry and Chuck Hagel, ..., in a Washington Post
   op-ed, called it "a dark day for all of America"") no row: a row without the speaker the
   sentence names would be wrong; so is a quotation after a cue (not a bare one, whose clause it
   is part of), its object of one to four words and "of"/"for": "Dan Whitfield accused her of
   "hiding behind the spreadsheet"" -> Dan Whitfield, cue "accuse" (with no subject right before
   the cue, no speaker);
2. else after it, in the rest of the sentence: ""...," Kirby said." / ""...," said Kirby." — unless
   that cue is in a clause of its own ("that" between them, or a conjunction right after the
   quotation: "Whitaker called the breach "a disgrace" and demanded that Delane testify"); a
   quotation of one to three words after "call X" is a label, no row (a media researcher counts
   Whitaker's speech where she is quoted, not a label put on her; a wrong speaker is worse than
   none); with no cue verb after it, a quotation that opens its sentence and is followed by a source
   phrase is that source's (""…," according to the chief executive of Northwind Energy, Sam Patel."
   -> Sam Patel, cue "according to"; quoted words inside the author's own clause are not: 'he is now
   convinced that "…," according to an interview' is no interview's speech);
   a quotation ending in "?" or "!" takes a quotation verb (``quotation_verbs``: '"Why?" she
   asked.', '"Why?" asked Adeyemi.') right after its closing mark, and, where the sentence splitter
   cut after the mark, a next sentence of the paragraph that is its cue clause alone ('"Why?" |
   Ruth Adeyemi said at a rally in Boston.'; :func:`_cue_after_question`);
   with no cue at all, a quotation written "Name: 'quote'" (the UK headline form: a person named
   alone from the sentence's start to a colon right before the opening mark, the quotation running
   to the sentence's end: "Reyes: 'We will be brave'") is that person's, with no cue
   (:func:`_colon_speaker`; a topic, "Brexit: '…'", is none);
   in a headline, before rules 1 and 2, a British headline idiom after the quotation (``headline_cues``: a
   comma or colon, a noun phrase of one to three words headed by a speaker noun or one of
   ``headline_speaker_nouns``, and "hears", "heard", "told", "speak out" ..., ending the headline or
   followed by what it is about: "Baby's death 'could have been prevented', inquest hears", "Trust 'failed
   mothers', court told", "'We were failed': parents speak out over maternity care") makes the noun phrase a
   nominal speaker (the proceedings stand for the source the headline does not name; cue hear/tell/speak),
   linked as other nominal speakers are (:func:`_headline_idiom`); and a cue verb and "of"/"about"/"against"
   right before a headline's quotation take it as their complement ("Coroner warns of 'risk of future
   deaths'" -> the coroner, linked to the one coroner the text names). In the body these stay as before;
3. else, a quotation in the same paragraph right after an attributed one continues that speaker.
A quotation split around its cue (""A," he said. "B."" or ""A," he said, "B."") is one row with
both parts (``spans``).

**Speakers.** The speaker of a cue is the noun phrase at it: directly before the verb (auxiliaries
and adverbs between are fine) or, with nothing there, directly after it ("said Rep. George Miller,
the ...") — never the object of a verb whose object is its addressee ("told reporters"). A phrase's
head is the word before its first preposition ("A spokesman for Ms. Ruiz" -> spokesman), else its
last word: a capitalised head makes a *name* (honorifics and titles in front dropped: "Rep. George
Miller" -> George Miller; an honorific alone is no speaker), a speaker noun (``speaker_nouns``) a
*nominal* speaker ("officials", "the company", "the report"; a document noun, ``document_nouns``, too:
"the email said", "The lawsuit contends"; and any organisation noun, ``organization_nouns``: "The
hospital said", "the school said"), "he"/"she"/"they" a *pronoun*. For "X,
<apposition>, said" the name of the two is taken ("the mayor's spokeswoman, Dana Price, said" ->
Dana Price; "Mr. Field, a retired engineer, said" -> Field; an example set off by commas is no
apposition: "Critics, including the former player Tom Ashby, have argued" -> Critics, "A study,
from the Institute ..., says" -> A study; nor is a relative clause, whose names never speak for the
cue after it: "The Northfield Drivers Union (NDU), which says it represents about 3,000 Velto
couriers, said" -> Northfield Drivers Union, the phrase before ", which"/", who" read as the
subject, a comma inside a number, "3,000", no clause comma; the antecedent of a relative "who"
after a cue's preposition-object name speaks, also past an apposition: "heard from Zoë Nguyễn, a governance
analyst, who said that …" -> Zoë Nguyễn); names coordinated before the cue are
one speaker, as written and linked to no entity ("Fenwick Capital and Halden Partners said", one row:
see :meth:`_Attributor.coordinated`); for a chain of appositions the name the
clause starts with ("Colin Marshall, the chief executive of Cloud Peak, a coal producer in Wyoming,
wrote"); after the cue, a name in apposition to a description ("said its spokeswoman, Priya Nair"
-> Priya Nair). With nothing found, the nearest actor or entity (not a place) named earlier in the clause.
Possessives and names inside quotation marks are never speakers. The speaker then links to the
entity mention holding its head word (or ending with it), which gives ``speaker_entity_id``, the
display name and, through the lexicon overlay, ``speaker_id``; a name with no mention at its words
(the entity layer passes over a sentence's first word: "Adeyemi said") links to the one entity of
the text with that name or, for one word, that last name ("Tunde Adeyemi"), and to none when two
could be meant. A speaker linked to a lexicon actor through no entity mention (a lexicon title: "The
mayor said"; an alias the entity layer did not find) takes as ``speaker_entity_id`` the entity of
the document linked to that actor, when there is exactly one. A place (entity type place, lexicon type country) speaks only as the subject
itself ("Israel said", "said Israel", "according to Israel"): then it is a *nominal* speaker (a
government, like "the ministry"); after a preposition ("scientists here in Alaska say", "the leaders
of France, Germany and Italy said") it is a locative and the phrase before it is the speaker, and a
place naming whose sources ("according to U.S. officials") is not linked. A nominal "the
<organisation noun>" (``organization_nouns``) links to the organisation named in the five sentences
before it when it is the only organisation the text names before it (two named before: unlinked;
see below for organisations whose name holds the noun); a noun of a kind that names state ("the union",
"the league", "the hospital"; all but the generic "the company", "the agency", "the team", ...) links
only to an organisation whose name holds it. So does a spokesperson (``spokesperson_nouns``) after
an organisation noun: "A hospital spokesman said", "Hospital officials said", "the hospital's
spokeswoman said" link as "the hospital" does (kept nominal), or, sooner, to the organisation the
entity layer links the noun itself to ("Council officials said" -> Harlow County Council, however
far back it was named); a spokesperson "for", "at", "of" or
"from" an organisation speaks for it ("A spokeswoman for Lakeport General said" -> Lakeport General
Hospital, the organisation of the field whose name goes on from those words; "officials at the
hospital" as "the hospital"), never for a person ("A spokesman for Ms. Ruiz"); "the spokesperson" (the and
a spokesperson noun alone) for the one organisation every earlier use of that noun names ("A spokesperson
for AusFuture Super said … 'We are reviewing …,' the spokesperson said" -> AusFuture Super; an earlier one of
another organisation, or of none named, "A spokesperson declined to comment": unlinked,
:func:`_spokesperson_named_before`).
Pronouns: see :func:`_resolve_pronouns` (only when confident; else the speaker is NA). "told X" and
"wrote to X" fill ``addressee`` ("told reporters outside the main entrance that" -> "reporters": the
object ends before a preposition of place or time); after "told X" a clause without "that" is the
content when it has an auxiliary or a subject pronoun ("told reporters the plan was dead") or opens
with a determiner, a noun and a verb ("told the crowd the company owed riders compensation"; not
"told the committee the details of the plan"). A speaker noun before a participle phrase
speaks: "Several patients waiting at the entrance said" -> "Several patients", and so does one
before a relative clause whose verb follows "that"/"who"/"which" ("The union that represents nurses
said" -> "The union"). A name that is the object of a preposition after a word of its clause is
inside a modifier, not the subject: "The union representing midwives at Grange Lane Hospital said"
-> "The union", "The aide to Sam Patel said" -> "The aide" ("St." and "Mt." opening a name end no
phrase: "Nurses at St. Brendan's Hospital warned" -> "Nurses at St. Brendan's Hospital"), and with no speaker noun before the
preposition no speaker ("the administrator of the Environmental Protection Agency, says" is not
the agency); a preposition opening the clause ("At Acme Sam Patel said"), a part of a group ("half
of Republicans said") and the antecedent of "who" (", who have argued") keep the name. After the
cue, a noun followed by a relative clause with no comma is the subject of what is said ("says
companies that emit gases should ..."), no speaker. "The <organisation noun>" first links to the
one organisation named before it whose name holds that noun ("the union" -> "Allied
Nurses Union", "the agency" -> "Environmental Protection Agency"; in the five sentences before, or
further back when no other name that could be it stands between), and is not linked to an organisation whose
name holds another such noun ("Grange Lane Hospital ... The union said": a hospital is no union).
"The" and a word of origin or party (the entity layer's demonyms and the singulars of its group
words: "the German wrote", "said the Briton", "the Democrat said") is a nominal speaker, not a name,
linked to the one person named in its sentence or the two before it (two people named: unlinked).
Between a quotation and its cue after it, "the"/"a"/"an" and one to three lower-case words are a
nominal speaker whatever the noun (""…," the player said", ""…," the 24-year-old said", "the visibly shaken defender
later said"); an age ("the 24-year-old") is a nominal speaker anywhere. "The player" or "the
24-year-old" links to the one person the text named so before it ("tennis player Maria Vasquez",
"Maria Vasquez, 24,"; a role held "of"/"for" a name: "The founder of the collapsed Varuna Infra Ltd, Ramesh
Venkataraman," for "the founder", and for a headline's '"…," says founder'), as "the mayor" does (a person appointed to the role has it too: "appointed Sofia
Reyes as head coach", "Reyes was named head coach"; not "replaced Gary Pell as head coach",
:func:`analysis.entities.appointed_as`); so does a role with its modifier ("the Ashvale manager" ->
"Ashvale manager Tom Reid", not Brookfield manager Sam Hale) or after a possessive ("the union's
spokeswoman" -> "Union spokeswoman Dana Frost"), and a role in an apposition after a possessive
determiner ("Her agent, Luca Bianchi," for "the agent said"); else (two people so named) it stays unlinked.
When the five-sentence rule finds no one organisation, "the company"/"the firm" links to the one the text
types a company (:func:`_only_typed_before`: "Brightwater Capital", "X, the investment firm"), "the
utility", "the insurer", "the agency" (``organization_kinds``: noun -> the name words that state it) to
the one the text types so ("Pacific Ridge Power", "Golden Mutual Insurance", "Office of Emergency
Services"; or "Northwind, the utility that ..."), however far back, when no other so typed is named
before and no organisation that could be one (a name that states no kind: "Cal Fire"; not an untyped
currency before a figure, "Rs 1,150 crore") since (an
organisation whose name states another kind is never one: "Golden Mutual Insurance ... the utility
said", "California Public Utilities Commission" no utility), and a
generic noun to what the text's first "the <noun>" stood for while every organisation named since is
the object of a preposition (:func:`_continued_description`: "a defeat left the club second from
bottom. The loss at Kingsford Rovers ... the club said" -> the club first named).

**Not quotations.** A quotation of one to three words (words are runs of letters or digits: an emoji
is not a word, so "Hamas ♥️ Biden" has 2) is kept only when a cue of its own and a speaker attribute
it: otherwise it is a scare quote ("a "gimmick"") or a title ('Stand Alone' in a headline). A
quotation after a title marker ("known as", "the documentary", "the bill"; ``title_markers``) is the
title of a work; a quotation with neither cue nor speaker whose words are all capitalised and that
does not end like a sentence is the name of a thing ("Green New Deal"); one with neither that a
word of chanting or of words held up introduces (``display_words``: "fans chanting 'the Reds are
ours'", "a banner reading 'Our club, our city'"; :func:`_chant`) is no one's speech. Cue forms that
are nouns are no cues: after a determiner or a possessive ("the governor's promise that"), a present form not
after a subject ("a swing state that"), after "to" ("declined to comment") or a negation ("did not
say"); a cue followed by "to" is none either ("vowed to"), except "to X" after a verb that takes
an addressee so ("wrote to staff that").

**Reported speech** (kind 'reported'): a cue verb outside quotation marks, not used by a direct
quotation row, not passive ("was reported"), with a speaker and a content of at least 3 words:
"X said (that) ..." (``clause: bare`` verbs; the content starts after the verb or after "that", a
"that" with a finite verb right after it kept as the demonstrative subject of what was said: "said that
was not good enough" -> "that was not good enough";
after a time phrase or setting right after the verb, :func:`_leading_setting_end`: "said on Tuesday |
the strike would go ahead", "said in a statement on Friday |"; a setting alone is no content, :func:`_only_setting`:
"said at an event in New York City Monday night." no row,
and after the verb when a subject pronoun opens the clause: "saying he took responsibility for the
failures that led to the breach" -> "he took responsibility for the failures that led to the breach";
"X said A and that B" holds both clauses, "A and that B", when A is a clause: a bare verb's, or one
with a finite auxiliary or a subject pronoun),
"X announced that ..." / "X maintained: ..." (``clause: that`` verbs need "that" within 8 words, or a
colon); with the cue after the content, "..., analysts say." / "..., the company said Tuesday." /
"..., said Tom Becker." / "..., a spokeswoman for the agency, Carla Mendes, said." (the content
from the sentence start to the comma before the speaker, or before a description and a name set off
by commas; what follows the cue must be a few words of time or place, with no finite verb: in
"…, said Harris' record on the environment was decent" the words after "said" are a clause; a parenthetical "A, she said,
B." takes both parts, unless B starts with a conjunction or "with": "..., Ana Ruiz said, with an
expert explaining that ..." is the expert's; an A of one or two words is taken only as B's subject,
:func:`_subject_goes_on`: "Her complaint, sources said, became the basis of …" -> "Her complaint … became
the basis of …", but "Yesterday, officials said, the road closed" -> "the road closed"); and "according to X, ..." / "..., according to X" (phrases from
``source_phrases``; X is the whole phrase to the comma or the sentence's end: "a review of court
records by the watchdog group Open Ledger"; titles dropped from a name: "According to Dr. Anita
Raghavan, a security researcher at ..., the ..." -> Anita Raghavan, the description after the name
not content; "According to the Health Secretary, Priya Lindqvist, the …" -> Priya Lindqvist, the
content after her name: a description headed by a speaker noun and a name in apposition to it); a
source phrase that closes its sentence with a description of a person and a name in apposition
gives the name ("…, according to the chief executive of Northwind, Sam Patel." -> Sam
Patel), and a name phrase ending with a person's name that person ("according to Exacta Weather
forecaster James Madden"; also after lower-case title words: "according to club physio Dr. Helen
Brooks"). A document (``document_nouns``: "a statement released on Thursday") is a nominal
source without its time tail ("a statement"), and no row when a cue verb of the sentence already
reports the words ("The company denied that ..., according to a statement": one row, the
company's). The content runs to the end of the sentence or to a clause break (``;``, ", while",
", but", ", whereas", ", following" ...) or to ", according to", or to "and" before a finite cue
form coordinated with the cue ("said the accusations were "desperate" and accused Ruiz of ...": the
content ends at "desperate"; "said prices rose and wages fell" is kept whole); a cue coordinated so
("... and said ...", "called X "a scandal" and demanded that ...") shares the speaker of the one
before it. A content never ends inside a quotation it holds: a break or comma between the marks
('said the walkout was "the last thing anyone wanted, but the only thing left."') is passed over
to the quotation's closing mark (in the paragraph's next sentence too, as a direct quotation may
run on).

Offsets: ``start``/``end`` index into the document's ``text`` (into its ``title`` for quotations in
the headline, sentence_id 0): the first part's start and the last part's end; ``spans`` lists the
parts, as one string of "start end" pairs joined by ";" (``'410 451;473 527'``: ``field[410:451]``
and ``field[473:527]``; one part: ``'start end'``; ``[tuple(map(int, p.split())) for p in
spans.split(";")]`` gives the pairs), and ``quote`` joins them with " … " (one part:
``quote == field[start:end]``);
``sentence_id`` is the sentence where the quotation starts; ``speaker_start``/``speaker_end`` are the
speaker's words in the same field. Cue verbs match in lower case (or capitalised as a sentence's
first word), so title-case headlines are not parsed for speech. Every look-up within a document is
a bisection, so the time grows with the text's length, not its square.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate, islice
from operator import itemgetter, le, lt
from pathlib import Path
from typing import Any, NamedTuple

import ahocorasick
import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.actors import ActorLexicon, load_actors
from analysis.actors import mentions as find_mentions
from analysis.text import sentences_of
from analysis.cues import CueVerbs, load_cue_verbs
from analysis.entities import LEXICON_ENTITY_TYPES
from analysis.errors import InputError, require_columns, require_table
from analysis.schema import QUOTE_COLUMNS, output_columns
from analysis.runtime import collector_paused

__all__ = ["QUOTE_COLUMNS", "MIN_QUOTE_WORDS", "quotes", "voice", "top_voices", "unnamed_source_rows", "quote_spans", "count_words"]


#: Quotations with fewer words (one to three) need a cue of their own and a speaker: else they are
#: scare quotes or titles.
MIN_QUOTE_WORDS = 4

_WORD = re.compile(r"[^\W_]+(?:['’.\-]+[^\W_]+)*")
_DOUBLE = re.compile(r"''|``|[\"“”]")
_DOUBLE_ONE = re.compile(r"[\"“”]")  # when the text has no '' or `` marks: the same, faster
# An opening single mark not after a letter, digit or mark (checked behind the mark, so that a search
# jumps from mark to mark), a word character next (or right after a closing mark after an end mark:
# paragraphs run together, "… two?''That …"); not an elision ("the '90s", "rock 'n' roll", "'em", "'til")
_ELISION = r"(?:\d\ds\b|n['’]\s|em\b|til\b|tis\b|twas\b|cause\b|s\b)"  # ("Trump 's": a possessive cut off)
_ELIDED = re.compile(_ELISION)
_OPENS = r"['‘](?:(?<![\w'’]['‘])|(?<=[.,!?]['’]'))(?=[^\W_])"
_SINGLE_OPEN = re.compile(_OPENS)  # where a single quotation can start
# A single quotation within a paragraph (the British convention: 'I am sorry. We accept the findings.'):
# its words hold no other opening mark (after a space, not an elision: the search ends there), a closing
# mark after a word character or . , ! ? with no word character next, but not a mark after "s" followed
# by a space and a lower-case word: that is a plural possessive. First with no such mark among the words
# (the search ends at the first one); else, past them, to a closing mark after . , ! ? ('The parents'
# anger is justified,' she said; "'oxygen cocktails' in a bid" goes on to no later mark after a letter);
# with neither, _SINGLE within the sentence decides. A mark after an end mark and before a capital closes
# one too (paragraphs run together: 'I am sorry.'The trust said ...).
_SINGLE_PARAGRAPH = re.compile(
    _OPENS + r"(.+?)(?:(?<=[\w.,!?])['’](?![\w])(?!(?<=s['’])\s+[a-z])|(?<=[.!?])['’](?=[A-Z]))", re.DOTALL)
_SINGLE_PAST_POSSESSIVES = re.compile(
    _OPENS + r"(.+?)(?:(?<=[.,!?])['’](?![\w])|(?<=[.!?])['’](?=[A-Z]))", re.DOTALL)
# A mark that is no closing one where a later mark after . , ! ? closes the quotation: a plural possessive
# ("the parents' anger") or a dialect elision at a word's end before a lower-case word ("goin' home",
# "nothin' has", "my ol' man", "rock 'n' roll", "fish an' chips", "cup o' tea"); group 1 the mark
_POSSESSIVE_MARK = re.compile(r"(?:s|[^\W\d_]in|\bol|\ban|\bo|['‘]n)(['’])\s+[a-z]")
# within one sentence, a mark after "s" closes one ('Listen to the parents' she said)
_SINGLE = re.compile(_OPENS + r"(.+?)(?<=[\w.,!?])['’](?![\w])")
# the next paragraph opens with a single mark that can open a quotation: a quotation left open at the end
# of this one goes on there (the convention for a quotation over several paragraphs)
_SINGLE_GOES_ON = re.compile(r"[ \t\r]*\n\s*['‘](?=[^\W_])(?!" + _ELISION + r")")
# the words between a cue and its "that" (up to 8, no quotation mark among them: a "that" inside a
# quotation, 'said there was 'a risk that …'', is the quotation's own)
_THAT = re.compile(r"\A(?:[\s,]+(?!['‘](?!" + _ELISION + r")[^\W_])[^\s.;!?\"“”,‘]+){0,8}?[\s,]+that\b")
_TO = re.compile(r"\s+to\b")
_COLON_NEXT = re.compile(r"\s*:")  # a colon after whitespace (matched in place: no copy of the rest of the text)
_COLON = re.compile(r"\A\s*:")
# words that end the object of "told" (a new noun phrase, a subject pronoun, a finite verb, a time word,
# a preposition of place, time or manner: "told reporters | outside the main entrance that"; "of" and
# "for" go on: "told members of the board"), as written: "the Today show" goes on
_OBJECT_ENDS = frozenset("the a an this these those his her their its our my your some many most all no every "
                         "I we he she they you it is was were are will would could should had has have can may "
                         "might must did does during about over last yesterday today tomorrow earlier later "
                         "recently outside inside at in on near from by within across around behind beside "
                         "throughout".split())
# a clause (not a noun phrase) after "told <addressee>" without "that": it opens with a subject pronoun,
# or a finite auxiliary, modal or copula comes within its first words ("told reporters the plan was dead",
# "told CNN he would run"; not "told him the story of her life")
_FINITE_CLAUSE = re.compile(r"\A\s+(?:(?:I|we|he|she|they|you)\s|(?:[^\s.;!?,\"“”]+\s+){1,6}?"
                            r"(?:is|was|were|are|will|would|could|should|had|has|have|can|may|might|must|did|"
                            r"does|won't|wouldn't|can't|couldn't|didn't|doesn't|isn't|wasn't|weren't)\b)")
_BREAK = re.compile(r";|,\s+(?:while|but|whereas|although|following|prompting|citing)\b")
_CLAUSE_END_CHARS = frozenset(",;:!?\"“”).")
_NOUN_ENDINGS = ("'s", "’s", "s'", "s’", "n't", "n’t")  # a possessive before a cue: a noun; a negation
_PHRASE_END = re.compile(r"[,;:!?\"“”)]$")
_PHRASE_END_CHARS = frozenset(",;:!?\"“”)")  # what _PHRASE_END matches, by character
_POSSESSIVE_END = re.compile(r"(?:['’]s|(?<=s)['’])$")
_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")  # what _POSSESSIVE_END matches, in a word without newline
_ENDS_THAT = re.compile(r"\bthat$")
_THAT_WORD = re.compile(r"\bthat\b")
_TAIL_STOP = re.compile(r",|;|[.!?](?=\s|$|[\"”’])")
_COORDINATED = re.compile(r"(?:,[\"”’']?\s+|\s+)(?:and|but)\s+$")  # before a coordinated cue verb
_COMMA_BEFORE = re.compile(r",[\"”’']?\s+$")  # before an -ing cue that starts a clause of its own
# what a clause after "A, she said," starts with when it is no second part of what she said
_CONJUNCTION = re.compile(r"(?:and|but|or|while|as|so|then|with)\b", re.IGNORECASE)
#: A relative clause after a speaker describes it ("..., said the club owner, who was in Spain"): no content
_RELATIVE = re.compile(r"(?:who|whom|whose|which|where)\b", re.IGNORECASE)
_TOKEN = re.compile(r"\S+")
_SPACE_TOKEN = re.compile(r"(\s*)(\S+)")  # a token (as _TOKEN) and the whitespace before it
_ACRONYM = re.compile(r"(?:[A-Z]\.)+")
_POSSESSIVE = re.compile(r"['’](?:s(?!\w)|(?!\w))")
_APOSTROPHES = frozenset("'’")
_MARK_BEFORE = frozenset(",.!?")  # before a closing single mark that ends a phrase ("years,'")
_LETTERS = re.compile(r"[a-z]+")
_WORD_CHAR = re.compile(r"[\w-]")  # what may not touch a cue verb (the edges of CueVerbs.pattern)
_LEADING_WORD = re.compile(r"\w+")
_CUT = re.compile(r"[A-Za-z][\w-]")  # at hi - 1: hi cuts a word, a cue form may end there


def _naming_starts(text: str, forms: Mapping[str, str]) -> list[int]:
    """Where the naming-verb ``forms`` start in ``text`` as whole words (as cue forms are found), in
    order (``str.find``: most texts have few of them)."""
    found = []
    for form in forms:
        pos = text.find(form)
        while pos >= 0:
            end = pos + len(form)
            if not (pos and _word_char(text[pos - 1])) and not (end < len(text) and _word_char(text[end])):
                found.append(pos)
            pos = text.find(form, end)
    found.sort()
    return found


def _word_char(c: str) -> bool:
    """What ``_WORD_CHAR`` matches: a word character (as re's ``\\w``) or "-"."""
    return c.isalnum() or c == "_" or c == "-"


def _cuts_word(text: str, hi: int) -> bool:
    """``_CUT.match(text, hi - 1)`` for 0 < hi < len(text), by character (``\\w`` is what
    str.isalnum() accepts, and "_"): the character at ``hi`` first, most often a space or a mark."""
    c = text[hi]
    if not (c.isalnum() or c == "_" or c == "-"):
        return False
    c = text[hi - 1]
    return c.isascii() and c.isalpha()

# Grammar words (not lexicon data): what may stand between a subject and its verb, what marks a
# passive, where a speaker's words stop.
_AUX = frozenset("has have had also reportedly later then again previously would will once recently "
                 "further publicly earlier repeatedly separately privately quickly already just did "
                 "does do had".split())
_AUX_NOT_PERFECT = _AUX - {"had", "has", "have"}  # what may stand between a passive's "be" and its verb
_PASSIVE = frozenset("is was were are been being be".split())
_CLAUSE = frozenset("that which who whom while and but after before as when because if since though "
                    "although where with without for to in on at by from than".split())
_DETERMINERS = frozenset("the a an".split())
_NAME_JOINERS = frozenset("of the and for in on a an to de".split())
_PRONOUNS = frozenset("he she they it we i you this these those there".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i".split())
_OBJECT_PRONOUNS = frozenset("him her them us me".split())
_DETERMINERS_ALL = frozenset("the a an his her its their our my your this that these those every each no any "
                             "some another".split())
_NOT_BEFORE_VERB = _DETERMINERS_ALL | {"to", "not", "never"}
_PREPS = frozenset("of for at from with in".split())
_MODALS = frozenset("will would could should may might must can shall also often still now never "
                    "always usually generally frequently routinely".split())
#: Finite verbs no noun phrase holds, as written (lower case: "Will Smith" is a name)
_FINITE_VERBS = frozenset("will would could should may might must can shall is was were are has have had".split())
# between a cue and a quotation: an object of one to four words and "of"/"for" ("accused her of")
_OBJECT_AND_OF = re.compile(r"\s+(?:[^\s.;:!?,\"“”]+\s+){1,4}?(?:of|for)\Z")
_EXAMPLE = re.compile(r"\s*(?:including|such as|among them|notably|especially|like|from)\s", re.IGNORECASE)
_RELATIVE_NEXT = re.compile(r"\s+(?:who|which|that)\b")  # a relative clause with no comma before it
_FINITE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_FINITE_VERBS)) + r")\b")  # one of them next
_TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                        "tomorrow week month year day morning afternoon evening night earlier later last "
                        "this late early recently previously then january february march april may june "
                        "july august september october november december".split())
# Prepositions that make a place a locative ("in Alaska", "across America", "of France"), and
# adverbs of place that may stand between a speaker and such a phrase ("scientists here in Alaska").
_LOCATIVE_PREPS = frozenset("in across from of at throughout around near outside inside within for to on by "
                            "with over into among between along beyond".split())
# a name after them is their object, not a subject
_OBJECT_PREPS = _LOCATIVE_PREPS | {"about", "against", "toward", "towards", "than", "like"}
# a phrase after them before an -ing cue is what is talked about ("rowed back on that statement saying")
_ANY_PREPS = _OBJECT_PREPS | _PREPS
_PREPOSITION_ENDINGS = tuple(f" {p} " for p in sorted(_OBJECT_PREPS))  # a preposition right before a phrase
_PREPOSITION_DET_ENDINGS = tuple(e + d for e in _PREPOSITION_ENDINGS for d in ("", "the ", "The ", "a ", "an "))
# words before "of" that make the group after it the speaker ("half of Republicans said")
_QUANTIFIERS = frozenset("half many most some all none one two three several few majority minority "
                         "dozens hundreds thousands millions number percent each both either neither".split())
# "the Standing Rock Sioux, who (have) argued"; also after an apposition of the name: "Zoë Nguyễn, a governance
# analyst, who said"
_RELATIVE_AFTER = re.compile(r"(?:,\s+(?:a|an|the|his|her|their|its)\s[^,;:.!?\"“”()]{1,60})?,?\s*(?:who|which|that)\s*$")
_ABOUT_PREPS = frozenset("on about at to against over".split())
_AFTER_QUOTE_CHARS = frozenset(" \n,.!?\"”’'")  # between a quotation's words and a phrase attributing it
_AFTER_QUOTE = frozenset(" \n,!?\"”’'")  # between a quotation's words and a description after it
# "the player", "a 24-year-old", "the visibly shaken defender": a determiner and lower-case words, group 1 the head
_DESCRIPTION = re.compile(r"(?:the|a|an)(?:\s+[a-z0-9][a-z0-9'’-]*){0,2}\s+([a-z0-9][a-z0-9'’-]*)")
_AGE = re.compile(r"(\d{1,3})-year-old")  # a description by age ("the 24-year-old")
# what may stand between another person's name and an -ing cue for that person to be meant: a comma,
# or a description set off by commas ("Omar Haddad, an economist, explaining")
_APPOSED_BEFORE = re.compile(r"\s*(?:,[^,;:.]{1,60})?,\s*$")
_LOCATIVE_ADVERBS = frozenset("here there locally abroad nationwide worldwide overseas".split())
_TAIL_STARTERS = frozenset("on in at during after before of about from via when while as to through over "
                           "last this earlier late early".split())
# A time phrase, or the setting of what was said, written right after a cue verb before a content with no
# "that" ("said on Tuesday the strike would go ahead", "said Tuesday", "said last week", "said in a
# statement on Friday"): not part of what was said (:func:`_leading_setting_end`). Month names only
# capitalised ("May"), weekdays too ("said monday" is no English a journalist writes).
_DAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTHS = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
           r"Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)")
_PERIODS = r"(?:week|weekend|month|year|morning|afternoon|evening|night|season|spring|summer|autumn|fall|winter)"
_SETTING = re.compile(
    r"[\s,]*(?:"
    rf"(?:(?:late|early|earlier|later)\s+)?(?:on\s+)?{_DAYS}(?:\s+(?:morning|afternoon|evening|night))?"
    rf"|(?:on\s+)?{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|on\s+\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTHS}(?:\s+\d{{4}})?"
    rf"|in\s+(?:{_MONTHS}(?:\s+\d{{4}})?|\d{{4}})"
    rf"|(?:(?:late|early|earlier|later)\s+)?(?:last|this|next)\s+{_PERIODS}"
    r"|today|yesterday|tonight|tomorrow"
    r")(?![\w'’])")
# "in a statement", "at a news conference": the noun is the first or the second word after the determiner
_SETTING_OCCASION = re.compile(r"[\s,]*(?:in|at)\s+(?:a|an|the|its|his|her|their)\s+([a-z]+)(?:\s+([a-z]+))?"
                               r"(?![\w'’])")
# besides document nouns, what "in/at a ..." after a cue may name as the setting of the words ("said in an
# interview", "said at a news conference")
_SPEECH_OCCASIONS = frozenset("interview speech briefing conference meeting hearing rally".split())


def _is_name(text: str) -> bool:
    """Every word capitalised (or a short function word): the name of a thing, not speech."""
    if text.rstrip().endswith((".", "!", "?")):
        return False  # checked first: it is cheaper than reading the words
    words = _WORD.findall(text)
    return bool(words) and all(w[:1].isupper() or w[:1].isdigit() or w in _NAME_JOINERS for w in words)


def _fewer_words(text: str, n: int, lo: int = 0, hi: int | None = None) -> bool:
    """``count_words(text[lo:hi]) < n``, counting no further than ``n`` (without copying the slice)."""
    return _n_words(n).match(text, lo, len(text) if hi is None else hi) is None


@functools.lru_cache(maxsize=8)
def _n_words(n: int) -> re.Pattern[str]:
    """A pattern that matches at ``lo`` when text[lo:hi] has at least ``n`` words: what
    ``_WORD.finditer`` skips between words (characters no word starts with: ``[\\W_]``), then a
    word taken whole as ``_WORD`` takes it (an atomic group: never split in two), ``n`` times."""
    return re.compile(r"(?:[\W_]*+(?>" + _WORD.pattern + r")){" + str(n) + "}")


def count_words(text: str) -> int:
    """Runs of letters or digits (with inner ' ’ . -): "Hamas ♥️ Biden" has 2, "U.S.-led" 1."""
    return len(_WORD.findall(text))


def quote_spans(text: str, *, lo: int = 0, hi: int | None = None,
                sentence_spans: list[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Quotation spans in ``text[lo:hi]`` (one paragraph): (first, last+1) of the words between the
    marks, surrounding whitespace and a trailing comma dropped; in order, not overlapping.

    Double marks pair in order (straight or curly); an unclosed one runs to ``hi``. Single marks
    pair outside double quotations, within the paragraph (as the module docstring says: apostrophes are
    no marks; a possessive "s'" closes a quotation only within one of ``sentence_spans``, default: the
    whole range, when no later mark does); a double quotation inside a single one is no span of its own.
    """
    hi = len(text) if hi is None else hi
    if text.find("``", lo, hi) >= 0 or _archive_marks(text, _pair_positions(text, "''", lo, hi)):
        marks = [(m.start(), m.group()) for m in _DOUBLE.finditer(text, lo, hi)]
    else:
        marks = _char_positions(text, _DOUBLE_CHARS, lo, hi)
    sentence_spans = sentence_spans or [(lo, hi)]
    singles = _char_positions(text, _SINGLE_CHARS, min([lo] + [s for s, _ in sentence_spans]),
                              max([hi] + [e for _, e in sentence_spans]))
    return _spans_of_marks(text, lo, hi, marks, singles, sentence_spans)


_DOUBLE_CHARS = ('"', "“", "”")  # what _DOUBLE_ONE matches


def _pair_positions(text: str, pair: str, lo: int, hi: int) -> Iterator[int]:
    """The offsets of ``pair`` in text[lo:hi] (str.find)."""
    pos = text.find(pair, lo, hi)
    while pos >= 0:
        yield pos
        pos = text.find(pair, pos + 1, hi)


def _archive_marks(text: str, at: Iterable[int]) -> bool:
    """Are the ``''`` at these offsets double marks of the archive convention: two of them at least (an
    opening and a closing one; a lone one is a typing slip, "said: ''We are …'") that are not a closing
    and an opening single mark of paragraphs run together (after an end mark or comma, a capital next:
    "… for another decade or two?''That doesn't …")?"""
    n = 0
    for p in at:
        if not (p and text[p - 1] in ".!?," and text[p + 2:p + 3].isupper()):
            n += 1
            if n == 2:
                return True
    return False
_SINGLE_CHARS = ("'", "‘")       # where _SINGLE_OPEN can match


def _char_positions(text: str, chars: Sequence[str], lo: int, hi: int) -> list[tuple[int, str]]:
    """(offset, char) of every one of ``chars`` in text[lo:hi], in order (str.find: faster than a
    regular expression for a few characters)."""
    out = []
    for ch in chars:
        pos = text.find(ch, lo, hi)
        while pos >= 0:
            out.append((pos, ch))
            pos = text.find(ch, pos + 1, hi)
    if len(chars) > 1:
        out.sort()
    return out


def _spans_of_marks(text: str, lo: int, hi: int, marks: list[tuple[int, str]], singles: list[tuple[int, str]],
                    sentence_spans: Sequence[tuple[int, ...]], *, rows: bool = False,
                    ordered: bool = False, attribution: re.Pattern[str] | None = None) -> list[tuple[int, int]]:
    """:func:`quote_spans` given the double marks (offset, mark) of text[lo:hi] and the single marks
    (offset, mark) of text[lo:hi] and of the sentences (``sentence_spans``: (start, end) each, or with
    ``rows`` sentence rows (sentence_id, paragraph_id, start, end); ``ordered``: they follow one
    another without overlapping). ``attribution``: an attribution clause right after a closing mark
    (:func:`_attribution_pattern`); with it, marks out of phase are paired again (:func:`_lost_opening`)."""
    spans: list[tuple[int, int]] = []
    open_at = None
    last = lo  # where the last closing mark ends
    for pos, mark in marks:
        if open_at is None:
            if attribution is not None and mark == '"' and _lost_opening(text, pos, hi, attribution):
                # '…energy." It will take no more than 60 days," Trump said': a closing mark where one
                # would open, its opening mark lost (paragraphs run together): the quotation is the
                # sentence that ends at it (not before the last closing mark), and the marks after it
                # pair as written
                start = _sentence_start(pos, sentence_spans, rows=rows, ordered=ordered)
                spans.append((max(last, lo if start is None else start), pos))
                last = pos + 1
            elif mark not in ("”", "''") or (mark == "''" and pos + 2 < hi and not text[pos + 2].isspace()):
                open_at = pos + len(mark)
        elif mark not in ("“", "``"):
            spans.append((open_at, pos))
            open_at = None
            last = pos + len(mark)
    if open_at is not None:
        spans.append((open_at, hi))
    if not singles:
        return _trimmed(text, spans)
    doubles = list(spans)  # in order, not overlapping: looked up by bisection
    double_starts = [d_lo for d_lo, _ in doubles]
    # a quotation opens at a mark not right after a letter or digit (_SINGLE_OPEN's look-behind: "Israel's"
    # is passed over by character), nor at an elision
    opens = [pos for pos, _ in singles if lo <= pos < hi and not (pos and text[pos - 1].isalnum())
             and _SINGLE_OPEN.match(text, pos, hi) and not _ELIDED.match(text, pos + 1)]
    if not opens:
        return _trimmed(text, spans)
    # the opening marks after a space: no quotation's words hold one (a search for its closing mark ends there)
    after_space = [pos for pos in opens if pos > lo and text[pos - 1].isspace()]
    nested: set[tuple[int, int]] = set()
    reach = lo
    for pos in opens:
        if pos < reach:
            continue
        k = bisect_right(double_starts, pos + 2) - 1  # the last double starting at start + 2 or before
        if k >= 0 and pos < doubles[k][1] + 2:
            continue  # inside a double quotation: "He called it 'bad' today"
        j = bisect_right(after_space, pos)
        end = after_space[j] if j < len(after_space) else hi
        line_end = _line_end(text, pos, end)  # a line that ends a sentence ends a single quotation's search
        if line_end < end:
            end = line_end
        poss = _POSSESSIVE_MARK.search(text, pos, end)
        m = _SINGLE_PARAGRAPH.match(text, pos, poss.start(1) if poss else end)
        if m is None and poss is not None:
            m = _SINGLE_PAST_POSSESSIVES.match(text, pos, end)
        if m is None:
            s_hi = _sentence_end(pos, sentence_spans, rows=rows, ordered=ordered)
            m = _SINGLE.match(text, pos, min(s_hi, end)) if s_hi is not None else None
        if m is None:
            at = min(hi, line_end)
            k = at
            while k > pos and text[k - 1] in " \t\r":
                k -= 1
            if _SINGLE_GOES_ON.match(text, at) and text[k - 1:k] in (".", "!", "?"):
                spans.append((pos + 1, at))  # open at the paragraph's (line's) end, the next one opens with a mark
                reach = at
            continue  # never closed in its paragraph (its line): no quotation, nothing after it swallowed
        q_lo, q_hi = m.start(1), m.end(1)
        inside = doubles[bisect_right(double_starts, q_lo):bisect_left(double_starts, q_hi)]
        if any(d_hi > q_hi for _, d_hi in inside):
            continue  # a double quotation opened inside and closed after it: marks that do not nest
        nested.update(inside)  # 'A midwife told me "go home" and I believed her,' she said: one quotation
        spans.append((q_lo, q_hi))
        reach = m.end()
    if nested:
        spans = [sp for sp in spans if sp not in nested]
    return _trimmed(text, spans)


def _lost_opening(text: str, pos: int, hi: int, attribution: re.Pattern[str]) -> bool:
    """Is the straight mark at ``pos`` a closing one that cannot open a quotation: right after a comma,
    "?" or "!" (and a closing single mark) and followed by an attribution clause ('…," Trump said', '…?" asked Gore'), so that the
    quotation it closes lost its opening mark? ('He said," We …' opens one: no cue after it.)"""
    if pos + 1 >= hi or text[pos + 1] not in _SPACE:
        return False
    before = pos - 1 if pos > 1 and text[pos - 1] in "'’" else pos  # "the 'Green Real Deal,'" the statement said"
    return before > 0 and text[before - 1] in ",?!" and attribution.match(text, pos + 1, min(hi, pos + 60)) is not None


@functools.lru_cache(maxsize=8)
def _attribution_pattern(forms: frozenset[str]) -> re.Pattern[str]:
    """An attribution clause after a quotation's closing mark: at most four words without punctuation
    but full stops ("Sen."), then one of the finite cue or quotation verb ``forms`` ("Trump said", "he added", "said Trump",
    "the agency's spokesman told"), or a name set off by a comma ("Michael Hansen, executive director of
    …, told"))."""
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)) or r"(?!x)x"
    return re.compile(r"\s+(?:(?:[^\s,;:!?\"“”]+\s+){0,4}?(?:" + alts + r")(?![\w-])"
                      r"|(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*,\s)")


def _sentence_start(pos: int, sentence_spans: Sequence[tuple[int, ...]], *, rows: bool, ordered: bool) -> int | None:
    """The start of the sentence holding ``pos`` (as :func:`_sentence_end`); None when none holds it."""
    at_lo, at_hi = (2, 3) if rows else (0, 1)
    if ordered:
        ends = list(map(itemgetter(at_hi), sentence_spans))
        i = bisect_right(ends, pos)
        if i < len(ends) and sentence_spans[i][at_lo] <= pos:
            return sentence_spans[i][at_lo]
        return None
    return next((span[at_lo] for span in sentence_spans if span[at_lo] <= pos < span[at_hi]), None)


def _line_end(text: str, pos: int, hi: int) -> int:
    """Where the first line after ``pos`` that ends a sentence (an end mark, a closing mark or not, last on
    the line: "… the town.\\nThe council …") ends, before ``hi``; else ``hi``. Single marks pair within it:
    a paragraph break written as one line break (scraped text) ends a quotation left open, which never
    runs on into the next paragraphs' text (a line wrapped inside a sentence goes on)."""
    nl = text.find("\n", pos, hi)
    while nl >= 0:
        k = nl
        while k > pos and text[k - 1] in " \t\r":
            k -= 1
        if k > pos and text[k - 1] in "\"”’'":
            k -= 1
        if k > pos and text[k - 1] in ".!?":
            return nl
        nl = text.find("\n", nl + 1, hi)
    return hi


def _sentence_end(pos: int, sentence_spans: Sequence[tuple[int, ...]], *, rows: bool, ordered: bool) -> int | None:
    """The end of the sentence holding ``pos`` (``sentence_spans`` as :func:`_spans_of_marks` takes
    them); None when no sentence holds it."""
    at_lo, at_hi = (2, 3) if rows else (0, 1)
    if ordered:
        ends = list(map(itemgetter(at_hi), sentence_spans))
        i = bisect_right(ends, pos)
        if i < len(ends) and sentence_spans[i][at_lo] <= pos:
            return ends[i]
        return None
    return next((span[at_hi] for span in sentence_spans if span[at_lo] <= pos < span[at_hi]), None)


def _trimmed(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans in order, without surrounding whitespace and a trailing comma; empty ones dropped."""
    out = []
    for s, e in sorted(spans):
        while s < e and text[s].isspace():
            s += 1
        while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# ------------------------------------------------------------------------------------- a document


class _Mention(NamedTuple):
    start: int          # offsets in the field (title or text)
    end: int
    actor_id: Any
    actor: str
    via: str = "alias"
    entity_id: Any = pd.NA
    etype: Any = None
    gender: Any = None


_MISSING = object()  # no value given (for :func:`_coded`)
_NEW_MENTION = functools.partial(tuple.__new__, _Mention)  # a _Mention from a tuple, without a Python call
_START = itemgetter(0)  # a _Mention's, _Cue's or span's start (m.start, lo), without a Python call
_END = itemgetter(1)  # a span's end (hi)
_ROW_START, _ROW_END = itemgetter(2), itemgetter(3)  # a sentence row's (sentence_id, paragraph_id, start, end)
_ROW_PARAGRAPH, _ROW_SENTENCE_START = itemgetter(1), itemgetter(0, 2)


@dataclass
class _Field:
    """One field of a document (its title or its text) with its sentences, mentions and quotations."""

    text: str
    sentences: list[tuple[int, int, int, int]]          # (sentence_id, paragraph_id, start, end)
    mentions: list[_Mention] = field(default_factory=list)
    quotes: list[tuple[int, int]] = field(default_factory=list)
    places: list[_Mention] = field(default_factory=list)  # mentions of places, apart: only link() reads them
    headline: bool = False  # the document's title: its headline idioms attribute quotations (_headline_idiom)

    def __post_init__(self) -> None:
        # Lookups by bisection: sentence ends (when the sentences follow one another without
        # overlapping, as sentences() makes them), and quotation starts with the furthest end so far.
        rows = self.sentences
        starts = list(map(_ROW_START, rows))
        self._ends = list(map(_ROW_END, rows))
        self._in_order = all(map(lt, starts, self._ends)) and all(map(le, self._ends, starts[1:]))
        self._mention_starts: list[int] = list(map(_START, self.mentions))
        self._place_starts = list(map(_START, self.places))
        self.set_quotes(self.quotes)

    def mentions_in(self, lo: int, hi: int) -> list[_Mention]:
        """The mentions starting in [lo, hi), places among them, by start."""
        starts = self.mention_starts
        found = self.mentions[bisect_left(starts, lo):bisect_left(starts, hi)]
        if self.places:
            here = self.places[bisect_left(self._place_starts, lo):bisect_left(self._place_starts, hi)]
            if here:
                found = sorted(found + here, key=_START)
        return found

    def possessive(self, m: _Mention) -> bool:
        """Is the mention a possessive ("Netanyahu's ministers")? A pronoun never is."""
        return m.via != "pronoun" and _possessive_at(self.text, m.end)

    @property
    def mention_starts(self) -> list[int]:
        """The mentions' starts (the mentions are sorted by start)."""
        if len(self._mention_starts) != len(self.mentions):
            self._mention_starts = list(map(_START, self.mentions))
        return self._mention_starts

    def set_quotes(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = quotes
        spans = sorted(quotes)
        self._quote_spans = spans
        self._quote_starts = list(map(_START, spans))
        self._quote_reach = list(accumulate(map(_END, spans), max))  # the furthest end so far

    def sentence_at(self, pos: int) -> tuple[int, int, int, int]:
        """The first sentence holding ``pos`` or ending at it; else the last sentence."""
        if not self._in_order:
            return next((row for row in self.sentences if row[2] <= pos < row[3] or pos == row[3]),
                        self.sentences[-1])
        k = bisect_left(self._ends, pos)  # the first sentence ending at pos or after it
        if k < len(self.sentences) and (self.sentences[k][2] <= pos or self._ends[k] == pos):
            return self.sentences[k]
        return self.sentences[-1]

    def whole_quote_end(self, lo: int, hi: int, limit: int) -> int:
        """Where a reported content text[lo:hi] ends so that it does not end inside a quotation that
        opens in it (a comma or a clause break between the marks: 'said the walkout was "the last
        thing anyone wanted, but the only thing left."' was cut after "wanted"): after that
        quotation's closing mark when the mark ends by ``limit``, else before its opening mark (ends
        of content stripped, as :func:`_content` strips them); else ``hi``."""
        k = bisect_left(self._quote_starts, hi) - 1  # the last quotation starting before hi: the one
        if k < 0:                                     # that can hold hi (quotations do not overlap)
            return hi
        q_lo, q_hi = self._quote_spans[k]
        if q_lo <= lo:
            return hi  # the content starts inside it: not a quotation the content holds
        text = self.text
        close = _closing_mark_end(text, q_hi)
        if hi >= close or (close == q_hi and _LEADING_WORD.search(text, hi, q_hi) is None):
            return hi  # holds it whole, or all the words of one left open (its end stripped: "… standards.")
        if close <= limit:
            return close
        return _content(text, lo, _opening_mark_start(text, lo, q_lo))[1]

    def in_quote(self, s: int, e: int) -> bool:
        """Is text[s:e] within a quotation (give or take its marks)?"""
        k = bisect_right(self._quote_starts, s + 1)  # the quotations starting at s + 1 or before
        return k > 0 and self._quote_reach[k - 1] >= e - 1


def _closing_mark_end(text: str, q_hi: int) -> int:
    """Where the closing mark of the quotation ending at ``q_hi`` (a span of :func:`quote_spans`:
    a trailing comma and whitespace trimmed) ends; ``q_hi`` for a quotation left unclosed."""
    p = q_hi
    while p < len(text) and p < q_hi + 4 and text[p] in " ,\n":
        p += 1
    if text.startswith("''", p):
        return p + 2
    return p + 1 if p < len(text) and text[p] in "\"”’'" else q_hi


def _opening_mark_start(text: str, lo: int, q_lo: int) -> int:
    """Where the opening mark of the quotation starting at ``q_lo`` starts (not before ``lo``)."""
    p = q_lo
    while p > lo and text[p - 1].isspace():
        p -= 1
    if p > lo:
        p -= 1
        if p > lo and text[p - 1:p + 1] in ("''", "``"):
            p -= 1
    return p


@functools.lru_cache(maxsize=8)
def _endings(words: frozenset[str]) -> tuple[int, tuple[str, ...]]:
    """The longest of ``words`` (lower case) and the words as a tuple, for ``str.endswith``: a
    word that is one of them in lower case ends ``seg.lower()`` when ``seg`` ends with it."""
    return max(map(len, words), default=1), tuple(words)


def _last_word(seg: str) -> str:
    """The run of word characters ``seg`` ends with ("" if none), read from the end: for a ``seg``
    without trailing whitespace, what a search for a word at the end of ``seg`` finds."""
    tail = seg[:-33:-1]  # the last 32 characters, reversed
    m = _LEADING_WORD.match(tail)
    if m is None:
        return ""
    if m.end() == len(tail) < len(seg):  # the word may go on before the tail
        m = _LEADING_WORD.match(seg[::-1])
    return seg[len(seg) - m.end():]


def _strip_tail(seg: str, words: frozenset[str]) -> str:
    """``seg`` without trailing whitespace and trailing ``words``."""
    longest, endings = _endings(words)
    while True:
        seg = seg.rstrip()
        if not seg[-longest:].lower().endswith(endings):
            return seg  # no word of ``words`` at the end, whatever word is there (found without reading it)
        word = _last_word(seg)
        if not word or word.lower() not in words:
            return seg
        seg = seg[:len(seg) - len(word)]


class _Speaker(NamedTuple):
    """A speaker: its words' offsets in the field, how it is referred to, and what it links to."""

    actor_id: Any      # the lexicon actor, or NA
    name: Any          # display name (linked: the actor's or entity's name; else the words), or NA
    type: str          # 'name', 'nominal' or 'pronoun'
    start: int         # the speaker's words in the field
    end: int
    entity_id: Any = pd.NA
    gender: Any = None      # 'male' / 'female' where the entity layer or lexicon knows it
    etype: Any = None       # the entity's type (person, organization, ...) where linked
    head: int = -1          # offset of the phrase's head word


_NEW_SPEAKER = functools.partial(tuple.__new__, _Speaker)  # a _Speaker from all nine values, without a Python call


_Tok = tuple[int, int, str]  # (start, end, word) in the field
_NP_REACH = 100  # characters a noun phrase is looked for in (8 words and more)
_SPACE = frozenset(" \n\t\r\f\v\xa0")


def _ends_phrase(word: str, honorifics: frozenset[str]) -> bool:
    """A token that ends a noun phrase: closing punctuation, or a full stop that is no abbreviation."""
    last = word[-1:]
    if last == "\n":  # _PHRASE_END's $ also matches before a final newline
        last = word[-2:-1]
    if last in _PHRASE_END_CHARS or word[:1] in "\"“”‘(" or (last in _APOSTROPHES and word[-2:-1] in _MARK_BEFORE):
        return True  # (a closing single mark after a comma or end mark: "years,'")
    return word.endswith(".") and not _is_abbreviation(word, honorifics)


def _is_abbreviation(word: str, honorifics: frozenset[str]) -> bool:
    """"U.S.", "J.", "Rep.", "Dr." (an honorific with its full stop, written capitalised as before a
    name: "said the striker." ends its sentence though "Striker" is an honorific)."""
    return bool(_ACRONYM.fullmatch(word)) or (word[:1].isupper() and word[:-1].lower() in honorifics)


def _np_before(text: str, lo: int, hi: int, nouns: frozenset[str], honorifics: frozenset[str]) -> list[_Tok]:
    """The noun phrase text[lo:hi] ends with, read backwards: up to 8 words, stopping before
    punctuation, a clause word or after a determiner; "of"/"for"/"at"/... are kept between a name or a
    speaker noun and what follows ("A spokesman for Ms. Ruiz", "Forecasters at the Weather Service").
    Read from the last 10 tokens; tried first on the last 4, which give the same phrase unless the
    walk reaches their front (most phrases are a word or two)."""
    toks = _tokens_before(text, lo, hi, 4)
    taken, front = _np_walk(toks, nouns, honorifics)
    if front and len(toks) == 4:  # there may be more tokens before: read the 10
        taken, _ = _np_walk(_tokens_before(text, lo, hi, 10), nouns, honorifics)
    return taken


def _np_walk(toks: list[_Tok], nouns: frozenset[str], honorifics: frozenset[str]) -> tuple[list[_Tok], bool]:
    """:func:`_np_before` on the tokens ``toks``, and whether it ran into their front (a check for a
    token before the first one): with more tokens before them, the phrase could differ."""
    taken: list[_Tok] = []
    k = len(toks) - 1
    while len(taken) < 8:
        if k < 0:
            return taken, True
        tok = toks[k]
        word = tok[2]
        last = word[-1]  # _ends_phrase(word, honorifics), inline (a token is never empty, has no newline)
        if last in _PHRASE_END_CHARS or word[0] in "\"“”‘(" or (
                last == "." and not _is_abbreviation(word, honorifics) and not _opens_name(toks, k, taken)) or (
                last in _APOSTROPHES and word[-2:-1] in _MARK_BEFORE):
            break
        low = word.lower()
        if low in _CLAUSE:
            if low in _PREPS and taken:
                if k == 0:
                    return taken, True
                prev = toks[k - 1][2]
                if not _ends_phrase(prev, honorifics) and (prev[:1].isupper() or _bare(prev).lower() in nouns):
                    taken.insert(0, tok)
                    k -= 1
                    continue
            break
        taken.insert(0, tok)
        k -= 1
        if low in _DETERMINERS_ALL:
            # "Forecasters at the National Weather Service": a preposition after a noun goes on
            if k < 1:
                return taken, True
            if toks[k][2].lower() in _PREPS and len(taken) < 7:
                prev = toks[k - 1][2]
                if not _ends_phrase(prev, honorifics) and (prev[:1].isupper() or _bare(prev).lower() in nouns):
                    continue
            break
    return taken, False


def _opens_name(toks: list[_Tok], k: int, taken: list[_Tok]) -> bool:
    """Is ``toks[k]`` an abbreviation that opens the name after it ("St." of "Nurses at St. Brendan's
    Hospital", "Mt." of "on Mt. Hood"; :func:`_name_openers`), not a sentence's last word: a capitalised
    word follows it, and no capitalised word stands before it ("on Main St. Officials said": a street)?"""
    return bool(taken) and taken[0][2][:1].isupper() and toks[k][2].lower() in _name_openers() and \
        (k == 0 or not toks[k - 1][2][:1].isupper())


def _saint_name_before(before: str, prev: str) -> bool:
    """Is ``prev``, the last word of ``before`` (the text before a cue), a capitalised possessive
    opened by a name's abbreviation ("St. Mary's" of "Doctors at St. Mary's said": a hospital's or a
    church's name, not a possessor of the cue as a noun, as in "the governor's warning")?"""
    if not prev[:1].isupper() or not prev.endswith(_POSSESSIVE_ENDINGS):
        return False
    words = before.rstrip()[:-len(prev)].rsplit(None, 1)  # the word before it only, not a split of the whole text
    return bool(words) and words[-1].lower() in _name_openers()


@functools.cache
def _name_openers() -> frozenset[str]:
    """Abbreviations that open a name ("st.", "mt."): the entity layer's first words of place names
    (``place_first_words``) written with a full stop."""
    from analysis.entity_words import load_entity_words

    return frozenset(w for w in load_entity_words().place_first if w.endswith("."))


def _tokens_before(text: str, lo: int, hi: int, n: int) -> list[_Tok]:
    """The last ``n`` whitespace-separated tokens of text[lo:hi], in order: runs of characters other
    than space, newline and tab, without trailing whitespace (runs of whitespace only skipped), the
    first one cut at ``lo``. Read backwards from ``hi``, each token's start found by ``str.rfind``
    of a space (about a tenth fewer instructions than one search over a window)."""
    out: list[_Tok] = []
    pos = hi
    while pos > lo:
        c = text[pos - 1]
        if c == " " or c == "\n" or c == "\t":
            pos -= 1
            continue
        s = text.rfind(" ", lo, pos) + 1
        if s < lo:
            s = lo
        run = text[s:pos]
        if "\n" in run or "\t" in run:  # the other separators, looked for in the run only
            s += max(run.rfind("\n"), run.rfind("\t")) + 1
            run = text[s:pos]
        word = run.rstrip(_SPACE_CHARS)
        if word:
            out.append((s, s + len(word), word))
            if len(out) == n:
                break
        pos = s
    out.reverse()
    return out


_SPACE_CHARS = " \n\t\r\f\v\xa0"


def _np_after(text: str, lo: int, hi: int, honorifics: frozenset[str]) -> list[_Tok]:
    """The noun phrase text[lo:hi] starts with: up to 8 words, to punctuation or a clause word
    ("of"/"at"/... go on when a capitalised word follows: "Professor Kenji Mori of Osaka University"),
    or to a finite verb ("the trust | would ask ...")."""
    toks = _SPACE_TOKEN.findall(text, lo, min(hi, lo + _NP_REACH))  # (whitespace before, token)
    taken: list[_Tok] = []
    pos = lo
    for k, (space, word) in enumerate(toks):
        s = pos + len(space)
        e = pos = s + len(word)
        if word[:1] in "\"“‘(":
            break
        end = _ends_phrase(word, honorifics)
        core = word.rstrip(",;:!?\"“”’).") if end else word
        low = core.lower()
        if low in _CLAUSE:
            if low in _PREPS and taken and not end and k + 1 < len(toks) and toks[k + 1][1][:1].isupper():
                taken.append((s, e, word))
                continue
            break
        if core in _FINITE_VERBS:
            break  # "the trust | would ask the Football Association to ...": the phrase ends before a verb
        if len(taken) == 8:
            break
        if core:
            taken.append((s, s + len(core), core))
        if end:
            break
    return taken


def _after_titles(text: str, lo: int, hi: int, honorifics: frozenset[str]) -> int:
    """Where text[lo:hi] starts without honorifics and titles in front ("Dr. Anita Raghavan" -> at
    "Anita"); a title alone is kept (``lo``)."""
    for m in _TOKEN.finditer(text, lo, hi):
        if m.group().rstrip(".").lower() not in honorifics:
            return m.start()
    return lo


def _bare(word: str) -> str:
    """A word without a possessive ending and outer punctuation."""
    return _POSSESSIVE_END.sub("", word.strip(",;:!?\"“”‘’()"))


#: Forms of address that are no role ("Mr.", "Dr."): one of them inside a run of capitalised words
#: closes a title written before a name (:func:`_title_of_before_name`).
_PLAIN_HONORIFICS = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr", "prof"))


def _title_of_before_name(taken: list[_Tok], prep: int) -> bool:
    """The preposition at ``prep`` is inside a title written before a name: lower-case words after it,
    then capitalised words to the end ("director of football Ian Marsh", "head of communications Ana
    Ruiz"), or capitalised words, a plain form of address (:data:`_PLAIN_HONORIFICS`) and a name
    ("Undersecretary for Education Mr. Toccafondi"); not a name as its object ("Nurses at St. Brendan's
    Hospital", "officials of the county")."""
    rest = [t[2] for t in taken[prep + 1:]]
    lower = 0
    while lower < len(rest) and rest[lower][:1].islower():
        lower += 1
    if lower == 0 and prep > 0 and taken[prep - 1][2][:1].isupper() and all(w[:1].isupper() for w in rest):
        return any(w.rstrip(".").lower() in _PLAIN_HONORIFICS for w in rest[1:-1])
    return 0 < lower < len(rest) and rest[0].lower() not in _DETERMINERS_ALL and \
        all(w[:1].isupper() for w in rest[lower:])


def _classify(taken: list[_Tok], nouns: frozenset[str], honorifics: frozenset[str]) -> _Speaker | None:
    """A noun phrase as a speaker: its head is the word before its first preposition (not one inside a
    title written before a name, "director of football Ian Marsh"), else its last word. A pronoun alone: 'pronoun'; a speaker noun or an age ("the 24-year-old"): 'nominal' (the whole
    phrase); a capitalised word:
    'name' (the run of capitalised words ending at the head, honorifics and titles in front dropped:
    "Rep. George Miller" -> "George Miller"; nothing left: no speaker). Possessives, time words and
    anything else: no speaker."""
    if not taken:
        return None
    head_i = len(taken) - 1
    for i in range(1, len(taken)):
        if taken[i][2].lower() in _PREPS:
            if not _title_of_before_name(taken, i):
                head_i = i - 1
            break
    s, e, head_word = taken[head_i]
    if head_word.endswith(_POSSESSIVE_ENDINGS):
        return None
    head = head_word.rstrip(".")
    low = head.lower()
    if len(taken) == 1 and low in _SUBJECT_PRONOUNS:
        return _NEW_SPEAKER((pd.NA, pd.NA, "pronoun", s, e, pd.NA, None, None, -1))
    if low in _TIME_WORDS or low in _PRONOUNS or low in _SUBJECT_PRONOUNS:
        return None
    first = 1 if taken[0][2].lower() in _DETERMINERS_ALL and len(taken) > 1 else 0
    if low in nouns and (not head[:1].isupper() or head_i == first):
        # a speaker noun ("officials", "The company", "Officials" at a sentence's start); with other
        # capitalised words before it, it is a name ("The Harlow County Board of Elections")
        return _NEW_SPEAKER((pd.NA, " ".join([t[2] for t in taken]), "nominal", taken[0][0], taken[-1][1], pd.NA,
                             None, None, s))
    if not head[:1].isupper() or low in honorifics:
        if low.endswith("-year-old") and _AGE.fullmatch(low):  # "the 24-year-old": a person, by age
            return _NEW_SPEAKER((pd.NA, " ".join([t[2] for t in taken]), "nominal", taken[0][0], taken[-1][1],
                                 pd.NA, None, None, s))
        return None
    i = head_i
    # capitalised words before the head (an acronym, "U.S.", starts with a capital too), no possessive
    # (_POSSESSIVE_END by its endings: a token has no newline)
    while i > 0 and taken[i - 1][2][:1].isupper() and not taken[i - 1][2].endswith(_POSSESSIVE_ENDINGS):
        i -= 1
    while i < head_i and (taken[i][2].rstrip(".").lower() in honorifics or taken[i][2].lower() in _DETERMINERS_ALL):
        i += 1
    run = taken[i:head_i + 1]
    return _NEW_SPEAKER((pd.NA, " ".join([t[2] for t in run]), "name", run[0][0], run[-1][1], pd.NA, None, None, s))


def _title_words_before(text: str, lo: int, hi: int, honorifics: frozenset[str]) -> bool:
    """Are the words of text[lo:hi] (before a person's name) a description written as a title, lower-case
    words and honorifics with no determiner, pronoun or verb among them ("club physio Dr.", "team
    doctor", "the club's physio")? Not "critics including", "fans like", "a man who saw"."""
    words = text[lo:hi].split()
    if not words:
        return False
    for k, word in enumerate(words):
        low = word.lower()
        if low.rstrip(".") in honorifics or (k == 0 and low == "the") or \
                (k == 1 and words[0].lower() == "the" and low.endswith(_POSSESSIVE_ENDINGS)):
            continue
        if not word[:1].islower() or not word.isalpha() or low in _DETERMINERS_ALL or low in _PRONOUNS or \
                low in _CLAUSE or _EXAMPLE.match(low + " ") or low in _VERB_LIKE:
            return False
    return True


def _tail_is_adverbial(tail: str) -> bool:
    """What follows a cue at a clause's end ("Tuesday", "on Friday", "in a statement", "of the
    plan"): empty, or a few words starting with a time word or a preposition, "that" not among
    them ("told a conference in Abu Dhabi that …": the cue's content follows)."""
    words = tail.split(None, 7)
    if not words:
        return True
    first = words[0].strip(",.;:!?").lower()
    return len(words) <= 6 and (first in _TIME_WORDS or first in _TAIL_STARTERS) and "that" not in words and \
        _FINITE_VERBS.isdisjoint(words)  # "on the environment was ...": a clause, no tail


class _Cue(NamedTuple):
    """A cue verb in a field: ``text[start:end] == form`` (as written: "said", "Said")."""

    start: int
    end: int
    form: str


_NEW_CUE = functools.partial(tuple.__new__, _Cue)  # a _Cue from a tuple, without a Python call


class _FieldWords(NamedTuple):
    """What one pass of :meth:`_CueFinder.scan` finds in a field."""

    cues: list[_Cue]                # the cue forms, as :meth:`_CueFinder.find` finds them
    naming: list[int]               # where the naming verbs start, as :func:`_naming_starts` finds them
    source_phrase: bool             # whether a source phrase ("according to", "According to") is in it


_CUE, _NAMING, _SOURCE = 1, 2, 4  # what an automaton key is (one key can be several)


class _CueFinder:
    """Finds what ``cues.pattern`` matches: any cue form, lower case or capitalised, as a whole word
    (no letter, digit, "_" or "-" directly before or after it). When every form is a single word a
    match is one whole word: they are found with one Aho-Corasick automaton over the forms and a
    check of their edges, instead of trying every form at every position. The automaton reports
    every form it passes (``iter``: "say" in "says" too, dropped by the edge check), which takes
    about a tenth fewer instructions than asking it for the longest ones (``iter_long``). The same
    pass finds the naming verbs (when they too are single words) and the source phrases, which
    would otherwise take a search of the text each (:meth:`scan`)."""

    def __init__(self, cues: CueVerbs):
        self.pattern = cues.pattern
        self.cues = cues
        # the nouns that can head an unnamed speaker: speaker nouns, documents ("the email said") and
        # kinds of organisation ("The hospital said")
        self.nouns = cues.speaker_nouns | cues.document_nouns | cues.organization_nouns
        forms = list(cues.lemma_of)
        # an attribution clause after a closing mark (finite forms): marks out of phase (_lost_opening)
        self.attribution = _attribution_pattern(frozenset(
            [f for f in forms if not f.endswith("ing")] + list(cues.quotation_of)))
        self.automaton = None
        self.finds_naming = False
        if forms and all(_LETTERS.fullmatch(form) for form in forms):
            kinds: dict[str, int] = {}
            for form in forms + [form[0].upper() + form[1:] for form in forms]:
                kinds[form] = _CUE
            self.finds_naming = all(_LETTERS.fullmatch(form) for form in cues.naming_of)
            for form in cues.naming_of if self.finds_naming else ():
                kinds[form] = kinds.get(form, 0) | _NAMING
            for phrase in cues.source_phrases:
                for key in (phrase, phrase[0].upper() + phrase[1:]):
                    kinds[key] = kinds.get(key, 0) | _SOURCE
            self.automaton = ahocorasick.Automaton()
            for key, kind in kinds.items():
                self.automaton.add_word(key, (key, kind))
            self.automaton.make_automaton()

    def find(self, text: str, lo: int, hi: int) -> list[_Cue]:
        """The cue forms in text[lo:hi], in order: what ``cues.pattern.finditer(text, lo, hi)`` finds
        (the text before ``lo`` is seen by the edge check, the text from ``hi`` on is not)."""
        hi = min(hi, len(text))
        if self.automaton is None:
            return [_Cue(m.start(), m.end(), m.group()) for m in self.pattern.finditer(text, lo, hi)]
        out: list[_Cue] = []
        if lo >= hi:
            return out
        for last, (form, kind) in self.automaton.iter(text, lo, hi):
            if not kind & _CUE:
                continue
            start, end = last + 1 - len(form), last + 1
            if _whole_word(text, start, end, hi):
                out.append(_NEW_CUE((start, end, form)))
        return out

    def scan(self, text: str) -> _FieldWords:
        """The cue forms of the whole ``text`` (:meth:`find`), its naming verbs' starts and whether
        it holds a source phrase: one pass of the automaton where it can find them all."""
        cues = self.cues
        if self.automaton is None or not self.finds_naming:
            return _FieldWords(self.find(text, 0, len(text)),
                               _naming_starts(text, cues.naming_of) if cues.naming_of else [],
                               any(p in text or p[0].upper() + p[1:] in text for p in cues.source_phrases))
        out: list[_Cue] = []
        naming: list[int] = []  # in order: whole words of letters do not overlap
        source = False
        n = len(text)
        for last, (form, kind) in self.automaton.iter(text, 0, n):
            if kind & _SOURCE:
                source = True  # anywhere, as ``phrase in text`` finds it
                if kind == _SOURCE:
                    continue
            start, end = last + 1 - len(form), last + 1
            if not _whole_word(text, start, end, n):
                continue
            if kind & _CUE:
                out.append(_NEW_CUE((start, end, form)))
            if kind & _NAMING:
                naming.append(start)
        return _FieldWords(out, naming, source)


_FINDERS: dict[str, _CueFinder] = {}  # sha256 of a cue list -> its finder (the automaton is built once)


def _finder_for(cues: CueVerbs) -> _CueFinder:
    """The :class:`_CueFinder` of a cue list, built once per content (``sha256``) and kept for the
    next calls (a few lists at most)."""
    finder = _FINDERS.get(cues.sha256)
    if finder is None:
        if len(_FINDERS) >= 8:
            _FINDERS.clear()
        finder = _FINDERS[cues.sha256] = _CueFinder(cues)
    return finder


def _whole_word(text: str, start: int, end: int, hi: int) -> bool:
    """text[start:end] has no word character (str.isalnum() or "_", as re's \\w) nor "-" right before
    it, nor right after it before ``hi``: an automaton match that is a whole word."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c == "_" or c == "-":
            return False
    if end < hi:
        c = text[end]
        if c.isalnum() or c == "_" or c == "-":
            return False
    return True


class _Attributor:
    """Finds cues and speakers in one field of one document."""

    def __init__(self, f: _Field, cues: CueVerbs, finder: _CueFinder):
        self.f, self.cues, self.finder = f, cues, finder
        self.nouns, self.honorifics = finder.nouns, cues.honorifics
        self._addressee_of, self._present = cues.addressee_of, cues.present_forms
        self.paragraph_quotes = _paragraph_quotes(f, finder.attribution)  # sets f.quotes
        # the field's cue verbs, found once: cues_in() takes the ones in its range
        words = finder.scan(f.text)
        self._verbs = [m for m in words.cues if self._is_verb(m)]
        self._verb_starts = list(map(_START, self._verbs))
        self._names: dict[str, dict[Any, _Mention]] | None = None  # for _by_name, made when first needed
        self._addressees: dict[tuple[int, int], tuple[int, int] | None] = {}
        self.shared: dict[int, _Speaker] = {}  # cue start -> the speaker of a cue coordinated before it
        self.naming = words.naming  # naming verbs' starts
        # whether cues.source_pattern ("according to" or "According to") can match anywhere in the field
        self.source_phrase_in_field = words.source_phrase
        self.set_direct([])

    def _is_verb(self, m: _Cue) -> bool:
        """A cue form used as a verb of speech: outside quotations, not capitalised mid-sentence, not
        followed by "to" (but "wrote to staff"), not a noun ("the governor's promise that", "a swing
        state that"), not an infinitive or negated ("declined to comment", "did not say")."""
        f = self.f
        text = f.text
        start, end, written = m
        k = bisect_right(f._quote_starts, start + 1)  # f.in_quote(start, end), inline
        if k and f._quote_reach[k - 1] >= end - 1:
            return False
        form = written if written[0].islower() else written.lower()
        # whitespace, then "to" as a word (_TO), searched only where the characters after ``end``
        # allow it: with no whitespace at end + 1, "to" must start there
        nxt = text[end + 1:end + 3]
        if (nxt == "to" or nxt[:1].isspace()) and _TO.match(text, end) is not None and \
                not (self._addressee_of[form] == "to" and self._to_addressee(end)):
            return False
        if written[0].isupper():
            sent = f.sentence_at(start)
            if text[sent[2]:start].strip(" \"'“‘(["):
                return False  # capitalised mid-sentence: a title-case headline word, not a verb
        before = text[max(0, start - 40):start]
        stripped = before.rstrip()
        if len(stripped) == len(before):
            prev = ""
        else:
            prev = stripped[max(stripped.rfind(" "), stripped.rfind("\n")) + 1:]
        if not prev or prev[-1] in _CLAUSE_END_CHARS:
            return True  # at a clause's start: "…," said Kirby
        low = prev.lower()
        if low in _NOT_BEFORE_VERB or (prev.endswith(_NOUN_ENDINGS) and not _saint_name_before(before, prev)):
            return False  # a noun ("the promise that", "the governor's warning"), "declined to comment"
        if form in self._present:
            # a present form is a verb after a subject: a name, a pronoun, a speaker noun, an auxiliary
            return (prev[:1].isupper() or low in _SUBJECT_PRONOUNS or low in _PRONOUNS or _bare(low) in self.nouns
                    or low in _AUX or low in _MODALS)
        return True

    def _to_addressee(self, pos: int) -> tuple[int, int] | None:
        """The addressee span of "to X" at ``pos`` ("wrote to staff that ..."), else None: X is a
        determiner, a name or an object pronoun, or "that"/":" follows within a few words."""
        text = self.f.text
        m = _TO.match(text, pos)
        if not m:
            return None
        toks = _np_after(text, m.end(), min(len(text), m.end() + 120), self.honorifics)
        if not toks:
            return None
        first = toks[0][2]
        if not (first.lower() in _DETERMINERS_ALL or first[:1].isupper() or first.lower() in _OBJECT_PRONOUNS
                or _THAT.match(text[m.end():m.end() + 200]) or _COLON_NEXT.match(text, toks[-1][1])):
            return None
        return toks[0][0], toks[-1][1]

    def addressee(self, m: _Cue) -> tuple[int, int] | None:
        """Who the cue addresses: "told reporters", "wrote to staff" (span in the field), else None
        (found once per cue: a cue is asked about by its quotation and again by its row)."""
        if self._addressee_of[m.form.lower()] == "none":
            return None  # (what _find_addressee gives such a cue, without the call)
        key = (m.start, m.end)
        if key not in self._addressees:
            self._addressees[key] = self._find_addressee(m)
        return self._addressees[key]

    def _find_addressee(self, m: _Cue) -> tuple[int, int] | None:
        mode = self.cues.addressee_of[m.form.lower()]
        if mode == "to":
            return self._to_addressee(m.end)
        if mode == "object":
            text = self.f.text
            sent = self.f.sentence_at(m.start)
            toks = _np_after(text, m.end, sent[3], self.honorifics)
            if toks and toks[0][2].lower() not in _TIME_WORDS:
                # the object ends where a clause's subject or verb or a preposition of place or time
                # starts: "told reporters | the plan was dead", "told CNN | she would run", "told
                # reporters | outside the main entrance"; a determiner after "of"/"for" goes on: "told
                # members of the board"
                cut = next((k for k in range(1, len(toks))
                            if toks[k][2] in _OBJECT_ENDS and toks[k - 1][2] not in ("of", "for")), len(toks))
                return toks[0][0], toks[cut - 1][1]
        return None

    def verbs_by_sentence(self) -> Iterator[tuple[tuple[int, int, int, int], _Cue]]:
        """Each sentence with each of its cue verbs (as :meth:`cues_in` finds them), in order."""
        f, text = self.f, self.f.text
        if not f._in_order:
            for row in f.sentences:
                for m in self.cues_in(row[2], row[3]):
                    yield row, m
            return
        done = -1  # sentences in order: look each verb's sentence up (as f.sentence_at does; the verbs
        rows, ends = f.sentences, f._ends  # are in order, so each search starts at the previous one)
        k, n, last, cut = 0, len(rows), None, False
        for m in self._verbs:
            k = bisect_left(ends, m.start, k)
            row = rows[k] if k < n and (rows[k][2] <= m.start or ends[k] == m.start) else rows[-1]
            if row[0] == done:
                continue
            if row is not last:
                last, cut = row, 0 < row[3] < len(text) and _cuts_word(text, row[3])
            if cut:
                done = row[0]  # a sentence ending inside a word: searched itself, as cues_in does
                for cut in self.cues_in(row[2], row[3]):
                    yield row, cut
            elif row[2] <= m.start and m.end <= row[3]:
                yield row, m

    def cues_in(self, lo: int, hi: int) -> list[_Cue]:
        """Cue verbs in text[lo:hi] (see :meth:`_is_verb`).

        Taken from the verbs of the whole field; a range whose end cuts a word is searched itself
        (the word's first part can be a cue form of the range, not of the field)."""
        text = self.f.text
        if 0 < hi < len(text):  # _cuts_word(text, hi), inline
            c = text[hi]
            if c.isalnum() or c == "_" or c == "-":
                c = text[hi - 1]
                if c.isascii() and c.isalpha():
                    return [m for m in self.finder.find(text, lo, hi) if self._is_verb(m)]
        return self._verbs[bisect_left(self._verb_starts, lo):bisect_left(self._verb_starts, hi)]

    def speakers(self, lo: int, hi: int, *, places: bool = False) -> list[_Mention]:
        """Mentions in text[lo:hi] that can be speakers: not possessive, not inside a quotation
        (``places``: places too)."""
        f = self.f
        found = f.mentions_in(lo, hi) if places else \
            f.mentions[bisect_left(f.mention_starts, lo):bisect_left(f.mention_starts, hi)]
        return [m for m in found if m.end <= hi and not f.possessive(m) and not f.in_quote(m.start, m.end)]

    def link(self, sp: _Speaker) -> _Speaker:
        """The speaker linked to the mention that ends its words (a name, or a lexicon title such as
        "the prime minister"), or that is its pronoun; else as found."""
        f = self.f
        if sp.type == "nominal" and any(w in _PREPS for w in f.text[sp.start:sp.end].lower().split()):
            # "a spokesman for Ms. Ruiz": the name after "for" is not the speaker; but a role phrase written
            # before a name, "Minister for Foreign Affairs Sergey Lavrov": the person it ends with
            m = self._after_role_phrase(sp)
            return sp if m is None else _NEW_SPEAKER((m.actor_id, m.actor, "name", m.start, m.end, m.entity_id,
                                                      m.gender, m.etype, m.start))
        inside = f.mentions_in(sp.start, sp.end)
        best = None
        if sp.type == "name" and sp.head >= 0:  # the mention holding the head word ("Harlow County Board
            for m in inside:                     # of Elections" for "... Board of Elections said")
                if m.start <= sp.head < m.end and not f.possessive(m):
                    best = m
            if best is not None:
                return _linked(sp, best)
        for m in inside:
            if m.end == sp.end and not f.possessive(m):
                best = m
        if best is None and sp.type == "name":
            for m in inside:
                if m.end <= sp.end and not f.possessive(m):
                    best = m
        if best is None and sp.type == "name":  # the words are the end of a longer name the entity layer
            for m in f.mentions_in(max(0, sp.start - 80), sp.start):  # found, cut at a joining word ("College
                if m.end >= sp.end and m.via != "pronoun" and not f.possessive(m) \
                        and f.text[m.start:sp.start].rstrip().rsplit(None, 1)[-1] in _NAME_JOINERS:  # Union" of
                    best = m                                                       # "University and College Union")
        if best is None:
            return self._by_name(sp) if sp.type == "name" else sp
        return _linked(sp, best)

    def _after_role_phrase(self, sp: _Speaker) -> _Mention | None:
        """The person a nominal speaker with a preposition ends with when its words before that
        person are a capitalised role phrase and no mention of their own, "of"/"for" inside, the body or
        portfolio after it not empty, no honorific right before the name ("Spokesman for Acme Corp John
        Smith", "Secretary of State for Health Jane Doe": the entity layer gives that person the phrase as
        title); else None ("a spokesman for Ms. Ruiz", "Spokesman for Ms. Ruiz", "officials of Acme")."""
        f = self.f
        inside = f.mentions_in(sp.start, sp.end)
        if not inside:
            return None
        m = inside[-1]
        if m.end != sp.end or m.etype != "person" or m.via == "pronoun" or m.start <= sp.start or \
                len(inside) > 1 or f.possessive(m):
            return None
        words = f.text[sp.start:m.start].split()
        if len(words) < 3 or not words[0][:1].isupper() or words[-1] in ("of", "for") or \
                words[-1].rstrip(".").lower() in self.honorifics:
            return None
        if not all(w[:1].isupper() or w in ("of", "for") for w in words) or \
                not any(w in ("of", "for") for w in words[1:]):
            return None
        return m

    def _by_name(self, sp: _Speaker) -> _Speaker:
        """A name speaker with no mention at its words (the entity layer passed over a sentence's
        first word: "Adeyemi said ..."), linked to the one entity of the field it names: the same name,
        or for a single word the last word of exactly one entity's name ("Tunde Adeyemi", or the
        short form the entity layer found elsewhere in the text). Places aside; two candidates: none."""
        words = sp.name.split() if isinstance(sp.name, str) else []
        if not words:
            return sp
        if self._names is None:
            names: dict[str, dict[Any, _Mention]] = {}
            for m in self.f.mentions:
                if m.via != "pronoun" and m.etype != "place" and isinstance(m.actor, str):
                    key = m.entity_id if isinstance(m.entity_id, str) else m.actor_id
                    full = m.actor.split()
                    if full:
                        names.setdefault(" ".join(full), {}).setdefault(key, m)
                        if len(full) > 1:
                            names.setdefault("\x00" + full[-1], {}).setdefault(key, m)
            self._names = names
        found = dict(self._names.get(" ".join(words), {}))
        if len(words) == 1:
            found.update(self._names.get("\x00" + words[0], {}))
        if not found and len(words) == 1 and _common_noun(words[0], self.f.text) and \
                not self.f.text[self.f.sentence_at(sp.start)[2]:sp.start].strip(" \n\"“‘'("):
            # "Whistleblower says ..." (a headline), "Campaigners said ...": a common word capitalised
            # only because it opens the sentence, no name: a nominal speaker
            return _as_nominal(sp)
        if len(found) != 1:
            return sp
        m = next(iter(found.values()))
        return _linked(sp, m)

    def subject(self, sent_lo: int, cue_at: int) -> _Speaker | None:
        """The subject of an -ing cue at ``cue_at`` (or of the quotation there), only when it is not
        in doubt:

        0. after "is", "has been" … it is a finite verb: the speaker before those;
        1. a noun phrase right before it, no comma between, is its own subject when it can speak
           and is no object of "on", "about", "to" … ("rowed back on that statement saying"):
           "with an expert explaining that …" -> "an expert", "labor leaders warning" -> "labor
           leaders", "a Vox article warning" -> Vox; "with Randall Luthi of the … Association
           noting" -> Randall Luthi; after "with" a phrase that cannot speak ("with one employee
           stating") leaves it unknown; a document ("released a statement saying") speaks only
           when rules 2 and 3 find no one;
        2. after a comma that ends a finite cue's clause of fewer than 20 words, that cue's speaker
           ("Felsenthal said Thunberg '…,' adding: …", "…, Alexander said, adding that …");
        3. else the first actor or entity that can speak named before it in the sentence (outside
           quotations, no possessive, not the object of a preposition: "called on Mayor Pete
           Buttigieg", "on Twitter"), when it starts its clause (only capitalised words,
           determiners, titles or speaker nouns between the sentence's start or the comma before
           it and it: "The secretary of state, Mike Pompeo, announced …, saying" -> Mike Pompeo)
           and no other one stands right before the cue, alone or with a description set off by
           commas; a name before a speaker noun and its verb modifies the noun, whose phrase is the
           subject ("More than 1,000 Harlow Athletic supporters marched ..., demanding" -> "1,000
           Harlow Athletic supporters", nominal);
        4. else none: "Dana Price met Omar Haddad, an economist, explaining …" (either could be
           meant), "The company hired Kirby last year, saying …" (the one named is the object)."""
        text = self.f.text
        own_lo = max(sent_lo, text.rfind(",", sent_lo, cue_at) + 1)
        toks = _tokens_before(text, own_lo, cue_at, 12)
        document = None
        if toks and not text[toks[-1][1]:cue_at].strip():
            last = toks[-1][2].lower()
            if last in _PASSIVE or last in _AUX:  # "is saying", "has been saying": finite
                return self.speaker_before(sent_lo, toks[-1][0])
            if last.endswith(("'re", "’re", "'s", "’s")) and len(toks) == 1:  # "They're predicting"
                return None
        with_at = next((k for k in range(len(toks) - 2, -1, -1) if toks[k][2] in ("with", "With")), -1)
        if with_at >= 0:  # "with an expert explaining": the phrase after "with" is the subject
            lo = toks[with_at][1]
            first = next((m for m in self.speakers(lo, cue_at) if m.etype in _SPEAKER_TYPES), None)
            if first is not None and self._only_titles(lo, first.start):
                return _from_mention(first)
            sp, _ = self.subject_phrase(lo, toks[-1][1])
            return sp if sp is not None and sp.type != "pronoun" else None
        if toks and not text[toks[-1][1]:cue_at].strip():
            sp, sp_lo = self.subject_phrase(own_lo, toks[-1][1])
            if sp is not None and sp.type != "pronoun" and not self._after_preposition(own_lo, sp_lo, _ABOUT_PREPS):
                if sp.type == "name" or text[sp.head:sp.end].lower() not in self.cues.document_nouns:
                    return sp  # "a study suggesting", "labor leaders warning", "Haddad explaining"
                document = sp  # "released a statement saying": the one who released it, else the statement
            elif sp is None:  # "a Vox article warning": the article's source
                inner = [m for m in self.speakers(sp_lo, cue_at) if m.etype in _SPEAKER_TYPES]
                if inner and sp_lo < cue_at:
                    return _from_mention(inner[-1])
        prior = self.prior_cue(sent_lo, cue_at)
        if prior is not None:  # "Felsenthal said …, adding": the subject of the cue before it
            return self.speaker_before(self.clause_start(sent_lo, prior.start), prior.start) or \
                self.speaker_after(prior, cue_at)
        cands = [m for m in self.speakers(sent_lo, cue_at) if m.etype in _SPEAKER_TYPES
                 and not self._after_preposition(sent_lo, m.start)]
        if not cands:
            return document
        first = cands[0]
        for m in cands[1:]:
            if not _same_speaker(m, first) and _APPOSED_BEFORE.match(text, m.end, cue_at):
                return document  # "met Omar Haddad, an economist, explaining": Haddad may be meant
        clause_lo = max(sent_lo, text.rfind(",", sent_lo, first.start) + 1)
        if not self._only_titles(clause_lo, first.start):
            return document
        noun_end = self._modified_noun_end(first.end, cue_at)
        if noun_end >= 0:  # "Harlow Athletic supporters marched ..., demanding": the supporters, not the club
            sp, _ = self.subject_phrase(sent_lo, noun_end)
            return sp if sp is not None and sp.type == "nominal" else document
        return _from_mention(first)

    def _modified_noun_end(self, end: int, hi: int) -> int:
        """Where the speaker noun ends that the name ending at ``end`` modifies as the subject of the
        verb after it ("Harlow Athletic | supporters | marched", "Acme workers have walked out": a
        lower-case speaker noun right after the name, one space between, then a verb, :func:`_verb_like`,
        before ``hi``); else -1 (not "Trump supporters, opponents react to ...": whose clause is not clear)."""
        text = self.f.text
        if text[end:end + 1] != " ":
            return -1
        m = _LEADING_WORD.match(text, end + 1, hi)
        if m is None or not m.group()[:1].islower() or m.group().lower() not in self.nouns or \
                text[m.end():m.end() + 1] != " ":
            return -1
        verb = _LEADING_WORD.match(text, m.end() + 1, hi)
        return m.end() if verb is not None and _verb_like(verb.group(), self.nouns) else -1

    def prior_cue(self, sent_lo: int, cue_at: int) -> _Cue | None:
        """The finite cue verb before an -ing cue whose clause the -ing one continues after a comma
        ("Felsenthal said Thunberg '…,' adding: …", "…, Alexander said, adding that"; fewer than 20
        words between them), else None."""
        k = bisect_left(self._verb_starts, cue_at)
        if k == 0 or self._verbs[k - 1].start < sent_lo or self._verbs[k - 1].form.endswith("ing"):
            return None
        prior = self._verbs[k - 1]
        if not self.f.text[prior.end:cue_at].rstrip(" \n\"”’'").endswith(","):
            return None
        return prior if _fewer_words(self.f.text, 20, prior.end, cue_at) else None  # a clause or two between

    def _only_titles(self, lo: int, hi: int) -> bool:
        """Does text[lo:hi] (quotation marks and brackets aside) hold only words that may lead a
        subject: capitalised words, numbers, determiners, titles, speaker nouns ("campaign manager")?"""
        for word in self.f.text[lo:hi].split():
            word = word.strip("\"“”‘’'()")
            low = word.lower()
            if word and not (word[:1].isupper() or word[:1].isdigit() or low in _DETERMINERS_ALL
                             or low.rstrip(".") in self.honorifics or _bare(low) in self.nouns or low == "former"):
                return False
        return True

    def _after_preposition(self, lo: int, start: int, preps: frozenset[str] | None = None) -> bool:
        """Is the name at ``start`` the object of a preposition ("on Mayor Pete Buttigieg", "with
        Netanyahu"; ``preps``, default :data:`_OBJECT_PREPS`), titles and determiners before it aside?"""
        toks = _tokens_before(self.f.text, lo, start, 4)
        k = len(toks) - 1
        while k >= 0 and (toks[k][2].lower() in _DETERMINERS_ALL or toks[k][2].rstrip(".").lower() in self.honorifics):
            k -= 1
        return k >= 0 and toks[k][2].lower() in (_OBJECT_PREPS if preps is None else preps)

    def _phrase(self, lo: int, hi: int) -> tuple[_Speaker | None, int]:
        """The speaker the noun phrase ending at ``hi`` names, and where the phrase starts."""
        taken = _np_before(self.f.text, lo, hi, self.nouns, self.honorifics)
        sp = _classify(taken, self.nouns, self.honorifics)
        return sp, (taken[0][0] if taken else hi)

    def subject_phrase(self, lo: int, hi: int) -> tuple[_Speaker | None, int]:
        """The speaker the noun phrase ending at ``hi`` names, linked (:meth:`link`), and where the
        phrase starts. A place speaks only as the subject itself ("Israel said", "Brazil says"): then it
        is 'nominal' (a government, as "the ministry said"). A place after a preposition, alone or in a
        list ("scientists here in Alaska say", "the leaders of France, Germany and Italy said") is a
        locative, not the speaker: the phrase before the preposition is read instead (locative
        adverbs such as "here" dropped), and with none the speaker is unknown."""
        text = self.f.text
        sp, start = self._phrase(lo, hi)
        if sp is None or (sp.type == "nominal" and (text.find("ing ", start, hi) >= 0 or
                                                     text.endswith(_RELATIVE_ENDINGS, lo, start))):
            # "The union representing nurses at Grange Lane hospital said": the noun the modifier follows
            # (for a phrase found, its modifier is in it or, "that", right before it)
            modified, m_start = self._before_participle(lo, hi, start, hi - _NP_REACH if sp is None else start - 6)
            if modified is not None:
                sp, start = modified, m_start
            elif sp is None:
                return None, start
        sp = self.link(sp)
        if sp.type == "name" and sp.etype is None and not isinstance(sp.actor_id, str) and _role_title(sp.name):
            sp = _as_nominal(sp)  # "the trust's Chief Executive": a role written capitalised, no name
        if sp.etype != "place":
            if sp.type == "name" and text.endswith(_PREPOSITION_ENDINGS, lo, start):
                obj = self._object_of_modifier(lo, start)  # (checked first: a preposition right before it)
                if obj is not None:
                    return obj
            return sp, start
        prep_at = self._preposition_before(lo, sp.start)  # before the place's own words
        if prep_at < 0:
            return _as_nominal(sp), start
        core = _strip_tail(self.f.text[lo:prep_at], _LOCATIVE_ADVERBS)
        if not core or core[-1] in ",;:":
            return None, start
        before, b_start = self._phrase(lo, lo + len(core))
        if before is None:
            return None, start
        before = self.link(before)
        return (None, start) if before.etype == "place" or before.type == "pronoun" else (before, b_start)

    def _object_of_modifier(self, lo: int, start: int) -> tuple[_Speaker | None, int] | None:
        """For a name phrase starting at ``start`` that is the object of a preposition after a word of
        its clause ("The union representing midwives at | Grange Lane Hospital | said", "The aide to
        | Sam Patel | said"): the speaker the phrase before the preposition names (a speaker noun, or
        one before a participle or relative clause: "The union", "The aide"), or (None, ``start``)
        when it names none (the name is no subject: no speaker is better than a wrong one). None
        when the name is no such object (a preposition opening the clause: "At Acme Sam Patel said")."""
        text = self.f.text
        e = start  # the word right before the phrase, read first (most names open their clause)
        while e > lo and text[e - 1] in _SPACE:
            e -= 1
        if text[max(lo, text.rfind(" ", lo, e) + 1):e] not in _OBJECT_PREPS:
            return None
        toks = _tokens_before(text, lo, start, 2)
        if len(toks) < 2 or toks[1][2] not in _OBJECT_PREPS or _ends_phrase(toks[0][2], self.honorifics) or \
                (toks[1][2] == "of" and toks[0][2].lower() in _QUANTIFIERS):
            return None  # (a part of a group speaks as the group: "half of Republicans said")
        core_hi = lo + len(_strip_tail(text[lo:toks[1][0]], _LOCATIVE_ADVERBS))
        before, b_start = self._phrase(lo, core_hi)
        if before is None or before.type != "nominal":
            before, b_start = self._before_participle(lo, core_hi, b_start)
        if before is None or before.type != "nominal" or text[lo:b_start].strip(" \n\"“‘'`("):
            return None, start  # (a phrase that does not open the clause is no subject either)
        return self.link(before), b_start

    def _before_participle(self, lo: int, hi: int, start: int, reach: int | None = None
                           ) -> tuple[_Speaker | None, int]:
        """The speaker noun phrase before a participle phrase or a relative clause that ends at ``hi``
        ("Several patients | waiting at the entrance | said" -> "Several patients"; "The union |
        that represents nurses | said" -> "The union"): an -ing word (no cue form), or "who",
        "which" or "that" and a verb (:func:`_verb_like`), right after a speaker noun, and up to
        ``hi`` no punctuation and no other clause word; else (None, ``start``). ``reach``: where an
        -ing word is looked for first (default: :data:`_NP_REACH` characters before ``hi``); a relative
        word, right before ``start`` (where the noun phrase the walk took starts)."""
        text = self.f.text
        w_lo = max(lo, hi - _NP_REACH if reach is None else reach)
        if text.find("ing ", w_lo, hi) < 0 and _RELATIVE_HINT.search(text, max(lo, start - 7), start) is None:
            return None, start  # checked first: most phrases hold neither (a relative word is right before
            # the phrase the walk took: "The union that | represents nurses")
        toks = _tokens_before(text, lo, hi, 8)
        for k in range(len(toks) - 1, 0, -1):
            word = toks[k][2]
            low = word.lower()
            if _ends_phrase(word, self.honorifics):
                break
            relative = low in _RELATIVE_SUBJECTS and k + 1 < len(toks) and _verb_like(toks[k + 1][2], self.nouns)
            if low in _PARTICIPLE_STOPS and not relative:
                break
            if relative or (low.endswith("ing") and len(low) > 4 and word[0].islower()
                            and low not in self.cues.lemma_of):
                noun = toks[k - 1][2]
                if _ends_phrase(noun, self.honorifics) or noun.endswith(_POSSESSIVE_ENDINGS) or \
                        _bare(noun).lower() not in self.nouns:
                    break
                sp, np_start = self._phrase(lo, toks[k - 1][1])
                if sp is not None and sp.type == "nominal" and not self._after_preposition(lo, np_start, _ANY_PREPS):
                    return sp, np_start  # (the object of a preposition is no subject: "with members who ...")
                break
        return None, start

    def _preposition_before(self, lo: int, start: int) -> int:
        """Where the preposition governing the name at ``start`` starts (going back over a list of
        names: "of France, Germany and"), else -1."""
        toks = _tokens_before(self.f.text, lo, start, 12)
        k = len(toks) - 1
        while k >= 1 and (toks[k][2].lower() in ("and", "or") or (toks[k][2].endswith(",") and toks[k][2][:1].isupper())):
            k -= 1  # "France, Germany and": the list's words
            while k >= 0 and toks[k][2].lower() not in ("and", "or") and toks[k][2][:1].isupper() \
                    and not toks[k][2].endswith(","):
                k -= 1
        if k >= 0 and toks[k][2].lower() in _LOCATIVE_PREPS:
            return toks[k][0]
        return -1

    def speaker_before(self, lo: int, cue_at: int, *, nearest: bool = True) -> _Speaker | None:
        """The speaker before a cue, in text[lo:cue_at]: the noun phrase directly before it (auxiliaries
        and adverbs between are fine); for "X, <apposition>, said" the name of the two (the
        apposition when X is a description: "the mayor's spokeswoman, Dana Price, said"); for a chain
        of appositions ("Colin Marshall, the chief executive of Cloud Peak, a coal producer in
        Wyoming, also wrote") the name the clause starts with; else (``nearest``) the nearest actor or
        entity that can speak named earlier in the clause, unless a subordinate clause opens after it
        with no comma before the cue ("Zinke walked back the exemption after other states demanded
        that …": not Zinke)."""
        text = self.f.text
        core = _strip_tail(text[lo:cue_at], _AUX)
        core_end = lo + len(core)
        if core.endswith(","):
            relative = _RELATIVE_CLAUSE.search(text, lo, core_end - 1)
            if relative is not None and relative.start() > lo:
                # "The Northfield Drivers Union (NDU), which says it represents about 3,000 Velto
                # couriers, said": a relative clause set off by commas describes the subject before it;
                # no name inside it is the speaker
                return self.speaker_before(lo, relative.start() + 1, nearest=nearest)
            comma = _last_comma(text, lo, core_end - 1)
            if comma >= 0:
                inner, _ = self.subject_phrase(comma + 1, core_end - 1)
                if inner is not None and _EXAMPLE.match(text, comma + 1, core_end):
                    inner = None  # "Critics, including Tom Ashby, said": an example, no apposition
                outer, _ = self.subject_phrase(lo, comma)
                if inner is not None and inner.type == "name" and (outer is None or outer.type != "name"):
                    return self.coordinated(inner, comma + 1)
                if outer is not None and outer.type == "name":
                    return self.coordinated(outer, lo)
                first = self.clause_subject(lo, comma)
                if first is not None:
                    return first
                if outer is not None and outer.type != "pronoun":
                    return outer
                if inner is not None and inner.type != "pronoun":
                    return inner
            else:
                sp, _ = self.subject_phrase(lo, core_end - 1)
                if sp is not None:
                    return self.coordinated(sp, lo)
        else:
            sp, _ = self.subject_phrase(lo, core_end)
            if sp is not None:
                return self.coordinated(sp, lo)
            if core.endswith(_VERB_CONJUNCTIONS):  # "Ms Kearney of the RCM welcomed it but warned:"
                shared = self.shared_subject(lo, core_end - 4)
                if shared is not None:
                    return None if shared is _UNCLEAR else shared
        if not nearest:
            return None
        cands = [m for m in self.speakers(lo, cue_at) if m.etype in _SPEAKER_TYPES]
        if not cands:
            return None
        sub = _SUBORDINATOR.search(text, cands[-1].end, cue_at)
        if sub is not None and "," not in text[sub.end():cue_at]:
            return None  # the cue's subject is in a clause of its own: "Zinke ... after other states demanded"
        if text.endswith(_PREPOSITION_DET_ENDINGS, lo, cands[-1].start) and \
                not _RELATIVE_AFTER.match(core, cands[-1].end - lo) and \
                self._object_of_modifier(lo, self._phrase_start(lo, cands[-1].start)) is not None:
            return None  # "the administrator of | the Environmental Protection Agency |": no subject
        return _from_mention(cands[-1])

    def shared_subject(self, lo: int, hi: int) -> _Speaker | None:
        """The subject of a cue coordinated after another verb ("Ms Kearney of the RCM welcomed the
        investment but warned: ..."; ``hi``: the end of the words before "and"/"but"): the person or
        organisation that opens the clause at ``lo`` (titles, determiners and capitalised words before
        it only), when a verb follows it and no cue verb or "that" stands between it and ``hi`` (not
        "Ruiz said Patel resigned and warned": whose warning is not clear; None, the caller's rules go
        on), and when either its verb comes right after it ("Tom Reid met Siobhan Kearney and warned":
        Tom Reid) or every other one named up to ``hi`` is the object of a preposition ("of the RCM");
        otherwise :data:`_UNCLEAR` ("Tom Reid and Siobhan Kearney met the minister and warned": no
        speaker, no guess). A speaker noun and its verb opening the clause: that nominal speaker ("The
        union welcomed the investment but warned")."""
        text = self.f.text
        cands = [m for m in self.speakers(lo, hi) if m.etype in _SPEAKER_TYPES and m.via != "pronoun"]
        if not cands:  # "The union welcomed it but warned": a speaker noun, then its verb, opens the clause
            toks = _SPACE_TOKEN.findall(text, lo, hi)
            pos = lo
            for k, (space, word) in enumerate(toks[:5]):
                if k and word[:1].islower() and _verb_like(word, self.nouns):
                    sp, start = self.subject_phrase(lo, pos)
                    if sp is None or sp.type != "nominal" or text[lo:start].strip(" \n\"“‘'("):
                        return None
                    if self.cue_between(pos, hi) or _THAT_WORD.search(text, pos, hi) is not None:
                        return None
                    return sp
                pos += len(space) + len(word)
            return None
        if not self._only_titles(lo, cands[0].start):
            return None
        k = 0  # the subject: the last one named with capitalised words only before it ("U.N. | Antonio Guterres")
        while k + 1 < len(cands) and self._only_titles(lo, cands[k + 1].start):
            k += 1
        first, cands = cands[k], cands[k:]
        after = first.end  # past a description set off by commas ("Ernest Moniz, who served under Obama, took")
        if text.startswith(",", first.end):
            close = text.find(",", first.end + 1, hi)
            after = close + 1 if close > 0 else after
        if self.cue_between(after, hi) or _THAT_WORD.search(text, after, hi) is not None:
            return None
        words = text[after:hi].split()
        if not words or not any(self._maybe_verb(w) for w in words):
            return None
        if not self._maybe_verb(words[0]) and \
                any(not _same_speaker(m, first) and not self._after_preposition(lo, m.start, _ANY_PREPS)
                    and m.start >= after for m in cands[1:]):
            return _UNCLEAR  # "Tom Reid and Siobhan Kearney met the minister and warned": not one subject
        return _from_mention(first)

    def _maybe_verb(self, word: str) -> bool:
        """Can ``word`` be a finite verb after a subject ("welcomed", "met", "backs"): a lower-case word
        of letters that is no determiner, pronoun, preposition, clause word or speaker noun?"""
        if not word[:1].islower():
            return False
        low = word.rstrip(",;:")
        return low.isalpha() and (_verb_like(low, self.nouns) or not (
            low in _DETERMINERS_ALL or low in _PRONOUNS or low in _ANY_PREPS or low in _CLAUSE or low in self.nouns))

    def coordinated(self, sp: _Speaker, lo: int) -> _Speaker:
        """A name speaker coordinated with names before it ("Fenwick Capital and Halden Partners
        said", "Ana Ruiz, Tom Hale and Lena Ortiz said"): one speaker, the names as written, of type
        'nominal' (a group, as "officials" is) and linked to no entity, since the table holds one row
        per quotation and one speaker per row: a row per name would count one statement as two
        quotations, a row credited to one of them would give the others' words to it. :func:`voice`
        counts it under its words. Each part is an entity mention of the text (no place: "the
        leaders of France, Germany and Italy said" is the leaders; no possessive), the parts joined by
        ", " or "and" with one "and" at least, and the first is no object of a preposition ("Workers
        at Acme and Beta said"); else ``sp`` as it is."""
        if sp.type != "name" or sp.etype == "place":
            return sp
        text = self.f.text
        link = _COORDINATION_BEFORE.search(text, max(lo, sp.start - _COORDINATION_REACH), sp.start)
        if link is None:  # most speakers: no ", " or " and " right before the name
            return sp
        start, joined = sp.start, False
        names = [m for m in self.speakers(lo, sp.start) if m.via != "pronoun"]
        while names:
            if start != sp.start:
                link = _COORDINATION_BEFORE.search(text, max(lo, start - _COORDINATION_REACH), start)
            if link is None:
                break
            m = next((m for m in reversed(names) if m.end == link.start()), None)
            if m is None or m.etype == "place" or m.etype not in _SPEAKER_TYPES:
                break
            joined = joined or "and" in link.group()
            start = m.start
        if not joined or self._after_preposition(lo, start, _ANY_PREPS):
            return sp
        return _Speaker(pd.NA, text[start:sp.end], "nominal", start, sp.end, pd.NA, None, None, sp.head)

    def _phrase_start(self, lo: int, start: int) -> int:
        """Where the phrase of a name starting at ``start`` starts, with the determiners and titles
        before it ("the | Environmental Protection Agency")."""
        toks = _tokens_before(self.f.text, lo, start, 3)
        k = len(toks) - 1
        while k >= 0 and (toks[k][2].lower() in _DETERMINERS_ALL or toks[k][2].rstrip(".").lower() in self.honorifics):
            start = toks[k][0]
            k -= 1
        return start

    def clause_subject(self, lo: int, hi: int) -> _Speaker | None:
        """The name a clause starts with, before its first comma, when appositions follow it up to
        ``hi`` ("Colin Marshall, the chief executive of Cloud Peak, a coal producer in Wyoming,"): a
        name that is no place, else None."""
        text = self.f.text
        first = text.find(",", lo, hi)
        if first < 0:
            return None
        sp, start = self.subject_phrase(lo, first)
        if sp is None or sp.type != "name" or sp.etype == "place" or text[lo:start].strip(" \n\"“‘'(") != "":
            return None
        return sp

    def speaker_after(self, cue: _Cue, hi: int) -> _Speaker | None:
        """The speaker right after a cue ("said Rep. George Miller, the ..."; a speaker noun before a
        participle phrase: "said several patients waiting at the entrance" -> "several patients"),
        unless the verb's object is its addressee ("told reporters")."""
        if self.cues.addressee_of[cue.form.lower()] == "object":
            return None
        return self.speaker_right_after(cue.end, hi)

    def speaker_right_after(self, end: int, hi: int) -> _Speaker | None:
        """:meth:`speaker_after` of a verb ending at ``end`` whose object is no addressee."""
        text = self.f.text
        taken = _np_after(text, end, hi, self.honorifics)
        if taken and (taken[0][2].lower() in _TIME_WORDS or _FINITE_AFTER.match(text, taken[-1][1])
                      or _RELATIVE_NEXT.match(text, taken[-1][1])):
            return None  # "said the trust would ask ...", "says companies that emit ... should": the
            # subject of the clause said, not the speaker
        sp = _classify(taken, self.nouns, self.honorifics)
        if sp is None and len(taken) > 1:  # "said several patients | waiting at the entrance"
            k = next((k for k in range(1, len(taken)) if taken[k][2].endswith("ing") and len(taken[k][2]) > 4
                      and _bare(taken[k - 1][2]).lower() in self.nouns), 0)
            sp = _classify(taken[:k], self.nouns, self.honorifics) if k else None
            if sp is not None and sp.type != "nominal":
                sp = None
        if sp is None or sp.type == "pronoun":
            return None
        if sp.type == "nominal":
            sp = self.apposition_after(sp, hi) or sp
        sp = self.link(sp)
        return _as_nominal(sp) if sp.etype == "place" else sp  # "said Israel": a government

    def description_before(self, q_hi: int, cue_at: int) -> _Speaker | None:
        """A nominal speaker that describes a person between a quotation ending at ``q_hi`` and its
        cue, when those words are all there is: "the", "a" or "an" and one to three lower-case words
        (digits and hyphens allowed; adverbs such as "later" before the cue dropped): '"I am
        innocent," the player said' -> "the player", '"…," the 24-year-old said' -> "the
        24-year-old" (words no speaker-noun list can hold); else None."""
        text = self.f.text
        lo = q_hi
        while lo < cue_at and text[lo] in _AFTER_QUOTE:
            lo += 1
        if lo == q_hi or lo >= cue_at or text[lo - 1] not in _SPACE:
            return None  # (no closing mark and comma, or an end mark, between: not set off)
        m = _DESCRIPTION.fullmatch(_strip_tail(text[lo:cue_at], _AUX))
        if m is None or m.group(1).lower() in _TIME_WORDS:
            return None
        end = lo + m.end()
        return _Speaker(pd.NA, text[lo:end], "nominal", lo, end, pd.NA, None, None, lo + m.start(1))

    def apposition_after(self, nominal: _Speaker, hi: int) -> _Speaker | None:
        """The name in apposition right after a description that follows a cue ("said its
        spokeswoman, Priya Nair." -> Priya Nair): a name that ends the clause or is set off by a comma."""
        text = self.f.text
        if text[nominal.end:nominal.end + 1] != ",":
            return None
        taken = _np_after(text, nominal.end + 1, hi, self.honorifics)
        name = _classify(taken, self.nouns, self.honorifics)
        if name is None or name.type != "name" or text[nominal.end + 1:taken[0][0]].strip(" \n"):
            return None
        phrase_end = taken[-1][1]  # "Mr. Tom Reyes of Acme": the name with its affiliation
        return name if phrase_end >= hi or text[phrase_end] in ",.;!?" else None

    def apposed_speaker(self, lo: int, comma: int) -> tuple[_Speaker, int] | None:
        """The name and its description set off by commas before ``comma`` (which a cue follows
        with nothing between): "…, a spokeswoman for the agency, Carla Mendes, said" or "…, Carla
        Mendes, a spokeswoman for the agency, said" -> Carla Mendes, and where the comma before the
        pair is (the content ends there); else None. Each of the two is a whole noun phrase."""
        text = self.f.text
        mid = text.rfind(",", lo, comma)
        start = text.rfind(",", lo, mid) if mid >= 0 else -1
        if start < 0:
            return None
        second, second_lo = self.subject_phrase(mid + 1, comma)
        if second is None or text[mid + 1:second_lo].strip():
            return None
        first, first_lo = self.subject_phrase(start + 1, mid)
        if first is None or text[start + 1:first_lo].strip():
            return None
        if second.type == "name" and first.type == "nominal":
            return second, start
        if first.type == "name" and second.type == "nominal":
            return first, start
        return None

    def source_speaker(self, lo: int, hi: int) -> _Speaker:
        """The source text[lo:hi] of "according to": a name when it starts with a capitalised word
        that is no determiner (titles in front dropped: "Dr. Anita Raghavan" -> Anita Raghavan), else
        nominal; linked to the mention it starts with (after titles or "the"), else for a name to the
        one entity it names (:meth:`_by_name`). A place followed by more words ("U.S. officials") makes
        it nominal and unlinked; a place alone is nominal, linked (a government)."""
        text = self.f.text
        words = text[lo:hi]
        if words[:1].isupper() and not words.split()[0].lower() in _DETERMINERS_ALL:
            first = _after_titles(text, lo, hi, self.honorifics)
            speaker = _Speaker(pd.NA, text[first:hi], "name", first, hi)
        else:
            first = lo
            speaker = _Speaker(pd.NA, words, "nominal", lo, hi)
        found = self.speakers(lo, hi, places=True)
        if found and found[-1].end == hi and found[-1].etype == "person" and found[-1].via != "pronoun" and \
                not any(w in _PREPS or w in ("and", "or") for w in text[lo:hi].lower().split()) and \
                (speaker.type == "name" or _title_words_before(text, lo, found[-1].start, self.honorifics)):
            # the name ends the phrase (its head): "according to Exacta Weather forecaster James Madden",
            # "according to club physio Dr. Helen Brooks" (not in a list of names: "Politico's Andrew
            # Restuccia and Josh Dawsey"; not after an example word: "according to critics including Ann Lee")
            last = found[-1]
            return _Speaker(last.actor_id, last.actor, "name", last.start, last.end, last.entity_id, last.gender,
                            last.etype)
        for mention in found:
            if mention.etype == "place" and mention.end < hi:
                return _as_nominal(speaker)  # a place saying whose sources: "according to U.S. officials"
            if text[first:mention.start].strip() in ("", "the", "The"):
                return _Speaker(mention.actor_id, mention.actor, "nominal" if mention.etype == "place" else "name",
                                mention.start, mention.end, mention.entity_id, mention.gender, mention.etype)
            break
        return self._by_name(speaker) if speaker.type == "name" else speaker

    def closing_source(self, lo: int, hi: int) -> tuple[_Speaker, int] | None:
        """The source of a phrase ("according to") that closes its sentence, its words starting at
        ``lo`` and the sentence ending at ``hi``, and where its words end: the phrase to the next comma
        (:meth:`source_speaker`), or, when that is a description of a person (its head, the word
        before its first preposition or its last word, a speaker noun and no document) and a name
        follows it in apposition to the sentence's end or to a relative clause ("…, according to the
        chief executive of Northwind Energy, Sam Patel." / "…, Sam Patel, who …"), that name, linked.
        None when the phrase has no words."""
        text = self.f.text
        comma = text.find(",", lo, hi)
        src_lo, src_hi = _content(text, lo, comma if comma >= 0 else hi)
        while src_hi > src_lo and text[src_hi - 1] in _AFTER_QUOTE_CHARS:  # 'Madden."' at a quotation's end
            src_hi -= 1
        if src_hi <= src_lo:
            return None
        speaker = self.source_speaker(src_lo, src_hi)
        if comma < 0 or speaker.type != "nominal" or isinstance(speaker.entity_id, str) or \
                isinstance(speaker.actor_id, str) or src_hi != comma:
            return speaker, src_hi
        words = text[src_lo:src_hi].split()
        head = next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in _PREPS), words[-1])
        head = _bare(head).lower()
        if head not in self.nouns or head in self.cues.document_nouns:
            return speaker, src_hi
        name = self.apposition_after(speaker, hi)
        if name is None:
            return speaker, src_hi
        rest = text[name.end:hi]
        if rest.strip(" \n.!?\"”’'") and not (rest.startswith(",") and _RELATIVE.match(rest[1:].lstrip())):
            return speaker, src_hi  # more words after the name: not an apposition that closes the sentence
        return self.link(name), name.end

    def source_after(self, q_hi: int, hi: int) -> _Attribution | None:
        """The attribution of a quotation ending at ``q_hi`` by a source phrase right after it in its
        sentence (ending at ``hi``), its closing mark and a comma between: ""…," according to the
        chief executive of Northwind Energy, Sam Patel." -> Sam Patel (:meth:`closing_source`),
        cue "according to"; else None. (The caller asks only for a quotation that opens its sentence:
        quoted words inside the author's own clause, 'he is now convinced that "…," according to an
        interview', may be someone else's than the source's.)"""
        text = self.f.text
        pos = q_hi
        while pos < hi and text[pos] in _AFTER_QUOTE_CHARS:
            pos += 1
        if pos == q_hi or pos >= hi or text[pos] != "a":  # lower case: the phrase goes on the sentence
            return None
        m = self.cues.source_pattern.match(text, pos)
        if m is None or m.end() > hi:
            return None
        found = self.closing_source(m.end(), hi)
        if found is None:
            return None
        return _Attribution(found[0], _NEW_CUE((m.start(), m.end(), m.group())), True, False, True)

    def name_apposed_to_source(self, source: _Speaker, comma: int, hi: int) -> tuple[_Speaker, int] | None:
        """The name in apposition to the description of a person or organisation an opening source
        phrase gives, and the comma that ends it: "According to the Health Secretary, Priya
        Lindqvist, the government …" -> (Priya Lindqvist, linked; the comma after "Lindqvist").
        ``source`` is the phrase up to ``comma``, ``hi`` the sentence's end. None unless the source
        is an unlinked nominal whose head (the word before its first preposition, else its last) is
        a speaker noun and no document, and a name set off by commas follows it with at least three
        words after it that do not open a relative clause or an age ("According to police, Smith,
        who was driving, …" keeps the police)."""
        if source.type != "nominal" or isinstance(source.entity_id, str) or isinstance(source.actor_id, str) \
                or source.end != comma:
            return None
        text = self.f.text
        words = text[source.start:source.end].split()
        head = next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in _PREPS), words[-1])
        head = _bare(head).lower()
        if head not in self.nouns or head in self.cues.document_nouns:
            return None
        name = self.apposition_after(source, hi)
        if name is None or text[name.end:name.end + 1] != ",":
            return None
        rest = text[name.end + 1:hi].lstrip()
        if _RELATIVE.match(rest) or rest[:1].isdigit() or _fewer_words(rest, 3):
            return None
        return self.link(name), name.end

    def before_source(self, lo: int, hi: int) -> int:
        """Where the content text[lo:hi] ends before a source phrase set off by a comma ("staff cuts
        played no role, according to a statement": the phrase attributes it, it is not said): the
        content's end before that comma, else ``hi``."""
        text = self.f.text
        m = self.cues.source_pattern.search(text, lo, hi)
        if m is None or not text[lo:m.start()].rstrip().endswith(","):
            return hi
        return _content(text, lo, text.rindex(",", lo, m.start()))[1]

    def description_end(self, lo: int, hi: int) -> int:
        """Where the content starts after "According to <name>," (at ``lo``) when a description of
        the source comes first, set off by a comma: a relative clause ("who led the review,") or a
        phrase headed by a speaker noun ("a security researcher at Helix Labs,": the head is the word
        before the first preposition, else the last word) -> after its comma; else ``lo``."""
        text = self.f.text
        comma = text.find(",", lo, hi)
        words = text[lo:comma].split() if comma >= 0 else []
        if not words or len(words) > 12:
            return lo
        if words[0].lower() in ("who", "whose"):
            return comma + 1
        head = next((words[i - 1] for i in range(1, len(words)) if words[i].lower() in _PREPS), words[-1])
        return comma + 1 if _bare(head).lower() in self.nouns else lo

    def before_coordinated(self, lo: int, hi: int) -> tuple[int, int]:
        """The reported content text[lo:hi] cut before a cue verb coordinated with its own cue with
        no subject of its own ("said the accusations were "desperate" and accused Ruiz of …": the
        speaker accusing is not what was said): before ", and"/" and"/" but" directly followed by a
        finite cue form other than the base form (past "accused", present "warns"), or before a
        comma directly followed by an -ing cue form ("promises that …, saying experts …"). "and"
        with a subject after it joins two clauses of the content ("prices rose and wages fell"). A
        known limit: a content whose own subject does two things of speech ("the company denied
        wrongdoing and admitted errors") is cut too."""
        starts = self._verb_starts
        text, lemma_of = self.f.text, self.cues.lemma_of
        for k in range(bisect_right(starts, lo), bisect_left(starts, hi)):
            v = self._verbs[k]
            form = v.form.lower()
            if form.endswith("ing"):
                m = _COMMA_BEFORE.search(text, max(lo, v.start - 4), v.start)
            elif lemma_of[form] != form:
                m = _COORDINATED.search(text, max(lo, v.start - 8), v.start)
            else:
                continue
            if m is None or self.f.in_quote(v.start, v.end):
                continue
            cut = m.start()
            if text[cut] == "," and text[cut + 1] in "\"”’'":
                cut += 2  # '"relevant," but said': the closing mark stays with its quotation
            return _content(text, lo, cut)
        return lo, hi

    def cue_between(self, lo: int, hi: int) -> bool:
        """Is a cue verb in text[lo:hi]?"""
        return bisect_left(self._verb_starts, lo) < bisect_left(self._verb_starts, hi)

    def share_subject(self, pos: int, speaker: _Speaker) -> None:
        """A cue verb right after ``pos`` (a quotation's or a content's end) with only "and" (quotation
        marks, a comma) between shares ``speaker``: the two verbs are coordinated with one subject
        ("Ruiz called the record "…" and said …"); :meth:`speaker_of` gives it."""
        if "and" not in self.f.text[pos:pos + 8]:
            return  # checked first: most contents and quotations are not followed by "and"
        k = bisect_left(self._verb_starts, pos)
        if k < len(self._verbs):
            v = self._verbs[k]
            if self.f.text[pos:v.start].strip(" \n\"”’',") == "and":
                self.shared[v.start] = speaker

    def speaker_of(self, cue: _Cue, clause_lo: int, sent_lo: int, hi: int) -> _Speaker | None:
        """The speaker attributed by ``cue``: the subject it shares with a cue coordinated before it
        (:meth:`share_subject`), else before it in its clause, else directly after it."""
        if self.shared and cue.start in self.shared:
            return self.shared[cue.start]
        if cue.form.endswith("ing"):
            return self.subject(sent_lo, cue.start)
        return self.speaker_before(clause_lo, cue.start) or self.speaker_after(cue, hi)

    def naming_cue(self, clause_lo: int, q_lo: int) -> _Cue | None:
        """The naming verb (``naming_of``: "called") whose object, one to four words ("of", "in",
        "for" … among them, not first: "the delay in funding"), stands between it and the quotation
        at ``q_lo`` in its clause ("called the record "a list of …"", not passive), else None.
        Nothing between ("a group called "X"") is a title (:meth:`is_title`)."""
        text = self.f.text
        hi = clause_lo + len(text[clause_lo:q_lo].rstrip(" \n\"“‘'`"))
        toks = _tokens_before(text, clause_lo, hi, 6)
        for k in range(len(toks) - 1, max(-1, len(toks) - 6), -1):
            start, end, word = toks[k]
            if word in self.cues.naming_of and k < len(toks) - 1:
                cue = _NEW_CUE((start, end, word))
                return None if self.passive(cue) else cue
            low = word.lower()
            if low in _PREPS and 0 < k < len(toks) - 1 and toks[k - 1][2] not in self.cues.naming_of:
                continue  # inside the object: "called the delay in funding "…"" (not "called for "…"")
            if _ends_phrase(word, self.honorifics) or (low in _CLAUSE and low not in _DETERMINERS_ALL):
                return None  # punctuation or a clause word: the quotation is not the verb's object
        return None

    def passive(self, cue: _Cue) -> bool:
        """Is the cue a passive's participle ("was reported", "were told", "is widely said")?"""
        before = self.f.text[max(0, cue.start - 80):cue.start].rstrip()
        word = _last_word(before).lower()
        if word not in _AUX_NOT_PERFECT:  # most cues: the word before is no auxiliary, nothing to strip
            return word in _PASSIVE       # (what _strip_tail leaves then is ``before`` itself)
        word = _last_word(_strip_tail(before, _AUX_NOT_PERFECT))  # no trailing whitespace: _strip_tail strips it
        return bool(word) and word.lower() in _PASSIVE

    def is_title(self, q_lo: int) -> bool:
        """Is the quotation at ``q_lo`` the title of a work ("known as "Fix It First"", "the book,
        "X"")? Its last words before the mark (an optional "the" and comma aside) are a title marker."""
        seg = self.f.text[max(0, q_lo - 40):q_lo].rstrip(" \n\"“'‘`(,:")
        last = seg.rsplit(None, 1)[-1:]  # the last word alone decides most quotations
        if not last:
            return False
        last = last[0].lower()
        if last != "the" and last not in self.cues.title_last_words:
            return False
        words = seg.rsplit(None, 3)[-3:]
        last = words[-1].lower()
        if last == "the" and len(words) > 1:
            words.pop()
            last = words[-1].lower().rstrip(",")
        if last not in self.cues.title_last_words:
            return False
        return last in self.cues.title_markers_set or " ".join(words[-2:]).lower() in self.cues.title_markers_set

    def set_direct(self, parts: list[tuple[int, int]]) -> None:
        """The parts of the direct quotations made into rows (for overlaps and clause starts)."""
        self.direct = sorted(parts)
        self._direct_starts = list(map(_START, self.direct))
        self._direct_reach = list(accumulate(map(_END, self.direct), max))

    def overlaps_direct(self, lo: int, hi: int) -> bool:
        """Does text[lo:hi] overlap a direct quotation made into a row?"""
        k = bisect_left(self._direct_starts, hi)  # the parts starting before hi
        return k > 0 and self._direct_reach[k - 1] > lo

    def clause_start(self, s_lo: int, cue_at: int) -> int:
        """Where the clause of a cue starts: after the last direct quotation ending before it in its
        sentence, else at the sentence's start."""
        k = bisect_left(self._direct_starts, cue_at)
        ends = [q_hi + 1 for _, q_hi in self.direct[max(0, k - 8):k] if s_lo <= q_hi < cue_at]
        return max([s_lo] + ends)


def _linked(sp: _Speaker, m: _Mention) -> _Speaker:
    """The speaker linked to mention ``m``: its actor, name, entity, gender and type (built directly:
    ``sp._replace(actor_id=m.actor_id, name=m.actor, ...)`` is several times slower)."""
    return _NEW_SPEAKER((m.actor_id, m.actor, sp.type, sp.start, sp.end, m.entity_id, m.gender, m.etype, sp.head))


def _common_noun(word: str, text: str) -> bool:
    """A word large English corpora write in lower case ("Whistleblower", "Campaigners", "Some"; Brill's
    lexicon, as the entity layer reads it), not on the name lists ("Hunt", "Rose" may be people), and
    not written capitalised inside a sentence of ``text`` ("Unison" there is a name)."""
    from analysis.entity_words import load_entity_words

    words = load_entity_words()
    if word.lower() not in words.english or word in words.surnames or word in words.first_names:
        return False
    # re.search(r"[\w,;] " + re.escape(word) + r"\b", text) is None, by str.find of " " + word (a
    # search of that pattern tries every position of the text)
    needle, n = " " + word, len(text)
    tail_word = bool(word) and _is_word_char(word[-1])
    pos = text.find(needle, 1)
    while pos >= 0:
        c, end = text[pos - 1], pos + len(needle)
        if c == "," or c == ";" or _is_word_char(c):
            if (end < n and _is_word_char(text[end])) != tail_word:  # \b after the word
                return False
        pos = text.find(needle, pos + 1)
    return True


def _is_word_char(c: str) -> bool:
    """What re's ``\\w`` matches (str.isalnum() or "_")."""
    return c.isalnum() or c == "_"


def _as_nominal(sp: _Speaker) -> _Speaker:
    """``sp._replace(type="nominal")``, built directly."""
    return _NEW_SPEAKER((sp.actor_id, sp.name, "nominal", sp.start, sp.end, sp.entity_id, sp.gender, sp.etype,
                         sp.head))


def _same_referent(a: tuple[Any, Any, Any], b: tuple[Any, Any, Any]) -> bool:
    """Two (entity_id, actor_id, name) triples of one entity, else (neither linked to one) of one
    lexicon actor, else (neither linked at all) of one name; NA is never the same as anything."""
    for x, y in zip(a[:2], b[:2]):
        if isinstance(x, str) or isinstance(y, str):
            return _same(x, y)
    return _same(a[2], b[2])


def _same_speaker(a: _Mention, b: _Mention) -> bool:
    """Two mentions of one entity or lexicon actor (unlinked ones: the same name)."""
    return _same_referent((a.entity_id, a.actor_id, a.actor), (b.entity_id, b.actor_id, b.actor))


def _from_mention(m: _Mention) -> _Speaker:
    return _NEW_SPEAKER((m.actor_id, m.actor, "pronoun" if m.via == "pronoun" else "name", m.start, m.end,
                         m.entity_id, m.gender, m.etype, -1))


def _paragraph_quotes(f: _Field, attribution: re.Pattern[str] | None = None) -> list[list[tuple[int, int]]]:
    """Quotation spans of a field, one list per paragraph (sets ``f.quotes`` to all of them);
    ``attribution`` as :func:`_spans_of_marks` takes it."""
    text = f.text
    rows = f.sentences
    if rows and rows[0][1] == rows[-1][1] and len(set(map(_ROW_PARAGRAPH, rows))) == 1:
        paragraphs = {rows[0][1]: rows}  # one paragraph (a text without blank lines)
    else:
        paragraphs = {}
        for row in rows:
            paragraphs.setdefault(row[1], []).append(row)
    # the marks of the whole field, found once (by character; '' and `` need the paragraph's own search)
    singles = _char_positions(text, _SINGLE_CHARS, 0, len(text))
    # "''" looked for among the single marks already found, "``" only where a backtick is (searching
    # the text for either pair costs more than the marks' own search)
    archive = ("`" in text and "``" in text) or _archive_marks(text, (
        p[0] for p, q in zip(singles, singles[1:]) if q[0] - p[0] == 1 and p[1] == "'" == q[1]))
    doubles = None if archive else _char_positions(text, _DOUBLE_CHARS, 0, len(text))
    double_at = list(map(_START, doubles or ()))
    single_at = list(map(_START, singles))
    out = []
    for sents in paragraphs.values():
        lo, hi = sents[0][2], sents[-1][3]
        if doubles is None or (not f._in_order and any(s[2] < lo or s[3] > hi for s in sents)):
            out.append(quote_spans(text, lo=lo, hi=hi, sentence_spans=[(s[2], s[3]) for s in sents]))
            continue
        marks = doubles[bisect_left(double_at, lo):bisect_left(double_at, hi)]
        ones = singles[bisect_left(single_at, lo):bisect_left(single_at, hi)]
        out.append(_spans_of_marks(text, lo, hi, marks, ones, sents, rows=True, ordered=f._in_order,
                                   attribution=attribution)
                   if marks or ones else [])
    f.set_quotes([q for spans in out for q in spans])
    return out


@dataclass(slots=True)
class _Row:
    """A quotation found in a field, before it becomes a row of the table."""

    sentence_id: int
    paragraph_id: int
    parts: list[tuple[int, int]]
    speaker: _Speaker | None
    cue: Any            # lemma or source phrase, or NA
    kind: str
    cue_start: int = -1
    cue_after: bool = False     # the cue came after the quotation ("A," he said): a split may follow
    adjacent: bool = False      # the cue introduces exactly this quotation
    addressee: Any = pd.NA
    joined: bool = False        # parts in several paragraphs (:func:`_join_paragraph_quotations`)


class _Attribution(NamedTuple):
    speaker: _Speaker | None
    cue: _Cue | None
    adjacent: bool      # the quotation is the cue's whole complement
    mixed: bool         # the quotation sits inside a reported clause ("said the team had "lost its nerve"")
    after: bool         # the cue comes after the quotation


_NEW_ATTRIBUTION = functools.partial(tuple.__new__, _Attribution)  # from all five values, without a Python call
_NONE = _Attribution(None, None, False, False, False)
_NO_ROW = _Attribution(None, None, False, True, False)  # skipped as a mixed one is: no direct row


def _attribute(att: _Attributor, q_lo: int, q_hi: int, clause_lo: int,
               sent: tuple[int, int, int, int] | None = None) -> _Attribution:
    """The cue and speaker of the quotation text[q_lo:q_hi] (rules 1 and 2); ``sent``: the
    sentence at ``q_lo`` where the caller has it."""
    f, cues, text = att.f, att.cues, att.f.text
    if sent is None:
        sent = f.sentence_at(q_lo)
    if f.headline and cues.headline_cues and (idiom := _headline_idiom(att, q_hi, sent[3])) is not None:
        return idiom  # "…'could have been prevented', inquest hears", "'We were failed': parents speak out"
    # 1. a cue before the quotation, in its clause
    for m in reversed(att.cues_in(clause_lo, q_lo)):
        between = text[m.end:q_lo]
        adr = att.addressee(m)
        if adr is not None and adr[0] < q_lo:
            between = text[adr[1]:q_lo]
        core = between.rstrip(" \n\"“‘'`")
        adjacent = not core.strip() or core.endswith((",", ":")) or _ends_that(core) or \
            (f.headline and bool(cues.headline_cues) and core in _TOPIC_PREPOSITIONS)  # "Coroner warns of '…'"
        if adjacent:
            return _NEW_ATTRIBUTION((att.speaker_of(m, clause_lo, sent[2], q_lo), m, True, False, False))
        if cues.clause_of[m.form.lower()] == "bare" or _THAT_WORD.search(between):
            return _NEW_ATTRIBUTION((None, m, False, True, False))
        if _OBJECT_AND_OF.match(core) and not m.form.endswith("ing"):  # (a bare verb's clause is above:
            # "He said his plan calls for "new civil rights legislation"" is reported speech)
            # "accused her of "hiding behind the spreadsheet"": the cue's object, then the quotation
            # after "of"/"for": its subject's words (as after a naming verb); with no subject right
            # before the cue, as before (no guess)
            speaker = att.speaker_before(clause_lo, m.start, nearest=False)
            if speaker is not None:
                return _NEW_ATTRIBUTION((speaker, m, False, False, False))
    # 1b. "called the record "…"": a naming verb and its object right before the quotation
    naming = att.naming
    if naming and naming[-1] >= clause_lo:  # a naming verb shortly before (most fields have none)
        k = bisect_left(naming, max(clause_lo, q_lo - 60))
        named = att.naming_cue(clause_lo, q_lo) if k < len(naming) and naming[k] < q_lo else None
        if named is not None and _ends_naming(text, q_hi) and not _is_name(text[q_lo:q_hi]):
            speaker = att.speaker_before(clause_lo, named.start, nearest=False)  # its subject, no guess
            if speaker is None:
                return _NO_ROW  # a quotation of someone the sentence names, but who is not clear
            return _NEW_ATTRIBUTION((speaker, named, False, False, False))
    # 2. a cue after it, in the rest of the sentence (up to the next quotation)
    end_sent = f.sentence_at(max(q_hi - 1, q_lo))
    k = bisect_right(f._quote_starts, q_hi)  # the first quotation starting after this one
    post_hi = f._quote_starts[k] - 1 if k < len(f._quote_starts) and f._quote_starts[k] < end_sent[3] else end_sent[3]
    post = att.cues_in(q_hi, post_hi)
    if not post and text[q_hi - 1:q_hi] in _ASKING_ENDS:  # 2b. '"Why?" she asked.', '"Why?" Adeyemi said.'
        after = _cue_after_question(att, q_hi, end_sent, post_hi)
        if after is not None:
            return after
    if not post:  # 2a. no cue verb: ""…," according to X." (a source phrase right after a quotation
        # that opens its sentence; quoted words inside the author's clause are left as they were)
        if att.source_phrase_in_field and not text[sent[2]:q_lo].strip(" \n\"“‘'`("):
            return att.source_after(q_hi, end_sent[3]) or _NONE
        if text.find(":", sent[2], q_lo) < 0:
            return _NONE  # (most quotations: no colon before them, no "Name: 'quote'")
        speaker = _colon_speaker(att, sent[2], q_lo, q_hi, end_sent[3])
        return _NONE if speaker is None else _NEW_ATTRIBUTION((speaker, None, True, False, False))
    m = post[0]
    if _cue_in_own_clause(text, q_hi, m.start):
        return _NONE  # "called the breach "a disgrace" and demanded that Delane testify": not its cue
    speaker = att.speaker_before(q_hi + 1, m.start) or att.speaker_after(m, post_hi) or \
        att.description_before(q_hi, m.start)
    if speaker is None and m.form.endswith("ing"):
        speaker = att.subject(sent[2], q_lo)
    close = not text[q_hi:m.start].strip(" ,\"”’'\n") or speaker is not None
    return _NEW_ATTRIBUTION((speaker, m, close, False, True))


_ASKING_ENDS = frozenset("?!")  # a quotation's last character before a verb of asking ("?" she asked)
_SETTING_END_CHARS = frozenset(" \n.!?\"”’'")  # after a setting at a sentence's end
_SETTING_STOPS = frozenset(',;:"“”‘')  # no setting holds them: a clause or quoted words go on after them
_SETTING_PREPS = frozenset("at in during on outside inside near before after aboard from amid across throughout "
                           "over via".split())
# a word of a clause: a subject pronoun, a finite auxiliary, modal or copula, a negation
_CLAUSE_WORD = re.compile(r"\b(?:I|we|he|she|they|you|is|was|were|are|will|would|could|should|had|has|have|"
                          r"can|may|might|must|did|does)\b|n['’]t\b", re.IGNORECASE)


def _only_setting(text: str, lo: int, hi: int) -> bool:
    """Is text[lo:hi] (what follows a cue) only the setting of the words said, no clause said: time
    phrases (:data:`_SETTING`) and a phrase opening with a preposition of place, time or occasion
    ("at an event in New York City Monday night", "in Boston on Friday evening", "during a town
    hall"), with no word of a clause in it (a subject pronoun, a finite auxiliary: "in the end the plan
    will fail" is said), no comma, colon or quotation mark (a clause or quoted words after it)? False for
    nothing at all."""
    pos = lo
    while True:
        m = _SETTING.match(text, pos, hi)
        if m is None:
            break
        pos = m.end()
    word = _LEADING_WORD.search(text, pos, hi)
    if word is None:
        return pos > lo
    if text[pos:word.start()].strip(" \n,") or word.group().lower() not in _SETTING_PREPS:
        return False
    end = hi
    while end > word.end() and text[end - 1] in _SETTING_END_CHARS:
        end -= 1
    phrase = text[word.end():end]
    if any(c in phrase for c in _SETTING_STOPS) or " '" in phrase:
        return False  # "said on numerous occasions, Clinton suffers …", "said in the second paragraph 'economic …'"
    return _CLAUSE_WORD.search(phrase) is None


@functools.lru_cache(maxsize=8)
def _quotation_verb_pattern(forms: frozenset[str]) -> re.Pattern[str] | None:
    """A quotation verb's form (``CueVerbs.quotation_of``), lower case or capitalised, as a whole word."""
    if not forms:
        return None
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    caps = "|".join(re.escape(f[0].upper() + f[1:]) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts}|{caps})(?![\w-])")


def _cue_after_question(att: _Attributor, q_hi: int, end_sent: tuple[int, int, int, int],
                        post_hi: int) -> _Attribution | None:
    """The cue and speaker after a quotation ending in "?" or "!" with no cue verb after it in its
    sentence: a quotation verb (``quotation_verbs``: '"Why?" she asked.', '"Why?" asked Adeyemi.')
    right after its closing mark, with a speaker of at most four words before it or one after it; or,
    where the sentence splitter ended the sentence at the closing mark ('"Why?" | Ruth Adeyemi
    said.'), a cue clause that is the whole next sentence of the paragraph: the speaker (titles,
    capitalised words, a determiner or speaker noun only) and a cue or quotation verb, then nothing
    but an addressee or a setting ("Ocasio-Cortez said at an event in New York City Monday night.",
    "Bolsonaro told reporters in Brasilia."; '"Why?" | Adeyemi said the plan was unread.' is reported
    speech, no attribution). None otherwise."""
    f, text = att.f, att.f.text
    close = _closing_mark_end(text, q_hi)
    if close == q_hi:
        return None  # left open
    if close < end_sent[3]:
        verb = _quotation_verb(att, close, post_hi)
        if verb is None or not _fewer_words(text, 5, close, verb.start):
            return None
        if text[close:verb.start].strip(" ,\n"):
            speaker = att.speaker_before(q_hi + 1, verb.start) or att.description_before(q_hi, verb.start)
        else:
            speaker = att.speaker_right_after(verb.end, post_hi)
        return None if speaker is None else _NEW_ATTRIBUTION((speaker, verb, True, False, True))
    # the sentence ends at the closing mark: the next one, when it starts the same line after a space
    pos = close
    while pos < len(text) and text[pos] in " \t":
        pos += 1
    if pos == close or pos >= len(text):
        return None
    nxt = f.sentence_at(pos)
    if nxt[2] != pos or nxt[1] != end_sent[1]:
        return None
    k = bisect_right(f._quote_starts, close)
    s_hi = f._quote_starts[k] - 1 if k < len(f._quote_starts) and f._quote_starts[k] < nxt[3] else nxt[3]
    found = att.cues_in(pos, s_hi)
    verb = found[0] if found else _quotation_verb(att, pos, s_hi)
    if verb is None or not _fewer_words(text, 5, pos, verb.start):
        return None
    if verb.start == pos:  # "Said Adeyemi."
        speaker = att.speaker_right_after(verb.end, s_hi)
        if speaker is None:
            return None
        end = speaker.end
    else:
        speaker = att.speaker_before(pos, verb.start, nearest=False)
        if speaker is None or not att._only_titles(pos, verb.start):
            return None
        adr = att.addressee(verb) if verb.form.lower() in att.cues.lemma_of else None
        end = adr[1] if adr is not None else verb.end
    tail_hi = s_hi
    while tail_hi > end and text[tail_hi - 1] in " .!?\n\"”’'":
        tail_hi -= 1
    if tail_hi > end and not (_tail_is_adverbial(text[end:tail_hi]) or _only_setting(text, end, tail_hi)):
        return None  # '"Why?" Adeyemi said the plan was unread.': the cue reports a clause of its own
    return _NEW_ATTRIBUTION((speaker, verb, True, False, True))


def _quotation_verb(att: _Attributor, lo: int, hi: int) -> _Cue | None:
    """The first quotation verb (``CueVerbs.quotation_of``) in text[lo:hi] within 60 characters of ``lo``."""
    pattern = _quotation_verb_pattern(frozenset(att.cues.quotation_of))
    if pattern is None:
        return None
    m = pattern.search(att.f.text, lo, min(hi, lo + 60))
    return None if m is None else _NEW_CUE((m.start(), m.end(), m.group()))


#: What a cue and a quotation of a headline idiom may have between them: "Coroner warns of 'risk of future
#: deaths'", "Mother tells of 'agony'" (the quotation is what the verb is about: its complement).
_TOPIC_PREPOSITIONS = frozenset((" of", " about", " against"))


@functools.lru_cache(maxsize=4)
def _headline_idiom_pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """After a headline's quotation and its closing mark: a comma or colon, a noun phrase of one to three
    words (group ``np``) and one of the idiom ``phrases`` (group ``cue``), then an end mark or nothing, or
    a phrase of what or where it is about ("parents speak out over Royal Wessex maternity care")."""
    alternation = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))
    return re.compile(r"[\"”’']?\s*[,:]?\s+(?P<np>(?:[\w'’-]+\s+){0,2}?[\w'’-]+)\s+"
                      rf"(?P<cue>{alternation})(?:\s+(?:{'|'.join(_IDIOM_TAILS)})\s[^\n]*|\s*[.!?]?\s*)\Z",
                      re.IGNORECASE)


#: Words opening what a headline idiom is about, after its phrase ("speak out over ...", "inquest hears as ...").
_IDIOM_TAILS = ("over", "about", "on", "after", "at", "in", "against", "amid", "following", "as", "before",
                "during")


def _headline_idiom(att: _Attributor, q_hi: int, sent_hi: int) -> _Attribution | None:
    """The attribution of a headline quotation by a British headline idiom after it (``headline_cues``:
    "Baby's death 'could have been prevented', inquest hears", "Trust 'failed mothers', court told",
    "'We were failed': parents speak out"): the noun phrase before the idiom's phrase, headed by a speaker
    noun or a noun of the bodies that hear evidence (``headline_speaker_nouns``: inquest, jury, tribunal),
    is a nominal speaker (the proceedings stand for the source the headline leaves unnamed), the phrase
    its cue; else None (the other rules decide: "Nurses 'left alone', says union")."""
    text, cues = att.f.text, att.cues
    m = _headline_idiom_pattern(tuple(cues.headline_cues)).match(text, _closing_mark_end(text, q_hi), sent_hi)
    if m is None:
        return None
    words = m.group("np").split()
    head = words[-1].lower().rstrip("'’")
    if head not in cues.speaker_nouns and head not in cues.headline_speaker_nouns or \
            any(w.lower() in _PRONOUNS or w.lower() in cues.headline_cues for w in words):
        return None
    np_lo, np_hi = m.span("np")
    speaker = _NEW_SPEAKER((pd.NA, text[np_lo:np_hi], "nominal", np_lo, np_hi, pd.NA, None, None,
                            np_hi - len(words[-1])))
    cue = _NEW_CUE((m.start("cue"), m.end("cue"), " ".join(m.group("cue").lower().split())))
    return _NEW_ATTRIBUTION((speaker, cue, True, False, True))


def _colon_speaker(att: _Attributor, sent_lo: int, q_lo: int, q_hi: int, sent_hi: int) -> _Speaker | None:
    """The speaker of a quotation written "Name: 'quote'" (the headline form: "Reyes: 'We will be
    brave'", also 'Reyes: "..."'): a person the entity layer (or the lexicon) names, alone or after
    titles, from the sentence's start to a colon right before the quotation's opening mark, the
    quotation running to the sentence's end; else None (a topic before the colon is no speaker:
    "Brexit: 'We are running out of time'", "Harlow Athletic: '...'" not a person)."""
    text = att.f.text
    head = text[sent_lo:_opening_mark_start(text, sent_lo, q_lo)].rstrip()
    if not head.endswith(":") or text[_closing_mark_end(text, q_hi):sent_hi].strip(" \n.!?\"”’'"):
        return None
    colon = sent_lo + len(head) - 1
    found = att.speakers(sent_lo, colon)
    if not found:
        return _colon_nominal(att, sent_lo, colon)
    m = found[-1]
    if m.via == "pronoun" or m.etype != "person" or text[m.end:colon].strip() or \
            not att._only_titles(sent_lo, m.start) or any(o.etype != "person" or not _same_speaker(o, m)
                                                         for o in found[:-1]):
        # no person: a speaker noun the entity layer took for a name ("Midwives: '…'") may still speak
        return None if any(o.etype == "person" for o in found) else _colon_nominal(att, sent_lo, colon)
    return _from_mention(m)


def _colon_nominal(att: _Attributor, lo: int, colon: int) -> _Speaker | None:
    """The nominal speaker of "Coroner: 'Deaths will happen unless trust acts'" (the headline form with a
    role or group for a name: "Senior coroner:", "Midwives:"): a phrase of at most three words from ``lo``
    to the colon, capitalised words, determiners, titles or speaker nouns only, headed by a speaker noun
    that is no document ("Review: '…'" is a section, not a speaker); else None ("Brexit: '…'")."""
    text = att.f.text
    words = text[lo:colon].split()
    if not 0 < len(words) <= 3 or not att._only_titles(lo, colon):
        return None
    sp, start = att.subject_phrase(lo, colon)
    if sp is None or sp.type != "nominal" or text[lo:start].strip(" \n\"“‘'(") or \
            _bare(words[-1]).lower() in att.cues.document_nouns:
        return None
    if sp.etype in ("person", "organization", "group"):
        return sp
    # a speaker noun the entity layer took for a name of no such type ("Midwives" as other): no entity
    return _NEW_SPEAKER((pd.NA, sp.name, "nominal", sp.start, sp.end, pd.NA, None, None, sp.head))


def _ends_naming(text: str, q_hi: int) -> bool:
    """Does the object complement of a naming verb end with the quotation ending at ``q_hi``: its
    closing mark followed by punctuation, the text's end or a clause word ("called the record "…"
    and said"), not by more words of a noun phrase ("called her 'Person of the Year' award")?"""
    m = _LEADING_WORD.search(text, q_hi, q_hi + 40)
    if m is None:
        return True
    between = text[q_hi:m.start()].strip(" \n\"”’'`")
    return bool(between) or m.group().lower() in _CLAUSE or m.group().lower() in _CLAUSE_OPENERS


# words that end a participle phrase read back from a cue ("patients waiting at the entrance said")
_PARTICIPLE_STOPS = frozenset("that which who whom whose while and but or as when because if since though although "
                              "where than".split())
# a relative pronoun that is the subject of its clause ("the union that represents nurses")
_RELATIVE_SUBJECTS = frozenset("that who which".split())
_RELATIVE_ENDINGS = (" that ", " who ", " which ")
_RELATIVE_HINT = re.compile(r"(?:that|who|which)\s+\Z")  # a relative word right before a phrase
_VERB_LIKE = frozenset("is was are were has had have will would can could may might must does did "
                       "also".split())


def _verb_like(word: str, nouns: frozenset[str]) -> bool:
    """Can ``word`` be the finite verb of a relative clause whose subject is "that"/"who"/"which"
    ("represents", "runs", "organised", "has")? An auxiliary or a lower-case word ending in -s or
    -ed that is no speaker noun, determiner or pronoun ("that officials said": a new subject)."""
    low = word.lower()
    if low in _VERB_LIKE:
        return True
    return word[:1].islower() and low.endswith(("s", "ed")) and low not in nouns and \
        low not in _DETERMINERS_ALL and low not in _PRONOUNS and not low.endswith(("'s", "’s", "ss"))


def _clause_after_object(after: str, nouns: frozenset[str]) -> bool:
    """Does ``after`` (the words after "told <addressee>") open a clause with no auxiliary, "that"
    left out: a determiner, a lower-case noun and a verb (:func:`_verb_like`: "told the crowd | the
    company owed riders compensation", "told reporters | the minister resigned")? A noun phrase alone
    is no clause ("told him | the story of her life", "told them | the details of the plan")."""
    words = after.split(None, 3)[:3]
    if len(words) < 3 or words[0].lower() not in _DETERMINERS_ALL or words[0].lower() == "that":
        return False
    noun, verb = words[1], words[2].rstrip(".,;:!?")
    if not noun[:1].islower() or noun[-1:] in _PHRASE_END_CHARS or noun.endswith(_POSSESSIVE_ENDINGS) or \
            noun in _ANY_PREPS or verb.lower() in _ANY_PREPS:
        return False
    return _verb_like(verb, nouns)


# a subordinate clause's first word: a name before it is no subject of a cue after it in that clause
_SUBORDINATOR = re.compile(r"\b(?:after|because|when|whenever|while|before|since|if|although|though|until|unless|"
                           r"whereas)\b")
#: :meth:`_Attributor.shared_subject`'s verdict when the subject of a coordinated cue is not clear
_UNCLEAR = _Speaker(pd.NA, pd.NA, "nominal", -1, -1)
_VERB_CONJUNCTIONS = (" and", " but")  # a verb coordinated with one before it: "welcomed it but warned"
_CLAUSE_OPENERS = frozenset("and but or nor then because so while whereas if unless before after when".split())
_PARENTHETICAL = re.compile(r"\s[—–]\s?[^—–]*?\s?[—–]\s|\([^()]*\)")  # "— a phrase that ... —", "(...)"


def _cue_in_own_clause(text: str, q_hi: int, cue_start: int) -> bool:
    """Is the cue after a quotation (ending at ``q_hi``) in a clause of its own, not the quotation's
    attribution? So when "that" stands between them (the cue is inside a complement clause:
    "called the breach "a disgrace" and demanded that Delane testify"; a parenthetical between
    dashes or brackets aside), or when the quotation is followed, with no comma or end mark
    between, by a conjunction ("... "a disgrace" and said Delane must resign") and the cue is not
    set off by a comma with a few words of speaker before it ("... "…" or wait, he tells the BBC").
    An attribution after a quotation is set off by a comma or an end mark (""…," Kirby said",
    ""Why?" she asked")."""
    if _THAT_WORD.search(text, q_hi, cue_start) is not None and \
            _THAT_WORD.search(_PARENTHETICAL.sub(" ", text[q_hi:cue_start])) is not None:
        return True
    first = _LEADING_WORD.search(text, q_hi, cue_start)  # the first word after the quotation
    if first is None or text[q_hi:first.start()].strip(" \n\"”’'`") or first.group().lower() not in _CLAUSE_OPENERS:
        return False
    comma = text.rfind(",", q_hi, cue_start)
    return comma < 0 or not _fewer_words(text, 6, comma + 1, cue_start)


def _direct_quotes(att: _Attributor) -> tuple[list[_Row], set[int]]:
    """The direct quotations of a field, and the offsets of the cues they used."""
    f, cues, text = att.f, att.cues, att.f.text
    lemma_of = cues.lemma_of
    used: set[int] = set()
    rows: list[_Row] = []
    for spans in att.paragraph_quotes:
        previous: _Row | None = None
        prev_end = -1
        # the sentence of the last quotation skipped as part of a reported clause, and its cue's end
        mixed_in, mixed_cue = -1, -1
        for q_lo, q_hi in spans:
            sent = f.sentence_at(q_lo)
            if sent[3] == q_lo and text[q_lo - 2:q_lo - 1] in (".", "!", "?"):  # paragraphs run together
                sent = f.sentence_at(q_lo + 1)  # ("… away.'It's …,' he said"): the opening mark ends the
                # sentence before, the quotation is in the next one
            clause_lo = max(sent[2], prev_end)
            prev_end = q_hi + 1
            if att.is_title(q_lo):
                continue  # the title of a work: "the bill, known as "Safe Streets""
            a = _attribute(att, q_lo, q_hi, clause_lo, sent)
            if a.mixed:
                if a.cue is not None and a.cue.start not in used:  # (a cue used by a row reports no clause)
                    mixed_in, mixed_cue = sent[0], a.cue.end
                continue  # part of a reported clause: reported speech takes it whole
            if mixed_in == sent[0] and _in_same_report(text, a, mixed_cue, q_lo):
                continue  # 'said the strike was "regrettable" and that it made "a fair offer."': the same clause
            if previous is not None and a.cue is not None and a.cue.start == previous.cue_start:
                previous.parts.append((q_lo, q_hi))  # "A," he said, "B." — one quotation
                continue
            other_cue = previous is not None and a.cue is None and any(  # (read only without a cue)
                m.start != previous.cue_start for m in att.cues_in(previous.parts[-1][1], q_lo))
            if previous is not None and a.cue is None and previous.cue_after and not other_cue and \
                    _only_attribution_between(text, previous.parts[-1][1], q_lo, previous.cue_start):
                previous.parts.append((q_lo, q_hi))  # "A," he said. "B." — one quotation
                previous.cue_after = False
                continue
            speaker, lemma, adjacent = a.speaker, pd.NA, a.adjacent
            addressee: Any = pd.NA
            if a.cue is not None and a.cue.form in cues.naming_of:
                lemma = cues.naming_of[a.cue.form]  # "called the record "…"": no addressee
            elif a.cue is not None:
                form = a.cue.form.lower()
                lemma = lemma_of.get(form)
                if lemma is None:
                    # a headline idiom's phrase ("inquest hears": hear), a quotation verb ('"Why?" she asked'),
                    # else a source phrase (""…," according to X")
                    lemma = (cues.headline_cues.get(form) if f.headline else None) or cues.quotation_of.get(form, form)
                else:
                    adr = att.addressee(a.cue)
                    if adr is not None:
                        addressee = text[adr[0]:adr[1]]
            elif previous is not None and previous.speaker is not None and not other_cue:
                # 3. no cue at all: the previous quotation's speaker in the paragraph goes on
                # (unless another cue, someone else's speech, comes between them)
                speaker, lemma, adjacent = previous.speaker, previous.cue, True
            if not (adjacent and speaker is not None and a.cue is not None) and \
                    _fewer_words(text, MIN_QUOTE_WORDS, q_lo, q_hi):  # (a speaker carried on by rule 3 is no cue)
                if speaker is not None and a.cue is not None and a.cue.form in cues.naming_of:
                    att.share_subject(q_hi, speaker)  # a label, but "called X "a scandal" and demanded that …"
                continue  # a scare quote: one to three words without a cue of its own
            if a.cue is None and speaker is None and (_is_name(text[q_lo:q_hi]) or
                                                       _chant(text, q_lo, sent, cues.display_words)):
                continue  # a name or title in quotation marks ("Green New Deal"), a chant or banner
            row = _Row(sent[0], sent[1], [(q_lo, q_hi)], speaker, lemma, "direct",
                       a.cue.start if a.cue is not None else -1, a.after, adjacent, addressee)
            rows.append(row)
            mixed_in = -1
            if a.cue is not None:
                used.add(a.cue.start)  # only a quotation made into a row uses its cue
                if speaker is not None and not a.after:
                    att.share_subject(q_hi, speaker)  # "called the record "…" and said …"
            if speaker is not None:
                previous = row
    att.set_direct([p for row in rows for p in row.parts])
    return rows, used


_WORD_LOWER = re.compile(r"[a-z][a-z'’-]*")


def _chant(text: str, q_lo: int, sent: tuple[int, int, int, int], display: frozenset[str]) -> bool:
    """Is a quotation starting at ``q_lo`` (with no cue and no speaker) introduced by a word of chanting or
    of words held up (``display``: among the four words before it in its sentence, "Fans marched chanting
    'the Reds are ours'", "a banner reading 'Our club, our city'")? Then it is no one's speech."""
    if not display:
        return False
    words = _WORD_LOWER.findall(text[max(sent[2], q_lo - 50):q_lo].lower())
    return any(w in display for w in words[-4:])


def _in_same_report(text: str, a: _Attribution, cue_end: int, q_lo: int) -> bool:
    """Is a quotation starting at ``q_lo`` with attribution ``a``, after a quotation of its sentence
    that is part of the reported clause of a cue ending at ``cue_end``, part of that clause too? So
    when nothing attributes it (no cue between the two quotations, none after it in its sentence)
    and no clause break (:func:`_content`'s: ";", ", while", ", but" ...) comes between the cue and
    it: 'Marsh said the strike was "deeply regrettable" and that the trust had made "a fair and
    final offer."' is one reported row, Marsh's, not a direct quotation without a speaker beside it."""
    return a.cue is None and a.speaker is None and _BREAK.search(text, cue_end, q_lo) is None


def _ends_that(core: str) -> bool:
    """``_ENDS_THAT.search(core)`` for a ``core`` without trailing newline, by its last characters."""
    if not core.endswith("that"):
        return False
    if len(core) == 4:
        return True
    c = core[-5]
    return not (c.isalnum() or c == "_")


def _only_attribution_between(text: str, a_hi: int, b_lo: int, cue_start: int) -> bool:
    """Between the end of quotation A and the start of B: A's cue clause only (a few words, the cue
    among them, no other quotation)."""
    if not (a_hi <= cue_start < b_lo and _fewer_words(text, 17, a_hi, b_lo)):  # at most 16 words
        return False
    between = text[a_hi:b_lo]
    return not _DOUBLE.search(between.strip(" \n\"“”‘’'`,.")) and "\n\n" not in between


def _reported_speech(att: _Attributor, used: set[int]) -> list[_Row]:
    """Reported speech in a field (cues not used by a direct quotation)."""
    f, cues, text = att.f, att.cues, att.f.text
    rows: list[_Row] = []
    bare_of = cues.clause_of
    for (sid, pid, s_lo, s_hi), m in att.verbs_by_sentence():
        if m.start in used:
            continue
        form = m.form.lower()
        if bare_of[form] != "bare" and text.rfind(",", s_lo, m.start) < 0 and not (  # (find: no slices)
                text.find("that", m.end, min(s_hi, m.end + 120)) >= 0 or
                text.find(":", m.end, min(s_hi, m.end + 4)) >= 0) and cues.addressee_of[form] != "object":
            continue  # a "that" verb with neither "that", a colon nor a comma before it: no speech
        if att.passive(m):
            continue
        adr = att.addressee(m)
        after_lo = adr[1] if adr is not None else m.end
        addressee = text[adr[0]:adr[1]] if adr is not None else pd.NA
        row = _content_before(att, m, sid, pid, s_lo, s_hi, after_lo)
        if row is not None:
            row.addressee = addressee
            rows.append(row)
            continue
        after = text[after_lo:s_hi]
        opener = ("that" in after and _THAT.match(after)) or _COLON.match(after)
        if opener and att.cue_between(after_lo, after_lo + opener.end()):
            opener = None  # "said the road was unsafe, and warned that …": the "that" of another cue
        elif opener and after[opener.end() - 4:opener.end()] == "that" and after[:opener.end() - 4].strip(" ,") \
                and _FINITE_AFTER.match(after, opener.end()):
            opener = None  # "said 14 ballots that had been rejected were counted": a relative "that", no opener
        if opener and _PRONOUN_SUBJECT.match(after) and after[opener.end() - 4:opener.end()] == "that":
            c_lo = after_lo  # "saying he took responsibility for the failures that led to …": the clause said
            # opens with its subject pronoun, a "that" in it is its own (relative), no opener
        elif opener and _second_that(after, opener.end()) and (bare_of[form] == "bare" or _FINITE_CLAUSE.match(after)):
            c_lo = after_lo  # "said the strike was regrettable and that …": both clauses were said
        elif opener and after[opener.end() - 4:opener.end()] == "that" and not after[:opener.end() - 4].strip(" ,") \
                and _DEMONSTRATIVE_NEXT.match(after, opener.end()):
            c_lo = after_lo + opener.end() - 4  # "said that was not good enough": "that" the subject, no opener
        elif opener:
            c_lo = after_lo + opener.end()
        elif cues.clause_of[form] == "bare" or (adr is not None and cues.addressee_of[form] == "object"
                                                 and (_FINITE_CLAUSE.match(after)
                                                      or _clause_after_object(after, att.nouns))):
            if _SAID_WHAT.match(after) and not _FINITE_CLAUSE.match(after):
                continue  # "said nothing for a moment", "said little about the plan", "said no to it": what was
                # said, no clause ("said nothing would change" is one)
            c_lo = after_lo  # "told reporters the plan was dead": a clause after the addressee, "that" left out
        else:
            continue
        if c_lo == after_lo:  # "said on Tuesday the strike would go ahead": the time phrase is not said
            if _only_setting(text, c_lo, s_hi):
                continue  # "said at an event in New York City Monday night.": where, not what
            c_lo = _leading_setting_end(text, c_lo, s_hi, cues.document_nouns)
        c_lo, c_hi = _content(text, c_lo, s_hi)
        if att.source_phrase_in_field:
            c_hi = att.before_source(c_lo, c_hi)
        c_lo, c_hi = att.before_coordinated(c_lo, c_hi)
        if _fewer_words(text, 3, c_lo, c_hi) or att.overlaps_direct(c_lo, c_hi):
            continue
        clause_lo = att.clause_start(s_lo, m.start)
        speaker = att.speaker_of(m, clause_lo, s_lo, c_lo)
        if speaker is not None:
            rows.append(_Row(sid, pid, [(c_lo, c_hi)], speaker, cues.lemma_of[form], "reported", m.start,
                             addressee=addressee))
            att.share_subject(c_hi, speaker)
    if att.source_phrase_in_field:
        rows.extend(_according_to(att, rows))
    if f.quotes:
        rows = _with_whole_quotes(f, rows)
    return _outer_rows(rows, cues.source_phrases)


_PRONOUN_SUBJECT = re.compile(r"\A\s+(?:I|we|he|she|they)\s")  # a clause opening with its subject pronoun
#: After a "that" right after a cue: a finite verb or auxiliary (or "'s"), so the "that" is a demonstrative
#: subject of the clause said, not its complementiser ("said that was not good enough", "said that's wrong").
_DEMONSTRATIVE_NEXT = re.compile(r"(?:['’]s\b|\s+(?:" + "|".join(sorted(_FINITE_VERBS)) + r"|does|did|isn['’]t|"
                                 r"wasn['’]t|aren['’]t|weren['’]t|won['’]t|wouldn['’]t|can['’]t|cannot|couldn['’]t|"
                                 r"shouldn['’]t|hasn['’]t|haven['’]t|hadn['’]t|doesn['’]t|didn['’]t)\b)")
#: Words after a speech verb that are what was said, not the start of a clause said: "said nothing",
#: "said little", "said so", "said no to the plan" (no reported speech unless a finite clause follows).
_SAID_WHAT = re.compile(r"\A\s+(?:nothing|little|much|something|anything|everything|so|otherwise|yes|no|goodbye|"
                        r"hello|thanks|grace)\b", re.IGNORECASE)
_AND_THAT = re.compile(r"\S\s+\S+,?\s+(?:and|but)\s+that\Z")  # two words at least, then "and that"


def _second_that(after: str, end: int) -> bool:
    """Does the "that" ending ``after[:end]`` (:data:`_THAT` matched there) open a second clause
    coordinated with a first one that has no "that" ("said | the strike was regrettable and that |
    …"), rather than the cue's only one ("said on Tuesday that")?"""
    return after.endswith("that", 0, end) and _AND_THAT.search(after, 0, end) is not None


def _with_whole_quotes(f: _Field, rows: list[_Row]) -> list[_Row]:
    """The reported rows with no part ending inside a quotation it holds (:meth:`_Field.whole_quote_end`;
    a part before its cue ends by the cue; after it, the quotation may go on into the paragraph's
    next sentences: 'said asylum laws should "include those who … change. They are refugees too."');
    a part left with fewer than 3 words is dropped, and a row left with no part."""
    out = []
    for row in rows:
        parts = []
        for lo, hi in row.parts:
            limit = row.cue_start if hi <= row.cue_start else len(f.text)
            end = f.whole_quote_end(lo, hi, limit)
            if end == hi or not _fewer_words(f.text, 3, lo, end):
                parts.append((lo, end))
        if parts:
            row.parts = parts
            out.append(row)
    return out


def _outer_rows(rows: list[_Row], sources: Sequence[str] = ()) -> list[_Row]:
    """The reported rows without those that overlap another row of their sentence and lose to it:
    two cues of one sentence whose contents overlap report one piece of speech, and one row is
    kept, with its speaker and content as found. The row kept is the outer cue's — the attribution
    a reader names first: "The IPCC report says the climate is warming, scientists said" gives the
    scientists' row with the content "The IPCC report says the climate is warming"; "Officials
    said the report says the climate is warming" the officials'. The outer row is the one whose
    content holds the other's cue; when each holds the other's cue (the inner content then runs
    into the outer attribution) the one whose cue comes last ("…, scientists said" closes the
    sentence); when neither does, the one whose cue comes first. Two exceptions, where the inner
    row names the speech better: a source phrase (``sources``: "according to X") relays the speech
    of a cue verb's row and loses to it ("Zinke has said …, according to the Huffington Post":
    Zinke's, as with a document, :func:`_according_to`); and when both rows have one speaker, the
    inner cue is that speaker's more exact one ("UNICEF said in a report warning of …"), and it
    takes the outer row's parts that lie beside its own ("Bernhardt responded by noting that A,
    but, he said, B": the "noting" row with A and B).
    """
    if len(rows) < 2 or len({row.sentence_id for row in rows}) == len(rows):
        return rows  # no two rows in one sentence
    dropped: set[int] = set()
    by_sentence: dict[int, list[int]] = {}
    for i, row in enumerate(rows):
        by_sentence.setdefault(row.sentence_id, []).append(i)
    for ids in by_sentence.values():
        if len(ids) < 2:
            continue
        ids = sorted(ids, key=lambda i: rows[i].cue_start)
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                if i in dropped or j in dropped:
                    continue
                a, b = rows[i], rows[j]  # a's cue comes first
                if not (a.parts[0][0] < b.parts[-1][1] and b.parts[0][0] < a.parts[-1][1]):
                    continue
                a_holds, b_holds = _holds(a, b.cue_start), _holds(b, a.cue_start)
                if a_holds and not b_holds:
                    outer, inner = i, j
                elif b_holds:  # b alone holds a's cue, or each holds the other's: b's cue closes it
                    outer, inner = j, i
                else:
                    outer, inner = i, j
                if (rows[outer].cue in sources) != (rows[inner].cue in sources):
                    dropped.add(i if rows[i].cue in sources else j)  # the source phrase relays
                elif a_holds != b_holds and _same_speaker_of(rows[outer].speaker, rows[inner].speaker):
                    dropped.add(outer)  # its parts beside the inner one's go on: "A, he said, B"
                    keep = rows[inner]
                    extra = [p for p in rows[outer].parts if not (p[0] < keep.parts[-1][1] and keep.parts[0][0] < p[1])
                             and not p[0] <= keep.cue_start < p[1]]
                    if extra:
                        keep.parts = sorted(keep.parts + extra)
                else:
                    dropped.add(inner)
    return [row for i, row in enumerate(rows) if i not in dropped] if dropped else rows


def _same_speaker_of(a: _Speaker | None, b: _Speaker | None) -> bool:
    """Two speakers of one entity, lexicon actor or (unlinked) name."""
    return a is not None and b is not None and _same_referent((a.entity_id, a.actor_id, a.name),
                                                               (b.entity_id, b.actor_id, b.name))


def _holds(row: _Row, pos: int) -> bool:
    """Is ``pos`` inside one of the row's parts?"""
    return any(lo <= pos < hi for lo, hi in row.parts)


def _content_before(att: _Attributor, m: _Cue, sid: int, pid: int, s_lo: int, s_hi: int,
                    after_lo: int) -> _Row | None:
    """Reported speech with the cue after its content: "…, analysts say." / "…, the company said
    Tuesday." / "…, said Tom Becker." (the content from the sentence start to the comma before the
    speaker; a parenthetical "A, she said, B." takes both sides)."""
    text = att.f.text
    comma = text.rfind(",", s_lo, m.start)
    if comma < 0:
        return None
    words_between = bool(text[comma + 1:m.start].strip())  # a speaker before the cue ("…, analysts say")
    if words_between:
        stop = _TAIL_STOP.search(text, after_lo, s_hi)
        if not _tail_is_adverbial(text[after_lo:stop.start() if stop else s_hi]):
            return None  # checked first: it is cheaper than the content and the speaker
    c_lo, c_hi = _content(text, s_lo, comma)
    short = _fewer_words(text, 3, c_lo, c_hi)  # "Her complaint, sources said, became …": the subject alone
    if short and not _subject_goes_on(text, c_lo, c_hi, comma, m.start, after_lo, s_hi,
                                      bare_present=att.cues.lemma_of.get(m.form.lower()) == m.form.lower()):
        return None
    if att.overlaps_direct(c_lo, c_hi) or att.f.in_quote(c_lo, c_hi):
        return None
    if words_between:
        seg_hi = comma + 1 + len(_strip_tail(text[comma + 1:m.start], _AUX))
        acronym = _PAREN_ACRONYM.search(text, comma + 1, seg_hi) if text[seg_hi - 1] == ")" else None
        if acronym is not None:  # "…, the Food and Drug Administration (FDA) said": the name before it
            seg_hi = acronym.start()
        sp, np_lo = att.subject_phrase(comma + 1, seg_hi)
        if sp is None or text[comma + 1:np_lo].strip():
            sp = _name_ending_at(att.f, comma + 1, seg_hi)  # a name with "and" or "of" in it
            if sp is None:
                return None
    else:
        sp = att.speaker_after(m, s_hi)
        if sp is None and text.rfind(",", s_lo, max(s_lo, text.rfind(",", s_lo, comma))) < 0:
            return None  # no two commas before this one: no description and name set off by commas
        tail_lo = after_lo if sp is None else max(sp.end, after_lo)
        stop = _TAIL_STOP.search(text, tail_lo, s_hi)
        if not _tail_is_adverbial(text[tail_lo:stop.start() if stop else s_hi]):
            return None
        if sp is None:  # "…, a spokeswoman for the agency, Carla Mendes, said on Wednesday."
            apposed = att.apposed_speaker(s_lo, comma)
            if apposed is None:
                return None
            sp, comma = apposed
            c_lo, c_hi = _content(text, s_lo, comma)
            if _fewer_words(text, 3, c_lo, c_hi):
                return None
    parts = [(c_lo, c_hi)]
    if stop and stop.group().startswith(","):
        rest_lo, rest_hi = _content(text, stop.end(), s_hi)
        rest = text[rest_lo:rest_hi]
        if not _fewer_words(rest, 3) and not _CONJUNCTION.match(rest) and not _RELATIVE.match(rest) and \
                not att.overlaps_direct(rest_lo, rest_hi):
            parts.append((rest_lo, rest_hi))
    if short and len(parts) == 1:
        return None
    return _Row(sid, pid, parts, sp, att.cues.lemma_of[m.form.lower()], "reported", m.start)


#: Words that open a clause with a subject of its own (after "A, she said,": "the road closed"): not
#: the predicate of a short A.
_SUBJECT_OPENERS = frozenset("the a an this that these those his her its their our my your some many most all "
                             "no every each any i we he she they it you there here".split())
#: One-word openers that are adverbs, no subject ("Meanwhile, officials said, prices rose").
_SENTENCE_ADVERBS = frozenset("meanwhile however nevertheless nonetheless instead still now separately also "
                              "further furthermore moreover overall so thus hence indeed again there here "
                              "otherwise elsewhere previously".split())
#: What stands between a cue and the rest of a parenthetical: the comma (a time word or two before it).
_COMMA_NEXT = re.compile(r"[^,.;:!?\"“”]{0,30}?,\s+")


def _subject_goes_on(text: str, c_lo: int, c_hi: int, comma: int, cue: int, after_lo: int, hi: int, *,
                     bare_present: bool = False) -> bool:
    """A content ``text[c_lo:c_hi]`` of one or two words before a parenthetical cue ("Her complaint, sources
    said, became the basis of …"): is it the subject of the clause after the cue, whose predicate goes on
    after the comma behind it (a lower-case word that opens no clause of its own, :data:`_SUBJECT_OPENERS`:
    "Yesterday, officials said, the road closed" is not; nor is an adverb: "Meanwhile, officials said,
    prices rose"; nor a conjunction: "But, he said, at the time …"; nor a cue in its bare present form after a
    capitalised word, ``bare_present``: "The replacement, the Affordable Clean Energy rule, would lead …" is a
    noun there)? Only then is the content both parts, "Her complaint … became the basis of …"."""
    if text.find(",", comma + 1, cue) >= 0:
        return False
    words = text[c_lo:c_hi].split()
    last = words[-1].lower() if words else ""
    if not last or last in _SENTENCE_ADVERBS or last in _TIME_WORDS or (len(words) == 1 and last.endswith("ly")) \
            or _CONJUNCTION.match(words[0]) is not None:
        return False  # "Meanwhile, officials said, prices rose", "But, he said, at the time …": no subject
    if bare_present:
        before = text[max(0, cue - 40):cue].split()
        if before and before[-1][:1].isupper():
            return False  # "The replacement, the Affordable Clean Energy rule, would lead …": a noun, no cue
    nxt = _COMMA_NEXT.match(text, after_lo, hi)
    if nxt is None:
        return False
    word = _LEADING_WORD.match(text, nxt.end(), hi)
    return word is not None and word.group().islower() and word.group() not in _SUBJECT_OPENERS and \
        _CONJUNCTION.match(word.group()) is None and _RELATIVE.match(word.group()) is None


_COORDINATION_BEFORE = re.compile(r"(?:,\s+and|,|\s+and)\s+\Z")  # between coordinated names: ", ", " and "
_COORDINATION_REACH = 16  # characters before a name that _COORDINATION_BEFORE is looked for in
# a relative clause set off by a comma ("…, which says it represents riders, said"): its comma
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whom|whose|which)\b")
_DIGIT_COMMA = re.compile(r"(?<=\d),(?=\d)")  # a comma inside a number ("2,000"): no clause comma


def _last_comma(text: str, lo: int, hi: int) -> int:
    """Where the last comma of text[lo:hi] that is no comma inside a number ("2,000") is, else -1."""
    comma = text.rfind(",", lo, hi)
    while comma >= 0 and _DIGIT_COMMA.match(text, comma):
        comma = text.rfind(",", lo, comma)
    return comma


_PAREN_ACRONYM = re.compile(r"\s+\([A-Z][A-Za-z0-9&.\-]{0,11}\)\Z")  # "(FDA)" after a name, at the end


def _name_ending_at(f: _Field, lo: int, hi: int) -> _Speaker | None:
    """The speaker of the one name mention (no pronoun, no place) that is all of text[lo:hi] but a
    leading "the" ("the Food and Drug Administration", which the noun-phrase walk stops in at "and"),
    else None."""
    text = f.text
    while hi > lo and text[hi - 1] in _SPACE_CHARS:
        hi -= 1
    for j in range(bisect_left(f.mention_starts, lo), bisect_left(f.mention_starts, hi)):
        m = f.mentions[j]
        if m.end == hi and m.via != "pronoun" and m.etype not in ("place", None) and \
                text[lo:m.start].strip().lower() in ("", "the"):
            return _from_mention(m)
    return None


def _leading_setting_end(text: str, lo: int, hi: int, documents: frozenset[str]) -> int:
    """Where a content with no "that" starts after a time phrase or setting right after its cue
    (text[lo:hi] follows the cue): "said on Tuesday | the strike would go ahead", "said Tuesday |",
    "said last week |", "said in a statement on Friday |" (one or more of :data:`_SETTING` or
    :data:`_SETTING_OCCASION`: "in/at", a determiner and, at most one word after it, a document
    noun of ``documents`` or one of :data:`_SPEECH_OCCASIONS`); ``lo`` when there is none or
    the phrase is the subject of the clause said ("said Monday was the deadline", "said Tuesday's vote
    was rigged")."""
    pos = lo
    while True:
        m = _SETTING.match(text, pos, hi)
        if m is not None:
            pos = m.end()
            continue
        m = _SETTING_OCCASION.match(text, pos, hi)
        if m is None:
            break
        first, second = m.group(1), m.group(2)
        if first in documents or first in _SPEECH_OCCASIONS:
            pos = m.end(1)
        elif second is not None and (second in documents or second in _SPEECH_OCCASIONS):
            pos = m.end(2)
        else:
            break
    if pos == lo:
        return lo
    nxt = _LEADING_WORD.search(text, pos, hi)
    if nxt is None or text[pos:nxt.start()].strip(" \n,"):
        return lo  # nothing said after it, or a mark between
    word = nxt.group()
    if word.lower() in _FINITE_VERBS or word in _ANY_PREPS or (word[:1].islower() and word.endswith("ing")):
        return lo  # a verb (the phrase is the subject), or no clause: "said in a report warning of ..."
    return pos


def _content(text: str, lo: int, hi: int) -> tuple[int, int]:
    """The reported content in text[lo:hi]: to a clause break, without outer spaces and end marks."""
    brk = _BREAK.search(text, lo, hi)
    if brk:
        hi = brk.start()
    while lo < hi and text[lo] in " ,:\n":
        lo += 1
    while hi > lo and text[hi - 1] in " .,;:!?\n":
        hi -= 1
    return lo, hi


def _source_phrases_in(text: str, cues: CueVerbs) -> list[re.Match[str]]:
    """``list(cues.source_pattern.finditer(text))``, tried only where a source phrase's words after
    its first letter are (found by str.find): each alternative of the pattern is its first letter
    (either case) and then those words, so it can match nowhere else."""
    starts: set[int] = set()
    for phrase in cues.source_phrases:
        rest = phrase[1:]
        if not rest:
            return list(cues.source_pattern.finditer(text))
        pos = text.find(rest, 1)
        while pos >= 0:
            starts.add(pos - 1)
            pos = text.find(rest, pos + 1)
    out: list[re.Match[str]] = []
    reached = 0
    for pos in sorted(starts):
        if pos >= reached:
            m = cues.source_pattern.match(text, pos)
            if m is not None:
                out.append(m)
                reached = max(m.end(), pos + 1)
    return out


def _according_to(att: _Attributor, reported: Sequence[_Row] = ()) -> list[_Row]:
    """Reported speech introduced by a source phrase: "According to X, ..." / "..., according to X";
    X is the whole phrase to the next comma or the sentence's end ("a review of court records by the
    watchdog group Open Ledger"), as :meth:`_Attributor.source_speaker` reads it. After "According to
    <name>," a description of the source set off by commas ("a security researcher at Helix Labs,")
    is not content (:meth:`_Attributor.description_end`). A document (``document_nouns``: "a
    statement released on Thursday") is a nominal source, its time tail dropped ("a statement"), and
    makes no row when the content holds the cue verb of a row of ``reported`` (the field's other
    reported speech): "The company denied that ..., according to a statement" is one row, the
    company's."""
    f, text = att.f, att.f.text
    rows = []
    cue_starts = sorted(r.cue_start for r in reported)
    for m in _source_phrases_in(text, att.cues):
        if f.in_quote(m.start(), m.end()):
            continue
        sid, pid, s_lo, s_hi = f.sentence_at(m.start())
        if not (s_lo <= m.start() and m.end() <= s_hi):  # a phrase across a sentence break is no source
            continue
        comma = text.find(",", m.end(), s_hi)
        closing = bool(text[s_lo:m.start()].strip(" ,\"“"))  # the phrase closes the sentence
        if closing:  # "…, according to the chief executive of Northwind, Sam Patel.": the name
            found = att.closing_source(m.end(), s_hi)
            if found is None:
                continue
            speaker, src_hi = found
            src_lo = _content(text, m.end(), src_hi)[0]
        else:
            src_lo, src_hi = _content(text, m.end(), comma if comma >= 0 else s_hi)
            if src_hi <= src_lo:
                continue
            speaker = att.source_speaker(src_lo, src_hi)
        doc_end = -1  # a document not led by a name it links to ("EPA data" is the EPA's)
        if not (isinstance(speaker.entity_id, str) or isinstance(speaker.actor_id, str)):
            doc_end = _document_end(text, src_lo, src_hi, att.cues.document_nouns)
            if doc_end > 0:
                speaker = _Speaker(pd.NA, text[src_lo:doc_end], "nominal", src_lo, doc_end)
        if closing:
            c_lo, c_hi = _content(text, s_lo, m.start())
        elif comma >= 0:
            named = att.name_apposed_to_source(speaker, comma, s_hi)
            if named is not None:  # "According to the Health Secretary, Priya Lindqvist, the …"
                speaker, comma = named
            c_lo, c_hi = _content(text, att.description_end(comma + 1, s_hi) if speaker.type == "name" else comma + 1,
                                  s_hi)
        else:
            continue
        if _fewer_words(text, 3, c_lo, c_hi) or att.overlaps_direct(c_lo, c_hi):
            continue
        if doc_end > 0 and bisect_left(cue_starts, c_lo) < bisect_left(cue_starts, c_hi):
            continue  # the document of a cue verb's row: "The company denied ..., according to a statement"
        rows.append(_Row(sid, pid, [(c_lo, c_hi)], speaker, m.group().lower(), "reported", m.start()))
    return rows


_PARTICIPLES = frozenset("released issued published posted filed obtained seen sent made given written "
                         "circulated distributed shared dated".split())


def _document_end(text: str, lo: int, hi: int, documents: frozenset[str]) -> int:
    """Where the source phrase text[lo:hi] ends without its time tail when it names a document (its
    head, the word before its first preposition or its last word, is one of ``documents``, in lower
    case): "a statement released on Thursday" -> after "statement"; "a report by the watchdog group
    Open Ledger" keeps its words (hi). Not a document: -1."""
    toks = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, lo, hi)]
    head = len(toks) - 1
    for i, (_, _, word) in enumerate(toks[1:], 1):
        if word.lower() in _PREPS or word.lower() in ("by", "on") or word.lower() in _PARTICIPLES:
            head = i - 1
            break
    if head < 0 or _bare(toks[head][2]) not in documents:
        return -1  # a capitalised head is a name ("The Washington Post")
    rest = [_bare(w).lower() for _, _, w in toks[head + 1:]]
    if rest and rest[0] in _PARTICIPLES and all(w in _TIME_WORDS or w in ("on", "in") or w.isdigit()
                                                 for w in rest[1:]):
        return toks[head][1]  # "released on Thursday": a time tail
    return hi


_PRONOUN_GENDER = {"he": "male", "she": "female"}
_SPEAKER_TYPES = (None, "person", "organization", "group", "other")  # entity types that can speak


#: What lies between a quotation left open at a paragraph's end and the next paragraph that opens
#: with a quotation mark: the news convention for one quotation over several paragraphs.
_NEXT_PARAGRAPH_OPENS = re.compile(r"[ \t\r]*\n\s*[\"“]\s*")
_NEXT_PARAGRAPH_OPENS_SINGLE = re.compile(r"[ \t\r]*\n\s*['‘]\s*")  # the same with single marks


def _join_paragraph_quotations(f: _Field, rows: list[_Row]) -> list[_Row]:
    """One quotation over several paragraphs is one row: a direct quotation left open at its
    paragraph's end (no closing mark) and the direct quotation the next paragraph opens with a mark
    ('"The waves came over the wall. … ¶ "By morning the boats were gone," she said.'; with the same
    kind of mark: single marks, the British convention, "said: 'We accept the report. ¶ 'We will act.'")
    join as parts of one quotation with the speaker of the part that has one (when both have one, they stay apart)."""
    out: list[_Row] = []
    text = f.text
    for row in rows:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "direct" == row.kind and (prev.speaker is None or row.speaker is None) \
                and (_NEXT_PARAGRAPH_OPENS_SINGLE if _single_opened(text, prev.parts[-1][0]) else
                     _NEXT_PARAGRAPH_OPENS).fullmatch(text, prev.parts[-1][1], row.parts[0][0]) is not None:
            first, second = (prev, row) if row.speaker is None else (row, prev)
            out[-1] = _Row(prev.sentence_id, prev.paragraph_id, prev.parts + row.parts, first.speaker, first.cue,
                           "direct", first.cue_start, first.cue_after, first.adjacent, first.addressee, True)
            continue
        out.append(row)
    return out


def _single_opened(text: str, q_lo: int) -> bool:
    """Does the quotation starting at ``q_lo`` open with a single mark (' or ‘, not the archive's '')?"""
    p = _opening_mark_start(text, 0, q_lo)
    return text[p] in "'‘" and not text.startswith("''", p)


def _resolve_pronouns(att: _Attributor, rows: list[_Row]) -> None:
    """Pronoun speakers ("he said", "She added") keep a speaker only when the rule is confident:

    1. the speaker of the quotation before it (in reading order), in the same sentence or the one
       before, when that speaker's gender (where known) agrees: "“…,” said Dana Price. She added …";
       a nominal speaker linked to no one whose words name the person the entity layer resolves the
       pronoun to, that person ("According to club physio Dr. Helen Brooks, …. She said …";
       :func:`_named_by_nominal`);
       a nominal speaker so when it is one person of a gender the pronoun agrees with (linked to such
       a person, or headed by a singular person noun: "The union's spokeswoman said …. "…," she
       said") and no other person who could be meant is named from its sentence's start to the
       pronoun (one is: no speaker; :func:`_nominal_antecedent`);
    2. else the person the entity layer (or the lexicon's pronoun rule) resolves it to, when that
       person was named at most two sentences back and no other person who could be meant (same
       gender, or gender unknown) is named in those sentences ("Dana Price met Maria Chen. She
       said ..." stays unknown), or when that person is the one in focus: the subject of the
       sentence right before, the others named before it (:func:`_in_focus`: "Delane replied ...
       Senator Paul Brennan, a Republican, was more sympathetic. He said ..." -> Paul Brennan);
       up to five sentences back (:data:`_PRONOUN_FAR`) when that person's gender is known and the
       pronoun agrees, and only quotations stand between with nobody else who could be meant named
       or speaking (:func:`_alone_since`: 'Councillor Mara Quist chairs the committee. "I built
       this company," Tomas Reyes wrote. "I will miss it." She said ...' -> Mara Quist, as the
       entity layer resolves it);
       Before the distance and rivals of step 2: when the sentence before opens with a role as its
       subject given to one person named before it, the entity layer's resolution to that person
       ("Gov. Maria Alvarez ... Elaine Cho ... The governor thanked crews. "…," she said." -> Maria
       Alvarez; :func:`_role_before`);
    3. else none: speaker, speaker_id and speaker_entity_id NA, speaker_type 'pronoun'.
    Only "he" and "she" are resolved ("they", "we", "I" stay unknown)."""
    last: _Row | None = None
    for row in rows:
        sp = row.speaker
        if sp is not None and sp.type == "pronoun":
            row.speaker = _confident_pronoun(att, row, sp, last, rows)
        if row.speaker is not None and isinstance(row.speaker.name, str):
            last = row


def _confident_pronoun(att: _Attributor, row: _Row, sp: _Speaker, last: _Row | None,
                       rows: Sequence[_Row] = ()) -> _Speaker:
    f = att.f
    unknown = _Speaker(pd.NA, pd.NA, sp.type, sp.start, sp.end, pd.NA, None, None, sp.head)
    word = f.text[sp.start:sp.end].lower()
    gender = _PRONOUN_GENDER.get(word)
    if gender is None:
        if word == "they" and last is not None and last.speaker is not None:
            p = _singular_they(att, row, last, rows)
            if p is not None:
                return _Speaker(p.actor_id, p.name, sp.type, sp.start, sp.end, p.entity_id, p.gender, p.etype, sp.head)
        return unknown
    if last is not None and last.speaker is not None and row.sentence_id - last.sentence_id <= 1:
        p = last.speaker
        if p.type == "nominal" and not isinstance(p.entity_id, str) and not isinstance(p.actor_id, str):
            named = _named_by_nominal(att, last, sp, gender)
            if named is not None:
                return named
        fits = p.gender in (None, gender) and p.etype in (None, "person") if p.type != "nominal" else \
            _nominal_antecedent(att, last, sp, gender)
        if fits:
            return _Speaker(p.actor_id, p.name, sp.type, sp.start, sp.end, p.entity_id, p.gender, p.etype, sp.head)
        if fits is None:
            return unknown  # the nominal speaker or another person named since: not clear
    mentions, starts = f.mentions, f.mention_starts
    k = bisect_left(starts, sp.start)
    here = [m for m in mentions[k:bisect_left(starts, sp.end)] if m.via == "pronoun" and m.end == sp.end]
    if not here:
        return unknown
    # a quotation over several paragraphs: the person named before it opens ('Lena Kowalczyk described
    # the storm. ¶ "The waves … ¶ "By morning the boats were gone," she said.'), its words no rivals
    sp_sentence = f.sentence_at(row.parts[0][0] if row.joined else sp.start)
    for cand in here:  # the entity layer's resolution, then the lexicon's
        if cand.gender not in (None, gender):
            continue  # resolved against its gender: not trusted
        antecedent = None
        for j in range(k - 1, -1, -1):  # the nearest mention of the same entity or actor before it
            m = mentions[j]
            if m.via != "pronoun" and (_same(m.entity_id, cand.entity_id) or _same(m.actor_id, cand.actor_id)):
                antecedent = m
                break
        if antecedent is None:
            continue
        if _role_before(att, sp_sentence, cand):
            return _linked(sp, cand)  # "Gov. Maria Alvarez ... The governor thanked crews. "...," she said."
        back = sp_sentence[0] - f.sentence_at(antecedent.start)[0]
        if back > 2 and not (back <= _PRONOUN_FAR and cand.gender == gender and
                             _alone_since(att, antecedent, cand, sp, gender, rows)):
            continue
        window = min(antecedent.start, sp_sentence[2])
        rivals = [m for m in mentions[bisect_left(starts, window - 400):k] if m.via != "pronoun"
                  and m.etype in (None, "person") and m.gender in (None, gender) and m.start >= window - 400
                  and not (_same(m.entity_id, cand.entity_id) or _same(m.actor_id, cand.actor_id))
                  and sp_sentence[0] - f.sentence_at(m.start)[0] <= 2
                  and not (row.joined and f.in_quote(m.start, m.end))]
        if rivals and not _in_focus(att, antecedent, rivals, sp_sentence):
            continue  # someone else who could be meant, named in the same stretch of text
        return _linked(sp, cand)
    return unknown


def _singular_they(att: _Attributor, row: _Row, last: _Row, rows: Sequence[_Row]) -> _Speaker | None:
    """The person a "they" speaker stands for as singular "they" ('Jamie Holt, whose son Noah died in
    March, said the review was a start. "We'll be watching every step," they said.'), only when nothing
    else can be meant: the quotation right before it (``last``, no other quotation between, in the
    same sentence or the one before) has a person's name as speaker whose gender the text does not
    give (a "he"/"she" person makes "they" a group), and from that quotation's sentence's start to the
    pronoun, quotations and the description set off by commas between that speaker and its cue aside
    ("…, whose son Noah died in March, said"), nothing else is named (no other entity of any type but
    a place) and no plural or group noun stands ("Laura and Daniel Pryce", "the parents", "the
    trust"; :func:`_plural_word`); else None (a wrong guess is worse than none)."""
    p, f = last.speaker, att.f
    if p is None or p.type != "name" or p.etype != "person" or isinstance(p.gender, str) or \
            row.sentence_id - last.sentence_id > 1 or not 0 <= row.parts[0][0] - last.parts[-1][1]:
        return None
    k = next((i for i, r in enumerate(rows) if r is row), -1)
    if k < 1 or rows[k - 1] is not last:
        return None
    text, sp = f.text, row.speaker
    if sp is None:
        return None
    lo = f.sentence_at(min(p.start, last.parts[0][0]))[2]
    aside = (p.end, last.cue_start) if text.startswith(",", p.end) and 0 < last.cue_start - p.end <= 120 \
        else (p.end, p.end)
    starts = f.mention_starts
    for m in f.mentions[bisect_left(starts, lo):bisect_left(starts, sp.start)]:
        if m.via == "pronoun" or m.etype == "place" or aside[0] <= m.start < aside[1] or \
                (p.start <= m.start < p.end) or f.in_quote(m.start, m.end):
            continue
        if not _same(m.entity_id, p.entity_id) or not isinstance(m.entity_id, str):
            return None  # someone or something else named: "they" may be a group
    pos = lo
    for q_lo, q_hi in sorted([(a, b) for a, b in f.quotes if lo <= a < sp.start] + [aside]):
        if q_lo >= pos and _plural_word(att, text[pos:q_lo]):
            return None
        pos = max(pos, q_hi)
    return None if _plural_word(att, text[pos:sp.start]) else p


def _plural_word(att: _Attributor, words: str) -> bool:
    """Does ``words`` hold a word "they" may stand for: a plural speaker noun ("parents", "officials",
    "staff", "midwives"), an organisation or group noun ("the trust", "the union", "the family"), or
    "and" between two capitalised words ("Laura and Daniel Pryce")?"""
    cues = att.cues
    toks = words.split()
    for i, tok in enumerate(toks):
        w = _bare(tok).lower()
        if w == "and" and 0 < i < len(toks) - 1 and toks[i - 1][:1].isupper() and toks[i + 1][:1].isupper():
            return True
        if w in cues.organization_nouns or w in _NOT_ONE_PERSON or w in ("they", "them", "their", "couple"):
            return True
        if w in cues.speaker_nouns and ((w.endswith("s") and not w.endswith("ss")) or w.endswith("men")
                                        or w.endswith("ves") or w == "people"):
            return True
    return False


def _role_before(att: _Attributor, sentence: tuple[int, int, int, int], cand: _Mention) -> bool:
    """Does the sentence before ``sentence`` (a pronoun speaker's) open with a role as its subject
    (:func:`analysis.entities.role_opening`: "The governor thanked crews.") given to one person named
    before it (:func:`_only_titled_person_before`: "Gov. Maria Alvarez"), the person of ``cand`` (the
    entity layer's resolution of the pronoun)? Then that person is the speaker, however far back named
    and whoever else is named since ("Elaine Cho, a volunteer, ...")."""
    from analysis.entities import role_opening

    f = att.f
    k = bisect_left(f.sentences, sentence)
    if k == 0 or not isinstance(cand.entity_id, str):
        return False
    prev = f.sentences[k - 1]
    role = role_opening(f.text[prev[2]:prev[3]])
    m = _only_titled_person_before(f, prev[2], " ".join(role)) if role else None
    return m is not None and m.entity_id == cand.entity_id


#: How many sentences back the person a pronoun speaker stands for may be named when that person's
#: gender is known and nobody else who could be meant comes between (:func:`_alone_since`).
_PRONOUN_FAR = 5


def _alone_since(att: _Attributor, antecedent: _Mention, cand: _Mention, sp: _Speaker, gender: str,
                 rows: Sequence[_Row]) -> bool:
    """Is the person of ``cand`` the only one a pronoun ``sp`` of ``gender`` can stand for since it
    was last named (``antecedent``), with only quotations between? Every sentence between the two
    holds a quotation made into a row (quoted speech brings in no new person: "Councillor Mara Quist
    chairs the committee. "I built it," Tomas Reyes wrote. "I will miss it." She said …"), no other
    person of that gender or of unknown gender (nor a name of no type) is named (outside quotations)
    between the two, and no quotation between has a speaker linked to no one who is one such person
    ("a nurse said"; :func:`_one_person`)."""
    f = att.f
    lo, hi = f.sentence_at(antecedent.start)[3], f.sentence_at(sp.start)[2]
    between = [(s_lo, s_hi) for _, _, s_lo, s_hi in f.sentences if lo <= s_lo and s_hi <= hi]
    parts = [part for row in rows for part in row.parts]
    if not all(any(p_lo < s_hi and s_lo < p_hi for p_lo, p_hi in parts) for s_lo, s_hi in between):
        return False  # a sentence of narrative between: it may be about someone the text does not name
    starts = f.mention_starts
    for m in f.mentions[bisect_left(starts, antecedent.end):bisect_left(starts, sp.start)]:
        if m.via != "pronoun" and m.etype in (None, "person", "other") and m.gender in (None, gender) and \
                not (_same(m.entity_id, cand.entity_id) or _same(m.actor_id, cand.actor_id)) and \
                not f.in_quote(m.start, m.end):
            return False  # (an untyped name too: "Bolsonaro accused Macron …")
    for row in rows:
        p = row.speaker
        if antecedent.end <= row.parts[0][0] < sp.start and p is not None and p.type == "nominal" and \
                not isinstance(p.entity_id, str) and not isinstance(p.actor_id, str) and _one_person(att, p, gender):
            return False
    return True


def _named_by_nominal(att: _Attributor, last: _Row, sp: _Speaker, gender: str) -> _Speaker | None:
    """The person a pronoun speaker ``sp`` of ``gender`` stands for when the speaker of the quotation
    before it (``last``) is a nominal linked to no one whose words name a person — in the phrase
    ("According to club physio Dr. Helen Brooks, …. She said …") or set off by commas between it and
    its cue ("Dr. Baatar's chief executive, Baatar Chantsaldulam, said …. … he told AFP"): that
    person, linked, when the entity layer resolves the pronoun to them (a person whose gender, where
    known, agrees); else None."""
    p, f = last.speaker, att.f
    text, hi = f.text, p.end
    if 0 < last.cue_start - p.end <= 80 and text.startswith(",", p.end):
        hi = last.cue_start  # the apposition between the speaker and its cue
    mentions, starts = f.mentions, f.mention_starts
    for cand in mentions[bisect_left(starts, sp.start):bisect_left(starts, sp.end)]:
        if cand.via != "pronoun" or cand.end != sp.end or not isinstance(cand.entity_id, str) or \
                cand.etype != "person" or cand.gender not in (None, gender):
            continue
        for m in mentions[bisect_left(starts, p.start):bisect_left(starts, hi)]:
            # the name ends the phrase ("club physio Dr. Helen Brooks"; not "a report released by the
            # Trump administration") or is the whole apposition (", Baatar Chantsaldulam,")
            if m.via != "pronoun" and m.entity_id == cand.entity_id and \
                    (not text[m.end:p.end].strip() if m.end <= p.end else
                     _APPOSED_NAME.fullmatch(text, p.end, m.start) is not None and text.startswith(",", m.end)):
                return _linked(sp, cand)
    return None


#: Between a speaker phrase and a name set off by commas after it: the comma (and an honorific or a title
#: of at most three words: "the chair, Dr. Priya Nandra,").
_APPOSED_NAME = re.compile(r",\s+(?:[\w.'’-]+\s+){0,3}")


def _nominal_antecedent(att: _Attributor, last: _Row, sp: _Speaker, gender: str) -> bool | None:
    """Is the pronoun ``sp`` of ``gender`` the nominal speaker of the quotation before it (``last``:
    'The union's spokeswoman said …. "…," she said.')? True when that speaker is one person
    (:func:`_one_person`) of a gender the pronoun agrees with and no other person who could be meant
    (same gender, or gender unknown) is named between its sentence's start and the pronoun; None (not
    clear: no speaker) when one is; False when the speaker is no such person."""
    p, f = last.speaker, att.f
    if not _one_person(att, p, gender):
        return False
    lo = f.sentence_at(min(p.start, last.parts[0][0]))[2]
    starts = f.mention_starts
    for m in f.mentions[bisect_left(starts, lo):bisect_left(starts, sp.start)]:
        if m.via != "pronoun" and m.etype == "person" and m.gender in (None, gender) and \
                not p.start <= m.start < p.end and not _same(m.entity_id, p.entity_id) and \
                not f.in_quote(m.start, m.end):
            return None  # someone else who could be meant
    return True


def _one_person(att: _Attributor, p: _Speaker, gender: str) -> bool:
    """Is the nominal speaker ``p`` one person a pronoun of ``gender`` can stand for? Linked to a person
    ("the mayor" -> Helen Stroud): when that person's gender agrees. Else by its head word: a speaker
    noun or an age, no organisation or document noun ("the company", "the report"), no plural
    ("officials", "spokesmen", "people", "staff"), and a "-woman"/"-man" word only of that gender
    ("spokeswoman": she; "spokesman": he; "spokesperson", "official", "the 24-year-old": either)."""
    if p.etype == "person":
        return p.gender in (None, gender)
    text = att.f.text
    head = p.head if p.start <= p.head < p.end else text.rfind(" ", p.start, p.end) + 1
    word = _bare(text[head:p.end].split(None, 1)[0] if head < p.end else "").lower()
    cues = att.cues
    if not (word in cues.speaker_nouns or _AGE.fullmatch(word)) or word in cues.organization_nouns or \
            word in cues.document_nouns or word in _NOT_ONE_PERSON or (word.endswith("s") and not word.endswith("ss")) \
            or word.endswith("men"):
        return False
    if word.endswith("woman"):
        return gender == "female"
    return gender == "male" or not word.endswith("man") or word in _epithets()


#: Speaker nouns of no "-s" that stand for more than one person.
_NOT_ONE_PERSON = frozenset("people staff family police crew public".split())


def _role_title(name: Any) -> bool:
    """Is ``name`` (a name speaker's words that no entity or lexicon actor holds) a role written
    capitalised, every word a title word of the entity layer, or before the last a title modifier ("Chief
    Executive", "Senior Coroner", "Health Secretary"), not a name? A single word is left alone ("Chief" may be a surname), and so is a
    body's name ending in an organisation noun ("District Court")."""
    if not isinstance(name, str) or " " not in name:
        return False
    from analysis.entity_words import load_entity_words

    ew = load_entity_words()
    words = name.lower().split()
    return words[-1] in ew.title_words and words[-1] not in _organization_words() and \
        all(w in ew.title_words or w in ew.title_modifiers for w in words[:-1])


def _title_words_only(text: str) -> bool:
    """Is ``text`` (the words before a name) a role title, capitalised words and title words of the
    entity layer only ("Marine biologist ")?"""
    from analysis.entity_words import load_entity_words

    title_words = load_entity_words().title_words
    return all(w[:1].isupper() or w.lower() in title_words for w in text.split())


def _in_focus(att: _Attributor, antecedent: _Mention, rivals: Sequence[_Mention],
              sentence: tuple[int, int, int, int]) -> bool:
    """Is ``antecedent`` the one person in focus for a pronoun in ``sentence``, though ``rivals``
    (other persons it could mean) were named two sentences back? So when it is the subject of the
    sentence right before (that sentence's first mention, with only capitalised words, determiners and
    speaker nouns before it: "Senator Paul Brennan, a Republican, was more sympathetic. He said ...",
    "Dock inspector Tendai Moyo, who checked the hull, welcomed the delay."; or the name in apposition
    to a short subject phrase: "Northfield's chief executive, Martin Kessler, apologised.") and every
    rival was named before that sentence."""
    f = att.f
    prev = f.sentence_at(antecedent.start)
    if prev[0] != sentence[0] - 1:
        return False
    first = next((m for m in f.mentions[bisect_left(f.mention_starts, prev[2]):] if m.via != "pronoun"), None)
    if first is None:
        return False
    before = f.text[prev[2]:antecedent.start]
    if first.start != antecedent.start or not (att._only_titles(prev[2], antecedent.start)
                                               or _title_words_only(before)):
        # "Northfield's chief executive, Martin Kessler, apologised": the name in apposition to the
        # subject (a short phrase set off by commas, no other person named before it) is the subject
        if not (before.endswith(", ") and before.count(",") == 1 and len(before.split()) <= 5
                and f.text.startswith(",", antecedent.end)
                and all(m.via == "pronoun" or m.etype not in (None, "person")
                        for m in f.mentions[bisect_left(f.mention_starts, prev[2]):
                                            bisect_left(f.mention_starts, antecedent.start)])):
            return False  # "After meeting Delane, Brennan ...": not plainly the subject
    return all(m.start < prev[2] for m in rivals)


def _link_nominals(att: _Attributor, rows: list[_Row]) -> None:
    """A nominal speaker "the <organisation noun>" ("the company said", "The ministry said") links to
    the organisation named in the five sentences before it when that is the only organisation the
    field names before it (:func:`_only_organization_before`); it stays nominal. With two
    organisations named before ("Nimbusly ... a researcher at Carrow University ... The company
    said") it stays unlinked: a wrong guess is worse than none. "The mayor" (the and a title) links to the
    one person named with that title before it (:func:`_only_titled_person_before`), also kept nominal.
    A spokesperson of an organisation noun ("A hospital spokesman", "Hospital officials",
    :func:`_spokesperson_of`) links as "the <noun>" does, and one for an organisation to it ("A
    spokeswoman for Lakeport General", :func:`_spoken_for`); "the spokesperson" to the one organisation the
    text's earlier spokespeople of that noun speak for (:func:`_spokesperson_named_before`). Only a generic noun (``generic_organization_nouns`` of the cue list: "the company") links to an organisation
    whose name does not hold it; "the union", "the league" link only to a name that says so, never to
    another organisation ("Workers at Northfield Dairy Cooperative's plant voted ..., the union said")."""
    f, nouns, generic = att.f, att.cues.organization_nouns, att.cues.generic_organization_nouns
    kinds = att.cues.organization_kinds
    for row in rows:
        sp = row.speaker
        if sp is not None and sp.type == "name" and f.text.endswith(("the ", "The "), 0, sp.start) and \
                f.text[sp.start:sp.end].lower() in _epithets():
            # "the German wrote": a person called by origin or party, no name: the one person named just before
            m = _only_person_before(f, sp.start)
            sp = _Speaker(pd.NA, f.text[sp.start - 4:sp.end], "nominal", sp.start - 4, sp.end, pd.NA, None, None,
                          sp.head)
            row.speaker = sp if m is None else _Speaker(m.actor_id, m.actor, "nominal", sp.start, sp.end, m.entity_id,
                                                        m.gender, m.etype, sp.head)
            continue
        if sp is None or sp.type != "nominal" or isinstance(sp.entity_id, str) or isinstance(sp.actor_id, str):
            continue
        words = f.text[sp.start:sp.end].split()
        if (len(words) in (2, 3) or _team_lead_words(words, att.cues.team_lead_nouns)) and \
                words[0].lower() == "the" and words[-1].lower() not in nouns:
            # "According to the mayor" after "Mayor Helen Stroud": the one person given that title ("the
            # Ashvale manager" after "Ashvale manager Tom Reid"; "the union's spokeswoman": the title after
            # the possessive, "Union spokeswoman Dana Frost")
            age = next((w for w in words[1:] if _AGE.fullmatch(w)), None)
            # "the 31-year-old striker": the age names the person, whatever the noun after it
            role = age or (words[-1] if words[1].endswith(("'s", "’s", "s'", "s’")) else " ".join(words[1:]))
            m = _team_lead_before(f, sp.start, words, att.cues.team_lead_nouns) or \
                _only_titled_person_before(f, sp.start, role)
            if m is not None:
                row.speaker = _Speaker(m.actor_id, m.actor, sp.type, sp.start, sp.end, m.entity_id, m.gender,
                                       m.etype, sp.head)
                continue
        spokespeople = att.cues.spokesperson_nouns
        noun = _spokesperson_of(words, nouns, spokespeople)
        if noun is not None:
            m = _resolved_noun(f, sp, noun)
            if m is None:
                m = _organization_for(f, sp.start, noun, nouns, generic, kinds)
        elif spokespeople and any(w in _SPOKEN_FOR for w in words):
            m = _spoken_for(f, sp, spokespeople, nouns, generic, kinds)  # "A spokeswoman for Lakeport General"
        elif len(words) == 2 and words[0].lower() == "the" and _bare(words[1]).lower() in spokespeople:
            # "the spokesperson said" after "A spokesperson for AusFuture Super said"
            m = _spokesperson_named_before(f, sp.start, _bare(words[1]).lower(), nouns, generic, kinds)
        elif len(words) == 2 and words[0].lower() in ("the", "its") and words[1].lower() in nouns:
            m = _organization_for(f, sp.start, words[1].lower(), nouns, generic, kinds)
        else:
            continue
        if m is not None:
            row.speaker = _Speaker(m.actor_id, m.actor, sp.type, sp.start, sp.end, m.entity_id, sp.gender, m.etype,
                                   sp.head)


def _resolved_noun(f: _Field, sp: _Speaker, noun: str) -> _Mention | None:
    """The organisation the entity layer links the organisation noun of a spokesperson phrase to
    ("Council" of "Council officials said" -> Harlow County Council, named any number of sentences
    before): an entity mention of type organization in the speaker's words whose text is that one noun
    (its outer punctuation and possessive ending aside); else None."""
    for j in range(bisect_left(f.mention_starts, sp.start), len(f.mentions)):
        m = f.mentions[j]
        if m.start >= sp.end:
            break
        if m.end <= sp.end and m.via != "pronoun" and m.etype == "organization" and \
                isinstance(m.entity_id, str) and _bare(f.text[m.start:m.end]).lower() == noun:
            return m
    return None


def _spokesperson_of(words: Sequence[str], nouns: frozenset[str], spokespeople: frozenset[str]) -> str | None:
    """The organisation noun a spokesperson phrase of no preposition names ("A hospital spokesman",
    "Hospital officials", "the hospital's spokeswoman" -> "hospital"): the word right before its last
    word, a noun of ``spokespeople``, when it is an organisation noun (``nouns``); else None."""
    if len(words) < 2 or words[-1].lower() not in spokespeople:
        return None
    noun = _bare(words[-2]).lower()
    return noun if noun in nouns else None


#: The prepositions after a spokesperson noun that name whom it speaks for ("a spokeswoman for X",
#: "officials at X", "a representative of X", "a spokesman from X").
_SPOKEN_FOR = frozenset("for at of from".split())
#: A preposition of :data:`_SPOKEN_FOR` (group 1) after a spokesperson noun, and "the" ("a spokesperson
#: | for | AusFuture Super", "officials | at the | hospital").
_SPOKEN_FOR_AFTER = re.compile(r"\s+(for|at|of|from)\s+(?:the\s+)?", re.IGNORECASE)
#: What stands between an organisation and the spokesperson noun after it ("ASIC | spokesperson",
#: "AusFuture Super|'s | spokesperson"): a possessive ending (unless the mention holds it) and spaces.
_OWNER_GAP = re.compile(r"(?:['’]s?)?\s+\Z")
#: "the" right before a word: a definite spokesperson noun refers back ("the spokesperson").
_THE_BEFORE = re.compile(r"(?<![\w'’-])the\s+\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=64)
def _word_pattern(word: str) -> re.Pattern[str]:
    """``word`` as a whole word, in any case."""
    return re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", re.IGNORECASE)


def _spokesperson_named_before(f: _Field, pos: int, noun: str, nouns: frozenset[str],
                               generic: frozenset[str] | None,
                               kinds: Mapping[str, frozenset[str]] | None = None) -> _Mention | None:
    """The organisation "the <spokesperson noun>" at ``pos`` ("the spokesperson said") speaks for: the
    one every earlier use of that noun in the field (outside quotations) names, after :data:`_SPOKEN_FOR`
    ("A spokesperson for AusFuture Super said ..." as :func:`_spoken_for` links it) or right before it
    ("an ASIC spokesperson", "the fund's spokesperson" as "the fund" links); "the <noun>" itself refers back
    and is passed over. None when an earlier use names no organisation ("a spokesperson said": which
    spokesperson is meant is not clear), two name different ones, or there is none."""
    text = f.text
    found: _Mention | None = None
    for occ in _word_pattern(noun).finditer(text, 0, pos):
        s, e = occ.span()
        if f.in_quote(s, e):
            continue
        if _THE_BEFORE.search(text, max(0, s - 8), s):
            continue  # "the spokesperson" (an earlier back reference)
        m = _spokesperson_organization(f, s, e, nouns, generic, kinds)
        if m is None:
            return None  # a spokesperson of no organisation named: another may be meant
        if found is not None and not _same_speaker(m, found):
            return None  # spokespeople of two organisations
        found = found or m
    return found


def _spokesperson_organization(f: _Field, s: int, e: int, nouns: frozenset[str], generic: frozenset[str] | None,
                               kinds: Mapping[str, frozenset[str]] | None) -> _Mention | None:
    """The organisation a spokesperson noun at ``text[s:e]`` is named with: the organisation mention right
    after a preposition of :data:`_SPOKEN_FOR` (and "the"), or right before it (a possessive between
    allowed), or "the <organisation noun>" there (linked as :func:`_organization_for` links it); else None."""
    text = f.text
    after = _SPOKEN_FOR_AFTER.match(text, e)
    if after is not None:
        at = after.end()
        for m in f.mentions_in(at, at + 1):
            if m.via != "pronoun":
                return m if m.etype == "organization" else None
        word = _LEADING_WORD.match(text, at)
        if word is not None and text[after.start(1):at].lower().endswith("the ") and word.group().lower() in nouns:
            return _organization_for(f, s, word.group().lower(), nouns, generic, kinds)  # "for the fund"
        return None
    for m in reversed(f.mentions_in(max(0, s - 80), s)):
        if m.via != "pronoun" and _OWNER_GAP.match(text, m.end, s):
            return m if m.etype == "organization" else None
    k = s
    while k > 0 and text[k - 1] == " ":
        k -= 1
    word = text[max(0, k - 30):k].split()[-2:]
    if len(word) == 2 and word[0].lower() == "the" and _bare(word[1]).lower() in nouns:
        return _organization_for(f, s, _bare(word[1]).lower(), nouns, generic, kinds)  # "the fund's spokesperson"
    return None


def _spoken_for(f: _Field, sp: _Speaker, spokespeople: frozenset[str], nouns: frozenset[str],
                generic: frozenset[str] | None, kinds: Mapping[str, frozenset[str]] | None = None
                ) -> _Mention | None:
    """The organisation a spokesperson phrase names after its preposition ("A spokeswoman for
    Lakeport General", "officials at the hospital"): the head before the first preposition is a noun
    of ``spokespeople``, and right after the preposition (and "the") stands an organisation mention
    (linked as the entity layer links it: "Lakeport General" after Lakeport General Hospital is its short
    form) or "the <organisation noun>" (linked as
    :func:`_organization_for` links it); else None: a person ("A spokesman for Ms. Ruiz": the
    spokesman speaks, not Ms. Ruiz), a place, or nothing known."""
    text = f.text
    toks = _TOKEN.findall(text, sp.start, sp.end)
    at = next((i for i in range(1, len(toks)) if toks[i] in _SPOKEN_FOR), -1)
    if at < 0 or _bare(toks[at - 1]).lower() not in spokespeople:
        return None
    after = text.find(" " + toks[at] + " ", sp.start, sp.end) + len(toks[at]) + 2
    inner = [m for m in f.mentions_in(after, sp.end) if m.via != "pronoun" and m.end <= sp.end]
    if inner:
        m = inner[0]
        if m.etype != "organization" or text[after:m.start].strip().lower() not in ("", "the"):
            return None
        return m
    rest = toks[at + 1:]
    if len(rest) == 2 and rest[0].lower() == "the" and _bare(rest[1]).lower() in nouns:
        return _organization_for(f, sp.start, _bare(rest[1]).lower(), nouns, generic, kinds)  # "for the hospital"
    return None


def _organization_for(f: _Field, pos: int, noun: str, nouns: frozenset[str], generic: frozenset[str] | None,
                      kinds: Mapping[str, frozenset[str]] | None = None) -> _Mention | None:
    """The organisation "the <noun>" at ``pos`` stands for: the one named before it whose name holds
    the noun (:func:`_organization_named`); for a generic noun (``generic``; None: every noun) else the
    only organisation named before it (:func:`_only_organization_before`) whose name holds no other
    organisation noun ("Grange Lane Hospital ... The union said": a hospital is no union) nor, for a noun
    of ``kinds`` (``organization_kinds``: noun -> the name words that state it), states another kind
    (:func:`_other_kind_than`: "Golden Mutual Insurance ... the utility said" is no utility; "Public Utilities
    Commission ... the agency said" is an agency); else the one the text types so
    (:func:`_only_typed_before`: a company, "Brightwater Capital"; a utility, "Pacific Ridge Power") or
    what its first "the <noun>" stood for (:func:`_continued_description`); else None (a noun of a kind
    an organisation's name states, "the union", "the league", links only to a name that holds it:
    "Northfield Dairy Cooperative's plant ... the union said" is no union)."""
    m = _organization_named(f, pos, noun, nouns=nouns)
    if m is None and (generic is None or noun in generic):
        m = _only_organization_before(f, pos)
        if m is not None:
            words = kinds.get(noun) if kinds else None
            if (_other_kind_than(m.actor, noun, words, nouns, kinds) if words is not None
                    else _kinds_of(m.actor, nouns) - {noun}):
                m = None

    if m is None and (generic is None or noun in generic):
        m = _only_typed_before(f, pos, noun, nouns, kinds) or \
            _continued_description(f, pos, noun, nouns, generic)
    return m


#: The generic organisation nouns that a company's name states by its last word ("Brightwater Capital",
#: "Mallory Paving", "Acme Ltd": the entity layer's company_last_words and legal_suffixes).
_COMPANY_NOUNS = frozenset({"company", "firm"})


@functools.cache
def _company_words() -> frozenset[str]:
    """The last words of a company's name: the entity layer's ``company_last_words`` and ``legal_suffixes``."""
    from analysis.entity_words import load_entity_words

    words = load_entity_words()
    return frozenset(w.lower() for w in words.company_words | words.legal_suffixes)


@functools.cache
def _organization_words() -> frozenset[str]:
    """The last words that make a name an organisation's: the entity layer's ``organization_words``."""
    from analysis.entity_words import load_entity_words

    return frozenset(w.lower() for w in load_entity_words().org_words)


def _typed_company(f: _Field, m: _Mention) -> bool:
    """Does the text type the organisation of mention ``m`` a company: its name ends with a company word
    (:func:`_company_words`: "Brightwater Capital", "Acme Ltd.") or this mention stands in apposition to
    "the/a ... company/firm" ("Brightwater Capital, the investment firm that ...", "the investment firm
    Brightwater Capital")?"""
    name = m.actor if isinstance(m.actor, str) else f.text[m.start:m.end]
    words = name.lower().split()
    if words and words[-1] in _company_words():
        return True
    return _COMPANY_APPOSED.match(f.text, m.end) is not None or \
        _COMPANY_BEFORE.search(f.text, max(0, m.start - 50), m.start) is not None


_COMPANY_APPOSED = re.compile(r",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:company|firm)\b")
_COMPANY_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:company|firm)\s+\Z", re.IGNORECASE)


def _only_typed_before(f: _Field, pos: int, noun: str, nouns: frozenset[str],
                       kinds: Mapping[str, frozenset[str]] | None = None) -> _Mention | None:
    """The organisation "the company"/"the firm" (``noun``, of :data:`_COMPANY_NOUNS`) or "the <noun>" of
    ``kinds`` ("the utility", "the insurer", "the agency": ``organization_kinds``) at ``pos`` stands for
    when the text names several organisations before it: the one the text types so
    (:func:`_typed_company`, :func:`_typed_kind`) when every organisation so typed before ``pos`` is that
    one entity, and no other organisation that could be one (one whose name states no other kind,
    :func:`_other_kind`, :func:`_other_kind_than`: "Harlow City Council", "Harlow Athletic" cannot be a company; "California
    Public Utilities Commission" no utility) is named between its last mention
    and ``pos``, nor a name the entity layer left untyped ("Brightwater Capital ... Harlow Athletic ... Harlow
    City Council ... The company said" -> Brightwater Capital; "Brightwater Capital met Northwind ... The
    company said": none, Northwind may be a company too; "Pacific Ridge Power ... the Sierra Club said ... The
    utility said" -> Pacific Ridge Power, "... Cal Fire said ... The utility said": none, Cal Fire states no
    kind; "... the utility said" after two utilities: none); else None
    (outside quotations, no pronouns)."""
    words = None if noun in _COMPANY_NOUNS or not kinds else kinds.get(noun)
    if noun not in _COMPANY_NOUNS and words is None:
        return None
    found: _Mention | None = None
    others_after = False  # an untyped organisation named after the company's last mention seen so far
    typed_persons: set[str] = set()  # names stating the kind that the entity layer typed person ("surname: Power")
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if m.via == "pronoun" or m.etype == "place" or f.in_quote(m.start, m.end):
            continue
        if m.etype == "person":
            if words is not None and _states_kind(m.actor, noun, words, nouns):
                if found is not None and m.actor != found.actor:
                    return None  # "Pacific Ridge Power" typed a person, beside another utility
                typed_persons.add(m.actor)
            continue
        if found is not None and _same_speaker(m, found):
            continue
        if words is not None and _kind_words_of(m.actor) and all(w in words for w in _kind_words_of(m.actor)):
            continue  # "Insurance" of "Insurance Commissioner X", "Power": kind words alone name no one
        if m.etype != "organization":  # a name the entity layer left untyped ("other"): maybe a company
            if not _before_figure(f.text, m):
                others_after = others_after or found is None
            continue
        if _typed_company(f, m) if words is None else _typed_kind(f, m, noun, words, nouns):
            if found is not None:
                return None  # two companies: which one is meant is not clear
            if others_after or typed_persons - {m.actor}:
                return None  # another organisation, maybe a company, named since
            found = m
        elif found is None and not (_other_kind(m, noun, nouns) if words is None
                                    else _other_kind_than(m.actor, noun, words, nouns, kinds)):
            others_after = True
    return found


#: A figure right after a word ("Rs | 1,150 crore", "US$ 5m"): that word is a currency or unit, no name.
_FIGURE_NEXT = re.compile(r"\.?\s?\d")


def _before_figure(text: str, m: _Mention) -> bool:
    """Is the untyped mention ``m`` a currency or unit written before a figure ("Rs 1,150 crore") or one
    holding digits ("A310" of "$A310 million"): no organisation that "the agency" could mean?"""
    return _FIGURE_NEXT.match(text, m.end) is not None or any(c.isdigit() for c in text[m.start:m.end])


def _kind_words_of(name: Any) -> list[str]:
    """The words of an organisation's name in lower case, outer punctuation and a possessive ending aside."""
    return [_bare(w).lower() for w in name.split()] if isinstance(name, str) else []


def _states_kind(name: Any, noun: str, words: frozenset[str], nouns: frozenset[str]) -> bool:
    """Does an organisation's name state the kind ``noun`` (of ``organization_kinds``, whose name words
    are ``words``): it holds one of ``words`` and no organisation noun (``nouns``) outside them but a
    company's ("Pacific Ridge Power", "Pacific Gas and Electric Company" a utility; "California Public
    Utilities Commission" a commission, no utility; "Department of Energy" an agency, no utility)?"""
    ws = _kind_words_of(name)
    return any(w in words for w in ws) and \
        not any(w in nouns and w not in words and w != noun and w not in _COMPANY_NOUNS for w in ws)


@functools.cache
def _kind_apposed(noun: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """", the/a ... <noun>" right after a name and "the/a ... <noun>" right before it (", the utility
    that serves ...", "the insurer Golden Mutual")."""
    n = re.escape(noun)
    return (re.compile(rf",\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{n}\b"),
            re.compile(rf"\b(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,3}}?{n}\s+\Z", re.IGNORECASE))


def _typed_kind(f: _Field, m: _Mention, noun: str, words: frozenset[str], nouns: frozenset[str]) -> bool:
    """Does the text type the organisation of mention ``m`` as the kind ``noun`` (of ``organization_kinds``,
    whose name words are ``words``): its name states it (:func:`_states_kind`: "Pacific Ridge Power" a
    utility) or this mention stands in apposition to "the/a ... <noun>" ("Northwind, the utility that
    serves ...", "the insurer Golden Mutual")?"""
    name = m.actor if isinstance(m.actor, str) else f.text[m.start:m.end]
    if _states_kind(name, noun, words, nouns):
        return True
    after, before = _kind_apposed(noun)
    return after.match(f.text, m.end) is not None or before.search(f.text, max(0, m.start - 50), m.start) is not None


def _other_kind_than(name: Any, noun: str, words: frozenset[str], nouns: frozenset[str],
                     kinds: Mapping[str, frozenset[str]] | None) -> bool:
    """Does an organisation's name state a kind other than ``noun`` (of ``organization_kinds``, whose name
    words are ``words``), so that it cannot be "the <noun>": it does not state ``noun``
    (:func:`_states_kind`) and holds an organisation noun (``nouns``) outside ``words`` but a company's
    ("Public Utilities Commission", "Jackson High School" no utility), a name word of another kind of
    ``kinds`` ("Golden Mutual Insurance" no utility) or ends with an organisation word of the entity
    layer that is no company's and not of ``words`` ("National Weather Service", "Harlow Athletic")?
    Not "Northwind", "Cal Fire" (no kind stated: they may be one)."""
    if _states_kind(name, noun, words, nouns):
        return False
    ws = _kind_words_of(name)
    if not ws:
        return False
    if any(w in nouns and w not in words and w != noun and w not in _COMPANY_NOUNS for w in ws):
        return True
    if kinds and any(w in other for k, other in kinds.items() if k != noun for w in ws):
        return True
    return ws[-1] in _organization_words() and ws[-1] not in _company_words() and ws[-1] not in words


def _other_kind(m: _Mention, noun: str, nouns: frozenset[str]) -> bool:
    """Does the name of organisation mention ``m`` state a kind of body other than ``noun``: an
    organisation noun of ``nouns`` ("Harlow City Council", "Lisbon University") or a last word of the
    entity layer's organisation words that is no company word ("Harlow Athletic", "Kingsford Rovers",
    "the Supporters' Trust")? Not "Northwind" (no kind stated)."""
    if _kinds_of(m.actor, nouns) - {noun}:
        return True
    words = m.actor.lower().split() if isinstance(m.actor, str) else []
    return bool(words) and words[-1] in _organization_words() and words[-1] not in _company_words()


#: The generic nouns a story keeps for its own organisation while naming others ("the club" for the
#: story's club beside its opponents; "the company" beside its suppliers): :func:`_continued_description`.
#: Not "the government", "the group", "the network": a first use of those may already mean another body.
_CONTINUED_NOUNS = frozenset({"club", "team", "company", "firm"})


@functools.cache
def _the_noun(noun: str) -> re.Pattern[str]:
    """"the <noun>" as a phrase ("the club", "The club's")."""
    return re.compile(rf"\b[Tt]he\s+{re.escape(noun)}\b")


def _continued_description(f: _Field, pos: int, noun: str, nouns: frozenset[str], generic: frozenset[str] | None
                           ) -> _Mention | None:
    """The organisation "the <noun>" (``noun`` of :data:`_CONTINUED_NOUNS`) at ``pos`` continues to stand
    for: the one the text's first "the <noun>" (outside quotations) stood for when it was written (:func:`_organization_for` there, where one
    organisation alone was named: "Harlow Athletic have sacked their manager after a defeat left the club
    second from bottom"), when every other organisation named since is the object of a preposition, a
    place the story goes to and not a subject ("The 3-0 loss at Kingsford Rovers ... the club said" ->
    Harlow Athletic); else None ("Acme ... the company ... Zeta Inc. reported ... The company said": none)."""
    if noun not in _CONTINUED_NOUNS:
        return None
    text = f.text
    first = next((d for d in _the_noun(noun).finditer(text, 0, pos) if not f.in_quote(d.start(), d.end())), None)
    m = _organization_for(f, first.start(), noun, nouns, generic) if first is not None else None
    if m is None:
        return None
    for other in f.mentions[bisect_left(f.mention_starts, first.end()):bisect_left(f.mention_starts, pos)]:
        if other.via == "pronoun" or other.etype != "organization" or f.in_quote(other.start, other.end) or \
                _same_speaker(other, m):
            continue
        toks = _tokens_before(text, max(0, other.start - 30), other.start, 2)
        words = [t[2].lower() for t in toks]
        if not words or not (words[-1] in _OBJECT_PREPS or (words[-1] in _DETERMINERS and len(words) > 1
                                                             and words[-2] in _OBJECT_PREPS)):
            return None  # another organisation that may be the one meant
    return m


def _lexicon_speaker_entities(rows: list[_Row], ents: tuple[list[_Mention], ...] | None) -> None:
    """A speaker linked to a lexicon actor through no entity mention ("The mayor said": a lexicon
    title; a lexicon alias the entity layer did not find) takes the entity of the document the entity
    layer links to that actor (``ents``: the document's entity mentions, :func:`_entities_by_document`)
    as ``speaker_entity_id``, when exactly one entity of the document links to it ("Daniel Osei was
    sworn in ... The mayor said" -> person:daniel_osei); none or two: it stays NA. The speaker's name is
    the lexicon actor's, as a linked entity mention shows it."""
    lone: dict[str, str] | None = None
    for row in rows:
        sp = row.speaker
        if sp is None or not isinstance(sp.actor_id, str) or isinstance(sp.entity_id, str):
            continue
        if lone is None:
            linked: dict[str, set[str]] = {}
            for part in ents or ():
                for m in part:
                    if isinstance(m.actor_id, str) and isinstance(m.entity_id, str):
                        linked.setdefault(m.actor_id, set()).add(m.entity_id)
            lone = {a: next(iter(ids)) for a, ids in linked.items() if len(ids) == 1}
        if sp.actor_id in lone:
            row.speaker = sp._replace(entity_id=lone[sp.actor_id])


@functools.cache
def _epithets() -> frozenset[str]:
    """Words that name a person by origin or party after "the" ("the German", "the Briton", "the
    Democrat"): the entity layer's demonyms and the singulars of its group words."""
    from analysis.entity_words import load_entity_words

    words = load_entity_words()
    found = set(words.demonyms) | {w[:-1] for w in words.group_words if w.endswith("s")}
    return frozenset(w for w in found if w.isalpha())


def _only_person_before(f: _Field, pos: int, *, window: int = 2) -> _Mention | None:
    """The person named (no pronoun, outside quotations) in ``pos``'s sentence before it or in the
    ``window`` sentences before, when every person named there is that one; else None."""
    sid = f.sentence_at(pos)[0]
    found: _Mention | None = None
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if f.sentence_at(m.start)[0] < sid - window:
            break
        if m.via == "pronoun" or m.etype != "person" or f.in_quote(m.start, m.end):
            continue
        if found is None:
            found = m
        elif not _same(m.entity_id if isinstance(m.entity_id, str) else m.actor_id,
                       found.entity_id if isinstance(found.entity_id, str) else found.actor_id):
            return None  # two people: which one is meant is not clear
    return found


def _kinds_of(name: Any, nouns: frozenset[str]) -> set[str]:
    """The organisation nouns (``nouns``) among the words of an organisation's name, in lower case
    ("Grange Lane Hospital" -> {"hospital"}; "Northwind Energy" -> none)."""
    return {w for w in name.lower().split() if w in nouns} if isinstance(name, str) else set()


def _organization_named(f: _Field, pos: int, noun: str, *, window: int = 5,
                        nouns: frozenset[str] = frozenset()) -> _Mention | None:
    """The organisation whose name holds ``noun`` ("the union" -> "Unite the Union", "the university"
    -> "Carrow University") when it is the only one so named before ``pos``, and it is named in the
    ``window`` sentences before ``pos``'s sentence or, further back, no other name that could be an
    organisation (a mention typed organisation or other, outside quotations) stands between its last
    mention and ``pos`` ("The Northern Rail Union called a strike. ... [five sentences] The union said":
    the union), other than one whose name holds another organisation noun of ``nouns`` (a hospital is
    no union: "... Grange Lane Hospital ... The union said" still the union); else None. The noun alone, capitalised ("Hospital officials said" opening a sentence),
    names none. (Beyond the window, a document that names one hospital early and says "The hospital
    said" eight sentences later may mean another it names since only by a short form: "Lakeport
    General Hospital ... the strike at St. Brendan's ... The hospital said": none.)"""
    sid = f.sentence_at(pos)[0]
    found: _Mention | None = None
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if m.via == "pronoun" or m.etype != "organization" or f.in_quote(m.start, m.end) or \
                not isinstance(m.actor, str) or noun not in m.actor.lower().split() or m.actor.lower() == noun:
            continue
        if found is None:
            if f.sentence_at(m.start)[0] < sid - window and _name_between(f, j, pos, noun, nouns):
                return None
            found = m
        elif not _same(m.entity_id if isinstance(m.entity_id, str) else m.actor_id,
                       found.entity_id if isinstance(found.entity_id, str) else found.actor_id):
            return None  # two unions: which one is meant is not clear
    return found


def _name_between(f: _Field, j: int, pos: int, noun: str, nouns: frozenset[str]) -> bool:
    """A mention after ``f.mentions[j]`` and before ``pos`` (no pronoun, outside quotations) of another
    entity or name that could be the organisation "the ``noun``" means: one not typed person or place,
    whose name holds no other organisation noun of ``nouns`` ("St. Brendan's" could be "the hospital";
    "Acme Hospital" is no "union")."""
    here = f.mentions[j]
    for m in f.mentions[j + 1:bisect_left(f.mention_starts, pos)]:
        if m.via != "pronoun" and m.etype not in ("person", "place") and not f.in_quote(m.start, m.end) and \
                not _same_speaker(m, here) and not _kinds_of(m.actor, nouns) - {noun}:
            return True
    return False


def _only_organization_before(f: _Field, pos: int, *, window: int = 5) -> _Mention | None:
    """The organisation mention (outside quotations, no pronoun) nearest before ``pos`` when every
    organisation mention of the field before ``pos`` is of that one entity (or lexicon actor) and it
    is named in the ``window`` sentences before ``pos``'s sentence; else None."""
    sid = f.sentence_at(pos)[0]
    found: _Mention | None = None
    key: Any = None
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if m.via == "pronoun" or m.etype != "organization" or f.in_quote(m.start, m.end):
            continue
        k = m.entity_id if isinstance(m.entity_id, str) else m.actor_id
        if found is None:
            if f.sentence_at(m.start)[0] < sid - window:
                return None  # the nearest is too far back
            found, key = m, k
        elif not _same(k, key):
            return None  # two organisations: which one is meant is not clear
    return found


#: The words before a title in an apposition that names the person: "the mayor, Helen Stroud,", "her
#: agent, Luca Bianchi,", "Luca Bianchi, his agent,".
_OWNERS = "the|its|a|an|his|her|their"
#: How far before a person's name a title set off by a comma before it is looked for (characters): "The
#: founder of the collapsed Varuna Infra Ltd, " is 47 (a title right before the name: 40).
_TITLED_REACH = 90
#: The place or body a title is held for, between the title and the comma before the name ("the senior
#: coroner | for Wessex |, Rachel Thorne", "The founder | of the collapsed Varuna Infra Ltd |, Ramesh
#: Venkataraman"): "for"/"of", "the" and up to two lower-case words, then one to four capitalised words.
_TITLE_OF_PLACE = (r"(?:\s+(?:for|of)\s+(?:the\s+)?(?-i:(?:[a-z][\w'’-]*\s+){0,2}[A-Z][\w'’&.-]*"
                   r"(?:\s+[A-Z][\w'’&.-]*){0,3}))")




@functools.lru_cache(maxsize=1)
def _rank_below() -> str:
    """The words before a title that make it another role than the title alone: the entity layer's
    ``ranks_below`` ("Lt. Gov. Ray Oh" is not "the governor") and ``former_words`` ("former Gov. Al Ross"
    is not either), as a regex group."""
    from analysis.entity_words import load_entity_words

    lists = load_entity_words()
    words = sorted(lists.ranks_below | lists.former_words, key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


@functools.lru_cache(maxsize=1)
def _rank_below_before() -> re.Pattern[str]:
    """:func:`_rank_below` ending a text (before a title)."""
    return re.compile(rf"(?:(?<![\w.]){_rank_below()})\s*$", re.IGNORECASE)


@functools.lru_cache(maxsize=256)
def _abbreviations_of(title: str) -> tuple[str, ...]:
    """The abbreviations of the (lower-case) ``title`` written before a name (``title_abbreviations`` of
    the entity word lists: "governor" -> ("gov.",))."""
    from analysis.entity_words import load_entity_words

    return tuple(a for a, full in load_entity_words().title_abbreviations.items() if full == title)


def _head_role_rest(title: str) -> tuple[str, ...]:
    """The title a "head ..." role (lower-case ``title``) is also written as before a name: "head coach" ->
    ("coach",) ("Coach Dana Reyes" is the head coach; "Assistant coach Tom Bell" is not: a rank below is
    never the title, :func:`_rank_below_before`); () for any other title."""
    head, _, rest = title.partition(" ")
    return (rest,) if head == "head" and rest else ()


def _only_titled_person_before(f: _Field, pos: int, title: str) -> _Mention | None:
    """The person mention before ``pos`` written with ``title`` ("Mayor Helen Stroud", "Helen Stroud,
    the mayor,", "the city's mayor, Helen Stroud,", "The founder of the collapsed Varuna Infra Ltd, Ramesh
    Venkataraman,": :data:`_TITLE_OF_PLACE`; for an age, "24-year-old", also "Maria Vasquez, 24,") when every person given that
    title before ``pos`` is that one entity; else None."""
    from analysis.entities import appointed_as

    text = f.text
    age = _AGE.fullmatch(title)
    # "Gov. Teresa Almonte" for "the governor"; "Coach Dana Reyes" for "the head coach"
    short = _abbreviations_of(title.lower()) + _head_role_rest(title.lower())
    head = text[:pos].lower()
    if age is None and text.isascii() and title.isascii() and title.lower() not in head and \
            not any(a in head for a in short) and not text[:pos].rstrip().endswith(","):
        return None  # the title is not written before ``pos`` (found without compiling its patterns)
    written = "|".join([re.escape(title), *map(re.escape, short)])
    before = re.compile(rf"(?<![\w.])(?:{written})\s+$|\b(?:{_OWNERS})\s+(?:[\w'’-]+\s+){{0,3}}{re.escape(title)}"
                        rf"{_TITLE_OF_PLACE}?,\s+$",
                        re.IGNORECASE)  # "Mayor Helen Stroud", "The Higher Education Minister, Helen Marsh,",
    # "The senior coroner for Wessex, Rachel Thorne,"
    after = re.compile(rf",\s+(?:{_OWNERS})\s+(?:(?!{_rank_below()}\s)[\w'’-]+\s+)?{re.escape(title)}\b", re.IGNORECASE)
    if age is not None:
        after = re.compile(rf"{after.pattern}|,\s+{age.group(1)}\s*,", re.IGNORECASE)
    found: _Mention | None = None
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if m.via == "pronoun" or m.etype != "person" or f.in_quote(m.start, m.end):
            continue
        k = m.start
        while k > 0 and text[k - 1] in " \n":
            k -= 1
        # a title before the name (within 40 characters), or a description set off by a comma (further back:
        # "The founder of the collapsed Varuna Infra Ltd, Ramesh Venkataraman")
        titled = before.search(text, max(0, m.start - (_TITLED_REACH if text[k - 1:k] == "," else 40)), m.start)
        if titled is not None and _rank_below_before().search(f.text, max(0, titled.start() - 16), titled.start()):
            titled = None  # "Lt. Gov. Ray Oh", "Deputy Mayor Ann Lee", "former Gov. X": not "the governor"
        if titled or after.match(f.text, m.end) or appointed_as(text, start=m.start, end=m.end, title=title):
            key = m.entity_id if isinstance(m.entity_id, str) else m.actor_id
            if found is not None and not _same(key, found.entity_id if isinstance(found.entity_id, str)
                                               else found.actor_id):
                return None  # two people with that title: which one is meant is not clear
            found = found or m
    return found


def _team_lead_words(words: Sequence[str], leads: frozenset[str]) -> int:
    """The number of words of a team lead's role (``team_lead_nouns``: "boss", "head coach") that end
    the nominal speaker ``words`` ("the Harlow boss", "the Kingsford Rovers head coach") after "the" and
    one to three capitalised team words; else 0."""
    if not leads or len(words) < 3 or words[0].lower() != "the":
        return 0
    n = 2 if len(words) > 3 and f"{words[-2]} {words[-1]}".lower() in leads else \
        1 if words[-1].lower() in leads else 0
    team = words[1:len(words) - n]
    ok = n and 1 <= len(team) <= 3 and all(w[:1].isupper() and w[-2:] not in ("'s", "’s") for w in team)
    return n if ok else 0


#: Capitalised team words and a team lead's role written right before a person's name ("Harlow
#: manager Gary Pell", "Kingsford Rovers interim boss"), and after it in an apposition (", the Harlow
#: Athletic head coach"); a former one is no longer the team's ("former Harlow manager Gary Pell").
_TEAM_LEAD_BEFORE = re.compile(r"(?:(?P<former>\b(?:[Ff]ormer|[Ee]x-?|[Ll]ate|[Oo]utgoing)\s+)|\b)"
                               r"(?P<team>(?:[A-Z][\w'’.&-]*\s+){1,4})(?:(?:interim|caretaker|acting|new)\s+)?"
                               r"(?P<role>[a-z]+(?: [a-z]+)?)\s+$")
_TEAM_LEAD_AFTER = re.compile(r",\s+the\s+(?P<team>(?:[A-Z][\w'’.&-]*\s+){1,4})(?:(?:interim|caretaker|acting|new)\s+)?"
                              r"(?P<role>[a-z]+(?: [a-z]+)?)\b")


def _team_lead_before(f: _Field, pos: int, words: Sequence[str], leads: frozenset[str]) -> _Mention | None:
    """The one person named before ``pos`` as the lead of the team a nominal speaker names ("the Harlow
    boss said" after "Harlow manager Gary Pell": the team words written before a role of
    ``team_lead_nouns``, any of them, hold the speaker's team words; "the Rovers boss" after "Kingsford
    Rovers manager Stuart Lamb"); None when no one, or two people, are given such a role with that team
    (or the words are no team lead's: :func:`_team_lead_words`). Never the team itself."""
    n = _team_lead_words(words, leads)
    if not n:
        return None
    team = set(words[1:len(words) - n])
    found: _Mention | None = None
    for j in range(bisect_left(f.mention_starts, pos) - 1, -1, -1):
        m = f.mentions[j]
        if m.via == "pronoun" or m.etype != "person" or f.in_quote(m.start, m.end):
            continue
        b = _TEAM_LEAD_BEFORE.search(f.text, max(0, m.start - 60), m.start)
        if b is not None and b.group("former"):
            b = None
        a = _TEAM_LEAD_AFTER.match(f.text, m.end) if b is None else None
        hit = b or a
        if hit is None or hit.group("role") not in leads or not team <= set(hit.group("team").split()):
            continue
        key = m.entity_id if isinstance(m.entity_id, str) else m.actor_id
        if found is not None and not _same(key, found.entity_id if isinstance(found.entity_id, str)
                                           else found.actor_id):
            return None  # two leads of that team named: which one is meant is not clear
        found = found or m
    return found


def _same(a: Any, b: Any) -> bool:
    """Two ids (str or NA) that are the same id."""
    return isinstance(a, str) and isinstance(b, str) and a == b


def _emit(rows: list[tuple], doc_id: str, text: str, found: list[_Row]) -> None:
    """Append the quotations of a field as rows (tuples in :data:`QUOTE_COLUMNS` order)."""
    na = pd.NA
    for r in found:
        sp, parts = r.speaker, r.parts
        if len(parts) == 1:
            lo, hi = parts[0]
            quote, spans = text[lo:hi], f"{lo} {hi}"
        else:
            quote = " … ".join([text[lo:hi] for lo, hi in parts])
            spans = ";".join([f"{lo} {hi}" for lo, hi in parts])
        if sp is None:
            rows.append((doc_id, r.sentence_id, quote, na, na, na, na, r.addressee, r.cue, r.kind, parts[0][0],
                         parts[-1][1], spans, na, na))
        else:
            rows.append((doc_id, r.sentence_id, quote, sp.entity_id, sp.name, sp.type, sp.actor_id, r.addressee,
                         r.cue, r.kind, parts[0][0], parts[-1][1], spans, sp.start, sp.end))



def _sentences_by_document(sents: pd.DataFrame, doc_ids: pd.Series
                           ) -> Iterator[tuple[str, list[tuple[int, int, int, int]], list[bool]]]:
    """Per document (in order of first appearance; ``doc_ids`` is ``sents["doc_id"]`` as str): its id,
    its sentences as (sentence_id, paragraph_id, start, end) by sentence_id, and whether each is the
    headline. The table is sorted once and cut at document boundaries."""
    codes, uniques = pd.factorize(doc_ids)
    order = np.lexsort((sents["sentence_id"].to_numpy(), codes))
    codes = codes[order]
    ids = uniques.tolist()  # a document's id by its code (one str per document, not per sentence)
    rows = list(zip(*(sents[c].to_numpy(dtype=np.int64)[order].tolist()
                      for c in ("sentence_id", "paragraph_id", "start", "end"))))
    heads = (sents["section"].eq("headline") & sents["sentence_id"].eq(0)).to_numpy(dtype=bool)[order].tolist()
    if not len(codes):
        return
    bounds = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1], True]).tolist()
    for lo, hi, code in zip(bounds[:-1], bounds[1:], codes[bounds[:-1]].tolist()):
        if code >= 0:  # rows without a doc_id belong to no document
            yield ids[code], rows[lo:hi], heads[lo:hi]


def _mentions_by_document(mentions: pd.DataFrame) -> dict[str, list[tuple]]:
    """doc_id (as str) -> its mentions as (sentence_id, section, start, end, actor_id, actor, via), in
    table order."""
    needed = ("doc_id", "sentence_id", "section", "start", "end", "actor_id", "actor", "via")
    require_columns(mentions, needed, fn="quotes", name="mentions",
                    fix="pass the table analysis.mentions(documents, actors, sentences=...) returns")
    columns = [mentions["doc_id"].astype("str").tolist()] + [
        mentions[c].tolist() for c in ("sentence_id", "section", "start", "end", "actor_id", "actor", "via")]
    out: dict[str, list[tuple]] = {}
    for doc_id, row in zip(columns[0], zip(*columns[1:])):
        out.setdefault(doc_id, []).append(row)
    return out


def _possessive_at(text: str, end: int) -> bool:
    """A possessive ending right after ``end``: "Netanyahu's", "Netanyahu’s", "the Saudis'"."""
    nxt = text[end:end + 3]
    if nxt[:1] not in _APOSTROPHES:
        return False  # _POSSESSIVE starts with one: most mentions are decided here, without the search
    return bool(_POSSESSIVE.match(nxt)) and (nxt[1:2] == "s" or text[end - 1:end] == "s")


def _as_str(column: pd.Series) -> pd.Series:
    """``column.astype("str")``, without the copy when it already is a string column."""
    return column if isinstance(column.dtype, pd.StringDtype) else column.astype("str")


def _entities_by_document(entities: pd.DataFrame, sents: pd.DataFrame, names: Mapping[str, str]
                          ) -> dict[str, tuple[list[_Mention], list[_Mention], list[_Mention], list[_Mention]]]:
    """doc_id (as str) -> (title mentions, text mentions, title places, text places) of the entity
    layer (places apart: see :meth:`_Attributor.subject_phrase`), offsets moved from the
    sentence into the field, sorted by start. The actor is
    the lexicon actor's name where linked, else the entity's display name."""
    needed = ("doc_id", "sentence_id", "start", "end", "entity_id", "entity", "type", "via", "actor_id")
    require_columns(entities, needed, fn="quotes", name="entities",
                    fix="pass the table analysis.entities(documents, sentences=..., actors=...) returns")
    if not len(entities):
        return {}
    sids = entities["sentence_id"].to_numpy(dtype=np.int64)
    # where each sentence starts in its field, and whether it is the headline (the title field):
    # looked up by (document, sentence_id) as one integer key, by binary search; documents by their
    # code among the sentences' documents (an entity's document without sentences matches none)
    s_codes, s_docs = pd.factorize(_as_str(sents["doc_id"]))
    # the entities' documents factorized first, then their few distinct ids looked up (a look-up of
    # every row converts each id to a Python str)
    e_doc_codes, e_docs = pd.factorize(_as_str(entities["doc_id"]))
    e_codes = np.append(s_docs.get_indexer(e_docs), -1)[e_doc_codes]  # code -1 (no id): -1
    e_codes[e_codes < 0] = len(s_docs)  # no sentence row has this code
    s_sids = sents["sentence_id"].to_numpy(dtype=np.int64)
    s_key = s_codes.astype(np.int64) * (1 << 32) + s_sids
    e_key = e_codes.astype(np.int64) * (1 << 32) + sids
    order = np.argsort(s_key, kind="stable")
    s_key = s_key[order]
    pos = np.minimum(np.searchsorted(s_key, e_key), max(len(s_key) - 1, 0))
    ok = (s_key[pos] == e_key) if len(s_key) else np.zeros(len(e_key), dtype=bool)
    if not ok.any():
        return {}
    rows = order[pos[ok]]
    base = sents["start"].to_numpy(dtype=np.int64)[rows]
    titles = s_sids[rows] == 0  # the headline is sentence 0 with section "headline"
    if titles.any():
        titles[titles] = sents["section"].iloc[rows[titles]].to_numpy(dtype=object) == "headline"
    keep = np.flatnonzero(ok)
    codes = e_codes[keep]
    fs = base + entities["start"].to_numpy(dtype=np.int64)[keep]
    fe = base + entities["end"].to_numpy(dtype=np.int64)[keep]
    type_codes, type_table = _coded(entities["type"])
    type_codes = type_codes[keep]
    place = np.array([isinstance(v, str) and v == "place" for v in type_table], dtype=bool)[type_codes]
    order = np.lexsort((fs, place, titles, codes))  # the mentions built in this order: one slice per field
    at = keep[order]                                 # and kind (places apart)
    # string columns read through their distinct values (one Python str each, not one per row)
    actor_codes, actor_table = _coded(entities["actor_id"])
    actor_codes = actor_codes[at]
    actor_ids = actor_table[actor_codes]
    linked = actor_codes >= 0 if isinstance(entities["actor_id"].dtype, pd.StringDtype) else pd.notna(actor_ids)
    actor_ids[~linked] = pd.NA
    display_codes, display_table = _coded(entities["entity"])
    display = display_table[display_codes[at]]
    if linked.any():  # a linked mention shows its lexicon actor's name (names.get(actor_id, entity))
        named = np.array([a in names for a in actor_table[:-1]] + [False], dtype=bool)[actor_codes] & linked
        if named.any():
            display[named] = np.array([names.get(a) for a in actor_table[:-1]] + [None], dtype=object)[
                actor_codes[named]]
    if "gender" in entities.columns:
        gender_codes, gender_table = _coded(entities["gender"], na=None)
        gender = gender_table[gender_codes[at]]
    else:
        gender = np.full(len(at), None, dtype=object)
    via_codes, via_table = _coded(entities["via"])
    id_codes, id_table = _coded(entities["entity_id"])
    mentions = list(map(_NEW_MENTION, zip(
        fs[order].tolist(), fe[order].tolist(), actor_ids.tolist(), display.tolist(),
        via_table[via_codes[at]].tolist(), id_table[id_codes[at]].tolist(),
        type_table[type_codes[order]].tolist(), gender.tolist())))
    c, t, p = codes[order], titles[order], place[order]
    bounds = np.flatnonzero(np.r_[True, (c[1:] != c[:-1]) | (t[1:] != t[:-1]) | (p[1:] != p[:-1]), True]).tolist()
    doc_names = s_docs.tolist()
    out: dict[str, tuple[list[_Mention], list[_Mention], list[_Mention], list[_Mention]]] = {}
    for lo, hi in zip(bounds[:-1], bounds[1:]):
        doc = doc_names[c[lo]]
        parts = out.setdefault(doc, ([], [], [], []))
        parts[(0 if t[lo] else 1) + (2 if p[lo] else 0)].extend(mentions[lo:hi])
    return out


def _coded(column: pd.Series, na: Any = _MISSING) -> tuple[np.ndarray, np.ndarray]:
    """(codes, values) of a column: ``values[codes]`` is ``column.to_numpy(dtype=object)``, a missing
    cell given as ``na`` (default: as ``to_numpy`` gives it); for a string column made from its distinct
    values (factorized: each distinct string becomes one Python object, not one per row). ``values``
    ends with the missing value, so code -1 reads it."""
    if not isinstance(column.dtype, pd.StringDtype):
        values = column.to_numpy(dtype=object)
        if na is not _MISSING:
            values = values.copy()
            values[pd.isna(values)] = na
        table = np.empty(len(values) + 1, dtype=object)
        table[:-1] = values
        table[-1] = na if na is not _MISSING else None
        return np.arange(len(values)), table
    codes, uniques = pd.factorize(column)
    table = np.empty(len(uniques) + 1, dtype=object)
    table[:-1] = uniques.to_numpy(dtype=object)
    table[-1] = column.dtype.na_value if na is _MISSING else na  # code -1: missing
    return codes, table


def _document_fields(title: str, text: str, sentence_rows: Sequence[tuple[int, int, int, int]],
                     heads: Sequence[bool], mentions: Sequence[tuple],
                     ents: tuple[list[_Mention], ...] | None = None,
                     lexicon_info: Mapping[str, tuple[str, Any]] | None = None) -> list[_Field]:
    """The title and the text of one document as fields (those that have sentences), each with its sentences (rows from
    :func:`_sentences_by_document`) and its mentions, offsets moved from the sentence into the field,
    sorted by start: the entity layer's (``ents`` from :func:`_entities_by_document`) and the
    lexicon's (from :func:`_mentions_by_document`) where they overlap no entity mention."""
    texts = {"title": title, "text": text}
    sentences: dict[str, list[tuple[int, int, int, int]]] = {"title": [], "text": []}
    if any(heads):
        for row, head in zip(sentence_rows, heads):
            sentences["title" if head else "text"].append(row)
    else:  # no headline: every sentence is the text's
        sentences["text"] = list(sentence_rows)
    # entity mentions of places apart: a lexicon mention wins over a place mention at the same words
    # (the lexicon's type is curated: "Hamas" a group, not a place), taking its entity id
    from_entities = {"title": ents[0] if ents else [], "text": ents[1] if ents else []}
    places = {"title": ents[2] if ents else [], "text": ents[3] if ents else []}
    found: dict[str, list[_Mention]] = {"title": [], "text": []}
    covered: dict[str, set[int]] = {"title": set(), "text": set()}
    sentence_start = dict(map(_ROW_SENTENCE_START, sentence_rows)) if mentions else {}  # sentence_id -> start
    info = lexicon_info or {}
    for sentence_id, section, start, end, actor_id, actor, via in mentions:
        part = "title" if (sentence_id == 0 and section == "headline") else "text"
        base = sentence_start[sentence_id]
        fs, fe = base + int(start), base + int(end)
        spans = from_entities[part]
        entity_id: Any = pd.NA
        if via != "pronoun":
            if spans:
                k = bisect_left(spans, (fe,))  # entity mentions starting before fe
                j = max(0, k - 4)
                while j < k and spans[j].end <= fs:  # one of the four before fe ending after fs?
                    j += 1
                if j < k:
                    continue  # the entity layer has this mention (a pronoun is kept: a second opinion)
            at = places[part]
            if at:
                k = bisect_left(at, (fe,))
                for j in range(max(0, k - 4), k):
                    if at[j].end > fs:
                        covered[part].add(j)
                        if at[j].start == fs and at[j].end == fe:
                            entity_id = at[j].entity_id
        etype, gender = info.get(actor_id, (None, None))
        found[part].append(_Mention(fs, fe, actor_id, actor, via, entity_id, etype, gender))
    fields = []
    for part in ("title", "text"):
        if not sentences[part]:
            continue  # (most titles: no headline sentence) nothing to attribute, no field made
        both = from_entities[part]
        if found[part]:
            both = sorted(both + found[part], key=_START)
        apart = [m for j, m in enumerate(places[part]) if j not in covered[part]] if covered[part] else places[part]
        fields.append(_Field(texts[part], sentences[part], both, places=apart))
    return fields




@output_columns("quotes")
def quotes(documents: pd.DataFrame, actors: ActorLexicon | Mapping[str, Any] | str | Path | None = None, *,
           sentences: pd.DataFrame | None = None, mentions: pd.DataFrame | None = None,
           entities: pd.DataFrame | bool | None = None,
           cue_verbs: CueVerbs | Mapping[str, Any] | str | Path | None = None) -> pd.DataFrame:
    """Quotations, one row per quotation (direct and reported), with who speaks.

    ``actors``: the lexicon speakers are linked to (None = the default lexicon);
    ``sentences``: a precomputed ``analysis.sentences(documents)`` table; ``mentions``: a precomputed
    ``mentions(documents, actors, sentences=...)`` table (with pronouns) made with the same
    lexicon; ``entities``: a precomputed ``analysis.entities(documents, sentences=..., actors=...)``
    table (None: computed here; False: no entity layer, speakers from the lexicon and the words only);
    ``cue_verbs``: a cue-verb list (None = ``lexicons/cue_verbs.yml``).
    The rules are in this module's docstring.

    ``spans`` is a string, not a list: the parts of the quotation as "start end" pairs of offsets
    into the same field as ``start``/``end``, joined by ";" (``'410 451;473 527'`` for the two parts
    ``text[410:451]`` and ``text[473:527]`` of a split quotation; one part: ``'start end'``).
    """
    require_table(documents, fn="quotes")
    require_columns(documents, ("doc_id", "text"), fn="quotes", name="documents",
                    fix="load documents with analysis.load_corpus or add the column")
    lexicon = load_actors(actors)
    cues = cue_verbs if isinstance(cue_verbs, CueVerbs) else load_cue_verbs(cue_verbs)
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "section", "text"), fn="quotes")
    if mentions is None:
        mentions = find_mentions(documents, lexicon, sentences=sents)
    if entities is None or entities is True:
        from analysis.entities import entities as find_entities

        entities = find_entities(documents, sentences=sents, actors=lexicon)
    actor_table = lexicon.actors
    names = dict(zip(actor_table["actor_id"], actor_table["name"]))
    lexicon_info = {a: (LEXICON_ENTITY_TYPES.get(t, "other"), g if g in ("male", "female") else None)
                    for a, t, g in zip(actor_table["actor_id"], actor_table["type"], actor_table["gender"])}
    with collector_paused():  # tens of thousands of small tuples that live until the table is made
        rows, doc_order = _quote_rows(documents, sents, mentions, entities, cues, names, lexicon_info)
        table = _quote_table(rows, doc_order)
        del rows  # the rows' tuples freed while the collector is paused (else its next run walks them)
    return table


def _quote_rows(documents: pd.DataFrame, sents: pd.DataFrame, mentions: pd.DataFrame, entities: Any,
                cues: CueVerbs, names: Mapping[str, str], lexicon_info: Mapping[str, tuple[str, Any]]
                ) -> tuple[list[tuple], Any]:
    """The rows of :func:`quotes` (tuples in :data:`QUOTE_COLUMNS` order) and the documents' order
    (its work apart, so that what it builds is freed when it returns)."""
    entities_of = _entities_by_document(entities, sents, names) if isinstance(entities, pd.DataFrame) else {}
    rows: list[tuple] = []
    titles = documents["title"].tolist() if "title" in documents.columns else [""] * len(documents)
    fields = {str(d): (t if isinstance(t, str) else "", x if isinstance(x, str) else "")  # lists: a string
              for d, t, x in zip(documents["doc_id"].tolist(), titles, documents["text"].tolist())}  # column's
    # own iteration converts its values one by one
    doc_ids = sents["doc_id"].astype("str")
    mentions_of = _mentions_by_document(mentions)
    finder = _finder_for(cues)
    for doc_id, sentence_rows, heads in _sentences_by_document(sents, doc_ids):
        if doc_id not in fields:
            raise InputError(f"sentences table: doc_id {doc_id!r} is not in the documents table; pass the "
                             "documents the sentences were made from")
        title, text = fields[doc_id]
        headline: tuple[_Field, list[_Row]] | None = None
        for part in _document_fields(title, text, sentence_rows, heads, mentions_of.get(doc_id, ()),
                                     entities_of.get(doc_id), lexicon_info):
            if part.sentences:
                part.headline = part.text is title and title is not text
                att = _Attributor(part, cues, finder)
                direct, used = _direct_quotes(att)
                found = sorted(direct + _reported_speech(att, used), key=lambda r: r.parts[0][0])
                if len(direct) > 1:
                    found = _join_paragraph_quotations(part, found)
                _link_nominals(att, found)
                _resolve_pronouns(att, found)
                _lexicon_speaker_entities(found, entities_of.get(doc_id))
                if part.text is title and title is not text and found:
                    headline = (part, found)  # emitted with the text's rows, which may name its speakers
                    continue
                if headline is not None:
                    _headline_speakers(headline[0].text, headline[1], part.text, found, part)
                    _emit(rows, doc_id, headline[0].text, headline[1])
                    headline = None
                _emit(rows, doc_id, part.text, found)
        if headline is not None:
            _emit(rows, doc_id, headline[0].text, headline[1])
    return rows, pd.unique(doc_ids)


def _quote_words(text: str) -> list[str]:
    """The words of a quotation in lower case, apostrophes straight ("We’ll" -> "we'll")."""
    return _WORD.findall(text.lower().replace("’", "'"))


def _longest_run(words: Sequence[str], other: Sequence[str]) -> int:
    """The number of words of the longest run of ``words`` that ``other`` holds in the same order."""
    best = 0
    prev = [0] * (len(other) + 1)
    for w in words:
        cur = [0] * (len(other) + 1)
        for j, o in enumerate(other):
            if w == o:
                cur[j + 1] = prev[j] + 1
                if cur[j + 1] > best:
                    best = cur[j + 1]
        prev = cur
    return best


def _headline_speakers(title: str, heads: list[_Row], text: str, body: Sequence[_Row],
                       field: _Field | None = None) -> None:
    """A direct quotation of the headline with no speaker ("'We just grabbed the dog and ran': Jackson
    families crowd shelter") takes the speaker of the text's quotations that hold its words, or most of
    them (a run of at least four of its words, and of two thirds of them, in the same order: headlines
    shorten), when they all have one and the same speaker ("“We just grabbed the dog and ran,” said Harold
    Pickett" -> Harold Pickett); else it stays without one. The speaker keeps how the text names them
    (``speaker_type``); its words are in the text, not in the headline: no ``speaker_start``/``speaker_end``,
    and no cue. A nominal speaker of one role word the headline names ("Coroner: 'Deaths will happen
    unless trust acts'") links to the one person the text (``field``) gives that title ("Senior coroner
    Rachel Thorne"; :func:`_only_titled_person_before`), as "the coroner" does in the text; kept nominal."""
    if field is not None:
        for row in heads:
            sp = row.speaker
            if sp is not None and sp.type == "nominal" and not isinstance(sp.entity_id, str) and \
                    not isinstance(sp.actor_id, str) and isinstance(sp.name, str) and " " not in sp.name and \
                    not sp.name.endswith("s"):  # (a plural, "Midwives:", is no one person)
                m = _only_titled_person_before(field, len(field.text), sp.name.lower())
                if m is not None:
                    row.speaker = _Speaker(m.actor_id, m.actor, sp.type, sp.start, sp.end, m.entity_id, m.gender,
                                           m.etype, sp.head)
    for row in heads:
        if row.speaker is not None or row.kind != "direct":
            continue
        words = _quote_words(" ".join(title[lo:hi] for lo, hi in row.parts))
        need = min(len(words), max(4, -(-2 * len(words) // 3)))
        found: _Speaker | None = None
        for other in body:
            sp = other.speaker
            if sp is None or not words or \
                    _longest_run(words, _quote_words(" ".join(text[lo:hi] for lo, hi in other.parts))) < need:
                continue
            if found is not None and not _same_referent((found.entity_id, found.actor_id, found.name),
                                                        (sp.entity_id, sp.actor_id, sp.name)):
                found = None
                break  # two speakers say those words: which one the headline quotes is not clear
            found = found or sp
        if found is not None:
            row.speaker = found._replace(start=pd.NA, end=pd.NA, head=-1)


_QUOTE_DTYPES = {"sentence_id": "int64", "start": "int64", "end": "int64", "speaker_start": "Int64",
                 "speaker_end": "Int64"}  # every other column: str


def _str_array(values: Sequence[Any]) -> Any:
    """``pd.array(values, dtype="str")`` for str and missing values, built through one Arrow array
    (about twice as fast); anything else takes pandas' own conversion."""
    try:
        return pd.array(pa.array(values, type=pa.large_string(), from_pandas=True), dtype="str")
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.array(values, dtype="str")


def _int_array(values: Sequence[Any]) -> Any:
    """``pd.array(values, dtype="Int64")`` for ints and pd.NA, built through one Arrow array (about
    seven times as fast: the same values and missing cells); anything else takes pandas' own conversion."""
    try:
        return pd.Int64Dtype().__from_arrow__(pa.array(values, type=pa.int64(), from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.array(values, dtype="Int64")


def _quote_table(rows: list[tuple], doc_order: Sequence[str]) -> pd.DataFrame:
    """The quotes table from rows in :data:`QUOTE_COLUMNS` order (each column built once in its
    dtype), sorted by document (in ``doc_order``), sentence_id and start: rows come in that order
    from the fields of each document, so the sort is skipped when they already are."""
    values = list(zip(*rows)) if rows else [() for _ in QUOTE_COLUMNS]
    data = {}
    for name, column in zip(QUOTE_COLUMNS, values):
        dtype = _QUOTE_DTYPES.get(name, "str")
        if dtype == "int64":
            data[name] = np.array(column, dtype=np.int64)
        elif dtype == "str":
            data[name] = _str_array(column)
        else:
            data[name] = _int_array(column)  # the Int64 columns
    out = pd.DataFrame(data)
    if len(out) < 2:
        return out
    rank = {d: k for k, d in enumerate(doc_order)}
    keys = np.array([rank[d] for d in values[0]], dtype=np.int64)
    sid, start = data["sentence_id"], data["start"]
    same_doc = keys[1:] == keys[:-1]
    same = same_doc & (sid[1:] == sid[:-1])
    if bool(np.all((keys[1:] > keys[:-1]) | (same_doc & (sid[1:] > sid[:-1])) | (same & (start[1:] >= start[:-1])))):
        return out
    order = np.lexsort((start, sid, keys))  # stable: rows with equal keys keep their order
    return out.take(order).reset_index(drop=True)


#: A determiner opening an unlinked speaker's words, capitalised at a sentence's start.
_SENTENCE_DETERMINER = re.compile(r"^(?:The|A|An) ")


def _unlinked_speaker_words(speakers: pd.Series, *, unlinked: pd.Series) -> pd.Series:
    """The words under which speakers linked to no actor or entity are counted: a determiner
    capitalised at a sentence's start in lower case ("The club" -> "the club"), and any other first
    letter capitalised there in lower case where the lower-case form is itself a speaker of these
    quotations ("Officials" beside "officials"; "Greyford officials" alone is kept as written)."""
    words = speakers.str.replace(_SENTENCE_DETERMINER, lambda d: d.group().lower(), regex=True)
    folded = words.str[:1].str.lower() + words.str[1:]
    written = set(words[unlinked])
    return words.where(~(unlinked & folded.isin(written)), folded)


@output_columns("voice")
def voice(mentions: pd.DataFrame, quotes: pd.DataFrame, *, include_pronouns: bool = False) -> pd.DataFrame:
    """Who is talked about and who gets to talk: mentions against quotations, per actor or entity.

    ``mentions``: the entity layer's mentions, as :func:`analysis.entities` or
    :func:`analysis.entities_as_mentions` give them, so that everyone in the text counts (an entity linked
    to a lexicon actor counts under the actor's id, any other under its entity_id); or lexicon
    mentions from :func:`analysis.mentions`. The entities table is read as
    :func:`analysis.entities_as_mentions` reads it, so ``actor`` is the name :func:`analysis.entities_by`
    gives: the entity table's display name (not the first form seen), the lexicon's name where linked;
    an entity seen only as a short form counts, with its quotations, as the one it is the same as
    ("Adeyemi" alone in one article: Ruth Adeyemi), and the document's own outlet is no actor. Direct mentions are counted unless
    ``include_pronouns``. ``quotes`` from :func:`quotes`: a quotation counts for its speaker_id,
    else its speaker_entity_id, else its speaker's words.

    Speakers linked to neither get a row under their words with actor_id NA ("a senior official"; a
    determiner capitalised at a sentence's start in lower case: "The club said" and "the club said" one row; so
    are "Officials said" and "officials said", not "Greyford officials" without a lower-case twin);
    quotations without a speaker get no row but count in the shares' denominator. Places of the entity
    layer not linked to a lexicon actor (ids ``place:...``) count only when they speak ("Denver" is where the news
    happens, not a source left unheard; "Russia said" keeps Russia). Sorted so that the never-quoted
    come first, most mentioned first, then the rest by mentions.
    """
    speaker_into: dict[str, str] = {}
    if "entity_id" in mentions.columns and "entity" in mentions.columns:  # the entities table
        from analysis.entities import entities_as_mentions, entity_table, same_entity_ids
        from analysis.schema import ENTITY_COLUMNS

        if all(c in mentions.columns for c in ENTITY_COLUMNS) and len(mentions):
            # named as entities_by and entities_as_mentions name them: the entity table's display name (not
            # the first form seen), the lexicon's where linked, an entity seen only as a short form as the
            # one it is the same as — and so its quotations ("Vance" alone in one article: Maria Vance)
            table = entity_table(mentions)
            actor_of = dict(zip(table["entity_id"], table["actor_id"]))
            speaker_into = {e: a if isinstance(a := actor_of.get(t), str) else t
                            for e, t in same_entity_ids(table).items() if not isinstance(actor_of.get(e), str)}
            mentions = entities_as_mentions(mentions, entity_table=table)
        else:
            mentions = mentions[mentions["via"] != "definition"]  # (an acronym's definition: no mention of its own)
            linked = mentions["actor_id"].notna() if "actor_id" in mentions.columns else False
            mentions = pd.DataFrame({"actor_id": mentions["entity_id"].where(~linked, mentions.get("actor_id")),
                                     "actor": mentions["entity"],
                                     "via": mentions["via"].map({"name": "alias", "short": "alias"}).fillna(
                                         mentions["via"])})
    require_columns(mentions, ("actor_id", "actor", "via"), fn="voice", name="mentions",
                    fix="pass the output of analysis.mentions(...)")
    require_columns(quotes, ("speaker_id", "speaker", "kind"), fn="voice", name="quotes",
                    fix="pass the output of analysis.quotes(...)")
    m = mentions if include_pronouns else mentions[mentions["via"].isin(("alias", "title"))]
    speakers = quotes["speaker_entity_id"] if "speaker_entity_id" in quotes.columns else quotes["speaker_id"]
    m = m[~(m["actor_id"].astype("str").str.startswith("place:") & ~m["actor_id"].isin(speakers.dropna()))]
    counts = m.groupby("actor_id", sort=False).agg(actor=("actor", "first"), mentions=("actor", "size"))
    q = quotes[quotes["speaker"].notna()].copy()
    key = q["speaker_id"]
    if "speaker_entity_id" in q.columns:
        spoken = q["speaker_entity_id"]
        key = key.where(key.notna(), spoken.map(speaker_into).fillna(spoken) if speaker_into else spoken)
    words = _unlinked_speaker_words(q["speaker"].astype("str"), unlinked=key.isna())
    q["speaker"] = q["speaker"].where(key.notna(), words)  # "The club" (a sentence's start) and "the club": one row
    q["key"] = key.where(key.notna(), "\x00" + words)
    q["direct"] = q["kind"].eq("direct")
    said = q.groupby("key", sort=False).agg(speaker_id=("speaker_id", "first"), speaker=("speaker", "first"),
                                            quoted_direct=("direct", "sum"), quotes=("kind", "size"))
    table = counts.join(said, how="outer")
    table["actor_id"] = table.index.where(~table.index.str.startswith("\x00"), pd.NA)
    table["actor"] = table["actor"].fillna(table["speaker"])
    for col in ("mentions", "quoted_direct", "quotes"):
        table[col] = table[col].fillna(0).astype("int64")
    table["quoted_reported"] = table["quotes"] - table["quoted_direct"]
    n_mentions, n_quotes = len(m), len(quotes)
    table["mention_share"] = table["mentions"] / n_mentions if n_mentions else 0.0
    table["quote_share"] = table["quotes"] / n_quotes if n_quotes else 0.0
    table["voice_gap"] = table["mention_share"] - table["quote_share"]
    table["never_quoted"] = (table["mentions"] > 0) & (table["quotes"] == 0)
    cols = ["actor_id", "actor", "mentions", "quoted_direct", "quoted_reported", "quotes", "mention_share",
            "quote_share", "voice_gap", "never_quoted"]
    table = table.sort_values(["never_quoted", "mentions", "quotes", "actor"], ascending=[False, False, False, True],
                              kind="stable")
    out = table[cols].reset_index(drop=True)
    return out.astype({"actor_id": "str", "actor": "str"})


def top_voices(ranked: Sequence[Hashable], *, quotes: pd.Series, top: int) -> list[Hashable]:
    """The keys (actor ids, or row positions) a "who speaks" chart or table keeps: the ``top`` first of
    ``ranked`` (the keys most mentioned first, as the caller ranks them) and the ``top`` keys of ``quotes``
    (quotations per key, the keys its index) with the most quotations, more than 0, ties in ``quotes``'
    order. So an actor quoted often but mentioned little still shows, and a corpus of thousands of
    speakers keeps a chart that can be read. One rule for :func:`analysis.charts.voice_bars`,
    :func:`analysis.tables.voice_for_chart` and the voice panels of :func:`analysis.tables.compare_groups`.

    A list without repeats: the kept keys of ``ranked`` in its order, then the most quoted keys not among
    them, most quoted first.
    """
    most_quoted = quotes[quotes > 0].sort_values(ascending=False, kind="stable").index[:int(top)]
    return list(dict.fromkeys([*islice(ranked, int(top)), *most_quoted]))


def unnamed_source_rows(voice: pd.DataFrame, *, quotes: pd.DataFrame) -> pd.Series:
    """Which rows of a voice table (:func:`voice`) are unnamed sources: speakers linked to no actor or
    entity that the text names by a common noun ("officials", "the sheriff's office", "a spokesman":
    ``speaker_type`` "nominal" in ``quotes``), not by a name the entity layer missed ("Caltrans said":
    ``speaker_type`` "name") nor by names joined by "and" ("Laura and Daniel Pryce"). A boolean per row of ``voice`` (its index). The findings count their
    quotations apart from the people and organisations quoted, and the "who speaks" charts draw them as
    one bar (:func:`analysis.tables.lump_unnamed_sources`)."""
    unlinked = voice["actor_id"].isna()
    if not unlinked.any():
        return unlinked
    named = quotes["speaker"].notna() & quotes["speaker_type"].eq("name") if "speaker_type" in quotes.columns \
        else quotes["speaker"].notna()
    names = set(quotes.loc[named, "speaker"].astype(str))
    return unlinked & ~voice["actor"].astype(str).isin(names) & ~voice["actor"].map(_named_group).astype(bool)


_GROUP_JOINS = re.compile(r",\s+and\s+|,\s+|\s+and\s+|\s+&\s+")


def _named_group(words: object) -> bool:
    """Are a speaker's words two names or more joined by "and" or commas ("Laura and Daniel Pryce",
    "Fenwick Capital and Halden Partners": named people, one nominal speaker in the quotation table),
    not an unnamed source? Each part capitalised words only, none of them a speaker noun ("Police and
    Fire officials", "Officials and Analysts" stay unnamed)."""
    if not isinstance(words, str) or " and " not in words and " & " not in words:
        return False
    nouns = load_cue_verbs().speaker_nouns
    parts = _GROUP_JOINS.split(words)
    return len(parts) > 1 and all(
        part and all(w[:1].isupper() and w.lower() not in nouns for w in part.split()) for part in parts)

