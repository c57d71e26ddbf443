"""Geography tables: countries, their demonyms, capitals and major cities, and organisations tied to a country.

Tables only (the brief allows them); lookups are case-sensitive on the surface forms news text uses.
"""

from datetime import date
from functools import cache

# Country | demonyms | capital and major cities (the capital first).
_TABLE = """
Afghanistan|Afghan|Kabul,Kandahar,Herat,Jalalabad
Albania|Albanian|Tirana
Algeria|Algerian|Algiers
Angola|Angolan|Luanda
Argentina|Argentine,Argentinian|Buenos Aires
Armenia|Armenian|Yerevan
Australia|Australian|Canberra,Sydney,Melbourne
Austria|Austrian|Vienna
Azerbaijan|Azerbaijani,Azeri|Baku
Bahrain|Bahraini|Manama
Bangladesh|Bangladeshi|Dhaka
Belarus|Belarusian|Minsk
Belgium|Belgian|Brussels
Bolivia|Bolivian|La Paz,Sucre
Bosnia and Herzegovina|Bosnian|Sarajevo
Brazil|Brazilian|Brasilia,Brasília,Rio de Janeiro,Sao Paulo,São Paulo
Bulgaria|Bulgarian|Sofia
Burkina Faso|Burkinabe|Ouagadougou
Cambodia|Cambodian|Phnom Penh
Cameroon|Cameroonian|Yaounde,Yaoundé
Canada|Canadian|Ottawa,Toronto,Montreal
Chad|Chadian|N'Djamena
Chile|Chilean|Santiago
China|Chinese|Beijing,Peking,Shanghai,Canton,Guangzhou
Colombia|Colombian|Bogota,Bogotá
Congo|Congolese|Kinshasa,Brazzaville
Croatia|Croatian|Zagreb
Cuba|Cuban|Havana
Cyprus|Cypriot|Nicosia
Czech Republic|Czech|Prague
Denmark|Danish,Dane|Copenhagen
Egypt|Egyptian|Cairo,Sharm el-Sheikh,Alexandria
Eritrea|Eritrean|Asmara
Estonia|Estonian|Tallinn
Ethiopia|Ethiopian|Addis Ababa
Finland|Finnish,Finn|Helsinki
France|French|Paris
Georgia|Georgian|Tbilisi
Germany|German|Berlin,Bonn,Munich,Frankfurt
Ghana|Ghanaian|Accra
Greece|Greek|Athens
Hong Kong||Hong Kong
Hungary|Hungarian|Budapest
India|Indian|New Delhi,Delhi,Mumbai,Bombay,Calcutta,Kolkata,Madras,Chennai
Indonesia|Indonesian|Jakarta
Iran|Iranian,Persian|Tehran,Teheran,Mashhad,Isfahan
Iraq|Iraqi|Baghdad,Erbil,Basra
Ireland|Irish|Dublin
Israel|Israeli|Jerusalem,Tel Aviv
Italy|Italian|Rome,Milan
Ivory Coast|Ivorian|Abidjan,Yamoussoukro
Japan|Japanese|Tokyo,Osaka
Jordan|Jordanian|Amman
Kazakhstan|Kazakh|Astana,Nur-Sultan,Almaty
Kenya|Kenyan|Nairobi
Kuwait|Kuwaiti|Kuwait City
Kyrgyzstan|Kyrgyz|Bishkek
Latvia|Latvian|Riga
Lebanon|Lebanese|Beirut
Libya|Libyan|Tripoli,Benghazi
Lithuania|Lithuanian|Vilnius
Malaysia|Malaysian|Kuala Lumpur
Mali|Malian|Bamako
Mexico|Mexican|Mexico City
Moldova|Moldovan|Chisinau
Mongolia|Mongolian|Ulaanbaatar
Morocco|Moroccan|Rabat
Mozambique|Mozambican|Maputo
Myanmar|Burmese|Naypyidaw,Yangon,Rangoon
Nepal|Nepali,Nepalese|Kathmandu
Netherlands|Dutch|Amsterdam,The Hague
New Zealand|New Zealander|Wellington
Niger|Nigerien|Niamey
Nigeria|Nigerian|Abuja,Lagos
North Korea|North Korean|Pyongyang
Norway|Norwegian|Oslo
Oman|Omani|Muscat
Pakistan|Pakistani,Pak|Islamabad,Rawalpindi,Karachi,Lahore,Peshawar,Quetta
Palestine|Palestinian|Ramallah,Gaza
Peru|Peruvian|Lima
Philippines|Filipino,Philippine|Manila
Poland|Polish|Warsaw
Portugal|Portuguese|Lisbon
Qatar|Qatari|Doha
Romania|Romanian|Bucharest
Russia|Russian|Moscow,St Petersburg,Saint Petersburg,Leningrad,Sochi
Rwanda|Rwandan|Kigali
Saudi Arabia|Saudi|Riyadh,Jeddah,Mecca
Senegal|Senegalese|Dakar
Serbia|Serbian|Belgrade
Singapore|Singaporean|Singapore
Slovakia|Slovak|Bratislava
Slovenia|Slovenian|Ljubljana
Somalia|Somali|Mogadishu
South Africa|South African|Pretoria,Johannesburg,Cape Town
South Korea|South Korean,Korean|Seoul
South Sudan|South Sudanese|Juba
Spain|Spanish|Madrid,Barcelona
Sri Lanka|Sri Lankan|Colombo
Sudan|Sudanese|Khartoum
Sweden|Swedish,Swede|Stockholm
Switzerland|Swiss|Bern,Berne,Geneva,Zurich,Davos,Lausanne
Syria|Syrian|Damascus,Aleppo
Taiwan|Taiwanese|Taipei
Tajikistan|Tajik|Dushanbe
Tanzania|Tanzanian|Dodoma,Dar es Salaam
Thailand|Thai|Bangkok
Tunisia|Tunisian|Tunis
Turkey|Turkish|Ankara,Istanbul
Turkmenistan|Turkmen|Ashgabat
Uganda|Ugandan|Kampala
Ukraine|Ukrainian|Kyiv,Kiev
United Arab Emirates|Emirati|Abu Dhabi,Dubai
United Kingdom|British|London
United States|American|Washington
Uzbekistan|Uzbek|Tashkent,Samarkand
Venezuela|Venezuelan|Caracas
Vietnam|Vietnamese|Hanoi,Ho Chi Minh City,Saigon
Yemen|Yemeni|Sanaa,Aden
Zambia|Zambian|Lusaka
Zimbabwe|Zimbabwean|Harare
Soviet Union|Soviet|
West Germany|West German|
East Germany|East German|East Berlin
Yugoslavia|Yugoslav|
Czechoslovakia|Czechoslovak|
"""

