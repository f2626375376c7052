"""Entities: every named person, organisation, place and group, found, typed and merged with no lexicon.

``entities(documents)`` gives one row per mention; ``entity_table(entities)`` one row per entity. An
actor lexicon is an optional overlay that links entities to its actors (``actor_id``). The rules, each
tested on small inline texts in ``tests/test_entities.py``; word lists in ``lexicons/entities.yml``,
``lexicons/first_names.yml`` and ``lexicons/surnames.yml``, places from ``lexicons/places.yml``
(GeoNames; see lexicons/README.md, "The entity layer"):

**Detection.** A name is a run of capitalised words separated by single spaces ("Ruth Adeyemi",
"U.S.", "Ben-Gvir", "al-Sisi", "de Blasio"), possibly joined by "of"/"for"/"&" or a name particle.
"of"/"for" stay inside a name only after an organisation or place word ("Ministry of Health",
"Centers for Disease Control", "Gulf of Mexico"; "on" only after an organisation word: "Council on
Foreign Relations"); otherwise they split it ("Mayor Karen Bass of Los
Angeles"; also after a person's name whose last word is a place word, a first name or a title before it:
"Chief Superintendent Joanne Hall of Kelsford Police"); a title's place before a person's name is a name of its own ("Governor of Texas Greg
Abbott": Texas and Greg Abbott), and so is a person's name right after an organisation word
("Washington State University Simon Ličen"); a role title ending an organisation's name is no part of
it ("the Museum of Flight CEO said": the Museum of Flight). A possessive, a comma or a full stop that is not an abbreviation ends a run (a saint's name keeps its
possessive: "St. Brendan's", no place "St. Brendan", and a name after it: "St Mark's Square"; not a place of
the lists: "St. Louis's mayor"), and so does an abbreviation
before initials and a name ("in the U.S. O.J. Simpson was ...": the abbreviation ended a sentence); an initial
starting a run is no stop word ("A. Smith"). An apostrophe before a capital that follows no letter opens a
quotation and is no part of the name ("bearing the words 'Riverside Park'", "'Sofia has a plan,' Hale
said"; "O'Neill", "Supporters' Trust" keep theirs), and a closing one is dropped, also after a full stop
("'Riverside Park'.", "'The Mets Poet.'"). A run is split
at capitalised function words (``stop_words``: The, However, In, Monday ...), but not at a modal verb that
is also a first name before a surname ("Will Harris", "MP Will Quince"; a sentence's first "Will" stays
the verb unless the document writes it mid-sentence: "Will Washington become ...?"); a lower-case part after
a hyphen makes an adjective ("Obama-era"; with the words before it: no "Los" of "Los Angeles-based"),
except a romanised given name after a name word ("Kim Jong-un", "Ban Ki-moon"; its first syllable may be an
English word after a one-syllable family name that is none: "Hau Lung-bin"); a single demonym
before a lower-case word ("Israeli troops"; also after a compass word: "North Korean leader"), a
function word in capitals that the document does not define in brackets ("NOT"; but "World Health
Organization (WHO)") or a run of them (a sign's "WHERE WERE YOU?"), a state's AP abbreviation after a town
and a comma (it belongs to the town: "Eugene, Ore.", a dateline's "JACKSON, Calif. —"), common acronyms (DNA, TV), an adjective of origin or party before a place or a person
("Democratic Florida", "Italian Matteo Salvini": the adjective is split off), page furniture ("Hide
Caption", "JUST WATCHED"), units ("degrees Celsius", ``units``), a label before its number ("a Category 4
storm", ``numbered_labels``), a generational suffix alone ("Roger Pielke, Jr.", ``name_suffixes``; "Martin
Luther King Jr." is one name, no "King" title), handles and hashtags ("@POTUS", "#IStandWithAhmed") are no
names; a title-case run of the document's first sentence (a headline run into the text) is split at a
verb beside a name the document writes alone ("Trump Accuses California" -> Trump, California); nor is a
currency written before an amount, nor the end of a name ("Rs 1,920 crore", "Rs.500", "INR 500", "A$1.2
billion", "$A310 million": ``currency_codes``, ``dollar_prefixes``, ``currency_symbols``; "Punjab National
Bank Rs 1,920 crore" names Punjab National Bank; "A380" with no symbol before it stays a name); nor is a
month in a date ("Jan 5", "Jan. 5, 2024", "5 Jan": not "Jan" the first name; a month that is a first
name of the lists and no modal verb before a surname-like word opens a person's name, "His wife, June
Pickett," — after a word of time it stays the month: "In June Pickett said"), nor a credit: a dateline's
agency in brackets ("GAZA CITY, Jan 5 (Reuters) -", "(CNN) -"), a news agency of ``news_agencies`` in
a photo credit or alone in brackets after a sentence ("Photo: Reuters", "REUTERS/Toby Melville" with its
photographer, not "the Reuters/Ipsos poll"; "(AP)"), the names of a wire's reporting line ("(Reporting by
Jane Doe; Editing by Ann Roe)"); an
agency named otherwise is a name ("Reuters reported", "told the Associated Press"). One word written three
times or more ("Greyford Greyford Greyford", text run together) is a name per word; written twice ("Bora
Bora") it is a name, but no fuller form of the word alone (in the document or by ``same_as``). A capitalised verb
and "the" before an organisation's name are part of it ("Unite the Union", "Stop the War Coalition"; not
"Yesterday the Council"). Where the body's first sentence repeats the title (the headline) with a space
before its first word, as an HTML page's heading and first paragraph can come out, no name runs from
the headline into the body ("Local Hero Wins Top Prize John Smith said": John Smith).
Capitalisation statistics decide the first word of a sentence (or of a quotation): it is a name only
when the same word is capitalised away from a sentence start, is a place, an acronym, a lexicon alias,
a possessive ("Whitcombe's manager"), starts a longer run and is never written in lower case, is
a known surname that speaks, or is a word a large English corpus never writes in lower case (Brill's
lexicon, shipped with textblob: "Gorbachev", "Exxon"; the same for any partitioning), or a well-known
name of one word ("Reuters reported"); a run that is as a whole a place of the gazetteer stays whole ("North
Korea stated ...": "North" is an adverb too); never a plural
common noun ("Workers at the plant"; a double-barrelled surname ending in one of the lists is none:
"Lloyd-Evans said"), nor, unless written capitalised alone elsewhere or a lexicon alias, an English
plural ("Nurses warn ...", "Ambulances were diverted": also where a name holds it, "Northfield Nurses
Association"), an English word the document writes in lower case, or an organisation head word that
stands for no organisation of the document (see Merging: "Hospital officials said"). The statistics are the document's (``capitalisation="document"``,
the default: a corpus cut into partitions gives the same rows) or all documents' of the call
(``capitalisation="corpus"``). Title-case headlines and all-caps
lines are not trusted (not a results line, "Kingsford Rovers 0-3 Harlow Athletic.", nor a team's line-up,
"Harlow Athletic (4-3-3): Smith; Jones, Brown.", whose team is an organisation and players persons,
evidence "line-up"): there only names the document's other sentences establish, places, and initials
with the word after them ("O.J. Simpson Granted Parole": a person's name by its shape) count
(also an all-caps line joined to the next sentence by a single line break: "SENATOR JOAN WHITAKER
SPEAKS" on a line above "Senator Joan Whitaker spoke ..." gives Joan Whitaker, not "JOAN WHITAKER SPEAKS"; the
line after such a line starts a sentence: "HOW WE GOT HERE\nCouncillors will vote" gives no "Councillors").

**Titles.** Role titles and honorifics written before a name, capitalised ("County Clerk Ruth
Adeyemi", "former President Bill Clinton", "Israeli Prime Minister Benjamin Netanyahu", "Labour MP
Dame Sarah Hill") or lower-case ("county treasurer Ruth Adeyemi", "CIA director Bill Burns"), go to
the ``title`` column and are stripped from the name (an honorific also without its full stop, British
style: "Mr Marsh", "Dr Jane Smith"; not one in capitals in mixed case, an acronym: "DR Congo", "people
with MS"; nor "Dr" after a name: "Elm Dr", a street); a place or affiliation written before the title
is a name of its own ("U.S." in "U.S. President Joe Biden", "Harlow County" in "Harlow County Clerk
Maria Okafor"); a role before an honorific is the title, the honorific of no gender dropped from it
("vice-chancellor Dr. Mary Ode", "Vice-Chancellor Dr. Mary Ode": vice-chancellor; "Labour MP Dame Sarah Hill":
mp dame); the plural of a one-word title opening a name before a first name or a surname is its title
("Agents Luca Bianchi and Pia Roth": agents); an affiliation takes no type from a list it stands in
("Tom Reid and Brookfield manager Sam Hale": Brookfield is no person); a capitalised word that opens a title of the lists is no name ("Harbour master Ann Keel"); the kind of body a role is held in is part of the title when no name stands before
it ("Committee Chairman Joan Whitaker": title "committee chairman"; but "Coastal Commission Chair"
gives the organisation Coastal Commission and the title "chair"); a portfolio's common words before its
title are the title's, also before an honorific ("Data Protection Commissioner Dr. Helen Osei": data
protection commissioner; a name there stays one: "Dashly Chief Executive Priya Raman"); so is a department
of the list (``department_words``) before any title ("Sales Director Ann Lee": sales director, no person
"Sales"; "Finance Director Zelna Okoro"; not the last word of a body named before it: "Westbrook Energy
Chief Executive"); a title of several
words opening a sentence keeps its first word ("Chief Executive Priya Raman said": chief executive, no
"Executive Priya Raman"). A rank word that is also an
adjective or part of an organisation's name ("General Electric", "Major League Baseball", "major US
banks") is not a title: the words after a title must not contain an organisation word, and an ambiguous
one must be followed by what looks like a person's name (a first name, initials before a name: "Justice
A.K. Mehta", or one word that is no place and no common English word: "Whistleblower Lakshmi"); opening a
sentence before a common English word of the name lists with no person cue after it and standing nowhere
else in the document, it makes one name with that word ("Agent Orange was sprayed": not the person
"Orange"; "Major Brown" keeps the rank, ``surname_ranks``). A title alone ("President", "The Chief Financial Officer left":
role words and their modifiers with no name) is no name; "Governor of Virginia" is the place Virginia.

**Typing**, by the best-ranked evidence found in the document (recorded in ``evidence``; the lower
the rank, the stronger):
0. a linked lexicon actor's type (person; country or place -> place; organization; group);
1. a title or honorific -> person;
2. a legal suffix (Inc., Ltd) -> organization; the whole name a country, US state or county,
   continent, region (``regions``: Ontario, Bavaria), city of 500,000+ people or listed place ->
   place; an acronym defined in brackets ("National Nurses Union (NNU)") -> organization; a seat of
   government named for the institution there (``government_seats``: "Downing Street said", "No 10 said",
   "the Kremlin said", "Whitehall", "Zhongnanhai"), found as the list writes it wherever it stands (also
   opening a sentence, where "Downing" alone is a verb form, and with its number: "Number 10", "No. 10"), is
   one organisation shown by the list's name ("No 10" -> Number 10, "10 Downing Street" -> Downing Street),
   wherever the document names it ("outside Downing Street" too; not inside a longer name or an address, a
   capitalised word right after it: "White House Correspondents Association", "No 10 Acacia Avenue"; not a
   town after a comma, "Whitehall, Ohio"; not a person's name, "Mr Whitehall", "Jane Whitehall ... Whitehall
   said") -> organization (evidence "seat of government: <name>");
3. a party of ``party_names`` before a member's title ("Labour" in "Labour MP Dame Sarah Hill") ->
   organization; an organisation word last or before "of"/"for" (Council, Union, University, Ministry of ...;
   two last words, "Health System"; a
   trade word of a company's name, "Mallory Paving", "Vance Consulting") -> organization; two name
   words joined by "&" ("Carver & Lane", "Marks & Spencer": each a first name or surname of the lists or
   no English word, one of the lists; not "Social Science & Medicine") -> organization; a group
   word last (Democrats, Palestinians, residents) -> group; the plural of a surname after "the" ("the
   Obamas", "the Adeyemis": a family, people together, so ``group`` as "residents" is, never a person
   that pronouns could resolve to) -> group, its evidence naming the person of the document it is the
   family of ("family of Barack Obama") or the surname of the lists ("family: Clinton"; not a common
   word: "the Kings" stays a team); a place word (County, River, Lake, Mount,
   Sea, Station, Ridge, Hollow, "Bay of", "Eastern Europe"; after a first name only when the word is no
   surname: "Ross Sea" but "Grace Park", "Marc Lamont Hill") -> place; a road word and its number, one name
   ("Highway 49", "Interstate 5") -> place; "X, <gazetteer place>"
   ("Aceh, Indonesia"), "the town/city/province ... of X", "the capital, X", "the West" -> place;
4. the first word a first name (US Census) in a longer name, initials ("O.J. Simpson"; not a place:
   "U.S. Space"), or a surname and a hyphenated given name ("Park Joo-Ho") ->
   person (not a first name that is a common word before a common word or a plural: "Winter
   Olympics"); an acronym -> organization; a well-known name of Pattern's entity list (shipped with
   textblob: "Microsoft", "Albert Einstein") or of ``known_organizations`` ("Reuters", "Gazprom") -> its type;
5. cues around the name: "the Mets" (a single capitalised plural after "the", not a group word,
   demonym, family or place; set aside where the name is also written bare: "100 Polaroids") -> organization;
   "X said in a statement", "a spokesman for X", "customers of X", "X shares", "the oil giant X",
   "X, a news website," (``organization_nouns``; "side", a team: "Danish side Aalborg Vest") -> organization;
   "X, a city in ..." (``place_nouns``) -> place; a side of a score after a verb of a match, before a join or
   between two names ("Harlow lost 1-0 at ...", "Harlow 2-1 Millbrook", "lost 1-2 to Kingsford": "lost" then
   no person's verb; not a vote's tally right after a name, "confirmed Wheeler 52-47", nor a player's sets,
   "6-4, 6-3"), a word of ``team_words`` right after the name ("Millbrook manager Rachel Okafor", "Millbrook
   derby": a preposition before it governs that word, no place cue) and a team leading through a goal
   ("Millbrook led through a penalty") -> organization (evidence "club: ...", "team word: ...");
   "X said" (also with a time adverbial between: "Okafor on Monday said") and '"...," said X' (not of a name right after a preposition: "based in Millbrook, recalled
   ...", "the plant in Millbrook says he ...", "the mayor of X said") of a single word of the name lists ("Okafor said", also "Mallory said in
   a statement": people issue statements too), "X said he/she" ("Jafari said she"), "X, who", "X's wife" (family words), "the X
   administration", "a paper by X", "directed by X", "X, 45,", "X, a retired astronaut," and person
   verbs ("X resigned") -> person ("said in a statement" is set aside where the document has such
   person evidence of the name); "in X", "near X", "outside X", "throughout X", "out of X" (no "the"),
   a movement "to"/"toward X" ("return to Jackson", "a run to Reno"), "X precincts", "the X
   plant", "the X mayoral race", "the mayor/coast/outskirts/edge/parts/people of X", "X's prime
   minister/capital/government/economy", X where the document names an organisation "of" it ("the
   University of Westbrook": evidence "place of: University of Westbrook", over the name lists; and a word
   written after "to", "in", "from" ... where an organisation of the document other than a business starts
   with it: "drove to Lakeport" beside "Lakeport General Hospital") -> place ("to X", "from X" are no place cues:
   "posted to Twitter", "a letter from Microsoft"; "in X", "into X" is weak: set aside wherever the
   name has organisation or person evidence other than a single word's name lists, "an inquiry into
   Nimbusly" beside "Nimbusly said in a statement");
   a country, US state or big city of the gazetteer as the subject of a verb of saying ("North Korea
   stated", "Moscow said"; not one of a list: "Malaysia and Indonesia have") is its government:
   organization (rank 2, over the gazetteer, wherever the document names it; not where a person of the document
   goes by that word, "Rep. Jordan ... Jordan said"; a lexicon actor still decides); and so is one on a
   side of a score, its team ("Sweden defeated South Korea 1 – 0", "Tunisia lost 1-2 to England", "Spain
   2-1 Italy"; not "a 5-4 vote", "2-3 June"); in a document of a sports story, the opponent of a team
   ("Manchester United drew with Everton": a club word, a score or a line-up makes the one a team, the
   other has no evidence better than the name lists) -> organization ("opponent: drew with");
6. "X said" of a name of several words or of a word no English corpus writes in lower case ("Adeyemi
   said") -> person, below every rank-5 cue (companies say
   things too: "Orchard Mobile said ..." and "customers of Orchard Mobile" is an organisation), of a
   common word -> organization ("Oracle said");
   a single first name or surname, two or three words ending in a surname (none a common word of the
   document, none a word of the lists), a surname used alone later -> person (not where the first word
   ends another person's name: "Warhol Polaroid" beside Andy Warhol); a name in a list ("X and
   Y", "X or Y") beside a name of strong evidence (rank 3 or better, or a first name) -> its type;
7. the surname of a well-known person of Pattern's list written alone ("Obama") -> person, and before it
   (the first of equal ranks) a town of 15,000+ people -> place; two or three words none of which an English corpus writes in
   lower case, none a word of the lists, a place or a big city ("Mathias Krumbholz"; not "Bayern
   Munich") -> person; else ``other``. A known name's type comes before a first name's ("Morgan Stanley").
A first name does not make a person of a name whose last word is a common word of the document
("Paris Agreement"), of a town ("Long Beach"), nor do the name lists of a single word the document
also writes in lower case ("on New Year's Day" beside "a long day"), nor does a first name or surname
written after "the" ("the Sun", "the Jeff McBride Experience"), nor what such a name does in its
sentence ("The Boston Globe ran a correction", "the Beatles, who": said, person verbs, "who"); an
event word first ("Hurricane Irma", "Operation ...") or last ("Earth Day", "World Cup", "Boston
Marathon", ``event_last_words``; not a first name and a surname: "Doris Day") keeps a name ``other`` (rank 3: the schema has no event type).
Names joined by "and" are one organisation when the second ends in an organisation word and starts
with a common word, and the first holds a common word, has no evidence of its own and is not written
alone ("Food and Drug Administration"; not "Creative Commons and Wikimedia Foundation"), and so is an
organisation of a field and a field of common words with no evidence of its own ("National Institute
of Allergy and Infectious Diseases"; not "Ministry of Defence and Foreign Office").

**Merging** within a document: the same words are the same entity ("U.S." = "US"), except where
strong evidence says two types ("Rep. Jordan" and the country Jordan); a shorter form (a surname,
"Ms. Adeyemi", "Sarah Hill" after "Labour MP Dame Sarah Hill", a first name) goes to the most recent
person whose name ends (or starts) with it (a family name before a hyphenated given name: "Hau" ->
Hau Lung-bin, or a romanised one-syllable family name before a given name that is no word of the lists:
"Hu" -> Hu Jintao; a first name in no list before a surname of the lists to the one person of the
document named with it: "Teodor" -> Teodor Varga), gender permitting (two people sharing a surname stay two:
"Ann and Paul Becker" gives Ann Becker and Paul Becker; "Mr and Mrs Jones", or "Mr Jones ... Mrs Jones"
with no first name, gives two people shown with their honorifics, Mr Jones (the "Mr" of "Mr and Mrs" his
mention) and Mrs Jones; and a bare "Becker" goes to the most recently
mentioned (a bare surname written before them, a headline's, goes to the person the body's bare form
stands for, else to the one named first, as a headline names the person its story opens with: "Varga"
before "Teodor Varga ... Dario Varga", also when Teodor's first name is in no list and Dario's is; to
neither where two were first named in one sentence, "Ruskin" before "John and Effie Ruskin", but it is a
person's, never the town of that name; a town of the gazetteer after a preposition of place or motion in a
sentence that names a person of that surname is the town, not the surname, and so is a later one after a
preposition of place: "Helen Darwin, who is based in Darwin," gives the place Darwin, while "Ms Darwin",
"Darwin added", "In Darwin's view" and "Mayor Tom Jackson spoke. Crews stayed in Jackson" stay the person's), unless the bare form already stands for one of them: "Mohamed" for the boy Ahmed Mohamed
stays his after "his father Mohamed El-Hassan Mohamed"; a title written with it picks the one written
with that title, "Dr. Marsh" after "Nurse Helen Marsh met Dr. Owen Marsh", also where the bare form
stands for the other ("Councillor Kell" after "Tomas Kell ... Kell wrote ... Councillor Ruth Kell" is
Ruth Kell; a later bare "Kell" still Tomas), and an honorific of a gender the one person of that gender
("Ms. Dane" beside Kiro Dane, of no known gender, and Helen Dane); when the most recent of
them were named in the same sentence, the bare form links to neither and is no mention: a wrong guess
is worse than none; when the most recent was last named in a description, not as its sentence's subject,
and is not the one named most ("Helen Marsh won ... Her husband, Owen Marsh, was at home. Marsh
thanked ..."), the bare form is a name of its own, linked to neither; a form of address of another
gender, or one stating no gender ("Dr.", "Prof.")
after a formal one-word title of another kind ("Nurse Helen Marsh"), is someone else); a surname that is also the first word of a
business named in the document (its last word in ``company_last_words`` or a legal suffix:
"Brightwater" beside Laura Brightwater and Brightwater Foods; not "Trump Administration") is
ambiguous: it goes to the person only with a title, an honorific or what a company cannot do ("Ms.
Brightwater", "Brightwater said she", "Brightwater, 52,"), to the business where a company cue is next
to it ("Brightwater shares", "Brightwater said in a statement"), else it stays a bare name of its own
with no person evidence; a surname used alone brings only its person evidence ("Mallory said in a statement" does
not make Dana Mallory an organisation); an organisation's first word to the organisation ("Northwind"
-> Northwind Energy; not a gazetteer place: "Massachusetts" is not MIT; nor the place before a place
word: "Springfield" of "Springfield City Council"; nor a place the document names an organisation "of":
"Westbrook" beside "Westbrook Police" and "the University of Westbrook"), only where no person or place
fits ("Mallory" is Dana Mallory, not Mallory Paving), and of several such organisations the one no other
is named after ("Harlow" is Harlow Athletic, not the Harlow Athletic Supporters' Trust) named most so far,
else the most recent; a
place without its kind to the place ("Harlow" -> Harlow County; not "Gaza" -> Gaza City); a saint's name
in the possessive to the one organisation named with it ("St. Brendan's" -> St. Brendan's Hospital); a
name of two words or more that begins the one organisation named in full before it, whose words after it
name only the organisation's kind ("Hospital", "Group Inc.", the "System" of "Health System"), to that
organisation where it acts as one (an organisation cue or a speech cue: "Lakeport General said", "a
spokeswoman for Lakeport General" -> Lakeport General Hospital; not a place or a name of the lists, "New
York" after "New York Times"; not "White House" of the White House Correspondents Association, nor a name
ending in a kind of its own, the Congressional Black Caucus beside its Foundation, nor a name the body
writes alone first); an organisation
word alone, written with "the", to the most recent organisation whose name ends with it ("the Council" ->
Ashbury Borough Council; not a modifier: "Council leader Jo Bell"; a headline's "Council" before it to the
one such organisation of the document; starting a sentence, "Police said", "Council officials said", to
the one such organisation of the document named after a place, "Westbrook Police", also opening a headline,
else it is no name: not "Hospital news" beside St. Mary's Hospital, named for a saint); an
acronym to its bracketed expansion or the most recent name whose initials it spells (one with the
initials of "for"/"of"/"the"/"and" in lower case, "DfE", "MoD", only to the one organisation of the
document it spells: Department for Education, Ministry of Defence). A short form
seen before its full form (a headline, "U.S." before "United States") joins the one full form that
fits (a headline's "Veltra", or "Greyford Health" of two or three words, the one organisation named
"Veltra ...", "Greyford Health ...", whose further words only name its kind, not the Harlow Athletic
Supporters' Trust for a headline's "Harlow Athletic"; not a word of the name lists: "Boston" before "Boston
Globe" stays the city, but a town of the gazetteer that is also a surname, with no person of that surname
named, joins the one organisation named after it that no other is named after: a headline's "Harlow" before
Harlow Athletic, not Harlow City Council, named after the place with its place word). Across the corpus the same full name and type is one entity (``entity_id`` =
``<type>:<slug>``); :func:`entity_table` links an entity seen only as a short form (``same_as``) to
the full name it is, when one candidate has 80% of the candidates' mentions (never a bare word that is
also the first word of a business to a person: "Brightwater" typed by weak evidence goes to
Brightwater Foods only where typed an organisation, else nowhere), and so a name typed a
place only by a preposition in some articles to the organisation or person of that name in others,
a name typed a place only by its "Town" or "City" to the organisation of that name (a club: "Millbrook Town"
with a score in one article, "a trip to Millbrook Town" in another), and an organisation to the same name
with a legal suffix ("Nimbusly" -> Nimbusly Inc.).

**Pronouns**: he/she/him/her/his/hers/himself/herself resolve to the most recent person entity of
matching gender (from the lexicon, an honorific or gendered title, the first name, or the document's
own earlier pronouns for that person; a first name's gender wins over a "-man" title's, which news
writing gives to women too: "Chairman Joan Whitaker"; a title such as Senator states none), else of unknown gender, never to one whose known gender it contradicts (then to no one); a person
of unknown gender named earlier in the pronoun's own sentence comes before a matching one further back
("Later President Obama said his plan ..."), but not one named as a relative of the sentence's own
he/she ("He went looking for his brother, George Whitman, after he ...": the second "he" is not the
brother), and one a pronoun opening its sentence follows as
the subject of the sentence before ("Priya Raman welcomed the inquiry. She said ...", '"...," she said';
also after a short opening phrase: "In an interview, she said"; after a quotation also the one person the
sentence before gives words to: "..., according to Bianchi. '...,' he said"),
and one opening the clause a he/she of its gender reports is that pronoun's person ("She said she was
hopeful": not a woman named since), and a he/she after the speech verb of the person its sentence opens
with, past an aside between commas, is that person ("Tom Hughes, who had campaigned for his brother Sam
Hughes, said ... he would respect it": Tom),
also over a person of its gender named after that subject there ("Robert Vasquez ... endorsed Osei. He
said ..." -> Robert Vasquez); a pronoun opening a quotation is never the quotation's speaker named
after it ('"He fights for us," Turner said'); an object "him" or "her" is never the subject of its own
clause, nor that person named earlier ("Ruth Kell, who chairs the committee, pressed her" -> the woman
named before: binding, principle B; not a possessive "her case"; the clause's verb may follow adverbs,
"when Mr. Trump first nominated him"; an object before ", calling him" is no subject), and a pronoun of
its gender after one binding decided continues that person while no one else who could be meant is
named ("... nominated him. The president thanks him and his family"), but not a he/she of a later
sentence whose sentence before opened with the binding subject ("Merkley thanked him. He noted"); an
emphatic "himself"/"herself" after a noun is the noun's ("much like the devil himself": no row; "even
the governor herself": the one person titled so); a he/she in the second part of a
quotation split around its cue is not its speaker either, and continues the quotation's earlier he/she
('"He has worked so hard," Callum said. "He will come back stronger."' -> not Callum), and a he/she
that gives words ("..., she said", "He added") is the person the sentence before gave words to when
the gender agrees or is unknown, as the quote layer takes its speaker ("The trust's chair, Dr. Priya
Nandra, said .... They would meet on October 3, she said" -> Priya Nandra, not a woman named
earlier); a pronoun opening its sentence after one whose subject is a role ("The governor thanked crews.
She said ...", :func:`role_opening`) is the one person named before with that title ("Gov. Maria
Alvarez"; not "Lt. Gov."), or no one when nobody or two people are (not the person named last), unless
that person's gender is the other one, and a pronoun of that gender after it follows it while nobody else
who could be meant is named; rows with ``via == "pronoun"``, apart
from the direct mentions. An acronym in brackets right after its entity's name ("The Information
Commissioner's Office (ICO)") is a row with ``via == "definition"``, which the counts of mentions leave
out (the same naming). "X said he/she" makes a single unknown word X a person ("Jafari said she"), "X, Texas," a
place.

**Lexicon overlay**: an entity links to the lexicon actor one of its forms is an alias of, when the
types agree (a lexicon person only to a person entity, a country or place only to a place, an organisation to
an organisation, a group to a group; type ``other`` agrees with everything, and so does a type that
only a cue in the sentence gave, "Hamas said"): "Jordan" the country never links to a Rep. Jordan,
nor, through its one-word alias, to a full name that writes a first name before it ("Jim Jordan ... Jordan
said"), while a gazetteer name joined by "and"/"or" to another ("Jordan and Egypt") is written as a
place, as after "in", and joins no person of that surname;
and, for a person actor, when the first names agree: a person whose full name (titles stripped) writes
a first name before a surname alias does not link through the surname when that first name is no
word of the actor's name or aliases, nor an initial of one ("Councillor Sarah Harris ... Harris said"
is not Kamala Harris; "K. Harris", "Kamala Devi Harris" are; middle names are not compared); a bare
surname with no other full name in the document, or a full name that is itself an alias, links as
before. An organisation, place or other name whose full name is no alias links only through its full name
written, or a leading part of it to which the name adds only kind words ("Brightwater" of Brightwater
Capital): not through a short form linked to it ("Harlow", an alias of the club, written where only the
Harlow Athletic Supporters' Trust is named, gives the trust no actor). The first name is the full name's first word, unless a common English word that no
first-name list has ("Bus Trump": a headline word run into the name).
Beyond that, **an alias is authoritative** over the entity layer's typing and merging (the lexicon is
the user's word): a mention is written as an alias as it stands ("Royal Wessex") or with its whole
title, or the honorific ending it, written before it ("Mrs Pryce", "Dr Marchbank", "Dame Sarah Hill"
of "Labour MP Dame Sarah Hill"; not a part of a title: "Executive Priya Raman" of "Chief Executive
Priya Raman"), the longest alias winning. An entity left unlinked whose full name is an alias (also as written with its title), or
more than half of whose mentions are written as an alias of two or more words of one actor, links to
that actor and takes its type (evidence "lexicon: <type>"; an organisation loses the gender a first
name gave it), also where its own evidence typed it otherwise ("Royal Wessex", a man by "first name:
Royal", is the trust the lexicon lists it under) — but an alias of one word still needs the types to
agree ("Rep. Jordan" is no country), and a person actor the first names. A mention written as an
alias of two or more words of another actor than its entity's (linked to another actor or to none)
leaves that entity: the entity layer's merge was wrong ("Mrs Pryce", an alias of Laura Pryce, merged
into the baby Ella Pryce named before her). It joins the document's entity linked to that actor (a
"short" mention), else makes an entity of its own, linked, named by the alias without its title and
with the honorific that states a gender ("Mrs Pryce", person:mrs_pryce). Two entities the entity layer
kept apart and the lexicon links to one actor (the full name "Royal Wessex Hospitals NHS Foundation
Trust" and "Royal Wessex") stay two entities, each with its own entity_id and both rows of
:func:`entity_table` carrying the actor_id; every count by actor (:func:`entities_by`,
:func:`entities_as_mentions`, ``voice``, the reports) counts the actor once, with the mentions of both,
and a quotation either speaks has the actor's ``speaker_id``.

Speed: one regular expression finds the runs of a document's sentences (joined by line breaks, which
no run spans), scanning from capital to capital (``_runs``); everything else is per run (and cached
per distinct run), so the cost grows with the number of names, not of words, and linearly with a
document's length; the context patterns run only where a quick test of the text next to the name
says they can match; the table is built column by column; :func:`entity_table` counts its tallies per
(entity, value) pair over the columns (``benchmarks/bench_entities.py``).
"""

from __future__ import annotations

import functools
import operator
import re
import warnings
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import compress
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from analysis.deprecation import deprecated_alias
from analysis.entity_words import (DEFAULT_ENTITY_WORDS,  # noqa: F401
                                   EntityWords, load_entity_words)
from analysis.entity_words import load_entity_words as _default_words  # no argument: the shipped lists
from analysis.errors import InputError, require_columns, require_table
from analysis.schema import ENTITY_COLUMNS, ENTITY_TABLE_COLUMNS, output_columns
from analysis.text import sentences_of, slug
from analysis.runtime import collector_paused

__all__ = ["ENTITY_COLUMNS", "ENTITY_TABLE_COLUMNS", "ENTITY_TYPES", "LEXICON_ENTITY_TYPES", "OUTLET_EVIDENCE", "BYLINE_EVIDENCE",
           "actor_rows", "entities", "entity_table", "entity_table_of_parts", "entities_as_mentions", "entities_by",
           "load_entity_words", "same_entity_ids", "as_same_entities"]


ENTITY_TYPES = ("person", "organization", "place", "group", "other")

_INT_COLUMNS = ("sentence_id", "start", "end")


# ---------------------------------------------------------------------------------- detection

_CAP = r"(?:[a-z]{1,3}[-’'])?[A-Z][\w'’&.\-]*"
_CONNECTORS = ("of", "for", "de", "del", "della", "der", "den", "van", "von", "da", "du", "la", "le", "al", "bin",
               "ibn", "abu", "y", "&", "on")
_PARTICLES = ("de", "del", "della", "di", "da", "du", "dos", "das", "van", "von", "der", "den", "ter", "bin", "ibn",
              "al",
              "el", "le", "la")
#: A run of capitalised words (the definition; :func:`_runs` finds the same matches faster).
_RUN = re.compile(rf"(?:(?<![\w'’.&@#-])|(?<=(?<![\w'’.&@#-])'))(?:(?:{'|'.join(_PARTICLES)}) (?=[A-Z]))?{_CAP}"
                  rf"(?:(?: (?:{'|'.join(_CONNECTORS)}))* {_CAP})*")
#: The same runs found from their first capital, which lets the regular expression engine skip to the
#: next capital instead of trying every position: a capital not inside a word, or the capital after a
#: lower-case prefix ("al-Sisi"); :func:`_runs` adds the prefix or a particle ("de Blasio") before it. An
#: apostrophe not after a letter opens a quotation: the capital after it starts a run ("'Riverside Park'").
_RUN_FREE = "\\w'’.&@#-"
_RUN_AT_CAPITAL = re.compile(
    rf"[A-Z](?:(?<![{_RUN_FREE}].)|(?<=(?<![{_RUN_FREE}])'.)|(?<=(?<![{_RUN_FREE}])[a-z][-’'].)|(?<=(?<![{_RUN_FREE}])[a-z]{{2}}[-’'].)"
    rf"|(?<=(?<![{_RUN_FREE}])[a-z]{{3}}[-’'].))[\w'’&.\-]*(?:(?: (?:{'|'.join(_CONNECTORS)}))* {_CAP})*")
_PARTICLE_SET = frozenset(_PARTICLES)
_PARTICLE_LENGTHS = tuple(sorted({len(p) for p in _PARTICLES}))
#: The last two letters of the particles: a word before a capital that ends otherwise is no particle.
_PARTICLE_TAILS = frozenset(p[-2:] for p in _PARTICLES)
_NOT_FREE = frozenset("_'’.&@#-")


def _runs(text: str) -> Iterator[tuple[int, str]]:
    """(start, run) of each match of :data:`_RUN` in ``text``, in order (found by :data:`_RUN_AT_CAPITAL`)."""
    for m in _RUN_AT_CAPITAL.finditer(text):
        s = m.start()
        if s:
            before = text[s - 1]
            if before == " ":
                if text[s - 3:s - 1] not in _PARTICLE_TAILS:  # (every particle has two letters or more)
                    yield s, m.group()
                    continue
                for n in _PARTICLE_LENGTHS:  # a particle before the capital: "de Blasio"
                    a = s - 1 - n
                    if a >= 0 and text[a:s - 1] in _PARTICLE_SET and \
                            (a == 0 or not (text[a - 1].isalnum() or text[a - 1] in _NOT_FREE)):
                        yield a, text[a:m.end()]
                        break
                else:
                    yield s, m.group()
                continue
            if before in "-’'":  # a prefix of one to three lower-case letters: "al-Sisi"
                a = s - 1
                while a > 0 and s - 1 - a < 3 and "a" <= text[a - 1] <= "z":
                    a -= 1
                if a < s - 1:
                    yield a, text[a:m.end()]
                    continue
        yield s, m.group()


#: Words that name a road by the number after them ("Highway 49", "Interstate 5", "State Route 1"): the
#: number is part of the name, a place.
_ROAD_WORDS = frozenset(("highway", "interstate", "route", "freeway", "motorway", "hwy", "hwy."))
#: :data:`_ROAD_WORDS` as a name writes them ("Highway", "HIGHWAY"): one look-up per candidate, no lower().
_ROAD_FORMS = frozenset(f for w in _ROAD_WORDS for f in (w.capitalize(), w.upper()))
#: The number after a union's "Local" ("UFCW Local 7") or a road word (:data:`_ROAD_WORDS`).
_LOCAL_NUMBER = re.compile(r" (\d{1,5})(?![\w.,]\d)")
#: A romanised Korean or Chinese given name: two syllables joined by a hyphen ("Joo-Ho", "Jae-in").
_GIVEN_NAME = re.compile(r"^[A-Z][a-z]{1,3}-[A-Za-z][a-z]{1,3}$")
_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z&]+$|^(?:[A-Z]\.)+[A-Z]$")
_INITIAL = re.compile(r"^[A-Z]\.$")
_CAMEL_CASE = re.compile(r"^[A-Z][a-z]{3,}[A-Z][a-z]")
#: An acronym with the initials of its function words in lower case: "DfE", "DoD", "DfID".
_MIXED_ACRONYM = re.compile(r"^[A-Z](?:[a-z]?[A-Z])*[a-z][A-Z]+$")
_ACRONYM_SKIPS = frozenset(("for", "of", "the", "and"))
_POSSESSIVE = re.compile(r"['’]s?$")
_DEMONYM_SUFFIX = re.compile(r"(?:ian|ean|ese|ish|ans)$")
_OPENERS = "\"'“‘([«—–-:"
_PRONOUNS = frozenset("he she him her his hers himself herself He She Him Her His Hers HE SHE".split())
#: The words of _PRONOUNS, not inside a word, found from their "h" or "H" (each has one): the engine
#: skips to the next occurrence of a literal several times faster than to the next character of a set
#: (a pattern starting with [hHsS] cost twice as much); the alternatives spell exactly _PRONOUNS, so
#: that Python sees only the pronouns. "she", "She" and "SHE" match from their "h"/"H", after an "s"/"S"
#: that starts a word (:func:`_pronouns` moves the start back to it).
_PRONOUN_LOWER_H = re.compile(r"h(?:(?<![\w'’-]h)(?:e|im|is|ers?|imself|erself)|(?<=(?<![\w'’-])[sS]h)e)(?![\w'’-])")
_PRONOUN_UPPER_H = re.compile(r"H(?:(?<![\w'’-]H)(?:e|im|is|ers?|E)|(?<=(?<![\w'’-])SH)E)(?![\w'’-])")


def _pronouns(text: str) -> list[tuple[int, int]]:
    """(start, end) of each word of :data:`_PRONOUNS` in ``text`` that is not inside a word, in order."""
    found = []
    for pattern in (_PRONOUN_LOWER_H, _PRONOUN_UPPER_H):
        for m in pattern.finditer(text):
            s = m.start()
            found.append((s - 1 if s and text[s - 1] in "sS" else s, m.end()))  # ("she": from its "s")
    found.sort()
    return found

_MALE = frozenset(("he", "him", "his", "himself"))
_AGE = re.compile(r",\s+\d{1,3},")
#: An age apposition: "Lakshmi, a 29-year-old accounts assistant," (only a person has an age so written).
_AGE_APPOSITION = re.compile(r",\s+an?\s+\d{1,3}-year-old((?:\s+[a-z][\w-]*){1,3}?)(?=\s*(?:[,.;:]|at\b|from\b|of\b|who\b|in\b|$))")
_APPOSITION = re.compile(r",\s+(?:a|an|the|who|whose)\s+((?:[A-Za-z][\w-]*\s+){0,3}[a-z][\w-]*)")
#: A place written after a name and a comma, ending the phrase: "Irving, Texas," "Aceh, Indonesia."
_COMMA_PLACE = re.compile(r", ([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,.;:)]|$)")
#: Possessed nouns that only a person has ("Obama's wife", "Reyes's daughter") or a country or place
#: ("Malaysia's prime minister", "Kenya's capital").
_POSS_PERSON_WORDS = ("wife", "husband", "son", "sons", "daughter", "daughters", "mother", "father", "brother",
                      "sister", "widow", "widower", "girlfriend", "boyfriend", "fiancé", "fiancée", "parents",
                      "children", "biographer")
_POSS_PERSON = re.compile(r"['’]s?\s+(wife|husband|son|sons|daughter|daughters|mother|father|brother|sister|"
                          r"widow|widower|girlfriend|boyfriend|fiancée?|parents|children|biographer)\b")
#: Works and deeds of a person right before "by" + a name: "a paper by X", "written by X".
_BY_AUTHOR = re.compile(r"(?<![\w-])(written|directed|painted|composed|authored|photographed|illustrated|"
                        r"narrated|paper|book|novel|poem|poems|memoir|biography|essay|painting|paintings|"
                        r"portrait|sculpture|photograph|photographs) by $")
_PERSON_AFTER_WORDS = ("administration", "presidency", "family", "dynasty")
_PERSON_AFTER = re.compile(rf"\s+({'|'.join(_PERSON_AFTER_WORDS)})\b")
_POSS_PLACE = re.compile(r"['’]s?\s+(government|capital|prime minister|foreign minister|finance minister|"
                         r"interior minister|defen[cs]e minister|economy|parliament|embassy|ambassador|population|"
                         r"borders?|citizens|national team|largest city|second[- ]largest city)\b")
#: The first words of :data:`_POSS_PLACE`'s nouns (for :func:`_after_keys`).
_POSS_PLACE_STARTS = ("government", "capital", "prime", "foreign", "finance", "interior", "defence", "defense",
                      "economy", "parliament", "embassy", "ambassador", "population", "border", "borders", "citizens",
                      "national", "largest", "second")
#: A lower-case word of place and "of" before a name: "the mayor of Yeoncheon", "the coast of Aceh".
_OF_PLACE = re.compile(r"(?<![\w-])(mayor|governor|residents|citizens|people|outskirts|suburbs|streets|coast|shores|"
                       r"edge|side|parts|north|south|east|west|northeast|northwest|southeast|southwest|heart"
                       r") of (?:the )?$")
#: An apposition after a name: ", a/an/the" and its lower-case words (their head decides: _apposition_kind).
_APPOSITION_NOUN = re.compile(r",\s+(?:a|an|the)\s+((?:[a-z][\w'’-]*\s?)+)")
_PHRASE_END = frozenset("in of on at for from near outside with that which who whose where based founded run "
                        "owned known".split())
#: The lower-case word right before a name ("the oil giant Exxon": giant).
_NOUN_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]+) $")
_WHO = re.compile(r",\s+who\s")
#: A speech verb right before a name, after a quotation or a comma: '"...," said Mauer', ', says Mauer'.
_SAID_VERBS = ("said", "says", "added", "adds", "explained", "recalled", "wrote", "asked", "continued", "replied")
_SAID_BEFORE = re.compile(rf"[,\"'”’]\s*({'|'.join(_SAID_VERBS)})\s$")
_SAID_VERB_SET = frozenset(_SAID_VERBS)
_SAID_PRONOUN = re.compile(r"\s+(?:that\s+)?(?:he|she)\b")
#: A name governed by a preposition ("lawyers for X said", "the mayor of X said", "a manager at the plant
#: in X says he ...", "the maker based in X, recalled ..."): the object of a preposition is never the
#: subject of the cue verb after it; the cue's subject is the noun before the preposition
_GOVERNED = re.compile(r"\b(?:for|of|at|with|from|against|to|by|in|into|near|inside|outside|across|throughout)"
                       r"\s+(?:the\s+)?$", re.IGNORECASE)
#: A role noun (and "of"/"for"/"at" an organisation) and a comma right before a name: "the coach,
#: Alireza Mehraban", "Co-founder of Google, Sergey Brin".
_APPOSITION_BEFORE = re.compile(r"(?<![\w-])([A-Za-z][a-z-]*)(?:\s+(?:of|for|at)\s+(?:the\s+)?"
                                r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,4})?,\s$")
#: A name (or an age) and ", from" before a name, and what ends a hometown after it: "Laura Pryce, from
#: Kingsbury Vale, said", "Jamie Holt, 34, from Little Denford near Winchester".
_HOMETOWN = re.compile(r"(?:[A-Z][\w'’-]*|\d{1,3}), from $")
_HOMETOWN_END = re.compile(r"[,.;)]| near [A-Z]| in [A-Z]|$")
#: A possessive and a word right before a name: "whose wife Abena", "his daughter Ella" (``kin_nouns``
#: decides the word).
_KIN_BEFORE = re.compile(r"(?<![\w'’-])(?:whose|his|her|their|my|our) ([^\W\d_]+) $")
#: A title word and "for" before a name: "the MP for Winchester" (``seat_titles`` decides the word).
_TITLE_FOR = re.compile(r"(?<![\w'’-])([A-Za-z]+) for $")
#: A number right after a name ("Category 4", "Phase 2"): see ``numbered_labels``.
_NUMBER_NEXT = re.compile(r"[ \u00a0-]\d")
_BRACKET_ACRONYM = re.compile(r"\s+\((?P<a>[A-Z][A-Za-z&.]*[A-Z]\.?)\)")
_STATEMENT = re.compile(r"(?:['’]s?)?,?\s+(?:also\s+)?(?:said|says|announced|stated)\s+(?:in|on)\s+"
                        r"(?:a|an|its|their)\s+"
                        r"(?:\w+\s+)?(?:statement|release|filing|report|post|letter)")
_TITLE_CASE_MIN = 4
#: The evidence of a country, US state or county, continent or big city by the gazetteer ...
_GAZETTEER_PLACES = frozenset(("gazetteer: place", "gazetteer: city"))
#: ... and of such a place that speaks: "North Korea stated", "Moscow said" (its government).
_SPEAKING_PLACE = "place that speaks: "
#: ... and of such a place that plays a match: "Sweden defeated South Korea 1 – 0" (its national team).
_PLAYING_PLACE = "place that plays: "
_SCORE = r"\d{1,2} ?[-–—] ?\d{1,2}(?![\d%]|[.,]\d| ?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|" \
         r"am\b|pm\b|a\.m\.|p\.m\.|per\b|percent|years?\b|months?\b|" \
         r"weeks?\b|days?\b|hours?\b|minutes?\b|votes?\b|ruling|decision|majority|split|margin))"
#: A score after a team's name, directly or after a verb of a match and up to three words ("Belgium
#: defeated debutants Panama 3 – 0", "Tunisia lost 1 – 2"), or before it ("... 1 – 2 to England").
_MATCH_VERB_WORDS = ("defeated defeats beat beats thrashed thrashes edged edges lost loses drew draws won wins led "
                     "leads trailed trails").split()
_SCORE_JOIN_WORDS = ("to", "against", "over", "with")
_SCORE_AFTER = re.compile(rf" (?:(?:{'|'.join(_MATCH_VERB_WORDS)})(?: [\w'’-]+){{0,3}} )?(?P<score>{_SCORE})")
#: Two scores in a row, a player's sets ("6-4, 6-3", "6-4 7-6"): no team's score.
_SET_SCORES = re.compile(rf"(?<![\w.,]){_SCORE},? {_SCORE}")
_SCORE_BEFORE = re.compile(rf"(?<![\d.,])(?P<score>{_SCORE}) (?:{'|'.join(w + ' ' for w in _SCORE_JOIN_WORDS)})?$")


#: What may follow a team's name before a score (a quick test before :data:`_SCORE_AFTER`) ...
_MATCH_VERBS = tuple(f" {v} " for v in _MATCH_VERB_WORDS)
#: ... and precede it after a score (before :data:`_SCORE_BEFORE`).
_SCORE_JOINS = tuple(f" {j} " for j in _SCORE_JOIN_WORDS)
#: The character after the space after a name that can start a score or a match verb, and the one or two
#: characters before the space before it that can end a score or a join ("0", "to", "st"): a quick test
#: before :func:`_match_score`.
_DIGITS = frozenset("0123456789")
_SCORE_NEXT = _DIGITS | frozenset(v[1] for v in _MATCH_VERBS)
_JOIN_ENDS = frozenset(j[-3:-1] for j in _SCORE_JOINS)


def _match_score(text: str, start: int, end: int) -> str | None:
    """The score a name written at ``text[start:end]`` is a side of, as "N – M", or None."""
    m = None
    if text[end + 1:end + 2].isdigit() or text.startswith(_MATCH_VERBS, end):
        m = _SCORE_AFTER.match(text, end)
    if m is None and start > 2 and (text[start - 2].isdigit() or text.endswith(_SCORE_JOINS, 0, start)):
        m = _SCORE_BEFORE.search(text, max(0, start - 18), start)
    return None if m is None else m.group("score").replace(" ", "").replace("-", "–").replace("—", "–")


#: A capitalised word after a score ("Harlow 2-1 Millbrook").
_NAME_AFTER_SCORE = re.compile(rf" ?{_SCORE} [A-Z]")


def _team_score(text: str, start: int, end: int) -> str | None:
    """The score (as :func:`_match_score`) a name of no stronger evidence at ``text[start:end]`` is a side of,
    a team's: after a verb of a match ("Harlow lost 1-0", "beat Arsenal 2-1"), before a join ("1-2 to
    Kingsford"), or between two names ("Harlow 2-1 Millbrook"); not a tally right after a name with none
    of these ("confirmed Wheeler 52-47", a vote), nor a player's sets ("Nadal beat Federer 6-4, 6-3")."""
    score = _match_score(text, start, end)
    if score is None or _SET_SCORES.search(text):
        return None
    if text[end + 1:end + 2].isdigit() and not text.endswith(_MATCH_VERBS, 0, start) and \
            not _NAME_AFTER_SCORE.match(text, end):
        return None
    return score


#: The verbs of saying that make such a place speak (not "maintained": "Malaysia and Indonesia have maintained
#: a policy"; not "states", a plural noun as often: "U.S. states"); a place in a list ("and Indonesia") is not
#: the one subject.
_PLACE_SPEECH = frozenset("said says stated announced announces told tells warned warns declared declares "
                          "insisted insists".split())  # (not "states": "U.S. states like Ohio")
#: What can follow such a place before its verb (a quick test before the speech pattern is tried).
_PLACE_SPEECH_STARTS = tuple(f" {w}" for w in sorted(_PLACE_SPEECH)) + (" has ", " had ", " have ", " also ", " later ",
                                                                       " then ", "'s ", "’s ", ", ")

#: The rank of "X said" and '"...," said X' for a name of several words: below the cues that say one
#: type (rank 5: "said in a statement", "customers of X", "X, 45,"), because companies, governments and
#: people all say things ("Orchard Mobile said ..." then "customers of Orchard Mobile"). A single word of
#: the name lists that speaks ("Okafor said", "Mallory said in a statement") keeps rank 5: a known name
#: and a speech cue together.
_SPEECH_RANK = 6
#: Person evidence of what a name does in its sentence ("X said", "X resigned", "X, who"), which a name
#: written with "the" does as an organisation or a group ("The Boston Globe ran", "the Beatles, who").
_SPEECH_CUES = ("said-cue", "person verb", "who")
_WORD_ONLY = ("gazetteer", "surname:", "first name:", "known name")
#: Evidence too weak to keep a single word from being the short form of a full name elsewhere in the corpus.
_WEAK_EVIDENCE = ("none", "said-cue", "person verb", "surname", "first name", "gazetteer: town", "organization cue", "place cue")
#: Person evidence of a name that an organisation of the same name elsewhere in the corpus outweighs: what
#: it does in its sentence (companies speak too) and the name lists' words ("Power", a surname, ends
#: "Pacific Ridge Power").
_SPEAKING_PERSON = ("said-cue", "person verb", "surname", "name words")
#: What may stand before a pronoun that opens its sentence (quotation marks, a dash) ...
_OPENS_SENTENCE = re.compile(r"[\s\"'“‘—–-]*$")
#: ... or a short phrase that opens the sentence before its subject ("In an interview, she said") ...
_OPENING_PHRASE = re.compile(r"[\s\"'“‘]*[A-Z][\w'’-]*(?: [\w'’-]+){0,4}, ")
#: ... or the quotation a pronoun follows as its speaker ('"We were given the report late," she said')
_AFTER_QUOTATION = re.compile(r"[\"”’]\s*$")
#: ... and before the person a sentence starts with: at most three capitalised words (a title, "Dr.")
_SUBJECT_START = re.compile(r"[\s\"'“‘]*(?:[A-Z][\w.'’-]*\s+){0,3}$")
#: A pronoun looks back over at most this many person mentions (keeps a long document linear).
_PRONOUN_REACH = 200
_PLACE_AFTER = re.compile(r"\s+(mayoral|gubernatorial|precincts?|residents|townspeople|neighbou?rhoods?|suburbs?|"
                          r"plant|harbou?r|waterfront|downtown|area|region|countryside)\b")
#: :data:`_PLACE_AFTER`'s words, each spelling (for :func:`_after_keys`).
_PLACE_AFTER_STARTS = ("mayoral", "gubernatorial", "precinct", "precincts", "residents", "townspeople", "neighborhood",
                       "neighborhoods", "neighbourhood", "neighbourhoods", "suburb", "suburbs", "plant", "harbor",
                       "harbour", "waterfront", "downtown", "area", "region", "countryside")
_LOCATIVES = (" in ", " from ", " to ", " into ", " across ", " near ", " outside ", " inside ", " throughout ")
#: A name joined by "and"/"or" to the capitalised word after it, or from the one before it: "Jordan and
#: Egypt", "Egypt or Jordan" (:func:`_coordinated_with_place`).
_AND_NEXT = re.compile(r",?\s+(?:and|or)\s+(?:the\s+)?([A-Z][\w'’-]*)")
_AND_BEFORE = re.compile(r"([A-Z][\w'’-]*),?\s+(?:and|or)\s+\Z")
#: Prepositions that make the next name a place ("in Ohio"); not "to" and "from", which as often take a
#: company, a website or a person ("posted to Twitter", "a letter from Microsoft", "according to Smith").
_PLACE_PREPOSITIONS = (" in ", " into ", " across ", " near ", " outside ", " inside ", " throughout ")
#: The evidence of such a preposition: weak ("an inquiry into Nimbusly", "a stake in Nimbusly" take a
#: company as well), set aside wherever the name has organisation or person evidence
#: (:func:`_set_aside_weak_place`).
#: Prepositions after which a single word of the surname list is no person by the list alone ("a teacher
#: from Ashby").
_PLACE_BEFORE_SURNAME = _PLACE_PREPOSITIONS + (" from ", " at ")
#: The same prepositions as words (:func:`_word_before` reads the word before a name).
_PLACE_PREPOSITION_WORDS = frozenset(p.strip() for p in _PLACE_PREPOSITIONS)
_PLACE_BEFORE_SURNAME_WORDS = frozenset(p.strip() for p in _PLACE_BEFORE_SURNAME)
#: ("out of", the way out of a place as "into" is the way in, is as weak: "spun out of Nimbusly")
_WEAK_PLACE = frozenset(f"place cue: {p.strip()}" for p in _PLACE_PREPOSITIONS + (" out of", " to", " toward",
                                                                                 " towards"))
#: A movement and "to"/"toward" right before a name: where it goes is a place ("Evacuees return to Jackson",
#: "on a run to Reno", "the fire raced toward Jackson"); weak, as "into" is (:data:`_WEAK_PLACE`).
_MOTION_TO = re.compile(r"(?<![\w-])(?:return|returns|returned|returning|head|heads|headed|heading|move|moves|"
                        r"moved|moving|flee|flees|fled|fleeing|drive|drives|drove|driving|travel|travels|traveled|"
                        r"travelled|traveling|travelling|raced|racing|spread|spreading|run|trip|trips|flight|"
                        r"flights|journey|route|evacuated|relocated) (to|toward|towards) $")
#: Person or organisation evidence that is about a single word, not the entity: the name lists, the shape
#: of the word ("McAllen"). It does not set weak place evidence aside ("in Florence" stays a place).
_WORD_LISTS = ("first name:", "surname:", "inner capital")


def _governing_place(words: EntityWords, item: tuple[int, str, str]) -> bool:
    """The evidence ``item`` is a place word that ends the name of a unit with a government of its own
    (``governing_places``: "place word: County" of "Harlow County"): such a place that speaks is its
    government, as a place of the gazetteer that speaks is (see ``_SPEAKING_PLACE``); or a place word of
    an address that stands for the institution there (``institution_places``: "Great Ormond Street said",
    "Downing Street said")."""
    label = item[2]
    return label.startswith("place word: ") and (label[12:].lower() in words.governing_places or
                                                 label[12:].lower() in words.institution_places)


def _speech_only(label: str) -> bool:
    """Person evidence that an organisation's name can have as well: "X said", '"...," said X' (not "X
    said he/she": an organisation is "it")."""
    return label == "said-cue" or (label.startswith("said-cue: ") and label != "said-cue: he/she")


def _is_person(ent: _Entity) -> bool:
    """The entity's best evidence so far says person."""
    return ent.best is not None and ent.best[1] == "person"


def _settles_person(evidence: Iterable[tuple[int, str, str]]) -> bool:
    """Person evidence that an organisation's name cannot have: a title or honorific ("Ms. Brightwater"),
    "X said he/she", "X, 45,", "X, who", "X's wife", a role apposition ("X, the chief executive,");
    not "X said" or "X denied", which companies do as well."""
    return any(t == "person" and (r <= 1 or label in ("said-cue: he/she", "age", "who") or
                                  label.startswith(("possessive:", "apposition:")))
               for r, t, label in evidence)


def _says_organization(evidence: Iterable[tuple[int, str, str]], text: str, end: int) -> bool:
    """Organisation evidence of the words around a short form ending at ``end`` of ``text``
    ("Brightwater shares", "a spokesman for Brightwater"), of rank 5 or better, or "X said in a
    statement" (which a known surname records as a person's: people issue statements too)."""
    return any(t == "organization" and r <= 5 for r, t, _ in evidence) or _STATEMENT.match(text, end) is not None


def _unsettled(evidence: Iterable[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """The evidence of an ambiguous single word (a person's surname and an organisation's first word)
    that still counts: not the person evidence of what it does ("Brightwater denied"), not what the
    word alone says (the name lists, a town of that name): those fit a short form of either."""
    return [e for e in evidence if e[1] != "person" and not e[2].startswith(_WORD_ONLY)]
_ORG_AFTER_WORDS = ("spokesman", "spokeswoman", "spokesperson", "chief executive", "ceo", "employees", "executives",
                    "headquarters", "website", "shareholders", "shares", "stock", "users", "subscribers", "customers")
_ORG_AFTER = re.compile(rf"(?:['’]s)?\s+({'|'.join(_ORG_AFTER_WORDS)})\b", re.IGNORECASE)
#: Two or three initials written as one word ("O.J.", "J.K.", "W.E.B."): the start of a person's name.
_NAME_INITIALS = re.compile(r"^(?:[A-Z]\.){2,3}$")
_INITIALS = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]$|^(?:[A-Z]\.)+[A-Z]\.?$")
#: The kind of place a name can drop and remain the same place ("Harlow County" -> "Harlow"); not city,
#: town or street ("Gaza City" is not all of Gaza, "Wall Street" not a wall).
_PLACE_SHORTENS = frozenset("county parish borough township province region governorate prefecture territory "
                            "island islands strip peninsula river valley desert mountains".split())
#: A word as a person's name is written: a capital, then lower-case letters, parts joined by hyphens or
#: an apostrophe ("Hee-Chan", "O'Brien", "McKenzie").
_NAME_WORD = re.compile(r"^(?:[A-Z][a-z]*['’])?[A-Z][a-z]+[A-Za-z]*(?:-[A-Z]?[a-z]+)*$")
#: A kind of place and "of" right before a name: "the town of Yeoncheon", "the province of Aceh".
_KIND_OF = re.compile(r"(?<![\w-])(town|city|village|hamlet|province|region|district|island|islands|state|county|"
                      r"municipality|suburb|port|capital) of $")
_CAPITAL_BEFORE = re.compile(r"(?<![\w-])capital(?: city)?, $")
_COMPASS = frozenset("north south east west northern southern eastern western central northeast northwest "
                     "southeast southwest northeastern northwestern southeastern southwestern upper lower "
                     "greater inner outer".split())


def _alternation(words: Sequence[str]) -> str:
    """A regular expression that matches what ``"|".join(map(re.escape, words))`` matches, written as a
    tree of the words' letters ("sa(?:id|ys)|to(?:ld)"), so that the engine tries one branch per
    letter instead of every word in turn. Two words can match at one place only where one starts the
    other; the tree tries the longer first, so ``words`` must list it first too (sorted by length,
    longest first, as the alternations here are): otherwise the plain alternation is returned."""
    if not words:
        return r"(?!x)x"
    later: set[str] = set()  # the proper beginnings of the words after the one looked at
    for word in reversed(words):
        if word in later:
            return "|".join(map(re.escape, words))
        later.update(word[:n] for n in range(len(word)))
    return _letter_tree(words)


def _letter_tree(words: Sequence[str]) -> str:
    """:func:`_alternation` of ``words`` (non-empty; a word that ends where others go on comes last)."""
    groups: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            groups.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = []
    for first, rests in groups.items():
        rest = "" if rests == [""] else _letter_tree(rests)
        branches.append(re.escape(first) + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(branches) + ("|" if ends else "")


def _cue_verb_lists() -> tuple[list[str], list[str]]:
    """The finite forms of the cue verbs (no -ing; ``load_cue_verbs``) and the person verbs
    (``person_verbs``), longest first."""
    from analysis.cues import load_cue_verbs

    finite = sorted((f for f in load_cue_verbs().lemma_of if not f.endswith("ing")), key=len, reverse=True)
    verbs = sorted(_default_words().person_verbs, key=len, reverse=True)
    return finite, verbs


def _cue_verb_alternations() -> tuple[str, str]:
    """:func:`_cue_verb_lists`, each as :func:`_alternation`."""
    finite, verbs = _cue_verb_lists()
    return _alternation(finite), _alternation(verbs)


@functools.lru_cache(maxsize=1)
def _person_cue() -> re.Pattern[str]:
    finite, verbs = _cue_verb_alternations()
    return re.compile(rf"(?:['’]s?)?,?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+|have\s+)?"
                      rf"(?:(?P<speech>{finite})|(?P<verb>{verbs}))(?![\w-])")


@functools.lru_cache(maxsize=1)
def _person_cue_when() -> re.Pattern[str]:
    """:func:`_person_cue` with a time adverbial before the verb ("Obama on Monday said"): tried only
    where the text after the name starts like one (:data:`_WHEN_STARTS`), so that the common case pays
    nothing for it."""
    finite, verbs = _cue_verb_alternations()
    return re.compile(rf"\s+{_WHEN}(?:(?P<speech>{finite})|(?P<verb>{verbs}))(?![\w-])")


_WHEN_STARTS = (" on ", " late on ", " early on ", " earlier ", " yesterday ", " today ", " tonight ", " last ",
                " this ")


#: The bits of :func:`_after_cues`, one per pattern of the cues written after a name.
(_AFTER_STATEMENT, _AFTER_PERSON_CUE, _AFTER_WHEN, _AFTER_PERSON, _AFTER_POSS_PERSON, _AFTER_POSS_PLACE,
 _AFTER_APPOSITION_NOUN, _AFTER_APPOSITION, _AFTER_WHO, _AFTER_AGE, _AFTER_ORG, _AFTER_PLACE) = (1 << i for i in range(12))
_AFTER_ANY = (1 << 12) - 1
#: What every cue written after a name starts with (a possessive, a comma, spaces) and the word there.
_AFTER_WORD = re.compile(r"(?:['’]s?)?,?\s+(\w*)")
_LEADING_WORD = re.compile(r"\w*")


@functools.lru_cache(maxsize=1)
def _after_keys() -> dict[str, int]:
    """{the first word of a cue written after a name, lower-case: its :func:`_after_cues` bits}: the
    words each pattern can start with after :data:`_AFTER_WORD`'s possessive, comma and spaces (a
    phrase, "chief executive", by its first word; an optional adverb, "also said", as a word of its
    own)."""
    finite, verbs = _cue_verb_lists()
    starts = {
        _AFTER_STATEMENT: ("also", "said", "says", "announced", "stated"),
        _AFTER_PERSON_CUE: ("also", "later", "then", "has", "had", "have", *finite, *verbs),
        _AFTER_WHEN: tuple(w.split()[0] for w in _WHEN_STARTS),
        _AFTER_PERSON: _PERSON_AFTER_WORDS,
        _AFTER_POSS_PERSON: _POSS_PERSON_WORDS,
        _AFTER_POSS_PLACE: _POSS_PLACE_STARTS,
        _AFTER_APPOSITION_NOUN: ("a", "an", "the"),
        _AFTER_APPOSITION: ("a", "an", "the", "who", "whose"),
        _AFTER_WHO: ("who",),
        _AFTER_ORG: _ORG_AFTER_WORDS,
        _AFTER_PLACE: _PLACE_AFTER_STARTS,
    }
    keys: dict[str, int] = {}
    for bit, cue_words in starts.items():
        for word in cue_words:
            lead = _LEADING_WORD.match(word.lower()).group()
            keys[lead] = keys.get(lead, 0) | bit
    return keys


def _person_noun(word: str, words: EntityWords) -> bool:
    """Whether ``word`` (the head of "a 29-year-old accounts assistant") is a role, kin or child word of
    the word lists: a person's (not "a 90-year-old bridge", "a 150-year-old company")."""
    low = word.lower()
    return low in words.title_words or low in words.kin_nouns or low in words.child_words  # (title_heads is part of title_words)


def _after_cues(text: str, end: int) -> int:
    """The cues written after a name (at ``end``) that can match there, as bits (:data:`_AFTER_STATEMENT`
    ...): one match of :data:`_AFTER_WORD` and a look-up of the word it reaches, so that the patterns
    that cannot match are never tried. A necessary condition only: a pattern whose bit is set may still
    fail. A word that is not ASCII allows every cue (case-insensitive matching is Unicode's); a number
    allows the age (", 45,")."""
    m = _AFTER_WORD.match(text, end)
    if m is None:
        return 0
    word = m.group(1)
    if not word.isascii():
        return _AFTER_ANY
    bits = _after_keys().get(word.lower(), 0)
    return bits | _AFTER_AGE if word[:1].isdigit() else bits


#: A time adverbial news writing puts between a subject and its verb: "Obama on Monday said", "Okafor
#: yesterday said", "Hill last week told".
_WHEN = (r"(?:(?:on|late on|early on|earlier on)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
         r"(?:\s+(?:morning|afternoon|evening|night))?|yesterday|today|tonight|"
         r"(?:last|this|earlier this)\s+(?:week|month|year|morning|afternoon|evening|night))\s+")


@dataclass(slots=True)
class _Cand:
    """A name found in a sentence."""

    k: int                       # sentence position in the document
    start: int
    end: int
    words: tuple[str, ...]       # the name's words (no title, no possessive)
    title: str | None
    gender: str | None           # from an honorific or a gendered title
    evidence: list[tuple[int, str, str]]  # (rank, type, label)
    weak: bool = False           # from a headline / title-case / all-caps line
    acronym_of: int | None = None  # index of the candidate this acronym expands
    opening: bool = False        # an organisation head word opening its sentence ("Police said"): see _common_opener


@dataclass(slots=True)
class _Entity:
    words: tuple[str, ...]
    display: str
    evidence: list[tuple[int, str, str]] = field(default_factory=list)
    best: tuple[int, str, str] | None = None  # the first best-ranked evidence (= _decide(evidence))
    gender: str | None = None
    first_name_gender: str | None = None
    gender_weak: bool = False    # ``gender`` only from a "-man" title ("Chairman Joan Whitaker"): a first name wins
    last: tuple[int, int] = (-1, -1)
    acronym: str | None = None
    actor: int | None = None
    mentions: list[tuple[int, int, int, str, str | None]] = field(default_factory=list)  # k, s, e, via, title
    address: str | None = None   # the honorific its display keeps: a namesake of the other gender ("Mrs Jones")


def _core(token: str) -> tuple[str, bool]:
    """(the token without a trailing possessive or non-abbreviation full stop, whether the run ends here)."""
    words = _default_words()
    if token[-1:] in ("'", "’") and token[-2:-1] in (".", "!", "?") and len(token) > 2:
        return _core(token[:-1])[0], True  # a closing quotation mark after the full stop: "as 'The Mets Poet.'"
    poss = _POSSESSIVE.search(token)
    if poss and poss.start() > 0 and token[poss.start() - 1].isalpha() and not token.endswith("s'") or (
            token.endswith(("s'", "s’")) and len(token) > 2):
        if token.endswith(("'s", "’s")):
            return token[:-2], True
        if token.endswith(("s'", "s’")):
            return token[:-1], True
        return token[:-1], True  # a closing quotation mark: "the 'Mets Poet'"
    if token.endswith("."):
        low = token.lower()
        if _ACRONYM.match(token) or _INITIAL.match(token) or low in words.honorifics or \
                (low,) in words.titles or low in words.legal_suffixes or low in words.title_modifiers or \
                low in words.place_first:
            return token, False  # "Dr.", "Inc.", "St. Louis", "Mt. Everest"
        token = token.rstrip(".")
        if token.endswith(("'", "’")) and len(token) > 1:
            return _core(token)[0], True  # a closing quotation mark before the full stop: "'Riverside Park'."
        return token, True
    return token, False


def _is_adjective(token: str) -> bool:
    """"Obama-era", "U.S.-led": a lower-case part after a hyphen."""
    if "-" not in token:
        return False
    tail = token.rsplit("-", 1)[1]
    return bool(tail) and tail[0].islower()


#: The second parts of hyphenated adjectives made of a name ("Los Angeles-based", "Obama-era").
_ADJECTIVE_TAILS = frozenset("era style born based like wide type area run made owned bound sized class free only "
                             "linked led backed".split())


def _hyphenated_given_name(words: EntityWords, token: str, before: str = "") -> bool:
    """A capitalised syllable hyphenated to a lower-case one, written after a name word, is a given
    name ("Kim Jong-un", "Ban Ki-moon", "Moon Jae-in", "Lee Myung-bak"), not an adjective ("Los
    Angeles-based", "New York-born", "Sinn Fein-led"): the first part is of two to five letters and no
    English word, surname or place, the second of two to five letters and no adjective-forming word.
    The first part may be an English word after a surname of one syllable that is no English word
    (``before``: "Hau Lung-bin", "Hu Jin-tao"): a romanised family name, and a given name of two
    syllables, the pattern of Chinese and Korean names."""
    head, _, tail = token.partition("-")
    return 2 <= len(head) <= 5 and 2 <= len(tail) <= 5 and tail.isalpha() and tail.islower() and \
        head.isalpha() and head[1:].islower() and not tail.endswith(("ed", "ing")) and \
        tail not in _ADJECTIVE_TAILS and (head.lower() not in words.english or _family_name(words, before)) and \
        head not in words.surnames and \
        head.lower() not in words.cities and head.lower() not in words.places and head.lower() not in words.big_cities


def _named_body(words: EntityWords, name: Sequence[str], by_words: Mapping[tuple[str, ...], int]) -> bool:
    """``name`` names one body, which a bare head word can stand for: no word of it is a verb or adverb
    (Brill's function words: "Interior Chief Blames Congress", a headline run) and its words before the head
    word are no name of their own in the document ("Green New Deal Congress" beside "Green New Deal")."""
    return not any(w.lower() in words.function_words for w in name) and _key(tuple(name[:-1])) not in by_words


def _written_alone_first(short: Sequence[tuple], full: Sequence[tuple]) -> bool:
    """Whether a name's ``short`` mentions ((k, start, ...) in reading order) include one in the body (a
    sentence after the headline, k > 0) before the first mention of the fuller name's ``full`` ones."""
    first = min((m[0], m[1]) for m in full)
    return any(m[0] > 0 and (m[0], m[1]) < first for m in short)


def _kind_words(words: EntityWords, name: Sequence[str], n: int) -> bool:
    """The words of ``name`` after its first ``n`` name only the kind of organisation: each an
    organisation word, a company word or a legal suffix ("Hospital", "Group Inc."), or they are or end an
    organisation word of several ("Air Force"; "System" of "Greyford Health System": "health system"),
    or an institution's first word ("NHS" of "Royal Wessex Hospitals NHS Foundation Trust");
    never a word of the name's own ("Correspondents Association")."""
    tail = name[n:]
    if all(w.lower() in words.org_words or w.lower() in words.company_words or w.lower() in words.legal_suffixes
           or w.lower() in words.org_first for w in tail):  # ("Hospitals NHS Foundation Trust")
        return True
    return any(" ".join(name[-m:]).lower() in words.org_words for m in range(len(tail), min(len(name) - 1, 3) + 1))


def _named_for_place(words: EntityWords, name: Sequence[str]) -> bool:
    """``name`` is a place's name and a head word ("Westbrook Police", "Harlow County Council"): its
    words before the last are places of the lists, place words ("County") or no common English words
    (not "Small Business Administration", "Food Standards Agency")."""
    return len(name) > 1 and name[0] not in _SAINTS and \
        all(w.lower() in words.places or w.lower() in words.place_last or w.lower() not in words.english
            for w in name[:-1])


def _national_branch(words: EntityWords, name: Sequence[str], n: int) -> bool:
    """``name`` is a known organisation's name of ``n`` words (two or more) after a country's name or
    demonym ("American Red Cross": "Red Cross"), which its last ``n`` words stand for."""
    return len(name) == n + 1 and (name[0].lower() in words.demonyms or name[0].lower() in words.places) and \
        words.known.get(" ".join(name[1:])) == "organization"


def _given_name_last(name: Sequence[str]) -> bool:
    """A family name and a hyphenated given name ("Hau Lung-bin", "Kim Jong-un"): the family name comes
    first, and the first word alone ("Hau said") is the short form."""
    return len(name) == 2 and "-" in name[1] and _is_adjective(name[1]) and name[1][:1].isupper()


def _family_name_first(words: EntityWords, name: Sequence[str]) -> bool:
    """A romanised family name of one syllable (:func:`_family_name`) before a given name of one word that
    is no surname, first name or English word ("Hu Jintao", "Xi Jinping"): Chinese order, the family name
    first, and the first word alone ("Hu said") is the short form."""
    return len(name) == 2 and _family_name(words, name[0]) and _NAME_WORD.match(name[1]) is not None and \
        "-" not in name[1] and name[1] not in words.surnames and name[1] not in words.first_names and \
        name[1].lower() not in words.english


def _given_name_first(words: EntityWords, name: Sequence[str]) -> bool:
    """A given name in no first-name list before a surname of the lists ("Luca Ferraro", "Teodor Varga"):
    the surname last, so the first word alone ("Teodor is our best player") is the person's first
    name, as a listed one is; not a word that is a surname, an English word or a place itself."""
    if len(name) != 2 or name[1] not in words.surnames or _NAME_WORD.match(name[0]) is None:
        return False
    low = name[0].lower()
    return name[0] not in words.surnames and low not in words.english and low not in words.places and \
        low not in words.cities and low not in words.big_cities


def _family_name(words: EntityWords, word: str) -> bool:
    """A romanised Chinese or Korean family name: one capitalised syllable of two to four letters that is
    no English word and no place ("Hau", "Hu", "Kim"; not "Los", "New", "Fox")."""
    return 2 <= len(word) <= 4 and word.isalpha() and word[0].isupper() and word[1:].islower() and \
        word.lower() not in words.english and word.lower() not in words.places and \
        word.lower() not in words.big_cities and word.lower() not in words.cities and word not in words.first_names


def _cut_trailing_title(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> Sequence[tuple[int, int, str]]:
    """A piece without the role title it ends with when what comes before it names an organisation
    (an organisation word or an acronym): "the Museum of Flight CEO said", "State Department
    Spokesperson", "White House Press Secretary" (the longest title: not "White House Press") name the
    organisation; the title is the role of someone in it, no part of its name. Not a single ambiguous
    rank word ("Army General")."""
    if len(piece) < 2:
        return piece
    lows = [t[2].lower() for t in piece]
    if lows[-1] not in words.title_heads:
        return piece
    for size in range(min(words.title_max, len(piece) - 1), 0, -1):
        if tuple(lows[-size:]) in words.titles:
            if size == 1 and lows[-1] in words.ambiguous_titles:
                return piece
            rest = piece[:-size]
            while rest and rest[-1][2] in _CONNECTORS:
                rest = rest[:-1]
            if rest and any(t[2].lower() in words.org_words or _ACRONYM.match(t[2]) for t in rest) and \
                    any(t[2].lower() not in words.org_words for t in rest):  # (not "Team Manager")
                return rest
            return piece
    return piece


def _post_nominal_tail(words: EntityWords, toks: Sequence[str]) -> int:
    """How many of the last words of a run piece are post-nominal letters (``post_nominals``, written in
    capitals: "Sarah Whitlock MP", "Sir John Smith KC OBE") after a person's name of two words or more
    that starts with a first name of the lists or with an honorific or title ("Dame Sarah Hill MP"), 0
    for none: the letters are the person's seat or honour, no part of the name (not "Hartlepool MP", a
    constituency's member)."""
    n = len(toks)
    tail = 0
    while tail < n - 2 and toks[n - 1 - tail].isupper() and toks[n - 1 - tail].lower() in words.post_nominals:
        tail += 1
    if not tail:
        return 0
    first = toks[0]
    return tail if first in words.first_names or first.lower() in words.honorifics or \
        (first.lower(),) in words.titles else 0


def _post_nominal_after(words: EntityWords, text: str, end: int) -> str | None:
    """The post-nominal letters (``post_nominals``, in capitals) written right after a name ending at
    ``end`` of ``text`` ("Sarah Whitlock MP said", "Jane Hutt MS", "Ann Lee OBE's"), lower-cased, the
    first of several; None when there are none."""
    m = _POST_NOMINAL.match(text, end)
    if m is None or m.group(1).lower() not in words.post_nominals:
        return None
    return m.group(1).lower()


#: A word in capitals right after a name (:func:`_post_nominal_after` checks it is post-nominal letters).
_POST_NOMINAL = re.compile(r" ([A-Z]{2,4})(?![\w.&-])")


def _role_phrase_before_name(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> bool:
    """Does the piece open with a title head, "for" or "of" and a body or portfolio before a person's
    name (:func:`_portfolio_for`: "Spokesman for Acme Corp John Smith")? Then the organisation word
    inside ends the title, not a name of its own."""
    if len(piece) < 4 or piece[1][2] not in ("for", "of") or piece[0][2].lower() not in words.title_heads:
        return False
    return bool(_portfolio_for(words, [t[2].lower() for t in piece], 1))


def _person_after_organization(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> int:
    """Where a person's name starts in a piece that names an organisation before it ("Washington
    State University Simon Ličen", "Manchester United Wayne Rooney"): after an organisation word, a
    first name and one or two more words, none an English word or organisation word; else 0."""
    n = len(piece)
    for i in range(max(1, n - 3), n - 1):
        if piece[i - 1][2].lower() in words.org_words and piece[i][2] in words.first_names and \
                all(t[2][:1].isupper() and t[2].isalpha() and t[2].lower() not in words.english and
                    t[2].lower() not in words.org_words for t in piece[i + 1:]):
            return i
    return 0


def _caps_stop_word(words: EntityWords, name: Sequence[str]) -> bool:
    """A function word of three or more letters written in capitals ("WHO"): an acronym where the
    document defines it in brackets ("the World Health Organization (WHO)"), else emphasis ("NOT")."""
    return len(name) == 1 and len(name[0]) >= 3 and name[0].isupper() and name[0].isalpha() and \
        name[0].lower() not in words.places


def _split_run(text: str, start: int, run: str) -> list[list[tuple[int, int, str]]]:
    """A regex run -> pieces of (start, end, core) tokens, split at possessives, full stops, stop
    words, adjectives and connectors that do not belong to a name."""
    if not start:
        return _run_pieces(run)  # type: ignore[return-value]
    return [[(s + start, e + start, core) for s, e, core in piece] for piece in _run_pieces(run)]


#: The evidence label of a saint's name in the possessive ("St. Mary's"): an institution's short form, which
#: :func:`entity_table` may link to the one organisation named so in the corpus.
_SAINT_EVIDENCE = "saint's possessive: "
#: The evidence of a seat of government named for its institution (``government_seats``: "Downing Street said").
_SEAT_EVIDENCE = "seat of government: "
#: The evidence of an institution's first word (``organization_first_words``: "Royal Wessex", "NHS England").
_INSTITUTION_EVIDENCE = "institution word: "

#: "St." as a saint's title, before the saint's name ("St. Brendan's", "Saint Mary's").
_SAINTS = frozenset(("St.", "St", "Saint"))


def _saint_possessive(words: EntityWords, owner: Sequence[str], raw: str) -> bool:
    """``raw`` is a saint's name in the possessive after ``owner`` = ("St.",): "St. Brendan's", "St. Mary's",
    the short form of an institution named for the saint ("St. Brendan's Hospital"), whose possessive is
    part of the name (a hospital's, a school's or a church's), not a place ("St." is no Street here); not a
    place of the lists in the possessive ("St. Louis's mayor", "St. Petersburg's"); also a saint's name
    ending in "s" with the apostrophe alone ("St. James' Park", "St Thomas' Hospital")."""
    if len(owner) != 1 or owner[0] not in _SAINTS or not raw.endswith(("'s", "’s", "s'", "s’")):
        return False
    saint = raw[:-2] if raw.endswith(("'s", "’s")) else raw[:-1]
    if _NAME_WORD.match(saint) is None:
        return False
    low = saint.lower()
    return not any(f"{t} {low}" in words.places or f"{t} {low}" in words.big_cities or f"{t} {low}" in words.cities
                   for t in ("st.", "st", "saint"))


def _saint_name(toks: Sequence[str]) -> bool:
    """A saint's name in the possessive kept whole (:func:`_saint_possessive`): ("St.", "Brendan's")."""
    return len(toks) == 2 and toks[0] in _SAINTS and toks[1].endswith(("'s", "’s", "s'", "s’"))


def _possessive_in_name(words: EntityWords, owner: Sequence[str], rest: Sequence[str]) -> bool:
    """A possessive inside an organisation's name: the name so far (``owner``, its last word without
    the "'s") is no organisation, acronym, known name or place, and the next word of the run (``rest``)
    is an organisation head word (not a company's trade word or a newspaper's or broadcaster's) that
    ends the run or comes before a connector ("the Information Commissioner's Office", "the Attorney
    General's Office", "Children's Hospital of Philadelphia", "St Mary's College"; not "MIT's Department
    of Urban Studies", "EPA's Office of Air", "Google's News app", "Acme's Group", "Britain's Labour
    Party")."""
    if not rest or not owner or len(owner[-1]) < 2:
        return False
    head = rest[0].lower()
    if len(rest) == 1 and head.endswith(".") and head not in words.org_words:
        head = head[:-1]  # "...informed the Information Commissioner's Office." ends a sentence
    if head not in words.org_words or head in words.company_words or head in _MEDIA_WORDS or \
            (len(rest) > 1 and rest[1] not in _CONNECTORS):
        return False
    full = " ".join(owner)
    last = owner[-1].lower()
    # a group of people owning the organisation ("Supporters' Trust", "Women's Institute") is part of
    # its name even after an organisation word ("the Ashbury Athletic Supporters' Trust")
    people = last in _PEOPLE_OWNERS or (last.endswith("s") and last in words.english and not _ACRONYM.match(owner[-1]))
    return not any(_ACRONYM.match(t) or (t.lower() in words.org_words and not people) for t in owner) and \
        full not in words.known and full.lower() not in words.places and full.lower() not in words.big_cities


#: Plurals without an -s that own organisations ("Women's Institute", "Children's Hospital")
_PEOPLE_OWNERS = frozenset(("women", "men", "children", "people"))


#: Organisation words that an organisation goes by alone, unlike the generic head words of organisation
#: names ("Office", "Council", "University"): a sports club's ("Rovers" for Northgate Rovers) and a
#: legislature's ("the Senate" for the U.S. Senate, "Parliament" for the Scottish Parliament), linked
#: by ``same_as`` where the corpus names one such organisation.
_CLUB_WORDS = frozenset(("united", "rovers", "wanderers", "athletic", "senate", "parliament", "congress"))
#: Organisation words that name a newspaper, broadcaster or product after a possessive ("Google's News").
_MEDIA_WORDS = frozenset("news times post press journal herald tribune gazette magazine weekly globe chronicle "
                         "ledger observer inquirer courier dispatch examiner telegraph bulletin review radio "
                         "television tv media network networks records studios".split())


#: The months in lower case (the names of :data:`_MONTHS`, which lists their abbreviations as well).
_LOWER_MONTHS = frozenset("january february march april may june july august september october november december".split())


@functools.lru_cache(maxsize=1)
def _first_name_modals() -> frozenset[str]:
    """Stop words that are a modal verb and a first name, no month ("will": "Will Harris"; not "may",
    which is a month as often: "In May Johnson said")."""
    words = _default_words()
    return frozenset(w for w in words.modals if w in words.stop and w.capitalize() in words.first_names
                     and w not in _LOWER_MONTHS)


@functools.lru_cache(maxsize=1)
def _first_name_months() -> frozenset[str]:
    """Months that are a first name, no modal verb ("june": "June Pickett", "april", "august"; not "may":
    "May Day", "May God ..."): before a surname they open a person's name, not a date
    (:func:`_month_as_date`)."""
    words = _default_words()
    return frozenset(w for w in _LOWER_MONTHS if w.capitalize() in words.first_names and w not in words.modals)


@functools.lru_cache(maxsize=1)
def _first_name_stops() -> frozenset[str]:
    """The stop words that open a person's name before a surname: :func:`_first_name_modals` and
    :func:`_first_name_months` ("Will Harris", "June Pickett")."""
    return _first_name_modals() | _first_name_months()


#: Words after which a month before a name is the month ("in June Pickett said", "since April Ruiz has",
#: "last June Smith won"): a preposition or determiner of time.
_TIME_BEFORE_MONTH = frozenset("in since until till by during throughout before after last next this early late "
                               "mid every each".split())


def _month_as_date(text: str, start: int) -> bool:
    """The month that opens the name at ``start`` of ``text`` reads as the month: a preposition or
    determiner of time right before it (:data:`_TIME_BEFORE_MONTH`, any case: "In June Pickett said")."""
    before = text[:start].rstrip(" ")
    if len(before) == len(text[:start]):
        return False
    word = before[before.rfind(" ", 0) + 1:]
    word = word[word.rfind("\n") + 1:]
    return word.lower() in _TIME_BEFORE_MONTH


def _surname_after(words: EntityWords, raws: Sequence[str], n: int, before: Sequence[tuple[int, int, str]]) -> bool:
    """The word after run word ``n`` is a surname: capitalised as a name is, and a word of the surname
    or first-name lists, no English word, or any name word after a title that is no rank word (``before``:
    the run's piece so far) ("Will Harris", "Will Saletan", "MP Will Quince"; not "Will Eat", not "EPA
    Chief Will Continue Scott Pruitt's War": "chief" is an adjective as often)."""
    if n + 1 >= len(raws):
        return False
    nxt = _core(raws[n + 1])[0]
    return _NAME_WORD.match(nxt) is not None and (nxt in words.surnames or nxt in words.first_names or
                                                  nxt.lower() not in words.english or
                                                  (bool(before) and (before[-1][2].lower(),) in words.titles and
                                                   before[-1][2].lower() not in words.ambiguous_titles))


def _person_before(words: EntityWords, piece: Sequence[tuple[int, int, str]], i: int) -> bool:
    """The words of a run piece before its connector ``i`` are a person's name whose last word is also a
    place word ("Daniel Marsh of Westbrook Police", "Chief Superintendent Marsh of ...", as "Bay of
    Bengal" is a place): a first name before that word, or a title before the name."""
    if i >= 2 and piece[i - 2][2] in words.first_names:
        return True
    _, cut = _title_split(words, [t[2].lower() for t in piece[:i]])
    return 0 < cut < i


def _honorific_before_name(words: EntityWords, raws: Sequence[str], n: int, before: Sequence[tuple[int, int, str]]
                           ) -> bool:
    """Run word ``n`` is an honorific written without a full stop, as British style writes them ("Mr
    Marsh", "Ms Okafor", "Mrs Thatcher", "Dr Jane Smith"): capitalised, not in capitals (an acronym: "MS"
    the disease), before a name word, and first in its piece or after a title ("Chief Medical Officer Dr
    Jane Smith"); not after a name ("Sunset Dr": a street)."""
    raw = raws[n]
    if raw.lower() not in words.honorifics or not raw[:1].isupper() or not raw[1:].islower() or n + 1 >= len(raws):
        return False
    if before and before[-1][2].lower() not in words.title_words and before[-1][2].lower() not in words.honorifics:
        return False
    nxt = _core(raws[n + 1])[0]
    return _NAME_WORD.match(nxt) is not None and nxt.lower() not in words.stop


#: Capitalised words that link an organisation's name of the pattern "Doctors Without Borders",
#: "Reporters Without Borders", "Engineers Without Borders", "Lawyers Beyond Borders".
_NAME_LINKS = ("Without", "Beyond")


def _links_name(cur: Sequence[tuple[int, int, str]], raws: Sequence[str], n: int) -> bool:
    """``raws[n]`` is a capitalised "Without"/"Beyond" (:data:`_NAME_LINKS`) inside an organisation's name:
    after one capitalised plural ("Doctors", "Reporters") that opens the run, before a capitalised word
    ("Borders")."""
    return raws[n] in _NAME_LINKS and len(cur) == 1 and _NAME_WORD.match(first := cur[0][2]) is not None and \
        first.endswith("s") and not first.endswith("ss") and n + 1 < len(raws) and \
        _NAME_WORD.match(_core(raws[n + 1])[0]) is not None


@functools.lru_cache(maxsize=1 << 16)
def _run_pieces(run: str) -> tuple[tuple[tuple[int, int, str], ...], ...]:
    """:func:`_split_run` at offset 0 (cached: the same runs recur)."""
    start = 0
    words = _default_words()
    pieces: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    pos = start
    raws = run.split(" ")
    for n, raw in enumerate(raws):
        s = pos
        pos += len(raw) + 1
        if raw in _CONNECTORS or _links_name(cur, raws, n):
            cur.append((s, s + len(raw), raw))
            continue
        core, ends = _core(raw)
        if ends and core != raw and _possessive_in_name(words, [t[2] for t in cur] + [core], raws[n + 1:]):
            core, ends = raw, False  # "the Information Commissioner's Office", "St Mary's College": one name
        elif ends and core != raw and _saint_possessive(words, [t[2] for t in cur], raw):
            # "St. Brendan's" (its hospital): the possessive is part of the name, which ends here or goes on
            # ("St Mark's Square", "St Paul's Cathedral")
            core, ends = raw, n + 1 >= len(raws) or raws[n + 1] in _CONNECTORS
        low = core.lower()
        if cur and _NAME_INITIALS.match(core) and cur[-1][2].endswith(".") and len(cur[-1][2]) > 2 and \
                _ACRONYM.match(cur[-1][2]) and n + 1 < len(raws) and _NAME_WORD.match(_core(raws[n + 1])[0]):
            # "... lived in the U.S. O.J. Simpson was acquitted": initials and a surname start a person's
            # name, the abbreviation before them ended the sentence before
            pieces.append(cur)
            cur = []
        adjective = _is_adjective(core)
        if adjective and cur and _hyphenated_given_name(words, core, cur[-1][2]):
            adjective = False  # "Kim Jong-un", "Ban Ki-moon": a given name, not "Obama-era"
        elif adjective and cur and cur[-1][2] not in _CONNECTORS and core.index("-") > 1:  # (not "NASA T-shirt")
            cur = []  # "Los Angeles-based", "Hong Kong-listed": the name is the adjective's, no "Los" or "Hong"
        # a stop word splits the run, but not "Will" before a surname ("Will Harris"), nor an initial that
        # starts the run ("A. Smith"; not "Plan A. Smith agreed"), nor an honorific without its full stop
        # before a name ("Mr Marsh", "Dr Jane Smith")
        if adjective or (not _ACRONYM.match(core) and (
                low in words.stop or low.split("'")[0].split("’")[0] in words.stop) and
                not (low in _first_name_stops() and _surname_after(words, raws, n, cur)) and
                not (not cur and raw.endswith(".") and _INITIAL.match(core) and n + 1 < len(raws)) and
                not _honorific_before_name(words, raws, n, cur)):
            if cur:
                pieces.append(cur)
            cur = []
            continue
        cur.append((s, s + len(core), core))
        if ends:
            pieces.append(cur)
            cur = []
    if cur:
        pieces.append(cur)
    out = []
    for piece in pieces:
        # connectors: strip at the edges; "of"/"for" inside only after an organisation or place word
        while piece and piece[0][2] in _CONNECTORS and piece[0][2] not in _PARTICLES:
            piece = piece[1:]
        while piece and piece[-1][2] in _CONNECTORS:
            piece = piece[:-1]
        if not piece:
            continue
        split_at = []
        known = " ".join(t[2] for t in piece) in words.known  # "Physicians for Human Rights": one name
        for i, tok in enumerate(piece):
            if tok[2] in ("of", "for", "&", "on") and i > 0 and not known:
                left = piece[i - 1][2].lower()
                head = any(t[2].lower() in words.org_words for t in piece[:i])
                if tok[2] == "on" and (left not in words.org_words or i + 1 >= len(piece) or
                                       not _NAME_WORD.match(piece[i + 1][2])):
                    # "on" only after an organisation word and before a word: "Council on Foreign
                    # Relations", not "Kennedy Space Center on STS-1"
                    split_at.append(i)
                    continue
                if tok[2] == "&" or left in words.org_words or \
                        (left in words.place_last and not _person_before(words, piece, i)) or \
                        (tok[2] == "of" and (left in words.title_heads or head)) or (tok[2] == "for" and head) or \
                        (tok[2] == "for" and left in words.title_heads and
                         _portfolio_for(words, [t[2].lower() for t in piece], i)):
                    continue  # ("Undersecretary for Education Mr. Toccafondi": one title, then the name)
                split_at.append(i)
        piece = _cut_trailing_title(words, piece)
        if words.post_nominals and len(piece) > 2 and piece[-1][2].isupper() and \
                (tail := _post_nominal_tail(words, [t[2] for t in piece])):
            piece = piece[:-tail]  # "Sarah Whitlock MP": the letters are her seat (the title, read after the name)
        if not _role_phrase_before_name(words, piece) and (j := _person_after_organization(words, piece)):
            out.append(piece[:j])  # "Washington State University Simon Ličen", "Manchester United Wayne Rooney"
            piece = piece[j:]
        for i, tok in enumerate(piece[:-3]):
            if tok[2] == "of" and i and piece[i - 1][2].lower() in words.title_heads:
                # "Governor of Washington Chris Gregoire": the title's place (the longest) ends before a
                # person's name, a first name or two or three words ("Mayor of London Sadiq Khan"): two names
                j = next((j for j in range(min(i + 4, len(piece) - 2), i + 1, -1)
                          if _is_place(words, place := " ".join(t[2] for t in piece[i + 1:j])) or
                          place.lower() in words.big_cities), 0)
                if j and (piece[j][2] in words.first_names or len(piece) - j <= 3):
                    out.append(piece[:j])
                    piece = piece[j:]
                break
        if not split_at:
            out.append(piece)
            continue
        lo = 0
        for i in split_at + [len(piece)]:
            part = piece[lo:i]
            if part:
                out.append(part)
            lo = i + 1
    # one word three times or more ("Greyford Greyford Greyford", text run together) is no name: each word
    # is one (twice can be a name: "Bora Bora", "Duran Duran")
    out = [q for p in out for q in ([(t,) for t in p] if _repeated(tuple(t[2] for t in p), 3) else [p])]
    return tuple(tuple(p) for p in out if any(t[2] not in _CONNECTORS for t in p))


def _repeated(name: Sequence[str], times: int = 2) -> bool:
    """``name`` is one word written ``times`` times or more ("Greyford Greyford")."""
    return len(name) >= times and all(w == name[0] for w in name[1:])


@functools.lru_cache(maxsize=1 << 16)
def _run_parts(run: str) -> tuple[tuple[tuple[tuple[int, int, str], ...], tuple[str, ...], tuple], ...]:
    """Each piece of :func:`_run_pieces` with its words and what they say on their own
    (:func:`_name_facts`), cached: the same runs recur."""
    out = []
    for piece in _run_pieces(run):
        toks = tuple([t[2] for t in piece])
        out.append((piece, toks, _name_facts(toks)))
    return tuple(out)


def _title_at(words: EntityWords, lows: Sequence[str], i: int) -> int:
    """The length of the longest title phrase (or honorific) starting at word ``i`` (0 = none)."""
    for size in range(min(words.title_max, len(lows) - i), 0, -1):
        if tuple(lows[i:i + size]) in words.titles or (size == 1 and lows[i] in words.honorifics):
            return size
    return 0


def _title_split(words: EntityWords, lows: list[str]) -> tuple[int, int]:
    """(p, q): ``run[:p]`` is an affiliation written before the title ("Labour" in "Labour MP Dame Sarah
    Hill"; a name of its own), ``run[p:q]`` the title with its modifiers and origin words ("former
    president", "israeli prime minister", "mp dame"), ``run[q:]`` the name. (0, 0) when there is no
    title: the name after a title must be there and hold no organisation word, and an ambiguous rank
    word ("General", "Major") must be followed by what looks like a person's name."""
    n = len(lows)
    for i in range(n - 1):
        size = _title_at(words, lows, i) or (i == 0 and _plural_title(words, lows))
        if not size:
            continue
        q = i + size
        while q < n - 1 and (more := _title_at(words, lows, q)):
            q += more
        if q < n - 1 and lows[q] in ("for", "of") and (after := _portfolio_for(words, lows, q)):
            q = after  # "undersecretary for education mr.", "spokesman for acme corp": the portfolio or body
            # (and the address) join the title
            while q < n - 1 and (more := _title_at(words, lows, q)):
                q += more
        rest = lows[q:]
        if rest and all(r in words.name_suffixes for r in rest):
            continue  # "Martin Luther King Jr.": a title word before a generational suffix is the surname
        if not rest or any(r in words.org_words or r in words.legal_suffixes for r in rest):
            return 0, 0
        if q - i == 1 and lows[i] in words.ambiguous_titles and not _looks_personal(words, rest) and \
                not _department_before(words, lows, i):  # ("Finance Director Zelna Okoro": a title of two words)
            return 0, 0
        p = i
        # (the title phrase's own head: "Data Protection Commissioner Dr. Helen Osei" is a portfolio's
        # title before an honorific)
        portfolio = lows[q - 1] in words.portfolio_heads or lows[i + size - 1] in words.portfolio_heads
        while p > 0:
            if (lows[p - 1] in words.title_modifiers or lows[p - 1] in words.demonyms or
                    portfolio and _portfolio_word(words, lows[p - 1])) and lows[p - 1] not in words.places:
                p -= 1  # "former", "Israeli", "Higher Education" join the title; a place ("U.S.") is a name of its own
            elif department := _department_before(words, lows, p):
                p -= department  # "Sales Director", "Human Resources Manager": a listed department
            else:
                break
        while 0 < p < i and lows[p] in words.org_words:
            p += 1  # "Committee Chairman" is a title, but "Coastal Commission Chair": the body is a name
        if 0 < p < q - 1 and lows[p] in words.place_last:
            p += 1  # "Harlow County Clerk": the place is "Harlow County", the title "clerk"
        return p, q
    return 0, 0


def _portfolio_for(words: EntityWords, lows: Sequence[str], q: int) -> int:
    """Where the title goes on after "for" (or "of") at word ``q`` of ``lows`` (0 = it does not): the
    words of a portfolio (a listed department or a common English word, :func:`_portfolio_word`: "for
    education") written between a title head and an honorific or another title, a name after it
    ("Undersecretary for Education Mr. Toccafondi", "Minister for Health Dr. Ann Lee"), or before a
    person's name (:func:`_person_name_words`: "Minister for Foreign Affairs Sergey Lavrov", "Secretary of
    State for Health Jane Doe"); or the name of a body ending in an organisation word or legal suffix
    before a person's name ("Spokesman for Acme Corp John Smith", "Director of Communications Tara
    Reid"): the role phrase is the title, the words after it the name."""
    n = len(lows)
    j = q + 1
    while j < n - 1 and ((lows[j],) in words.departments or _portfolio_word(words, lows[j])):
        j += 1
    if j > q + 1 and j < n - 1 and _title_at(words, lows, j):
        return j
    for k in range(q + 2, min(n, q + 6)):  # a portfolio or body of up to four words
        if (k <= j or lows[k - 1] in words.org_words or lows[k - 1].rstrip(".") in words.legal_suffixes or
                lows[k].capitalize() in words.first_names) and _person_name_words(words, lows[k:]):
            return k  # ("Professor of Evolutionary Paleobiology Matthew Wills": the name from its first name)
    return 0


def _person_name_words(words: EntityWords, rest: Sequence[str]) -> bool:
    """Are the (lower-cased) words ``rest`` a person's name after a role phrase: one to three words, the
    first a first name of the lists or a word no English word list holds, the others surnames or first
    names of the lists or no English words, or a middle initial ("john f. kennedy"); none a place,
    organisation word or stop word; no first name of the lists after a first word that is none ("sergey
    lavrov", "jane doe"; not "care", "health", "kenya", "acme corp", "paleobiology matthew wills")?"""
    if not 1 <= len(rest) <= 3 or (rest[0].capitalize() not in words.first_names and
                                   any(r.capitalize() in words.first_names for r in rest[1:])):
        return False  # ("paleobiology matthew wills": the name starts at its first name)
    for k, low in enumerate(rest):
        if 0 < k < len(rest) - 1 and len(low) == 2 and low[1] == "." and low[0].isalpha():
            continue  # a middle initial
        cap = low.capitalize()
        if not low.replace("-", "").replace("'", "").isalpha() or low in words.places or \
                low in words.org_words or low in words.legal_suffixes or low in words.stop:
            return False
        if not (cap in words.first_names or low not in words.english or (k and cap in words.surnames)):
            return False
    return len(rest) > 1 or rest[0].capitalize() not in words.first_names  # ("Lavrov"; a first name alone is none)


def _department_before(words: EntityWords, lows: Sequence[str], p: int) -> int:
    """The number of words of a department or portfolio of the list (``department_words``: "sales",
    "human resources") that end right before word ``p`` of ``lows`` (0 = none)."""
    for size in (2, 1):
        if p >= size and tuple(lows[p - size:p]) in words.departments:
            return size
    return 0


def _portfolio_word(words: EntityWords, low: str) -> bool:
    """A word of a portfolio before its title head ("higher", "education" in "Higher Education Minister"):
    a common English word that is no place, first name, surname, organisation word or stop word."""
    return low in words.english and low not in words.places and low not in words.org_words and \
        low not in words.stop and (cap := low.capitalize()) not in words.first_names and cap not in words.surnames


def _all_title(words: EntityWords, lows: Sequence[str]) -> bool:
    """The words are role titles and their modifiers only, with no name ("chief financial officer",
    "former secretary of state", "Board Chairman", "Higher Education Minister"): each word starts a
    title phrase of the list or is a title modifier (a body's kind only before another word: "the
    Board" is an organisation), or a portfolio's word before a portfolio title (``portfolio_heads``)."""
    i = 0
    portfolio = bool(lows) and lows[-1] in words.portfolio_heads
    while i < len(lows):
        size = _title_at(words, lows, i) or (1 if lows[i] in words.title_modifiers and (
            i + 1 < len(lows) or lows[i] not in words.org_words) else 0)  # "Board Chairman"; not "the Board"
        if not size and portfolio and i + 1 < len(lows) and _portfolio_word(words, lows[i]):
            size = 1
        if not size and i + 1 < len(lows):
            # "the Sales Director": a listed department before a title
            size = next((n for n in (2, 1) if i + n < len(lows) and tuple(lows[i:i + n]) in words.departments), 0)
        if not size:
            return False
        i += size
    return True


def _longer_title(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> int:
    """The number of words of the title a run piece starts with when it is longer than its first word
    ("Chief Executive Officer Marcus Delane": 3; title phrases in a row as :func:`_title_split` takes
    them, "Chief Petty Officer Ann Cole": 3), else 1 (the first word alone)."""
    lows = [t[2].lower() for t in piece]
    q = _title_at(words, lows, 0)
    while q and q < len(lows) - 1 and (more := _title_at(words, lows, q)):
        q += more
    return max(1, q)


def _plural_title(words: EntityWords, lows: Sequence[str]) -> int:
    """1 when the run opens with the plural of a one-word title before a person's name (a first name, or
    two or three words ending in a surname: "Agents Luca Bianchi and ...", "Officers Tom Reid and ...":
    the title of both, no part of the first name), else 0."""
    first = lows[0]
    return int(len(lows) > 1 and first.endswith("s") and (first[:-1],) in words.titles and
               lows[1].capitalize() not in _NAME_LINKS and  # (not "Doctors Without Borders")
               (lows[1].capitalize() in words.first_names or
                (len(lows) in (3, 4) and lows[-1].capitalize() in words.surnames)))


def _looks_personal(words: EntityWords, rest: Sequence[str]) -> bool:
    """``rest`` (lower-case words after an ambiguous title) looks like a person's name: a first name of the
    lists first, initials before a name ("a.k. mehta" of "Justice A.K. Mehta"), or one word that is no place
    and no common English word ("Lakshmi" of "Whistleblower Lakshmi")."""
    if not rest:
        return False
    return rest[0].capitalize() in words.first_names or (len(rest) == 1 and rest[0] not in words.places and
                                                         rest[0] not in words.english) or \
        (len(rest) > 1 and _LOWER_INITIALS.match(rest[0]) is not None)


_LOWER_INITIALS = re.compile(r"(?:[a-z]\.){1,3}$")


def _surname_rank(words: EntityWords, low: str, rest: Sequence[str]) -> str | None:
    """The ambiguous title ``low`` that opens a sentence before the one word ``rest`` when that word is a
    surname taken as the person anyway ("Major Brown visited", "General White met": "major", "general";
    ``surname_ranks`` only, not "Agent Orange"), else None; not before an English plural ("General
    Mills") or a word that is no surname ("Major Hint")."""
    if low not in words.surname_ranks or len(rest) != 1 or rest[0] not in words.surnames:
        return None
    word = rest[0].lower()
    if word in words.places or (word.endswith("s") and word[:-1] in words.english):
        return None
    return low


def _named_thing(words: EntityWords, word: str) -> bool:
    """``word``, after an ambiguous title that opens a sentence and is no title there (no rank kept
    before a bare surname: :func:`_surname_rank`; no title modifier: "Senior", "Deputy"), makes a name
    of a thing with the title word ("Agent Orange"): a common English word that the name lists alone
    would make a person (a surname or first name of the lists: "Orange"), no place."""
    low = word.lower()
    return low in words.english and low not in words.places and (word in words.surnames or word in words.first_names)


def _only_after(text: str, before: str, word: str) -> bool:
    """``word`` stands in ``text`` (as a whole word) only right after the word ``before`` ("Orange"
    only in "Agent Orange"): the document names no person by it elsewhere ("Susan Rice", "Rice said")."""
    alone = re.findall(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)
    after = re.findall(rf"(?<![\w-]){re.escape(before)} {re.escape(word)}(?![\w-])", text)
    return len(alone) == len(after)


def _lower_title_before(words: EntityWords, text: str, start: int) -> str | None:
    """A lower-case title written right before a name: "county treasurer Ruth Adeyemi", "national
    security minister Itamar Ben-Gvir", "CIA director Bill Burns": a title phrase, with the modifiers,
    demonyms and title words before it (up to five words) and an acronym of origin."""
    if start < 3 or text[start - 1] != " " or not text[start - 2].islower():
        return None
    if text[text.rfind(" ", 0, start - 1) + 1:start - 1] not in words.title_heads:
        return None
    window = text[max(0, start - 60):start]
    toks = window.split()[-5:]
    taken: list[str] = []
    acronym = False
    for j in range(len(toks) - 1, -1, -1):
        tok = toks[j]
        if tok in words.modals:
            return None  # "fans would judge Ortega": a verb, not a title
        if not tok.islower() or not tok[0].isalpha() or tok in words.stop:
            if _ACRONYM.match(tok) and taken:
                taken.insert(0, tok.lower())
                acronym = True
            elif taken and tok[:1].isupper() and tok.lower() in words.title_words and \
                    tok.lower() not in words.stop and start <= 60 and \
                    not window[:window.rfind(tok)].strip():
                taken.insert(0, tok.lower())  # a title that starts the sentence: "Council member Ruth Adeyemi"
            break
        taken.insert(0, tok)
    if not taken or taken[-1] not in words.title_heads:
        return None
    for size in range(min(len(taken), words.title_max), 0, -1):
        if tuple(taken[-size:]) in words.titles:
            lo = len(taken) - size
            while lo > 0 and (taken[lo - 1] in words.title_modifiers or taken[lo - 1] in words.demonyms
                              or taken[lo - 1] in words.title_words or (acronym and lo == 1)):
                lo -= 1
            return " ".join(taken[lo:])
    return None


_FEMALE_TITLES = frozenset("queen princess duchess countess baroness empress actress dame lady sister "
                           "first lady crown princess".split())
_MALE_TITLES = frozenset("king prince duke earl baron emperor lord sir father brother sultan emir".split())


def _title_gender(words: EntityWords, title: str) -> str | None:
    last = title.split()[-1]
    if last in words.honorifics and words.honorifics[last] != "unknown":
        return words.honorifics[last]
    if title in _FEMALE_TITLES or last in _FEMALE_TITLES or last.endswith("woman"):
        return "female"
    if title in _MALE_TITLES or last in _MALE_TITLES or (last.endswith("man") and last not in ("human",)):
        return "male"
    return None


#: Words that title case leaves in lower case (Chicago/AP headline style).
def _man_title(words: EntityWords, title: str | None) -> bool:
    """The title states a gender only by a "-man" role word ("chairman", "congressman", "spokesman"),
    which news writing also gives to women ("Chairman Joan Whitaker"): weaker than a first name. Not an
    honorific or a title of men only (Mr., king, sir)."""
    if not title:
        return False
    last = title.split()[-1]
    return last.endswith("man") and last not in words.honorifics and last not in _MALE_TITLES and \
        title not in _MALE_TITLES and _title_gender(words, title) == "male"


def _gender_of(ent: _Entity) -> str | None:
    """An entity's gender as known while merging: a first name's over a "-man" title's."""
    if ent.gender_weak and ent.first_name_gender:
        return ent.first_name_gender
    return ent.gender or ent.first_name_gender


_TITLE_CASE_LOWER = frozenset("a an the and but or nor for so yet as at by in of off on per to up via vs vs. with from "
                              "into onto over than".split())


_LOWER_START = re.compile(r"(?<![\w'’-])[a-z][\w'’-]*")
#: A word of _LOWER_START that is not in _TITLE_CASE_LOWER, in one search (a word of the set, whole,
#: is skipped by the look-ahead; "vs." cannot be such a word: it ends at the full stop).
_HEADLINE_WORDS = sorted((re.escape(w) for w in _TITLE_CASE_LOWER if re.fullmatch(r"[\w'’-]+", w)),
                         key=lambda w: (-len(w), w))
_PROSE_WORD = re.compile(rf"(?<![\w'’-])(?!(?:{'|'.join(_HEADLINE_WORDS)})(?![\w'’-]))[a-z]")


#: A results line: two teams' names on the two sides of a score, alone on the line (after a label:
#: "Full-time: Kingsford Rovers 0-3 Harlow Athletic."); sports copy writes it in prose as in headlines.
_TEAM_NAME = r"[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,3}"
_RESULTS_LINE = re.compile(rf"\s*(?:[A-Z][\w'’-]*(?: [\w'’-]+)?: )?{_TEAM_NAME} {_SCORE} {_TEAM_NAME}[.!]?\s*$")

#: A team's line-up: its name, its formation in brackets, a colon and its players' surnames (a surname
#: may have its initial after it, "Doyle C."), separated by semicolons and commas.
_LINE_UP = re.compile(rf"\s*(?P<team>{_TEAM_NAME}) \(\d(?:[-–]\d){{2,4}}\): "
                      r"(?P<players>[A-Z][\w'’-]*(?: [A-Z]\.?)?(?:[;,] (?:[A-Z][\w'’-]*(?: [A-Z]\.?)?))*)\.?\s*$")


def _is_weak(text: str) -> bool:
    """Untrusted capitalisation: all-caps lines (2+ words, 60% in capitals) and title-case lines (4+
    words, every lower-case word one that headline style leaves lower-case, at least 3 capitalised)."""
    if _PROSE_WORD.search(text):
        return False  # a lower-case word headlines keep capitalised: ordinary prose
    if _RESULTS_LINE.match(text) or _LINE_UP.match(text):
        return False  # "Kingsford Rovers 0-3 Harlow Athletic.", "Harlow Athletic (4-3-3): Smith; Jones, ...":
        # a match's result or a team's line-up, names written as names
    alpha = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(alpha) >= 2 and sum(1 for w in alpha if w.isupper() and len(w) > 1) >= 0.6 * len(alpha):
        return True
    if len(alpha) < _TITLE_CASE_MIN:
        return False
    return sum(1 for w in alpha if w.strip(_OPENERS)[:1].isupper()) >= 3


def _weak_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the untrusted lines (:func:`_is_weak`) of a sentence that spans line breaks: an
    all-caps headline joined to the first sentence of the text ("SENATOR JOAN WHITAKER SPEAKS\nSenator
    ...")."""
    out, lo = [], 0
    for line in text.split("\n"):
        if line and _is_weak(line):
            out.append((lo, lo + len(line)))
        lo += len(line) + 1
    return out


def _after_weak_line(lines: Sequence[tuple[int, int]], at: int) -> bool:
    """The line break at ``at`` ends one of the untrusted ``lines`` (:func:`_weak_lines`): the line after
    an all-caps or title-case headline or kicker joined to it ("HOW WE GOT HERE\nCouncillors will
    vote ...") starts a sentence, and its first word is decided as a sentence's first word is."""
    return any(hi == at for _, hi in lines)


def _initial(text: str, start: int) -> bool:
    """The word at ``start`` starts the sentence, a quotation or a clause after a colon or dash."""
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in _OPENERS


# ------------------------------------------------------------------------------------- typing


def _coordinated_with_place(words: EntityWords, text: str, start: int, end: int) -> bool:
    """Is the name at ``text[start:end]`` joined by "and"/"or" to a single word of the gazetteer that is
    no first name ("Jordan and Egypt", "Egypt and Jordan", "Syria or Jordan")? Then a gazetteer name
    there is written as a place, as after "in": "Jordan" is the country, not a Jim Jordan of the
    document. Not "Jordan and Obama", "Jordan and Jackson" (a first name: may be a person)."""
    m = _AND_NEXT.match(text, end)
    b = _AND_BEFORE.search(text, max(0, start - 40), start)
    return any(word is not None and word.lower() in words.places and word not in words.first_names
               for word in (m.group(1) if m else None, b.group(1) if b else None))


def _name_evidence(words: EntityWords, toks: Sequence[str]) -> list[tuple[int, str, str]]:
    """Evidence from the words of a name alone."""
    ev: list[tuple[int, str, str]] = []
    low = [t.lower() for t in toks]
    full = " ".join(low)
    last = low[-1]
    if full in words.places or full.replace(".", "") in words.places or \
            ("&" in toks and full.replace(" & ", " and ") in words.places):  # "Trinidad & Tobago"
        ev.append((2, "place", "gazetteer: place"))
    elif full in words.big_cities:
        ev.append((2, "place", "gazetteer: city"))
    if last in words.legal_suffixes and len(low) > 1:
        ev.append((2, "organization", f"legal suffix: {toks[-1]}"))
    if len(toks) > 2 and toks[1] in _NAME_LINKS and " ".join(toks) not in words.known:
        ev.append((4, "organization", f"organization pattern: {toks[1]}"))  # "Reporters Without Borders"
    if _saint_name(toks):
        # "St. Mary's said ...": a saint's name in the possessive is the short form of an institution named
        # for the saint (a hospital, school or church), never a person
        ev.append((4, "organization", f"{_SAINT_EVIDENCE}{toks[0]} {toks[1]}"))
    pair = " ".join(low[-2:]) if len(low) > 2 else ""  # "Greyford Health System": "health system"
    if last in words.org_words or pair in words.org_words or \
            any(a in words.org_words and b in ("of", "for", "on") for a, b in zip(low, low[1:])):
        word = last if last in words.org_words else pair if pair in words.org_words else \
            next(a for a, b in zip(low, low[1:]) if a in words.org_words and b in ("of", "for", "on"))
        ev.append((3, "organization", f"organization word: {word}"))
    elif len(low) > 1 and any(t in words.org_words for t in low[1:]) and low[0] not in words.place_first:
        word = next(t for t in low[1:] if t in words.org_words)
        ev.append((5, "organization", f"organization word: {word}"))
    if last in words.group_words:
        ev.append((3, "group", f"group word: {toks[-1]}"))
    if full in words.party_names and (len(toks) > 1 or toks[0] not in words.first_names and
                                      toks[0] not in words.surnames):
        ev.append((4, "organization", "party name"))  # "a Liberal Democrat member", "Labour" (not "Green")
    institution = len(low) > 1 and low[0] in words.org_first and full not in words.cities and \
        full not in words.places and full not in words.big_cities  # (not "Royal Oak", a town)
    if institution:
        # "NHS England", "Royal Wessex", "Royal Mail": an institution's first word, no first name there
        ev.append((4, "organization", f"{_INSTITUTION_EVIDENCE}{toks[0]}"))
    if _ampersand_name(words, toks, full):
        # "Carver & Lane", "Marks & Spencer": names joined by "&" are a firm's (before place words and
        # surnames; a place written so, "Trinidad & Tobago", is the gazetteer's)
        ev.append((3, "organization", "organization pattern: &"))
    team = last[-1:] == "s" and len(low) > 1 and _place_team(words, toks)
    if team:
        ev.append((3, "organization", f"team: {toks[-1]}"))  # "Harbor City Hawks", "Lake City Ravens"
    elif len(low) > 1 and (last in words.place_last and pair not in words.org_words or low[0] in words.place_first) \
            and not _saint_name(toks) and \
            not (len(low) == 2 and toks[0] in words.first_names and
                 (last not in words.place_last or toks[-1] in words.surnames)) and \
            not (len(low) == 3 and toks[0] in words.first_names and toks[-1] in words.surnames and
                 _NAME_WORD.match(toks[1]) and low[1] not in words.place_last and low[1] not in words.english and
                 low[1] not in words.places and low[1] not in words.big_cities):
        # "Ross Sea" is a place; "Grace Park" a person (Park is also a surname), and "Marc Lamont Hill" (a
        # middle name that is no English word)
        ev.append((3, "place", f"place word: {toks[-1] if last in words.place_last else toks[0]}"))
    if len(low) > 2 and low[0] in words.place_last and low[1] == "of":
        ev.append((3, "place", f"place word: {toks[0]}"))  # "Bay of Bengal", "Gulf of Mexico"
    if len(low) > 1 and low[-1] in words.places and all(w in _COMPASS for w in low[:-1]):
        ev.append((3, "place", f"place word: {toks[0]}"))  # "Eastern Europe", "Southern California"
    if len(low) > 1 and last in words.village_last and toks[0] not in words.first_names:
        ev.append((3, "place", f"place word: {toks[-1]}"))  # "Kingsbury Vale", "Bognor Regis" (not "Ian Vale")
    if words.place_joins and "-" in toks[-1] and (joint := _place_joint(words, toks[-1])) is not None:
        ev.append((3, "place", f"place word: -{joint}-"))  # "Southend-on-Sea", "Stratford-upon-Avon"
    event = len(low) > 1 and (low[0] in words.event_words or " ".join(low[:2]) in words.event_words)
    if event:
        ev.append((3, "other", f"event word: {toks[0]}"))  # "Hurricane Irma", "Operation Protective Edge"
    elif len(low) > 1 and (last in words.event_last or " ".join(low[-2:]) in words.event_last) and \
            not (len(toks) == 2 and toks[0] in words.first_names and toks[1] in words.surnames):
        # "Earth Day", "World Cup", "Monaco Grand Prix"; not "Doris Day"
        event = True
        ev.append((3, "other", f"event word: {toks[-1]}"))
    known = words.known.get(" ".join(toks))
    if known is not None:
        ev.append((4, known, "known name"))  # (before a first name's: "Morgan Stanley" is the bank)
    elif len(toks) > 2 and (low[0] in words.demonyms or low[0] in words.places) and \
            words.known.get(" ".join(toks[1:])) == "organization":
        # "American Red Cross", "Kenya Red Cross": a known organisation of two words or more named for its
        # country is an organisation (its national branch)
        ev.append((4, "organization", f"known name: {' '.join(toks[1:])}"))
    if len(toks) > 1 and toks[0] in words.first_names and not any(t in words.org_words for t in low) and \
            full not in words.cities and not event and not institution and \
            not _ACRONYM.match(toks[1]) and low[1] not in words.places and \
            not ((low[0] in words.english or low[0] in words.places or low[0] in words.big_cities)
                 and toks[-1] not in words.surnames and (low[-1] in words.english or _plural(toks[-1]))):
        # not a first name that is also a common word or a place before a common word or a plural
        # ("Winter Olympics", "Moon Rocks", "Summer Paralympics", "Paris Climate Accords")
        ev.append((4, "person", f"first name: {toks[0]}"))
    elif 1 < len(toks) <= 3 and _INITIALS.match(toks[0]) and toks[-1][:1].isupper() and \
            not any(t in words.org_words for t in low) and low[0] not in words.places:  # (not "U.S. Space")
        ev.append((4, "person", f"initials: {toks[0]}"))  # "O.J. Simpson", "R Saravanan"
    elif len(toks) == 2 and _GIVEN_NAME.match(toks[1]) and len(toks[0]) <= 5 and \
            (toks[0] in words.surnames or toks[0] in words.first_names):
        ev.append((4, "person", f"hyphenated given name: {toks[1]}"))  # "Park Joo-Ho", "Moon Jae-in"
    town = full in words.cities
    if len(toks) == 1 and _ACRONYM.match(toks[0]):
        ev.append((4, "organization", "acronym"))
    elif len(toks) == 1 and toks[0] in words.first_names:
        ev.append((6, "person", f"first name: {toks[0]}"))
    elif len(toks) == 1 and toks[0] in words.surnames:
        ev.append((6, "person", f"surname: {toks[0]}"))
    elif len(toks) == 1 and toks[0] in _known_surnames():
        # a well-known person's surname: the weakest evidence, but before a town of that name ("Obama")
        ev.append((7, "person", f"surname: {toks[0]}"))
    if town:
        ev.append((7, "place", "gazetteer: town"))
    if len(toks) == 1 and re.match(r"^[A-Za-z]+[a-z][A-Z]", toks[0]):
        # "PacifiCorp", "BlackRock": a capital after three lower-case letters or more is a brand's, as
        # strong as a speech cue and before it ("PacifiCorp said"); "McAllen", "DeSantis", "MacArthur",
        # "FitzGerald" are names
        camel = _CAMEL_CASE.match(toks[0]) is not None and not toks[0].startswith("Fitz")
        ev.append((_SPEECH_RANK if camel else 7, "organization", "inner capital"))
    return ev


def _place_joint(words: EntityWords, token: str) -> str | None:
    """The lower-case word of ``place_joining_words`` that joins two capitalised parts of a hyphenated
    ``token`` ("Southend-on-Sea": "on"; "Stratford-upon-Avon": "upon"), else None ("Okonkwo-Reid",
    "Saint-Denis")."""
    parts = token.split("-")
    if len(parts) < 3 or not parts[0][:1].isupper() or not parts[-1][:1].isupper():
        return None
    return next((p for p in parts[1:-1] if p in words.place_joins), None)


def _ampersand_name(words: EntityWords, toks: Sequence[str], full: str) -> bool:
    """The name joins two name words with "&", as a firm is named after its founders ("Carver & Lane",
    "Marks & Spencer", "Procter & Gamble"): each a surname or first name of the lists or no English word,
    one of them of the lists (not "Social Science & Medicine", a journal's common words, nor two unknown
    words, "Miharris & Acphillips", a credit's two users); and no place of the gazetteer with "and" for
    "&" ("Trinidad & Tobago") nor a well-known name (which has its type)."""
    return "&" in toks and any(t == "&" and _joined_names(words, toks[i - 1], toks[i + 1])
                               for i, t in enumerate(toks[1:-1], 1)) and \
        full.replace(" & ", " and ") not in words.places and " ".join(toks) not in words.known


def _joined_names(words: EntityWords, left: str, right: str) -> bool:
    """``left`` and ``right`` are capitalised, each a name of the lists or no English word, and one of
    them a name of the lists (:func:`_ampersand_name`)."""
    listed = [w[:1].isupper() and (w in words.surnames or w in words.first_names) for w in (left, right)]
    return any(listed) and all(ok or (w[:1].isupper() and w.lower() not in words.english)
                               for ok, w in zip(listed, (left, right)))


@functools.lru_cache(maxsize=1)
def _known_surnames() -> frozenset[str]:
    """The surnames of the well-known people of Pattern's entity list (``known``: "Barack Obama" ->
    "Obama"), the last of two or more name words, where the surname is no English word and no country, state or
    big city nor a word of a well-known organisation's name: written alone it is the person's surname, as news writes a person after the first mention
    (a town of that name, "Obama" in Japan, ranks below it)."""
    words = _default_words()
    out = set()
    # (not a word of a well-known organisation's or place's name: "Disney", "Berkshire Hathaway")
    others = {w for name, etype in words.known.items() if etype != "person" for w in name.split()}
    for name, etype in words.known.items():
        parts = name.split()
        last = parts[-1]
        if etype == "person" and len(parts) > 1 and _NAME_WORD.match(parts[0]) and _NAME_WORD.match(last) and \
                last.lower() not in words.english and last.lower() not in words.places and \
                last.lower() not in words.big_cities and last not in words.first_names and last not in others:
            out.add(last)
    return frozenset(out)


def _listed_after_name(text: str, start: int) -> bool:
    """The name at ``start`` follows another name and "and"/"or" ("Malaysia and Indonesia have ..."): one
    of a list, not the one subject of the verb after it (not "... in August and South Korea says")."""
    for joint in (" and ", " or "):
        if text.endswith(joint, 0, start):
            before = text[:start - len(joint)].rstrip(",")
            word = before[before.rfind(" ") + 1:]
            return word[:1].isupper() and word.lower().rstrip(".") not in _default_words().stop  # (not "in August")
    return False


def _is_place(words: EntityWords, name: str) -> bool:
    """A gazetteer place, with or without a closing full stop ("Indonesia." ends a sentence; "D.C." stays),
    or an AP abbreviation of a US state ("Ore.")."""
    low = name.lower()
    return low in words.places or (low.endswith(".") and low[:-1] in words.places) or \
        low in words.state_abbreviations or low + "." in words.state_abbreviations


def _apposition_kind(words: EntityWords, lows: Sequence[str]) -> tuple[str, str] | None:
    """(type, noun) of an apposition's head noun ("a small town in" -> place, "town"): the first word,
    among at most five, that is an organisation or place noun and ends the noun phrase (last, or before a
    preposition or relative word); None when a role title comes first (a person's apposition)."""
    for i, w in enumerate(lows[:5]):
        if i + 1 < len(lows) and lows[i + 1] not in _PHRASE_END:
            continue
        if w in words.title_heads and w not in words.ambiguous_titles:
            return None
        if w in words.org_nouns:
            return "organization", w
        if w in words.place_nouns:
            return "place", w
        return None
    return None


def _context_evidence(words: EntityWords, text: str, start: int, end: int, toks: Sequence[str], *,
                      spot: tuple[int, str | None] | None = None) -> list[tuple[int, str, str]]:
    """Evidence from the words around a name in its sentence. A single word that speaks ("Okafor
    said") is a person when it is a known surname or first name, a word no English corpus writes in
    lower case, or followed by he/she; else an organisation ("Oracle said"); a short form of a person
    is merged before its own evidence counts. ``spot``: :func:`_word_before` of ``start`` when known."""
    ev: list[tuple[int, str, str]] = []
    # the word before the name (where a space and a lower-case letter precede it), read once: the cues
    # before a name that end in such a word are decided by it, the others (a line break, a quotation
    # mark before the name ...) by the suffix tests
    at, before = spot if spot is not None else _word_before(text, start)
    # the cues after a name (_STATEMENT, the person cues, _PERSON_AFTER, _ORG_AFTER, _PLACE_AFTER) start
    # with a possessive, a comma or a space: after a full stop, a bracket ... none can match
    nxt = text[end:end + 1]
    # which of them can match: one look at the word they start with (_after_cues)
    cues = _after_cues(text, end) if nxt != "" and (nxt in ",'’" or nxt.isspace()) else 0
    # a side of a score, or a team's word or goal after the name (the team cues below): "Harlow 2-1", "Millbrook
    # manager", "Millbrook led through"
    team_side = text[end + 1:end + 2] in _SCORE_NEXT or text[start - 2:start - 1] in _DIGITS or \
        text[start - 3:start - 1] in _JOIN_ENDS
    team_word = _team_word_after(words, text, end) if nxt == " " else None
    team_through = nxt == " " and text.startswith(_TEAM_THROUGH_STARTS, end)
    if not cues and not team_side and team_word is None and not team_through and \
            not (start > 2 and text[start - 2] == ",") and \
            (before == "" or (before is None and (start == 0 or not text[start - 1].isspace())) or
             (before and before.isalpha() and before.isascii() and
              (cue_words := _words_before_cues(words.org_nouns, words.kin_nouns)) is not None and before.lower() not in cue_words)):
        # no cue after the name, no comma before it, and no cue before it can end in the word before it
        # (or no space precedes it): no rule below can find anything (most names: "in 2019 Nimbusly
        # opened", "(Nimbusly)")
        return ev
    listed, name_word, unknown = _speaker_words(tuple(toks))
    if cues & _AFTER_STATEMENT and _STATEMENT.match(text, end):
        # "Orchard Mobile said in a statement": an organisation; but a single word of the name lists
        # ("Mallory said in a statement") is a person as much as a company: it speaks, as in "X said"
        ev.append((5, "person", "said-cue") if listed else (5, "organization", "statement-cue"))
    elif ((cues & _AFTER_PERSON_CUE and (cue := _person_cue().match(text, end))) or
          (cues & _AFTER_WHEN and text.startswith(_WHEN_STARTS, end) and
           (cue := _person_cue_when().match(text, end)))) and \
            _GOVERNED.search(text, max(0, start - 16), start) is None and not _product_recall(text, cue):
        # (the time adverbial, "Obama on Monday said", tried only where the text after the name starts like one)
        if cue.group("verb") is not None and (len(toks) > 1 or listed):
            ev.append((5, "person", f"person verb: {cue.group('verb')}"))  # "Ilyin testified", "Orchard Mobile died"
        elif listed:
            ev.append((5, "person", "said-cue"))  # a known name that speaks: "Okafor said"
        elif len(toks) > 1:
            ev.append((_SPEECH_RANK, "person", "said-cue"))  # organisations say things too: the weakest cue
        elif _SAID_PRONOUN.match(text, cue.end()):
            ev.append((5, "person", "said-cue: he/she"))  # "Jafari said she felt": an organisation is "it"
        elif unknown:
            ev.append((6, "person", "said-cue"))  # "Adeyemi said": a word no English corpus writes in lower case
        else:
            ev.append((6, "organization", "said-cue"))  # "Oracle said": a common word, an acronym, "eBay"
    elif start > 6 and ((before in _SAID_VERB_SET or (not before.isalpha() and before.endswith(_SAID_VERBS)))
                        if before is not None else
                        (text.endswith(_SAID_VERBS, 0, start - 1) or
                         (text[start - 1] == "\n" and text.endswith(_SAID_VERBS, 0, start - 2)))) and \
            (m := _SAID_BEFORE.search(text, max(0, start - 24), start)) and (len(toks) > 1 or listed or unknown):
        # '"We will appeal," said Mauer': the speaker after the verb, as after "said"
        ev.append((5 if listed else _SPEECH_RANK, "person", f"said-cue: {m.group(1).lower()} X"))
    if team_side and (score := _team_score(text, start, end)) is not None:
        # "Harlow lost 1-0 at Millbrook", "Harlow 2-1 Millbrook", "lost 1-2 to Kingsford": a side of a score
        # is a team, and its verb a match's, no person's ("lost")
        ev = [e for e in ev if e[1] != "person"]
        ev.append((5, "organization", f"club: {score}"))
    if team_word is not None:
        ev.append((5, "organization", f"team word: {team_word}"))  # "Millbrook manager Rachel Okafor"
    elif team_through and (m := _TEAM_THROUGH.match(text, end)) and \
            m.group("word").lower() in words.club_context:
        # "Millbrook led through a penalty from Aaron Fitch": a team leads through a player's goal
        ev.append((5, "organization", f"club: {m.group('verb')} through"))
    speaks_like_a_name = len(toks) > 1 or listed or unknown
    if not speaks_like_a_name and name_word and cues & _AFTER_PERSON and _PERSON_AFTER.match(text, end):
        speaks_like_a_name = True  # "the Trump administration": a common word as a name
    if speaks_like_a_name and start > 4 and \
            ((before == "by" and at >= 0) if before is not None else _ends_before(text, start, " by ")) and \
            (m := _BY_AUTHOR.search(text, max(0, start - 32), start)):
        ev.append((5, "person", f"person cue: {m.group(1).lower()} by"))  # "a paper by AS Heagle"
    if speaks_like_a_name and cues & _AFTER_PERSON and (m := _PERSON_AFTER.match(text, end)):
        ev.append((5, "person", f"person cue: {m.group(1)}"))  # "a Trump administration plan"
    if cues & (_AFTER_POSS_PERSON | _AFTER_POSS_PLACE) and nxt in ("'", "’"):
        if cues & _AFTER_POSS_PERSON and (m := _POSS_PERSON.match(text, end)):
            ev.append((5, "person", f"possessive: {m.group(1).lower()}"))
        elif cues & _AFTER_POSS_PLACE and (m := _POSS_PLACE.match(text, end)):
            ev.append((5, "place", f"possessive: {m.group(1).lower()}"))
    if cues & _AFTER_APPOSITION_NOUN and nxt == "," and (m := _APPOSITION_NOUN.match(text, end)):
        kind = _apposition_kind(words, m.group(1).split())
        if kind is not None:
            ev.append((5, kind[0], f"apposition: {kind[1]}"))  # "Vox, a news website,", "Aceh, a province of"
    if start > 3 and before and (before in words.org_nouns if before.isalpha() else
                                             text.endswith(_space_after(words.org_nouns), 0, start)):
        m = _NOUN_BEFORE.search(text, max(0, start - 30), start)
        if m and m.group(1) in words.org_nouns:
            ev.append((5, "organization", f"organization noun: {m.group(1)}"))  # "the oil giant Exxon"
    if nxt == "," and cues & (_AFTER_WHO | _AFTER_AGE | _AFTER_APPOSITION):
        if speaks_like_a_name and cues & _AFTER_WHO and _WHO.match(text, end):
            ev.append((5, "person", "who"))  # "Mauer, who ..."; an organisation is "which"
        if cues & _AFTER_AGE and _AGE.match(text, end):
            ev.append((5, "person", "age"))
        m = _APPOSITION.match(text, end) if cues & _AFTER_APPOSITION else None
        if cues & _AFTER_APPOSITION and (aged := _AGE_APPOSITION.match(text, end)) and \
                _person_noun(aged.group(1).split()[-1], words):
            ev.append((5, "person", "age"))  # not "Grafton, a 90-year-old bridge,"
        if m:
            last = m.group(1).split()[-1]
            if last in words.title_heads and last not in words.ambiguous_titles:
                ev.append((5, "person", f"apposition: {last}"))
    if start > 2 and text[start - 2] == ",":
        m = _APPOSITION_BEFORE.search(text, max(0, start - 70), start)
        if m:
            head = m.group(1).lower()
            if head in words.title_heads and head not in words.ambiguous_titles:
                ev.append((5, "person", f"apposition: {head}"))  # "the team's coach, Alireza Mehraban"
    m = _ORG_AFTER.match(text, end) if cues & _AFTER_ORG else None
    if m:
        ev.append((5, "organization", f"organization cue: {m.group(1).lower()}"))
    m = _PLACE_AFTER.match(text, end) if cues & _AFTER_PLACE else None
    if m:
        ev.append((5, "place", f"place cue: {m.group(1).lower()}"))
    elif nxt not in ("'", "’") and ((at >= 0 and before in _PLACE_PREPOSITION_WORDS) if before is not None else
                                    text.endswith(_PLACE_PREPOSITIONS, 0, start)) and \
            not (len(toks) == 1 and toks[0].lower() in words.english and
                 toks[0].endswith("s") and not toks[0].endswith(("ss", "us", "is"))):
        # not a plural common noun or a field written capitalised ("in Linguistics", "learning in Ants")
        ev.append((5, "place", f"place cue: {text[text.rfind(' ', 0, start - 1) + 1:start - 1]}"))
    elif ((before == "of" and at >= 0) or (before == "the" and text.endswith(" of the ", 0, start))
          if before is not None else _ends_before(text, start, (" of ", " of the "))) and \
            (m := _OF_PLACE.search(text, max(0, start - 20), start)):
        ev.append((5, "place", f"place cue: {m.group(1).lower()} of"))
    if before == "from" and at >= 0 and text.endswith(", from ", 0, start) and \
            _HOMETOWN.search(text, max(0, start - 40), start) and _HOMETOWN_END.match(text, end):
        # "Laura Pryce, from Kingsbury Vale, said", "Jamie Holt, from Little Denford near Winchester,":
        # after a name (or its age) and a comma, where the person comes from: a place
        ev.append((5, "place", "place cue: hometown"))
    elif before in words.kin_nouns and at >= 0 and (m := _KIN_BEFORE.search(text, max(0, start - 30), start)):
        ev.append((5, "person", f"kin: {m.group(1)}"))  # "whose wife Abena spent 30 hours in labour"
    elif before == "for" and at >= 0 and words.seat_titles and \
            (m := _TITLE_FOR.search(text, max(0, start - 30), start)) and m.group(1).lower() in words.seat_titles:
        # "the MP for Winchester", "the senior coroner for Wessex": the area a seat or office is for
        ev.append((5, "place", f"place cue: {m.group(1).lower()} for"))
    if start > 3 and before and _may_follow_org_cue(text, start, word_at=(at, before)):
        m = _org_cue_pattern().search(text, max(0, start - 45), start)
        if m:
            ev.append((5, "organization", f"organization cue: {m.group('cue').lower()}"))
    if team_word is not None:
        # "a point in Millbrook derby": the preposition governs the team's word, not the name
        ev = [e for e in ev if e[2] not in _WEAK_PLACE]
    return ev


#: A team that leads or draws level through a goal ("Millbrook led through a penalty from Aaron Fitch"):
#: the verb, and the word after "through a" that :data:`club_context_words` must hold.
_TEAM_THROUGH = re.compile(r" (?P<verb>led|trailed|went ahead|went in front|equalised|equalized|levelled|leveled)"
                           r" through (?:an? |the |their |its )?(?:[\w'’-]+ )?(?P<word>[\w'’-]+)")
_TEAM_THROUGH_STARTS = (" led ", " trailed ", " went ", " equalis", " equaliz", " levelled ", " leveled ")
_WORD_AFTER = re.compile(r" ([a-z][a-z-]*)(?![\w'’-])")


def _team_word_after(words: EntityWords, text: str, end: int) -> str | None:
    """The word of ``team_words`` written right after a name ending at ``end`` ("Millbrook manager",
    "Millbrook derby"), else None."""
    if not words.team_words or not text[end + 1:end + 2].islower():
        return None
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m and m.group(1) in words.team_words else None


#: What follows "recall(s/ed)" as a verb of speech or memory: a clause, a quotation, a pause ("Okafor
#: recalled that ...", "recalls, ...", "recalled how"); anything else is its object, a product recalled
#: ("Northfield Dairy recalls cheese", "recalled 180,000 packages"), which a company does.
_RECALL_SPEECH = re.compile(r"\s*(?:[,.;:!?\"“”‘’'(—–-]|$|(?:that|how|when|what|why|where|being|having|in|on|to|with|"
                            r"his|her|their|he|she|they)\b)")


def _product_recall(text: str, cue: re.Match[str]) -> bool:
    """The cue ``cue`` (of :func:`_person_cue`) is "recall" with an object: a product recall, no speech."""
    verb = cue.group("speech") or cue.group("verb") or ""
    return verb[:6].lower() == "recall" and _RECALL_SPEECH.match(text, cue.end()) is None


@functools.lru_cache(maxsize=1 << 16)
def _speaker_words(toks: tuple[str, ...]) -> tuple[bool, bool, bool]:
    """What :func:`_context_evidence` asks of a single word (cached: names repeat; all False for a
    name of several words): it is in the name lists; it is written as a person's name is
    (:data:`_NAME_WORD`: "Adeyemi", "eBay" is not); both that and no English corpus writes it in lower
    case."""
    if len(toks) != 1:
        return False, False, False
    words = _default_words()
    word = toks[0]
    name_word = _NAME_WORD.match(word) is not None
    return word in words.surnames or word in words.first_names, name_word, name_word and word.lower() not in words.english


@functools.lru_cache(maxsize=1)
def _org_cue_ends() -> frozenset[str] | None:
    """The last words of the organisation cues, lower-case (None when a cue is a single word)."""
    cues = _default_words().org_cues
    if not all(" " in c for c in cues):
        return None
    return frozenset(c.rsplit(" ", 1)[1].lower() for c in cues)


def _may_follow_org_cue(text: str, start: int, *, word_at: tuple[int, str] | None = None) -> bool:
    """A quick necessary condition for :func:`_org_cue_pattern` to match right before ``start`` (a cue,
    then "the " or not, ends there): the word before (or before "the") is the last word of a cue.
    Words that are not ASCII always go to the pattern (its case-insensitive matching is Unicode's).
    ``word_at``: :func:`_word_before` of ``start`` when known."""
    ends = _org_cue_ends()
    if ends is None:
        return True
    if word_at is None:
        j = start - 1
        i = text.rfind(" ", 0, j) + 1
        word = text[i:j]
    else:
        i, word = word_at[0] + 1, word_at[1]
    if not word.isascii() or word.lower() in ends:
        return True
    if word.lower() != "the" or i < 2:
        return False
    before = text[text.rfind(" ", 0, i - 1) + 1:i - 1]
    return not before.isascii() or before.lower() in ends


def _word_before(text: str, start: int) -> tuple[int, str | None]:
    """(where the space before it is, -1 for none; the word) right before a name at ``start``, where a
    space precedes the name and a lower-case letter ends the word before it ("the oil giant Exxon":
    "giant"; the word runs from that space, or the text's start); "" where a space precedes the name
    but no lower-case letter comes before it (", Exxon", "US Exxon": no cue of the form "<lower-case
    word> " ends there); else None (the start of the text, a line break, a quotation mark before the
    name: the cues are tested as written). Read once for the rules that look at that word."""
    if start > 2 and text[start - 1] == " ":
        if text[start - 2].islower():
            at = text.rfind(" ", 0, start - 1)
            return at, text[at + 1:start - 1]
        return -1, ""
    return -1, None


@functools.lru_cache(maxsize=8)
def _words_before_cues(org_nouns: frozenset[str], kin_nouns: frozenset[str]) -> frozenset[str] | None:
    """Every word, lower-case, that a cue written before a name can end in where a space separates
    them (:func:`_context_evidence`: a speech verb, "by", an organisation noun of ``org_nouns``, a
    preposition of place, "of", "the", "from", "for", a kin noun of ``kin_nouns``, the last word of an organisation cue);
    None when an organisation cue is a single word (:func:`_org_cue_ends`: every word may then end one)."""
    ends = _org_cue_ends()
    if ends is None:
        return None
    return frozenset((*_SAID_VERBS, "by", "of", "the", "from", "for", *kin_nouns, *org_nouns,
                      *_PLACE_PREPOSITION_WORDS, *ends))


def _ends_before(text: str, at: int, suffixes: str | tuple[str, ...]) -> bool:
    """``text[:at]`` ends with one of ``suffixes``, or does so before a final line break: a necessary
    condition for a pattern ending in the suffix and ``$`` (which also matches before a final "\\n") to
    match in ``text[..:at]``, so that its search is skipped where it cannot match."""
    return text.endswith(suffixes, 0, at) or (at > 0 and text[at - 1] == "\n" and text.endswith(suffixes, 0, at - 1))


@functools.lru_cache(maxsize=8)
def _space_after(nouns: frozenset[str]) -> tuple[str, ...]:
    """Each noun with a space after it (the suffixes :data:`_NOUN_BEFORE` can match with a noun of ``nouns``)."""
    return tuple(n + " " for n in nouns)


@functools.lru_cache(maxsize=1)
def _org_cue_pattern() -> re.Pattern[str]:
    listed = _default_words().org_cues
    # (a tree of the letters where every cue is written in lower-case ASCII: matched ignoring case, two
    # cues that start with different letters never match at one place)
    cues = _alternation(listed) if all(c.isascii() and c == c.lower() for c in listed) else \
        "|".join(map(re.escape, listed))
    return re.compile(rf"(?<![\w-])(?P<cue>{cues}) (?:the )?$", re.IGNORECASE)


_RANK = operator.itemgetter(0)


def _decide(evidence: Iterable[tuple[int, str, str]]) -> tuple[str, str]:
    """(type, label) of the first best-ranked evidence, or ("other", "none")."""
    best = min(evidence, key=_RANK, default=None)  # min keeps the first of equal ranks
    return (best[1], best[2]) if best else ("other", "none")


# ------------------------------------------------------------------------------------ one document


@dataclass(frozen=True)
class _Overlay:
    alias_actor: dict[str, int]
    actor_ids: list[str]
    types: list[str]
    genders: list[object]
    #: per actor, the words of its name and aliases (full stops dropped): what a first name must be
    name_words: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def build(cls, lexicon) -> _Overlay:
        index = {a: k for k, a in enumerate(lexicon.actors["actor_id"])}
        alias_actor = {term: index[a] for term, a, kind in zip(lexicon.aliases["term"], lexicon.aliases["actor_id"],
                                                                lexicon.aliases["kind"]) if kind == "alias"}
        name_words: list[set[str]] = [set(str(n).replace(".", "").split()) for n in lexicon.actors["name"]]
        for term, k in alias_actor.items():
            name_words[k].update(term.replace(".", "").split())
        return cls(alias_actor=alias_actor, actor_ids=list(lexicon.actors["actor_id"]),
                   types=list(lexicon.actors["type"]), genders=list(lexicon.actors["gender"]),
                   name_words=[frozenset(w) for w in name_words])


_AGREES = {"person": ("person", "other"), "country": ("place", "other"), "place": ("place", "other"),
           "organization": ("organization", "other"),
           "group": ("group", "other"), "other": ENTITY_TYPES}
#: The entity type of a lexicon actor's type (a country is a place).
LEXICON_ENTITY_TYPES = {"person": "person", "country": "place", "place": "place", "organization": "organization",
                        "group": "group"}


@dataclass(frozen=True)
class _Capitals:
    """Corpus-level capitalisation statistics: words capitalised away from a sentence start, and words
    written in lower case, anywhere in the documents of one call."""

    midcaps: frozenset[str]
    lower: frozenset[str]


#: A maximal run of letters and digits (``str.isalnum`` characters: word characters but the underscore).
_ALNUM_RUN = re.compile(r"[^\W_]+")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?![\w'’-])")


def _capitals(doc_texts: Iterable[Sequence[str]]) -> _Capitals:
    midcaps: set[str] = set()
    lower: set[str] = set()
    for texts in doc_texts:
        for text in texts:
            lower.update(_LOWER_WORD.findall(text))
            if _is_weak(text):
                continue
            lines = _weak_lines(text) if "\n" in text else ()
            for base, run in _runs(text):
                if lines and any(lo <= base < hi for lo, hi in lines):
                    continue
                for piece in _run_pieces(run):
                    initial = _initial(text, base + piece[0][0]) or (
                        bool(lines) and _after_weak_line(lines, text.rfind("\n", 0, base + piece[0][0] + 1)))
                    midcaps.update(t[2] for t in (piece[1:] if initial else piece))
    return _Capitals(frozenset(midcaps), frozenset(lower))


_READING_ORDER = operator.attrgetter("k", "start")
#: Documents longer than this (characters) answer "written in lower case?" from a set of their words
#: rather than by scanning the text per word (the same answers; the set costs more on short documents).
_SCAN_LIMIT = 20_000


#: An amount right after a currency word ("Rs 1,200", "Rs.500" glued into one word: "rs.500").
_AMOUNT_AFTER = re.compile(r"\.? ?\d")
_GLUED_AMOUNT = re.compile(r"([a-z]+\.?)\d[\d.,]*")


def _currency_word(words: EntityWords, low: str, text: str, end: int) -> bool:
    """The word ``low`` (lower case, ending at ``end`` of ``text``) is a currency written before an amount:
    a code of ``currency_codes`` before a number ("Rs 1,920 crore", "INR 500") or with it in one word
    ("Rs.500"), or a dollar's letters of ``dollar_prefixes`` right before a currency symbol and a number
    ("A$1.2 billion", "US$5m")."""
    if low in words.currency_codes:
        return _AMOUNT_AFTER.match(text, end) is not None
    if low in words.dollar_prefixes:
        return text[end:end + 1] in words.currency_symbols and _AMOUNT_AFTER.match(text, end + 1) is not None
    glued = _GLUED_AMOUNT.fullmatch(low)
    return glued is not None and glued.group(1) in words.currency_codes


def _without_currency(words: EntityWords, text: str, base: int, piece: Sequence[tuple[int, int, str]]
                      ) -> Sequence[tuple[int, int, str]] | None:
    """``piece`` (a run piece at ``base`` of ``text``) without the currencies written at its ends before an
    amount ("Punjab National Bank Rs 1,920 crore" -> Punjab National Bank; "Rs 6,300 crore" -> nothing;
    "$A1.2 billion", "$A310 million", "A$1.2 billion" -> nothing: a word with a digit, or a dollar's
    letters, right after a currency symbol is part of the amount), None when it has none (so that most
    pieces cost two look-ups). "A380" with no symbol before it stays a name (an aircraft)."""
    lo, hi = 0, len(piece)
    start = base + piece[0][0]
    if start and text[start - 1] in words.currency_symbols:
        tok = piece[0][2]
        if any(c.isdigit() for c in tok) or \
                (tok.lower() in words.dollar_prefixes and _AMOUNT_AFTER.match(text, base + piece[0][1])):
            lo = 1
    if hi > lo and _currency_word(words, piece[-1][2].lower(), text, base + piece[-1][1]):
        hi -= 1
        while hi > lo and piece[hi - 1][2] in _CONNECTORS:
            hi -= 1  # ("Bank of Rs 500": no "Bank of")
    if lo == 0 and hi == len(piece):
        return None
    return piece[lo:hi]


def _find_candidates(texts: Sequence[str], words: EntityWords, known: Mapping[str, Any] | None = None,
                     capitals: _Capitals | None = None) -> tuple[list[_Cand], list[int], Any]:
    """All names in a document's sentences (strong ones, and weak ones from untrusted lines), the
    untrusted lines, and a function telling whether a word is written in lower case in the document
    (in the corpus, with corpus-level ``capitals``)."""
    joined = "\n".join(texts)
    lower_seen: dict[str, bool] = {}
    runs: list[set[str]] = []  # the document's maximal letter/digit runs, made on first use

    def written_lower(word: str) -> bool:
        """``word`` occurs in lower case in the document (as a whole word)."""
        if capitals is not None:
            return word in capitals.lower
        if word not in lower_seen:
            if word.isalnum() and len(joined) > _SCAN_LIMIT:
                # a word of letters and digits stands alone exactly where it is a maximal run of them: one
                # set of the document's runs (made on first use) answers in O(1), not a scan of the
                # document per word (quadratic on one long document; on an article of ordinary length
                # the scans cost less than making the set)
                if not runs:
                    runs.append(set(_ALNUM_RUN.findall(joined)))
                lower_seen[word] = word in runs[0]
                return lower_seen[word]
            pos, found = joined.find(word), False
            while pos >= 0 and not found:
                end = pos + len(word)
                found = (pos == 0 or not joined[pos - 1].isalnum()) and \
                    (end >= len(joined) or not joined[end].isalnum())
                pos = joined.find(word, pos + 1)
            lower_seen[word] = found
        return lower_seen[word]
    deferred: list[tuple[int, Sequence[tuple[int, int, str]], int]] = []  # sentence-initial: need all midcaps
    midcaps: set[str] = set()
    alone: set[str] = set()  # words capitalised as a name of their own away from a sentence's start
    weak_sentences = []
    cands: list[_Cand] = []
    # the runs of the whole document in one scan of ``joined`` (no run spans the line break between two
    # sentences, and a line break before a run counts as the start of the text does: the same runs as a
    # scan per sentence), each in its sentence ``k`` at offset ``base``; untrusted lines are skipped
    ends = []  # the offset in ``joined`` where each sentence ends
    skip = []
    at = -1
    weak_lines: dict[int, list[tuple[int, int]]] = {}  # untrusted lines inside a sentence of prose
    for k, text in enumerate(texts):
        at += len(text) + 1
        ends.append(at)
        weak = bool(text) and _PROSE_WORD.search(text) is None and _is_weak(text)  # (prose: one search, no call)
        skip.append(weak or not text)
        if weak:
            weak_sentences.append((k, 0, len(text)))
        elif "\n" in text and (lines := _weak_lines(text)):
            weak_lines[k] = lines
            weak_sentences.extend((k, lo, hi) for lo, hi in lines)
    k, offset, text = -1, 0, ""
    currency = bool(words.currency_codes or words.dollar_prefixes)
    for at, run in _runs(joined):
        if k < 0 or at > ends[k]:
            k = bisect_left(ends, at)
            text = texts[k]
            offset = ends[k] - len(text)
        if skip[k]:
            continue
        base = at - offset
        if weak_lines and k in weak_lines and any(lo <= base < hi for lo, hi in weak_lines[k]):
            continue
        for piece, toks, facts in _run_parts(run):
            if currency and (kept := _without_currency(words, text, base, piece)) is not None:
                if not kept:
                    continue  # "Rs 6,300 crore", "$A310 million": an amount, no name
                piece, toks, facts = kept, tuple([t[2] for t in kept]), None
            # _initial(text, base + piece[0][0]), inlined
            j = base + piece[0][0] - 1
            while j >= 0 and text[j] == " ":
                j -= 1
            if j < 0 or text[j] in _OPENERS or (text[j] == "\n" and k in weak_lines and
                                                _after_weak_line(weak_lines[k], j)):
                midcaps.update(toks[1:])
                deferred.append((k, piece, base))
                continue
            if len(toks) > 1 and toks[0] in _MONTH_WORDS and toks[0].lower() in _first_name_months() and \
                    _month_as_date(text, base + piece[0][0]):
                piece, toks, facts = piece[1:], toks[1:], None  # "in June Pickett said": the month, then Pickett
            midcaps.update(toks)
            if len(toks) == 1:
                alone.add(toks[0])
            cand = _make_candidate(words, text, k, piece, base, cands, facts=facts)
            if cand is not None:
                cands.append(cand)
    for k, piece, base in deferred:
        text = texts[k]
        first = piece[0][2]
        low = first.lower()
        end = base + piece[-1][1]
        keep = (first in midcaps or (capitals is not None and first in capitals.midcaps)
                or low in words.places or _ACRONYM.match(first) or low in words.honorifics
                or (known is not None and first in known)
                or (first in words.known and len(piece) == 1 and low not in words.english)
                or (low,) in words.titles or (low in words.title_modifiers and len(piece) > 1)
                or (len(piece) > 1 and not written_lower(low)) or first in words.first_names and len(piece) > 1
                or (len(piece) > 2 and (piece[1][2] in _NAME_LINKS or " ".join([t[2] for t in piece]) in words.known))
                or first in words.first_names and text[end:end + 5] == " and "
                or (len(piece) == 1 and first in words.surnames and not written_lower(low)
                    and _person_cue().match(text, end) is not None)
                or (len(piece) == 1 and _AGE.match(text, end) is not None)
                or (low in _ROAD_WORDS and _LOCAL_NUMBER.match(text, end) is not None)
                or (low not in words.english and _NAME_WORD.match(first) is not None and not written_lower(low)))
        if len(piece) == 1 and text[end:end + 2] in ("'s", "’s") and not written_lower(low):
            keep = True  # "Whitcombe's campaign manager, ..." starts a sentence
        if len(piece) == 1 and _plural(first) and low not in words.group_words and low not in words.places and \
                first not in words.known:
            keep = False  # "Workers at the plant said": a common plural noun, even if a name contains it
        opening = False
        if keep and len(piece) == 1 and first not in alone and text[end:end + 2] not in ("'s", "’s") and \
                (known is None or first not in known) and _common_opener(words, first, low, written_lower):
            # "Nurses warn ...", "Ambulances were diverted", "Hospital officials said": a common noun that a
            # name of the document holds ("Northfield Nurses Association") is no name alone; an organisation
            # head word may still be the one organisation of the document it stands for ("Police said" after
            # "Westbrook Police", a headline's "Council" before "Ashbury Borough Council";
            # :func:`_document_entities` decides)
            opening = keep = low in words.org_words
        elif keep and len(piece) == 1 and first not in alone and low in words.english and low[-1:] != "s" and \
                first not in words.first_names and _person_cue().match(text, end) is None and \
                text[end:end + 2] not in ("'s", "’s") and (known is None or first not in known) and \
                _only_last_word(words, first, [c.words for c in cands] +
                                [tuple(t[2] for t in p) for _, p, _ in deferred if len(p) > 1], written_lower):
            # "Power poles and trees are still coming down." beside Pacific Ridge Power: a common word
            # opening a sentence or a quotation, capitalised elsewhere only as the last word of longer
            # names (no person's: "Samantha Power"; nor one whose other words are common words here, so
            # that the last word is the name proper: "Discovery" of "Space Shuttle Discovery" beside
            # "the space shuttle"), is the word, no short form of them (a plural still is: a headline's
            # "Hawks" of the Bay City Hawks)
            keep = False
        if not keep and len(piece) > 2 and low not in words.function_words and _opens_title_before_name(words, piece):
            keep = True  # "Data Protection Commissioner Dr. Helen Osei said": the word opens the title
        rank = None
        if low in words.ambiguous_titles and not _opens_title_before_name(words, piece) and \
                " ".join([t[2] for t in piece]) not in words.known and \
                not _looks_personal(words, [t[2].lower() for t in piece[_longer_title(words, piece):]]):
            # "Major US banks", "General Electric" starts a sentence: no title, and no name but an organisation's
            keep = len(piece) > 1 and any(t[2].lower() in words.org_words for t in piece[1:])
            rank = _surname_rank(words, low, [t[2] for t in piece[1:]])
            if not keep and rank is None and low not in words.title_modifiers and \
                    _named_thing(words, piece[1][2] if len(piece) == 2 else "") and _person_cue().match(text, end) is None \
                    and _only_after(joined, first, piece[1][2]):
                keep = True  # "Agent Orange was sprayed ...": one name, not the person "Orange" by the lists
        if keep and len(piece) > 1 and low in words.function_words and first not in midcaps and \
                first not in words.first_names and (known is None or first not in known):
            keep = False  # "Currently Shalev", "Yesterday Obama": an adverb, verb or pronoun starts no name
        if keep and low in _first_name_modals() and first not in midcaps:
            keep = False  # "Will Washington become ...?": a modal opens a question; "Will Harris" mid-sentence is a name
        if keep and len(piece) == 1 and _opens_title(words, text, end, low):
            keep = False  # "Harbour master Ann Keel": the first word of a title written before the name
        if not keep and len(piece) > 1 and _whole_place(words, piece):
            keep = True  # "North Korea stated ...": the whole run is a place of the gazetteer, "North" part of it
        if not keep and low not in words.function_words and _score_against_name(text, end):
            keep = True  # "Arsenal beat Chelsea 2-0", "Wolves 2-1 Everton": a side of a score is a name
        if keep and len(piece) > 1 and low in words.former_words and _title_after(words, text, end):
            keep = False  # "Former Harlow manager Gary Pell": "former" is the title's, "Harlow" the affiliation
        if not keep:
            piece = piece[1:]
            while piece and piece[0][2] in _CONNECTORS:
                piece = piece[1:]
            if not piece:
                continue
        cand = _make_candidate(words, text, k, piece, base, cands)
        if cand is not None and rank is not None and cand.title is None:
            cand.title, cand.gender = rank, cand.gender or _title_gender(words, rank)  # "Major Brown visited"
        if cand is not None:
            cand.opening = opening and keep
            cands.append(cand)
    if words.seats and (seats := _seat_pattern(tuple(words.seats))).search(joined) is not None:
        cands = _seat_candidates(texts, cands, words, seats, skip)
    cands.sort(key=_READING_ORDER)
    return cands, weak_sentences, written_lower


@functools.lru_cache(maxsize=4)
def _seat_pattern(forms: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for the forms of ``government_seats`` as written, the longest first ("No 10 Downing
    Street" before "No 10"), ending on a word edge (a possessive may follow: "the Kremlin's spokesman"; the
    edge before it is checked apart: a pattern opening with a look-behind scans a text four times slower)."""
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?:{alternation})(?![\w-])")


def _seat_candidates(texts: Sequence[str], cands: list[_Cand], words: EntityWords, seats: re.Pattern[str],
                     skip: Sequence[bool]) -> list[_Cand]:
    """``cands`` with the seats of government of the sentences (``government_seats``: "Downing Street said",
    "No 10 said", "the Kremlin said") as organisations named as the list shows them (evidence "seat of
    government: <name>", rank 2), each in place of the names found inside its words (the run rules cut a
    sentence's first "Downing", a verb form, and find no "10"). Not a seat: one a capitalised word follows
    (a longer name: "White House Correspondents Association", "Pentagon Papers", an address: "No 10 Acacia
    Avenue") or a place after a comma ("Whitehall, Ohio"), one inside a longer name found ("Richard
    Whitehall") or written with a title ("Mr Whitehall"), nor a seat of one word where a person of the
    document has it as a surname ("Jane Whitehall ... Whitehall said")."""
    surnames = {c.words[-1] for c in cands if len(c.words) > 1 and c.words[0] in words.first_names}
    found: list[_Cand] = []
    drop: set[int] = set()
    for k, text in enumerate(texts):
        if skip[k] or not text:
            continue
        for m in seats.finditer(text):
            start, end = m.span()
            name = words.seats[m.group()]
            if start and (text[start - 1].isalnum() or text[start - 1] in "_'’.-") or \
                    text[end:end + 1] == " " and text[end + 1:end + 2].isupper() or \
                    (place := _COMMA_PLACE.match(text, end)) and _is_place(words, place.group(1)) or \
                    (" " not in name and name in surnames):
                continue
            inside = [i for i, c in enumerate(cands) if c.k == k and c.start < end and c.end > start]
            if any(cands[i].start < start or cands[i].end > end or cands[i].title for i in inside):
                continue
            drop.update(inside)
            found.append(_Cand(k, start, end, tuple(name.split()), None, None,
                               [(2, "organization", f"{_SEAT_EVIDENCE}{name}")]))
    if not found:
        return cands
    return [c for i, c in enumerate(cands) if i not in drop] + found


def _only_last_word(words: EntityWords, word: str, names: Iterable[Sequence[str]],
                    written_lower: Callable[[str], bool]) -> bool:
    """``word`` is the last word of some of the ``names`` (each a name's words) and no other word of any,
    and none of those names starts with a first name of the lists, a title or an honorific ("Power" of
    Pacific Ridge Power, not of Samantha Power; not "Trump" of a sentence's "President Trump") or has
    another word the document writes in lower case ("Space Shuttle Discovery" beside "the space
    shuttle")."""
    found = False
    for name in names:
        if word in name:
            if name[-1] != word or len(name) < 2 or word in name[:-1] or name[0] in words.first_names or \
                    (low := name[0].lower().rstrip(".")) in words.title_words or low in words.honorifics or \
                    any(w.isalpha() and written_lower(w.lower()) for w in name[:-1]):
                return False
            found = True
    return found


def _opens_title_before_name(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> bool:
    """The run piece's first word belongs to a title of two words or more that :func:`_title_split`
    finds before a name ("Chief Executive Priya Raman": "chief executive"; "Data Protection Commissioner
    Dr. Helen Osei": a portfolio's words before its title), so that it needs no evidence of a name of its
    own where it opens a sentence; not one title word alone ("General Electric", "Major Brown": those
    rules stay)."""
    p, q = _title_split(words, [t[2].lower() for t in piece])
    return p == 0 and q > 1


def _common_opener(words: EntityWords, first: str, low: str, written_lower: Any) -> bool:
    """The capitalised word ``first`` opening a sentence is a common noun that needs evidence of a name
    of its own (written capitalised alone elsewhere, a lexicon alias): an organisation head word
    ("Hospital officials said", "Police said"), or, no first name or surname of the lists, an English
    plural ("Nurses", "Ambulances", "Midwives": also of a singular of the English word list), an English
    word in "-ing" of six letters or more ("Nursing", "Speaking") or an English word the document (the
    corpus) writes in lower case. Not a place, an acronym or a well-known name."""
    if low in words.places or _ACRONYM.match(first) or first in words.known:
        return False
    if low in words.org_words:
        return True
    if first in words.first_names or first in words.surnames or low in words.group_words or low in words.demonyms:
        return False
    if low.endswith("s") and not low.endswith("ss") and (
            low in words.english or low[:-1] in words.english or (low.endswith("es") and low[:-2] in words.english)
            or (low.endswith("ives") and low[:-3] + "fe" in words.english)):  # ("Midwives": midwife)
        return True
    if len(low) > 5 and low.endswith("ing") and low in words.english and low not in words.cities:
        return True  # "Nursing is in crisis", "Speaking to reporters": a gerund (not "Reading", a town)
    return low in words.english and written_lower(low)


_LOWER_WORDS_AFTER = re.compile(r"(?: [a-z][a-z-]*){1,3}")


def _opens_title(words: EntityWords, text: str, end: int, low: str) -> bool:
    """The capitalised word ``low`` (ending at ``end``) and the lower-case words after it are a title
    of the lists ("Harbour master Ann Keel" -> "harbour master")."""
    after = _LOWER_WORDS_AFTER.match(text, end)
    if after is None:
        return False
    rest = after.group().split()
    return any((low, *rest[:n]) in words.titles for n in range(1, min(len(rest), words.title_max - 1) + 1))


def _title_after(words: EntityWords, text: str, end: int) -> bool:
    """Lower-case words of a title of the lists follow the name ending at ``end`` ("Former Harlow
    manager Gary Pell": "manager")."""
    after = _LOWER_WORDS_AFTER.match(text, end)
    if after is None:
        return False
    rest = tuple(after.group().split())
    return any(rest[:n] in words.titles for n in range(1, min(len(rest), words.title_max) + 1))


def _whole_place(words: EntityWords, piece: Sequence[tuple[int, int, str]]) -> bool:
    """The words of a run piece are together a place of the gazetteer (a country, state, big city:
    "North Korea", "South Africa", "New York")."""
    full = " ".join([t[2] for t in piece])
    return _is_place(words, full) or full.lower() in words.big_cities


@functools.lru_cache(maxsize=1 << 16)
def _name_parts(toks: tuple[str, ...]) -> tuple[int, int, str | None, tuple[str, ...], bool,
                                                 tuple[tuple[int, str, str], ...], str | None]:
    """What the words of a run piece say on their own (cached: names repeat): (p, cut) from
    :func:`_title_split`, the title, the name's words, whether the name can stand (not furniture, not a
    title alone, ...), the name's evidence with the title's, and the title's gender."""
    words = _default_words()
    lows = [t.lower() for t in toks]
    p, cut = _title_split(words, lows)
    if cut and any(len(t) > 1 and t.isupper() and t.lower() in words.honorifics and (t.lower(),) not in words.titles
                   for t in toks[p:cut]) and not all(t.isupper() for t in toks[cut:]):
        p = cut = 0  # an acronym, not an honorific, in mixed case: "DR Congo", "MS Society", "people with MS"
    title = " ".join(lows[p:_without_address(words, lows, p, cut)]) if cut else None
    # (the gender of a plain form of address dropped from the title: "undersecretary for education mr.")
    gender = None if title is None else _title_gender(words, lows[cut - 1]) if lows[cut - 1] in _PLAIN_ADDRESS \
        and not title.endswith(lows[cut - 1]) else _title_gender(words, title)
    if not cut and len(toks) > 1 and lows[0] in words.child_words and toks[1] in words.first_names and \
            toks[0] not in words.surnames and toks[0] not in words.first_names:
        cut = 1  # "Baby Ella Pryce", "Newborn Jack Hale" opening a sentence: the word describes her, no name's
    name, lows = toks[cut:], lows[cut:]
    if name and name[0] in ("of", "for"):
        # "Governor of Virginia": a title and its place, no person's name
        title, name, lows = None, name[1:], lows[1:]
    ok = bool(name)
    full = " ".join(lows)
    if not ok or full in words.furniture or full in words.units or \
            (full in words.stop and full not in words.places and not _caps_stop_word(words, name)) or \
            full in words.common_acronyms or \
            (len(name) > 1 and all(t.isupper() and low in words.stop for t, low in zip(name, lows)) and
             full not in words.places):
        # (function words in capitals, "WHERE WERE YOU?" on a sign: shouting, no name)
        ok = False
    elif len(name) == 1 and (len(name[0]) < 2 or (lows[0],) in words.titles or lows[0] in words.honorifics):
        ok = False
    elif title is None and not any(_ACRONYM.match(t) for t in name) and \
            (all(w in words.title_heads or w in words.title_modifiers for w in lows) and
             not (len(lows) == 1 and (lows[0] in words.org_words or lows[0] in _compound_heads())) or
             _all_title(words, lows)):
        ok = False  # a title alone ("President", "Prime Minister", "Chief Financial Officer")
    evidence = tuple(_name_evidence(words, name)) if ok else ()
    gender = gender if title else None
    return p, cut, title, tuple(name), ok, evidence, gender


#: Plain forms of address, which say how a person is addressed and hold no rank or honour ("Dame",
#: "Sir", "Lord" do): dropped from a role title they close, as the honorifics of no gender are.
_PLAIN_ADDRESS = frozenset("mr mr. mrs mrs. ms ms. miss messrs. mx mx.".split())


def _without_address(words: EntityWords, lows: Sequence[str], p: int, q: int) -> int:
    """The end of the title ``lows[p:q]`` without the honorifics of no gender and the plain forms of
    address (:data:`_PLAIN_ADDRESS`) that close it after a role ("vice-chancellor dr." ->
    "vice-chancellor", "undersecretary for education mr." -> "undersecretary for education"; not
    "assistant professor", and not "mp dame": that honorific is an honour)."""
    end = q
    while end - p > 1 and (words.honorifics.get(lows[end - 1]) == "unknown" or lows[end - 1] in _PLAIN_ADDRESS):
        end -= 1
    return end if lows[end - 1] in words.title_heads or "for" in lows[p + 1:end] else q


@functools.cache
def _compound_heads() -> frozenset[str]:
    """Title heads that are a title only after a word of their own, used in no other title ("master"
    of "harbour master"): alone such a word is a name ("hire Master"), not a title."""
    words = _default_words()
    elsewhere = Counter(w for t in words.titles for w in set(t))
    return frozenset(t[-1] for t in words.titles if len(t) > 1 and (t[-1],) not in words.titles and
                     all(elsewhere[w] == 1 for w in t[:-1]) and
                     all(all(elsewhere[w] == 1 for w in u[:-1]) for u in words.titles if u[-1] == t[-1] and len(u) > 1))


@functools.lru_cache(maxsize=1 << 16)
def _name_facts(toks: tuple[str, ...]) -> tuple:
    """:func:`_name_parts` of a piece's words and three facts :func:`_make_candidate` asks of them
    (cached): whether the name's evidence gives an organisation, place or group at rank 3 or better,
    and for a single word whether it is a demonym and whether it ends like an adjective of origin
    ("Israeli troops")."""
    words = _default_words()
    parts = _name_parts(toks)
    name, evidence = parts[3], parts[5]
    strong = any(e[1] in ("organization", "place", "group") and e[0] <= 3 for e in evidence)
    demonym = adjective = False
    if len(name) == 1:
        low = name[0].lower()
        demonym = low in words.demonyms
        adjective = bool(_DEMONYM_SUFFIX.search(low)) and low not in words.group_words and \
            low not in words.places and not low.endswith("ans")
    return (*parts, strong, demonym, adjective, _name_shape(words, name, strong))


def _name_shape(words: EntityWords, toks: tuple[str, ...], strong: bool) -> int:
    """What :func:`_make_candidate` asks of a name's words alone, before the text around it decides
    (:data:`_SHAPE_MONTH` ...: bits; cached with :func:`_name_facts`)."""
    if not toks:
        return 0
    shape = 0
    low0 = toks[0].lower()
    if toks[0] in _MONTH_WORDS and len(toks) == 1:
        shape |= _SHAPE_MONTH
    if len(toks) == 2 and low0 in _COMPASS and not toks[1].endswith("s") and (
            toks[1].lower() in words.demonyms or (_DEMONYM_SUFFIX.search(toks[1].lower()) and
                                                  toks[1].lower() not in words.places)):
        shape |= _SHAPE_COMPASS
    if len(toks) > 1 and not strong and (low0 in words.demonyms or low0 + "s" in words.group_words):
        shape |= _SHAPE_ORIGIN
        rest = toks[1:]
        if " ".join(rest).lower() in words.places or (len(rest) > 1 and rest[0] in words.first_names) or \
                (2 <= len(rest) <= 3 and all(_NAME_WORD.match(w) and w.lower() not in words.english for w in rest)):
            shape |= _SHAPE_ORIGIN_REST
    if len(toks) > 2 and toks[1] in words.first_names and low0 in words.english:
        shape |= _SHAPE_AWARD
    return shape


#: :func:`_name_shape`'s bits: a month's name alone; "North Korean" (a compass word and a demonym); a
#: demonym or group word first ("Democrat Luis Ortega"), and its rest a name of its own; an award's
#: last word before a first name ("Rookie of the Year Tyler Turner")
_SHAPE_MONTH, _SHAPE_COMPASS, _SHAPE_ORIGIN, _SHAPE_ORIGIN_REST, _SHAPE_AWARD = 1, 2, 4, 8, 16


#: Months as dates write them, abbreviated or not (a name of the lists as well: "Jan", "June", "August").
_MONTHS = ("January February March April May June July August September October November December "
           "Jan Feb Mar Apr Jun Jul Aug Sept Sep Oct Nov Dec").split()
#: Weekdays as dates abbreviate them before a month or day ("on Sat. Sept. 12", "Wed. 14"): no name there.
_WEEKDAY_ABBREVIATIONS = frozenset("Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun".split())
_WEEKDAY_DATE = re.compile(rf"\.,? (?:{'|'.join(_MONTHS)}|\d{{1,2}}(?!\d))")
_MONTH_WORDS = frozenset(w for m in _MONTHS for w in (m, m.upper())) | _WEEKDAY_ABBREVIATIONS
_DAY_AFTER = re.compile(r"\.?,? \d{1,4}(?![\d:])")
_DAY_BEFORE = re.compile(r"(?<![\w.,])\d{1,2}(?:st|nd|rd|th)? $")


def _in_date(text: str, start: int, end: int) -> bool:
    """The month name at ``text[start:end]`` is part of a date: a day or year after it ("Jan 5", "Jan. 5,
    2024", "Sept 2023") or a day before it ("5 Jan"), or it is written with an abbreviation's full stop
    ("in Jan. and Feb."); a weekday's abbreviation only with its full stop before a month or day ("Sat.
    Sept. 12"; not "Mr Sun, 45,")."""
    if text[start:end] in _WEEKDAY_ABBREVIATIONS:
        return _WEEKDAY_DATE.match(text, end) is not None
    return _DAY_AFTER.match(text, end) is not None or _DAY_BEFORE.search(text, max(0, start - 6), start) is not None \
        or (text[end:end + 1] == "." and end - start <= 4 and text[end + 1:end + 2] in (" ", ",", ")") and
            not text[end + 2:end + 3].isupper())


def _make_candidate(words: EntityWords, text: str, k: int, piece: Sequence[tuple[int, int, str]], base: int,
                    out: list[_Cand] | None, *, facts: tuple | None = None) -> _Cand | None:
    """The candidate for one run piece (None when it is no name); an affiliation written before a
    title ("Labour" in "Labour MP Dame Sarah Hill") is appended to ``out`` as a candidate of its own.
    ``facts``: :func:`_name_facts` of the piece's words when known (saves looking them up)."""
    p, cut, title, toks, ok, name_evidence, gender, strong, demonym, adjective, shape = \
        facts if facts is not None else _name_facts(tuple([t[2] for t in piece]))
    if p and out is not None:
        before = _make_candidate(words, text, k, piece[:p], base, None)
        if before is not None:
            if " ".join(before.words).lower() in words.party_names:
                # "Labour MP Dame Sarah Hill", "SNP leader": a party named before its member's role title
                before.evidence.append((3, "organization", f"party before a title: {title}"))
            out.append(before)
    if not ok:
        return None
    start, end = base + piece[len(piece) - len(toks)][0], base + piece[-1][1]  # (not "of": "Governor of Virginia")
    if shape & _SHAPE_MONTH and _in_date(text, start, end):
        return None  # "Jan 5 (Reuters) -", "on Jan. 5, 2024", "5 Jan": a month, no "Jan" the person
    nxt = text[end:end + 1]  # (the character after the name, read once)
    if demonym and nxt not in ("'", "’"):
        return None
    if adjective and nxt == " " and text[end + 1:end + 2].islower():
        return None  # "Israeli troops"
    if shape & _SHAPE_COMPASS and title is None and nxt == " " and text[end + 1:end + 2].islower():
        return None  # "North Korean leader", "South African officials": an adjective of origin, as "Israeli troops"
    evidence = list(name_evidence)
    if shape & _SHAPE_ORIGIN and title is None:
        if shape & _SHAPE_ORIGIN_REST:
            # "Democratic Florida", "Italian Matteo Salvini", "Democrat Luis Ortega": the adjective of origin
            # or party, or a member of a group (``group_words``: Democrats), is no part of the name (a place
            # or organisation named so keeps it: "American Samoa", "British Airways")
            start, toks = base + piece[cut + 1][0], toks[1:]
            evidence = _name_evidence(words, toks)
    elif shape & _SHAPE_AWARD and title is None and text.endswith(" of the ", 0, start):
        # "Rookie of the Year Tyler Turner", "Man of the Match Jude Bellingham": the award's last word is
        # no part of the name
        start, toks = base + piece[len(piece) - len(toks) + 1][0], toks[1:]
        evidence = _name_evidence(words, toks)
    # the word right before the name, read once for the rules below (:func:`_word_before`, inline)
    if start > 2 and text[start - 1] == " ":
        if text[start - 2].islower():
            at = text.rfind(" ", 0, start - 1)
            before = text[at + 1:start - 1]
        else:
            at, before = -1, ""
    else:
        at, before = -1, None
    if title is None and not strong:
        # (its first tests inline: most names have no lower-case title word right before them)
        title = _lower_title_before(words, text, start) if before in words.title_heads else None
        # (not "senior Environmental Protection Agency official")
        if title:
            gender = _title_gender(words, title)
    if title is None and nxt == " " and text[end + 1:end + 2].isupper() and len(toks) > 1 and \
            toks[0] in words.first_names and (letters := _post_nominal_after(words, text, end)):
        title = letters  # "Sarah Whitlock MP", "Jane Hutt MS": her seat or honour, written after the name
    if title and cut and all(w in words.honorifics for w in title.split()) and \
            (role := _lower_title_before(words, text, base + piece[p][0])):
        # "vice-chancellor Dr. Mary Ode": the role written before the honorific is the title (the honorific
        # only says how she is addressed; its gender is kept)
        title, gender = role, gender or _title_gender(words, role)
    if title:
        honorific = all(w in words.honorifics and (w,) not in words.titles for w in title.split())
        evidence.append((1, "person", f"{'honorific' if honorific else 'title'}: {title}"))
    if nxt == "," and (m := _COMMA_PLACE.match(text, end)) and _is_place(words, m.group(1)) and \
            not any(e[0] <= 2 for e in evidence):
        evidence.append((3, "place", f"place, {m.group(1).rstrip('.')}"))  # "Irving, Texas", "Aceh, Indonesia."
    if len(toks) == 1 and nxt == "." and start >= 2 and text[start - 2:start] == ", " and \
            toks[0].lower() + "." in words.state_abbreviations and text[:start - 2].rstrip(".")[-1:].isalpha():
        # "Eugene, Ore.", a dateline's "JACKSON, Calif. —": the state's abbreviation belongs to the town's
        # place name, no place of its own (the town has it as evidence: "place, Ore")
        return None
    if start > 4 and before == "of" and (m := _KIND_OF.search(text, max(0, start - 16), start)) and \
            not any(e[0] <= 2 for e in evidence):
        evidence.append((3, "place", f"place cue: {m.group(1).lower()} of"))  # "the town of Yeoncheon"
    elif before == "of" and nxt not in ("'", "’") and title is None and text.endswith(" out of ", 0, start) and \
            not any(e[0] <= 4 for e in evidence):
        # "keep this fire out of Jackson" (no "the": not "pulled out of the Paris Agreement"; no possessive:
        # not "every word out of Rubio's mouth")
        evidence.append((5, "place", "place cue: out of"))
    elif before in ("to", "toward", "towards") and at >= 0 and nxt not in ("'", "’") and title is None and \
            (m := _MOTION_TO.search(text, max(0, start - 24), start)) and not any(e[0] <= 4 for e in evidence):
        evidence.append((5, "place", f"place cue: {m.group(1)}"))  # "Evacuees return to Jackson"
    elif start > 9 and text[start - 2] == "," and text.endswith(("capital, ", "capital city, "), 0, start) and \
            _CAPITAL_BEFORE.search(text, max(0, start - 16), start):
        evidence.append((3, "place", "place cue: capital"))  # "the nation's capital, Wellington"
    the = title is None and before is not None and before[-3:] in ("the", "The")  # (text[start - 4:start])
    if the:
        # "the West", "the Sun", "the Gliders", "The Boston Globe": no person is written with "the"
        evidence = [e for e in evidence if not e[2].startswith(("surname:", "first name:"))]
        if len(toks) == 1 and (toks[0].lower() in _COMPASS or toks[0].lower() in ("midwest", "arctic", "antarctic")):
            evidence.append((3, "place", f"place word: the {toks[0]}"))
        elif len(toks) == 1 and _team_plural(toks) and not any(e[0] <= 4 for e in evidence):
            evidence.append((5, "organization", f"organization cue: the {toks[-1]}"))  # "the Mets", "the Red Sox"
    if len(toks) == 1 and title is None and at >= 0 and before in _PLACE_BEFORE_SURNAME_WORDS and \
            nxt not in ("'", "’") and evidence:
        # "a retired teacher from Ashby", "at Hendon": a surname of the list alone after a preposition of
        # place is no person by the list (a cue in the sentence, "from Ashby, who said", still makes one)
        evidence = [e for e in evidence if not e[2].startswith("surname:")]
    gazetteer = title is None and evidence and evidence[0][2] in _GAZETTEER_PLACES  # (the tests of both rules below)
    if (gazetteer or title is None and evidence and evidence[0][1] == "place" and
            _governing_place(words, evidence[0])) and text.startswith(_PLACE_SPEECH_STARTS, end) and \
            (cue := _person_cue().match(text, end)) and (cue.group("speech") or "").lower() in _PLACE_SPEECH and \
            _GOVERNED.search(text, max(0, start - 16), start) is None and \
            text[max(0, start - 4):start] not in ("the ", "The ") and not _listed_after_name(text, start):
        # (rank 8: decides nothing by itself; :func:`_document_entities` reads it)
        evidence.append((8, "organization", f"{_SPEAKING_PLACE}{cue.group('speech').lower()}"))
    elif gazetteer and \
            (text[end + 1:end + 2] in _SCORE_NEXT or text[start - 2:start - 1] in _DIGITS or
             text[start - 3:start - 1] in _JOIN_ENDS) and \
            (score := _match_score(text, start, end)) is not None:
        # "Sweden defeated South Korea 1 – 0", "Tunisia lost 1 – 2 to England": a country that plays is
        # its team (rank 8, read as a speaking place's is)
        evidence.append((8, "organization", f"{_PLAYING_PLACE}{score}"))
    if not evidence or min(evidence)[0] > 4:
        # cues in the sentence rank 5 and below: they can only decide where nothing stronger is known
        found = _context_evidence(words, text, start, end, toks, spot=(at, before))
        if the:  # "The Boston Globe ran a correction", "the Beatles, who": the verb says nothing of a person
            found = [e for e in found if e[1] != "person" or not e[2].startswith(_SPEECH_CUES)]
        evidence.extend(found)
    if toks[-1] == "Local" and len(toks) > 1 and (m := _LOCAL_NUMBER.match(text, end)):
        # "UFCW Local 7", "Teamsters Local 727": a union's local, its number part of its name
        end, toks = m.end(), (*toks, m.group(1))
        evidence.append((3, "organization", "union local"))
    elif toks[-1] in _ROAD_FORMS and (m := _LOCAL_NUMBER.match(text, end)):
        # "Highway 49", "Interstate 5": a road named by its number (not "Highway" alone, an other)
        end, toks = m.end(), (*toks, m.group(1))
        evidence = [e for e in evidence if e[1] == "place"]
        evidence.append((3, "place", f"road number: {toks[-2]}"))
    return _Cand(k, start, end, toks, title, gender, evidence)  # (positional: the fields' order)


#: A noun phrase set off after a name by a comma and an article, up to four lower-case words, closed by
#: punctuation or a preposition ("Elena Ortiz, the presiding judge, opened", "Ann Lee, the mayor of
#: Harlow,"): what :func:`_appositive_title` reads.
_APPOSITIVE = re.compile(r", (?:the|a|an) ((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*)"
                         r"(?=[,;:.)—–]|\s(?:of|at|for|in|with|on|from)\s|$)")


def _appositive_title(words: EntityWords, text: str, end: int) -> str | None:
    """The role title an apposition right after a person's name (at ``end`` of ``text``) gives them, as
    a title written before a name is kept: the longest title phrase of the list ending the noun phrase,
    with the title modifiers and demonyms before it ("Elena Ortiz, the presiding judge," -> "judge";
    "Ruth Adeyemi, the former county clerk," -> "former county clerk"; "Ann Lee, the mayor of Harlow,"
    -> "mayor"); None for a noun phrase that ends in no title or in a plural ("the players"). Asked
    only of persons' mentions (:func:`_titles_of`, :func:`_appositive_titles`): not "Cloud Peak, a major
    coal producer in Wyoming,", nor "Acme, the market leader,". A title, not evidence: the
    apposition's evidence is :func:`_context_evidence`'s."""
    m = _APPOSITIVE.match(text, end)
    if m is None:
        return None
    taken = m.group(1).split()
    head = taken[-1]
    if head not in words.title_heads or (head.endswith("s") and (head[:-1],) in words.titles):
        return None
    for size in range(min(len(taken), words.title_max), 0, -1):
        if tuple(taken[-size:]) in words.titles:
            lo = len(taken) - size
            while lo > 0 and (taken[lo - 1] in words.title_modifiers or taken[lo - 1] in words.demonyms):
                lo -= 1
            return " ".join(taken[lo:])
    return None


def _weak_candidates(texts: Sequence[str], weak: Sequence[tuple[int, int, int]], known: Mapping[str, int],
                     words: EntityWords) -> list[_Cand]:
    """Names in untrusted lines (``weak``: sentence, start and end of the line in it): known forms of
    the document (case-insensitive in all-caps lines) and gazetteer places, leftmost-longest."""
    out: list[_Cand] = []
    forms = sorted(known, key=len, reverse=True)
    for k, lo, hi in weak:
        text = texts[k][lo:hi]
        upper = sum(1 for w in text.split() if w.isupper()) >= 0.6 * max(1, len(text.split()))
        hay = text.lower() if upper else text
        spans: list[tuple[int, int]] = []
        for form in forms:
            needle = form.lower() if upper else form
            pos = hay.find(needle)
            while pos >= 0:
                e = pos + len(needle)
                edge = (pos == 0 or not text[pos - 1].isalnum()) and (e >= len(text) or not text[e].isalnum())
                if edge and not any(s < e and pos < t for s, t in spans):
                    spans.append((pos, e))
                pos = hay.find(needle, pos + 1)
        for base, run in _runs(text):
            for piece in _split_run(text, base, run):
                for s, e, core in piece:
                    if core.lower() in words.places and not any(a < e and s < b for a, b in spans):
                        spans.append((s, e))
                # initials and the word after them ("O.J. Simpson Granted Parole"): a person's name by its
                # shape, which no headline word has
                for (s, _, core), (_, e, nxt) in zip(piece, piece[1:]):
                    if _NAME_INITIALS.match(core) and (_NAME_WORD.match(nxt) or (nxt.isalpha() and nxt.isupper())) \
                            and not any(a < e and s < b for a, b in spans):
                        spans.append((s, e))
        for s, e in sorted(spans):
            toks = tuple(text[s:e].split())
            cand = _Cand(k=k, start=lo + s, end=lo + e, words=toks, title=None, gender=None,
                         evidence=_name_evidence(words, toks), weak=True)
            out.append(cand)
    return out


def _head_and(words: EntityWords, text: str, a: _Cand, b: _Cand) -> bool:
    """"the University and College Union": ``a`` is an organisation head word alone after "the", ``b``
    an organisation name of two or three words after "and"; not "the House and Senate" (two bodies),
    "the Senate and House Armed Services Committee" (four words: two committees)."""
    return len(a.words) == 1 and a.words[0].lower() in words.org_words and 2 <= len(b.words) <= 3 and \
        text[max(0, a.start - 4):a.start] in ("the ", "The ")


def _of_and(words: EntityWords, a: _Cand, b: _Cand, alone: Counter) -> bool:
    """"the National Institute of Allergy and Infectious Diseases", "the Department of Housing and Urban
    Development", "Centers for Disease Control and Prevention": ``a`` an organisation word with "of" or
    "for" and its field, ``b`` a field of common English words alone (no evidence of rank 4 or better,
    not written alone elsewhere in the document) joins it (not "the Ministry of Defence and Foreign
    Office": an organisation of its own)."""
    lows = [w.lower() for w in a.words]
    return any(x in words.org_words and y in ("of", "for") for x, y in zip(lows, lows[1:])) and \
        lows[-1] not in words.org_words and not alone[b.words] and \
        all(w.lower() in words.english and w.lower() not in words.org_words for w in b.words) and \
        not any(e[0] <= 4 for e in b.evidence)


class _CountedOnUse(dict):
    """A count made on first use: ``count()`` (a Counter) is called when a key is first looked up; a key
    it does not hold counts 0, as in a Counter."""

    def __init__(self, count: Callable[[], Counter]) -> None:
        super().__init__()
        self._count: Callable[[], Counter] | None = count

    def __missing__(self, key: object) -> int:
        if self._count is not None:
            self.update(self._count())
            self._count = None
            return self.get(key, 0)
        return 0


def _join_and_names(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """"Food and Drug Administration", "National Oceanic and Atmospheric Administration": a name joined
    by "and" to a following organisation name (its last word an organisation word) is one name when the
    part before "and" holds a common English word ("Food", "National"; not "Google"), so does the first
    word after it ("Drug"; not "Creative Commons and Wikimedia Foundation"), the first part has no title
    and no evidence of rank 4 or better (not "Northwind Energy and Harbor Foods", "FBI and Justice
    Department") and is not written alone elsewhere in the document ("the Senate and House Armed
    Services Committee" when "Senate" stands alone elsewhere). ``cands`` sorted by (k, start)."""
    # (the pairs written "X and Y" first: most documents have none, and then nothing is copied)
    pairs = [i for i, (a, b) in enumerate(zip(cands, cands[1:]))
             if b.start - a.end == 5 and b.k == a.k and texts[a.k].startswith(" and ", a.end)]
    if not pairs:
        return cands
    # the names written alone (not before or after "and"), counted where a pair first asks
    alone = _CountedOnUse(lambda: Counter(c.words for c in cands if not texts[c.k].startswith(" and ", c.end) and
                                          not texts[c.k].endswith(" and ", 0, c.start)))
    out: list[_Cand] = []
    i = 0  # the first candidate not yet in ``out``
    for p in pairs:
        if p < i:
            continue  # the second name of the pair joined before
        a, b = cands[p], cands[p + 1]
        if a.title is not None or b.title is not None:
            continue
        join = b.words[-1].lower() in words.org_words and not alone[a.words] and \
            any(w.lower() in words.english for w in a.words) and b.words[0].lower() in words.english and \
            (not any(e[0] <= 4 for e in a.evidence) or _head_and(words, texts[a.k], a, b)) or \
            _of_and(words, a, b, alone)
        if join:
            joined = (*a.words, "and", *b.words)
            out.extend(cands[i:p])
            out.append(_Cand(k=a.k, start=a.start, end=b.end, words=joined, title=None, gender=None,
                             evidence=_name_evidence(words, joined), weak=a.weak and b.weak))
            i = p + 2
    out.extend(cands[i:])
    return out


#: "Mr and Mrs Jones": an honorific and "and" before an honorific and a surname.
_COUPLE = re.compile(r"(?<![\w'’.-])([A-Z][a-z]{1,3}\.?) and $")


def _couples(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """"Mr and Mrs Jones": two people, the one whose honorific stands before "and" added as a candidate
    of its own (its mention the honorific, "Mr"), when the two honorifics state different genders
    (not "Mr and Mr Smith"). ``cands`` sorted by (k, start); so is the result."""
    added: dict[int, _Cand] = {}
    for i, c in enumerate(cands):
        if c.gender is None or len(c.words) != 1 or c.title not in words.honorifics:
            continue
        at = c.start - len(c.title) - 1  # where the honorific written with the name starts
        m = _COUPLE.search(texts[c.k], max(0, at - 10), at) if at > 0 else None
        first = words.honorifics.get(m.group(1).lower()) if m is not None else None
        if first in ("male", "female") and first != c.gender:
            added[i] = _Cand(k=c.k, start=m.start(1), end=m.end(1), words=c.words, title=m.group(1).lower(),
                             gender=first, evidence=[(1, "person", f"honorific: {m.group(1).lower()}")], weak=c.weak)
    if not added:
        return cands
    return [x for i, c in enumerate(cands) for x in ((added[i], c) if i in added else (c,))]


#: A capitalised verb and "the" right before a name: "Unite the Union", "Stop the War Coalition".
_VERB_THE = re.compile(r"(?<![\w'’.&-])([A-Z][a-z]+) the $")


@functools.lru_cache(maxsize=4)
def _capitalised(lows: frozenset[str]) -> frozenset[str]:
    """The words of ``lows`` as written at a name's end: lower-case, capitalised, in capitals."""
    return lows | frozenset(w.capitalize() for w in lows) | frozenset(w.upper() for w in lows)


def _join_the_names(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """"Unite the Union", "Stop the War Coalition", "Save the Children Fund": an organisation's name (its
    last word an organisation word, no title) after a capitalised verb (a word Brill's lexicon tags no
    noun or adjective, no stop word: not "Yesterday the Council") and "the" is one name with them (the
    runs of capitals stop at the lower-case "the": "Unite" and "Union"); so is an organisation word
    alone, "of the" and a name ending in one ("the Office of the Energy Regulator"). ``cands`` sorted by (k, start)."""
    joined: dict[int, _Cand] = {}
    heads = None
    for i, c in enumerate(cands):
        text = texts[c.k]
        if text[c.start - 5:c.start] != " the " or c.title is not None:
            continue
        if heads is None:
            heads = _capitalised(words.org_words)
        if text.endswith(" of the ", 0, c.start) and i and (prev := joined.get(i - 1, cands[i - 1])).k == c.k and \
                len(prev.words) == 1 and prev.end == c.start - 8 and prev.title is None and prev.words[0] in heads \
                and c.words[-1] in heads:
            # "the Office of the Energy Regulator": an organisation word alone names no body; with "of the" and
            # a name ending in one it is one organisation's name (not "Colorado State University of the US",
            # nor "the National Museum of the U.S. Air Force", a building: GUM types it a place)
            name = (*prev.words, "of", "the", *c.words)
            joined[i] = _Cand(k=c.k, start=prev.start, end=c.end, words=name, title=None, gender=None,
                              evidence=_name_evidence(words, name), weak=c.weak)
            continue
        if c.words[-1] not in heads:
            continue
        m = _VERB_THE.search(text, max(0, c.start - 24), c.start)
        if m is None or m.group(1).lower() not in words.function_words or m.group(1).lower() in words.stop:
            continue
        name = tuple(text[m.start(1):c.end].split())
        joined[i] = _Cand(k=c.k, start=m.start(1), end=c.end, words=name, title=None, gender=None,
                          evidence=_name_evidence(words, name), weak=c.weak)
    if not joined:
        return cands
    out: list[_Cand] = []
    for i, c in enumerate(cands):
        if i in joined:
            c = joined[i]
            while out and out[-1].k == c.k and out[-1].start >= c.start:
                out.pop()  # the verb's own candidate ("Unite")
        out.append(c)
    return out


_FAMILY_NOUN = re.compile(r" ([a-z]+)\b(?!['’-])")


@functools.lru_cache(maxsize=4)
def _family_pattern(nouns: frozenset[str]) -> re.Pattern[str]:
    """"the"/"The" (its "he " a literal the scan looks for), a capitalised word and a family noun."""
    return re.compile(rf"he [A-Z][\w'’.-]* (?:{'|'.join(sorted(map(re.escape, nouns)))})\b")


def _family_groups(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """"The Doyle brothers", "the Smith family": "the", a surname (a one-word name, no title) and a noun
    of ``family_nouns`` are one group's name, the noun in its words and span (``group``, evidence
    "family noun: <noun>"), as "the Obamas" is a family; never a short form of one person of that surname."""
    if _family_pattern(words.family_nouns).search("\n".join(texts)) is None:
        return cands  # (one scan of the document: most name no family)
    out = cands
    for i, c in enumerate(cands):
        if len(c.words) != 1 or c.title is not None or not c.words[0][:1].isupper():
            continue
        text = texts[c.k]
        if not text.endswith(("the ", "The "), 0, c.start) or (m := _FAMILY_NOUN.match(text, c.end)) is None or \
                m.group(1) not in words.family_nouns:
            continue
        if out is cands:
            out = list(cands)
        out[i] = _Cand(k=c.k, start=c.start, end=m.end(), words=(c.words[0], m.group(1)), title=None, gender=None,
                       evidence=[(3, "group", f"family noun: {m.group(1)}")], weak=c.weak)
    return out


#: A word that may stand inside a name its bracketed acronym spells: a capitalised word (its initial
#: counts) or a lower-case one ("and", "of", "products": skipped)
_ACRONYM_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def _join_acronym_names(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """"The Medicines and Healthcare products Regulatory Agency (MHRA)": a name before a bracketed
    acronym that spells more than the name's initials takes the words before it whose initials complete
    the acronym, lower-case words between them included (at most two in a row), as one name (the runs
    of capitals cut it into "Medicines", "Healthcare" and "Regulatory Agency"). ``cands`` sorted by
    (k, start)."""
    out: list[_Cand] = []
    for c in cands:
        text = texts[c.k]
        m = _BRACKET_ACRONYM.match(text, c.end) if "(" in text[c.end:c.end + 3] else None
        if m is None:
            out.append(c)
            continue
        acronym, initials = m.group("a").replace(".", ""), _name_initials(c.words)
        need = acronym[:len(acronym) - len(initials)]
        if not initials or len(initials) >= len(acronym) or not acronym.endswith(initials):
            out.append(c)
            continue
        start, lower_run = c.start, 0
        for tok in reversed(list(re.finditer(r"\S+", text[:c.start]))):
            word = tok.group()
            if not need or not _ACRONYM_WORD.fullmatch(word):
                break
            if word[0].isupper():
                if word[0] != need[-1]:
                    break
                need, start, lower_run = need[:-1], tok.start(), 0
            elif lower_run == 2:
                break
            else:
                lower_run += 1
        if need:
            out.append(c)
            continue
        while out and out[-1].k == c.k and out[-1].start >= start:
            out.pop()  # the runs of capitals inside the name ("Medicines", "Healthcare")
        joined = tuple(text[start:c.end].split())
        out.append(_Cand(k=c.k, start=start, end=c.end, words=joined, title=None, gender=None,
                         evidence=_name_evidence(words, joined), weak=c.weak))
    return out


_CLUB_PLACE_WORDS = frozenset(("city", "town"))
#: A town of the gazetteer (15,000+ people), the weakest evidence: a headline's "Harlow" before "Harlow
#: Athletic" joins the one organisation named after it even where the town's name is a surname of the lists
#: (no person of that surname being named in the document).
_TOWN = (7, "place", "gazetteer: town")
#: The evidence of a name typed a place by its "City" or "Town" alone, which a club's name ends with too.
_CLUB_PLACE_EVIDENCE = frozenset(("place word: City", "place word: Town"))
_CONTEXT_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_SCORE_IN_TEXT = re.compile(rf"(?<![\w.,]){_SCORE}")


def _city_clubs(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> None:
    """A town's name and "City" or "Town" that the gazetteer does not know as a place ("Redport City",
    "Manchester City"; not "Kansas City", "Mexico City") is a club where a sentence of the document
    naming it holds a word of a sports story (``club_context_words``: "striker", "transfer", a
    "club-record fee") or a score: evidence (2, organization, "club: <word>") on each of its mentions."""
    named: dict[tuple[str, ...], list[_Cand]] = {}
    for c in cands:
        if len(c.words) > 1 and c.words[-1].lower() in _CLUB_PLACE_WORDS and c.evidence and \
                any(e[2] == f"place word: {c.words[-1]}" for e in c.evidence) and \
                not any(e[0] <= 2 and e[1] == "place" for e in c.evidence):
            full = " ".join(c.words).lower()
            if full not in words.places and full not in words.cities and full not in words.big_cities:
                named.setdefault(c.words, []).append(c)  # (a town of the gazetteer: "Kansas City", "Jersey City")
    for forms in named.values():
        # "Former Millbrook Town manager Alan Pike": a team's role right after the name (its team word,
        # lower case after the capitalised "Town": a town's own manager is a "Town Manager" or "town manager")
        cue = next((w for c in forms if (w := _team_word_after(words, texts[c.k], c.end)) is not None), None)
        for c in forms if cue is None else ():
            text = texts[c.k]
            cue = next((w for m in _CONTEXT_WORD.finditer(text.lower()) for w in m.group().split("-")
                        if w in words.club_context), None)
            if cue is None and (m := _SCORE_IN_TEXT.search(text)) is not None:
                cue = m.group()
            if cue is not None:
                break
        if cue is not None:
            for c in forms:
                c.evidence.append((2, "organization", f"club: {cue}"))


def _score_against_name(text: str, end: int) -> bool:
    """A score follows the name ending at ``end``, directly or after a verb of a match, with another
    capitalised name on the other side ("Arsenal beat Chelsea 2-0", "Wolves 2-1 Everton"; not "Nobody
    beat them 2-0")."""
    if not (text[end + 1:end + 2].isdigit() or text.startswith(_MATCH_VERBS, end)):
        return False
    m = _SCORE_AFTER.match(text, end)
    if m is None:
        return False
    between = text[end:m.start("score")].split()[1:]
    return any(w[:1].isupper() for w in between) or text[m.end():m.end() + 2][1:2].isupper() and \
        text[m.end():m.end() + 1] == " "


#: The words of a match's result between two teams' names ("Manchester United drew with Everton",
#: "Kingsford lost to Harlow Athletic"): a team's opponent is a team.
_RESULT_STARTS = tuple(f" {w}" for w in ("beat", "defeat", "thrash", "edge", "hammer", "drew", "draws", "lost",
                                            "loses"))
_RESULT_BETWEEN = re.compile(r" (?:beat|beats|defeated|defeats|thrashed|thrashes|edged|edges|hammered|hammers|"
                             r"drew with|draws with|drew against|lost to|loses to|lost against) (?:the )?")


def _match_opponents(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> None:
    """Two names joined by the words of a match's result (:data:`_RESULT_BETWEEN`: "Manchester United
    drew with Everton") in a document of a sports story (a score or a word of ``club_context_words``
    in it), one of them a team by its own evidence (:func:`_team_evidence`: "United", "Rovers", a score,
    a line-up) and the other no name of evidence better than the name lists (rank 5 or worse): the
    other is a team too, evidence (5, organization, "opponent: <verb>") on that mention (a side of a score
    is left to the score's rule: "Manchester City beat Arsenal 2-1"). Not "Obama
    beat Romney" (no team), "Microsoft beat Smith in court" (a company, no team), nor outside a sports
    story."""
    sport = None
    for a, b in zip(cands, cands[1:]):
        if a.k != b.k or b.start - a.end > 24 or not texts[a.k].startswith(_RESULT_STARTS, a.end):
            continue
        m = _RESULT_BETWEEN.fullmatch(texts[a.k], a.end, b.start)
        if m is None:
            continue
        for one, other in ((a, b), (b, a)):
            if _team_evidence(one.evidence) and not any(r <= 4 for r, _, _ in other.evidence) and \
                    _match_score(texts[a.k], other.start, other.end) is None:
                if sport is None:
                    sport = _sports_story(texts, words)
                if sport:
                    other.evidence.append((5, "organization", f"opponent: {m.group().strip()}"))
                break


def _line_ups(texts: Sequence[str], cands: list[_Cand]) -> None:
    """The names of a team's line-up (:data:`_LINE_UP`: "Harlow Athletic (4-3-3): Smith; Jones, Brown,
    Lee."): the team an organisation, evidence (3, organization, "line-up: <formation>"), and each player
    a person, evidence (3, person, "line-up")."""
    if not any("): " in text for text in texts):
        return
    lines: dict[int, re.Match[str] | None] = {}
    for c in cands:
        if c.k not in lines:
            text = texts[c.k]
            lines[c.k] = _LINE_UP.match(text) if "): " in text else None
        m = lines[c.k]
        if m is None:
            continue
        if c.start >= m.start("players"):
            c.evidence.append((3, "person", "line-up"))
        elif c.start == m.start("team") and c.end == m.end("team"):
            formation = texts[c.k][m.end("team") + 2:m.start("players") - 3]
            c.evidence.append((3, "organization", f"line-up: {formation}"))


#: The organisation words of a sports club's name ("Manchester United", "Kingsford Rovers").
_TEAM_NAME_WORDS = frozenset(("united", "rovers", "wanderers", "athletic", "albion", "rangers", "hotspur", "fc",
                              "afc"))
#: The evidence labels of a team by what it does or how it is written: a side of a score, an opponent,
#: a line-up, a country that plays.
_TEAM_LABELS = ("club: ", "opponent: ", "line-up: ", _PLAYING_PLACE)


def _team_evidence(evidence: Sequence[tuple[int, str, str]]) -> bool:
    """Organisation evidence of rank 5 or better that says a sports team: an organisation word of a club's
    name (:data:`_TEAM_NAME_WORDS`) or a label of :data:`_TEAM_LABELS`."""
    return any(r <= 5 and t == "organization" and (
        label.startswith(_TEAM_LABELS) or
        (label.startswith("organization word: ") and label[19:] in _TEAM_NAME_WORDS))
        for r, t, label in evidence)


def _sports_story(texts: Sequence[str], words: EntityWords) -> bool:
    """A sentence of the document holds a score or a word of ``club_context_words``."""
    for text in texts:
        low = text.lower()
        if _SCORE_IN_TEXT.search(text) or any(w in words.club_context for m in _CONTEXT_WORD.finditer(low)
                                             for w in m.group().split("-")):
            return True
    return False


def _portfolio_organizations(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """A portfolio written before its title that begins the name of an organisation of the document
    ("Environment Minister John Baird" where "Environment Canada" is named) is that organisation's
    short form again, a mention of its own; elsewhere a portfolio is only part of the title
    ("Education Minister Helen Marsh": no "Education")."""
    added = []
    orgs = None
    for c in cands:
        if c.title is None or " " not in c.title or c.title.rsplit(" ", 1)[-1] not in words.portfolio_heads:
            continue
        size = len(c.title.split())
        toks = texts[c.k][max(0, c.start - 80):c.start].split()[-size:]
        if len(toks) != size or toks[0].lower() != c.title.split(" ", 1)[0] or not toks[0][:1].isupper():
            continue
        if orgs is None:
            orgs = [x.words for x in cands if len(x.words) > 1 and _decide(x.evidence)[0] == "organization"]
        lows = c.title.split()
        listed = next((j for j in range(size) if tuple(lows[j:]) in words.titles), size)  # "home secretary": listed
        n = next((n for n in range(listed, 0, -1) if any(len(o) > n and tuple(toks[:n]) == o[:n] for o in orgs)), 0)
        if n and all(_portfolio_word(words, t.lower()) for t in toks[:n]):
            start = c.start - len(texts[c.k][max(0, c.start - 80):c.start]) + \
                texts[c.k][max(0, c.start - 80):c.start].rfind(" ".join(toks))
            end = start + len(" ".join(toks[:n]))
            added.append(_Cand(c.k, start, end, tuple(toks[:n]), None, None, [], c.weak))
    if not added:
        return cands
    return sorted(cands + added, key=_READING_ORDER)


_TOKEN = re.compile(r"\S+")
#: A headline's verb: a third-person present ("Accuses", "Wants"; not "United", "Armed": participles name
#: things) anywhere, or an imperative opening the run ("Stop Trump's Agenda": no -ed/-ing form).
_THIRD_PERSON = re.compile(r"[^su]s$")
_PARTICIPLE_END = re.compile(r"(?:ed|ing)$")


def _split_at_headline_verbs(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """A title-case headline run into the text's first sentence (or a headline line) joins its words into
    one run: "Trump Accuses California Of ...", "... Lawsuits To Stop Trump's Agenda". Where a word of such
    a run is a verb (a capitalised word Brill's lexicon knows only as no noun or adjective, in the third
    person, "Accuses", or an imperative opening the run, "Stop"; no first name or surname) and the words before or after it are a name the document writes
    on its own elsewhere ("Trump said"), the run is split there: the verb goes, the pieces are names of
    their own ("Trump", "California"). Only in the document's first sentence (its headline, or the text's
    first sentence the headline runs into where there is none) or a headline-like line (``weak``)."""
    alone: Counter | None = None
    dropped: set[int] = set()
    added: list[_Cand] = []
    for n, c in enumerate(cands):
        if len(c.words) < 2 or c.title is not None or not (c.k == 0 or c.weak):
            continue
        verbs = [i for i, w in enumerate(c.words) if w[:1].isupper() and w[1:].islower() and
                 (_THIRD_PERSON.search(w) or i == 0 and not _PARTICIPLE_END.search(w)) and
                 w.lower() in words.function_words and w.lower() not in words.stop and
                 w not in words.first_names and w not in words.surnames]
        if not verbs:
            continue
        if alone is None:
            alone = Counter(x.words for x in cands)
            alone.update(x.words[-1:] for x in cands if len(x.words) > 1)  # (a surname: "Trump" of Donald Trump)
        own = c.words[-1:]  # (its own last word, counted above)
        i = next((i for i in verbs if (i and alone[c.words[:i]] - (c.words[:i] == own)) or
                  (i < len(c.words) - 1 and alone[c.words[i + 1:]] - (c.words[i + 1:] == own))), None)
        if i is None:
            continue
        toks = list(_TOKEN.finditer(texts[c.k], c.start, c.end))
        if len(toks) != len(c.words) or any(t.group() != w for t, w in zip(toks, c.words)):
            continue  # (a name written with a line break, a possessive or a hyphen inside: left as it is)
        dropped.add(n)
        for lo, hi in ((0, i), (i + 1, len(c.words))):
            piece = c.words[lo:hi]
            if not piece:
                continue
            *_, name, ok, evidence, _ = _name_parts(piece)
            if ok and name == piece:
                added.append(_Cand(c.k, toks[lo].start(), toks[hi - 1].end(), piece, None, None, list(evidence),
                                   c.weak))
    if not dropped:
        return cands
    return sorted([c for n, c in enumerate(cands) if n not in dropped] + added, key=_READING_ORDER)


def _document_entities(texts: Sequence[str], words: EntityWords, overlay: _Overlay | None,
                       capitals: _Capitals | None = None) -> tuple[list[_Entity], list[tuple[int, int, int, int, str]]]:
    """The entities of one document and its pronoun mentions (k, start, end, entity index, pronoun)."""
    cands, weak, written_lower = _find_candidates(texts, words, overlay.alias_actor if overlay else None, capitals)
    cands = _join_and_names(texts, cands, words)
    cands = _couples(texts, cands, words)
    cands = _join_acronym_names(texts, cands, words)
    cands = _join_the_names(texts, cands, words)
    if words.family_nouns:
        cands = _family_groups(texts, cands, words)
    cands = _without_credits(texts, cands, words)
    cands = _split_at_headline_verbs(texts, cands, words)
    if words.portfolio_heads:
        cands = _portfolio_organizations(texts, cands, words)
    if words.club_context:
        _city_clubs(texts, cands, words)
        _match_opponents(texts, cands, words)
    _line_ups(texts, cands)
    # acronyms introduced in brackets: "National Nurses Union (NNU)"
    defined: dict[str, tuple[str, ...]] = {}
    caps_stop = False
    for c in cands:
        if len(c.words) > 1 and "(" in texts[c.k] and (m := _BRACKET_ACRONYM.match(texts[c.k], c.end)):
            defined[m.group("a").replace(".", "")] = c.words
            c.evidence.append((2, "organization", f"acronym: {m.group('a')}"))
        elif len(c.words) == 1 and c.words[0].isupper() and c.words[0].lower() in words.stop and \
                _caps_stop_word(words, c.words):
            caps_stop = True
    if caps_stop:  # "WHO" is a name only where the document defines it: "World Health Organization (WHO)"
        cands = [c for c in cands if not (len(c.words) == 1 and c.words[0].isupper() and
                                          c.words[0].lower() in words.stop and _caps_stop_word(words, c.words)
                                          and c.words[0] not in defined)]
    if words.numbered_labels:  # "a Category 4 storm": a label before its number, no name
        cands = [c for c in cands if not (len(c.words) == 1 and c.words[0].lower() in words.numbered_labels and
                                          _NUMBER_NEXT.match(texts[c.k], c.end))]
    if words.name_suffixes and any(len(c.words) == 1 and c.words[0].lower() in words.name_suffixes for c in cands):
        # "Roger Pielke, Jr.", "UPDATE II": a generational suffix alone is no name, unless a name of the
        # document ends with it ("Don Jr." after "Donald Trump Jr.": that name's short form)
        ends = {c.words[-1] for c in cands if len(c.words) > 1}
        cands = [c for c in cands if not (len(c.words) == 1 and c.words[0].lower() in words.name_suffixes and
                                          c.words[0] not in ends)]
    entities: list[_Entity] = []
    by_words: dict[tuple[str, ...], int] = {}
    #: the places organisations of the document are named "of" ("University of Westbrook": Westbrook ->
    #: the organisation's name): a place, not a short form of an organisation named after it
    named_of: dict[tuple[str, ...], str] = {}
    for c in cands:
        if len(c.words) > 2 and "of" in c.words:
            i = c.words.index("of")
            if 0 < i < len(c.words) - 1 and c.words[i - 1].lower() in words.org_words and \
                    not _common_of_word(words, c.words[i + 1:]):
                named_of.setdefault(c.words[i + 1:], " ".join(c.words))
    _places_of_institutions(texts, cands, words, named_of)

    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    by_initials: dict[str, list[int]] = {}
    org_firsts: list[set[str]] = []  # (filled on first use)
    #: the entities each shorter form written bare already stands for ("Mohamed" -> Ahmed Mohamed)
    stands_for: dict[tuple[str, ...], set[int]] = {}
    #: single words that are a person's surname and an organisation's first word here, seen alone
    unsettled: set[str] = set()

    def org_first(word: str) -> bool:
        """``word`` is the first word of a business's name (its last word a company word or legal suffix,
        ``company_last_words``) that the document types an organisation by its own evidence
        ("Brightwater" of "Brightwater Foods"; not "Trump" of "Trump Administration"), anywhere in it."""
        if not org_firsts:
            org_firsts.append({x.words[0] for x in cands if len(x.words) > 1 and x.words[-1] != x.words[0] and
                               (x.words[-1].lower() in words.company_words or
                                x.words[-1].lower() in words.legal_suffixes) and
                               _decide(x.evidence)[0] == "organization"})
        return word in org_firsts[0]

    def add(c: _Cand, idx: int, via: str, *, only: str | None = None) -> None:
        """Add mention ``c`` to entity ``idx`` with its evidence (``only``: of that type alone)."""
        ent = entities[idx]
        ent.mentions.append((c.k, c.start, c.end, via, c.title))
        # a short form brings its own evidence, except what its single word alone says (a place: "Paris"
        # in "Valeska Paris"; a surname: "Deal" in "Green New Deal"): that is about the word, not the name
        evidence = c.evidence if via != "short" else [e for e in c.evidence if not e[2].startswith(_WORD_ONLY)]
        if only is not None:
            evidence = [e for e in evidence if e[1] == only]
        ent.evidence.extend(evidence)
        best = ent.best
        for item in evidence:
            if best is None or item[0] < best[0]:
                best = item
        ent.best = best
        if c.gender and (not ent.gender or ent.gender_weak):
            weak = _man_title(words, c.title)
            if not ent.gender or not weak:
                ent.gender, ent.gender_weak = c.gender, weak
        ent.last = (c.k, c.start)
        if via == "short" and c.title is None:  # (not "Ms. Becker": the honorific decided that one)
            stands_for.setdefault(c.words, set()).add(idx)

    def new(c: _Cand) -> int:
        name = c.words
        ent = _Entity(name, " ".join(name))
        idx = len(entities)
        entities.append(ent)
        by_words[_key(name)] = idx
        if len(name) != 2 or name[0] != name[1]:  # "Greyford Greyford" is no fuller form of "Greyford"
            by_last.setdefault(name[-1], []).append(idx)
            by_first.setdefault(name[0], []).append(idx)
        if len(name) > 1:
            by_initials.setdefault(_name_initials(name), []).append(idx)
            gender = words.first_names.get(name[0])
            if gender is not None and gender != "unknown":
                ent.first_name_gender = gender
        return idx

    def short_target(c: _Cand) -> int | None:
        """The most recent compatible fuller entity for a shorter form; an organisation by its first word
        only when no other fuller entity fits ("Mallory" is Dana Mallory, not Mallory Paving)."""
        n = len(c.words)
        if n == 2 and _saint_name(c.words):
            # "St. Brendan's" after "St. Brendan's Hospital": the one organisation of the document named so
            named = {j for j in by_first.get(c.words[0], ()) if len(entities[j].words) > 2 and
                     entities[j].words[:2] == c.words and entities[j].best is not None and
                     entities[j].best[1] == "organization"}
            return named.pop() if len(named) == 1 else None
        if n == 1 and _MIXED_ACRONYM.match(c.words[0]):
            # "the DfE said" after "the Department for Education": the one organisation it spells (or the
            # one it was introduced for in brackets)
            if c.words[0] in defined:
                return by_words.get(_key(defined[c.words[0]]))
            spelled = {j for j in by_initials.get("".join(filter(str.isupper, c.words[0])), ())
                       if entities[j].best is not None and entities[j].best[1] == "organization" and
                       _spells(c.words[0], entities[j].words)}
            return spelled.pop() if len(spelled) == 1 else None
        acr = c.words[0].replace(".", "") if n == 1 and _ACRONYM.match(c.words[0]) else None
        if acr is not None:
            defined_as = by_words.get(_key(defined[acr])) if acr in defined else None
            pool: Iterable[int] = [*by_initials.get(acr, ()), *(() if defined_as is None else (defined_as,))]
        else:
            pool = by_last.get(c.words[-1], ())
            if n == 1:
                pool = [*pool, *by_first.get(c.words[0], ())]
        if not pool:
            return None
        best, best_at = None, (-2, -2)
        kept, kept_at = None, (-2, -2)  # the most recent fitting entity the form already stands for
        used = stands_for.get(c.words, ())
        orgs: list[int] = []  # the organisations whose name's first word the one-word form is
        namesakes: list[int] = []  # the fitting entities whose surname the one-word form is
        heads: list[int] = []  # the organisations named with the word as their head, which starts the sentence
        # strong evidence of its own keeps a short form apart; a gazetteer name ("Paris") still joins a
        # person of that surname ("Valeska Paris") unless written as a place ("in Paris")
        locative = texts[c.k].endswith(_LOCATIVES, 0, c.start) or \
            any(r <= 3 and label.startswith("gazetteer") for r, _, label in c.evidence) and \
            _coordinated_with_place(words, texts[c.k], c.start, c.end)  # (only a gazetteer name's reads it)
        own_types = {t for r, t, label in c.evidence if r <= 3 and (locative or not label.startswith("gazetteer"))}
        town = _town_written_as_place(texts[c.k], c) if locative else None
        for idx in pool:
            ent = entities[idx]
            if len(ent.words) <= n:
                continue
            if acr is not None:
                if defined.get(acr) == ent.words or _name_initials(ent.words) == acr:
                    if ent.last > best_at:
                        best, best_at = idx, ent.last
                continue
            etype = ent.best[1] if ent.best else "other"
            if n == 1 and ent.words[0] == c.words[0] and etype == "organization" and ent.words[-1] != c.words[0] \
                    and not (len(ent.words) > 2 and ent.words[1].lower() in words.place_last):
                # "Northwind" after "Northwind Energy": the first word of an organisation's name (not a
                # common word of the document: "Environmental" is no short form of the agency)
                # nor a gazetteer place wherever written ("Massachusetts" after "Massachusetts Institute of
                # Technology" is the state), nor the place before a place word the body is named after
                # ("Springfield" of "Springfield City Council", "Harlow" of "Harlow County Council")
                # (nor the place the document names another organisation "of": "Westbrook" beside
                # "Westbrook Police" and "the University of Westbrook")
                strong = {t for r, t, _ in c.evidence if r <= 3}
                if not strong - {"organization"} and not written_lower(c.words[0].lower()) and c.words not in named_of:
                    orgs.append(idx)
                continue
            if n == 1 and ent.words[0] == c.words[0] and etype == "place" and len(ent.words) == 2 and \
                    ent.words[1].lower() in _PLACE_SHORTENS:
                # "Harlow" after "Harlow County", "Gaza" after "Gaza Strip": the place without its kind
                if not own_types - {"place"} and ent.last > best_at:
                    best, best_at = idx, ent.last
                continue
            if n == 1 and etype == "organization" and ent.words[-1] == c.words[0] and \
                    c.words[0].lower() in words.org_words and not own_types - {"organization"} and \
                    _named_body(words, ent.words, by_words):
                if texts[c.k][max(0, c.start - 4):c.start] in ("the ", "The "):
                    # "the Council" after "Ashbury Borough Council": the head word of an organisation's name
                    # alone, written with "the" (a reference back; not a modifier: "Council leader Jo Bell"),
                    # stands for the most recent organisation named with it
                    if ent.last > best_at:
                        best, best_at = idx, ent.last
                elif not texts[c.k][:c.start].strip(_OPENERS + " ") and _named_for_place(words, ent.words):
                    heads.append(idx)  # the first word of its sentence: see below
                continue
            if ent.words[-n:] != c.words and not (n == 1 and ent.words[0] == c.words[0] and (
                    etype == "person" and (c.words[0] in words.first_names or _given_name_last(ent.words)) or
                    etype in ("person", "other") and _family_name_first(words, ent.words) or
                    (etype == "person" or ent.best is None) and _given_name_first(words, ent.words) and
                    sum(len(entities[j].words) > 1 for j in by_first.get(c.words[0], ())) == 1)):
                # (an unlisted first name only for the one person of the document named with it)
                continue
            if etype not in ("person",) and not (etype == "other" and len(ent.words) <= 4) and \
                    not (etype == "organization" and n > 1 and _national_branch(words, ent.words, n)):
                continue  # (but "the Red Cross" after "the American Red Cross")
            if own_types - {"person"}:
                continue
            if town is not None and etype == "person" and any(m[0] == c.k for m in ent.mentions):
                # "Helen Darwin, who is based in Darwin": the town, not her surname (a place by rank 3, so
                # that no later pass joins it to her either); a person named in another sentence keeps the
                # form ("Mayor Tom Jackson spoke. Crews stayed in Jackson overnight": Tom Jackson)
                if not any(label.startswith(_TOWN_BESIDE) for _, _, label in c.evidence):
                    c.evidence.append((3, "place", f"{_TOWN_BESIDE}{ent.display}"))
                continue
            if _addresses_adult(words, texts, c.title, ent):
                continue  # "Mrs Pryce" after "the death of baby Ella Pryce": the baby's mother, not the baby
            g = _gender_of(ent)
            if c.gender and g and c.gender != g and not _man_title(words, c.title):
                continue
            if n == 1 and ent.words[-1] == c.words[0]:
                if _title_conflicts(words, texts, c.title, ent):
                    continue
                namesakes.append(idx)
            if ent.last > best_at:
                best, best_at = idx, ent.last
            if idx in used and ent.last > kept_at:
                kept, kept_at = idx, ent.last
        # of them, one not named after another ("Harlow" is Harlow Athletic, not the Harlow Athletic
        # Supporters' Trust), the one named most so far, else the most recent
        org = max(_first_organizations([entities[j].words for j in orgs], orgs),
                  key=lambda j: (len(entities[j].mentions), entities[j].last), default=None)
        if best is None and org is None and len(heads) == 1:
            # "Police said ..." after "Westbrook Police": the head word alone at a sentence's start (so
            # capitalised; also as a modifier: "Council officials said") is the one organisation of the
            # document named with it after a place (:func:`_named_for_place`; "Administration officials"
            # is no "Small Business Administration"); with two ("Westbrook Police", "Harlow Police") neither
            return heads[0]
        if len(namesakes) > 1 and (agreeing := _addressed_namesake(words, entities, namesakes, c, texts)) is not None:
            # "Councillor Kell" after "Tomas Kell ... Kell wrote ... Councillor Ruth Kell": the title (or a
            # gendered honorific) agrees with one of the persons of that surname only; it is that one, even
            # where the bare "Kell" stood for the other (a later bare "Kell" still does: see below)
            best = agreeing
        elif kept is not None and kept != best and _is_person(entities[kept]) and _is_person(entities[best]):
            # a form that already stands for one person keeps doing so when a second person of that
            # surname appears ("Mohamed" for the boy Ahmed Mohamed, after "his father Mohamed El-Hassan
            # Mohamed"): a writer names the newcomer in full and keeps the bare form for the first
            best = kept
        elif len(namesakes) > 1:
            best = _among_namesakes(words, entities, namesakes, best, c.title, texts)
            if best is None or best == _UNSURE:
                return _AMBIGUOUS if best is None else _UNSURE
        if best is not None and n == 1 and acr is None and entities[best].words[-1] == c.words[0] and \
                org_first(c.words[0]) and not _settles_person(c.evidence):
            # "Brightwater" beside Laura Brightwater and Brightwater Foods: ambiguous; the organisation only
            # where the words around it say so ("Brightwater shares"), the person only by an honorific or
            # what a company cannot do ("Ms. Brightwater", "Brightwater said she"), else neither
            unsettled.add(c.words[0])
            return org if org is not None and _says_organization(c.evidence, texts[c.k], c.end) else None
        return best if best is not None else org

    def others_surname(word: str) -> bool:
        """``word`` ends the name of a person of the document ("Warhol" of Andy Warhol): a name it
        starts ("Warhol Polaroid") is named after that person, no person of the same words' evidence."""
        return any(len(entities[j].words) > 1 and entities[j].best is not None and entities[j].best[1] == "person"
                   for j in by_last.get(word, ()))

    def headline_part_of(ent: _Entity) -> int | None:
        """The one organisation whose name starts with the words of ``ent``, a name of two or three words
        first written in the first sentence (the headline), and adds only kind words (:func:`_kind_words`):
        "Greyford Health" before "Greyford Health System" (not "Harlow Athletic" before the Harlow Athletic
        Supporters' Trust, named after the club); on the terms a headline's single word joins one ("Veltra" -> Veltra Pharma): no strong
        evidence of another type, no word of the name lists, its first word not written in lower case."""
        n = len(ent.words)
        owners = [j for j in by_first.get(ent.words[0], ()) if len(entities[j].words) > n and
                  entities[j].words[:n] == ent.words and entities[j].mentions and
                  entities[j].best is not None and entities[j].best[1] == "organization" and
                  _kind_words(words, entities[j].words, n)]
        if len(owners) != 1 or {t for r, t, _ in ent.evidence if r <= 3} - {"organization"} or \
                any(label.startswith(_WORD_ONLY) and label != "gazetteer: town" for _, _, label in ent.evidence) or \
                written_lower(ent.words[0].lower()):
            return None
        return owners[0]

    def organization_begun_by(c: _Cand) -> int | None:
        """The one organisation named in full before ``c`` (a name of two words or more) whose name is
        ``c``'s words and then only words of an organisation's kind (:func:`_kind_words`: "Hospital",
        "Group Inc.", the "System" of "Health System"): "Lakeport General" after "Lakeport
        General Hospital", its short form; not a name that drops a word of its own ("White House" of the
        "White House Correspondents Association", "Harbourside United" of the "Harbourside United
        Supporters Trust"), nor one ending in a kind word of its own (the Congressional Black Caucus beside
        the Congressional Black Caucus Foundation); where it acts as the organisation does, by evidence of an organisation or a
        speech cue of its own ("Lakeport General said", "a spokeswoman for Lakeport General", "Lakeport
        General's chief executive"; a name that only stands there may be what the organisation is named
        after: "The Green New Deal was discussed" beside the Green New Deal Council); on the terms a
        headline's leading words join one (:func:`headline_part_of`: no strong evidence of another type, no
        word of the name lists: "New York" after "New York Times" stays the city; its first word not
        written in lower case), and not a place with its place word ("Harlow County" of "Harlow County
        Council"), nor a place the document names another organisation "of"; None with two such
        organisations."""
        n = len(c.words)
        owners = [j for j in by_first.get(c.words[0], ()) if len(entities[j].words) > n and
                  entities[j].words[:n] == c.words and entities[j].mentions and
                  entities[j].best is not None and entities[j].best[1] == "organization" and
                  _kind_words(words, entities[j].words, n)]
        if not owners or {t for r, t, _ in c.evidence if r <= 3} - {"organization"} or \
                not any(t == "organization" or label.startswith("said-cue") for _, t, label in c.evidence) or \
                any(label.startswith(_WORD_ONLY) and label != "gazetteer: town" for _, _, label in c.evidence) or \
                written_lower(c.words[0].lower()) or c.words[-1].lower() in words.place_last or c.words in named_of or \
                _kind_words(words, c.words, len(c.words) - 1):
            return None  # (a name ending in a kind of its own is an organisation of its own: see above)
        if len(owners) > 1:
            # "Lakeport General" beside Lakeport General Hospital and Lakeport General Clinic: either could
            # be meant, so it joins neither; but it is what both are, an organisation, never a person by
            # its speech cue (rank 5, over the said-cue's 6)
            c.evidence.append((5, "organization", "short form of organisations: " +
                               " / ".join(entities[j].display for j in owners[:2])))
            return None
        return owners[0]

    def titled_organization(c: _Cand) -> int | None:
        """The one organisation named before ``c`` whose name is the capitalised title word written right
        before ``c`` (split off as a title), ``c``'s words and then only kind words (:func:`_kind_words`):
        "Queen Alexandra said" after "Queen Alexandra Hospital" is the hospital, no queen."""
        text = texts[c.k]
        if c.title is None or len(c.words) > 2 or c.start < 3 or text[c.start - 1] != " ":
            return None
        at = text.rfind(" ", 0, c.start - 1) + 1
        head = text[at:c.start - 1]
        if not head[:1].isupper() or head.lower() != c.title:
            return None
        full = (head, *c.words)
        owners = [j for j in by_first.get(head, ()) if len(entities[j].words) > len(full) and
                  entities[j].words[:len(full)] == full and entities[j].best is not None and
                  entities[j].best[1] == "organization" and _kind_words(words, entities[j].words, len(full))]
        if len(owners) != 1:
            return None
        c.start, c.title, c.gender = at, None, None
        return owners[0]

    # (cands are in reading order: _find_candidates sorts them)
    # "Ann and Paul Becker": a first name before "and" + a first name and surname
    for i, c in enumerate(cands):
        if len(c.words) == 1 and c.words[0] in words.first_names and i + 1 < len(cands):
            nxt = cands[i + 1]
            between = texts[c.k][c.end:nxt.start]
            if nxt.k == c.k and between == " and " and len(nxt.words) == 2 and nxt.words[0] in words.first_names:
                c.words = (c.words[0], nxt.words[1])
                c.evidence.append((4, "person", f"first name: {c.words[0]}"))
    # an entity's first best-ranked strong (rank <= 2) evidence, kept over the evidence appended since the
    # last look (its evidence only grows in this loop): _conflict without rescanning it per mention
    strong_seen: dict[int, tuple[int, tuple[int, str, str] | None]] = {}

    def strong_best(idx: int) -> tuple[int, str, str] | None:
        evidence = entities[idx].evidence
        seen, best = strong_seen.get(idx, (0, None))
        for item in evidence[seen:] if seen else evidence:
            if item[0] <= 2 and (best is None or item[0] < best[0]):
                best = item
        strong_seen[idx] = (len(evidence), best)
        return best

    #: one-word names two people of the document go by, told apart by honorifics of different genders
    #: ("Mr Jones", "Mrs Jones"): the entities
    namesakes: dict[tuple[str, ...], list[int]] = {}

    def of_address(c: _Cand, idx: int) -> int | None:
        """The entity a one-word name ``c`` found as ``idx`` (the last entity of those words) is: ``idx``,
        or the one of its namesakes whose honorific's gender agrees with ``c``'s (the most recent one
        when ``c`` states none); None for a person of the other gender than ``idx`` ("Mrs Jones" after
        "Mr Jones" and no other Jones)."""
        group = namesakes.get(c.words)
        if group is None:
            ent = entities[idx]
            other = c.gender is not None and c.title in words.honorifics and ent.gender is not None and \
                not ent.gender_weak and ent.gender != c.gender and len(ent.words) == 1
            return None if other else idx
        fitting = [j for j in group if c.gender is None or entities[j].gender == c.gender]
        return max(fitting, key=lambda j: entities[j].last) if fitting else None

    openers: list[int] = []  # entities of a headline's opening head word ("Council demands ..."): see below
    for c in cands:
        if c.opening and c.k > 0:
            # "Police said" after "Westbrook Police": the one organisation of the document it can be, else
            # no name ("Hospital officials said" beside St. Brendan's Hospital, named for a saint, not a place)
            target = short_target(c)
            if target is not None and target >= 0:
                add(c, target, "short")
            continue
        if c.opening:
            # a headline's: an entity for now, the full form coming later (joined or dropped below)
            idx = by_words.get(_key(c.words))
            if idx is None:
                idx = new(c)
                openers.append(idx)
            add(c, idx, "name")
            continue
        if c.title is not None and (target := titled_organization(c)) is not None:
            add(c, target, "short", only="organization")
            continue
        idx = by_words.get(_key(c.words))
        apart = None  # the namesake of the other gender this name is told apart from
        if idx is not None and len(c.words) == 1 and (c.gender is not None or c.words in namesakes):
            apart, idx = idx, of_address(c, idx)
            apart = apart if idx is None and c.words not in namesakes else None
        if idx is not None and len(c.words) == 1 and c.words[0] in unsettled and \
                (_settles_person(c.evidence) or _says_organization(c.evidence, texts[c.k], c.end)):
            idx = None  # an ambiguous word with evidence that settles it ("Ms. Brightwater"): see short_target
        town_idx = None
        if idx is not None and len(c.words) == 1 and entities[idx].best is not None and \
                entities[idx].best[2].startswith(_TOWN_BESIDE) and _town_written_as_place(texts[c.k], c) is not True:
            # "Ms Darwin", "Darwin added" after "Helen Darwin, who is based in Darwin": the person again,
            # unless short_target finds the town (below)
            town_idx, idx = idx, None
        if idx is not None and c.evidence and min(c.evidence)[0] <= 2:
            theirs = strong_best(idx)
            if theirs is not None and _decide([x for x in c.evidence if x[0] <= 2])[0] != theirs[1]:
                idx = None  # "Rep. Jordan" and the country Jordan: same words, two entities
        same = idx is not None and len(entities[idx].words) != len(c.words) and \
            _unhyphenated(entities[idx].words) == _unhyphenated(c.words)  # (the same name, a hyphen or a space)
        if idx is not None and (len(entities[idx].words) == len(c.words) or same) and \
                not (len(c.words) == 1 and _bare_before_full(words, entities, idx, by_last.get(c.words[0], ()))):
            add(c, idx, "name" if entities[idx].words == c.words or same else "short")
            if same and c.words[-1] != entities[idx].words[-1] and idx not in by_last.get(c.words[-1], ()):
                by_last.setdefault(c.words[-1], []).append(idx)  # ("Ocasio-Cortez" alone after it)
            continue
        target = short_target(c)
        if target is None and town_idx is not None:
            add(c, town_idx, "name")  # "Helen Darwin, who moved to Darwin": the town again
            continue
        if target is None and idx is None and len(c.words) > 1:
            # a name written alone first is one of its own: "Harbourside United have sacked ...", then "the
            # Harbourside United Supporters Trust", then "Harbourside United" again is the club (``idx``)
            target = organization_begun_by(c)
        if target is None and idx is not None:  # (a bare form of its own, as before the full name came)
            add(c, idx, "name" if entities[idx].words == c.words else "short")
            continue
        if target is _AMBIGUOUS:
            continue  # "Marsh" after "Nurse Helen Marsh met Dr. Owen Marsh": either could be meant
        if target is _UNSURE:
            # "Marsh" after "Helen Marsh ... Her husband, Owen Marsh, ...": a bare name of its own, linked
            # to neither (but still a person's name)
            add(c, new(c), "name")
            continue
        if target is not None:
            ent = entities[target]
            if len(c.words) == 1 and 2 <= len(ent.words) <= 3 and ent.words[-1] == c.words[0] and \
                    not _ACRONYM.match(c.words[0]) and not _plural(c.words[0]) and \
                    (c.words[0].lower() not in words.english or c.words[0] in words.surnames) and \
                    not others_surname(ent.words[0]) and not written_lower(ent.words[0].lower()):
                # not a common word ("Chrome" after "Google Chrome", "Soup" after "Campbell Soup"), nor
                # after another person's surname ("Polaroid" after "Warhol Polaroid" after "Andy Warhol")
                ent.evidence.append((6, "person", "surname used alone"))
                if ent.best is None or ent.best[0] > 6:
                    ent.best = ent.evidence[-1]
                # a surname used alone is a person's: the cues around it of another type ("Mallory said
                # in a statement") do not make the person an organisation
                add(c, target, "short", only="person")
            else:
                add(c, target, "short")
            by_words.setdefault(_key(c.words), target) if len(c.words) > 1 else None
        else:
            if len(c.words) == 1 and c.words[0] in unsettled:
                c.evidence = _unsettled(c.evidence)  # an ambiguous word alone ("Brightwater denied")
            add(c, new(c), "name")
            if apart is not None:
                namesakes[c.words] = [apart, len(entities) - 1]
                for j in namesakes[c.words]:
                    entities[j].address = _written_address(texts, entities[j], words)
    if named_of:
        for ent in entities:
            if ent.words in named_of and ent.mentions and not any(r <= 4 for r, _, _ in ent.evidence):
                # "Westbrook" beside "the University of Westbrook": the place the organisation is of, not a
                # person by the surname list, nor a short form of "Westbrook Police"
                ent.evidence.append((5, "place", f"place of: {named_of[ent.words]}"))
                ent.best = min(ent.evidence, key=_RANK)
    # a short form before its full form (e.g. in the headline): join the one full person form ending with it
    for idx, ent in enumerate(entities):
        if len(ent.words) != 1 or not ent.mentions:
            if 1 < len(ent.words) <= 3 and ent.mentions and ent.mentions[0][0] == 0 and \
                    (owner := headline_part_of(ent)) is not None and \
                    not _written_alone_first(ent.mentions, entities[owner].mentions):
                # a headline's "Greyford Health" before "Greyford Health System" in the body: the leading
                # words of the one organisation named with them (as "Veltra" below); not a name the body
                # writes alone before that organisation ("Harbourside United have sacked ...", then "the
                # Harbourside United Supporters Trust said": the club is a name of its own)
                entities[owner].mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
                ent.mentions = []
            continue
        teams = [j for j in by_last.get(ent.words[0], ()) if len(entities[j].words) > 1 and entities[j].mentions
                 and _place_team(words, entities[j].words)]
        if len(teams) == 1 and not {t for r, t, _ in ent.evidence if r <= 3} - {"organization"}:
            # "Hawks" beside "Harbor City Hawks": the team (its word alone a surname of the lists)
            target = entities[teams[0]]
            target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
            target.evidence.extend(e for e in ent.evidence if e[1] != "person")
            ent.mentions = []
            continue
        owners = [j for j in by_last.get(ent.words[0], ()) if len(entities[j].words) > 1
                  and entities[j].best is not None and entities[j].best[1] == "person"]
        if any(t == "person" for _, t, _ in ent.evidence):
            # "Vasquez" in the headline, a person by its own evidence ("Vasquez told reporters"), before
            # "Mateo Vasquez", a name with no evidence yet (its first name in no list): a name of two or
            # three name words ending with it and typed nothing else is an owner, as a typed one is (not
            # "Hawks" of "Harbor City Hawks")
            untyped = [j for j in by_last.get(ent.words[0], ()) if entities[j].mentions and
                       _untyped_name(words, entities[j])]
            if untyped:
                owners = sorted(owners + untyped, key=lambda j: entities[j].mentions[0][:2])
        if len(owners) > 1 and len(stands_for.get(ent.words, ())) == 1 and \
                next(iter(stands_for[ent.words])) in owners:
            # "Brandt" in the headline, Elena and Jonas Brandt in the body: the person the body's bare
            # "Brandt" stands for (named before the other)
            owners = list(stands_for[ent.words])
        elif len(owners) > 1 and ent.mentions[0][0] == 0 and \
                all(ent.mentions[0][:2] < entities[j].mentions[0][:2] for j in owners):
            # else a headline's bare form (first written in the first sentence, before any of them) is the
            # one named first, as a headline names the person its story opens with ("Varga" in the headline:
            # Teodor Varga of the first paragraph, not his brother Dario Varga of the last); none where two
            # were first named in one sentence ("Ruskin" before "John and Effie Ruskin"): either could be
            # meant
            firsts = sorted((entities[j].mentions[0][0], j) for j in owners)
            if firsts[0][0] < firsts[1][0]:
                owners = [firsts[0][1]]
        if owners and org_first(ent.words[0]) and not _settles_person(ent.evidence):
            # a headline's "Brightwater" beside Laura Brightwater and Brightwater Foods: ambiguous (as
            # in short_target)
            kept = _unsettled(ent.evidence)
            if len(kept) != len(ent.evidence):
                ent.evidence = kept
                ent.best = min(kept, key=_RANK) if kept else None
            continue
        if not owners and ent.mentions[0][0] == 0 and ent.words[0].lower() in words.org_words and \
                not {t for r, t, _ in ent.evidence if r <= 3} - {"organization"}:
            # a headline's bare "Council" before "Ashbury Borough Council" in the body: the one
            # organisation whose name ends with that head word
            heads = [j for j in by_last.get(ent.words[0], ()) if len(entities[j].words) > 1 and
                     entities[j].mentions and entities[j].best is not None and entities[j].best[1] == "organization"
                     and _named_body(words, entities[j].words, by_words)
                     and (idx not in openers or _named_for_place(words, entities[j].words))]
            # (opening the headline, one named after a place, as "Police said" below: not "Hospital news"
            # beside St. Mary's Hospital)
            if len(heads) == 1:
                target = entities[heads[0]]
                target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
                ent.mentions = []
                continue
        if not owners and ent.words[0] not in unsettled and ent.mentions[0][0] == 0:
            # a headline's "Veltra" before "Veltra Pharma" in the body (first written in the first
            # sentence, which is the headline where there is one): the first word of the one
            # organisation named with it, on the terms short_target joins it after (no strong evidence
            # of another type, no word the document writes in lower case, the organisation not named
            # by that word alone at its end), and no word of the lists (a place, a first name or a
            # surname, a known name: "Boston" before "Boston Globe" stays the city; a small town of the
            # gazetteer, its weakest evidence, joins: a headline's "Northfield" before "Northfield Dairy
            # Cooperative", also one that is a surname of the lists, no person of it named here: "Blow for
            # Harlow" before Harlow Athletic); of organisations named after another (the Harlow Athletic
            # Supporters' Trust) or after the place with its place word (Harlow City Council), none
            owners = [j for j in by_first.get(ent.words[0], ()) if len(entities[j].words) > 1
                      and entities[j].words[-1] != ent.words[0]
                      and entities[j].best is not None and entities[j].best[1] == "organization"
                      and not (len(entities[j].words) > 2 and entities[j].words[1].lower() in words.place_last)]
            owners = _first_organizations([entities[j].words for j in owners], owners)
            if len(owners) != 1 or {t for r, t, _ in ent.evidence if r <= 3} - {"organization"} or \
                    any(label.startswith(_WORD_ONLY) and label != "gazetteer: town" and
                        not (label.startswith("surname:") and _TOWN in ent.evidence)
                        for _, _, label in ent.evidence) or \
                    written_lower(ent.words[0].lower()) or ent.words in named_of:
                continue  # (nor a place the document names another organisation "of": see named_of)
            target = entities[owners[0]]
            target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
            ent.mentions = []
            continue
        if len(owners) == 1 and {t for r, t, _ in ent.evidence if r <= 3} <= {"person"} and \
                not any(_title_conflicts(words, texts, m[4], entities[owners[0]]) or
                        _addresses_adult(words, texts, m[4], entities[owners[0]]) for m in ent.mentions) and \
                not (ent.gender and not ent.gender_weak and _gender_of(entities[owners[0]]) not in (None, ent.gender)):
            # not "Dr. Marsh" after "Nurse Helen Marsh" (see _title_conflicts), nor "Ms. Marsh" after "Dr.
            # Owen Marsh": a form of address that states another gender is someone else, as in short_target
            target = entities[owners[0]]
            target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
            target.evidence.extend(ent.evidence)
            if ent.gender and (not target.gender or target.gender_weak and not ent.gender_weak):
                target.gender, target.gender_weak = ent.gender, ent.gender_weak
            ent.mentions = []
        elif len(owners) > 1 and {t for r, t, _ in ent.evidence if r <= 5} <= {"person"} and \
                any(label.startswith("gazetteer") for _, _, label in ent.evidence):
            # the surname of two people of the document ("John and Effie Ruskin") first written alone (a
            # headline's "Ruskin"): which of them it is stays open, but it is a person's surname, not the
            # town the gazetteer lists by that name
            ent.evidence = [e for e in ent.evidence if not e[2].startswith("gazetteer")]
            ent.evidence.append((6, "person", "surname of a person named here"))
            ent.best = min(ent.evidence, key=_RANK)
    # names whose words are common words of this document ("Paris Agreement": "agreement") are no
    # persons by their first word; two or three words ending in a known surname, none of them a common
    # word here, are ("Starry Lee"; not "Green New Deal")
    for ent in entities:
        if len(ent.words) == 1 and ent.best is not None and ent.best[2].startswith(("surname:", "first name:")) and \
                ent.mentions and ent.words[0].isalpha() and written_lower(ent.words[0].lower()):
            # a single word the document also writes in lower case ("our Nation", "on Day One", "Cancer
            # Alley"; "Rose" beside "rose") is no person by the name lists alone
            kept = [e for e in ent.evidence if not e[2].startswith(("surname:", "first name:"))]
            ent.evidence = kept
            ent.best = min(kept, key=lambda e: e[0]) if kept else None
            continue
        if not ent.mentions or len(ent.words) < 2:
            continue
        # (a word is common when the document writes it in lower case; written_lower scans the document
        # for each new word, so it is asked only where the answer decides: a name with no first-name
        # evidence to drop and some evidence of its type is left as it is by both branches below)
        if not any(e[2].startswith("first name") for e in ent.evidence) and \
                not (len(ent.words) <= 3 and _decide(ent.evidence) == ("other", "none")):
            continue
        if ent.words[-1] not in words.surnames and any(w.isalpha() and written_lower(w.lower())
                                                       for w in (ent.words[-1], ent.words[0])):
            # the first or last word common
            kept = [e for e in ent.evidence if not e[2].startswith("first name")]
            if len(kept) != len(ent.evidence):
                ent.evidence = kept
                ent.best = min(kept, key=lambda e: e[0]) if kept else None
        elif len(ent.words) <= 3 and _decide(ent.evidence) == ("other", "none") and \
                not any(w.isalpha() and written_lower(w.lower()) for w in ent.words) and \
                not others_surname(ent.words[0]):
            # no word common
            if ent.words[-1] in words.surnames and not any(_vocabulary_word(words, w.lower()) for w in ent.words) \
                    and not (ent.words[0] not in words.first_names and
                             any(texts[k].endswith(("the ", "The "), 0, s) for k, s, *_ in ent.mentions)):
                # not without a first name after "the" ("outside the Great Whitcombe", "the Corn Belt":
                # no person is written with "the"; "in the Matt Ridley camp" stays a person)
                ent.evidence.append((6, "person", f"surname: {ent.words[-1]}"))
            elif all(_NAME_WORD.match(w) and not _plural(w) and w.lower() not in words.english
                     and not _vocabulary_word(words, w.lower()) and w.lower() not in words.places
                     and w.lower() not in words.big_cities
                     and w.lower() not in words.demonyms for w in ent.words if w not in _PARTICLES):
                # "Mathias Krumbholz", "Hwang Hee-Chan": words a large English corpus never writes in lower
                # case, none a word of the lists: a person's name (weakest evidence)
                ent.evidence.append((7, "person", "name words: no common word"))
    # an acronym before its expansion ("U.S." ... "United States"): join the one expansion it spells
    for ent in entities:
        if len(ent.words) != 1 or not ent.mentions or not _ACRONYM.match(ent.words[0]):
            continue
        acr = ent.words[0].replace(".", "")
        owners = [j for j in by_initials.get(acr, ()) if entities[j].mentions]
        etype = _decide(ent.evidence)[0]
        if len(owners) == 1 and _decide(entities[owners[0]].evidence)[0] in (etype, "other") or \
                len(owners) == 1 and etype in ("organization", "other"):
            target = entities[owners[0]]
            target.mentions.extend((k, s, e, "short", t) for k, s, e, _, t in ent.mentions)
            target.evidence.extend(ent.evidence)
            ent.mentions = []
    for idx in openers:
        if all(m[0] == 0 for m in entities[idx].mentions):
            entities[idx].mentions = []  # "Hospital news" beside St. Mary's Hospital: no organisation it stands for
    live = [e for e in entities if e.mentions]
    # weak lines: the document's known forms
    if weak:
        known: dict[str, int] = {}
        for idx, ent in enumerate(live):
            for k, s, e, via, _ in ent.mentions:
                form = texts[k][s:e]
                if via == "short" and " " not in form and len(ent.words) > 1 and form == ent.words[-1] and \
                        org_first(form):
                    continue  # "Ms. Brightwater" is the person, an all-caps "BRIGHTWATER" ambiguous
                known.setdefault(form, idx)
        for c in _weak_candidates(texts, weak, known, words):
            form = texts[c.k][c.start:c.end]
            idx = known.get(form)
            if idx is None:
                idx = next((j for f, j in known.items() if f.lower() == form.lower()), None)
            if idx is None:
                live.append(_Entity(words=c.words, display=" ".join(c.words), evidence=list(c.evidence)))
                idx = len(live) - 1
                known[form] = idx
                live[idx].mentions.append((c.k, c.start, c.end, "name", None))
            else:
                ent = live[idx]
                via = "name" if form.lower() == ent.display.lower() else "short"
                ent.mentions.append((c.k, c.start, c.end, via, None))
    for ent in live:
        _set_aside_weak_place(ent)
        if ent.best is not None and ent.best[2].startswith("organization cue: the "):
            _set_aside_team_plural(ent, texts)
    _coordination(texts, live)
    for ent in live:
        ent.mentions.sort()
        if ent.address is not None:  # "Mr" of "Mr and Mrs Jones": the honorific alone stands for Mr Jones
            ent.mentions = [(k, s, e, "short" if texts[k][s:e].lower() == t else via, t)
                            for k, s, e, via, t in ent.mentions]
        written = [texts[m[0]][m[1]:m[2]] for m in ent.mentions if m[3] == "name"]
        if written:
            forms = dict.fromkeys(written)
            forms[" ".join(ent.words)] = None
            if len(forms) == 1:
                ent.display = next(iter(forms))
            elif any(label.startswith(_SEAT_EVIDENCE) for _, _, label in ent.evidence):
                ent.display = " ".join(ent.words)  # "No 10", "10 Downing Street": the seat as the list names it
            else:
                # (of forms as long, the one written most: "Ocasio-Cortez" twice over "Ocasio Cortez" once;
                # then the first, as in the list of all forms)
                times = dict.fromkeys(forms, 0)
                for form in written:
                    times[form] += 1
                ent.display = max(forms, key=lambda f: (_form_words(f), not f.isupper(), len(f), times[f]))
            ent.display = _POSSESSIVE.sub("", ent.display) if ent.display.endswith(("'s", "’s")) and \
                not _saint_name(ent.words) else ent.display  # ("St. Brendan's" keeps its possessive)
            if ent.display.isupper() and " " in ent.display:
                ent.display = _written_in_case(texts, ent.display)
        if ent.address is not None:
            ent.display = f"{ent.address} {ent.display}"  # "Mrs Jones" beside "Mr Jones"
        if (ent.gender is None or ent.gender_weak) and ent.first_name_gender and _decide(ent.evidence)[0] == "person":
            # a title that states no gender (Senator) or only by "-man" ("Chairman Joan Whitaker")
            ent.gender, ent.gender_weak = ent.first_name_gender, False
    _families(texts, live)
    if overlay is not None:
        for ent in live:
            _link(ent, texts, overlay)
        _alias_authority(texts, live, overlay, words)
    for ent in live:  # the decision on the complete evidence, which the pronouns and the table read
        ent.best = min(ent.evidence, key=_RANK, default=None)
    for ent in live:
        if ent.best is not None and (ent.best[2] in _GAZETTEER_PLACES or ent.best[1] == "place" and
                                     _governing_place(words, ent.best)) and \
                max(ent.evidence)[0] == 8 and \
                not any(o.best is not None and o.best[1] == "person" and o.words[-1] == ent.words[-1] for o in live):
            # (not where a person of the document goes by that word: "Rep. Jordan ... Jordan said")
            # "North Korea stated it would attack", "South Korea says": a country, state or city that
            # speaks is its government, an organisation, wherever the document names it (a lexicon actor's
            # type, rank 0, still decides)
            # (likewise a country that plays a match is its team: "Sweden defeated South Korea 1 – 0")
            label = next(label for _, _, label in ent.evidence if label.startswith((_SPEAKING_PLACE, _PLAYING_PLACE)))
            ent.evidence.insert(0, (2, "organization", label))
            ent.best = ent.evidence[0]
    _appositive_titles(texts, live, words)
    pronouns = _resolve_pronouns(texts, live, words)
    return live, pronouns


_WORD_BREAK = re.compile(r"[\s\-‐‑]+")


def _form_words(form: str) -> int:
    """The number of words of a written form of a name, a hyphen parting words as a space does (the
    display name is the form of most words: "Alexandria Ocasio-Cortez" is as long as "Alexandria Ocasio
    Cortez", so how often each is written decides, not the hyphen)."""
    return len(_WORD_BREAK.split(form.strip()))


def _first_organizations(names: Sequence[tuple[str, ...]], ids: Sequence[int]) -> list[int]:
    """The ``ids`` whose name (``names``, in the same order) does not begin with another of the names:
    "Harlow Athletic Supporters' Trust" is named after Harlow Athletic, so a bare "Harlow" beside both is
    the club."""
    return [j for j, name in zip(ids, names)
            if not any(len(other) < len(name) and name[:len(other)] == other for other in names)]


def _common_of_word(words: EntityWords, rest: Sequence[str]) -> bool:
    """``rest``, the words after "of" in an organisation's name, is one common English word (or its
    plural) and no place of the lists ("Midwives" of the Royal College of Midwives, "Nursing", "Health" of
    the Department of Health): what the body is of, no place it is named after (not "Westbrook", nor
    "Bath" or "Reading", towns of the gazetteer)."""
    if len(rest) != 1:
        return False
    low = rest[0].lower()
    return (low in words.english or low.endswith("s") and low[:-1] in words.english or
            low.endswith("ives") and low[:-3] + "fe" in words.english) and low not in words.places and \
        low not in words.cities and low not in words.big_cities


def _places_of_institutions(texts: Sequence[str], cands: Sequence[_Cand], words: EntityWords,
                            named_of: dict[tuple[str, ...], str]) -> None:
    """Add to ``named_of`` a single word written as a place, after a preposition of place or motion
    ("diverted to Lakeport", "in Lakeport"; ``_LOCATIVES``), that is the first word of an organisation of
    the document other than a business ("Lakeport General Hospital"; not "Northwind Energy", which goes by
    "Northwind": ``company_last_words``, legal suffixes): the town the institution is named after, not its
    short form. Not a word of the name lists (a person: "to Clinton" beside the Clinton Foundation), unless
    a place cue stronger than the list says so ("in Jackson", "the people of Jackson" beside Jackson High
    School) and no person of the document goes by that word ("Andrew Jackson")."""
    firsts: dict[str, str] = {}
    persons: set[str] | None = None
    for c in cands:
        if len(c.words) != 1 or c.words in named_of:
            continue
        cue = None  # the strongest place cue of its own ("in Jackson", "the people of Jackson")
        for r, t, label in c.evidence:
            if t == "place" and (cue is None or r < cue) and label.startswith("place cue: "):
                cue = r
        if not (cue is not None or texts[c.k].endswith(_LOCATIVES, 0, c.start)) or \
                any(t == "organization" or (label.startswith(_WORD_ONLY) and label != "gazetteer: town" or
                                            t == "person") and not (cue is not None and cue < r and
                                                                    label.startswith(_WORD_ONLY))
                    for r, t, label in c.evidence):
            continue
        if cue is not None and any(label.startswith(_WORD_ONLY) and t == "person" for _, t, label in c.evidence):
            if persons is None:
                persons = {w for d in cands if len(d.words) > 1 and _decide(d.evidence)[0] == "person" for w in d.words}
            if c.words[0] in persons:
                continue  # "Andrew Jackson ... in Jackson": who or what is meant is not clear
        if not firsts:
            for d in cands:
                if len(d.words) > 1 and d.words[-1].lower() not in words.company_words and \
                        d.words[-1].lower() not in words.legal_suffixes and _decide(d.evidence)[0] == "organization":
                    firsts.setdefault(d.words[0], " ".join(d.words))
            firsts.setdefault("", "")  # (looked)
        if c.words[0] in firsts:
            named_of[c.words] = firsts[c.words[0]]


def _written_address(texts: Sequence[str], ent: _Entity, words: EntityWords) -> str | None:
    """The honorific of the first mention of ``ent`` written with one that states a gender, as written
    ("Mrs", "Mr."; the mention itself where it is the honorific: "Mr" of "Mr and Mrs Jones")."""
    for k, s, e, _, title in ent.mentions:
        if words.honorifics.get(title or "") in ("male", "female"):
            text = texts[k]
            written = text[s:e] if text[s:e].lower() == title else text[max(0, s - len(title) - 1):s - 1]
            return written if written.lower() == title else title.capitalize()
    return None


#: The evidence label of a town of the gazetteer written as a place beside a person of its name.
_TOWN_BESIDE = "town, beside the person "


def _town_written_as_place(text: str, c: _Cand) -> bool | None:
    """For a one-word form after a preposition of place or motion (:data:`_LOCATIVES`) that the gazetteer
    holds at any size ("in Darwin", "to Darwin"), no possessive, no title: True after a preposition of
    place ("based in Darwin"), False after "to"/"from"; None for any other form (a surname as ever: "In
    Darwin's view", "Ms Darwin"). Either is the town beside a person of that surname named in the same
    sentence ("Helen Darwin, who is based in Darwin,", "who moved to Darwin"); once the document has the
    town so, a later form after a preposition of place is the town too ("Prices in Darwin fell")."""
    if len(c.words) != 1 or c.title is not None or text[c.end:c.end + 1] in ("'", "’") or \
            not any(label.startswith("gazetteer") for _, _, label in c.evidence):
        return None
    return text.endswith(_PLACE_PREPOSITIONS, 0, c.start)


def _bare_before_full(words: EntityWords, entities: Sequence[_Entity], idx: int, same_last: Iterable[int]) -> bool:
    """Entity ``idx`` is a person's bare one-word name first written before a full name ending with it
    (a headline's "Brandt" before "Elena Brandt", also before "Teodor Varga", a name not typed yet: its
    first name in no list, :func:`_untyped_name`): a later bare "Brandt" is a short form of the full
    name (short_target), not a mention of the bare entity."""
    ent = entities[idx]
    return len(ent.words) == 1 and _is_person(ent) and \
        any(len(entities[j].words) > 1 and entities[j].mentions and
            (_is_person(entities[j]) or _untyped_name(words, entities[j])) for j in same_last)


def _untyped_name(words: EntityWords, ent: _Entity) -> bool:
    """A name of two or three name words with no evidence yet ("Teodor Varga": no first name of the
    lists, no title), not a team named after its town ("Harbor City Hawks"): a person's name as far as
    a bare surname written with it can tell."""
    return ent.best is None and 2 <= len(ent.words) <= 3 and all(_NAME_WORD.match(w) for w in ent.words) and \
        not _place_team(words, ent.words)


#: short_target's answer for a surname two persons of the document named in one sentence could be meant
#: by: no entity.
_AMBIGUOUS = -1
#: short_target's (and _among_namesakes') answer for a surname of two persons of the document where the
#: one named last is not surely meant (last named in a description: "Her husband, Owen Marsh,"): a bare
#: name of its own, linked to neither.
_UNSURE = -2


def _titles_of(ent: _Entity, words: EntityWords, texts: Sequence[str]) -> set[str]:
    """The titles written with a person's mentions so far, without the full stop ("dr", "nurse"), and
    those an apposition right after a mention gives ("Elena Ortiz, the presiding judge,": "judge";
    :func:`_appositive_title`)."""
    out = set()
    for k, _, e, _, title in ent.mentions:
        if title:
            out.add(title.rstrip("."))
        elif texts[k][e:e + 1] == "," and (role := _appositive_title(words, texts[k], e)):
            out.add(role)
    return out


def _appositive_titles(texts: Sequence[str], live: Sequence[_Entity], words: EntityWords) -> None:
    """Give each mention of a person written without a title the title an apposition right after it
    gives (:func:`_appositive_title`: "Elena Ortiz, the presiding judge," -> "judge"), as its ``title``
    (the column; a person's only, once the types are decided)."""
    for ent in live:
        if ent.best is None or ent.best[1] != "person":
            continue
        mentions = ent.mentions
        for i, (k, s, e, via, title) in enumerate(mentions):
            if title is None and texts[k][e:e + 1] == "," and (role := _appositive_title(words, texts[k], e)):
                mentions[i] = (k, s, e, via, role)


#: Forms of address a child may be written with: they do not keep a short form off a child (:func:`_named_as_child`).
_CHILD_ADDRESS = frozenset(("miss", "master"))
#: An adult's age in an apposition right after a name ("Tom Pryce, 42,"): 18 to 119.
_ADULT_AGE = re.compile(r",\s+(?:1[89]|[2-9]\d|1[01]\d),")


@functools.lru_cache(maxsize=4)
def _child_before(child: frozenset[str]) -> re.Pattern[str]:
    """A word of ``child_words`` right before a name, or closing an apposition before it ("baby ", "their
    daughter, ")."""
    return re.compile(rf"(?<![\w'’-])(?:{'|'.join(sorted(map(re.escape, child), key=len, reverse=True))}),? $",
                      re.IGNORECASE)


def _addresses_adult(words: EntityWords, texts: Sequence[str], title: str | None, ent: _Entity) -> bool:
    """``title`` (of a short form: "mrs" of "Mrs Pryce") is a title or an adult's form of address (any
    but :data:`_CHILD_ADDRESS`) and ``ent`` a person written as a baby or child (:func:`_named_as_child`):
    the short form names someone else."""
    return title is not None and title not in _CHILD_ADDRESS and _named_as_child(words, texts, ent)


def _named_as_child(words: EntityWords, texts: Sequence[str], ent: _Entity) -> bool:
    """Is the person ``ent`` written as a baby or a child (a word of ``child_words`` right before one of
    its mentions so far: "the death of baby Ella Pryce", "their daughter, Ella,", "whose son Jack"), and
    never with an adult's age after a name ("her son, Tom Pryce, 42,")? Then a title or an adult's form of
    address ("Mrs Pryce", "Mr Pryce") names someone else."""
    if not words.child_words:
        return False
    pattern = _child_before(words.child_words)
    child = False
    for k, s, e, via, _ in ent.mentions:
        if via == "pronoun":
            continue
        if _ADULT_AGE.match(texts[k], e):
            return False
        child = child or pattern.search(texts[k], max(0, s - 16), s) is not None
    return child


def _title_conflicts(words: EntityWords, texts: Sequence[str], title: str | None, ent: _Entity) -> bool:
    """``title``, a form of address stating no gender ("Dr.", "Prof.", "Rev."), names someone else than
    ``ent`` when ``ent`` is written with a formal one-word title of another kind (capitalised before the
    name, as news style writes a formal title, not a description: "Nurse Helen Marsh", not "philosopher
    Noam Chomsky") and never with it: "Dr. Marsh" is not "Nurse Helen Marsh". (Gendered forms of
    address are settled by gender; two-word roles do not conflict: "First Lady Jill Biden" is "Dr.
    Biden".)"""
    if not title or " " in title or words.honorifics.get(title) != "unknown":
        return False
    mine = title.rstrip(".")
    formal = False
    for k, s, _, _, own in ent.mentions:
        if not own:
            continue
        if own.rstrip(".") == mine:
            return False
        if " " not in own and (own,) in words.titles and own not in words.honorifics and \
                f"{own}." not in words.honorifics:
            before = texts[k][:s].rstrip()
            word = before[before.rfind(" ") + 1:]
            formal = formal or (word[:1].isupper() and word.lower() == own)
    return formal


def _among_namesakes(words: EntityWords, entities: Sequence[_Entity], namesakes: Sequence[int], best: int | None,
                     title: str | None, texts: Sequence[str]) -> int | None:
    """Which of two or more persons sharing a surname a bare surname (with or without a title) stands
    for: the one written with that title when only one is ("Dr. Marsh" after "Nurse Helen Marsh met Dr.
    Owen Marsh"), else the most recently named when the others were named in earlier sentences and it
    is the one the document names most so far or was last named as the subject of its sentence (a writer
    uses the bare surname for the person just written about: "Ann and Paul Becker agreed. ... Paul Becker
    said he was tired. Becker left"), else none: named in the same sentence (None: no mention), or last
    named in a description (:data:`_UNSURE`: a bare name of its own; "Her husband, Owen Marsh, was at
    home. Marsh thanked the nurses": the husband, or the article's Helen Marsh?), either could be meant,
    and a wrong guess is worse than no link."""
    people = [i for i in dict.fromkeys(namesakes) if _is_person(entities[i])]
    if len(people) < 2 or best is None:
        return best
    if title:
        same = [i for i in people if title.rstrip(".") in _titles_of(entities[i], words, texts)]
        if len(same) == 1:
            return same[0]
    latest = entities[best].last[0]
    if any(i != best and entities[i].last[0] == latest for i in people):
        return None
    if len(entities[best].mentions) > max(len(entities[i].mentions) for i in people if i != best):
        return best  # the one of them the document names most so far ("Mohamed" for the boy Ahmed Mohamed)
    k, s = entities[best].last
    if _SUBJECT_START.match(texts[k], 0, s) is None:
        return _UNSURE  # last named in a description, an object or a clause: not surely the one meant
    return best


def _addressed_namesake(words: EntityWords, entities: Sequence[_Entity], namesakes: Sequence[int],
                        c: _Cand, texts: Sequence[str]) -> int | None:
    """The one person of ``namesakes`` (persons of the document whose surname the one-word form ``c``
    is) that ``c``'s title addresses: the only one written with that title ("Councillor Kell" after
    "Councillor Ruth Kell" and "Tomas Kell"), else, for an honorific that states a gender ("Ms. Kell"),
    the only one of that gender; None when ``c`` has no title or it fits none or several of them."""
    if not c.title:
        return None
    people = [i for i in dict.fromkeys(namesakes) if _is_person(entities[i])]
    same = [i for i in people if c.title.rstrip(".") in _titles_of(entities[i], words, texts)]
    if len(same) == 1:
        return same[0]
    if same or c.gender is None or words.honorifics.get(c.title) in (None, "unknown"):
        return None
    agree = [i for i in people if _gender_of(entities[i]) == c.gender]
    return agree[0] if len(agree) == 1 else None


def _written_in_case(texts: Sequence[str], name: str) -> str:
    """An all-caps name of several words ("CARROW VALLEY" of a dateline or an all-caps headline) as the
    document writes it in mixed case elsewhere, as a whole word sequence ("Carrow Valley", also inside
    "Carrow Valley General Hospital"); else as it is."""
    low = name.lower()
    for text in texts:
        lowered = text.lower()
        at = lowered.find(low)
        while at >= 0:
            form = text[at:at + len(name)]
            if not form.isupper() and form[:1].isupper() and \
                    not text[at - 1:at].isalnum() and not text[at + len(name):at + len(name) + 1].isalnum():
                return form
            at = lowered.find(low, at + 1)
    return name


_MONTH_NAMES = "|".join(_MONTHS)  # ("Sept" before "Sep")
#: A date as a dateline writes it: "Jan 5", "Jan. 5, 2024", "5 January".
_DATE = rf"(?:(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH_NAMES})\.?(?:,?\s+\d{{4}})?)"
#: A dateline with its credit: "CARROW VALLEY (Northern Wire) -", "GAZA CITY, Jan 5 (Reuters) —", "Jan 5
#: (Reuters) -", "(CNN) —": an all-caps place (and what follows it up to the bracket), a date or nothing,
#: then the credit in brackets and a dash.
_DATELINE_CREDIT = re.compile(rf"\s*(?:[A-Z][A-Z.'’ -]*[A-Z.](?:,[^()\n]{{1,40}})?|{_DATE})?"
                              r"\s*\((?P<credit>[^()\n]{2,60})\)\s*[-–—]")
#: The label words of a credit line, before a colon or "by", and the names after it (capitalised words
#: joined by spaces, slashes, "and", "via"): "Photo: Reuters", "Photograph: Evan Vucci/AP", "Image by
#: AFP"; a wire's reporting line ("staff": "(Reporting by Jane Doe and Sam Lee; Editing by Ann Roe)").
_PICTURE_LABELS = frozenset("photo photos photograph photographs picture pictures image images video footage".split())
_COLON_LABELS = _PICTURE_LABELS | {"credit"}
_BY_LABELS = _PICTURE_LABELS | {"graphic", "graphics"}
_STAFF_LABELS = frozenset(("reporting", "writing", "editing", "compiled"))
_COLON_FORMS, _BY_FORMS, _STAFF_FORMS = (frozenset(f"{b}{form}" for w in labels for form in (w, w.capitalize())
                                                for b in ("", "("))
                                      for labels in (_COLON_LABELS, _BY_LABELS, _STAFF_LABELS))
_CREDIT_NAMES = re.compile(r"\s*(?P<names>[A-Z][\w.'’&-]*(?:(?: |/| and | via )[A-Z][\w.'’&-]*)*)")


def _credit_labels(text: str) -> Iterator[tuple[bool, int, re.Match[str]]]:
    """(a wire's staff line, where its label starts, the names) of each credit label of ``text``
    (:data:`_COLON_LABELS` before a colon, :data:`_BY_LABELS` or :data:`_STAFF_LABELS` before "by")."""
    for sep in (":", " by "):
        at = text.find(sep) if sep in text else -1
        while at > 0:
            w0 = text.rfind(" ", 0, at) + 1
            word = text[w0:at]
            staff = sep == " by " and word in _STAFF_FORMS
            if (word in _COLON_FORMS if sep == ":" else (staff or word in _BY_FORMS)) and \
                    (m := _CREDIT_NAMES.match(text, at + len(sep))):
                if staff and text.endswith(("Additional ", "additional "), 0, w0):
                    w0 -= 11
                yield staff, w0, m
            at = text.find(sep, at + 1)


#: A name joined by a slash to another, as photo credits write photographer and agency: "REUTERS/Toby
#: Melville", "Evan Vucci/AP", "AFP/Getty Images".
_SLASH_PART = re.compile(r"[A-Z][\w.'’&-]*(?: [A-Z][\w.'’&-]*)*")


def _credit_spans(text: str, agencies: frozenset[str]) -> list[tuple[int, int]]:
    """(start, end) of the credits in a sentence: the names after a credit label (:func:`_credit_labels`),
    a news agency alone in brackets after the start of the text or of a sentence or before a dash
    ("(Reuters)", "(AP Photo)", "WASHINGTON (Reuters) –"; not an acronym after its name, "Environmental
    Protection Agency (EPA)"), and both sides of a
    slash between a news agency and another or a photographer's name ("REUTERS/Toby Melville", "AFP/Getty
    Images"; not "the Reuters/Ipsos poll")."""
    spans = []
    if ":" in text or " by " in text:
        for staff, label, m in _credit_labels(text):
            if staff:
                spans.append((label, m.end()))  # the wire's own reporters and editors (and "Editing")
            else:  # a picture's credit: the agency (a photographer's name is a name: "Image: Nick Moreau")
                at = m.start("names")
                for part in re.split(r"( |/| and | via )", m.group("names")):
                    if part.strip() and _agency(part, agencies):
                        spans.append((at, at + len(part)))
                    at += len(part)
                if _agency(m.group("names"), agencies):
                    spans.append(m.span("names"))
    if "/" in text:
        at = text.find("/")
        while at > 0:
            if not (text[at + 1:at + 3].lstrip()[:1].isupper() and text[at - 2:at].rstrip()[-1:].isalpha()):
                at = text.find("/", at + 1)  # (no capital after it, no letter before it: a URL, "and/or")
                continue
            lo, hi = (at - 1, at + 2) if text[at - 1:at] == " " and text[at + 1:at + 2] == " " else (at, at + 1)
            # ("REUTERS/Toby Melville", "Kirsti McCluer / Reuters")
            left = _SLASH_PART.search(text, max(0, lo - 60), lo)
            while left is not None and left.end() != lo:
                left = _SLASH_PART.search(text, left.end() + 1, lo)
            right = _SLASH_PART.match(text, hi)
            if left is not None and right is not None and any(
                    _agency(a.group(), agencies) and (_agency(b.group(), agencies) or _photographer(b.group()))
                    for a, b in ((left, right), (right, left))):
                spans.append((left.start(), right.end()))
            at = text.find("/", at + 1)
    if "(" in text:
        for m in _BRACKETED.finditer(text):
            if _agency(m.group(1), agencies) and (text[:m.start()].rstrip()[-1:] in ("", ".", "!", "?", '"', "”") or
                                                  text[m.end():m.end() + 3].lstrip()[:1] in ("-", "–", "—")):
                spans.append(m.span(1))  # (not an acronym defined after its name: "Protection Agency (EPA)")
    return spans


_BRACKETED = re.compile(r"\(([^()\n]{2,40})\)")


def _photographer(name: str) -> bool:
    """A person's name as a photo credit writes it: two or three capitalised words ("Toby Melville")."""
    parts = name.split()
    return 2 <= len(parts) <= 3 and all(_NAME_WORD.match(p) for p in parts)


def _agency(name: str, agencies: frozenset[str]) -> bool:
    """``name`` is a news agency of ``agencies`` (lower-case), alone or with "Photo" ("AP Photo")."""
    low = name.lower().strip().rstrip(".")
    return low in agencies or (low.endswith(" photo") and low[:-6] in agencies)


def _without_credits(texts: Sequence[str], cands: list[_Cand], words: EntityWords) -> list[_Cand]:
    """``cands`` less the names of credits, which are page furniture, no actors of the report: a
    dateline's credit, the agency in brackets after the all-caps place or the date a report starts with
    ("CARROW VALLEY (Northern Wire) - Nurses ...", "Jan 5 (Reuters) - ..."); the news agency of a photo
    credit ("Photo: Reuters"; a photographer's name is kept, "Image: Nick Moreau", unless joined to an
    agency by a slash: "REUTERS/Toby Melville"); the names of a wire's reporting line ("(Reporting by Jane
    Doe; Editing by Ann Roe)"); a news agency alone in brackets ("(AP)" after a sentence). The dateline's
    place stays, and
    a news agency named otherwise is a name ("Reuters reported", "told the Associated Press")."""
    credits: dict[int, list[tuple[int, int]]] = {}
    for k, text in enumerate(texts[:3]):  # (a dateline opens the text: the headline's sentence or the next)
        if "(" in text[:80] and (m := _DATELINE_CREDIT.match(text)):
            credits[k] = [m.span("credit")]
    last = -1
    for c in cands:  # (in reading order: each sentence with a name once)
        if c.k == last:
            continue
        last = c.k
        text = texts[c.k]
        if "/" in text or "(" in text or ":" in text or " by " in text:
            spans = _credit_spans(text, words.news_agencies)
            if spans:
                credits.setdefault(c.k, []).extend(spans)
    if not credits:
        return cands
    return [c for c in cands if c.k not in credits or not any(s <= c.start and c.end <= e for s, e in credits[c.k])]


def _set_aside_weak_place(ent: _Entity) -> None:
    """Drop the weak place evidence of a preposition ("into Nimbusly") from an entity it would type a
    place although the entity has organisation or person evidence of any rank other than the name
    lists' ("Nimbusly said in a statement", "Nimbusly's chief executive", "Nimbusly shares"): a
    preposition never outweighs what the name says or does elsewhere in the document. Likewise drop
    "said in a statement" from an entity it would type an organisation although the entity has person
    evidence other than the name lists' and "X said" ("Ilyin, 58,", "Ilyin said he", "Ilyin's wife"):
    people issue statements too."""
    best = min(ent.evidence, key=_RANK, default=None)
    if best is None:
        return
    if best[2] in _WEAK_PLACE:
        if not any(t in ("organization", "person") and not label.startswith(_WORD_LISTS)
                   for _, t, label in ent.evidence):
            return
        ent.evidence = [e for e in ent.evidence if e[2] not in _WEAK_PLACE]
    elif best[2] == "statement-cue":
        if not any(t == "person" and not label.startswith(_WORD_LISTS) and not _speech_only(label)
                   for _, t, label in ent.evidence):
            return
        ent.evidence = [e for e in ent.evidence if e[2] != "statement-cue"]
    else:
        return
    ent.best = min(ent.evidence, key=_RANK, default=None)


_DETERMINERS = (" the ", " a ", " an ", " one ", " his ", " her ", " their ", " our ", " my ", " your ", " this ",
                " that ", " every ", " each ", " no ", " most ", " many ", " some ", " all ")


def _set_aside_team_plural(ent: _Entity, texts: Sequence[str]) -> None:
    """Drop the evidence of "the" before a plural name ("the Mets": a team) from an entity written bare
    anywhere in the document, with no "the" or other determiner before it ("100 Polaroids", "exhibit of
    Polaroids", "the cruise ship, Freewinds"): a plural common noun or a name of another kind, not a
    team, band or club ("a Mets fan", "your Mets work", "Cardinals fans": a determiner before it, or
    the name used as a modifier before a lower-case word that is no function word)."""
    stop = _default_words().stop
    for k, s, end, _, _ in ent.mentions:
        text = texts[k]
        if not (" " + text[max(0, s - 7):s].lower()).endswith(_DETERMINERS) and \
                not ((m := _LOWER_WORD.match(text, end + 1)) and text[end:end + 1] == " " and m.group() not in stop):
            ent.evidence = [e for e in ent.evidence if not e[2].startswith("organization cue: the ")]
            ent.best = min(ent.evidence, key=_RANK, default=None)
            return


_COORDINATION = frozenset((" and ", " or ", ", and ", ", or ", " nor ", " as well as "))
_COORDINATION_LONGEST = max(map(len, _COORDINATION))
#: Evidence a coordinated name of a known type overrides: none, or a town of the gazetteer.
_COORDINATION_WEAK = 7


def _coordination(texts: Sequence[str], live: list[_Entity]) -> None:
    """Names written side by side in a list ("Sergey Brin and Larry Page", "Sweden, Tunisia and
    Panama") are of one kind: a name with no evidence of its own (or only a town of the gazetteer) takes
    the type of its neighbour when the neighbour's evidence is strong (rank 3 or better: a title, the
    gazetteer, an organisation word ...) or a first name, as evidence ``coordination: <neighbour>``
    (rank 6); an acronym or a cue in the sentence is too weak ("The EPA and Trump met"). An affiliation
    written before a person's title and name ("Brookfield" of "Tom Reid and Brookfield manager Sam
    Hale": :func:`_affiliations`) is no member of the list: the list's member is the person. One pass,
    in reading order."""
    if not any(ent.best is None or ent.best[0] >= _COORDINATION_WEAK for ent in live):
        return  # every name has evidence of its own (most documents): nothing to share
    spots = sorted((k, s, e, idx, t) for idx, ent in enumerate(live) for k, s, e, _, t in ent.mentions)
    aside = _affiliations(texts, spots)
    added: list[tuple[int, tuple[int, str, str]]] = []
    for (k1, s1, e1, a, _), (k2, s2, e2, b, _) in zip(spots, spots[1:]):
        if k1 != k2 or a == b or s2 - e1 > _COORDINATION_LONGEST or texts[k1][e1:s2] not in _COORDINATION or \
                (k1, s1) in aside or (k2, s2) in aside:
            continue
        for weak, strong in ((a, b), (b, a)):
            wb_, sb = live[weak].best, live[strong].best
            if (wb_ is None or wb_[0] >= _COORDINATION_WEAK) and sb is not None and \
                    (sb[0] <= 3 or (sb[0] == 4 and sb[1] == "person")) and sb[1] in ("person", "organization", "place"):
                added.append((weak, (6, sb[1], f"coordination: {live[strong].display}")))
    for idx, item in added:
        ent = live[idx]
        if item not in ent.evidence:
            ent.evidence.append(item)
        if ent.best is None or item[0] < ent.best[0]:
            ent.best = item


def _affiliations(texts: Sequence[str], spots: Sequence[tuple[int, int, int, int, Any]]) -> set[tuple[int, int]]:
    """(sentence position, start) of the mentions written right before a person's title and name,
    affiliations ("Brookfield" of "Brookfield manager Sam Hale", "Harlow County" of "Harlow County Clerk
    Maria Okafor"): the next mention (``spots``: (k, start, end, entity, title) in reading order) has a
    title and only that title's words stand between the two."""
    out: set[tuple[int, int]] = set()
    for (k1, s1, e1, _, _), (k2, s2, _, _, title) in zip(spots, spots[1:]):
        if k1 == k2 and isinstance(title, str) and title and \
                " ".join(texts[k1][e1:s2].split()).lower() == title:
            out.add((k1, s1))
    return out


def _vocabulary_word(words: EntityWords, low: str) -> bool:
    """A word of the workbench's own lists (place, title, organisation, group words, demonyms): part of
    a name's description, not of a person's name ("New" in "Green New Deal")."""
    return (low in words.place_last or low in words.place_first or low in words.title_words or low in words.org_words
            or low in words.group_words or low in words.demonyms or low in words.stop)


def _plural(word: str) -> bool:
    """A capitalised plural noun ("Polaroids", "Paralympics"), not a surname ("Jones", "Davis"), nor a
    double-barrelled one ending in a surname ("Lloyd-Evans"); of the words in "-es" only the plurals of a
    noun in "-ee" ("Evacuees", "Retirees"; not "Hughes", "Andes")."""
    return len(word) > 4 and word.endswith("s") and (not word.endswith(("ss", "us", "is", "es")) or
                                                     word.endswith("ees")) and \
        word not in _default_words().surnames and word[word.rfind("-") + 1:] not in _default_words().surnames


@functools.lru_cache(maxsize=1 << 14)
def _team_plural(toks: tuple[str, ...]) -> bool:
    """A single capitalised plural written after "the", as a team, band or club is named ("the Mets",
    "the Beatles", "the Gliders"): not a group word or demonym ("the Democrats", "the Americans":
    groups), not a family ("the Clintons": the singular is a surname or first name), not a place ("the
    Philippines") or event ("the Olympics"). (Not a name of several words: "the Paris Climate Accords",
    "the Warhol Polaroids".)"""
    if len(toks) != 1:
        return False
    words = _default_words()
    last = toks[0]
    if len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")) or not last.isalpha() or \
            not last[0].isupper() or not last[1:].islower():
        return False
    low = last.lower()
    single = last[:-1]
    if low in words.group_words or low in words.demonyms or _DEMONYM_SUFFIX.search(low) or \
            single in words.surnames or _family_of(last) is not None or single in words.first_names or \
            single.lower() in words.demonyms:
        return False
    return not (low in words.places or low in words.cities or low in words.big_cities or low in words.event_last or
                low in words.furniture)


def _place_team(words: EntityWords, toks: Sequence[str]) -> bool:
    """A place name and a plural noun ("Harbor City Hawks", "New York Giants", "Los Angeles Lakers"): a
    team or club named after its town, not a person whose surname the plural happens to be ("Hawks").
    The place: a city of the gazetteer, a place of two words ("New York"; not of one: "Israel Vows" is a
    headline's verb), or words ending in a place word ("Harbor City"); the plural no form of a speech verb."""
    last = toks[-1]
    if len(toks) < 2 or len(last) < 4 or not last.endswith("s") or last.endswith(("ss", "us", "is")) or \
            not last[1:].islower():
        return False
    single = last[:-1].lower()
    if single not in words.english or single in words.place_last:
        return False  # not "George Soros", nor "Hampton Roads", "Beaufort Seas": a place
    full = " ".join(toks).lower()
    if last.lower() in words.place_last or full in words.places or full in words.cities or full in words.big_cities:
        return False  # "Colorado Springs", "Idaho Falls": a place of a place's name and a plural
    if last.lower() in _speech_forms():
        return False  # a title-case headline's verb: "Chicago Warns", "Boston Vows"
    place = " ".join(toks[:-1]).lower()
    return place in words.cities or place in words.big_cities or \
        len(toks) > 2 and (place in words.places or toks[-2].lower() in words.place_last)


@functools.lru_cache(maxsize=1)
def _speech_forms() -> frozenset[str]:
    """Every form of the speech cue verbs (``cue_verbs.yml``): "says", "vows", "warns"."""
    from analysis.cues import load_cue_verbs

    return frozenset(load_cue_verbs().lemma_of)


def _family_of(word: str) -> str | None:
    """The surname a capitalised plural is the family of ("Obamas" -> "Obama", "Joneses" -> "Jones"): a
    surname of the lists or a well-known person's (:func:`_known_surnames`) that is no common English word
    (not "Kings", "Browns", "Packers": teams); else None."""
    if len(word) < 4 or not word.endswith("s"):
        return None
    words = _default_words()
    known = _known_surnames()
    for single in (word[:-1], word[:-2] if word.endswith("es") else None):
        if single and (single in words.surnames or single in known) and single.lower() not in words.english:
            return single
    return None


def _families(texts: Sequence[str], live: list[_Entity]) -> None:
    """"the Obamas", "the Adeyemis": the plural of a person's surname after "the" is the family, a group
    (the schema's type for people together), with evidence naming the person of the document it is the
    family of ("family of Barack Obama", rank 3), or by the surname lists alone ("family: Obama")."""
    plurals = [ent for ent in live if ent.words[-1][-1:] == "s" and (ent.best is None or ent.best[0] > 3) and
               len(ent.words) == 1 and ent.words[0][:1].isupper()]  # (not "Democrats", "Texas": rank 3 or better)
    people: dict[str, _Entity] | None = None
    for ent in plurals:
        if not any(texts[k].endswith(("the ", "The "), 0, s) for k, s, *_ in ent.mentions):
            continue
        if people is None:
            people = {}
            for other in live:
                if len(other.words) > 1 and other.best is not None and other.best[1] == "person":
                    people.setdefault(other.words[-1], other)
        word = ent.words[0]
        if word in _default_words().known:
            continue  # a well-known name ("the Reuters article"), no family
        person = people.get(word[:-1]) or (people.get(word[:-2]) if word.endswith("es") else None)
        if person is not None:
            item = (3, "group", f"family of {person.display}")
        elif (single := _family_of(word)) is not None:
            item = (3, "group", f"family: {single}")
        else:
            continue
        ent.evidence = [item] + [e for e in ent.evidence if not e[2].startswith("organization cue: the ")]
        ent.best = min(ent.evidence, key=_RANK)


def _conflict(a: Iterable[tuple[int, str, str]], b: Iterable[tuple[int, str, str]]) -> bool:
    """Strong evidence (a title, the gazetteer, a legal suffix ...: rank 2 or better) for two types."""
    strong_a = [x for x in a if x[0] <= 2]
    strong_b = [x for x in b if x[0] <= 2]
    return bool(strong_a and strong_b and _decide(strong_a)[0] != _decide(strong_b)[0])


@functools.lru_cache(maxsize=1 << 16)
def _key(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name as compared: full stops dropped ("U.S." = "US"), a hyphen parting words as a
    space does ("Alexandria Ocasio-Cortez" = "Alexandria Ocasio Cortez", one entity_id already)."""
    if any("." in w for w in words):
        words = tuple(w.replace(".", "") for w in words)
    return _unhyphenated(words)


def _unhyphenated(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words of a name with each hyphenated word parted at its hyphens ("Ocasio-Cortez" -> "Ocasio",
    "Cortez"): the same name written with a hyphen or a space."""
    if "-" not in " ".join(words) or not any("-" in w[1:-1] for w in words):
        return words
    return tuple(p for w in words for p in (w.split("-") if "-" in w[1:-1] else (w,)) if p)


def _initials(toks: Sequence[str]) -> str:
    return "".join([t[0] for t in toks if t[:1].isupper()])


def _spells(acronym: str, name: Sequence[str]) -> bool:
    """``acronym`` is the initials of ``name``: a capital for each capitalised word in turn, a lower-case
    letter for a function word ("for", "of", "the", "and") where the acronym writes one ("DfE":
    Department for Education; "DHSC": Department of Health and Social Care)."""
    i = 0
    for word in name:
        if word in _ACRONYM_SKIPS:
            i += i < len(acronym) and acronym[i] == word[0]
        elif i < len(acronym) and acronym[i].isupper() and acronym[i] == word[0]:
            i += 1
        else:
            return False
    return i == len(acronym)


@functools.lru_cache(maxsize=1 << 16)
def _name_initials(words: tuple[str, ...]) -> str:
    """:func:`_initials` of a name's words (cached: names repeat)."""
    return _initials(words)


def _link(ent: _Entity, texts: Sequence[str], overlay: _Overlay) -> None:
    """Link ``ent`` to the actor one of its forms (its display name first, then its mentions as written)
    is an alias of, when the types agree (see the module docstring) and, for a person actor, the first
    names do (:func:`_other_first_name`)."""
    etype = _decide(ent.evidence)[0]
    if etype == "person" or ent.display in overlay.alias_actor:
        forms = [ent.display] + [texts[k][s:e] for k, s, e, *_ in ent.mentions]
    else:
        # an organisation, place or other name that is no alias links through its full name only (or a
        # leading part it adds only kind words to: "Brightwater" of Brightwater Capital), not through a short
        # form ("Harlow", an alias of the club, is no link of the Harlow Athletic Supporters' Trust)
        forms = [ent.display] + _full_name_forms(_default_words(), ent, texts)
    # only a name's own evidence (rank 4 or better: a title, the gazetteer, an organisation word ...) can
    # disagree with the lexicon; a cue in the sentence ("Hamas said") cannot
    weak = min((e[0] for e in ent.evidence), default=9) >= 5
    for form in dict.fromkeys(forms):
        actor = overlay.alias_actor.get(form)
        if actor is None:
            continue
        if overlay.types[actor] != "person" and _person_name_ending(ent.display.split(), form, overlay.name_words[actor]):
            continue  # "Jim Jordan ... Jordan said": a person's surname, never the country Jordan (also when weak)
        if (weak or etype in _AGREES.get(overlay.types[actor], ENTITY_TYPES)) and not (
                overlay.types[actor] == "person" and _other_first_name(ent.display.split(), form, overlay.name_words[actor])):
            ent.actor = actor
            lex_type = LEXICON_ENTITY_TYPES.get(overlay.types[actor])
            if lex_type:
                ent.evidence.append((0, lex_type, f"lexicon: {overlay.types[actor]}"))
            g = overlay.genders[actor]
            if isinstance(g, str) and g in ("male", "female"):
                ent.gender, ent.gender_weak = g, False
            return


#: The word written right before a position and one space: a title word of a mention ("Mrs" of "Mrs Pryce").
_WORD_BEFORE = re.compile(r"(?<![\w.'’-])[^\W\d_][\w.'’-]* \Z")


def _written_alias(text: str, start: int, end: int, title: str | None, alias_actor: Mapping[str, int],
                   honorifics: Mapping[str, str]) -> tuple[int, str, str] | None:
    """(actor, alias, alias without its title) of the mention ``text[start:end]``: the longest lexicon
    alias it is written as, with its whole ``title`` written right before it, or an honorific of it
    ("Mrs Pryce", "Dr Marchbank", "Dame Sarah Hill" of "Labour MP Dame Sarah Hill": the title is stripped
    from the mention; not a part of a title, "Executive Priya Raman" of "Chief Executive Priya Raman"), or
    as it stands ("Royal Wessex"); else None."""
    bare = text[start:end]
    found = None
    actor = alias_actor.get(bare)
    if actor is not None:
        found = (actor, bare, bare)
    if title:
        wanted = title.replace(".", " ").split()
        at, seen = start, []
        for _ in range(len(wanted)):
            m = _WORD_BEFORE.search(text, max(0, at - 40), at)
            if m is None:
                break
            seen.insert(0, m.group()[:-1].replace(".", "").lower())
            if seen != wanted[len(wanted) - len(seen):]:
                break
            at = m.start()
            if len(seen) == len(wanted) or (len(seen) == 1 and seen[0] in honorifics):
                actor = alias_actor.get(text[at:end])
                if actor is not None:
                    found = (actor, text[at:end], bare)
    return found


def _alias_authority(texts: Sequence[str], live: list[_Entity], overlay: _Overlay, words: EntityWords) -> None:
    """Make the lexicon's aliases authoritative over the entity layer's typing and merging (run after
    :func:`_link`; see the module docstring, "Lexicon overlay"): an unlinked entity whose full name is
    an alias, or most of whose mentions are written as an alias of two or more words of one actor,
    links to that actor and takes its type (:func:`_link_by_alias`); a mention written as an alias of two
    or more words of another actor than its entity's leaves the entity for the document's entity of
    that actor, or for an entity of its own (:func:`_moved_entity`). ``live`` is changed in place."""
    aliases, honorifics = overlay.alias_actor, words.honorifics
    written: list[tuple[_Entity, list[tuple[int, str, str] | None]]] = []  # the entities with an alias
    for ent in live:
        forms: list[tuple[int, str, str] | None] | None = None
        for n, (k, s, e, _, title) in enumerate(ent.mentions):
            if title:
                found = _written_alias(texts[k], s, e, title, aliases, honorifics)
            else:  # (most mentions: the form as written, looked up here)
                form = texts[k][s:e]
                actor = aliases.get(form)
                found = None if actor is None else (actor, form, form)
            if found is not None:
                if forms is None:
                    forms = [None] * len(ent.mentions)
                forms[n] = found
        if forms is not None:
            written.append((ent, forms))
    for ent, forms in written:
        if ent.actor is None:
            _link_by_alias(ent, forms, overlay)
    moved: dict[int, list[tuple[tuple, tuple[int, str, str]]]] = {}
    for ent, forms in written:
        out = [(m, f) for m, f in zip(ent.mentions, forms)  # (not its own full name: the entity's link decides)
               if f is not None and f[0] != ent.actor and " " in f[1] and f[2] != ent.display]
        if out and len(out) < len(ent.mentions):  # (all its mentions another actor's: _link_by_alias decided)
            gone = {id(m) for m, _ in out}
            ent.mentions = [m for m in ent.mentions if id(m) not in gone]
            for m, f in out:
                moved.setdefault(f[0], []).append((m, f))
            _drop_titles(ent, {m[4] for m, _ in out if m[4]} - {m[4] for m in ent.mentions}, words)
    for actor, items in moved.items():
        target = next((ent for ent in live if ent.actor == actor), None)
        if target is None:
            live.append(_moved_entity(texts, items, actor, overlay, words))
        else:
            target.mentions = sorted(target.mentions + [
                (k, s, e, "name" if f[2] == target.display else "short", title) for (k, s, e, _, title), f in items])


def _drop_titles(ent: _Entity, titles: set[str], words: EntityWords) -> None:
    """Take from ``ent``'s evidence the honorifics and titles ``titles`` that only mentions it lost wrote
    (Ella Pryce keeps no "honorific: mrs" once "Mrs Pryce" is Laura Pryce's), and the gender such an
    honorific gave it, for its first name's where it has one."""
    if not titles:
        return
    labels = {f"{kind}: {t}" for t in titles for kind in ("honorific", "title")}
    ent.evidence = [ev for ev in ent.evidence if ev[2] not in labels]
    said = {words.honorifics.get(t) for t in titles}
    if ent.gender in said and ent.first_name_gender:
        ent.gender, ent.gender_weak = ent.first_name_gender, False


def _link_by_alias(ent: _Entity, forms: Sequence[tuple[int, str, str] | None], overlay: _Overlay) -> None:
    """Link the unlinked ``ent`` to the actor its full name (as it stands, or written with its title) is an
    alias of, or that most of its mentions
    (``forms``: :func:`_written_alias` of each) are written as an alias of two or more words of, and give
    it that actor's type and gender (an organisation: no gender), even where its own evidence typed it
    otherwise ("Royal Wessex", a person by "first name: Royal", is the trust of the alias) — not through
    an alias of one word ("Jordan" the country is no Rep. Jordan), nor, for a person actor, where the
    entity writes another first name (:func:`_other_first_name`)."""
    actor = overlay.alias_actor.get(ent.display)
    titled = next((f for f in forms if f is not None and f[2] == ent.display), None) if actor is None else None
    if actor is not None:
        form = bare = ent.display
    elif titled is not None:  # its full name written with its title is an alias ("Dame Sarah Hill")
        actor, form, bare = titled
    else:
        tally = Counter(f[0] for f in forms if f is not None and " " in f[1])
        if not tally:
            return
        actor, count = tally.most_common(1)[0]
        if 2 * count <= len(forms):
            return
        form, bare = next((f[1], f[2]) for f in forms if f is not None and f[0] == actor and " " in f[1])
    kind = overlay.types[actor]
    if " " not in form and _decide(ent.evidence)[0] not in _AGREES.get(kind, ENTITY_TYPES):
        return
    if kind == "person" and _other_first_name(ent.display.split(), bare, overlay.name_words[actor]):
        return
    ent.actor = actor
    lex_type = LEXICON_ENTITY_TYPES.get(kind)
    if lex_type:
        ent.evidence.append((0, lex_type, f"lexicon: {kind}"))
    g = overlay.genders[actor]
    if isinstance(g, str) and g in ("male", "female"):
        ent.gender, ent.gender_weak = g, False
    elif lex_type is not None and lex_type != "person":
        ent.gender, ent.first_name_gender, ent.gender_weak = None, None, False


def _moved_entity(texts: Sequence[str], items: Sequence[tuple[tuple, tuple[int, str, str]]], actor: int,
                  overlay: _Overlay, words: EntityWords) -> _Entity:
    """The entity, linked to ``actor``, of the mentions ``items`` (mention, :func:`_written_alias`) that
    the lexicon took from other entities: named by the first alias without its title, with its
    honorific as written where it states a gender ("Mrs Pryce"), typed and gendered by the actor (else
    by the honorific)."""
    mentions = sorted((k, s, e, "name", title) for (k, s, e, _, title), _ in items)
    bare = items[0][1][2]
    ent = _Entity(words=tuple(bare.split()), display=bare, actor=actor, mentions=mentions,
                  last=max((k, s) for k, s, *_ in mentions))
    kind = overlay.types[actor]
    lex_type = LEXICON_ENTITY_TYPES.get(kind)
    if lex_type:
        ent.evidence.append((0, lex_type, f"lexicon: {kind}"))
    g = overlay.genders[actor]
    said = next((words.honorifics.get(t or "") for *_, t in mentions
                 if words.honorifics.get(t or "") in ("male", "female")), None)
    ent.gender = g if isinstance(g, str) and g in ("male", "female") else said if lex_type in ("person", None) else None
    if lex_type in ("person", None):
        ent.address = _written_address(texts, ent, words)
        if ent.address is not None:
            ent.display = f"{ent.address} {bare}"
    return ent


def _full_name_forms(words: EntityWords, ent: _Entity, texts: Sequence[str]) -> list[str]:
    """The forms, as written, of ``ent``'s mentions by its full name (``via`` "name"), and of its short
    forms that are a leading part of its name to which the name adds only kind words
    (:func:`_kind_words`: "Brightwater" of Brightwater Capital), in reading order."""
    out = []
    for k, s, e, via, _ in ent.mentions:
        form = texts[k][s:e]
        n = len(form.split())
        if via == "name" or (n < len(ent.words) and tuple(form.split()) == ent.words[:n] and
                             _kind_words(words, ent.words, n)):
            out.append(form)
    return out


#: A first name written as an initial ("K." or "K").
_FIRST_INITIAL = re.compile(r"[A-Z]\.?")


def _other_first_name(full: Sequence[str], form: str, actor_words: frozenset[str]) -> bool:
    """Whether the full name ``full`` (an entity's display name, titles stripped) writes a first name
    other than the actor's, which its shorter ``form`` (an alias of the actor: a surname) is no
    evidence against ("Sarah Harris", written "Harris" later, is not Kamala Harris).

    A person's first name is the first word of the full name when the full name ends with the words of
    ``form`` and is longer: the words before the alias are given names, and the first of them is
    compared (a middle name or initial is not: "Kamala Devi Harris" is Kamala Harris) — unless it is a
    common English word that is no first name of the list (a headline's word run into the name: "Bus
    Trump", "Calls Donald Trump"; "Will Harris" and "Ivanka Trump" have first names). It agrees when it
    is a word of the actor's name or aliases (``actor_words``: "Bill", "William", "Bibi"), or is an
    initial ("K." or "K") of such a word other than the alias's ("K. Harris"). No first name — a bare
    "Harris", a form that is not the end of the full name — never disagrees."""
    words = form.split()
    if len(full) <= len(words) or list(full[len(full) - len(words):]) != words:
        return False
    first = full[0].replace(".", "")
    if first in actor_words:
        return False
    if _FIRST_INITIAL.fullmatch(full[0]):
        return not any(w.startswith(first) for w in actor_words - set(words))
    names = _default_words()
    return first in names.first_names or first.lower() not in names.english


def _person_name_ending(full: Sequence[str], form: str, actor_words: frozenset[str]) -> bool:
    """Whether ``form``, an alias of one word of a lexicon actor that is no person (a country, place,
    organisation or group: "Jordan"), is the surname of the full name ``full`` (an entity's display
    name, titles stripped): the last word of a longer name whose first word is a first name of the
    name lists and no word of the actor's name or aliases (``actor_words``): "Jim Jordan", written
    "Jordan" later, is a congressman, not the country; "Steve Israel" no Israel, "Gerald Ford" no Ford
    company. Not "West Virginia", "South Korea" (no first name before the alias), nor an alias of two
    words or more (the user wrote that name)."""
    if " " in form or len(full) < 2 or full[-1] != form or full[0] in actor_words:
        return False
    return full[0] in _default_words().first_names


#: A possessive pronoun and a relative or companion right before a name and a comma: "his brother, ",
#: "her late husband, ".
_RELATIVE_BEFORE = re.compile(r"(?<![\w'’-])(his|her|His|Her) (?:[a-z]+ )?(?:brother|sister|son|daughter|wife|"
                              r"husband|father|mother|partner|friend|cousin|uncle|aunt|nephew|niece|"
                              r"grandson|granddaughter|grandfather|grandmother|fiancée?|boyfriend|girlfriend), $")


def _relative_of(text: str, start: int, gender: str, *, end: int | None = None, at: int | None = None) -> bool:
    """The person named at ``start`` of ``text`` is written as a relative of someone the possessive before
    it stands for, of ``gender`` ("He went looking for his brother, George Whitman, after he got a
    telegram"): no antecedent of a he/she of that gender after it in the sentence (the possessor's). Not
    when the relative opens the sentence and gives the words a he/she at ``at`` stands in (the name
    ending at ``end``, then an age or an aside and a speech verb: "Her mother, Laura Pryce, 34, told the
    inquest that she had reported ..."): the sentence's subject reports her own words."""
    if not (start > 6 and text[start - 2] == "," and
            (m := _RELATIVE_BEFORE.search(text, max(0, start - 40), start)) is not None and
            (m.group(1).lower() == "his") == (gender == "male")):
        return False
    if end is None or at is None or text[:m.start()].strip(_OPENERS + " ") or at <= end:
        return True
    aside = _ASIDE_AFTER_NAME.match(text, end)
    cue = _person_cue().match(text, aside.end() if aside is not None else end)
    return cue is None or cue.group("speech") is None or cue.end() > at


#: An age or a short aside between commas right after a name ("Laura Pryce, 34, told"): what
#: :func:`_relative_of` passes over before the speech verb.
_ASIDE_AFTER_NAME = re.compile(r",\s+[^,\n]{1,40}(?=,)")


_POSSESSIVE_AFTER = re.compile(r"['’]s?\b|['’]")
_RELATIVE_AFTER_NAME = re.compile(r",\s+(?:who|whose|whom)\b")


def _mention_end(ent: _Entity, k: int, start: int) -> int:
    """The end of ``ent``'s mention at ``start`` of sentence ``k`` (``start`` when not found)."""
    return next((e for kk, s, e, *_ in ent.mentions if kk == k and s == start), start)


def _starts_sentence(text: str, ent: _Entity, k: int, start: int) -> bool:
    """The mention of ``ent`` at ``start`` of sentence ``k`` (``text``) is the person the sentence starts
    with: at most three capitalised words before it, or before the title written in front of it
    ("Security researcher Kwame Mensah, whose warnings went unanswered, welcomed ...")."""
    if _SUBJECT_START.match(text, 0, start) is not None:
        return True
    title = next((t for kk, s, _, _, t in ent.mentions if kk == k and s == start), None)
    if not title:
        return False
    head = text[:start].rstrip()
    return head[-len(title):].lower() == title and (len(head) == len(title) or not head[-len(title) - 1].isalnum()) \
        and _SUBJECT_START.match(text, 0, len(head) - len(title)) is not None


_CUE_BEFORE_QUOTATION = re.compile(r"[^\"“”]{0,60}(?<![\w'’-])(?:said|says|added|adds|told|tells|wrote|writes|"
                                  r"insisted|insists|explained|replied|continued)(?![\w'’-])[^\"“”]{0,20}$")


def _quotation_speaker(texts: Sequence[str], k: int, at: int, persons: list[tuple[int, int, int]],
                       here: int, reach: int = 3) -> int | None:
    """The speaker of the quotation a pronoun at ``at`` of sentence ``k`` of ``texts`` stands in ('"Luca
    is our best player and he is staying," Whitfield said' -> Whitfield's entity; also a pronoun opening
    the quotation, or in the part of a quotation the sentence before opened): the first person named in
    the sentence within a few words after the quotation's closing mark, else the one named before its
    opening mark with a speech verb between ('Whitfield said: "…"'), else — a quotation that opens its
    sentence (or the sentence before, where it opened) and ends it with no words of its own after the
    closing mark — the speaker of the last quotation of the sentence before it: the second part of a
    quotation split around its cue ('"He has worked so hard," Callum said. "He will come back
    stronger."' -> Callum's entity), as the quote layer joins them, over at most ``reach`` such parts
    (a transcript of quoted lines costs no more than that per pronoun); None when the pronoun is in no
    quotation. A third-person pronoun in a quotation is never its speaker, who would say "I"."""
    text = texts[k]
    if '"' not in text and "“" not in text and "”" not in text:
        return None
    straight = text.count('"', 0, at)
    curly_open, curly_close = text.rfind("“", 0, at), text.rfind("”", 0, at)
    lo = -1
    if straight % 2:
        lo = text.rfind('"', 0, at)
    if curly_open > curly_close and curly_open > lo:
        lo = curly_open
    if lo >= 0:
        close = min((c for c in (text.find('"', at) if text[lo] == '"' else -1, text.find("”", at)) if c >= 0),
                    default=-1)
    elif not straight and curly_open < 0 and curly_close < 0:
        # no mark before it in the sentence: inside only when the next mark closes a quotation the
        # sentence before opened ('He is staying," Whitfield said.')
        nxt_straight, nxt_open, nxt_close = text.find('"', at), text.find("“", at), text.find("”", at)
        if nxt_straight >= 0 and text.count('"', at) % 2:
            close = nxt_straight
        elif nxt_close >= 0 and (nxt_open < 0 or nxt_close < nxt_open):
            close = nxt_close
        else:
            return None
    else:
        return None
    if close >= 0:
        for p in persons[here:]:
            if p[0] != k or p[1] > close + 40:
                break
            if p[1] > close:
                return p[2]
    elif lo >= 0 and k + 1 < len(texts):
        after = _speaker_after_run_on(texts[k + 1], text[lo], persons, k + 1)
        if after is not None:
            return after
    if lo > 0:
        before = None
        for p in persons[bisect_left(persons, (k, 0)):here]:
            if p[1] < lo:
                before = p
        if before is not None and _CUE_BEFORE_QUOTATION.match(text, before[1], lo) is not None:
            return before[2]
    return _continued_speaker(texts, k, lo, close, persons, reach) if reach > 0 else None


def _speaker_after_run_on(text: str, mark: str, persons: list[tuple[int, int, int]], k: int) -> int | None:
    """The speaker of a quotation that opened (with ``mark``) in the sentence before sentence ``k``
    (``text``) and closes in it: the first person named within a few words after its closing mark, the
    first mark of ``text`` that closes ('“She was kind. She listened,” Delgado said' -> Delgado's entity,
    for the "She" of the first sentence); None when it does not close there or no person follows."""
    if mark == '"':
        close = text.find('"')
    else:
        close, opening = text.find("”"), text.find("“")
        if opening >= 0 and opening < close:
            return None
    if close < 0:
        return None
    for p in persons[bisect_left(persons, (k, 0)):]:
        if p[0] != k or p[1] > close + 40:
            break
        if p[1] > close:
            return p[2]
    return None


def _within_quotation(text: str, at: int) -> bool:
    """Is position ``at`` of the sentence ``text`` between an opening quotation mark and its close (an
    odd number of straight marks before it, or a curly opening mark after the last curly close)?"""
    return text.count('"', 0, at) % 2 == 1 or text.rfind("“", 0, at) > text.rfind("”", 0, at)


#: What may follow the closing mark of a quotation that ends its sentence with no words of its own.
_ENDS_SENTENCE = re.compile(r"[\s.!?…]*")


def _continued_speaker(texts: Sequence[str], k: int, lo: int, close: int,
                       persons: list[tuple[int, int, int]], reach: int) -> int | None:
    """The speaker a quotation of sentence ``k`` (opening mark at ``lo``, -1 when it opened in the
    sentence before; closing mark at ``close``, -1 when it runs on) continues when nothing in its
    own sentence names one: it opens its sentence (or opened the sentence before) and no words follow
    its closing mark, and the sentence before the one it opened in ends a quotation whose speaker
    :func:`_quotation_speaker` finds ('"He has worked so hard," Callum said. "He will come back
    stronger."'); else None."""
    if close >= 0 and _ENDS_SENTENCE.fullmatch(texts[k], close + 1) is None:
        return None  # words of its own after it ('"…," his mother said'): another speaker, perhaps unnamed
    if lo < 0:  # opened in the sentence before: its last opening mark
        k -= 1
        lo = max(texts[k].rfind('"'), texts[k].rfind("“")) if k >= 0 else -1
    if k < 1 or lo < 0 or texts[k][:lo].strip():
        return None
    return _closing_speaker(texts, k - 1, persons, reach - 1)


def _closing_speaker(texts: Sequence[str], k: int, persons: list[tuple[int, int, int]], reach: int) -> int | None:
    """The speaker (:func:`_quotation_speaker`) of the last quotation that closes in sentence ``k``; None
    when none closes there or it has none."""
    text = texts[k]
    mark = max(text.rfind('"'), text.rfind("”"))
    if mark < 0 or (text[mark] == '"' and text.count('"', 0, mark) % 2 == 0):
        return None  # no quotation closes there
    return _quotation_speaker(texts, k, mark, persons, bisect_left(persons, (k, mark)), reach)


#: A he/she that gives the words of the quotation before it: '…," she said', '…," said he'.
_VOICE_AFTER = re.compile(r"[\s,.!?…]*(?:(?P<pronoun>[Hh]e|[Ss]he)|(?:said|says|added|adds|replied|continued)\s+"
                          r"(?P<after>he|she))(?![\w'’-])")
#: ... or of the quotation after it: 'she said: "…"', 'she added, "…"' (the last he/she before the mark).
_VOICE_BEFORE = re.compile(r"(?<![\w'’-])(he|she)(?![\w'’-])[^\"“”]{0,40}$", re.IGNORECASE)


def _pronoun_voice(texts: Sequence[str], k: int, at: int, reach: int = 3) -> tuple[str, tuple[int, int]] | None:
    """The he/she that gives the words of the quotation a pronoun at ``at`` of sentence ``k`` stands in,
    lower-case, with where the quotation opens (sentence, offset of its opening mark; the sentence's
    start when it opened in the sentence before): '"I asked my manager and he told me to forget it,"
    she said' -> ("she", (k, 0)), for the "he"; also 'she said: "…"', a quotation that runs on into the
    next sentence and closes there before its he/she ('"Everybody knew his temper. Nobody wanted to be
    next," she said'), and the second part of a
    quotation split around a pronoun cue ('"I asked," she said. "He told me to forget it."', over at
    most ``reach`` parts, as :func:`_continued_speaker` does for named speakers); None when the pronoun
    is in no quotation or its speaker is not a he/she (named, or not written)."""
    text = texts[k]
    if '"' not in text and "“" not in text and "”" not in text:
        return None
    lo = close = -1
    if _within_quotation(text, at):
        straight = text.rfind('"', 0, at) if text.count('"', 0, at) % 2 else -1
        curly = text.rfind("“", 0, at)
        lo = max(straight, curly if curly > text.rfind("”", 0, at) else -1)
        close = text.find('"', at) if text[lo] == '"' else text.find("”", at)
    elif '"' not in text[:at] and "“" not in text[:at] and "”" not in text[:at]:
        nxt_open, nxt_close = text.find("“", at), text.find("”", at)
        if text.count('"', at) % 2:
            close = text.find('"', at)
        elif nxt_close >= 0 and (nxt_open < 0 or nxt_close < nxt_open):
            close = nxt_close
        else:
            return None  # in no quotation
    else:
        return None
    opened = (k, lo) if lo >= 0 else (k, 0)
    closing, at_close = text, close
    if close < 0 and lo >= 0 and k + 1 < len(texts):
        # it runs on into the next sentence: its first closing mark there ('"Everybody knew his temper. |
        # Nobody wanted to be next," she said')
        closing = texts[k + 1]
        at_close = closing.find('"') if text[lo] == '"' else closing.find("”")
        if text[lo] != '"' and 0 <= closing.find("“") < at_close:
            at_close = -1
    if at_close >= 0 and (after := _VOICE_AFTER.match(closing, at_close + 1)) is not None:
        word = after.group("pronoun") or after.group("after")
        if after.group("after") or ((cue := _person_cue().match(closing, after.end())) is not None
                                    and cue.group("speech") is not None):
            return word.lower(), opened
    if lo > 0 and (before := _VOICE_BEFORE.search(text, max(0, lo - 60), lo)) is not None:
        cue = _person_cue().match(text, before.end(1))
        if cue is not None and cue.group("speech") is not None and \
                re.fullmatch(r"[^\"“”]{0,20}", text[cue.end():lo]) is not None:
            return before.group(1).lower(), opened
    if reach > 0 and lo >= 0 and not text[:lo].strip() and k > 0 and \
            (close < 0 or _ENDS_SENTENCE.fullmatch(text, close + 1) is not None):
        # the second part of a quotation split around its cue: the voice of the last quotation before it
        prev = texts[k - 1]
        mark = max(prev.rfind('"'), prev.rfind("”"))
        if mark > 0 and (prev[mark] == "”" or prev.count('"', 0, mark) % 2):
            found = _pronoun_voice(texts, k - 1, mark, reach - 1)
            return (found[0], opened) if found is not None else None
    return None


def _speaker_before(texts: Sequence[str], k: int, persons: list[tuple[int, int, int]], live: Sequence[_Entity],
                    voiced: Sequence[tuple[int, int, int]]) -> int | None:
    """The person the sentence before sentence ``k`` last gives words to, as the quote layer takes the
    speaker of the quotation before a pronoun speaker: of the persons named there with a speech verb
    after the name (past an aside between commas, whose names do not speak) or "according to" before
    it (:func:`_speaks`: "The trust's chair, Dr. Priya Nandra, said ...", "Elaine Klein, the deputy
    secretary under Obama, said ..." -> Elaine Klein) or after a quotation's closing mark and a speech
    verb ('"…," said Dev Mistry.'), and the he/she there that gave words (``voiced``: sentence, start,
    person), the last; None when it gives words to no one named."""
    if k < 1:
        return None
    prev, found, aside_end = texts[k - 1], (-1, None), -1
    for _, s, idx in persons[bisect_left(persons, (k - 1, 0)):bisect_left(persons, (k, 0))]:
        if s < aside_end:
            continue  # named in the aside of the one who speaks ("Klein, the deputy under Obama, said")
        end = _mention_end(live[idx], k - 1, s)
        aside = _ASIDE_THEN_SPEECH.match(prev, end)
        if aside is not None or _speaks(prev, s, end) or _SAID_AFTER_QUOTATION.search(prev, max(0, s - 60), s):
            found, aside_end = (s, idx), aside.end() if aside is not None else -1
    for vk, s, idx in voiced[-3:]:
        if vk == k - 1 and s > found[0]:
            found = (s, idx)
    return found[1]


#: A quotation's closing mark (after the punctuation that ends its words) right before a pronoun:
#: '…next," she said' (a straight mark there closes, also when the quotation opened in an earlier sentence).
_CLOSED_BEFORE = re.compile(r"[,.!?…—-][\"”’]\s*$")


def _opening_sentence(texts: Sequence[str], k: int, at: int, reach: int = 3) -> int:
    """The sentence where the quotation that closes in sentence ``k`` before ``at`` opened, when it
    opened in an earlier one (at most ``reach`` back: '"Everybody knew his temper. | Nobody wanted to be
    next," she said' -> the sentence before), else ``k``: a he/she that gives its words continues the
    person the sentence before the quotation gives words to (:func:`_speaker_before`)."""
    head = texts[k][:at]
    if "“" in head or head.count('"') != 1:
        return k  # it opened in this sentence (or the marks are not one closing one)
    for j in range(k - 1, max(-1, k - 1 - reach), -1):
        if texts[j].count('"') % 2 or texts[j].rfind("“") > texts[j].rfind("”"):
            return j
    return k


#: Speech verbs that take no object ("said", not "told X", which may report about X): the verbs of
#: :data:`_REPORTS_OWN_CLAUSE` and :data:`_ASIDE_THEN_SPEECH`, and with "told", "asked" ... of
#: :data:`_SAID_AFTER_QUOTATION`.
_OWN_SPEECH_WORDS = ("said", "says", "added", "adds", "wrote", "writes", "insisted", "insists", "explained",
                     "explains", "replied", "argued", "argues", "warned", "warns", "stated", "states", "claimed",
                     "claims", "noted", "notes", "admitted", "admits", "conceded", "concedes")


#: A speech verb between a quotation's closing mark and the name after it ('"…," said EPA spokesman
#: Lincoln Ferguson'): at most four words (a title) between the verb and the name.
_SAID_AFTER_QUOTATION = re.compile(
    r"[\"”’],?\s+(?:" + "|".join((*(w for w in _OWN_SPEECH_WORDS if not w.startswith("conced")),
                                  "replies", "told", "tells", "continued", "asked", "asks"))
    + r")\s+(?:[\w.'’-]+\s+){0,4}$")


#: The text between a person's name and a "him" or an object "her" of the verb that name is the subject
#: of: a verb, perhaps after auxiliaries and adverbs ("Tom told him", "Tom Hughes, backed him", "Reyes has
#: repeatedly warned him"), after "who" ("Tom, who backed him") or after an aside between commas that
#: describes the name ("Councillor Ruth Kell, who chairs the committee, pressed her", "Reyes, 41, told
#: him"). Binding (principle B): a non-reflexive object pronoun is never the subject of its own clause, so
#: that name is not its person ("herself" would be); not a pronoun further on ("Kell said the firm told
#: her": another clause's object) or in the aside ("Kell, the chair of the board that hired her").
#: ... where that text is a comma and a participle ("Kelly, calling him"): the participle's subject is the
#: sentence's, the name only when it opens the sentence ("Kelly, calling him a liar, left").
_PARTICIPLE_AFTER_COMMA = re.compile(r",\s+[a-z]+ing\s+")
_SUBJECT_OF_OBJECT = re.compile(r"(?:,\s+(?:who|whose|a|an|the|\d{1,3})\b[^,;:()\"“”]*,|,)?\s+(?:who\s+)?"
                                r"(?:(?:has|have|had|will|would|could|can|may|might|must|should|did|does|do|"
                                r"then|also|later|again|never|not|first|just|once|still|already|even|ever|soon|"
                                r"often|always|only|[a-z]+ly)\s+){0,2}[a-z]+\s+")

#: What follows a "her" that is an object, not a possessive ("pressed her on why", "told her to", "thanked
#: her."; not "pressed her case", nor 'unveiled her "Blue New Deal"'): a mark that ends a phrase (no
#: quotation mark), the end, or a preposition, conjunction or particle.
_OBJECT_HER = re.compile(r"\s*(?:[.,;:!?)—–]|$)|\s+(?:on|about|in|into|to|for|with|at|from|of|over|that|and|or|"
                         r"but|as|if|after|before|again|back|up|down|out|off|away|because|when|while|until|by|"
                         r"through|during|why|what|how|whether|not|too|so|then|now|here|there)(?![\w'’-])")

#: Between a subject pronoun and the subject of the clause its speech verb reports: "She said (that) |she|
#: was hopeful", "he added that |he| ..." (a verb of no object: "told X" may report about X).
_REPORTS_OWN_CLAUSE = re.compile(r"\s+(?:(?:also|later|then|again|previously)\s+)?(?:" + "|".join(_OWN_SPEECH_WORDS)
                                 + r")(?:,?\s+that)?\s+")
#: After the person a sentence opens with: an aside between commas, then the speech verb whose clause a
#: he/she after it is in ("Tom Hughes, who had campaigned for his brother Sam Hughes, said ... he would"):
#: the verbs of :data:`_REPORTS_OWN_CLAUSE`.
_ASIDE_THEN_SPEECH = re.compile(r",[^,\n]+,\s+(?:(?:also|later|then|again|previously)\s+)?(?:"
                                + "|".join(_OWN_SPEECH_WORDS) + r")\b")


#: Before an emphatic reflexive: a preposition, a clause start (or "and", "but", "even") and "the"/"a"
#: with at most one modifier and a noun ("much like the devil himself", "The president himself said").
_NOUN_BEFORE_REFLEXIVE = re.compile(
    r"(?:(?<![\w'’-])(?:like|unlike|than|as|even|with|by|to|for|of|from|about|against|including|and|but)\s+|"
    r"^[\s\"'“‘]*|,\s+)(?:the|The|a|A|an|An|this|This|that|That)\s+(?:([a-z][a-z-]*)\s+)?([a-z][a-z-]*)\s+\Z")


def _noun_before_reflexive(words: EntityWords | None, text: str, at: int) -> tuple[str, ...] | None:
    """The noun an emphatic "himself"/"herself" at ``text[at:]`` is written right after, as the title
    words it is (("governor",), ("deputy", "mayor"); ``()`` for a noun that is no title, "the devil"),
    where that noun phrase follows a preposition or starts a clause (:data:`_NOUN_BEFORE_REFLEXIVE`:
    "much like the devil himself", "The president himself said"; not a verb's object, "built the house
    himself", which is the subject's); None otherwise (a verb's reflexive, "told himself", or a name,
    "Trump himself"). Nouns and modifiers: words of the English word list that are no function words.
    ``words``: the entity word lists (None: no noun is known)."""
    if words is None:
        return None
    m = _NOUN_BEFORE_REFLEXIVE.search(text, max(0, at - 60), at)
    if m is None:
        return None
    toks = tuple(t for t in m.groups() if t)
    if not all(t in words.english and t not in words.function_words for t in toks):
        return None
    return next((toks[i:] for i in range(len(toks)) if toks[i:] in words.titles), ())


def _speaks(text: str, start: int, end: int) -> bool:
    """The name at ``start``-``end`` of ``text`` is given words there: a speech verb right after it
    ("Shepherd says", "Zheng Xiaowen said that") or "according to" right before it."""
    cue = _person_cue().match(text, end)
    return (cue is not None and cue.group("speech") is not None) or text.endswith("according to ", 0, start)


#: A sentence opening with "The" (and its first words after: a nominal role as its subject?).
_THE_OPENING = re.compile(r"[\s\"'“‘]*The ")
_LOWER_WORD_ONLY = re.compile(r"[a-z][a-z'’-]*")
#: Words after a role that make it no lone subject ("The governor and the mayor ...").
_NOT_LONE_SUBJECT = frozenset(("and", "or", "nor"))


def role_opening(text: str, *, words: EntityWords | None = None) -> tuple[str, ...] | None:
    """The role a sentence ``text`` opens with as its subject, as words ("The governor thanked crews."
    -> ("governor",); "The county clerk said" -> ("county", "clerk") or ("clerk",), the longest title of
    the entity word lists ending there; "The governor's spokeswoman said" -> ("spokeswoman",)): "The",
    at most two lower-case modifiers, a title, then a lower-case word that is no "and"/"or" (no comma,
    no name: "The governor, Maria Alvarez, said" is no role alone); with a former or lower rank among
    the modifiers ("The former governor", "The deputy mayor") the role is none of a named person's:
    ``()``. None when the sentence opens with no role. ``words``: the entity word lists (None: the
    shipped ones)."""
    words = words if words is not None else _default_words()
    m = _THE_OPENING.match(text)
    if m is None:
        return None
    toks = text[m.end():m.end() + 120].split(None, 5)[:5]
    for n in range(1, min(len(toks), 4)):
        if not _LOWER_WORD_ONLY.fullmatch(toks[n - 1]):
            return None
        if toks[n - 1] not in words.title_heads or not toks[n][:1].islower() or \
                tuple(toks[n - 1:n + 1]) in words.titles or (n + 1 < len(toks) and
                                                              tuple(toks[n - 1:n + 2]) in words.titles):
            continue  # no title yet, or the title goes on ("The head coach": not "head")
        role = next((tuple(toks[n - t:n]) for t in range(min(n, words.title_max), 0, -1)
                     if tuple(toks[n - t:n]) in words.titles), None)
        if role is None:
            continue
        if toks[n] in _NOT_LONE_SUBJECT:
            return None  # "The governor and the mayor ...": not one person
        lower = words.ranks_below | words.former_words
        return () if any(w in lower for w in toks[:n - len(role)]) else role
    return None


#: Verbs that give a person a role ("appointed Sofia Reyes as head coach", "Reyes was named head coach"); not
#: the verbs that take it away or hand it on ("sacked Pell as manager", "replaced Pell as manager").
_APPOINTING = ("appoint|appoints|appointed|name|names|named|confirm|confirms|confirmed|hire|hires|hired|install|"
               "installs|installed|elect|elects|elected|unveil|unveils|unveiled|choose|chooses|chose|chosen|select|"
               "selects|selected|recruit|recruits|recruited")
_APPOINTING_BEFORE = re.compile(rf"\b(?:{_APPOINTING})\b[^,.;:!?\"“”]{{0,40}}\Z")
_APPOINTED_AFTER = (r"\s+(?:as\s+)?(?:(?:the|its|their|our|his|her)\s+)?(?:(?:new|permanent|interim)\s+)?"
                    r"{title}\b")


def appointed_as(text: str, *, start: int, end: int, title: str) -> bool:
    """Is the person named at text[start:end] given ``title`` by an appointment: "(have) appointed |
    Sofia Reyes | as head coach" (a verb of :data:`_APPOINTING` before the name, in its clause) or
    "Sofia Reyes | was appointed (as) head coach", "Reyes, who was named head coach"? Not "replaced Pell
    as manager" (Pell no longer is)."""
    low = title.lower()
    if low not in text[end:end + 80].lower():
        return False  # (most names: the title is not right after them; found without compiling a pattern)
    title_pattern = re.escape(title).replace(r"\ ", r"\s+")
    if _APPOINTING_BEFORE.search(text, max(0, start - 60), start) and \
            re.match(r"\s+as" + _APPOINTED_AFTER.format(title=title_pattern), text[end:end + 80], re.IGNORECASE):
        return True
    passive = (r",?\s+(?:who\s+)?(?:(?:was|is|has\s+been|had\s+been|have\s+been)\s+)(?:" + _APPOINTING + ")"
               + _APPOINTED_AFTER.format(title=title_pattern))
    return re.match(passive, text[end:end + 80], re.IGNORECASE) is not None


def _titled_as(words: EntityWords, title: str | None, role: tuple[str, ...]) -> bool:
    """Is a mention's ``title`` ("gov.", "county clerk", "lt. gov.") the ``role`` ("governor",)? Its
    abbreviation written out (``title_abbreviations``), it ends with the role and no former or lower
    rank comes before it ("lieutenant governor" is not "governor"); a "head ..." role also by the rest
    alone ("coach" is "head coach")."""
    if not title:
        return False
    toks = words.title_abbreviations.get(title, title).split()
    lower = words.ranks_below | words.former_words
    if len(role) == 2 and role[0] == "head" and toks[-1:] == [role[1]] and toks[-2:-1] != ["head"]:
        role = role[1:]  # "Coach Dana Reyes" is "the head coach" ("Assistant coach Tom Bell" is not)
    return tuple(toks[-len(role):]) == role and not any(w in lower for w in toks[:-len(role)])


def _role_person(words: EntityWords, texts: Sequence[str], live: Sequence[_Entity], role: tuple[str, ...],
                 at: tuple[int, int]) -> int | None:
    """The one person (index in ``live``) named before ``at`` (sentence, start) with the title ``role``
    ("Gov. Maria Alvarez" for "the governor") or given it by an appointment ("appointed Sofia Reyes as
    head coach": :func:`appointed_as`); None when no one, or two people, are."""
    found = None
    title = " ".join(role)
    for idx, ent in enumerate(live):
        if role and _is_person(ent) and any((k, s) < at and (_titled_as(words, t, role) or
                                                             appointed_as(texts[k], start=s, end=e, title=title))
                                            for k, s, e, _, t in ent.mentions):
            if found is not None:
                return None  # two people with that title: which one is meant is not clear
            found = idx
    return found


def _resolve_pronouns(texts: Sequence[str], live: list[_Entity], words: EntityWords | None = None
                      ) -> list[tuple[int, int, int, int, str]]:
    """he/she/... -> the most recent person of matching gender, else of unknown gender (none whose
    known gender the pronoun contradicts); each entity's ``best`` evidence is its decision. A he/she
    that opens the clause a he/she of its gender reports right before it ("She said she was hopeful",
    :data:`_REPORTS_OWN_CLAUSE`) is that pronoun's person, not a person named since."""
    persons = sorted((k, s, idx) for idx, ent in enumerate(live) if _is_person(ent)
                     for k, s, *_ in ent.mentions)
    if not persons:
        return []
    # the persons a pronoun of each gender looks back over (positions in ``persons``): all but those of
    # the other gender as stated, which the walk back below would pass over without a look
    fitting = {g: [j for j, p in enumerate(persons) if not live[p[2]].gender or live[p[2]].gender == g]
               for g in ("male", "female")}
    out = []
    learned: dict[int, str] = {}
    # one scan of the document (sentences joined by a line break, which no pronoun spans)
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    joined = "\n".join(texts)
    subject: tuple[int, int, str, int] | None = None  # the last he/she: its end in ``joined``, word, person
    # the last pronoun in a quotation with a known speaker: sentence, start, speaker, gender, person
    carried: tuple[int, int, int, str, int] | None = None
    voiced: list[tuple[int, int, int]] = []  # he/she that gave words: sentence, start, person
    by_role: tuple[int, int, str, int | None] | None = None  # the last pronoun a role subject decided
    # of each gender, the last pronoun binding decided (or that continued one): sentence, start, person, and
    # the sentence whose subject opening it was the binding subject (None: not the sentence's opener)
    after_binding: dict[str, tuple[int, int, int, int | None] | None] = {}
    for start, end in _pronouns(joined):
        word = joined[start:end]
        k = bisect_right(starts, start) - 1
        offset = starts[k]
        at = (k, start - offset)
        low = word.lower()
        gender = "male" if low in _MALE else "female"
        if low in ("himself", "herself") and (noun := _noun_before_reflexive(words, texts[k], at[1])) is not None:
            # "the politicians, much like the devil himself, ...": an emphatic reflexive after a noun is that
            # noun's, no person named before; a role's ("even the governor herself") is the one person named
            # with that title, else none
            idx = _role_person(words, texts, live, noun, at) if noun else None
            if idx is not None and (live[idx].gender or learned.get(idx)) in (None, gender):
                out.append((k, at[1], end - offset, idx, word))
            continue
        if low in ("he", "she"):
            if subject is not None and subject[2] == low and _REPORTS_OWN_CLAUSE.fullmatch(joined, subject[1], start):
                # "She said she was hopeful": the reported clause's subject is the speaker
                out.append((k, at[1], end - offset, subject[3], word))
                subject = (start, end, low, subject[3])
                continue
            subject = None
        chosen = unknown = None
        quoted = _AFTER_QUOTATION.search(texts[k], max(0, at[1] - 16), at[1]) is not None
        opens = quoted or _OPENS_SENTENCE.match(texts[k], 0, at[1]) is not None or \
            _OPENING_PHRASE.fullmatch(texts[k], 0, at[1]) is not None
        here = bisect_left(persons, at)
        speaker = _quotation_speaker(texts, k, at[1], persons, here)
        voice = _pronoun_voice(texts, k, at[1]) if speaker is None else None
        fit = fitting[gender]
        binds = low == "him" or low == "her" and _OBJECT_HER.match(texts[k], at[1] + 3) is not None
        bound = bound_at = None
        if speaker is not None and carried is not None and carried[2] == speaker and carried[3] == gender and \
                k - carried[0] <= 1 and not any(p[2] not in (speaker, carried[4]) and
                                                (live[p[2]].gender or learned.get(p[2])) in (None, gender)
                                                and _within_quotation(texts[p[0]], p[1])
                                                for p in persons[bisect_left(persons, carried[:2]):here]):
            # '"He has worked so hard," Callum said. "He will come back stronger."': a he/she of the
            # speaker's own quotation continues the one before it there, not a person the quotation
            # names since (one named around the cue is no rival: '..., said Callum, who thanked Pell.')
            chosen = carried[4]
        gives = low in ("he", "she") and (cue := _person_cue().match(texts[k], at[1] + len(word))) is not None \
            and cue.group("speech") is not None and (not _within_quotation(texts[k], at[1]) or
                                                     _CLOSED_BEFORE.search(texts[k], max(0, at[1] - 16), at[1]))
        if chosen is None and gives:
            # "The trust's chair, Dr. Priya Nandra, said fans would keep up the pressure. They would hold
            # a further meeting, she said.": a he/she that gives words is the person the sentence before
            # gave words to, when the gender agrees or is unknown — as the quote layer takes the speaker
            # of the quotation before a pronoun speaker — not a person named further back
            previous = _speaker_before(texts, _opening_sentence(texts, k, at[1]) if quoted else k, persons, live,
                                       voiced)
            if previous is not None and previous != speaker and \
                    (live[previous].gender or learned.get(previous)) in (None, gender):
                chosen = previous
        kept = chosen is not None
        if not kept and words is not None:
            role = role_opening(texts[k - 1], words=words) if opens and k > 0 else None
            if role is not None:
                # "Gov. Maria Alvarez toured ... Elaine Cho ... The governor thanked crews. She said": a pronoun
                # opening its sentence after one whose subject is a role follows the one person named with
                # that title ("the governor" -> "Gov. Maria Alvarez"), or none when no one (or two) is — not
                # the person named last; unless that person's gender (or the role's: "the spokesman") is the
                # other one (then the rules below decide)
                idx = _role_person(words, texts, live, role, at)
                g = (live[idx].gender or learned.get(idx)) if idx is not None else \
                    _title_gender(words, " ".join(role)) if role else None
                if g in (None, gender):
                    chosen, kept, by_role = idx, True, (k, at[1], gender, idx)
            elif by_role is not None and by_role[2] == gender and not (binds and by_role[0] == k) and \
                    not any(p[2] != by_role[3] and (live[p[2]].gender or learned.get(p[2])) in (None, gender)
                            for p in persons[bisect_left(persons, by_role[:2]):here]):
                # ... and so does a pronoun of that gender after it, with no one else who could be meant named
                # between ('"She was kind. She listened," a resident said of her.')
                chosen, kept = by_role[3], True
        for i in range(-1 if kept else bisect_left(fit, here) - 1, -1, -1):  # (no walk back when kept)
            j = fit[i]
            if j < here - _PRONOUN_REACH:
                break  # (at most _PRONOUN_REACH persons back)
            idx = persons[j][2]
            if idx == speaker:
                continue  # '"He fights for us," Turner said': a pronoun in a quotation is never its speaker
            if idx == bound:
                continue
            if binds and persons[j][0] == k and \
                    _SUBJECT_OF_OBJECT.fullmatch(texts[k], (named_end := _mention_end(live[idx], k, persons[j][1])),
                                                 at[1]) and \
                    not (_PARTICIPLE_AFTER_COMMA.fullmatch(texts[k], named_end, at[1]) and
                         not _starts_sentence(texts[k], live[idx], k, persons[j][1])):
                bound = idx  # "Tom told him", "Ruth Kell, who chairs ..., pressed her": the verb's subject
                # is not its object, nor named earlier; not an object before ", calling him" (the participle's
                # subject is the sentence's: "Panetta endorsed General Kelly, calling him an excellent choice")
                bound_at = k if _starts_sentence(texts[k], live[idx], k, persons[j][1]) else None
                continue
            g = live[idx].gender or learned.get(idx)
            if (g == gender or g is None and unknown is None) and persons[j][0] == k and \
                    _relative_of(texts[k], persons[j][1], gender, end=_mention_end(live[idx], k, persons[j][1]),
                                 at=at[1]):
                continue
            if g == gender:
                chosen = idx
                break
            if g is None and unknown is None:
                unknown = idx
                if persons[j][0] == k:
                    break  # a person of unknown gender in the pronoun's own sentence is the nearest fit
                if speaker is not None and persons[j][0] == k - 1 and \
                        _quotation_speaker(texts, k - 1, persons[j][1], persons, j) == speaker:
                    break  # ... or in the sentence before in the same speaker's words ('"That one was for
                    # Jamie," Callum Doyle said. "He was on the phone to me."')
                if opens and persons[j][0] == k - 1 and (j == 0 or persons[j - 1][0] != k - 1) and \
                        (_starts_sentence(texts[k - 1], live[idx], k - 1, persons[j][1]) or
                         quoted and _speaks(texts[k - 1], persons[j][1], _mention_end(live[idx], k - 1, persons[j][1]))):
                    # "Priya Raman welcomed the inquiry. She said ...", "... In an interview, she said":
                    # a pronoun opening its sentence (or its clause after an opening phrase) continues the
                    # subject of the sentence before (the person it starts with); after a quotation ('"...,"
                    # he said') also the one person the sentence before gives words to ("..., according
                    # to Bianchi.", '"...," Shepherd says.')
                    break
        # (never a person whose known gender the pronoun contradicts: "Ms. Marsh ... him" is someone else)
        chosen = chosen if chosen is not None else unknown
        if not kept and chosen is not None and k > 0 and _OPENS_SENTENCE.match(texts[k], 0, at[1]) is not None:
            # "Robert Vasquez ... endorsed Osei. He said ...": the subject of the sentence before (the
            # person it starts with, no possessive, of the pronoun's gender) wins over a person named
            # after it there, unless a relative clause describes that one ("tapped Tony Cox, who runs ...")
            j = bisect_left(persons, (k - 1, 0))
            if j < here and persons[j][0] == k - 1 and persons[j][2] != chosen and persons[j][2] != speaker and \
                    (live[persons[j][2]].gender or learned.get(persons[j][2])) == gender and \
                    _starts_sentence(texts[k - 1], live[persons[j][2]], k - 1, persons[j][1]) and \
                    not _POSSESSIVE_AFTER.match(texts[k - 1], _mention_end(live[persons[j][2]], k - 1, persons[j][1])) \
                    and any(p[0] == k - 1 and p[2] == chosen for p in persons[j:here]) and \
                    not any(p[0] == k - 1 and p[2] == chosen and _RELATIVE_AFTER_NAME.match(
                        texts[k - 1], _mention_end(live[chosen], k - 1, p[1])) for p in persons[j:here]):
                chosen = persons[j][2]
        if not kept and chosen is not None and low in ("he", "she"):
            # "Tom Hughes, who had campaigned for his brother Sam Hughes, said the vote was fair and he would
            # respect it": a he/she after the speech verb is its subject, the person the sentence opens with
            # (of the pronoun's gender), not a person named in the aside between them; not with a person
            # named after the verb ("... said Sam Hughes would win and he ...": either could be meant)
            j = bisect_left(persons, (k, 0))
            first = persons[j][2] if j < here and persons[j][0] == k else None
            if first is not None and first != chosen and first != speaker and \
                    (live[first].gender or learned.get(first)) == gender and \
                    _starts_sentence(texts[k], live[first], k, persons[j][1]) and \
                    (aside := _ASIDE_THEN_SPEECH.match(texts[k], _mention_end(live[first], k, persons[j][1]))) \
                    is not None and aside.end() <= at[1] and all(p[1] < aside.end() for p in persons[j + 1:here]):
                chosen = first
        if voice is not None and chosen is not None and \
                not any(p[2] == chosen for p in persons[bisect_left(persons, voice[1]):here]):
            # '"I asked my manager and he told me to forget it," she said': a pronoun in a quotation a
            # he/she gives is not its speaker (whom that he/she stands for, resolved after it) and tells
            # nothing of the speaker's gender: it is a person named in the quotation before it, or one
            # whose gender is known to be its own and is not the he/she's; else no one
            if (live[chosen].gender or learned.get(chosen)) != gender or (voice[0] == "he") == (gender == "male"):
                chosen = None
        continued = False
        if not kept and chosen is not None and (last := after_binding.get(gender)) is not None and \
                last[2] not in (chosen, speaker, bound) and \
                not (low in ("he", "she") and last[3] is not None and k > last[3]) and \
                not any((live[p[2]].gender or learned.get(p[2])) in (None, gender)
                        for p in persons[bisect_left(persons, last[:2]):here]):
            # "Mr. Kelly said when Mr. Trump first nominated him ... The president thanks him and his family":
            # binding gave the "him" to Kelly, not to Trump named after him; a pronoun of that gender after it
            # continues Kelly while no one else who could be meant is named — not a he/she in a later sentence
            # when the binding subject opened that sentence ("Merkley thanked him. He then noted": Merkley)
            chosen, continued = last[2], True
        if chosen is None:
            continue
        after_binding[gender] = (k, at[1], chosen, bound_at) if bound is not None else \
            (k, at[1], chosen, last[3]) if continued else None
        if live[chosen].gender is None and chosen not in learned:
            learned[chosen] = gender
        out.append((k, at[1], end - offset, chosen, word))
        if low in ("he", "she"):
            subject = (start, end, low, chosen)
        if speaker is not None:
            carried = (k, at[1], speaker, gender, chosen)
        if gives:
            voiced.append((k, at[1], chosen))
    for idx, g in learned.items():
        live[idx].gender = live[idx].gender or g
    return out


# ------------------------------------------------------------------------------------ the tables


def _empty() -> pd.DataFrame:
    return _typed(pd.DataFrame({c: [] for c in ENTITY_COLUMNS}), ENTITY_COLUMNS, ints=_INT_COLUMNS)


@output_columns("entities")
def entities(documents: pd.DataFrame, *, sentences: pd.DataFrame | None = None, actors: Any = None,
             capitalisation: str = "document") -> pd.DataFrame:
    """Named entities, one row per mention (and per resolved pronoun), by the rules of this module's
    docstring — no lexicon needed.

    ``sentences``: a precomputed ``analysis.sentences(documents)`` table to reuse.
    ``actors``: an actor lexicon used as an overlay to fill ``actor_id`` (ActorLexicon, path or mapping;
    None = the default lexicon; ``{"actors": []}`` for none). The word lists are the shipped ones
    (:func:`load_entity_words` shows them; their hash is part of an analysis' key).
    ``capitalisation``: where the statistics that decide a sentence's first word come from —
    "document" (the default: each document on its own, so that a corpus analysed in partitions gives
    the same rows; ``analyze`` uses it) or "corpus" (all ``documents`` of this call: a word capitalised
    mid-sentence in any document, or never written in lower case in any, is a name candidate at a
    sentence start everywhere; costs one more pass over the text).

    The document's own outlet (a ``documents`` column ``outlet``, as ``load_corpus`` fills it): an
    entity that names it ("told the Echo", "the Echo understands" in an article of The Ashbury Echo; the
    outlet's name without "The", or its last words) is typed organization with evidence
    ``"the document's outlet: <outlet>"`` (:data:`OUTLET_EVIDENCE`, deciding as a lexicon actor's type
    does). Its rows stay in this table (the text names it), but it is the publisher, no actor of the
    story: :func:`entities_by`, :func:`entities_as_mentions` (so the actor charts and tables) and
    ``discover_actors`` leave them out (:func:`actor_rows`). Another outlet's article naming it keeps it
    as an actor there.

    Rows in reading order. Computed document by document: partitions of a corpus give the same rows.
    """
    require_table(documents, fn="entities")
    from analysis.actors import load_actors

    lexicon = load_actors(actors)
    words = _default_words()
    overlay = _Overlay.build(lexicon) if len(lexicon) else None
    sents = sentences_of(documents, sentences, needs=("doc_id", "sentence_id", "text"), fn="entities")
    codes, _ = pd.factorize(sents["doc_id"])
    order = np.lexsort((sents["sentence_id"].to_numpy(), codes))
    doc_ids = sents["doc_id"].to_numpy(dtype=object)[order]
    sids = sents["sentence_id"].to_numpy()[order]
    texts = sents["text"].to_numpy(dtype=object)[order]
    bounds = np.flatnonzero(np.r_[True, doc_ids[1:] != doc_ids[:-1], True]).tolist() if len(doc_ids) else [0]
    if capitalisation not in ("document", "corpus"):
        raise InputError(f"entities: capitalisation={capitalisation!r}; use 'document' (each document on its "
                         "own, the same rows for any partitioning) or 'corpus' (statistics over all documents)")
    capitals = None
    if capitalisation == "corpus":
        capitals = _capitals([t if isinstance(t, str) else "" for t in texts[lo:hi]]
                             for lo, hi in zip(bounds[:-1], bounds[1:]))
    publishers = None
    if "doc_id" in documents.columns and ("outlet" in documents.columns or "author" in documents.columns):
        outlet, author = (_named_by_doc(documents, column) for column in ("outlet", "author"))
        publishers = [(outlet.get(doc_ids[lo]), author.get(doc_ids[lo])) for lo in bounds[:-1]]
    with collector_paused():
        rows, ent_cols = _entity_rows(texts, bounds, words, overlay, capitals, publishers)
        table = _mention_table(rows, ent_cols, doc_ids, sids) if rows else _empty()
        del rows, ent_cols  # (freed while the collector is paused)
    return table


def _named_by_doc(documents: pd.DataFrame, column: str) -> dict[object, str]:
    """doc_id -> the documents' ``column`` where it holds text (no column: {})."""
    if column not in documents.columns:
        return {}
    return {d: v for d, v in zip(documents["doc_id"], documents[column]) if isinstance(v, str) and v.strip()}


def _headline_unglued(texts: list[str]) -> list[str]:
    """A document's sentences with its headline (the first sentence, the title) set apart by a line break
    where the body's first sentence repeats it with only a space before the body's first word
    ("Local Hero Wins Top Prize John Smith said ...", as a page's <h1> and first paragraph can come
    out of an HTML extraction): a name never runs from the headline into the body; the headline's line
    is then trusted or not as any line is (title case, all caps). Same offsets (a space becomes a line
    break)."""
    if len(texts) < 2 or not texts[0]:
        return texts
    head = texts[0]
    n = len(head)
    for k in range(1, min(len(texts), 4)):
        text = texts[k]
        if not text:
            continue
        if text[n:n + 1] == " " and text.startswith(head) and head[-1:].isalnum() and text[n + 1:n + 2].isupper():
            texts[k] = f"{head}\n{text[n + 1:]}"
        break
    return texts


def _entity_rows(texts: np.ndarray, bounds: Sequence[int], words: EntityWords, overlay: _Overlay | None,
                 capitals: _Capitals | None, publishers: Sequence[tuple[str | None, str | None]] | None = None
                 ) -> tuple[list[tuple], tuple[list, ...]]:
    """The mention rows and per-entity columns of :func:`_mention_table` for the sentence ``texts``
    (sorted by document and sentence; document ``i`` is ``texts[bounds[i]:bounds[i + 1]]``, published by
    the outlet and author ``publishers[i]`` when given)."""
    # the table is built column by column: one row per mention holds its sentence (position in the
    # sorted sentences), offsets, text, via, title and entity (position in the per-entity columns)
    ent_cols: tuple[list, ...] = ([], [], [], [], [], [])  # entity_id, entity, type, actor_id, evidence, gender
    rows: list[tuple[int, int, int, int, str, str | None, str]] = []  # sentence, start, end, entity, via, title, text
    for i, (lo, hi) in enumerate(zip(bounds[:-1], bounds[1:])):
        doc_texts = _headline_unglued([t if isinstance(t, str) else "" for t in texts[lo:hi]])
        live, pronouns = _document_entities(doc_texts, words, overlay, capitals)
        if not live:
            continue
        if publishers is not None:
            outlet, author = publishers[i]
            if outlet:
                _mark_outlet(live, outlet)
            if author:
                _mark_byline(live, author, words)
        _mark_definitions(doc_texts, live)
        roles = _bare_surname_roles(doc_texts, live, words)
        first = len(ent_cols[0])
        c_eid, c_display, c_type, c_actor, c_evidence, c_gender = ent_cols
        for n, ent in enumerate(live):
            etype, evidence = (ent.best[1], ent.best[2]) if ent.best is not None else ("other", "none")
            actor = ent.actor
            c_eid.append(_entity_id(etype, ent.display) + (_ROLE_ID_MARK + slug(roles[n], empty="role") if n in roles else ""))
            c_display.append(ent.display)
            c_type.append(etype)
            c_actor.append(overlay.actor_ids[actor] if actor is not None else None)
            c_evidence.append(evidence)
            c_gender.append(ent.gender)
        rows.extend([(lo + k, s, e, idx, via, title, doc_texts[k][s:e])
                     for idx, ent in enumerate(live, first) for k, s, e, via, title in ent.mentions])
        rows.extend([(lo + k, s, e, first + idx, "pronoun", None, word) for k, s, e, idx, word in pronouns])
    return rows, ent_cols


#: What joins a bare surname's entity id and the role its article gives it ("Mr Venkataraman, the founder of
#: Varuna," -> ``person:venkataraman__founder``: :func:`_bare_surname_roles`); no slug holds two underscores.
_ROLE_ID_MARK = "__"
#: A role written before a bare surname and its honorific: "the founder, Mr. Venkataraman", "Varuna's founder
#: Mr Venkataraman" (the role's words: what :func:`_appositive_title` reads of them).
_ROLE_BEFORE = re.compile(r"(?:(?<![\w'’-])(?:the|its|their)|['’]s)\s+((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*),?\s+"
                          r"(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$")


def _bare_surname_roles(texts: Sequence[str], live: Sequence[_Entity], words: EntityWords) -> dict[int, str]:
    """{position in ``live``: role} for each person of a document named only by one word that no fuller
    name of the document ends with ("Mr Venkataraman" in an article that never writes "Ramesh
    Venkataraman") and that the article gives a role title, at a mention written with an honorific: an
    apposition right after it ("Mr Venkataraman, the founder of Varuna," -> "founder",
    :func:`_appositive_title`) or a role before it and its honorific ("the founder, Mr. Venkataraman").
    That mention's ``title`` becomes the role (in place of its honorific), and its entity id gets the
    role (:data:`_ROLE_ID_MARK`), so that :func:`entity_table`
    can link this article's surname to the one full name of the corpus with that title, and another
    article's bare surname stays apart. A person's full name gets the role of an apposition that a role
    phrase opens (:func:`_opening_roles`: "The founder of Varuna, Ramesh Venkataraman,"), the title
    that link compares with."""
    out: dict[int, str] = {}
    fuller = {ent.words[-1] for ent in live if len(ent.words) > 1}
    for n, ent in enumerate(live):
        if ent.best is None or ent.best[1] != "person":
            continue
        if len(ent.words) > 1:
            _opening_roles(texts, ent, words)
            continue
        if ent.words[0] in fuller or ent.actor is not None:
            continue
        for i, (k, s, e, via, title) in enumerate(ent.mentions):
            if via == "pronoun" or title is None or title.lower() not in words.honorifics:
                continue  # (a surname with its honorific: a one-word name is not split by its role)
            role = _appositive_title(words, texts[k], e) if texts[k][e:e + 1] == "," else None
            if role is None and (before := _ROLE_BEFORE.search(texts[k], max(0, s - 60), s)) is not None:
                role = _appositive_title(words, f", the {before.group(1)},", 0)
            if role is not None:
                ent.mentions[i] = (k, s, e, via, role)
                out[n] = role
                break
    return out


#: A role phrase that opens an apposition before a name: "The founder of the collapsed Varuna Infra Ltd, |Ramesh
#: Venkataraman,", "Its chief executive, |Dana Price," (the role's words: what :func:`_appositive_title` reads).
_ROLE_OPENING = re.compile(r"(?:^|(?<=[\s\"“(—–-]))(?:[Tt]he|[Ii]ts|[Tt]heir)\s+((?:[a-z][\w-]*\s){0,3}[a-z][\w-]*)"
                           r"(?:\s(?:of|at|for)\s[^,;:\"“”]{1,60})?,\s$")


def _opening_roles(texts: Sequence[str], ent: _Entity, words: EntityWords) -> None:
    """Give each mention of a person's full name written without a title, in an apposition that a role
    phrase opens ("The founder of the collapsed Varuna Infra Ltd, Ramesh Venkataraman, told ...": the
    name closed by a comma), that role as its ``title`` ("founder"; :func:`_appositive_title` of the
    phrase: none for a phrase that ends in no title, "The founder's son, Arjun Venkataraman,")."""
    for i, (k, s, e, via, title) in enumerate(ent.mentions):
        if title is not None or via == "pronoun" or texts[k][e:e + 1] != ",":
            continue
        if (m := _ROLE_OPENING.search(texts[k], max(0, s - 120), s)) is not None and \
                (role := _appositive_title(words, f", the {m.group(1)},", 0)) is not None:
            ent.mentions[i] = (k, s, e, via, role)


def _mark_definitions(texts: Sequence[str], live: Sequence[_Entity]) -> None:
    """An acronym in brackets right after a mention of its own entity ("The Information Commissioner's
    Office (ICO) said", "Kennedy Space Center (KSC)") is that mention's definition, not a second naming:
    its ``via`` becomes 'definition' (a row still, a mention of its own in GUM's annotation), which the
    counts of mentions leave out, so that a name written once with its acronym counts once."""
    for ent in live:
        if len(ent.mentions) < 2:
            continue
        ends = {(k, e) for k, _, e, via, _ in ent.mentions if via != "pronoun"}
        for n, (k, s, e, via, title) in enumerate(ent.mentions):
            if via == "short" and s > 2 and texts[k][s - 1] == "(" and texts[k][e:e + 1] == ")" and \
                    any((k, pe) in ends and _BRACKET_ACRONYM.fullmatch(texts[k], pe, e + 1) for pe in range(s - 4, s - 1)):
                ent.mentions[n] = (k, s, e, "definition", title)


#: The evidence of an entity that names the document's own outlet ("told the Echo" in an article of The
#: Ashbury Echo): an organisation, no actor of the story (:func:`actor_rows` leaves it out).
OUTLET_EVIDENCE = "the document's outlet: "
#: The evidence of an entity that names the organisation in the document's byline ("reviewed by Lakeland
#: Wire" in an article by Lakeland Wire): likewise the publisher, no actor of the story.
BYLINE_EVIDENCE = "the document's byline: "


def _mark_outlet(live: Sequence[_Entity], outlet: str) -> None:
    """Type the entities that name the document's ``outlet`` an organisation, by evidence
    :data:`OUTLET_EVIDENCE` (rank 0, as a lexicon actor's type): the outlet's name without "The" or its
    last words ("Ashbury Echo", "Echo" for The Ashbury Echo; "Times" for the Ledger Times), not its first
    words ("Ashbury", a place)."""
    name = outlet.split()
    if name and name[0].lower() == "the":
        name = name[1:]
    if not name:
        return
    label = OUTLET_EVIDENCE + outlet.strip()
    for ent in live:
        n = len(ent.words)
        if n <= len(name) and [w.lower() for w in ent.words] == [w.lower() for w in name[-n:]] and \
                not (ent.best is not None and ent.best[0] == 0):  # (a linked lexicon actor stays one)
            ent.evidence.insert(0, (0, "organization", label))
            ent.best = ent.evidence[0]


def _mark_byline(live: Sequence[_Entity], author: str, words: EntityWords) -> None:
    """Type the entity written exactly as the document's ``author`` an organisation, by evidence
    :data:`BYLINE_EVIDENCE`, when the byline names an organisation (a wire service, "Lakeland Wire"): its
    first word is no first name of the lists and no honorific. A person's byline changes nothing."""
    name = author.split()
    if name and name[0].lower() == "by":
        name = name[1:]
    if not name or name[0] in words.first_names or name[0].rstrip(".").lower() in words.honorifics or \
            any(w[:1].islower() or "," in w for w in name):
        return
    label = BYLINE_EVIDENCE + " ".join(name)
    wanted = [w.lower() for w in name]
    for ent in live:
        if [w.lower() for w in ent.words] == wanted and not (ent.best is not None and ent.best[0] == 0):
            ent.evidence.insert(0, (0, "organization", label))
            ent.best = ent.evidence[0]


def actor_rows(entities: pd.DataFrame) -> pd.DataFrame:
    """The rows of an :func:`entities` table that can be actors of the story: all but the mentions of a
    document's own outlet ("told the Echo", "the Echo understands" in an article of The Ashbury Echo,
    evidence :data:`OUTLET_EVIDENCE`) or of the organisation of its byline (:data:`BYLINE_EVIDENCE`), which :func:`entities_by`, :func:`entities_as_mentions` and
    ``discover_actors`` leave out (the rows stay in the entities table, typed organization)."""
    if "evidence" not in entities.columns or not len(entities):
        return entities
    outlet = entities["evidence"].astype("str").str.startswith((OUTLET_EVIDENCE, BYLINE_EVIDENCE))
    return entities[~outlet.to_numpy(dtype=bool)] if outlet.any() else entities


def _mention_table(rows: Sequence[tuple[int, int, int, int, str, str | None, str]], ent_cols: Sequence[list],
                   doc_ids: np.ndarray, sids: np.ndarray) -> pd.DataFrame:
    """The entities table of mention ``rows`` (sentence position in ``doc_ids``/``sids``, start, end,
    entity position in ``ent_cols``, via, title, text) and the per-entity columns ``ent_cols``
    (entity_id, entity, type, actor_id, evidence, gender), in reading order: by sentence, then start
    (stable: ties keep the order the rows were made in)."""
    n = len(rows)
    r_sent, r_start, r_end, r_ent, r_via, r_title, r_text = zip(*rows)
    sent, start = np.fromiter(r_sent, np.int64, n), np.fromiter(r_start, np.int64, n)
    reading = np.argsort((sent << 32) | start, kind="stable")
    sent = sent[reading]
    ent_at = np.fromiter(r_ent, np.int64, n)[reading]
    per_entity = [_str_column(col, ent_at) for col in ent_cols]
    out = {
        "doc_id": _str_column(doc_ids, sent),
        "sentence_id": sids[sent].astype("int64"),
        "start": start[reading],
        "end": np.fromiter(r_end, np.int64, n)[reading],
        "text": _str_column(r_text, reading),
        "entity_id": per_entity[0], "entity": per_entity[1], "type": per_entity[2],
        "via": _str_column(r_via, reading), "title": _str_column(r_title, reading),
        "actor_id": per_entity[3], "evidence": per_entity[4], "gender": per_entity[5],
    }
    return pd.DataFrame({col: out[col] for col in ENTITY_COLUMNS})


def _str_column(values: Sequence[Any], at: np.ndarray) -> Any:
    """``pd.array(values, dtype="str").take(at)``, for str and None values built through one Arrow
    array and Arrow's take (pandas' own conversion of the values costs about twice as much); any other
    values take pandas' conversion."""
    try:
        arrow = pa.array(values, type=pa.large_string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pd.array(np.asarray(values, dtype=object), dtype="str").take(at)
    return pd.array(arrow.take(at), dtype="str")


@functools.lru_cache(maxsize=1 << 16)
def _entity_id(etype: str, display: str) -> str:
    """'<type>:<slug of the display name>' (cached: names recur across documents)."""
    return f"{etype}:{slug(display, empty='entity')}"


def _typed(frame: pd.DataFrame, columns: Mapping[str, str], *, ints: Sequence[str] = (),
           lists: Sequence[str] = ()) -> pd.DataFrame:
    """``frame`` with int64 ``ints``, list columns as they are, every other column as str (NA kept)."""
    out = {}
    for col in columns:
        if col in ints:
            out[col] = frame[col].astype("int64").to_numpy()
        elif col in lists:
            out[col] = list(frame[col])
        else:
            out[col] = pd.array([v if isinstance(v, str) else None for v in frame[col].tolist()], dtype="str")
    return pd.DataFrame(out, columns=list(columns))


@output_columns("entity_table")
def entity_table(entities: pd.DataFrame, *, actors: Any = None) -> pd.DataFrame:
    """One row per entity of an ``entities`` table, most mentions first.

    ``actors``: the lexicon the entities were made with (None = the default) for ``actor``/``group``.
    Type: the type of the entity's direct mentions (part of its id). ``same_as`` links an entity seen
    only in a short form to the full-name entity it is across the corpus: a single word typed as a
    person or by weak evidence to the multi-word person ending with it, an acronym to the multi-word
    entity of its type whose initials it spells, a name typed by no evidence to the typed entity of
    that name, a name typed a place only by a preposition ("into Nimbusly") to the organisation or
    person of that name, a name typed a place only by its "Town" or "City" to the organisation of that
    name (a club, "Millbrook Town"), a country or city typed an organisation only because it speaks ("Russia said")
    to the place of that name, a single word typed a person only by the name lists ("first name: Jackson")
    to the place of that name (and a place typed by a preposition never to such a person), a name of
    several words typed a person only by what it does ("X said") or by its last word on the surname list
    ("Pacific Ridge Power": "Power") to the organisation of that name (typed so by evidence of its own
    elsewhere: "Pacific Ridge Power (PRP)") — when one candidate has at least 80% of all the candidates'
    mentions (unambiguous; a candidate linked to another counts as that one), else NA. A single word that
    is both a multi-word person's last word and a business's
    first word ("Brightwater": Laura Brightwater, Brightwater Foods) is ambiguous: typed by weak evidence
    or no person, it goes to the business only when typed an organisation, else NA; never to the person.
    A single word, untyped or an organisation, that leads the names of several organisations goes to the
    one with 80% of their mentions ("Varuna" -> Varuna Infra Ltd beside a rare Varuna Employees Union).
    ``same_as`` is written to its end, never a chain: "Varuna" untyped -> "Varuna" the organisation ->
    Varuna Infra Ltd gives Varuna Infra Ltd for both, so every reader follows one link.
    """
    with collector_paused():  # (the tallies live until the table is made: see entity_table_of_parts)
        return entity_table_of_parts([entities], actors=actors)


def entity_table_of_parts(parts: Iterable[pd.DataFrame], *, actors: Any = None) -> pd.DataFrame:
    """:func:`entity_table` over an entities table given in parts (e.g. the partitions of a streamed
    corpus, read one at a time): memory grows with the number of entities, not of mentions."""
    from analysis.actors import load_actors

    cols = list(ENTITY_TABLE_COLUMNS)
    table_ints = ("mentions", "pronouns", "documents", "sentence_id")
    lexicon = load_actors(actors)
    names = dict(zip(lexicon.actors["actor_id"], lexicon.actors["name"]))
    groups = dict(zip(lexicon.actors["actor_id"], lexicon.actors["group"]))
    acc: dict[str, dict[str, Any]] = {}
    for entities in parts:
        require_columns(entities, ("doc_id", "sentence_id", "text", "entity_id", "entity", "type", "via",
                                   "title", "actor_id", "evidence", "gender"),
                        fn="entity_table", name="entities", fix="pass the output of analysis.entities(...)")
        with collector_paused():  # (a part read lazily is read with the collector as the caller has it)
            _accumulate(acc, entities)
    if not acc:
        return _typed(pd.DataFrame({c: [] for c in cols}), ENTITY_TABLE_COLUMNS, ints=table_ints,
                      lists=("variants", "titles"))
    with collector_paused():
        return _entity_table_of(acc, names, groups)


def _entity_table_of(acc: Mapping[str, dict[str, Any]], names: Mapping[str, str], groups: Mapping[str, Any]
                     ) -> pd.DataFrame:
    """The entity table of the per-entity tallies of :func:`_accumulate` (``names``, ``groups``: the
    lexicon actors' by actor_id)."""
    cols = list(ENTITY_TABLE_COLUMNS)
    table_ints = ("mentions", "pronouns", "documents", "sentence_id")
    out: dict[str, list] = {c: [] for c in cols}
    speaking = []  # per entity: typed a person by what it does or a word's shape alone (_SPEAKING_PERSON)
    # (the tallies are dicts in order of first appearance: max() and a stable sort by count pick as
    # Counter.most_common does, the first seen of equal counts)
    for eid, a in acc.items():
        types = a["types"] or {eid.split(":", 1)[0]: 1}
        etype = max(types, key=lambda t: (types[t], -ENTITY_TYPES.index(t) if t in ENTITY_TYPES else 0))
        evidence = [(n, e) for (t, e), n in a["evidence"].items() if t == etype]
        speaking.append(etype == "person" and all(e.startswith(_SPEAKING_PERSON) for _, e in evidence))
        displays = a["displays"]
        actor_id = max(a["actor"], key=a["actor"].__getitem__) if a["actor"] else None
        variants = a["variants"]
        group = groups.get(actor_id) if actor_id else None
        out["entity_id"].append(eid)
        # (a mixed-case form over an all-caps one of as many words: "Carrow Valley", not a dateline's
        # "CARROW VALLEY"; of one word, where as frequent: a brief's "Jackson" once beside its dateline's
        # "JACKSON", while "NATO" written so more often than "Nato" stays an acronym)
        # (words counted across hyphens: "Alexandria Ocasio-Cortez", written so 26 times, over "Alexandria
        # Ocasio Cortez" once)
        out["entity"].append(max(displays, key=lambda d: (_form_words(d), not d.isupper() or len(d.split()) == 1,
                                                          displays[d], not d.isupper(), len(d))) if displays else eid)
        out["type"].append(etype)
        out["evidence"].append(max(evidence, key=lambda x: x[0])[1] if evidence else "none")
        out["gender"].append(max(a["gender"], key=a["gender"].__getitem__) if a["gender"] else None)
        out["mentions"].append(a["mentions"] - a.get("definitions", 0))
        out["pronouns"].append(a["pronouns"])
        out["documents"].append(a["documents"])
        out["variants"].append(sorted(variants, key=lambda v: (-variants[v], -len(v), v)))
        out["titles"].append(sorted(a["titles"], key=a["titles"].__getitem__, reverse=True))
        out["actor_id"].append(actor_id)
        out["actor"].append(names.get(actor_id) if actor_id else None)
        out["group"].append(group if isinstance(group, str) else None)
        out["same_as"].append(None)
        out["doc_id"].append(a["first"][0])
        out["sentence_id"].append(a["first"][1])
    # (object columns: iterating them below costs no Python call per cell, as Arrow-backed text would)
    table = pd.DataFrame(out, dtype=object)
    # a short-form-only entity -> the one full-name entity it can be: a single word typed by weak evidence
    # (or as a person) -> the one multi-word person ending with it, an organisation's last word -> the one
    # multi-word organisation ending with it ("Rovers" -> Northgate Rovers); an acronym -> the one multi-word
    # entity of its type whose initials it spells ("EPA" -> Environmental Protection Agency); a name
    # typed by no evidence where it was found -> the one typed entity of the same name elsewhere
    # ("Harbour Voices" untyped in one article, "supporters' group Harbour Voices" in another); a name
    # typed a place only by a preposition -> the one organisation or person of that name elsewhere
    # ("an inquiry into Nimbusly" in one article, "Nimbusly said in a statement" in others); an
    # organisation (or an untyped name) -> the one organisation of its name and a legal suffix ("Nimbusly"
    # -> Nimbusly Inc.)
    # (the weight of a name among the candidates counts its acronym's definitions, "National Oceanic and
    # Atmospheric Administration (NOAA)": evidence of the name an acronym alone elsewhere stands for)
    weights = [a["mentions"] for a in acc.values()]
    multi = [(i, e, t, n) for i, e, t, n in zip(table["entity_id"], table["entity"], table["type"], weights)
             if " " in e]
    by_last: dict[str, list[tuple[int, str]]] = {}
    by_given: dict[str, list[str]] = {}  # persons of several words by their first word ("Ella Pryce")
    by_spelling: dict[tuple[str, str], list[tuple[int, str]]] = {}
    by_name: dict[str, list[tuple[int, str]]] = {}
    org_first: dict[str, list[tuple[int, str]]] = {}  # businesses by their first word ("Brightwater Foods")
    words = _default_words()
    for i, e, t, n in multi:
        if t in ("person", "organization") and not _repeated(e.split()):  # ("Greyford" -> "Greyford Greyford")
            by_last.setdefault(f"{t}:{e.split()[-1]}", []).append((n, i))
            if t == "person":
                by_given.setdefault(e.split()[0], []).append(i)
        if t == "organization" and (parts := e.split())[0] != parts[-1] and \
                (parts[-1].lower() in words.company_words or parts[-1].lower() in words.legal_suffixes):
            org_first.setdefault(parts[0], []).append((n, i))
        by_spelling.setdefault((_initials(e.split()), t), []).append((n, i))
    for i, e, n, ev in zip(table["entity_id"], table["entity"], weights, table["evidence"]):
        if ev != "none":
            by_name.setdefault(e.casefold(), []).append((n, i))
    same = []
    for e, t, ev in zip(table["entity"], table["type"], table["evidence"]):
        if " " in e:
            same.append(None)
        elif _ACRONYM.match(e):
            same.append(_dominant(by_spelling.get((e.replace(".", ""), t), [])))
        elif e in org_first and (t != "person" or ev.startswith(_WEAK_EVIDENCE)) and f"person:{e}" in by_last:
            # "Brightwater" beside Laura Brightwater and Brightwater Foods: a surname and an organisation's
            # first word; never the person without a title or honorific (the organisation only where its
            # words say so)
            same.append(_dominant(org_first[e]) if t == "organization" else None)
        elif t == "person" or ev.startswith(_WEAK_EVIDENCE):
            same.append(_dominant(by_last.get(f"person:{e}", [])) or _given_name_of(words, e, t, by_given, by_last))
        elif t == "organization" and (e.lower() not in words.org_words or e.lower() in _CLUB_WORDS):
            # "Rovers" -> Northgate Rovers; never a generic head word ("Office" is no short form of the Met
            # Office, "University" none of the University of Kelsford)
            same.append(_dominant(by_last.get(f"organization:{e}", [])))
        else:
            same.append(None)
    by_stem = _legal_stems(multi)
    for k, (e, t, ev) in enumerate(zip(table["entity"], table["type"], table["evidence"])):
        if same[k] is None and (t == "organization" or ev == "none" or ev in _WEAK_PLACE):
            same[k] = _dominant(by_stem.get(e.casefold(), []))  # "Nimbusly" -> Nimbusly Inc.
    type_of = dict(zip(table["entity_id"], table["type"]))
    evidence_of = dict(zip(table["entity_id"], table["evidence"]))
    for k, (e, weakly) in enumerate(zip(table["entity"], speaking)):
        if weakly and same[k] is None and " " in e:
            # "Pacific Ridge Power is found to have started it" (a person there by its last word, a surname
            # of the lists, or by "has said" alone) beside "Pacific Ridge Power (PRP)" elsewhere: a name of
            # several words the corpus types an organisation by evidence of its own is that organisation
            same[k] = next((i for _, i in by_name.get(e.casefold(), []) if type_of[i] == "organization"), None)
    same_of = dict(zip(table["entity_id"], same))
    for k, (e, ev) in enumerate(zip(table["entity"], table["evidence"])):
        if same[k] is not None or (ev != "none" and ev not in _WEAK_PLACE):
            continue
        pool = _folded(by_name.get(e.casefold(), []), same_of)
        if e in org_first and f"person:{e}" in by_last:  # the ambiguous word above: not a person of that name
            pool = [(n, i) for n, i in pool if type_of[i] != "person"]
        if ev != "none":  # "into Nimbusly" alone in one article: the organisation or person named so elsewhere
            # (not a person only by the name lists, "first name: Jackson": "in Jackson" is no person's)
            pool = [(n, i) for n, i in pool if type_of[i] == "organization" or
                    (type_of[i] == "person" and not evidence_of[i].startswith(_WORD_LISTS))]
        if (typed := _dominant(pool)):
            same[k] = same_of.get(typed) or typed
    for k, (e, t, ev) in enumerate(zip(table["entity"], table["type"], table["evidence"])):
        if same[k] is None and t == "organization" and ev.startswith(_SPEAKING_PLACE):
            # "Russia said" (its government, typed an organisation there) is the place Russia of the other
            # articles: one actor in the corpus
            same[k] = _dominant([(n, i) for n, i in by_name.get(e.casefold(), []) if type_of[i] == "place"])
        elif same[k] is None and t == "person" and " " not in e and ev.startswith(_WORD_LISTS[:2]):
            # "Jackson" a person only by the first-name list in one article ("keep this fire out of Jackson"
            # before the cue was read), the place "the town of Jackson" in another: the place
            same[k] = _dominant([(n, i) for n, i in by_name.get(e.casefold(), []) if type_of[i] == "place"])
        elif same[k] is None and t == "place" and ev in _CLUB_PLACE_EVIDENCE:
            # "Millbrook Town" a place by its "Town" alone in one article ("the home game against Millbrook
            # Town"), the club by a score or a sports word in another: the club (as "Ipswich Town" is)
            same[k] = _dominant([(n, i) for n, i in by_name.get(e.casefold(), []) if type_of[i] == "organization"])
    _leading_parts(table, same, words)
    _role_links(table, same)
    table["same_as"] = _chain_ends(table["entity_id"].tolist(), same)
    table = table.sort_values("mentions", ascending=False, kind="stable")  # ties: first seen first
    return _typed(table.reset_index(drop=True), ENTITY_TABLE_COLUMNS, ints=table_ints, lists=("variants", "titles"))


def _role_links(table: pd.DataFrame, same: list[str | None]) -> None:
    """Fill ``same`` (one per row of ``table``) for a bare surname its article gives a role (an id with
    :data:`_ROLE_ID_MARK`: "Mr Venkataraman, the founder of Varuna,"): the one multi-word person of the
    corpus ending with that word whose titles hold that role (Ramesh Venkataraman, "the founder", not
    his son Arjun Venkataraman); where none or several do, the entity of the bare surname without a
    role (and what that one is the same as), so that it counts as it would without its role; else as
    decided before."""
    ids = table["entity_id"].tolist()
    if not any(_ROLE_ID_MARK in i for i in ids):
        return
    persons: dict[str, list[tuple[str, list[str]]]] = {}
    for i, e, t, titles in zip(ids, table["entity"], table["type"], table["titles"]):
        if t == "person" and " " in e:
            persons.setdefault(e.split()[-1], []).append((i, [slug(x, empty="") for x in titles]))
    row_of = {i: k for k, i in enumerate(ids)}
    for k, (i, e) in enumerate(zip(ids, table["entity"])):
        if _ROLE_ID_MARK not in i or " " in e:
            continue
        plain, _, role = i.partition(_ROLE_ID_MARK)
        titled = [j for j, titles in persons.get(e, []) if role in titles]
        if len(titled) == 1:
            same[k] = titled[0]
        elif plain in row_of:
            same[k] = same[row_of[plain]] or plain


def _leading_parts(table: pd.DataFrame, same: list[str | None], words: EntityWords) -> None:
    """Fill ``same`` (one per row of ``table``) for a short form that is the leading part of exactly one
    organisation's name in the corpus: a headline's "Northfield" or "Northfield Dairy", or "Northfield's
    chief executive", beside the body's "Northfield Dairy Cooperative" is the cooperative, not a town of
    the gazetteer, a person by a speech verb alone or a new organisation. Only a form typed by no
    evidence, by a speech verb, statement or organisation cue alone, or by an institution's first word
    ("Royal Wessex" beside the Royal Wessex Hospitals NHS Foundation Trust) (not by words of its own: "European
    Union" is no short form of the European Union Emissions Trading System), or a place by the
    gazetteer's towns alone, or a single word typed by no evidence ("Varuna" beside Varuna Infra Ltd), and
    no common word alone ("Two"); where a single word leads several organisations' names, the one with 80%
    of their mentions (:func:`_dominant`); never a single word typed a person (a surname beside "Mallory Paving"), nor
    where another entity's name (of any type) starts with the same words, nor the place an organisation
    is named after ("Springfield" of "Springfield City Council"), nor a name another name holds after its
    first word: "Westbrook" beside the Westbrook Students' Union and the University of Westbrook is the
    place both are named after, not the union."""
    starts: dict[tuple[str, ...], list[int]] = {}
    names = [tuple(e.split()) for e in table["entity"]]
    for k, name in enumerate(names):
        if _repeated(name):
            continue  # ("Greyford" is no leading part of "Greyford Greyford")
        for n in range(1, min(len(name), 4)):
            starts.setdefault(name[:n], []).append(k)
    if not starts:
        return
    blob: list[str] = []  # every name, one a line (made on first use)
    types = table["type"].tolist()
    ids = table["entity_id"].tolist()
    mentions = table["mentions"].tolist()
    surnames = {n[-1] for n, t in zip(names, types) if t == "person" and len(n) > 1}
    for k, (name, t, ev) in enumerate(zip(names, types, table["evidence"])):
        if same[k] is not None or name not in starts or len(name) == 1 and name[0] in surnames:
            continue  # (nor a person's surname: "Copperleaf" beside Nina Copperleaf and Copperleaf Foods)
        if not (ev == "none" or ev.startswith(("organization cue", "said-cue", "statement-cue", _SAINT_EVIDENCE,
                                               _INSTITUTION_EVIDENCE)) and
                t in ("organization", "person") and (t != "person" or len(name) > 1) or
                t == "place" and ev == "gazetteer: town" or t == "other" and ev == "none" and len(name) == 1):
            continue  # (a name with evidence of its own is its own: "European Union", "US Senate", "CBS")
        if len(name) == 1 and not ev.startswith("organization cue") and name[0].lower() in words.english:
            continue  # a common word ("Two", "Android")
        longer = starts[name]
        # (the longest names only: "Northfield Dairy" is itself a leading part of the cooperative)
        longest = [j for j in longer if not any(len(names[i]) > len(names[j]) and names[i][:len(names[j])] == names[j]
                                                for i in longer)]
        if len(longest) > 1 and len(name) == 1 and all(types[j] == "organization" for j in longest):
            # "Varuna" beside Varuna Infra Ltd (13 mentions) and the Varuna Employees Union (1): the one
            # organisation with 80% of their mentions, as entity_table decides elsewhere
            one = _dominant([(mentions[j], ids[j]) for j in longest])
            longest = [ids.index(one)] if one is not None else longest
        if len(longest) != 1 or types[longest[0]] != "organization":
            continue
        full = names[longest[0]]
        if len(full) > len(name) and full[len(name)].lower() in words.place_last:
            continue
        if not blob:
            blob.append("\n".join(" ".join(n) for n in names))
        if re.search(rf" {re.escape(' '.join(name))}(?![^ \n])", blob[0]):
            continue  # (another name holds it after its first word: "University of Westbrook" beside the union)
        same[k] = ids[longest[0]]


def _chain_ends(ids: Sequence[str], same: Sequence[str | None]) -> list[str | None]:
    """``same`` (the ``same_as`` of each of ``ids``) with every link followed to its end, so that the
    table never writes a chain: "Varuna" untyped -> "Varuna" the organisation -> Varuna Infra Ltd gives
    Varuna Infra Ltd for both (every reader of ``same_as`` follows one link). A link into a cycle keeps
    its first step."""
    of = dict(zip(ids, same))
    out: list[str | None] = []
    for first in same:
        to, seen = first, set()
        while to is not None and of.get(to) is not None and to not in seen:
            seen.add(to)
            to = of[to]
        out.append(first if to in seen else to)
    return out


def _given_name_of(words: EntityWords, name: str, etype: str, by_given: Mapping[str, list[str]],
                   by_last: Mapping[str, list[tuple[int, str]]]) -> str | None:
    """The one person of the corpus named in full with ``name`` (a person's single word) as the first
    word: "Ella" (in articles that name her so alone) -> Ella Pryce; only a first name of the lists that
    is no surname of them, no surname of any multi-word person of the corpus, and where one person alone
    is named with it (two, "Ella Pryce" and "Ella Hart": neither)."""
    full = by_given.get(name)
    if etype != "person" or full is None or len(full) != 1 or name not in words.first_names or \
            name in words.surnames or f"person:{name}" in by_last:
        return None
    return full[0]


def _folded(pool: list[tuple[int, str]], same_of: Mapping[str, str | None]) -> list[tuple[int, str]]:
    """The candidates (mentions, entity_id) of ``pool`` with those ``same_of`` links to another of them
    counted as that one: "Cal Fire" untyped beside the organisation (8 mentions) and the same name typed
    a person by "Cal Fire said" alone (3, same_as the organisation) has one candidate of 11 mentions."""
    ids = {i for _, i in pool}
    if not any(same_of.get(i) in ids for i in ids):
        return pool
    counts: dict[str, int] = {}
    for n, i in pool:
        to = same_of.get(i) if same_of.get(i) in ids else i
        counts[to] = counts.get(to, 0) + n
    return [(n, i) for i, n in counts.items()]


def _legal_stems(multi: Iterable[tuple[str, str, str, int]]) -> dict[str, list[tuple[int, str]]]:
    """The organisations among ``multi`` (entity_id, entity, type, mentions) whose name ends in a legal
    suffix, by their name without it, case-folded: {"nimbusly": [(mentions, "organization:nimbusly_inc")]}."""
    suffixes = _default_words().legal_suffixes
    out: dict[str, list[tuple[int, str]]] = {}
    for i, e, t, n in multi:
        stem, _, last = e.rpartition(" ")
        if t == "organization" and last.lower() in suffixes:
            out.setdefault(stem.rstrip(",").casefold(), []).append((n, i))
    return out


def _dominant(candidates: list[tuple[int, str]]) -> str | None:
    """The candidate (mentions, entity_id) with at least 80% of all the candidates' mentions, else None:
    "Trump" -> Donald Trump beside a rare Donald J. Trump, but no choice between Ann and Paul Becker."""
    if not candidates:
        return None
    total = sum(n for n, _ in candidates)
    n, best = max(candidates)
    return best if n >= 0.8 * total else None


def _accumulate(acc: dict[str, dict[str, Any]], entities: pd.DataFrame) -> None:
    """Add the rows of one entities table to the per-entity tallies ``acc`` (a document lies in one part:
    its distinct documents are counted per part and added up). Each tally is a dict in order of first
    appearance, as a pass over the rows in order would fill it; the counting is done per (entity, value)
    pair by ``Counter`` over the columns (a groupby per entity would cost milliseconds each on a large
    corpus, and a Python pass over the rows most of the table's time)."""
    eids = entities["entity_id"].tolist()
    vias = entities["via"].tolist()
    direct = [v != "pronoun" for v in vias]
    for eid, doc, sid in zip(eids, entities["doc_id"].tolist(), entities["sentence_id"].tolist()):
        if eid not in acc:
            acc[eid] = {"types": {}, "evidence": {}, "gender": {}, "actor": {}, "displays": {}, "variants": {},
                        "titles": {}, "documents": 0, "mentions": 0, "pronouns": 0, "first": (str(doc), int(sid))}
    etypes = entities["type"].tolist()
    genders = entities["gender"].tolist()
    actor_ids = entities["actor_id"].tolist()
    titles = entities["title"].tolist()
    pairs = (
        ("types", compress(zip(eids, etypes), direct)),
        ("evidence", compress(zip(eids, zip(etypes, entities["evidence"].tolist())), direct)),
        ("displays", compress(zip(eids, entities["entity"].tolist()), direct)),
        ("variants", compress(zip(eids, entities["text"].tolist()), direct)),
        ("titles", ((e, t) for e, t, d in zip(eids, titles, direct) if d and isinstance(t, str))),
        ("gender", ((e, g) for e, g in zip(eids, genders) if isinstance(g, str))),
        ("actor", ((e, a) for e, a in zip(eids, actor_ids) if isinstance(a, str))),
    )
    for key, found in pairs:
        for (eid, value), n in Counter(found).items():
            tally = acc[eid][key]
            tally[value] = tally.get(value, 0) + n
    for eid, n in Counter(compress(eids, direct)).items():
        acc[eid]["mentions"] += n
    if "definition" in vias:  # (an acronym's definition is no mention of its own: _mark_definitions)
        for eid, n in Counter(e for e, v in zip(eids, vias) if v == "definition").items():
            acc[eid]["definitions"] = acc[eid].get("definitions", 0) + n
    for eid, n in Counter(e for e, d in zip(eids, direct) if not d).items():
        acc[eid]["pronouns"] += n
    if len(entities):
        documents = entities.groupby("entity_id", sort=False)["doc_id"].nunique()
        for eid, n in zip(documents.index.tolist(), documents.tolist()):
            acc[eid]["documents"] += int(n)


@output_columns("mentions")
def entities_as_mentions(entities: pd.DataFrame, *, sentences: pd.DataFrame | None = None, actors: Any = None,
                         entity_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The entities as a mentions table (``analysis.actors.MENTION_COLUMNS``), so that the actor
    functions and charts (prominence, mentions_by, cooccurrence, ...) work on entities.

    ``actor_id``: the linked lexicon actor where there is one, else the entity_id; ``actor``: the
    lexicon's display name where linked, else the entity's display name in ``entity_table`` (one name
    per entity however each mention writes it: "Sacramento", also for a dateline's "SACRAMENTO"), with its type added where entities of
    different types (or a lexicon actor) share it ("Jordan (person)" beside the country); ``alias``: the text; ``via``: 'alias' for
    direct mentions, 'pronoun' for pronouns (no row for an acronym's definition, ``via == "definition"``,
    part of the naming it follows); ``section`` from ``sentences`` (else 'body'). An entity
    that ``entity_table`` (:func:`entity_table` of the same entities; made here when not given) links
    by ``same_as`` counts as the entity it is the same as ("Okafor" alone in one article as David
    Okafor; "Harborview" untyped in one article as the place Harborview of another, not a second
    "Harborview (other)").
    """
    from analysis.actors import load_actors
    from analysis.schema import MENTION_COLUMNS

    require_columns(entities, ("doc_id", "sentence_id", "text", "entity_id", "entity", "via", "actor_id", "start",
                               "end"), fn="entities_as_mentions", name="entities", fix="pass the output of analysis.entities(...)")
    lexicon = load_actors(actors).actors
    names = dict(zip(lexicon["actor_id"], lexicon["name"]))
    entities = actor_rows(entities)
    if len(entities):
        if entity_table is None:
            entity_table = entity_table_of_parts([entities], actors=actors)
        entities = as_same_entities(entities, entity_table, fn="entities_as_mentions")
        entities = entities[entities["via"] != "definition"]  # (part of the mention it defines)
        # one entity, one name: the table's display name, not each mention's form as written (a
        # dateline's "SACRAMENTO" beside "Sacramento" would be two rows of one actor in a chart)
        display_of = dict(zip(entity_table["entity_id"], entity_table["entity"]))
        entities = entities.assign(entity=[display_of.get(i, n) for i, n in zip(entities["entity_id"],
                                                                               entities["entity"])])
    linked = entities["actor_id"].notna()
    out = pd.DataFrame({
        "doc_id": entities["doc_id"].astype("str"),
        "sentence_id": entities["sentence_id"].astype("int64"),
        "section": "body",
        "actor_id": entities["actor_id"].where(linked, entities["entity_id"]).astype("str"),
        "actor": [names.get(a, e) if ok else e for a, e, ok in zip(entities["actor_id"], entities["entity"], linked)],
        "alias": entities["text"],
        "via": np.where(entities["via"] == "pronoun", "pronoun", "alias"),
        "start": entities["start"].astype("int64"),
        "end": entities["end"].astype("int64"),
    })
    if len(out):
        out["actor"] = _distinct_names(keys=out["actor_id"].tolist(), names=out["actor"].tolist(),
                                       types=entities["type"].tolist(), linked=linked.tolist())
    if sentences is not None and len(out):
        key = sentences[["doc_id", "sentence_id", "section"]].copy()
        key["doc_id"] = key["doc_id"].astype("str")
        out = out.drop(columns=["section"]).merge(key, on=["doc_id", "sentence_id"], how="left")
        out["section"] = out["section"].fillna("body")
    return out[list(MENTION_COLUMNS)].reset_index(drop=True)


def _distinct_names(*, keys: Sequence[str], names: Sequence[str], types: Sequence[str], linked: Sequence[bool]
                    ) -> list[str]:
    """``names`` (one per row of actor ``keys``) with the entity type added to an entity's name where
    actors of different types share it, so that charts and tables tell them apart: "Jordan (place)"
    and "Jordan (person)". An unlinked entity's type is its id's prefix (``<type>:<slug>``, also for a
    row folded into another entity by ``same_as``), a lexicon actor's the row's ``types``; a lexicon
    actor keeps the name the lexicon gives it. Keys are unchanged."""
    kinds: dict[str, set[str]] = {}  # name -> its actors' types (over the distinct rows: few per entity)
    for key, name, etype, ok in set(zip(keys, names, types, linked)):
        kinds.setdefault(name, set()).add(etype if ok else key.partition(":")[0])
    shared = {name for name, found in kinds.items() if len(found) > 1}
    if not shared:
        return list(names)
    return [f"{name} ({key.partition(':')[0]})" if name in shared and not ok else name
            for key, name, ok in zip(keys, names, linked)]


def same_entity_ids(table: pd.DataFrame) -> dict[str, str]:
    """``{entity_id: entity_id it is the same as}`` for the entities that ``table`` (an
    :func:`entity_table`) links by ``same_as`` ("Okafor" alone in one article -> David Okafor's id);
    empty when it links none. The one reading of ``same_as`` that the report functions share
    (:func:`entities_as_mentions`, :func:`entities_by`, ``tables.speakers_as_entities``)."""
    if "same_as" not in table:
        return {}
    return {a: b for a, b in zip(table["entity_id"], table["same_as"]) if isinstance(b, str) and b}


def as_same_entities(entities: pd.DataFrame, table: pd.DataFrame, *, fn: str = "as_same_entities") -> pd.DataFrame:
    """``entities`` (rows of :func:`entities`) with each unlinked entity that ``table`` (an
    :func:`entity_table`) links by ``same_as`` written as that entity: its entity_id, display name and
    lexicon actor (the same columns, the rows in their order). ``fn`` names the caller in errors."""
    require_columns(table, ("entity_id", "entity", "actor_id", "same_as"), fn=fn,
                    name="entity_table", fix="pass analysis.entity_table(entities) of the same entities")
    into = same_entity_ids(table)
    if not into:
        return entities
    target = table.set_index("entity_id")
    moved = entities["entity_id"].map(into)
    hit = moved.notna() & entities["actor_id"].isna()
    if not hit.any():
        return entities
    out = entities.copy()
    out.loc[hit, "entity_id"] = moved[hit]
    out.loc[hit, "entity"] = moved[hit].map(target["entity"])
    out.loc[hit, "actor_id"] = moved[hit].map(target["actor_id"])
    return out


@output_columns("entity_rollup")
def entities_by(entities: pd.DataFrame, *, actors: Any = None, types: Sequence[str] | None = None,
                include_pronouns: bool = False, quotes: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who is in it: the entities table aggregated by actor, one row per actor; entities linked to a
    lexicon actor count as that actor, and entities seen only as a short form as the full name they
    are (``same_as`` of
    :func:`entity_table`: "Trump" into Donald Trump).

    ``types``: keep only these entity types (e.g. ``("person", "organization")``); None keeps all.
    Counts direct mentions unless ``include_pronouns``; never an acronym's definition in brackets right
    after its name (``via == "definition"``: the same naming). Most mentions first, then by name. ``name``: as in
    :func:`entities_as_mentions`, an entity's name carries its type where one of another type shares it.
    ``actors``: the lexicon the entities were linked with (an Analysis gives its own); left out, the
    shipped one, and a warning names the linked actors it does not hold (their group stays empty).
    ``share``: of the mentions of people, organisations and other names, as :func:`analysis.voice`'s
    ``mention_share`` (the reports' "share of mentions") counts them: a place no lexicon actor is
    (``place:...``) is where the news happens, left out of the shares (its share NA) unless it speaks
    in ``quotes`` (:func:`analysis.quotes`; its ``speaker_entity_id``).
    """
    from analysis.actors import load_actors

    require_columns(entities, ("doc_id", "sentence_id", "entity_id", "entity", "type", "via", "actor_id"),
                    fn="entities_by", name="entities", fix="pass the output of analysis.entities(...)")
    cols = ["key", "name", "type", "group", "linked", "mentions", "documents", "sentences", "share"]
    e = actor_rows(entities)
    e = e[e["via"] != "definition"] if include_pronouns else e[(e["via"] != "pronoun") & (e["via"] != "definition")]
    if e.empty:
        return pd.DataFrame({c: [] for c in cols})
    lexicon = load_actors(actors)
    lex = lexicon.actors.set_index("actor_id")
    if actors is None:
        _warn_unknown_actors(e["actor_id"], lex.index)
    entity_ids, displays, etypes = e["entity_id"], e["entity"], e["type"]
    if all(c in entities.columns for c in ENTITY_COLUMNS):
        # entities seen only as a short form roll into the full name they are (entity_table's same_as)
        table = entity_table(entities, actors=lexicon)
        fold = same_entity_ids(table)
        display_of = dict(zip(table["entity_id"], table["entity"]))  # (one name per entity: the table's)
        if fold:
            type_of = dict(zip(table["entity_id"], table["type"]))
            entity_ids = e["entity_id"].map(lambda x: fold.get(x, x))
            etypes = entity_ids.map(type_of).fillna(e["type"])
        displays = entity_ids.map(display_of).fillna(e["entity"])
    linked = e["actor_id"].notna()
    frame = pd.DataFrame({
        "key": e["actor_id"].where(linked, entity_ids).astype("str"),
        "name": [lex["name"].get(a, n) if ok else n for a, n, ok in zip(e["actor_id"], displays, linked)],
        "type": etypes, "linked": linked.to_numpy(),
        "doc_id": e["doc_id"].astype("str"),
        "sentence": e["doc_id"].astype("str") + "\x1f" + e["sentence_id"].astype("str"),
    })
    frame["name"] = _distinct_names(keys=frame["key"].tolist(), names=frame["name"].tolist(),
                                    types=frame["type"].tolist(), linked=frame["linked"].tolist())
    frame["group"] = [lex["group"].get(a) if ok else None for a, ok in zip(e["actor_id"], linked)]
    if types is not None:
        frame = frame[frame["type"].isin(list(types))]
        if frame.empty:
            return pd.DataFrame({c: [] for c in cols})
    g = frame.groupby("key", sort=False)
    out = g.agg(name=("name", lambda s: Counter(s).most_common(1)[0][0]),
                type=("type", lambda s: Counter(s).most_common(1)[0][0]),
                group=("group", "first"), linked=("linked", "any"), mentions=("key", "size"),
                documents=("doc_id", "nunique"), sentences=("sentence", "nunique")).reset_index()
    out["group"] = out["group"].astype("object").where(out["group"].notna(), None)
    speakers = set(quotes["speaker_entity_id"].dropna().astype(str)) \
        if quotes is not None and "speaker_entity_id" in quotes.columns else set()
    place = ~out["linked"].astype(bool) & out["key"].str.startswith("place:") & ~out["key"].isin(speakers)
    counted = out["mentions"].where(~place)
    out["share"] = (counted / counted.sum()).astype("float64")
    out = out.sort_values(["mentions", "name"], ascending=[False, True], kind="stable")
    return out[cols].astype({"mentions": "int64", "documents": "int64", "sentences": "int64"}).reset_index(drop=True)


def _warn_unknown_actors(actor_ids: pd.Series, known: pd.Index) -> None:
    """A UserWarning when linked ``actor_ids`` are not in the shipped lexicon (``known``): the entities
    were linked with another lexicon, which ``entities_by`` was not given."""
    unknown = list(dict.fromkeys(a for a in actor_ids.dropna().astype(str) if a not in known))
    if unknown:
        shown = ", ".join(unknown[:5]) + (", ..." if len(unknown) > 5 else "")
        warnings.warn(f"entities_by: {len(unknown)} linked actor(s) ({shown}) are not in the shipped actor lexicon, "
                      "so their group is left empty; pass the lexicon the entities were linked with: "
                      "actors=result (the Analysis) or actors='your-actors.yml'", UserWarning, stacklevel=3)


# ------------------------------------------------------------------- deprecated names (one release)

entity_mentions = deprecated_alias(entities_as_mentions, "analysis.entities.entity_mentions",
                                   "analysis.entities_as_mentions")
entity_rollup = deprecated_alias(entities_by, "analysis.entities.entity_rollup", "analysis.entities_by")
