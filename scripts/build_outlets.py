"""Build dyadwatch's news-outlet dictionary.

Writes ``src/dyadwatch/dictionaries/data/dyadwatch.outlets.v2.jsonl``: a table from a
registrable web domain (``nytimes.com``, ``bbc.co.uk``; no ``www.``, no scheme, no path) to
the name the outlet uses for itself ("The New York Times", "BBC") and the ISO 3166-1
alpha-3 code of its home country ("INT" for international and multinational bodies).
dyadwatch takes the outlet name from this table when an article's text does not name its
publisher.

The table is hand-written from public facts: general knowledge of the outlets' own names and
web addresses. It is not scraped or derived from any dataset. Names are spelled as the outlet
writes them, with "The" only when it is part of the brand. Where one registrable domain hosts
several titles (``indiatimes.com``, ``yomiuri.co.jp``), the entry names the main news title
found there and a subdomain entry names another (``economictimes.indiatimes.com``). Home
country is where the outlet is based; for outlets in exile, or foreign-funded broadcasters,
the choice is noted next to the entry.

Version 2 is version 1 (``OUTLETS_V1`` below, as released) with the corrections and about
2,700 additions of ``scripts/outlets_v2_additions.py``: think tanks, institutes and policy
journals worldwide, national and regional outlets outside the US and the UK, and sites whose
domain differs from their brand.

Standard library only. Run from the repository root::

    python scripts/build_outlets.py [OUTPUT_PATH]

A changed table is a new version (``...v3.jsonl``), never an in-place edit of a released
file. The file format is documented in ``docs/dictionaries.md``.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from outlets_v2_additions import ADDITIONS, CORRECTIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAME = "dyadwatch.outlets.v2"
DEFAULT_OUT = ROOT / "src" / "dyadwatch" / "dictionaries" / "data" / f"{NAME}.jsonl"

DESCRIPTION = (
    "News outlets, wire agencies and analysis publishers by registrable web domain: the "
    "name each outlet uses for itself and its home country (ISO 3166-1 alpha-3, INT for "
    "international bodies). Used for an article's outlet when its text does not name one. "
    "v2 = dyadwatch.outlets.v1 with corrections (think tanks by their full name, domains that "
    "host several titles) + think tanks, institutes, policy journals, international bodies and "
    "government press sites worldwide, national and regional outlets outside the US and the UK, "
    "and sites whose domain differs from their brand."
)
SOURCES = (
    "hand-written in scripts/build_outlets.py and scripts/outlets_v2_additions.py from general "
    "knowledge of the outlets' own names and web addresses"
)

# (domain, name, country): the v1 table as released in dyadwatch.outlets.v1
OUTLETS_V1: list[tuple[str, str, str]] = [
    # ---------------------------------------------------------------- wire agencies
    ("reuters.com", "Reuters", "GBR"),
    ("apnews.com", "The Associated Press", "USA"),
    ("ap.org", "The Associated Press", "USA"),
    ("afp.com", "AFP", "FRA"),
    ("bloomberg.com", "Bloomberg", "USA"),
    ("upi.com", "UPI", "USA"),
    ("xinhuanet.com", "Xinhua", "CHN"),
    ("news.cn", "Xinhua", "CHN"),
    ("tass.com", "TASS", "RUS"),
    ("tass.ru", "TASS", "RUS"),
    ("ria.ru", "RIA Novosti", "RUS"),
    ("interfax.ru", "Interfax", "RUS"),
    ("interfax.com", "Interfax", "RUS"),
    ("sputniknews.com", "Sputnik", "RUS"),
    ("sputnikglobe.com", "Sputnik", "RUS"),
    ("kyodonews.net", "Kyodo News", "JPN"),
    ("jiji.com", "Jiji Press", "JPN"),
    ("yna.co.kr", "Yonhap News Agency", "KOR"),
    ("aninews.in", "ANI", "IND"),
    ("ptinews.com", "Press Trust of India", "IND"),
    ("ianslive.in", "IANS", "IND"),
    ("aa.com.tr", "Anadolu Agency", "TUR"),
    ("ansa.it", "ANSA", "ITA"),
    ("agi.it", "AGI", "ITA"),
    ("agenzianova.com", "Agenzia Nova", "ITA"),
    ("efe.com", "EFE", "ESP"),
    ("europapress.es", "Europa Press", "ESP"),
    ("lusa.pt", "Lusa", "PRT"),
    ("dpa.com", "dpa", "DEU"),
    ("dpa-international.com", "dpa", "DEU"),
    ("pa.media", "PA Media", "GBR"),
    ("anp.nl", "ANP", "NLD"),
    ("apa.at", "APA", "AUT"),
    ("keystone-sda.ch", "Keystone-SDA", "CHE"),
    ("pap.pl", "PAP", "POL"),
    ("ctk.cz", "ČTK", "CZE"),
    ("mti.hu", "MTI", "HUN"),
    ("agerpres.ro", "AGERPRES", "ROU"),
    ("bta.bg", "BTA", "BGR"),
    ("hina.hr", "HINA", "HRV"),
    ("tanjug.rs", "Tanjug", "SRB"),
    ("mia.mk", "MIA", "MKD"),
    ("belta.by", "BelTA", "BLR"),
    ("ukrinform.net", "Ukrinform", "UKR"),
    ("ukrinform.ua", "Ukrinform", "UKR"),
    ("unian.info", "UNIAN", "UKR"),
    ("unian.ua", "UNIAN", "UKR"),
    ("unian.net", "UNIAN", "UKR"),
    ("interfax.com.ua", "Interfax-Ukraine", "UKR"),
    ("bernama.com", "Bernama", "MYS"),
    ("antaranews.com", "ANTARA News", "IDN"),
    ("pna.gov.ph", "Philippine News Agency", "PHL"),
    ("vietnamplus.vn", "VietnamPlus", "VNM"),
    ("cna.com.tw", "Central News Agency", "TWN"),
    ("focustaiwan.tw", "Focus Taiwan", "TWN"),
    ("chinanews.com.cn", "China News Service", "CHN"),
    ("chinanews.com", "China News Service", "CHN"),
    ("ecns.cn", "ECNS", "CHN"),
    ("kcna.kp", "KCNA", "PRK"),
    ("montsame.mn", "MONTSAME", "MNG"),
    ("bssnews.net", "BSS", "BGD"),
    ("app.com.pk", "Associated Press of Pakistan", "PAK"),
    ("wafa.ps", "WAFA", "PSE"),
    ("irna.ir", "IRNA", "IRN"),
    ("spa.gov.sa", "Saudi Press Agency", "SAU"),
    ("wam.ae", "WAM", "ARE"),
    ("mena.org.eg", "Middle East News Agency", "EGY"),
    ("kuna.net.kw", "KUNA", "KWT"),
    ("qna.org.qa", "Qatar News Agency", "QAT"),
    ("bna.bh", "Bahrain News Agency", "BHR"),
    ("omannews.gov.om", "Oman News Agency", "OMN"),
    ("petra.gov.jo", "Petra", "JOR"),
    ("sana.sy", "SANA", "SYR"),
    ("ina.iq", "Iraqi News Agency", "IRQ"),
    ("nna-leb.gov.lb", "National News Agency", "LBN"),
    ("aps.dz", "Algérie Presse Service", "DZA"),
    ("mapexpress.ma", "MAP", "MAR"),
    ("tap.info.tn", "TAP", "TUN"),
    ("ena.et", "Ethiopian News Agency", "ETH"),
    ("nan.ng", "News Agency of Nigeria", "NGA"),
    ("ghananewsagency.org", "Ghana News Agency", "GHA"),
    ("armenpress.am", "Armenpress", "ARM"),
    ("azertag.az", "AZERTAC", "AZE"),
    ("apa.az", "APA", "AZE"),
    ("trend.az", "Trend", "AZE"),
    ("report.az", "Report", "AZE"),
    ("inform.kz", "Kazinform", "KAZ"),
    ("akipress.com", "AKIpress", "KGZ"),
    ("kabar.kg", "Kabar", "KGZ"),
    ("aap.com.au", "AAP", "AUS"),
    ("thecanadianpress.com", "The Canadian Press", "CAN"),
    ("prensa-latina.cu", "Prensa Latina", "CUB"),
    ("plenglish.com", "Prensa Latina", "CUB"),
    ("andina.pe", "Andina", "PER"),
    ("telam.com.ar", "Télam", "ARG"),
    # ---------------------------------------------------------------- international broadcasters
    ("bbc.co.uk", "BBC", "GBR"),
    ("bbc.com", "BBC", "GBR"),
    ("dw.com", "DW", "DEU"),
    ("france24.com", "France 24", "FRA"),
    ("rfi.fr", "RFI", "FRA"),
    ("euronews.com", "Euronews", "FRA"),
    ("aljazeera.com", "Al Jazeera", "QAT"),
    ("aljazeera.net", "Al Jazeera", "QAT"),
    ("cgtn.com", "CGTN", "CHN"),
    ("rt.com", "RT", "RUS"),
    ("voanews.com", "Voice of America", "USA"),
    # RFE/RL is a US-funded corporation headquartered in Prague; home country given as USA.
    ("rferl.org", "Radio Free Europe/Radio Liberty", "USA"),
    ("svoboda.org", "Radio Svoboda", "USA"),
    ("radiofarda.com", "Radio Farda", "USA"),
    ("rfa.org", "Radio Free Asia", "USA"),
    ("nhk.or.jp", "NHK", "JPN"),
    ("trtworld.com", "TRT World", "TUR"),
    ("presstv.ir", "Press TV", "IRN"),
    ("presstv.com", "Press TV", "IRN"),
    ("telesurtv.net", "teleSUR", "VEN"),
    ("telesurenglish.net", "teleSUR", "VEN"),
    ("africanews.com", "Africanews", "COG"),
    # ---------------------------------------------------------------- United States: national
    ("nytimes.com", "The New York Times", "USA"),
    ("washingtonpost.com", "The Washington Post", "USA"),
    ("wsj.com", "The Wall Street Journal", "USA"),
    ("usatoday.com", "USA Today", "USA"),
    ("latimes.com", "Los Angeles Times", "USA"),
    ("cnn.com", "CNN", "USA"),
    ("foxnews.com", "Fox News", "USA"),
    ("foxbusiness.com", "Fox Business", "USA"),
    ("nbcnews.com", "NBC News", "USA"),
    ("abcnews.com", "ABC News", "USA"),
    ("go.com", "ABC News", "USA"),  # abcnews.go.com
    ("cbsnews.com", "CBS News", "USA"),
    ("npr.org", "NPR", "USA"),
    ("pbs.org", "PBS", "USA"),
    ("cnbc.com", "CNBC", "USA"),
    ("msnbc.com", "MSNBC", "USA"),
    ("politico.com", "Politico", "USA"),
    ("axios.com", "Axios", "USA"),
    ("thehill.com", "The Hill", "USA"),
    ("semafor.com", "Semafor", "USA"),
    ("newsweek.com", "Newsweek", "USA"),
    ("time.com", "Time", "USA"),
    ("theatlantic.com", "The Atlantic", "USA"),
    ("newyorker.com", "The New Yorker", "USA"),
    ("vox.com", "Vox", "USA"),
    ("huffpost.com", "HuffPost", "USA"),
    ("businessinsider.com", "Business Insider", "USA"),
    ("forbes.com", "Forbes", "USA"),
    ("fortune.com", "Fortune", "USA"),
    ("marketwatch.com", "MarketWatch", "USA"),
    ("barrons.com", "Barron's", "USA"),
    ("vice.com", "Vice", "USA"),
    ("thedailybeast.com", "The Daily Beast", "USA"),
    ("slate.com", "Slate", "USA"),
    ("salon.com", "Salon", "USA"),
    ("motherjones.com", "Mother Jones", "USA"),
    ("thenation.com", "The Nation", "USA"),
    ("nationalreview.com", "National Review", "USA"),
    ("washingtonexaminer.com", "Washington Examiner", "USA"),
    ("washingtontimes.com", "The Washington Times", "USA"),
    ("nypost.com", "New York Post", "USA"),
    ("nydailynews.com", "New York Daily News", "USA"),
    ("breitbart.com", "Breitbart News", "USA"),
    ("dailywire.com", "The Daily Wire", "USA"),
    ("theintercept.com", "The Intercept", "USA"),
    ("propublica.org", "ProPublica", "USA"),
    ("csmonitor.com", "The Christian Science Monitor", "USA"),
    ("wired.com", "Wired", "USA"),
    ("theverge.com", "The Verge", "USA"),
    ("arstechnica.com", "Ars Technica", "USA"),
    ("univision.com", "Univision", "USA"),
    ("telemundo.com", "Telemundo", "USA"),
    ("stripes.com", "Stars and Stripes", "USA"),
    ("defensenews.com", "Defense News", "USA"),
    ("defenseone.com", "Defense One", "USA"),
    ("breakingdefense.com", "Breaking Defense", "USA"),
    ("militarytimes.com", "Military Times", "USA"),
    ("twz.com", "The War Zone", "USA"),
    ("aviationweek.com", "Aviation Week", "USA"),
    ("spacenews.com", "SpaceNews", "USA"),
    # ---------------------------------------------------------------- United States: regional dailies
    ("chicagotribune.com", "Chicago Tribune", "USA"),
    ("bostonglobe.com", "The Boston Globe", "USA"),
    ("sfchronicle.com", "San Francisco Chronicle", "USA"),
    ("seattletimes.com", "The Seattle Times", "USA"),
    ("miamiherald.com", "Miami Herald", "USA"),
    ("dallasnews.com", "The Dallas Morning News", "USA"),
    ("houstonchronicle.com", "Houston Chronicle", "USA"),
    ("expressnews.com", "San Antonio Express-News", "USA"),
    ("statesman.com", "Austin American-Statesman", "USA"),
    ("star-telegram.com", "Fort Worth Star-Telegram", "USA"),
    ("texastribune.org", "The Texas Tribune", "USA"),
    ("denverpost.com", "The Denver Post", "USA"),
    ("ajc.com", "The Atlanta Journal-Constitution", "USA"),
    ("inquirer.com", "The Philadelphia Inquirer", "USA"),
    ("post-gazette.com", "Pittsburgh Post-Gazette", "USA"),
    ("tampabay.com", "Tampa Bay Times", "USA"),
    ("orlandosentinel.com", "Orlando Sentinel", "USA"),
    ("sun-sentinel.com", "South Florida Sun Sentinel", "USA"),
    ("sandiegouniontribune.com", "The San Diego Union-Tribune", "USA"),
    ("mercurynews.com", "The Mercury News", "USA"),
    ("ocregister.com", "Orange County Register", "USA"),
    ("sacbee.com", "The Sacramento Bee", "USA"),
    ("oregonlive.com", "The Oregonian", "USA"),
    ("baltimoresun.com", "The Baltimore Sun", "USA"),
    ("startribune.com", "Star Tribune", "USA"),
    ("kansascity.com", "The Kansas City Star", "USA"),
    ("stltoday.com", "St. Louis Post-Dispatch", "USA"),
    ("jsonline.com", "Milwaukee Journal Sentinel", "USA"),
    ("freep.com", "Detroit Free Press", "USA"),
    ("detroitnews.com", "The Detroit News", "USA"),
    ("azcentral.com", "The Arizona Republic", "USA"),
    ("reviewjournal.com", "Las Vegas Review-Journal", "USA"),
    ("sltrib.com", "The Salt Lake Tribune", "USA"),
    ("deseret.com", "Deseret News", "USA"),
    ("staradvertiser.com", "Honolulu Star-Advertiser", "USA"),
    ("adn.com", "Anchorage Daily News", "USA"),
    ("charlotteobserver.com", "The Charlotte Observer", "USA"),
    ("newsobserver.com", "The News & Observer", "USA"),
    ("tennessean.com", "The Tennessean", "USA"),
    ("courier-journal.com", "Courier Journal", "USA"),
    ("indystar.com", "IndyStar", "USA"),
    ("dispatch.com", "The Columbus Dispatch", "USA"),
    ("cincinnati.com", "The Cincinnati Enquirer", "USA"),
    ("buffalonews.com", "The Buffalo News", "USA"),
    ("newsday.com", "Newsday", "USA"),
    ("richmond.com", "Richmond Times-Dispatch", "USA"),
    ("omaha.com", "Omaha World-Herald", "USA"),
    # ---------------------------------------------------------------- analysis, magazines, think tanks
    ("economist.com", "The Economist", "GBR"),
    ("ft.com", "Financial Times", "GBR"),
    ("foreignpolicy.com", "Foreign Policy", "USA"),
    ("foreignaffairs.com", "Foreign Affairs", "USA"),
    ("thediplomat.com", "The Diplomat", "USA"),
    ("warontherocks.com", "War on the Rocks", "USA"),
    ("lawfaremedia.org", "Lawfare", "USA"),
    ("lawfareblog.com", "Lawfare", "USA"),
    ("justsecurity.org", "Just Security", "USA"),
    ("nationalinterest.org", "The National Interest", "USA"),
    ("responsiblestatecraft.org", "Responsible Statecraft", "USA"),
    ("theamericanconservative.com", "The American Conservative", "USA"),
    ("al-monitor.com", "Al-Monitor", "USA"),
    ("eurasianet.org", "Eurasianet", "USA"),
    ("eurasiareview.com", "Eurasia Review", "USA"),
    ("38north.org", "38 North", "USA"),
    ("stratfor.com", "Stratfor", "USA"),
    ("americasquarterly.org", "Americas Quarterly", "USA"),
    ("project-syndicate.org", "Project Syndicate", "CZE"),
    ("asiatimes.com", "Asia Times", "HKG"),
    ("nikkei.com", "Nikkei Asia", "JPN"),  # asia.nikkei.com; nikkei.com itself is the Japanese Nikkei
    ("theconversation.com", "The Conversation", "AUS"),  # founded in Melbourne; several national editions
    ("eastasiaforum.org", "East Asia Forum", "AUS"),
    ("lowyinstitute.org", "Lowy Institute", "AUS"),  # publishes The Interpreter
    ("aspi.org.au", "Australian Strategic Policy Institute", "AUS"),
    ("aspistrategist.org.au", "The Strategist", "AUS"),
    ("carnegieendowment.org", "Carnegie Endowment for International Peace", "USA"),
    ("brookings.edu", "Brookings", "USA"),
    ("csis.org", "Center for Strategic and International Studies", "USA"),
    ("cfr.org", "Council on Foreign Relations", "USA"),
    ("wilsoncenter.org", "Wilson Center", "USA"),
    ("atlanticcouncil.org", "Atlantic Council", "USA"),
    ("rand.org", "RAND", "USA"),
    ("stimson.org", "Stimson Center", "USA"),
    ("jamestown.org", "The Jamestown Foundation", "USA"),
    ("hudson.org", "Hudson Institute", "USA"),
    ("aei.org", "American Enterprise Institute", "USA"),
    ("heritage.org", "The Heritage Foundation", "USA"),
    ("cato.org", "Cato Institute", "USA"),
    ("hoover.org", "Hoover Institution", "USA"),
    ("belfercenter.org", "Belfer Center", "USA"),
    ("quincyinst.org", "Quincy Institute for Responsible Statecraft", "USA"),
    ("newamerica.org", "New America", "USA"),
    ("cnas.org", "Center for a New American Security", "USA"),
    ("usip.org", "United States Institute of Peace", "USA"),
    ("fpri.org", "Foreign Policy Research Institute", "USA"),
    ("gmfus.org", "German Marshall Fund of the United States", "USA"),
    ("cepa.org", "Center for European Policy Analysis", "USA"),
    ("understandingwar.org", "Institute for the Study of War", "USA"),
    ("criticalthreats.org", "Critical Threats", "USA"),
    ("washingtoninstitute.org", "The Washington Institute for Near East Policy", "USA"),
    ("mei.edu", "Middle East Institute", "USA"),
    ("acleddata.com", "ACLED", "USA"),
    ("hrw.org", "Human Rights Watch", "USA"),
    ("chathamhouse.org", "Chatham House", "GBR"),
    ("iiss.org", "IISS", "GBR"),
    ("rusi.org", "RUSI", "GBR"),
    ("janes.com", "Janes", "GBR"),
    ("ecfr.eu", "European Council on Foreign Relations", "DEU"),  # registered and headquartered in Berlin
    ("crisisgroup.org", "International Crisis Group", "BEL"),
    ("merics.org", "MERICS", "DEU"),
    ("swp-berlin.org", "Stiftung Wissenschaft und Politik", "DEU"),
    ("dgap.org", "DGAP", "DEU"),
    ("ifri.org", "Ifri", "FRA"),
    ("ispionline.it", "ISPI", "ITA"),
    ("realinstitutoelcano.org", "Real Instituto Elcano", "ESP"),
    ("clingendael.org", "Clingendael", "NLD"),
    ("sipri.org", "SIPRI", "SWE"),
    ("pism.pl", "PISM", "POL"),
    ("osw.waw.pl", "OSW Centre for Eastern Studies", "POL"),
    ("valdaiclub.com", "Valdai Discussion Club", "RUS"),
    ("russiancouncil.ru", "Russian International Affairs Council", "RUS"),
    ("orfonline.org", "Observer Research Foundation", "IND"),
    ("idsa.in", "Manohar Parrikar Institute for Defence Studies and Analyses", "IND"),
    ("gatewayhouse.in", "Gateway House", "IND"),
    ("rsis.edu.sg", "RSIS", "SGP"),
    ("iseas.edu.sg", "ISEAS – Yusof Ishak Institute", "SGP"),
    ("fulcrum.sg", "Fulcrum", "SGP"),
    ("issafrica.org", "ISS Africa", "ZAF"),
    ("bellingcat.com", "Bellingcat", "NLD"),
    # ---------------------------------------------------------------- international bodies
    ("un.org", "United Nations", "INT"),
    ("reliefweb.int", "ReliefWeb", "INT"),
    ("nato.int", "NATO", "INT"),
    ("who.int", "World Health Organization", "INT"),
    ("icrc.org", "ICRC", "INT"),
    ("amnesty.org", "Amnesty International", "INT"),
    # ---------------------------------------------------------------- United Kingdom
    ("theguardian.com", "The Guardian", "GBR"),
    ("guardian.co.uk", "The Guardian", "GBR"),
    ("telegraph.co.uk", "The Telegraph", "GBR"),
    ("thetimes.co.uk", "The Times", "GBR"),
    ("thetimes.com", "The Times", "GBR"),
    ("independent.co.uk", "The Independent", "GBR"),
    ("dailymail.co.uk", "Daily Mail", "GBR"),
    ("mirror.co.uk", "Daily Mirror", "GBR"),
    ("thesun.co.uk", "The Sun", "GBR"),
    ("express.co.uk", "Daily Express", "GBR"),
    ("inews.co.uk", "The i Paper", "GBR"),
    ("sky.com", "Sky News", "GBR"),  # news.sky.com
    ("itv.com", "ITV News", "GBR"),  # itv.com/news
    ("channel4.com", "Channel 4 News", "GBR"),
    ("gbnews.com", "GB News", "GBR"),
    ("lbc.co.uk", "LBC", "GBR"),
    ("newstatesman.com", "New Statesman", "GBR"),
    ("spectator.co.uk", "The Spectator", "GBR"),
    ("prospectmagazine.co.uk", "Prospect", "GBR"),
    ("unherd.com", "UnHerd", "GBR"),
    ("opendemocracy.net", "openDemocracy", "GBR"),
    ("morningstaronline.co.uk", "Morning Star", "GBR"),
    ("cityam.com", "City A.M.", "GBR"),
    ("scotsman.com", "The Scotsman", "GBR"),
    ("heraldscotland.com", "The Herald", "GBR"),
    ("walesonline.co.uk", "WalesOnline", "GBR"),
    ("belfasttelegraph.co.uk", "Belfast Telegraph", "GBR"),
    ("irishnews.com", "The Irish News", "GBR"),
    ("manchestereveningnews.co.uk", "Manchester Evening News", "GBR"),
    ("yorkshirepost.co.uk", "The Yorkshire Post", "GBR"),
    ("middleeasteye.net", "Middle East Eye", "GBR"),
    ("newarab.com", "The New Arab", "GBR"),  # London-based, Qatari-owned
    ("alaraby.co.uk", "Al-Araby Al-Jadeed", "GBR"),
    ("alquds.co.uk", "Al-Quds Al-Arabi", "GBR"),
    ("thearabweekly.com", "The Arab Weekly", "GBR"),
    ("iranintl.com", "Iran International", "GBR"),  # London-based Persian-language channel
    # ---------------------------------------------------------------- Ireland
    ("irishtimes.com", "The Irish Times", "IRL"),
    ("independent.ie", "Irish Independent", "IRL"),
    ("rte.ie", "RTÉ", "IRL"),
    ("thejournal.ie", "TheJournal.ie", "IRL"),
    ("irishexaminer.com", "Irish Examiner", "IRL"),
    ("breakingnews.ie", "BreakingNews.ie", "IRL"),
    ("businesspost.ie", "Business Post", "IRL"),
    # ---------------------------------------------------------------- Canada
    ("theglobeandmail.com", "The Globe and Mail", "CAN"),
    ("cbc.ca", "CBC News", "CAN"),
    ("radio-canada.ca", "Radio-Canada", "CAN"),
    ("thestar.com", "Toronto Star", "CAN"),
    ("nationalpost.com", "National Post", "CAN"),
    ("ctvnews.ca", "CTV News", "CAN"),
    ("globalnews.ca", "Global News", "CAN"),
    ("lapresse.ca", "La Presse", "CAN"),
    ("ledevoir.com", "Le Devoir", "CAN"),
    ("journaldemontreal.com", "Le Journal de Montréal", "CAN"),
    ("montrealgazette.com", "Montreal Gazette", "CAN"),
    ("ottawacitizen.com", "Ottawa Citizen", "CAN"),
    ("vancouversun.com", "Vancouver Sun", "CAN"),
    ("calgaryherald.com", "Calgary Herald", "CAN"),
    ("torontosun.com", "Toronto Sun", "CAN"),
    ("winnipegfreepress.com", "Winnipeg Free Press", "CAN"),
    ("macleans.ca", "Maclean's", "CAN"),
    ("hilltimes.com", "The Hill Times", "CAN"),
    # ---------------------------------------------------------------- Australia, New Zealand, Pacific
    ("abc.net.au", "ABC News", "AUS"),
    ("smh.com.au", "The Sydney Morning Herald", "AUS"),
    ("theage.com.au", "The Age", "AUS"),
    ("theaustralian.com.au", "The Australian", "AUS"),
    ("afr.com", "The Australian Financial Review", "AUS"),
    ("news.com.au", "news.com.au", "AUS"),
    ("sbs.com.au", "SBS News", "AUS"),
    ("9news.com.au", "9News", "AUS"),
    ("7news.com.au", "7NEWS", "AUS"),
    ("skynews.com.au", "Sky News Australia", "AUS"),
    ("dailytelegraph.com.au", "The Daily Telegraph", "AUS"),
    ("heraldsun.com.au", "Herald Sun", "AUS"),
    ("couriermail.com.au", "The Courier-Mail", "AUS"),
    ("thewest.com.au", "The West Australian", "AUS"),
    ("canberratimes.com.au", "The Canberra Times", "AUS"),
    ("brisbanetimes.com.au", "Brisbane Times", "AUS"),
    ("crikey.com.au", "Crikey", "AUS"),
    ("thesaturdaypaper.com.au", "The Saturday Paper", "AUS"),
    ("nzherald.co.nz", "The New Zealand Herald", "NZL"),
    ("stuff.co.nz", "Stuff", "NZL"),
    ("rnz.co.nz", "RNZ", "NZL"),
    ("1news.co.nz", "1News", "NZL"),
    ("newsroom.co.nz", "Newsroom", "NZL"),
    ("thespinoff.co.nz", "The Spinoff", "NZL"),
    ("odt.co.nz", "Otago Daily Times", "NZL"),
    ("fbcnews.com.fj", "FBC News", "FJI"),
    ("postcourier.com.pg", "Post-Courier", "PNG"),
    ("thenational.com.pg", "The National", "PNG"),
    # ---------------------------------------------------------------- France, Belgium, Switzerland
    ("lemonde.fr", "Le Monde", "FRA"),
    ("lefigaro.fr", "Le Figaro", "FRA"),
    ("liberation.fr", "Libération", "FRA"),
    ("lesechos.fr", "Les Echos", "FRA"),
    ("leparisien.fr", "Le Parisien", "FRA"),
    ("francetvinfo.fr", "franceinfo", "FRA"),
    ("la-croix.com", "La Croix", "FRA"),
    ("lexpress.fr", "L'Express", "FRA"),
    ("lepoint.fr", "Le Point", "FRA"),
    ("nouvelobs.com", "Le Nouvel Obs", "FRA"),
    ("mediapart.fr", "Mediapart", "FRA"),
    ("20minutes.fr", "20 Minutes", "FRA"),
    ("bfmtv.com", "BFMTV", "FRA"),
    ("ouest-france.fr", "Ouest-France", "FRA"),
    ("lopinion.fr", "L'Opinion", "FRA"),
    ("monde-diplomatique.fr", "Le Monde diplomatique", "FRA"),
    ("mondediplo.com", "Le Monde diplomatique", "FRA"),
    ("jeuneafrique.com", "Jeune Afrique", "FRA"),
    ("theafricareport.com", "The Africa Report", "FRA"),
    ("politico.eu", "Politico Europe", "BEL"),
    ("euobserver.com", "EUobserver", "BEL"),
    ("euractiv.com", "Euractiv", "BEL"),
    ("brusselstimes.com", "The Brussels Times", "BEL"),
    ("lesoir.be", "Le Soir", "BEL"),
    ("standaard.be", "De Standaard", "BEL"),
    ("demorgen.be", "De Morgen", "BEL"),
    ("vrt.be", "VRT NWS", "BEL"),
    ("rtbf.be", "RTBF", "BEL"),
    ("nzz.ch", "Neue Zürcher Zeitung", "CHE"),
    ("tagesanzeiger.ch", "Tages-Anzeiger", "CHE"),
    ("letemps.ch", "Le Temps", "CHE"),
    ("srf.ch", "SRF", "CHE"),
    ("swissinfo.ch", "Swissinfo", "CHE"),
    # ---------------------------------------------------------------- Germany, Austria
    ("spiegel.de", "Der Spiegel", "DEU"),
    ("faz.net", "Frankfurter Allgemeine Zeitung", "DEU"),
    ("sueddeutsche.de", "Süddeutsche Zeitung", "DEU"),
    ("zeit.de", "Die Zeit", "DEU"),
    ("welt.de", "Die Welt", "DEU"),
    ("bild.de", "Bild", "DEU"),
    ("handelsblatt.com", "Handelsblatt", "DEU"),
    ("tagesschau.de", "tagesschau", "DEU"),
    ("zdf.de", "ZDF", "DEU"),
    ("tagesspiegel.de", "Der Tagesspiegel", "DEU"),
    ("taz.de", "taz", "DEU"),
    ("n-tv.de", "n-tv", "DEU"),
    ("stern.de", "Stern", "DEU"),
    ("focus.de", "Focus", "DEU"),
    ("fr.de", "Frankfurter Rundschau", "DEU"),
    ("t-online.de", "t-online", "DEU"),
    ("derstandard.at", "Der Standard", "AUT"),
    ("diepresse.com", "Die Presse", "AUT"),
    ("orf.at", "ORF", "AUT"),
    ("krone.at", "Kronen Zeitung", "AUT"),
    # ---------------------------------------------------------------- Italy, Spain, Portugal
    ("corriere.it", "Corriere della Sera", "ITA"),
    ("repubblica.it", "la Repubblica", "ITA"),
    ("lastampa.it", "La Stampa", "ITA"),
    ("ilsole24ore.com", "Il Sole 24 Ore", "ITA"),
    ("rainews.it", "RaiNews", "ITA"),
    ("ilfattoquotidiano.it", "Il Fatto Quotidiano", "ITA"),
    ("ilgiornale.it", "il Giornale", "ITA"),
    ("ilmessaggero.it", "Il Messaggero", "ITA"),
    ("avvenire.it", "Avvenire", "ITA"),
    ("ilpost.it", "Il Post", "ITA"),
    ("formiche.net", "Formiche", "ITA"),
    ("decode39.com", "Decode39", "ITA"),
    ("elpais.com", "El País", "ESP"),
    ("elmundo.es", "El Mundo", "ESP"),
    ("abc.es", "ABC", "ESP"),
    ("lavanguardia.com", "La Vanguardia", "ESP"),
    ("elconfidencial.com", "El Confidencial", "ESP"),
    ("eldiario.es", "elDiario.es", "ESP"),
    ("rtve.es", "RTVE", "ESP"),
    ("elperiodico.com", "El Periódico", "ESP"),
    ("larazon.es", "La Razón", "ESP"),
    ("publico.es", "Público", "ESP"),
    ("cadenaser.com", "Cadena SER", "ESP"),
    ("publico.pt", "Público", "PRT"),
    ("rtp.pt", "RTP", "PRT"),
    ("expresso.pt", "Expresso", "PRT"),
    ("observador.pt", "Observador", "PRT"),
    ("dn.pt", "Diário de Notícias", "PRT"),
    # ---------------------------------------------------------------- Netherlands, Nordics, Baltics
    ("nos.nl", "NOS", "NLD"),
    ("nrc.nl", "NRC", "NLD"),
    ("volkskrant.nl", "de Volkskrant", "NLD"),
    ("telegraaf.nl", "De Telegraaf", "NLD"),
    ("trouw.nl", "Trouw", "NLD"),
    ("nltimes.nl", "NL Times", "NLD"),
    ("dutchnews.nl", "DutchNews.nl", "NLD"),
    ("svt.se", "SVT", "SWE"),
    ("dn.se", "Dagens Nyheter", "SWE"),
    ("svd.se", "Svenska Dagbladet", "SWE"),
    ("aftonbladet.se", "Aftonbladet", "SWE"),
    ("expressen.se", "Expressen", "SWE"),
    ("sverigesradio.se", "Sveriges Radio", "SWE"),
    ("thelocal.se", "The Local", "SWE"),
    ("nrk.no", "NRK", "NOR"),
    ("aftenposten.no", "Aftenposten", "NOR"),
    ("vg.no", "VG", "NOR"),
    ("dr.dk", "DR", "DNK"),
    ("politiken.dk", "Politiken", "DNK"),
    ("berlingske.dk", "Berlingske", "DNK"),
    ("jyllands-posten.dk", "Jyllands-Posten", "DNK"),
    ("yle.fi", "Yle", "FIN"),
    ("hs.fi", "Helsingin Sanomat", "FIN"),
    ("ruv.is", "RÚV", "ISL"),
    ("err.ee", "ERR", "EST"),
    ("lsm.lv", "LSM", "LVA"),
    ("lrt.lt", "LRT", "LTU"),
    ("delfi.lt", "Delfi", "LTU"),
    ("baltictimes.com", "The Baltic Times", "LVA"),
    # ---------------------------------------------------------------- Central and South-East Europe
    ("notesfrompoland.com", "Notes from Poland", "POL"),
    ("wyborcza.pl", "Gazeta Wyborcza", "POL"),
    ("rp.pl", "Rzeczpospolita", "POL"),
    ("tvn24.pl", "TVN24", "POL"),
    ("polskieradio.pl", "Polskie Radio", "POL"),
    ("onet.pl", "Onet", "POL"),
    ("radio.cz", "Radio Prague International", "CZE"),
    ("idnes.cz", "iDNES.cz", "CZE"),
    ("novinky.cz", "Novinky.cz", "CZE"),
    ("telex.hu", "Telex", "HUN"),
    ("index.hu", "Index", "HUN"),
    ("hvg.hu", "HVG", "HUN"),
    ("magyarnemzet.hu", "Magyar Nemzet", "HUN"),
    ("hungarytoday.hu", "Hungary Today", "HUN"),
    ("romania-insider.com", "Romania Insider", "ROU"),
    ("digi24.ro", "Digi24", "ROU"),
    ("hotnews.ro", "HotNews.ro", "ROU"),
    ("novinite.com", "Novinite", "BGR"),
    ("b92.net", "B92", "SRB"),
    ("rts.rs", "RTS", "SRB"),
    ("n1info.rs", "N1", "SRB"),
    ("index.hr", "Index.hr", "HRV"),
    ("klix.ba", "Klix.ba", "BIH"),
    ("ekathimerini.com", "Kathimerini", "GRC"),
    ("kathimerini.gr", "Kathimerini", "GRC"),
    ("tovima.com", "To Vima", "GRC"),
    ("greekreporter.com", "Greek Reporter", "GRC"),
    ("ertnews.gr", "ERT News", "GRC"),
    ("cyprus-mail.com", "Cyprus Mail", "CYP"),
    # ---------------------------------------------------------------- Ukraine, Belarus, Russia
    ("kyivindependent.com", "The Kyiv Independent", "UKR"),
    ("kyivpost.com", "Kyiv Post", "UKR"),
    ("pravda.com.ua", "Ukrainska Pravda", "UKR"),
    ("eurointegration.com.ua", "European Pravda", "UKR"),
    ("nv.ua", "NV", "UKR"),
    ("rbc.ua", "RBC-Ukraine", "UKR"),
    ("suspilne.media", "Suspilne", "UKR"),
    ("zn.ua", "ZN.UA", "UKR"),
    ("censor.net", "Censor.NET", "UKR"),
    ("euromaidanpress.com", "Euromaidan Press", "UKR"),
    ("hromadske.ua", "Hromadske", "UKR"),
    ("charter97.org", "Charter 97", "BLR"),
    ("nashaniva.com", "Nasha Niva", "BLR"),
    ("kommersant.ru", "Kommersant", "RUS"),
    ("rbc.ru", "RBC", "RUS"),
    ("vedomosti.ru", "Vedomosti", "RUS"),
    ("rg.ru", "Rossiyskaya Gazeta", "RUS"),
    ("iz.ru", "Izvestia", "RUS"),
    ("kp.ru", "Komsomolskaya Pravda", "RUS"),
    ("mk.ru", "Moskovsky Komsomolets", "RUS"),
    ("ng.ru", "Nezavisimaya Gazeta", "RUS"),
    ("lenta.ru", "Lenta.ru", "RUS"),
    ("gazeta.ru", "Gazeta.ru", "RUS"),
    ("fontanka.ru", "Fontanka", "RUS"),
    ("vesti.ru", "Vesti", "RUS"),
    ("novayagazeta.ru", "Novaya Gazeta", "RUS"),
    # Russian outlets in exile: home country is where they are now based.
    ("novayagazeta.eu", "Novaya Gazeta Europe", "LVA"),
    ("meduza.io", "Meduza", "LVA"),
    ("themoscowtimes.com", "The Moscow Times", "NLD"),
    ("theins.ru", "The Insider", "LVA"),
    # ---------------------------------------------------------------- Turkey, Caucasus, Central Asia
    ("dailysabah.com", "Daily Sabah", "TUR"),
    ("hurriyetdailynews.com", "Hürriyet Daily News", "TUR"),
    ("hurriyet.com.tr", "Hürriyet", "TUR"),
    ("trthaber.com", "TRT Haber", "TUR"),
    ("sabah.com.tr", "Sabah", "TUR"),
    ("milliyet.com.tr", "Milliyet", "TUR"),
    ("sozcu.com.tr", "Sözcü", "TUR"),
    ("cumhuriyet.com.tr", "Cumhuriyet", "TUR"),
    ("yenisafak.com", "Yeni Şafak", "TUR"),
    ("bianet.org", "Bianet", "TUR"),
    ("duvarenglish.com", "Duvar English", "TUR"),
    ("turkiyetoday.com", "Türkiye Today", "TUR"),
    ("news.am", "NEWS.am", "ARM"),
    ("civilnet.am", "CivilNet", "ARM"),
    ("panarmenian.net", "PanARMENIAN.Net", "ARM"),
    ("azatutyun.am", "Azatutyun", "USA"),  # RFE/RL Armenian Service
    ("asbarez.com", "Asbarez", "USA"),
    ("armenianweekly.com", "The Armenian Weekly", "USA"),
    ("news.az", "News.Az", "AZE"),
    ("azernews.az", "AzerNews", "AZE"),
    ("caliber.az", "Caliber.az", "AZE"),
    ("civil.ge", "Civil Georgia", "GEO"),
    ("agenda.ge", "Agenda.ge", "GEO"),
    ("georgiatoday.ge", "Georgia Today", "GEO"),
    ("interpressnews.ge", "InterPressNews", "GEO"),
    ("jam-news.net", "JAMnews", "GEO"),
    ("oc-media.org", "OC Media", "GEO"),
    ("astanatimes.com", "The Astana Times", "KAZ"),
    ("tengrinews.kz", "Tengrinews", "KAZ"),
    ("24.kg", "24.kg", "KGZ"),
    ("kun.uz", "Kun.uz", "UZB"),
    ("gazeta.uz", "Gazeta.uz", "UZB"),
    ("daryo.uz", "Daryo", "UZB"),
    ("asiaplustj.info", "Asia-Plus", "TJK"),
    # ---------------------------------------------------------------- Israel, Palestine, Iran
    ("haaretz.com", "Haaretz", "ISR"),
    ("haaretz.co.il", "Haaretz", "ISR"),
    ("timesofisrael.com", "The Times of Israel", "ISR"),
    ("jpost.com", "The Jerusalem Post", "ISR"),
    ("ynetnews.com", "Ynetnews", "ISR"),
    ("ynet.co.il", "Ynet", "ISR"),
    ("israelhayom.com", "Israel Hayom", "ISR"),
    ("israelhayom.co.il", "Israel Hayom", "ISR"),
    ("i24news.tv", "i24NEWS", "ISR"),
    ("israelnationalnews.com", "Israel National News", "ISR"),
    ("globes.co.il", "Globes", "ISR"),
    ("kan.org.il", "Kan", "ISR"),
    ("maariv.co.il", "Maariv", "ISR"),
    ("972mag.com", "+972 Magazine", "ISR"),
    ("tehrantimes.com", "Tehran Times", "IRN"),
    ("tasnimnews.com", "Tasnim News Agency", "IRN"),
    ("farsnews.ir", "Fars News Agency", "IRN"),
    ("mehrnews.com", "Mehr News Agency", "IRN"),
    ("isna.ir", "ISNA", "IRN"),
    ("ifpnews.com", "IFP News", "IRN"),
    ("kayhan.ir", "Kayhan", "IRN"),
    ("parstoday.ir", "Pars Today", "IRN"),
    # ---------------------------------------------------------------- Arab world and the Gulf
    ("alarabiya.net", "Al Arabiya", "SAU"),  # Saudi-owned; long based in Dubai
    ("aawsat.com", "Asharq Al-Awsat", "SAU"),  # Saudi-owned pan-Arab daily with London roots
    ("arabnews.com", "Arab News", "SAU"),
    ("saudigazette.com.sa", "Saudi Gazette", "SAU"),
    ("okaz.com.sa", "Okaz", "SAU"),
    ("alriyadh.com", "Al Riyadh", "SAU"),
    ("thenationalnews.com", "The National", "ARE"),
    ("gulfnews.com", "Gulf News", "ARE"),
    ("khaleejtimes.com", "Khaleej Times", "ARE"),
    ("alkhaleej.ae", "Al Khaleej", "ARE"),
    ("albayan.ae", "Al Bayan", "ARE"),
    ("emaratalyoum.com", "Emarat Al Youm", "ARE"),
    ("skynewsarabia.com", "Sky News Arabia", "ARE"),
    ("thepeninsulaqatar.com", "The Peninsula", "QAT"),
    ("gulf-times.com", "Gulf Times", "QAT"),
    ("arabtimesonline.com", "Arab Times", "KWT"),
    ("alqabas.com", "Al-Qabas", "KWT"),
    ("gdnonline.com", "Gulf Daily News", "BHR"),
    ("timesofoman.com", "Times of Oman", "OMN"),
    ("omanobserver.om", "Oman Observer", "OMN"),
    ("muscatdaily.com", "Muscat Daily", "OMN"),
    ("jordantimes.com", "The Jordan Times", "JOR"),
    ("alghad.com", "Al Ghad", "JOR"),
    ("naharnet.com", "Naharnet", "LBN"),
    ("lorientlejour.com", "L'Orient-Le Jour", "LBN"),
    ("annahar.com", "An-Nahar", "LBN"),
    ("almanar.com.lb", "Al-Manar", "LBN"),
    ("almayadeen.net", "Al Mayadeen", "LBN"),
    ("lbcgroup.tv", "LBCI", "LBN"),
    ("enabbaladi.net", "Enab Baladi", "SYR"),
    ("rudaw.net", "Rudaw", "IRQ"),
    ("kurdistan24.net", "Kurdistan24", "IRQ"),
    ("shafaq.com", "Shafaq News", "IRQ"),
    ("alsumaria.tv", "Alsumaria", "IRQ"),
    ("ahram.org.eg", "Al-Ahram", "EGY"),  # english.ahram.org.eg is Ahram Online
    ("egyptindependent.com", "Egypt Independent", "EGY"),
    ("madamasr.com", "Mada Masr", "EGY"),
    ("dailynewsegypt.com", "Daily News Egypt", "EGY"),
    ("egypttoday.com", "Egypt Today", "EGY"),
    ("youm7.com", "Youm7", "EGY"),
    ("almasryalyoum.com", "Al-Masry Al-Youm", "EGY"),
    ("shorouknews.com", "Al-Shorouk", "EGY"),
    ("libyaobserver.ly", "The Libya Observer", "LBY"),
    ("libyaherald.com", "Libya Herald", "LBY"),
    ("tsa-algerie.com", "TSA", "DZA"),
    ("hespress.com", "Hespress", "MAR"),
    ("moroccoworldnews.com", "Morocco World News", "MAR"),
    ("le360.ma", "Le360", "MAR"),
    ("businessnews.com.tn", "Business News", "TUN"),
    # ---------------------------------------------------------------- Sub-Saharan Africa
    ("addisstandard.com", "Addis Standard", "ETH"),
    ("thereporterethiopia.com", "The Reporter", "ETH"),
    ("ebc.et", "EBC", "ETH"),
    ("borkena.com", "Borkena", "ETH"),
    ("addisfortune.news", "Addis Fortune", "ETH"),
    ("shabait.com", "Shabait", "ERI"),
    ("hiiraan.com", "Hiiraan Online", "SOM"),
    ("garoweonline.com", "Garowe Online", "SOM"),
    ("nation.africa", "Daily Nation", "KEN"),
    ("standardmedia.co.ke", "The Standard", "KEN"),
    ("the-star.co.ke", "The Star", "KEN"),
    ("capitalfm.co.ke", "Capital FM", "KEN"),
    ("citizen.digital", "Citizen Digital", "KEN"),
    ("kbc.co.ke", "KBC", "KEN"),
    ("theeastafrican.co.ke", "The EastAfrican", "KEN"),
    ("businessdailyafrica.com", "Business Daily", "KEN"),
    ("monitor.co.ug", "Monitor", "UGA"),
    ("newvision.co.ug", "New Vision", "UGA"),
    ("thecitizen.co.tz", "The Citizen", "TZA"),
    ("dailynews.co.tz", "Daily News", "TZA"),
    ("newtimes.co.rw", "The New Times", "RWA"),
    ("radiookapi.net", "Radio Okapi", "COD"),
    ("actualite.cd", "Actualite.cd", "COD"),
    ("premiumtimesng.com", "Premium Times", "NGA"),
    ("punchng.com", "Punch", "NGA"),
    ("vanguardngr.com", "Vanguard", "NGA"),
    ("guardian.ng", "The Guardian", "NGA"),
    ("thisdaylive.com", "THISDAY", "NGA"),
    ("dailytrust.com", "Daily Trust", "NGA"),
    ("channelstv.com", "Channels Television", "NGA"),
    ("thecable.ng", "TheCable", "NGA"),
    ("leadership.ng", "Leadership", "NGA"),
    ("tribuneonlineng.com", "Nigerian Tribune", "NGA"),
    ("businessday.ng", "BusinessDay", "NGA"),
    ("dailypost.ng", "Daily Post", "NGA"),
    ("myjoyonline.com", "MyJoyOnline", "GHA"),
    ("graphic.com.gh", "Graphic Online", "GHA"),
    ("citinewsroom.com", "Citi Newsroom", "GHA"),
    ("ghanaweb.com", "GhanaWeb", "GHA"),
    ("aps.sn", "APS", "SEN"),
    ("cameroon-tribune.cm", "Cameroon Tribune", "CMR"),
    ("herald.co.zw", "The Herald", "ZWE"),
    ("newsday.co.zw", "NewsDay", "ZWE"),
    ("newzimbabwe.com", "NewZimbabwe", "ZWE"),
    ("lusakatimes.com", "Lusaka Times", "ZMB"),
    ("nyasatimes.com", "Nyasa Times", "MWI"),
    ("clubofmozambique.com", "Club of Mozambique", "MOZ"),
    ("namibian.com.na", "The Namibian", "NAM"),
    ("mmegi.bw", "Mmegi", "BWA"),
    ("news24.com", "News24", "ZAF"),
    ("iol.co.za", "IOL", "ZAF"),
    ("timeslive.co.za", "TimesLIVE", "ZAF"),
    ("dailymaverick.co.za", "Daily Maverick", "ZAF"),
    ("mg.co.za", "Mail & Guardian", "ZAF"),
    ("sabcnews.com", "SABC News", "ZAF"),
    ("enca.com", "eNCA", "ZAF"),
    ("businesslive.co.za", "BusinessLIVE", "ZAF"),
    ("citizen.co.za", "The Citizen", "ZAF"),
    ("ewn.co.za", "Eyewitness News", "ZAF"),
    ("groundup.org.za", "GroundUp", "ZAF"),
    # ---------------------------------------------------------------- India
    ("thehindu.com", "The Hindu", "IND"),
    ("hindustantimes.com", "Hindustan Times", "IND"),
    ("indiatimes.com", "The Times of India", "IND"),  # also hosts economictimes.indiatimes.com
    ("economictimes.com", "The Economic Times", "IND"),
    ("indianexpress.com", "The Indian Express", "IND"),
    ("newindianexpress.com", "The New Indian Express", "IND"),
    ("ndtv.com", "NDTV", "IND"),
    ("indiatoday.in", "India Today", "IND"),
    ("thewire.in", "The Wire", "IND"),
    ("scroll.in", "Scroll", "IND"),
    ("theprint.in", "ThePrint", "IND"),
    ("thequint.com", "The Quint", "IND"),
    ("livemint.com", "Mint", "IND"),
    ("business-standard.com", "Business Standard", "IND"),
    ("financialexpress.com", "The Financial Express", "IND"),
    ("moneycontrol.com", "Moneycontrol", "IND"),
    ("deccanherald.com", "Deccan Herald", "IND"),
    ("tribuneindia.com", "The Tribune", "IND"),
    ("telegraphindia.com", "The Telegraph", "IND"),
    ("thestatesman.com", "The Statesman", "IND"),
    ("firstpost.com", "Firstpost", "IND"),
    ("news18.com", "News18", "IND"),
    ("wionews.com", "WION", "IND"),
    ("outlookindia.com", "Outlook", "IND"),
    ("republicworld.com", "Republic World", "IND"),
    ("newslaundry.com", "Newslaundry", "IND"),
    ("ddnews.gov.in", "DD News", "IND"),
    # ---------------------------------------------------------------- Pakistan, Afghanistan, Bangladesh, Sri Lanka, Nepal, Bhutan
    ("dawn.com", "Dawn", "PAK"),
    ("tribune.com.pk", "The Express Tribune", "PAK"),
    ("thenews.com.pk", "The News International", "PAK"),
    ("geo.tv", "Geo News", "PAK"),
    ("arynews.tv", "ARY News", "PAK"),
    ("brecorder.com", "Business Recorder", "PAK"),
    ("nation.com.pk", "The Nation", "PAK"),
    ("dailytimes.com.pk", "Daily Times", "PAK"),
    ("pakobserver.net", "Pakistan Observer", "PAK"),
    ("thefridaytimes.com", "The Friday Times", "PAK"),
    ("tolonews.com", "TOLOnews", "AFG"),
    ("pajhwok.com", "Pajhwok Afghan News", "AFG"),
    ("khaama.com", "Khaama Press", "AFG"),
    ("thedailystar.net", "The Daily Star", "BGD"),
    ("dhakatribune.com", "Dhaka Tribune", "BGD"),
    ("tbsnews.net", "The Business Standard", "BGD"),
    ("newagebd.net", "New Age", "BGD"),
    ("bdnews24.com", "bdnews24.com", "BGD"),
    ("prothomalo.com", "Prothom Alo", "BGD"),
    ("thefinancialexpress.com.bd", "The Financial Express", "BGD"),
    ("dailymirror.lk", "Daily Mirror", "LKA"),
    ("dailynews.lk", "Daily News", "LKA"),
    ("sundaytimes.lk", "The Sunday Times", "LKA"),
    ("island.lk", "The Island", "LKA"),
    ("newsfirst.lk", "Newsfirst", "LKA"),
    ("adaderana.lk", "Ada Derana", "LKA"),
    ("economynext.com", "EconomyNext", "LKA"),
    ("kathmandupost.com", "The Kathmandu Post", "NPL"),
    ("thehimalayantimes.com", "The Himalayan Times", "NPL"),
    ("risingnepaldaily.com", "The Rising Nepal", "NPL"),
    ("nepalitimes.com", "Nepali Times", "NPL"),
    ("onlinekhabar.com", "Onlinekhabar", "NPL"),
    ("kuenselonline.com", "Kuensel", "BTN"),
    # ---------------------------------------------------------------- China, Hong Kong, Taiwan
    ("chinadaily.com.cn", "China Daily", "CHN"),
    ("chinadailyhk.com", "China Daily", "HKG"),
    ("globaltimes.cn", "Global Times", "CHN"),
    ("people.cn", "People's Daily", "CHN"),
    ("people.com.cn", "People's Daily", "CHN"),
    ("cctv.com", "CCTV", "CHN"),
    ("caixinglobal.com", "Caixin Global", "CHN"),
    ("caixin.com", "Caixin", "CHN"),
    ("sixthtone.com", "Sixth Tone", "CHN"),
    ("thepaper.cn", "The Paper", "CHN"),
    ("guancha.cn", "Guancha", "CHN"),
    ("gmw.cn", "Guangming Daily", "CHN"),
    ("qstheory.cn", "Qiushi", "CHN"),
    ("chinamil.com.cn", "China Military Online", "CHN"),
    ("yicaiglobal.com", "Yicai Global", "CHN"),
    ("scmp.com", "South China Morning Post", "HKG"),
    ("hongkongfp.com", "Hong Kong Free Press", "HKG"),
    ("thestandard.com.hk", "The Standard", "HKG"),
    ("rthk.hk", "RTHK", "HKG"),
    ("hk01.com", "HK01", "HKG"),
    ("mingpao.com", "Ming Pao", "HKG"),
    ("wenweipo.com", "Wen Wei Po", "HKG"),
    ("taipeitimes.com", "Taipei Times", "TWN"),
    ("taiwannews.com.tw", "Taiwan News", "TWN"),
    ("udn.com", "United Daily News", "TWN"),
    ("ltn.com.tw", "Liberty Times", "TWN"),
    ("chinatimes.com", "China Times", "TWN"),
    ("rti.org.tw", "Radio Taiwan International", "TWN"),
    ("taiwanplus.com", "TaiwanPlus", "TWN"),
    # ---------------------------------------------------------------- Japan, Korea
    ("japantimes.co.jp", "The Japan Times", "JPN"),
    ("asahi.com", "The Asahi Shimbun", "JPN"),
    ("yomiuri.co.jp", "The Yomiuri Shimbun", "JPN"),  # English edition: The Japan News
    ("mainichi.jp", "The Mainichi", "JPN"),
    ("sankei.com", "The Sankei Shimbun", "JPN"),
    ("japantoday.com", "Japan Today", "JPN"),
    ("japan-forward.com", "Japan Forward", "JPN"),
    ("nippon.com", "Nippon.com", "JPN"),
    ("koreaherald.com", "The Korea Herald", "KOR"),
    ("koreatimes.co.kr", "The Korea Times", "KOR"),
    ("chosun.com", "The Chosun Ilbo", "KOR"),
    ("donga.com", "The Dong-A Ilbo", "KOR"),
    ("joongang.co.kr", "JoongAng Ilbo", "KOR"),
    ("hani.co.kr", "The Hankyoreh", "KOR"),
    ("kbs.co.kr", "KBS", "KOR"),
    ("arirang.com", "Arirang", "KOR"),
    ("nknews.org", "NK News", "KOR"),
    ("dailynk.com", "Daily NK", "KOR"),
    # ---------------------------------------------------------------- South-East Asia
    ("inquirer.net", "Philippine Daily Inquirer", "PHL"),
    ("philstar.com", "The Philippine Star", "PHL"),
    ("rappler.com", "Rappler", "PHL"),
    ("gmanetwork.com", "GMA News", "PHL"),
    ("abs-cbn.com", "ABS-CBN News", "PHL"),
    ("mb.com.ph", "Manila Bulletin", "PHL"),
    ("manilatimes.net", "The Manila Times", "PHL"),
    ("bworldonline.com", "BusinessWorld", "PHL"),
    ("sunstar.com.ph", "SunStar", "PHL"),
    ("vnexpress.net", "VnExpress", "VNM"),
    ("tuoitrenews.vn", "Tuoi Tre News", "VNM"),
    ("vietnamnews.vn", "Viet Nam News", "VNM"),
    ("vietnamnet.vn", "VietNamNet", "VNM"),
    ("vov.vn", "VOV", "VNM"),
    ("nhandan.vn", "Nhan Dan", "VNM"),
    ("bangkokpost.com", "Bangkok Post", "THA"),
    ("nationthailand.com", "The Nation", "THA"),
    ("thaipbsworld.com", "Thai PBS World", "THA"),
    ("khaosodenglish.com", "Khaosod English", "THA"),
    ("thethaiger.com", "The Thaiger", "THA"),
    ("thejakartapost.com", "The Jakarta Post", "IDN"),
    ("jakartaglobe.id", "Jakarta Globe", "IDN"),
    ("tempo.co", "Tempo", "IDN"),
    ("kompas.com", "Kompas", "IDN"),
    ("detik.com", "detikcom", "IDN"),
    ("cnnindonesia.com", "CNN Indonesia", "IDN"),
    ("thestar.com.my", "The Star", "MYS"),
    ("nst.com.my", "New Straits Times", "MYS"),
    ("malaymail.com", "Malay Mail", "MYS"),
    ("freemalaysiatoday.com", "Free Malaysia Today", "MYS"),
    ("malaysiakini.com", "Malaysiakini", "MYS"),
    ("theedgemalaysia.com", "The Edge Malaysia", "MYS"),
    ("straitstimes.com", "The Straits Times", "SGP"),
    ("channelnewsasia.com", "CNA", "SGP"),
    ("todayonline.com", "TODAY", "SGP"),
    ("businesstimes.com.sg", "The Business Times", "SGP"),
    ("mothership.sg", "Mothership", "SGP"),
    ("irrawaddy.com", "The Irrawaddy", "MMR"),
    ("mizzima.com", "Mizzima", "MMR"),
    ("frontiermyanmar.net", "Frontier Myanmar", "MMR"),
    ("myanmar-now.org", "Myanmar Now", "MMR"),
    ("gnlm.com.mm", "The Global New Light of Myanmar", "MMR"),
    ("khmertimeskh.com", "Khmer Times", "KHM"),
    ("phnompenhpost.com", "The Phnom Penh Post", "KHM"),
    ("cambodiadaily.com", "The Cambodia Daily", "KHM"),
    ("laotiantimes.com", "Laotian Times", "LAO"),
    # ---------------------------------------------------------------- Latin America and the Caribbean
    ("eluniversal.com.mx", "El Universal", "MEX"),
    ("milenio.com", "Milenio", "MEX"),
    ("reforma.com", "Reforma", "MEX"),
    ("jornada.com.mx", "La Jornada", "MEX"),
    ("excelsior.com.mx", "Excélsior", "MEX"),
    ("elfinanciero.com.mx", "El Financiero", "MEX"),
    ("eleconomista.com.mx", "El Economista", "MEX"),
    ("proceso.com.mx", "Proceso", "MEX"),
    ("animalpolitico.com", "Animal Político", "MEX"),
    ("aristeguinoticias.com", "Aristegui Noticias", "MEX"),
    ("mexiconewsdaily.com", "Mexico News Daily", "MEX"),
    ("estadao.com.br", "Estadão", "BRA"),
    ("correiobraziliense.com.br", "Correio Braziliense", "BRA"),
    ("cnnbrasil.com.br", "CNN Brasil", "BRA"),
    ("poder360.com.br", "Poder360", "BRA"),
    ("brasildefato.com.br", "Brasil de Fato", "BRA"),
    ("metropoles.com", "Metrópoles", "BRA"),
    ("cartacapital.com.br", "CartaCapital", "BRA"),
    ("exame.com", "Exame", "BRA"),
    ("r7.com", "R7", "BRA"),
    ("riotimesonline.com", "The Rio Times", "BRA"),
    ("clarin.com", "Clarín", "ARG"),
    ("lanacion.com.ar", "La Nación", "ARG"),
    ("infobae.com", "Infobae", "ARG"),
    ("pagina12.com.ar", "Página/12", "ARG"),
    ("perfil.com", "Perfil", "ARG"),
    ("batimes.com.ar", "Buenos Aires Times", "ARG"),
    ("ambito.com", "Ámbito", "ARG"),
    ("cronista.com", "El Cronista", "ARG"),
    ("eltiempo.com", "El Tiempo", "COL"),
    ("elespectador.com", "El Espectador", "COL"),
    ("semana.com", "Semana", "COL"),
    ("elcolombiano.com", "El Colombiano", "COL"),
    ("elnacional.com", "El Nacional", "VEN"),
    ("eluniversal.com", "El Universal", "VEN"),
    ("efectococuyo.com", "Efecto Cocuyo", "VEN"),
    ("talcualdigital.com", "TalCual", "VEN"),
    ("elpitazo.net", "El Pitazo", "VEN"),
    ("ultimasnoticias.com.ve", "Últimas Noticias", "VEN"),
    ("latercera.com", "La Tercera", "CHL"),
    ("emol.com", "Emol", "CHL"),
    ("biobiochile.cl", "BioBioChile", "CHL"),
    ("cooperativa.cl", "Cooperativa", "CHL"),
    ("df.cl", "Diario Financiero", "CHL"),
    ("elcomercio.pe", "El Comercio", "PER"),
    ("larepublica.pe", "La República", "PER"),
    ("rpp.pe", "RPP", "PER"),
    ("gestion.pe", "Gestión", "PER"),
    ("eluniverso.com", "El Universo", "ECU"),
    ("primicias.ec", "Primicias", "ECU"),
    ("eldeber.com.bo", "El Deber", "BOL"),
    ("elpais.com.uy", "El País", "URY"),
    ("abc.com.py", "ABC Color", "PRY"),
    ("granma.cu", "Granma", "CUB"),
    ("cubadebate.cu", "Cubadebate", "CUB"),
    ("14ymedio.com", "14ymedio", "CUB"),
    ("elfaro.net", "El Faro", "SLV"),
    ("laprensagrafica.com", "La Prensa Gráfica", "SLV"),
    ("prensalibre.com", "Prensa Libre", "GTM"),
    ("nacion.com", "La Nación", "CRI"),
    ("prensa.com", "La Prensa", "PAN"),
    ("jamaica-gleaner.com", "The Gleaner", "JAM"),
    ("jamaicaobserver.com", "Jamaica Observer", "JAM"),
    ("trinidadexpress.com", "Trinidad Express", "TTO"),
    ("stabroeknews.com", "Stabroek News", "GUY"),
    # ================================================================ local and regional outlets
    # Sites that republish wire copy (AP, Reuters, AFP, CP, PA, AAP, PTI) about foreign affairs
    # under their own brand. A wire story found on one of these keeps the site as its outlet.
    # Names follow the site's own branding: TV stations by the call sign or the channel brand
    # they use on the site ("WFAA", "KING 5", "ABC7 New York"); a channel number is given when
    # it is part of the brand or of the domain. Newspapers as their masthead, with "The" only
    # when the masthead has it.
    # ---------------------------------------------------------------- US local TV: network-owned stations
    ("abc7ny.com", "ABC7 New York", "USA"),  # WABC-TV
    ("abc7.com", "ABC7 Los Angeles", "USA"),  # KABC-TV
    ("abc7chicago.com", "ABC7 Chicago", "USA"),  # WLS-TV
    ("6abc.com", "6abc Philadelphia", "USA"),  # WPVI-TV
    ("abc7news.com", "ABC7 San Francisco", "USA"),  # KGO-TV
    ("abc13.com", "ABC13 Houston", "USA"),  # KTRK-TV
    ("abc11.com", "ABC11 Raleigh-Durham", "USA"),  # WTVD
    ("abc30.com", "ABC30 Fresno", "USA"),  # KFSN-TV
    ("nbcnewyork.com", "NBC New York", "USA"),
    ("nbclosangeles.com", "NBC Los Angeles", "USA"),
    ("nbcchicago.com", "NBC Chicago", "USA"),
    ("nbcwashington.com", "NBC4 Washington", "USA"),
    ("nbcphiladelphia.com", "NBC10 Philadelphia", "USA"),
    ("nbcboston.com", "NBC Boston", "USA"),
    ("nbcbayarea.com", "NBC Bay Area", "USA"),
    ("nbcdfw.com", "NBC 5 Dallas-Fort Worth", "USA"),
    ("nbcmiami.com", "NBC 6 South Florida", "USA"),
    ("nbcsandiego.com", "NBC 7 San Diego", "USA"),
    ("nbcconnecticut.com", "NBC Connecticut", "USA"),
    ("necn.com", "NECN", "USA"),
    ("fox5ny.com", "FOX 5 New York", "USA"),
    ("foxla.com", "FOX 11 Los Angeles", "USA"),
    ("fox32chicago.com", "FOX 32 Chicago", "USA"),
    ("fox29.com", "FOX 29 Philadelphia", "USA"),
    ("fox4news.com", "FOX 4 Dallas-Fort Worth", "USA"),
    ("fox26houston.com", "FOX 26 Houston", "USA"),
    ("fox5dc.com", "FOX 5 DC", "USA"),
    ("fox5atlanta.com", "FOX 5 Atlanta", "USA"),
    ("fox2detroit.com", "FOX 2 Detroit", "USA"),
    ("fox9.com", "FOX 9 Minneapolis-St. Paul", "USA"),
    ("fox10phoenix.com", "FOX 10 Phoenix", "USA"),
    ("fox13news.com", "FOX 13 Tampa Bay", "USA"),
    ("fox35orlando.com", "FOX 35 Orlando", "USA"),
    ("fox13seattle.com", "FOX 13 Seattle", "USA"),
    ("fox7austin.com", "FOX 7 Austin", "USA"),
    ("ktvu.com", "KTVU FOX 2", "USA"),  # San Francisco
    # ---------------------------------------------------------------- US local TV: Tegna
    ("wfaa.com", "WFAA", "USA"),  # Dallas-Fort Worth
    ("khou.com", "KHOU 11", "USA"),  # Houston
    ("kare11.com", "KARE 11", "USA"),  # Minneapolis-St. Paul
    ("king5.com", "KING 5", "USA"),  # Seattle
    ("9news.com", "9NEWS", "USA"),  # KUSA Denver
    ("11alive.com", "11Alive", "USA"),  # WXIA Atlanta
    ("wusa9.com", "WUSA9", "USA"),  # Washington, D.C.
    ("12news.com", "12News", "USA"),  # KPNX Phoenix
    ("kens5.com", "KENS 5", "USA"),  # San Antonio
    ("kvue.com", "KVUE", "USA"),  # Austin
    ("wthr.com", "WTHR", "USA"),  # Indianapolis
    ("wcnc.com", "WCNC", "USA"),  # Charlotte
    ("13newsnow.com", "13News Now", "USA"),  # WVEC Norfolk
    ("firstcoastnews.com", "First Coast News", "USA"),  # Jacksonville
    ("ksdk.com", "KSDK", "USA"),  # St. Louis
    ("wbir.com", "WBIR", "USA"),  # Knoxville
    ("wgrz.com", "WGRZ", "USA"),  # Buffalo
    ("whas11.com", "WHAS11", "USA"),  # Louisville
    ("wwltv.com", "WWL-TV", "USA"),  # New Orleans
    ("kgw.com", "KGW", "USA"),  # Portland, Ore.
    ("10tv.com", "10TV", "USA"),  # WBNS Columbus
    ("wnep.com", "WNEP", "USA"),  # Scranton/Wilkes-Barre
    ("fox43.com", "FOX43", "USA"),  # WPMT York/Harrisburg
    ("newscentermaine.com", "NEWS CENTER Maine", "USA"),
    ("wfmynews2.com", "WFMY News 2", "USA"),  # Greensboro
    ("wtol.com", "WTOL 11", "USA"),  # Toledo
    ("abc10.com", "ABC10", "USA"),  # KXTV Sacramento
    ("cbs8.com", "CBS 8", "USA"),  # KFMB San Diego
    ("fox61.com", "FOX61", "USA"),  # WTIC Hartford
    ("thv11.com", "THV11", "USA"),  # KTHV Little Rock
    # ---------------------------------------------------------------- US local TV: Hearst Television
    ("wcvb.com", "WCVB", "USA"),  # Boston
    ("kcra.com", "KCRA", "USA"),  # Sacramento
    ("wesh.com", "WESH", "USA"),  # Orlando
    ("wlwt.com", "WLWT", "USA"),  # Cincinnati
    ("wtae.com", "WTAE", "USA"),  # Pittsburgh
    ("wisn.com", "WISN", "USA"),  # Milwaukee
    ("kmbc.com", "KMBC", "USA"),  # Kansas City
    ("koat.com", "KOAT", "USA"),  # Albuquerque
    ("ketv.com", "KETV", "USA"),  # Omaha
    ("wlky.com", "WLKY", "USA"),  # Louisville
    ("wmtw.com", "WMTW", "USA"),  # Portland, Maine
    ("wmur.com", "WMUR", "USA"),  # Manchester, N.H.
    ("wpbf.com", "WPBF", "USA"),  # West Palm Beach
    ("wgal.com", "WGAL", "USA"),  # Lancaster/Harrisburg
    ("wdsu.com", "WDSU", "USA"),  # New Orleans
    ("koco.com", "KOCO", "USA"),  # Oklahoma City
    ("kcci.com", "KCCI", "USA"),  # Des Moines
    ("wbaltv.com", "WBAL-TV", "USA"),  # Baltimore
    ("wyff4.com", "WYFF 4", "USA"),  # Greenville, S.C.
    ("wxii12.com", "WXII 12", "USA"),  # Winston-Salem
    ("wvtm13.com", "WVTM 13", "USA"),  # Birmingham
    # ---------------------------------------------------------------- US local TV: Nexstar
    ("wgntv.com", "WGN-TV", "USA"),  # Chicago
    ("pix11.com", "PIX11", "USA"),  # New York
    ("ktla.com", "KTLA", "USA"),  # Los Angeles
    ("kron4.com", "KRON4", "USA"),  # San Francisco
    ("wfla.com", "WFLA", "USA"),  # Tampa
    ("wric.com", "WRIC", "USA"),  # Richmond
    ("wavy.com", "WAVY", "USA"),  # Norfolk
    ("wate.com", "WATE", "USA"),  # Knoxville
    ("wkrn.com", "WKRN", "USA"),  # Nashville
    ("wreg.com", "WREG", "USA"),  # Memphis
    ("wspa.com", "WSPA", "USA"),  # Spartanburg
    ("cbs17.com", "CBS 17", "USA"),  # WNCN Raleigh
    ("qcnews.com", "Queen City News", "USA"),  # WJZY Charlotte
    ("wivb.com", "WIVB", "USA"),  # Buffalo
    ("news10.com", "NEWS10 ABC", "USA"),  # WTEN Albany
    ("wdtn.com", "WDTN", "USA"),  # Dayton
    ("fox8.com", "FOX 8 Cleveland", "USA"),  # WJW
    ("fox59.com", "FOX59", "USA"),  # Indianapolis
    ("kdvr.com", "FOX31 Denver", "USA"),
    ("fox40.com", "FOX40", "USA"),  # Sacramento
    ("fox5sandiego.com", "FOX 5 San Diego", "USA"),
    ("woodtv.com", "WOOD TV8", "USA"),  # Grand Rapids
    ("kark.com", "KARK", "USA"),  # Little Rock
    ("kfor.com", "KFOR", "USA"),  # Oklahoma City
    ("kxan.com", "KXAN", "USA"),  # Austin
    ("krqe.com", "KRQE", "USA"),  # Albuquerque
    ("kusi.com", "KUSI", "USA"),  # San Diego
    ("8newsnow.com", "8 News Now", "USA"),  # KLAS Las Vegas
    ("wkbn.com", "WKBN", "USA"),  # Youngstown
    ("abc27.com", "abc27", "USA"),  # WHTM Harrisburg
    ("wkrg.com", "WKRG", "USA"),  # Mobile
    ("wtnh.com", "WTNH", "USA"),  # New Haven
    ("wpri.com", "WPRI", "USA"),  # Providence
    ("wwlp.com", "WWLP", "USA"),  # Springfield, Mass.
    ("koin.com", "KOIN 6", "USA"),  # Portland, Ore.
    ("khon2.com", "KHON2", "USA"),  # Honolulu
    # ---------------------------------------------------------------- US local TV: E.W. Scripps
    ("wxyz.com", "WXYZ", "USA"),  # Detroit
    ("abcactionnews.com", "ABC Action News", "USA"),  # WFTS Tampa
    ("wcpo.com", "WCPO", "USA"),  # Cincinnati
    ("news5cleveland.com", "News 5 Cleveland", "USA"),  # WEWS
    ("wptv.com", "WPTV", "USA"),  # West Palm Beach
    ("newschannel5.com", "NewsChannel 5 Nashville", "USA"),  # WTVF
    ("kshb.com", "KSHB 41", "USA"),  # Kansas City
    ("kgun9.com", "KGUN 9", "USA"),  # Tucson
    ("abc15.com", "ABC15 Arizona", "USA"),  # KNXV Phoenix
    ("denver7.com", "Denver7", "USA"),  # KMGH
    ("ktnv.com", "KTNV", "USA"),  # Las Vegas
    ("10news.com", "ABC 10News", "USA"),  # KGTV San Diego
    ("wmar2news.com", "WMAR-2 News", "USA"),  # Baltimore
    ("wrtv.com", "WRTV", "USA"),  # Indianapolis
    ("tmj4.com", "TMJ4", "USA"),  # WTMJ Milwaukee
    ("nbc26.com", "NBC26", "USA"),  # WGBA Green Bay
    ("wkbw.com", "WKBW", "USA"),  # Buffalo
    ("wtkr.com", "WTKR", "USA"),  # Norfolk
    ("lex18.com", "LEX 18", "USA"),  # WLEX Lexington
    # ---------------------------------------------------------------- US local TV: Gray Media
    ("atlantanewsfirst.com", "Atlanta News First", "USA"),  # WANF
    ("azfamily.com", "Arizona's Family", "USA"),  # KTVK/KPHO Phoenix
    ("kmov.com", "KMOV", "USA"),  # St. Louis
    ("wsmv.com", "WSMV", "USA"),  # Nashville
    ("wfsb.com", "WFSB", "USA"),  # Hartford
    ("kptv.com", "KPTV", "USA"),  # Portland, Ore.
    ("kctv5.com", "KCTV5", "USA"),  # Kansas City
    ("fox5vegas.com", "FOX5 Las Vegas", "USA"),  # KVVU
    ("fox19.com", "FOX19", "USA"),  # WXIX Cincinnati
    ("hawaiinewsnow.com", "Hawaii News Now", "USA"),
    ("alaskasnewssource.com", "Alaska's News Source", "USA"),
    ("wbrc.com", "WBRC", "USA"),  # Birmingham
    ("wafb.com", "WAFB", "USA"),  # Baton Rouge
    ("wistv.com", "WIS", "USA"),  # Columbia, S.C.
    ("wsfa.com", "WSFA", "USA"),  # Montgomery
    ("wmcactionnews5.com", "Action News 5", "USA"),  # WMC Memphis
    ("ksla.com", "KSLA", "USA"),  # Shreveport
    ("wlbt.com", "WLBT", "USA"),  # Jackson, Miss.
    ("wave3.com", "WAVE", "USA"),  # Louisville
    ("wbtv.com", "WBTV", "USA"),  # Charlotte
    ("live5news.com", "Live 5 News", "USA"),  # WCSC Charleston
    ("cleveland19.com", "Cleveland 19 News", "USA"),  # WOIO
    ("13abc.com", "13abc", "USA"),  # WTVG Toledo
    ("kwch.com", "KWCH", "USA"),  # Wichita
    ("wowt.com", "WOWT", "USA"),  # Omaha
    ("kcrg.com", "KCRG", "USA"),  # Cedar Rapids
    ("wsaz.com", "WSAZ", "USA"),  # Huntington, W.Va.
    ("wkyt.com", "WKYT", "USA"),  # Lexington
    ("ky3.com", "KY3", "USA"),  # KYTV Springfield, Mo.
    ("wdbj7.com", "WDBJ7", "USA"),  # Roanoke
    ("nbc12.com", "NBC12", "USA"),  # WWBT Richmond
    ("kold.com", "KOLD", "USA"),  # Tucson
    ("nbc15.com", "NBC15", "USA"),  # WMTV Madison
    ("wbay.com", "WBAY", "USA"),  # Green Bay
    ("westernmassnews.com", "Western Mass News", "USA"),  # WGGB Springfield
    # ---------------------------------------------------------------- US local TV: Cox Media Group, Graham Media, Sinclair
    ("wsbtv.com", "WSB-TV", "USA"),  # Atlanta
    ("kiro7.com", "KIRO 7", "USA"),  # Seattle
    ("wftv.com", "WFTV", "USA"),  # Orlando
    ("whio.com", "WHIO", "USA"),  # Dayton
    ("boston25news.com", "Boston 25 News", "USA"),  # WFXT
    ("wpxi.com", "WPXI", "USA"),  # Pittsburgh
    ("actionnewsjax.com", "Action News Jax", "USA"),  # Jacksonville
    ("wsoctv.com", "WSOC-TV", "USA"),  # Charlotte
    ("fox23.com", "FOX23", "USA"),  # KOKI Tulsa
    ("fox13memphis.com", "FOX13 Memphis", "USA"),  # WHBQ
    ("news4jax.com", "News4JAX", "USA"),  # WJXT Jacksonville
    ("ksat.com", "KSAT", "USA"),  # San Antonio
    ("click2houston.com", "KPRC 2", "USA"),  # Houston
    ("clickondetroit.com", "ClickOnDetroit", "USA"),  # WDIV Detroit
    ("local10.com", "Local 10", "USA"),  # WPLG Miami
    ("komonews.com", "KOMO", "USA"),  # Seattle
    ("kutv.com", "KUTV", "USA"),  # Salt Lake City
    ("wjla.com", "WJLA", "USA"),  # Washington, D.C.
    ("katu.com", "KATU", "USA"),  # Portland, Ore.
    ("abc3340.com", "ABC 33/40", "USA"),  # Birmingham
    ("local12.com", "Local 12", "USA"),  # WKRC Cincinnati
    ("cbs12.com", "CBS12", "USA"),  # WPEC West Palm Beach
    ("wlos.com", "WLOS", "USA"),  # Asheville
    ("abcnews4.com", "ABC News 4", "USA"),  # WCIV Charleston
    ("katv.com", "KATV", "USA"),  # Little Rock
    # ---------------------------------------------------------------- US local TV: other owners, regional news channels
    ("wral.com", "WRAL", "USA"),  # Raleigh
    ("ksl.com", "KSL.com", "USA"),  # Salt Lake City
    ("news9.com", "News 9", "USA"),  # KWTV Oklahoma City
    ("newson6.com", "News On 6", "USA"),  # KOTV Tulsa
    ("kstp.com", "KSTP", "USA"),  # Minneapolis-St. Paul
    ("wishtv.com", "WISH-TV", "USA"),  # Indianapolis
    ("winknews.com", "WINK News", "USA"),  # Fort Myers
    ("wsvn.com", "WSVN", "USA"),  # Miami
    ("wdrb.com", "WDRB", "USA"),  # Louisville
    ("cbs58.com", "CBS 58", "USA"),  # WDJT Milwaukee
    ("kob.com", "KOB 4", "USA"),  # Albuquerque
    ("news12.com", "News 12", "USA"),  # New York suburbs
    ("ny1.com", "Spectrum News NY1", "USA"),
    ("baynews9.com", "Spectrum Bay News 9", "USA"),
    ("mynews13.com", "Spectrum News 13", "USA"),
    ("spectrumnews1.com", "Spectrum News 1", "USA"),
    # ---------------------------------------------------------------- US newspapers: Advance Local and other metro sites
    ("nj.com", "NJ.com", "USA"),
    ("pennlive.com", "PennLive", "USA"),
    ("cleveland.com", "cleveland.com", "USA"),
    ("mlive.com", "MLive", "USA"),
    ("al.com", "AL.com", "USA"),
    ("syracuse.com", "syracuse.com", "USA"),
    ("masslive.com", "MassLive", "USA"),
    ("silive.com", "SILive.com", "USA"),  # Staten Island Advance
    ("nola.com", "NOLA.com", "USA"),  # The Times-Picayune | The New Orleans Advocate
    ("theadvocate.com", "The Advocate", "USA"),  # Baton Rouge
    ("boston.com", "Boston.com", "USA"),
    ("bostonherald.com", "Boston Herald", "USA"),
    ("courant.com", "Hartford Courant", "USA"),
    ("suntimes.com", "Chicago Sun-Times", "USA"),
    ("dailyherald.com", "Daily Herald", "USA"),  # Arlington Heights, Ill.
    ("amny.com", "amNY", "USA"),
    ("sfgate.com", "SFGATE", "USA"),
    ("sfexaminer.com", "San Francisco Examiner", "USA"),
    ("chron.com", "Chron", "USA"),  # Houston Chronicle's free site
    ("mysanantonio.com", "MySA", "USA"),
    ("timesunion.com", "Times Union", "USA"),  # Albany
    ("ctpost.com", "Connecticut Post", "USA"),
    ("nhregister.com", "New Haven Register", "USA"),
    ("stamfordadvocate.com", "Stamford Advocate", "USA"),
    ("pilotonline.com", "The Virginian-Pilot", "USA"),
    ("dailypress.com", "Daily Press", "USA"),  # Newport News
    ("mcall.com", "The Morning Call", "USA"),
    ("capitalgazette.com", "Capital Gazette", "USA"),
    ("triblive.com", "TribLIVE", "USA"),  # Pittsburgh Tribune-Review
    ("postandcourier.com", "The Post and Courier", "USA"),
    ("timesfreepress.com", "Chattanooga Times Free Press", "USA"),
    ("wvgazettemail.com", "Charleston Gazette-Mail", "USA"),
    ("toledoblade.com", "The Blade", "USA"),
    ("daytondailynews.com", "Dayton Daily News", "USA"),
    ("journalgazette.net", "The Journal Gazette", "USA"),  # Fort Wayne
    ("ljworld.com", "Lawrence Journal-World", "USA"),
    ("gazette.com", "The Gazette", "USA"),  # Colorado Springs
    ("thegazette.com", "The Gazette", "USA"),  # Cedar Rapids
    ("coloradosun.com", "The Colorado Sun", "USA"),
    ("abqjournal.com", "Albuquerque Journal", "USA"),
    ("santafenewmexican.com", "Santa Fe New Mexican", "USA"),
    ("lasvegassun.com", "Las Vegas Sun", "USA"),
    ("spokesman.com", "The Spokesman-Review", "USA"),
    ("heraldnet.com", "The Daily Herald", "USA"),  # Everett, Wash.
    ("columbian.com", "The Columbian", "USA"),
    ("pressdemocrat.com", "The Press Democrat", "USA"),
    ("bakersfield.com", "The Bakersfield Californian", "USA"),
    ("pressherald.com", "Portland Press Herald", "USA"),
    ("bangordailynews.com", "Bangor Daily News", "USA"),
    ("unionleader.com", "New Hampshire Union Leader", "USA"),
    ("concordmonitor.com", "Concord Monitor", "USA"),
    ("berkshireeagle.com", "The Berkshire Eagle", "USA"),
    ("fredericknewspost.com", "The Frederick News-Post", "USA"),
    ("readingeagle.com", "Reading Eagle", "USA"),
    ("lancasteronline.com", "LancasterOnline", "USA"),
    ("pressofatlanticcity.com", "The Press of Atlantic City", "USA"),
    ("civilbeat.org", "Honolulu Civil Beat", "USA"),
    ("vtdigger.org", "VTDigger", "USA"),
    ("minnpost.com", "MinnPost", "USA"),
    # ---------------------------------------------------------------- US newspapers: MediaNews Group (Digital First Media)
    ("twincities.com", "Pioneer Press", "USA"),  # St. Paul
    ("eastbaytimes.com", "East Bay Times", "USA"),
    ("dailynews.com", "Los Angeles Daily News", "USA"),
    ("pe.com", "The Press-Enterprise", "USA"),  # Riverside
    ("sbsun.com", "San Bernardino Sun", "USA"),
    ("dailybreeze.com", "Daily Breeze", "USA"),
    ("presstelegram.com", "Press-Telegram", "USA"),  # Long Beach
    ("pasadenastarnews.com", "Pasadena Star-News", "USA"),
    ("sgvtribune.com", "San Gabriel Valley Tribune", "USA"),
    ("dailybulletin.com", "Inland Valley Daily Bulletin", "USA"),
    ("marinij.com", "Marin Independent Journal", "USA"),
    ("santacruzsentinel.com", "Santa Cruz Sentinel", "USA"),
    ("montereyherald.com", "Monterey Herald", "USA"),
    ("dailycamera.com", "Boulder Daily Camera", "USA"),
    ("lowellsun.com", "Lowell Sun", "USA"),
    ("delcotimes.com", "Delaware County Daily Times", "USA"),
    # ---------------------------------------------------------------- US newspapers: McClatchy
    ("kentucky.com", "Lexington Herald-Leader", "USA"),
    ("heraldsun.com", "The Herald-Sun", "USA"),  # Durham
    ("thestate.com", "The State", "USA"),  # Columbia, S.C.
    ("islandpacket.com", "The Island Packet", "USA"),
    ("myrtlebeachonline.com", "The Sun News", "USA"),
    ("fresnobee.com", "The Fresno Bee", "USA"),
    ("modbee.com", "The Modesto Bee", "USA"),
    ("sanluisobispo.com", "The Tribune", "USA"),  # San Luis Obispo
    ("thenewstribune.com", "The News Tribune", "USA"),  # Tacoma
    ("theolympian.com", "The Olympian", "USA"),
    ("bellinghamherald.com", "The Bellingham Herald", "USA"),
    ("idahostatesman.com", "Idaho Statesman", "USA"),
    ("kansas.com", "The Wichita Eagle", "USA"),
    ("bnd.com", "Belleville News-Democrat", "USA"),
    ("ledger-enquirer.com", "Ledger-Enquirer", "USA"),
    ("macon.com", "The Telegraph", "USA"),  # Macon
    ("sunherald.com", "Sun Herald", "USA"),  # Biloxi
    ("bradenton.com", "Bradenton Herald", "USA"),
    ("elnuevoherald.com", "el Nuevo Herald", "USA"),
    ("mcclatchydc.com", "McClatchy DC", "USA"),
    # ---------------------------------------------------------------- US newspapers: Lee Enterprises
    ("tulsaworld.com", "Tulsa World", "USA"),
    ("journalnow.com", "Winston-Salem Journal", "USA"),
    ("greensboro.com", "Greensboro News & Record", "USA"),
    ("roanoke.com", "The Roanoke Times", "USA"),
    ("dailyprogress.com", "The Daily Progress", "USA"),  # Charlottesville
    ("pantagraph.com", "The Pantagraph", "USA"),
    ("qctimes.com", "Quad-City Times", "USA"),
    ("siouxcityjournal.com", "Sioux City Journal", "USA"),
    ("madison.com", "Wisconsin State Journal", "USA"),
    ("lacrossetribune.com", "La Crosse Tribune", "USA"),
    ("journalstar.com", "Lincoln Journal Star", "USA"),
    ("bismarcktribune.com", "Bismarck Tribune", "USA"),
    ("billingsgazette.com", "Billings Gazette", "USA"),
    ("helenair.com", "Helena Independent Record", "USA"),
    ("missoulian.com", "Missoulian", "USA"),
    ("trib.com", "Casper Star-Tribune", "USA"),
    ("tucson.com", "Arizona Daily Star", "USA"),
    ("napavalleyregister.com", "Napa Valley Register", "USA"),
    # ---------------------------------------------------------------- US newspapers: Gannett
    ("democratandchronicle.com", "Democrat & Chronicle", "USA"),  # Rochester
    ("northjersey.com", "NorthJersey.com", "USA"),  # The Record
    ("app.com", "Asbury Park Press", "USA"),
    ("recordonline.com", "Times Herald-Record", "USA"),
    ("providencejournal.com", "The Providence Journal", "USA"),
    ("telegram.com", "Telegram & Gazette", "USA"),  # Worcester
    ("capecodtimes.com", "Cape Cod Times", "USA"),
    ("burlingtonfreepress.com", "Burlington Free Press", "USA"),
    ("ydr.com", "York Daily Record", "USA"),
    ("beaconjournal.com", "Akron Beacon Journal", "USA"),
    ("cantonrep.com", "The Canton Repository", "USA"),
    ("desmoinesregister.com", "The Des Moines Register", "USA"),
    ("argusleader.com", "Argus Leader", "USA"),
    ("sj-r.com", "The State Journal-Register", "USA"),  # Springfield, Ill.
    ("greenbaypressgazette.com", "Green Bay Press-Gazette", "USA"),
    ("lansingstatejournal.com", "Lansing State Journal", "USA"),
    ("southbendtribune.com", "South Bend Tribune", "USA"),
    ("courierpress.com", "Evansville Courier & Press", "USA"),
    ("news-leader.com", "Springfield News-Leader", "USA"),
    ("cjonline.com", "The Topeka Capital-Journal", "USA"),
    ("oklahoman.com", "The Oklahoman", "USA"),
    ("commercialappeal.com", "The Commercial Appeal", "USA"),  # Memphis
    ("knoxnews.com", "Knoxville News Sentinel", "USA"),
    ("clarionledger.com", "Clarion Ledger", "USA"),  # Jackson, Miss.
    ("montgomeryadvertiser.com", "Montgomery Advertiser", "USA"),
    ("greenvilleonline.com", "The Greenville News", "USA"),
    ("citizen-times.com", "Asheville Citizen Times", "USA"),
    ("fayobserver.com", "The Fayetteville Observer", "USA"),
    ("savannahnow.com", "Savannah Morning News", "USA"),
    ("augustachronicle.com", "The Augusta Chronicle", "USA"),
    ("palmbeachpost.com", "The Palm Beach Post", "USA"),
    ("jacksonville.com", "The Florida Times-Union", "USA"),
    ("heraldtribune.com", "Sarasota Herald-Tribune", "USA"),
    ("theledger.com", "The Ledger", "USA"),  # Lakeland
    ("gainesville.com", "The Gainesville Sun", "USA"),
    ("news-journalonline.com", "The Daytona Beach News-Journal", "USA"),
    ("tcpalm.com", "TCPalm", "USA"),
    ("news-press.com", "The News-Press", "USA"),  # Fort Myers
    ("naplesnews.com", "Naples Daily News", "USA"),
    ("tallahassee.com", "Tallahassee Democrat", "USA"),
    ("floridatoday.com", "Florida Today", "USA"),
    ("pnj.com", "Pensacola News Journal", "USA"),
    ("caller.com", "Corpus Christi Caller-Times", "USA"),
    ("lubbockonline.com", "Lubbock Avalanche-Journal", "USA"),
    ("elpasotimes.com", "El Paso Times", "USA"),
    ("rgj.com", "Reno Gazette Journal", "USA"),
    ("desertsun.com", "The Desert Sun", "USA"),  # Palm Springs
    ("vcstar.com", "Ventura County Star", "USA"),
    ("recordnet.com", "The Record", "USA"),  # Stockton
    ("statesmanjournal.com", "Statesman Journal", "USA"),  # Salem, Ore.
    ("registerguard.com", "The Register-Guard", "USA"),  # Eugene
    ("coloradoan.com", "Fort Collins Coloradoan", "USA"),
    # ---------------------------------------------------------------- US public radio
    ("wbur.org", "WBUR", "USA"),  # Boston
    ("wgbh.org", "GBH", "USA"),  # Boston
    ("kqed.org", "KQED", "USA"),  # San Francisco
    ("wnyc.org", "WNYC", "USA"),  # New York
    ("gothamist.com", "Gothamist", "USA"),  # WNYC's local news site
    ("opb.org", "OPB", "USA"),  # Oregon Public Broadcasting
    ("wamu.org", "WAMU", "USA"),  # Washington, D.C.
    ("whyy.org", "WHYY", "USA"),  # Philadelphia
    ("kuow.org", "KUOW", "USA"),  # Seattle
    ("kpbs.org", "KPBS", "USA"),  # San Diego
    ("laist.com", "LAist", "USA"),  # Southern California Public Radio
    ("kcrw.com", "KCRW", "USA"),  # Santa Monica
    ("capradio.org", "CapRadio", "USA"),  # Sacramento
    ("wbez.org", "WBEZ", "USA"),  # Chicago
    ("mprnews.org", "MPR News", "USA"),  # Minnesota Public Radio
    ("michiganpublic.org", "Michigan Public", "USA"),
    ("wunc.org", "WUNC", "USA"),  # North Carolina
    ("wfae.org", "WFAE", "USA"),  # Charlotte
    ("wabe.org", "WABE", "USA"),  # Atlanta
    ("wlrn.org", "WLRN", "USA"),  # Miami
    ("wusf.org", "WUSF", "USA"),  # Tampa
    ("keranews.org", "KERA News", "USA"),  # Dallas
    ("houstonpublicmedia.org", "Houston Public Media", "USA"),
    ("tpr.org", "Texas Public Radio", "USA"),  # San Antonio
    ("kut.org", "KUT", "USA"),  # Austin
    ("cpr.org", "Colorado Public Radio", "USA"),
    ("kjzz.org", "KJZZ", "USA"),  # Phoenix
    ("alaskapublic.org", "Alaska Public Media", "USA"),
    ("hawaiipublicradio.org", "Hawaiʻi Public Radio", "USA"),
    ("nhpr.org", "NHPR", "USA"),  # New Hampshire Public Radio
    ("vermontpublic.org", "Vermont Public", "USA"),
    ("mainepublic.org", "Maine Public", "USA"),
    ("ctpublic.org", "Connecticut Public", "USA"),
    ("wesa.fm", "WESA", "USA"),  # Pittsburgh
    ("wypr.org", "WYPR", "USA"),  # Baltimore
    ("ideastream.org", "Ideastream Public Media", "USA"),  # Cleveland
    ("wosu.org", "WOSU", "USA"),  # Columbus
    ("wfyi.org", "WFYI", "USA"),  # Indianapolis
    ("wpr.org", "WPR", "USA"),  # Wisconsin Public Radio
    ("iowapublicradio.org", "Iowa Public Radio", "USA"),
    ("kcur.org", "KCUR", "USA"),  # Kansas City
    ("stlpublicradio.org", "St. Louis Public Radio", "USA"),
    ("wpln.org", "WPLN", "USA"),  # Nashville
    ("wwno.org", "WWNO", "USA"),  # New Orleans
    ("theworld.org", "The World", "USA"),  # PRX/GBH international news programme
    # ---------------------------------------------------------------- US commercial radio news
    ("wtop.com", "WTOP News", "USA"),  # Washington, D.C.
    ("ktar.com", "KTAR News", "USA"),  # Phoenix
    ("mynorthwest.com", "MyNorthwest", "USA"),  # KIRO Newsradio, Seattle
    ("kslnewsradio.com", "KSL NewsRadio", "USA"),  # Salt Lake City
    ("wgnradio.com", "WGN Radio", "USA"),  # Chicago
    ("wsbradio.com", "WSB Radio", "USA"),  # Atlanta
    # ---------------------------------------------------------------- Canada: regional and local
    ("edmontonjournal.com", "Edmonton Journal", "CAN"),
    ("edmontonsun.com", "Edmonton Sun", "CAN"),
    ("calgarysun.com", "Calgary Sun", "CAN"),
    ("leaderpost.com", "Regina Leader-Post", "CAN"),
    ("thestarphoenix.com", "Saskatoon StarPhoenix", "CAN"),
    ("winnipegsun.com", "Winnipeg Sun", "CAN"),
    ("ottawasun.com", "Ottawa Sun", "CAN"),
    ("windsorstar.com", "Windsor Star", "CAN"),
    ("lfpress.com", "The London Free Press", "CAN"),
    ("theprovince.com", "The Province", "CAN"),  # Vancouver
    ("financialpost.com", "Financial Post", "CAN"),
    ("thewhig.com", "The Kingston Whig-Standard", "CAN"),
    ("thespec.com", "The Hamilton Spectator", "CAN"),
    ("therecord.com", "Waterloo Region Record", "CAN"),
    ("thechronicleherald.ca", "The Chronicle Herald", "CAN"),  # Halifax
    ("saltwire.com", "SaltWire", "CAN"),
    ("capebretonpost.com", "Cape Breton Post", "CAN"),
    ("theguardian.pe.ca", "The Guardian", "CAN"),  # Charlottetown
    ("thetelegram.com", "The Telegram", "CAN"),  # St. John's
    ("timescolonist.com", "Times Colonist", "CAN"),  # Victoria
    ("castanet.net", "Castanet", "CAN"),  # Kelowna
    ("lethbridgeherald.com", "Lethbridge Herald", "CAN"),
    ("medicinehatnews.com", "Medicine Hat News", "CAN"),
    ("reddeeradvocate.com", "Red Deer Advocate", "CAN"),
    ("brandonsun.com", "Brandon Sun", "CAN"),
    ("nunatsiaq.com", "Nunatsiaq News", "CAN"),
    ("dailyhive.com", "Daily Hive", "CAN"),
    ("thetyee.ca", "The Tyee", "CAN"),
    ("ipolitics.ca", "iPolitics", "CAN"),
    ("cp24.com", "CP24", "CAN"),
    ("citynews.ca", "CityNews", "CAN"),
    ("chch.com", "CHCH News", "CAN"),  # Hamilton
    ("bnnbloomberg.ca", "BNN Bloomberg", "CAN"),
    ("tvanouvelles.ca", "TVA Nouvelles", "CAN"),
    ("noovo.info", "Noovo Info", "CAN"),
    ("journaldequebec.com", "Le Journal de Québec", "CAN"),
    ("lesoleil.com", "Le Soleil", "CAN"),  # Québec City
    ("ledroit.com", "Le Droit", "CAN"),  # Ottawa-Gatineau
    ("lenouvelliste.ca", "Le Nouvelliste", "CAN"),  # Trois-Rivières
    ("latribune.ca", "La Tribune", "CAN"),  # Sherbrooke
    ("lavoixdelest.ca", "La Voix de l'Est", "CAN"),  # Granby
    # ---------------------------------------------------------------- United Kingdom: regional and local
    ("standard.co.uk", "The Standard", "GBR"),  # London; the Evening Standard until its 2024 relaunch
    ("metro.co.uk", "Metro", "GBR"),
    ("liverpoolecho.co.uk", "Liverpool Echo", "GBR"),
    ("birminghammail.co.uk", "Birmingham Live", "GBR"),
    ("chroniclelive.co.uk", "Chronicle Live", "GBR"),  # Newcastle
    ("bristolpost.co.uk", "Bristol Live", "GBR"),
    ("hulldailymail.co.uk", "Hull Live", "GBR"),
    ("devonlive.com", "Devon Live", "GBR"),
    ("cornwalllive.com", "Cornwall Live", "GBR"),
    ("kentlive.news", "Kent Live", "GBR"),
    ("essexlive.news", "Essex Live", "GBR"),
    ("mylondon.news", "MyLondon", "GBR"),
    ("dailypost.co.uk", "North Wales Live", "GBR"),
    ("dailyrecord.co.uk", "Daily Record", "GBR"),  # Glasgow
    ("glasgowlive.co.uk", "Glasgow Live", "GBR"),
    ("belfastlive.co.uk", "Belfast Live", "GBR"),
    ("thenorthernecho.co.uk", "The Northern Echo", "GBR"),  # Darlington
    ("theargus.co.uk", "The Argus", "GBR"),  # Brighton
    ("oxfordmail.co.uk", "Oxford Mail", "GBR"),
    ("dailyecho.co.uk", "Daily Echo", "GBR"),  # Southampton
    ("swindonadvertiser.co.uk", "Swindon Advertiser", "GBR"),
    ("lancashiretelegraph.co.uk", "Lancashire Telegraph", "GBR"),  # Blackburn
    ("theboltonnews.co.uk", "The Bolton News", "GBR"),
    ("thetelegraphandargus.co.uk", "Telegraph & Argus", "GBR"),  # Bradford
    ("southwalesargus.co.uk", "South Wales Argus", "GBR"),  # Newport
    ("edp24.co.uk", "Eastern Daily Press", "GBR"),  # Norwich
    ("eadt.co.uk", "East Anglian Daily Times", "GBR"),  # Ipswich
    ("glasgowtimes.co.uk", "Glasgow Times", "GBR"),
    ("thenational.scot", "The National", "GBR"),  # Glasgow
    ("yorkshireeveningpost.co.uk", "Yorkshire Evening Post", "GBR"),  # Leeds
    ("thestar.co.uk", "The Star", "GBR"),  # Sheffield
    ("lep.co.uk", "Lancashire Post", "GBR"),  # Preston
    ("sunderlandecho.com", "Sunderland Echo", "GBR"),
    ("newsletter.co.uk", "News Letter", "GBR"),  # Belfast
    ("nationalworld.com", "NationalWorld", "GBR"),
    ("pressandjournal.co.uk", "The Press and Journal", "GBR"),  # Aberdeen
    ("thecourier.co.uk", "The Courier", "GBR"),  # Dundee
    ("expressandstar.com", "Express & Star", "GBR"),  # Wolverhampton
    ("shropshirestar.com", "Shropshire Star", "GBR"),
    ("stv.tv", "STV News", "GBR"),
    # ---------------------------------------------------------------- Australia: state and regional
    ("adelaidenow.com.au", "The Advertiser", "AUS"),  # Adelaide
    ("ntnews.com.au", "NT News", "AUS"),  # Darwin
    ("themercury.com.au", "The Mercury", "AUS"),  # Hobart
    ("goldcoastbulletin.com.au", "Gold Coast Bulletin", "AUS"),
    ("townsvillebulletin.com.au", "Townsville Bulletin", "AUS"),
    ("cairnspost.com.au", "The Cairns Post", "AUS"),
    ("geelongadvertiser.com.au", "Geelong Advertiser", "AUS"),
    ("perthnow.com.au", "PerthNow", "AUS"),
    ("watoday.com.au", "WAtoday", "AUS"),
    ("indaily.com.au", "InDaily", "AUS"),  # Adelaide
    ("thenewdaily.com.au", "The New Daily", "AUS"),
    ("examiner.com.au", "The Examiner", "AUS"),  # Launceston
    ("newcastleherald.com.au", "Newcastle Herald", "AUS"),
    ("illawarramercury.com.au", "Illawarra Mercury", "AUS"),
    ("bendigoadvertiser.com.au", "Bendigo Advertiser", "AUS"),
    ("thecourier.com.au", "The Courier", "AUS"),  # Ballarat
    ("bordermail.com.au", "The Border Mail", "AUS"),  # Albury-Wodonga
    ("dailyadvertiser.com.au", "The Daily Advertiser", "AUS"),  # Wagga Wagga
    ("2gb.com", "2GB", "AUS"),  # Sydney radio
    ("3aw.com.au", "3AW", "AUS"),  # Melbourne radio
    # ---------------------------------------------------------------- India: regional and language dailies
    ("deccanchronicle.com", "Deccan Chronicle", "IND"),
    ("thehansindia.com", "The Hans India", "IND"),
    ("telanganatoday.com", "Telangana Today", "IND"),
    ("siasat.com", "The Siasat Daily", "IND"),
    ("dtnext.in", "DT Next", "IND"),
    ("thenewsminute.com", "The News Minute", "IND"),
    ("onmanorama.com", "Onmanorama", "IND"),
    ("manoramaonline.com", "Manorama Online", "IND"),
    ("mathrubhumi.com", "Mathrubhumi", "IND"),
    ("theweek.in", "The Week", "IND"),
    ("freepressjournal.in", "The Free Press Journal", "IND"),
    ("mid-day.com", "Mid-day", "IND"),
    ("dnaindia.com", "DNA India", "IND"),
    ("lokmat.com", "Lokmat", "IND"),
    ("lokmattimes.com", "Lokmat Times", "IND"),
    ("loksatta.com", "Loksatta", "IND"),
    ("dailypioneer.com", "The Pioneer", "IND"),
    ("millenniumpost.in", "Millennium Post", "IND"),
    ("nationalheraldindia.com", "National Herald", "IND"),
    ("greaterkashmir.com", "Greater Kashmir", "IND"),
    ("dailyexcelsior.com", "Daily Excelsior", "IND"),
    ("assamtribune.com", "The Assam Tribune", "IND"),
    ("sentinelassam.com", "The Sentinel", "IND"),
    ("eastmojo.com", "EastMojo", "IND"),
    ("nenow.in", "Northeast Now", "IND"),
    ("theshillongtimes.com", "The Shillong Times", "IND"),
    ("orissapost.com", "Orissa POST", "IND"),
    ("odishatv.in", "OdishaTV", "IND"),
    ("bhaskar.com", "Dainik Bhaskar", "IND"),
    ("divyabhaskar.co.in", "Divya Bhaskar", "IND"),
    ("jagran.com", "Dainik Jagran", "IND"),
    ("amarujala.com", "Amar Ujala", "IND"),
    ("livehindustan.com", "Live Hindustan", "IND"),
    ("prabhatkhabar.com", "Prabhat Khabar", "IND"),
    ("patrika.com", "Patrika", "IND"),
    ("aajtak.in", "Aaj Tak", "IND"),
    ("abplive.com", "ABP Live", "IND"),
    ("anandabazar.com", "Anandabazar Patrika", "IND"),
    ("esakal.com", "Sakal", "IND"),
    ("sandesh.com", "Sandesh", "IND"),
    ("gujaratsamachar.com", "Gujarat Samachar", "IND"),
    ("eenadu.net", "Eenadu", "IND"),
    ("sakshi.com", "Sakshi", "IND"),
    ("dinamalar.com", "Dinamalar", "IND"),
    ("dailythanthi.com", "Daily Thanthi", "IND"),
]



def corrected(rows: list[tuple[str, str, str]],
              corrections: dict[str, tuple[str, str] | None]) -> list[tuple[str, str, str]]:
    """``rows`` with ``corrections`` applied: a new (name, country) for a domain, or None to drop it."""
    unknown = sorted(set(corrections) - {domain for domain, _, _ in rows})
    if unknown:
        raise ValueError(f"corrections name domains that are not in the table: {', '.join(unknown)}")
    out = []
    for domain, name, country in rows:
        if domain in corrections:
            fix = corrections[domain]
            if fix is None:
                continue
            name, country = fix
        out.append((domain, name, country))
    return out


OUTLETS: list[tuple[str, str, str]] = corrected(OUTLETS_V1, CORRECTIONS) + ADDITIONS

DOMAIN_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")


def validate(rows: list[tuple[str, str, str]]) -> list[str]:
    """Return a list of problems with the table (empty when it is sound)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for i, row in enumerate(rows):
        where = f"entry {i + 1} {row!r}"
        if not (isinstance(row, tuple) and len(row) == 3 and all(isinstance(x, str) for x in row)):
            problems.append(f"{where}: expected a tuple of three strings (domain, name, country)")
            continue
        domain, name, country = row
        if domain in seen:
            problems.append(f"{where}: duplicate domain {domain!r} (first at entry {seen[domain] + 1})")
        else:
            seen[domain] = i
        if "://" in domain or "/" in domain:
            problems.append(f"{where}: domain {domain!r} must not have a scheme or path")
        elif domain != domain.lower():
            problems.append(f"{where}: domain {domain!r} must be lower-case")
        elif domain.startswith("www."):
            problems.append(f"{where}: domain {domain!r} must not start with 'www.'")
        elif not DOMAIN_RE.match(domain):
            problems.append(f"{where}: domain {domain!r} is not a host name with at least one dot")
        if not name.strip():
            problems.append(f"{where}: name is empty")
        elif name != name.strip() or "  " in name:
            problems.append(f"{where}: name {name!r} has stray spaces")
        if not COUNTRY_RE.match(country):
            problems.append(f"{where}: country {country!r} must be a 3-letter upper-case code or 'INT'")
    return problems