# States of their time: until the day each ended, the later state's cities and people lay in it, and text of
# that time names it ("Moscow" in 1987 is in the Soviet Union, "Bonn" in West Germany).
FORMER_STATES = {
    "Soviet Union": (date(1991, 12, 26), "Russia Ukraine Belarus Kazakhstan Uzbekistan Georgia Armenia Azerbaijan "
                     "Lithuania Latvia Estonia Moldova Kyrgyzstan Tajikistan Turkmenistan"),
    "West Germany": (date(1990, 10, 3), "Germany"),
    "Yugoslavia": (date(1992, 4, 27), "Serbia Croatia Slovenia Montenegro"),
    "Czechoslovakia": (date(1993, 1, 1), "Czech Republic Slovakia"),
}  # fmt: skip
_FORMER_OF = {
    later.replace("_", " "): (former, until)
    for former, (until, laters) in FORMER_STATES.items()
    for later in laters.replace("Czech Republic", "Czech_Republic").split()
}

# Other ways news text names a country.
_COUNTRY_ALIASES = {
    "US": "United States",
    "U.S.": "United States",
    "USA": "United States",
    "U.S.A.": "United States",
    "America": "United States",
    "United States of America": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Britain": "United Kingdom",
    "Great Britain": "United Kingdom",
    "England": "United Kingdom",
    "UAE": "United Arab Emirates",
    "Russian Federation": "Russia",
    "Islamic Republic of Iran": "Iran",
    "Islamic Republic of Pakistan": "Pakistan",
    "Persia": "Iran",
    "People's Republic of China": "China",
    "PRC": "China",
    "Burma": "Myanmar",
    "DRC": "Congo",
    "Republic of Korea": "South Korea",
    "DPRK": "North Korea",
    "Holland": "Netherlands",
    "Czechia": "Czech Republic",
    "USSR": "Soviet Union",
    "U.S.S.R.": "Soviet Union",
    "Federal Republic of Germany": "West Germany",
    "German Democratic Republic": "East Germany",
    "GDR": "East Germany",
    "Türkiye": "Turkey",
    "Turkiye": "Turkey",
    "Côte d'Ivoire": "Ivory Coast",
    "Ivory coast": "Ivory Coast",
    "Vatican": "Vatican City",
    "KSA": "Saudi Arabia",
}

