"""The words extraction reads: one home for every word list, each built from the others where they overlap.

Lists are grouped by what they describe (names and titles, offices, organisations, event triggers, how an
event is told). They hold general English and the vocabulary of offices; no name, place or sentence of a
particular article belongs here.
"""

# --- names and the titles in front of them -------------------------------------------------------

# Lower-case particles that belong inside names (al-Adl is not a person, but Abu Bakr al-Baghdadi is).
NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du van von der den la le dos das ul ud".split())
# Words that may or may not be written in front of a given name (lineage honorifics); optional when matching.
OPTIONAL_NAME_WORDS = frozenset("seyyed seyed sayyid sayed syed sayyed".split())
# Arabic articles written apart or joined: al-Amin, el-Amin, as-Amin.
ARTICLES = frozenset("al el ul ad ud as es at ar er an".split())

# Ranks are kept apart from offices: "General" says how senior someone is, not what they do.
RANK_WORDS = frozenset(
    """
    gen general maj major lt lieutenant col colonel brig brigadier adm admiral rear vice air marshal field
    capt captain cdr commodore sgt sergeant cpl corporal
    """.split()
)
HONORIFICS = frozenset(
    """
    dr doctor prof professor mr mrs ms miss sir dame hon honourable honorable excellency ayatollah grand imam
    sheikh shaikh sheik allama maulana mullah hojatoleslam hojjatoleslam mufti rev reverend lord lady
    """.split()
)
# Offices and dignities written in front of a name ("President", "Cardinal", "COAS").
NAME_OFFICE_TITLES = frozenset(
    """
    ambassador archbishop bishop cardinal cgs chancellor chief cjcsc coas commander crown defence defense deputy
    emir envoy father foreign gov governor judge justice king mayor minister pope premier president prime prince
    princess queen rabbi rep representative secretary senator speaker sultan vice-president taoiseach tanaiste
    whip pm fm
    """.split()
)
# Abbreviated titles the small model reads as common nouns ("PM Otieno"): each gets the norm of a title word, so
# the tagger and the entity recogniser see a title before the name.
ABBREVIATED_TITLES = {"PM": "premier", "FM": "minister", "DPM": "premier"}
# Words joined to a title by a hyphen that qualify it: "Prime Minister-designate", "Commander-in-Chief".
TITLE_SUFFIXES = frozenset("designate elect in chief general".split())
# Titles a ruler or royal is called by with the given name alone ("King Amani", "Sheikh Otieno", "Prince Kamau").
ROYAL_TITLES = frozenset("king queen prince princess emir sultan sheikh shaikh sheik crown".split())
# Ranks, honorifics and office words that precede a name; removed from names and kept as titles.
TITLE_WORDS = RANK_WORDS | HONORIFICS | NAME_OFFICE_TITLES
PAST_WORDS = frozenset({"former", "then", "ex", "late"})
QUOTES = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019", "`", "``", "''"})
CALENDAR_WORDS = frozenset(
    """
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August
    September October November December
    """.split()
)
# Capitalised words that head a phrase but never a name ("Minister Meeting", "Summit").
NOT_NAME_WORDS = frozenset(
    """
    Meeting Meetings Summit Conference Talks Agreement Visit Statement Resolution Declaration Treaty Day
    Comment Comments Reply Related Articles Story Code Posted Image Photo Picture Credit Caption Video Source
    """.split()
)

# --- offices ------------------------------------------------------------------------------------

# Words that make a phrase an office ("Foreign Minister", "army chief", "head of the ...").
OFFICE_HEADS = frozenset(
    """
    minister ministers president presidents premier chancellor chief chiefs commander commanders head heads
    director secretary spokesman spokeswoman spokesperson ambassador envoy leader leaders governor diplomat
    official officials chairman chairwoman chair adviser advisor king queen prince emir sultan mayor speaker
    judge justice officer counterpart deputy assistant director-general representative coordinator negotiator
    attache attaché prosecutor attorney commissioner chairperson administrator ombudsman taoiseach tanaiste whip
    """.split()
)
# What a ministry or an envoy is for ("Minister of Trade", "Envoy for Climate Change"): words of an office, never
# of a name, so a name the NER ran into one ("Treasury Ana Ruiz") starts after it.
PORTFOLIO_WORDS = frozenset(
    """
    foreign defence defense interior finance energy trade economy economic affairs home justice culture education
    health oil petroleum industry agriculture planning development communications transport treasury commerce
    climate change environment labor labour tourism transportation housing mines mining fisheries forestry
    science technology infrastructure immigration welfare revenue investment aviation emergencies emergency
    telecommunications youth sports sport heritage veterans homeland water works
    """.split()
)
# Bodies outside government: who leads a party, a movement or the opposition holds no public office by that alone
# ("opposition leader X", "X, the president of the Y Congress"); a ruling or communist party's chief is left alone.
NON_GOVERNMENT_BODIES = frozenset(
    "party movement front congress opposition rebel rebels insurgents guerrilla guerrillas liberation campaign".split()
)
RULING_PARTY_WORDS = frozenset("ruling communist".split())
# Words that may stand inside an office phrase besides its head.
OFFICE_WORDS = (
    OFFICE_HEADS
    | PORTFOLIO_WORDS
    | frozenset(
        """
        of the for state army armed forces force staff general joint military naval navy air national security
        intelligence supreme caretaker acting interim former then top senior prime vice first revolutionary guard
        guards corps council ministry cabinet elite spy agency service services party and parliament parliamentary
        assembly committee commission public relations inter-services information crown
        """.split()
    )
    | NON_GOVERNMENT_BODIES
    | frozenset({"executive"})  # "the chief executive of X", where X tells a government's from a business's
)
# What a generic office word stands for when it describes one person ("the Kenyan leader", "the top diplomat").
HEAD_OFFICES = frozenset(
    {"president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "sultan", "supreme leader"}
)
OFFICE_SYNONYMS = {
    "leader": HEAD_OFFICES,
    "diplomat": frozenset(
        {"foreign minister", "secretary of state", "foreign secretary", "minister of foreign affairs"}
    ),
    "monarch": frozenset({"king", "queen", "emir", "sultan"}),
}
# Words that make the person named next to them someone's spouse ("his wife Ana", "X, the president's husband"),
# and the spouse's title; spouses are never participants.
SPOUSE_WORDS = frozenset("wife husband spouse widow widower".split())
SPOUSE_TITLE = "Spouse"
# Dignities that are no office: a prince, princess, duke or duchess holds none unless the text gives one ("Prince X,
# the foreign minister"); a crown prince is left to what the text says of him, and a king or emir heads a state.
DIGNITY_TITLES = frozenset("prince princess duke duchess".split())
# Offices held abroad: the country after "to" is where the holder is posted, not theirs ("Ambassador to Kenya").
POSTED_OFFICES = frozenset("ambassador ambassadors envoy envoys consul representative".split())
# Office words too vague to stand for a participant ("officials met ...").
GENERIC_OFFICES = frozenset(
    """
    official officials leader leaders officer officers representative representatives
    """.split()
)
# Generic office words that with a country name one holder ("the leaders of Chile and Peru", "the Kenyan leader").
COUNTRY_LEADERS = frozenset("leader leaders".split())
# Nouns that, counted as "the two ..." or "both ...", stand for the two countries named just before.
COUNTRY_NOUNS = frozenset("countries nations states governments".split())

# The other side of a meeting when it is a collective, not an identified official: "met businessmen", "held
# talks with officials", "met their counterparts", "met the military leadership".
# People who hold no office, as a group: "a meeting of businessmen" is no gathering of officials.
# An office held in a business is no public office: "an adviser to the board of the mining company".
BUSINESS_NOUNS = frozenset("company companies firm firms corporation conglomerate".split())
# Words of a business's name or of a place in one: "Kestrel Bank chairman X", "the chief executive of Norvia Motors".
BUSINESS_NAME_WORDS = BUSINESS_NOUNS | frozenset(
    """
    bank banks corp co inc ltd plc llc holdings motors airlines airways industries enterprises telecom
    """.split()
)
# What makes such a name public: "central bank governor", "World Bank president", "the Bank of Kenya", "the state
# airline", "the national oil company".
PUBLIC_BODY_WORDS = frozenset("central national reserve world development federal state government public".split())
# Titles held only in business, whatever the organisation: "CEO X", "the founder of Y", "tycoon Z".
BUSINESS_TITLES = frozenset(
    "ceo cfo coo founder co-founder owner tycoon magnate billionaire businessman businesswoman entrepreneur".split()
)
# Offices of a government that a phrase naming a business may still give: "the minister for the state bank".
GOVERNMENT_TITLES = frozenset("minister ministers ambassador envoy governor secretary senator mayor".split())
PRIVATE_GROUPS = frozenset(
    """
    businessmen businesswomen businesspeople executives exporters importers industrialists investors bankers
    students journalists reporters elders workers community communities families residents people activists
    brokers dealers traders farmers manufacturers employers unions unionists trade-unionists entrepreneurs
    shareholders economists analysts academics scholars scientists doctors teachers lawyers donors voters
    """.split()
)
COLLECTIVE_COUNTERPARTS = (
    GENERIC_OFFICES
    | PRIVATE_GROUPS
    | frozenset(
        """
        counterparts members delegates leadership lawmakers legislators parliamentarians senators congressmen
        diplomats ministers commanders chiefs
        """.split()
    )
)

# Verbs of someone who brings others together: "helped facilitate a meeting between X and Y" is X and Y's.
FACILITATION_VERBS = frozenset(
    """
    facilitate facilitates facilitated facilitating arrange arranges arranged arranging broker brokers brokered
    brokering
    """.split()
)

# Verbs that send someone on their errand: in "sent X to attend the summit" X is the one who attended.
SEND_VERBS = frozenset(
    """
    send sends sent sending dispatch dispatches dispatched dispatching despatched delegate delegated
    """.split()
)

# --- organisations, groups and places -----------------------------------------------------------

# A word that ends an organisation's name; a "person" ending in one is an organisation.
ORG_HEADS = frozenset(
    """
    Cinema Theatre Theater Studio Studios Channel Network Magazine Journal Radio Television
    Force Forces Corps Army Council Ministry Party Group Front Organization Organisation Agency Bank
    University Committee Movement State Republic Union Company Corporation Inc Ltd News Times Post Press Code
    Guard Guards Brigade Brigades Militia Network Institute Foundation Association Court Assembly Parliament
    Senate Office Department Service Services Command Navy Initiative Road Tribune Herald Daily Club League
    Federation Fund Alliance Airlines Airways Holdings Exchange Commission Authority Police Base House Hall
    Station Airport Port Island Islands Bay River Lake Mountain Mountains Street Square Palace Centre Center
    Hospital School College Olympiad Cup Championship Championships Games Festival Award Prize Master Stadium
    Church Mosque Temple Cathedral Museum Park Bridge Valley Province District County
    """.split()
)
# Bodies whose name may run straight into a member's: "[Security Council] Okello".
BODY_HEADS = frozenset(
    """
    Council Ministry Committee Commission Office Agency Service Command Corps Army Staff
    """.split()
)
# Nouns that announce a group, not a person: 'the terrorist group "X"', 'X group'.
GROUP_NOUNS = frozenset(
    """
    group groups organization organisation movement militia outfit network party faction
    """.split()
)
PLACE_PREPOSITIONS = frozenset("in at near into inside outside across towards toward".split())

# --- event triggers -----------------------------------------------------------------------------

# Motion verbs that make a visit only with a destination ("went to Nairobi"), not on their own.
MOTION_VERBS = frozenset(
    """
    went go goes going gone came come comes coming flew fly flies flying landed lands reached
    """.split()
)
VISIT_VERBS = MOTION_VERBS | frozenset(
    """
    visit visits visited visiting travel travels travelled traveled travelling traveling arrive arrives
    arrived arriving toured tours touring
    """.split()
)
VISIT_NOUNS = frozenset("visit visits trip trips tour tours arrival".split())
# Verbs that put someone somewhere: "X is in Kenya to discuss trade" is a visit when it says what for.
PRESENCE_VERBS = frozenset("is was are were 's been remain remains remained".split())
# Verbs of leaving a place: "left Lima at the end of a two-day visit" says where the visit was, and "sets off on
# Friday for the summit" dates the journey, not the summit.
LEAVE_VERBS = frozenset("leave leaves left leaving depart departs departed departing".split())
# Verbs by which a trip carries its traveller somewhere ("a tour that took him to Chile").
CARRY_VERBS = frozenset("take takes took taken taking bring brings brought bringing".split())
MEET_VERBS = frozenset(
    """
    meet meets met meeting received receive receives receiving hosted host hosts hosting welcomed welcomes
    welcoming greet greets greeted greeting
    """.split()
)
MEET_NOUNS = frozenset("meeting meetings talks meet audience consultations discussions welcome".split())
# "shook hands with X": a verb that meets someone only with this object.
HANDSHAKE_VERBS = frozenset("shake shakes shook shaking shaken".split())
# "discussed trade with X", "conferred with X": a meeting (or a call, when the sentence says by telephone).
DISCUSS_VERBS = frozenset("discuss discusses discussed discussing confer confers conferred conferring".split())
# "a courtesy call on X" is a meeting; "a call from X", "a call with X" a telephone call.
CALL_NOUNS = frozenset("call calls".split())
# "spoke with X": a call when the article says elsewhere that they spoke by phone.
SPEAK_VERBS = frozenset("spoke speak speaks speaking spoken talked talk talks talking".split())
# Nouns that count the sittings of an event or the time it took: "the fourth round of talks", "a session of
# consultations", "after a day of meetings with X".
ROUND_NOUNS = frozenset("round rounds session sessions series day days week weeks hours".split())
PHONE_WORDS = frozenset("telephone phone telephonic telephoned phoned".split())
PHONE_NOUNS = frozenset("call calls conversation conversations talk talks".split())
MULTI_VERBS = frozenset("gathered gather gathers convened convene convenes assembled".split())
MULTI_NOUNS = frozenset("summit summits conference conferences forum gathering ministerial".split())
# Gatherings a journey can be for: "arrived in Jakarta for the summit" (a forum may be a business one).
GATHERING_NOUNS = frozenset("summit summits conference conferences".split())
# Verbs by which a traveller's errand is a gathering: "flew to Lima to attend the summit".
ATTENDING_VERBS = frozenset("attend join participate address chair co-chair".split())
STATEMENT_MODIFIERS = frozenset("press news media".split())
# Where a visitor is met on arrival: a reception there is no meeting (the formal talks later are).
ARRIVAL_PLACES = frozenset("airport airports airbase airfield tarmac aerodrome".split())
# Verbs and nouns of a welcome, which on arrival or at an airport are a reception, not a meeting.
RECEPTION_WORDS = (MEET_VERBS - {"host", "hosts", "hosted", "hosting", "meeting", "greeting"}) | {"welcome"}
# Bodies whose meetings are gatherings of several delegations: "the OPEC ministerial meeting", "a meeting of the
# Group of Three", "Andean trade ministers".
MULTILATERAL_BODIES = frozenset(
    """
    opec ec eu g7 g-7 g8 g-8 g20 g-20 g5 g-5 g24 nato asean apec sco brics au oas gcc imf oic cis mercosur
    ecowas sadc igad saarc bimstec quad commonwealth group un u.n. osce opec+
    """.split()
)
# Verbs that hold a meeting named as their object: "leaders are holding talks in Brussels".
HOLD_VERBS = frozenset("hold holds held holding".split())
# Office holders who, meeting as a plural subject, make a gathering: "Andean trade ministers meeting in Quito".
GATHERED_OFFICES = frozenset("ministers leaders governors premiers presidents chancellors heads".split())
# Verbs that put someone at a gathering: "attended the summit", "chaired the conference", "told the assembly".
ATTENDANCE_VERBS = frozenset(
    """
    attend attends attended attending join joins joined joining chair chairs chaired chairing co-chaired host
    hosts hosted hosting address addresses addressed addressing participate participates participated
    participating told tell tells
    """.split()
)
MULTI_MODIFIERS = frozenset(
    """
    multilateral trilateral quadrilateral regional four-nation three-nation five-nation six-nation
    """.split()
)

# --- how an event is told: speech, negation, plans, groups, time --------------------------------

SPEECH_VERBS = frozenset(
    """
    said say says told tell tells stated added cited quoted announced declared noted warned stressed wrote
    proclaimed remarked asserted highlighted underlined
    """.split()
)
# Who speaks in a quotation: "'I met X,' Y said" is Y's meeting.
FIRST_PERSON = frozenset({"i", "we", "me", "us"})
NEGATION_WORDS = frozenset(
    """
    cancel cancels cancelled canceled cancelling postponed postpone postpones scrapped called-off materialise
    materialize materialised materialized
    """.split()
)
PLAN_VERBS = frozenset(
    """
    plan plans planned planning expect expects expected schedule scheduled due set intend intends intended
    hope hopes hoped invite invited invites agree agreed agrees
    """.split()
)
PLAN_MODIFIERS = frozenset("planned upcoming forthcoming expected scheduled future next".split())
# Words that put an event on a schedule wherever they stand: "the meeting, scheduled for June 2", "the summit is
# expected to ...", "was invited to X for talks", "next week's meeting".
SCHEDULE_WORDS = frozenset("planned scheduled expected due set slated invited".split())
FUTURE_TIME_WORDS = frozenset("next tomorrow coming".split())
# What an event still ahead is prepared by: "in preparation for the visit", "to prepare for the talks", "ahead of
# the summit", "in advance of the visit", "in the run-up to the summit".
PREPARATION_WORDS = frozenset("preparation preparations prepare prepares preparing".split())
PREPARATION_PHRASES = frozenset({("of", "ahead"), ("of", "advance"), ("to", "run-up"), ("to", "lead-up")})
FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo", "would"})
# Speculation, proposals and conditions: "might meet", "is likely to visit", "considered visiting", "will propose
# a summit", "a possible visit", "if the talks go well": not events, and not plans either.
SPECULATIVE_AUX = frozenset({"could", "may", "might"})
SPECULATIVE_WORDS = frozenset(
    """
    likely unlikely possible possibly proposed consider considers considered considering mull mulls mulled
    mulling weigh weighs weighed weighing propose proposes proposing suggest suggests suggested suggesting
    """.split()
)
CONDITION_MARKS = frozenset({"if", "unless"})
# "would be happy to meet", "is ready to visit", "keen to hold talks": a stated willingness, no announced event.
WILLINGNESS_WORDS = frozenset("happy ready willing prepared eager keen glad open".split())
# What 'meet' takes when no one is met: "met a cool reception", "met with criticism", "the targets were met".
MET_NON_PERSONS = frozenset(
    """
    reception response criticism resistance opposition approval disapproval scepticism skepticism hostility
    silence applause derision protest protests anger outrage demand demands target targets goal goals deadline
    criterion criteria condition conditions requirement requirements standard standards expectation
    expectations need needs cost costs obligation obligations challenge challenges fate end success failure
    """.split()
)
# Verbs that say the event someone was asked to join did not happen for them: "declined to attend the summit".
REFUSAL_VERBS = frozenset("decline declines declined declining refuse refuses refused refusing failed fails".split())
GROUP_SUBJECTS = frozenset(
    """
    officials delegation delegations team side leaders leadership commanders officers they we representatives
    """.split()
)
# Who a sentence after a gathering lists as its participants: "The ministers, X of A and Y of B, agreed ...",
# "Officials seen arriving included X", "Also attending were X and Y".
ATTENDEE_NOUNS = GROUP_SUBJECTS | GATHERED_OFFICES | frozenset("participants attendees delegates those".split())
ATTENDING_WORDS = frozenset("attending present arriving participating".split())
# Verbs that, closing a sentence after a gathering, say the people named before them were there: "X and Y attended."
ATTENDED_WORDS = frozenset("attended participated".split())
# Plural nouns that, as "the two ..." or "both ...", name the two people of the event just told.
PAIR_NOUNS = frozenset("leaders presidents ministers premiers chancellors counterparts men women officials".split())
# Verbs that say an event happened, whose clause describes it ("the meeting was held in Doha", "the summit was
# attended by X").
EVENT_PREDICATES = frozenset(
    """
    held hold holds took take takes happened occurred began begins opened opens ended ends concluded concludes
    started starts was were is are attended chaired co-chaired
    """.split()
)
# Date phrases that say how long or since when, not when: "since 2017", "in the past 40 years".
NOT_WHEN = frozenset({"since", "until", "till", "by", "for", "over", "past", "within", "throughout", "last"})
# Verbs of how something or someone came to be: a date in their clause is not an event's ('the group, formed in
# 1983', 'X, who was appointed in May').
ORIGIN_VERBS = frozenset(
    """
    formed founded established created elected appointed named sworn born
    """.split()
)
# How an event is told as context rather than as the news ("once visited", "had met", "his previous visit").
BACKGROUND_ADVERBS = frozenset("once already earlier previously formerly recently before ever twice often".split())
BACKGROUND_MODIFIERS = frozenset("previous earlier past last prior recent".split())
PAST_PERFECT_AUX = frozenset({"had", "'d"})
PRESENT_PERFECT_AUX = frozenset({"has", "have", "'ve"})
# How an event is told as going on at publication ("is meeting", "currently visiting").
ONGOING_ADVERBS = frozenset("currently now presently".split())
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
# "is to visit", "was to meet": a form of "be" before an infinitive puts an event on a schedule.
BE_FORMS = PRESENT_AUX | {"was", "were"}
# Where someone stands in a photo, as captions say it: "X (left) greets Y", "(second from right)".
PHOTO_POSITIONS = frozenset("left right center centre l r c".split())