def lines(rows: list[tuple[str, str, str]]) -> list[str]:
    """The JSON Lines text of the dictionary, header first, outlets sorted by domain."""
    header = {"label": "DICTIONARY", "name": NAME, "description": DESCRIPTION, "sources": SOURCES}
    out = [json.dumps(header, ensure_ascii=False)]
    for domain, name, country in sorted(rows):
        out.append(json.dumps(
            {"label": "OUTLET", "domain": domain, "name": name, "country": country},
            ensure_ascii=False,
        ))
    return out


def main(argv: list[str]) -> int:
    if len(argv) > 1 or (argv and argv[0] in ("-h", "--help")):
        print(f"usage: python scripts/build_outlets.py [OUTPUT_PATH]\n(default: {DEFAULT_OUT})",
              file=sys.stderr)
        return 0 if argv and argv[0] in ("-h", "--help") else 2
    problems = validate(OUTLETS)
    if problems:
        print(f"build_outlets: the outlet table has {len(problems)} problem(s); nothing written:",
              file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    path = Path(argv[0]) if argv else DEFAULT_OUT
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "\n".join(lines(OUTLETS)) + "\n"
    path.write_text(text, encoding="utf-8")
    resolved = path.resolve()
    shown = resolved.relative_to(ROOT) if resolved.is_relative_to(ROOT) else path
    print(f"{shown}: {len(OUTLETS)} outlets")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