# Organisations, forces and offices whose name alone places a person in a country.
ORGANIZATION_COUNTRY = {
    "IRGC": "Iran",
    "Revolutionary Guards": "Iran",
    "Revolutionary Guard": "Iran",
    "Quds Force": "Iran",
    "Basij": "Iran",
    "IRNA": "Iran",
    "Majlis": "Iran",
    "ISI": "Pakistan",
    "PML-N": "Pakistan",
    "PTI": "Pakistan",
    "PPP": "Pakistan",
    "Pentagon": "United States",
    "White House": "United States",
    "State Department": "United States",
    "CIA": "United States",
    "FBI": "United States",
    "Congress": "United States",
    "Kremlin": "Russia",
    "FSB": "Russia",
    "SVR": "Russia",
    "TASS": "Russia",
    "Duma": "Russia",
    "Bundestag": "Germany",
    "Bundeswehr": "Germany",
    "Elysee": "France",
    "Élysée": "France",
    "Downing Street": "United Kingdom",
    "Whitehall": "United Kingdom",
    "MI6": "United Kingdom",
    "Knesset": "Israel",
    "Mossad": "Israel",
    "IDF": "Israel",
}


@cache
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    cities: dict[str, str] = {}
    for line in _TABLE.strip().splitlines():
        country, dems, places = line.split("|")
        countries[country] = country
        for d in filter(None, dems.split(",")):
            demonyms[d] = country
            demonyms[d + "s"] = country  # "Pakistanis", "Iranians"
        for p in filter(None, places.split(",")):
            cities[p] = country
    countries.update(_COUNTRY_ALIASES)
    for name in _all_country_names():
        countries.setdefault(name, name)
    return countries, demonyms, cities


def _all_country_names() -> list[str]:
    """Every country's English name from the CLDR data Babel ships, for countries the table above leaves out."""
    from babel import Locale

    territories = Locale("en").territories
    return [name.replace(" & ", " and ") for code, name in territories.items() if len(code) == 2 and code.isalpha()]


def country_of(name: str) -> str:
    """The country a country name, demonym, city or known organisation points to, or ''."""
    name = name.strip().strip("\"'\u2019\u201c\u201d")
    if name.lower().startswith("the "):
        name = name[4:]
    countries, demonyms, cities = _tables()
    for table in (countries, demonyms, cities, ORGANIZATION_COUNTRY):
        if name in table:
            return table[name]
    if name.endswith("'s") or name.endswith("\u2019s"):
        return country_of(name[:-2])
    return ""


def country_name(name: str) -> str:
    """The country a country name (not a demonym or city) refers to, or ''."""
    countries, _, _ = _tables()
    return countries.get(name.strip(), "")


@cache
def capital_of(country: str) -> str:
    """The capital the table lists first for a country, or ''."""
    for line in _TABLE.strip().splitlines():
        name, _, places = line.split("|")
        if name == country:
            return places.split(",")[0]
    return ""


def city_country(name: str) -> str:
    _, _, cities = _tables()
    return cities.get(name.strip(), "")


def is_country_word(word: str) -> bool:
    """True for a country name, a demonym or a capital: words that are never part of a person's name."""
    countries, demonyms, cities = _tables()
    return word in countries or word in demonyms or word in cities


def country_at(words: list[str], i: int) -> tuple[str, int]:
    """The country that the words starting at i name ('Sri Lankan', 'South Africa', 'Quds Force'), and how many
    words that takes; ('', 0) when none does. Longest match first."""
    if i >= len(words) or not words[i][:1].isupper():
        return "", 0  # country names, demonyms and organisations are capitalised; "the" starts none of them
    for length in (3, 2, 1):
        if i + length > len(words):
            continue
        country = country_of(" ".join(words[i : i + length]))
        if country:
            return country, length
    return "", 0


def country_then(country: str, when: date | None) -> str:
    """The country as it was named on a day: Russia before 1992 is the Soviet Union, Germany before
    October 1990 West Germany. A country the text names itself ('the Soviet Union') is left as it is."""
    former = _FORMER_OF.get(country)
    if former is None or when is None or when >= former[1]:
        return country
    return former[0]
