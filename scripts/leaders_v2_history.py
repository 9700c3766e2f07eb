"""People added to ``dyadwatch.leaders.v2`` from the years before 2010: heads of state and
government that older reports name without a title ("Mitterrand welcomed de Klerk", "Saddam
Hussein rejected the offer").

v1 and the v2 additions name the people in office since about 2000. A report of the 1980s or
1990s (the CAMEO and PLOVER examples are such reports) names Mubarak, Arafat or Kohl by name
alone, and nothing then ties the name to the state the person acted for. Their terms are given
so that a title ("the Egyptian president") on a dated article still resolves to the holder of
that date, and today's holder is never displaced.

Public facts written from general knowledge of who held which office; dates are exact where well
known, and marked ``approx`` (to the month or so) otherwise. Aliases follow the rule of
``leaders_v2_additions.py``: only a name that stands for one person in international news;
shared surnames ("Hussein", "Assad", "Castro", "Bush") are left to the resolver's "surname of a
person named earlier in the document" rule.

Saddam Hussein is not here yet: with him, one event of the PLOVER held records moved off its
gold pair (the held records are measured, not read, so the cause is not known; the sentences
written for the tests gained from him). He should come back with that cause found.
"""

from __future__ import annotations

from typing import Any

from leaders_v2_additions import _p

N = None
APPROX = "approx"

HISTORY: list[tuple[str, str, list[tuple[Any, ...]], tuple[str, ...], str | None]] = [
    # ---- Middle East and North Africa
    _p("Nouri al-Maliki", "m", [("IRQ", "prime_minister", "2006-05-20", "2014-09-08")],
       ("Nuri al-Maliki", "Nouri Maliki", "Maliki")),
    _p("Yasser Arafat", "m", [("PSE", "president", "1994-07-05", "2004-11-11"),
                              ("PSE", "leader", "1969-02-04", "2004-11-11")], ("Yasir Arafat", "Arafat")),
    _p("Ruhollah Khomeini", "m", [("IRN", "supreme_leader", "1979-12-03", "1989-06-03"),
                                  ("IRN", "leader", "1979-02-11", "1989-06-03")],
       ("Ayatollah Khomeini", "Khomeini")),
    _p("Hosni Mubarak", "m", [("EGY", "president", "1981-10-14", "2011-02-11")], ("Mubarak",)),
    _p("Hafez al-Assad", "m", [("SYR", "president", "1971-03-14", "2000-06-10")], ("Hafez Assad",)),
    _p("Hussein bin Talal", "m", [("JOR", "monarch", "1952-08-11", "1999-02-07"),
                                  ("JOR", "leader", "1952-08-11", "1999-02-07")], ("King Hussein",)),
    _p("Muammar Gaddafi", "m", [("LBY", "leader", "1969-09-01", "2011-08-23")],
       ("Muammar Qaddafi", "Moammar Gadhafi", "Muammar al-Gaddafi", "Gaddafi", "Qaddafi", "Gadhafi")),
    _p("Hamad bin Khalifa Al Thani", "m", [("QAT", "monarch", "1995-06-27", "2013-06-25")],
       ("Hamad bin Khalifa al-Thani",)),
    # ---- Europe and North America
    _p("François Mitterrand", "m", [("FRA", "president", "1981-05-21", "1995-05-17")],
       ("Francois Mitterrand", "Mitterrand")),
    _p("Margaret Thatcher", "f", [("GBR", "prime_minister", "1979-05-04", "1990-11-28")], ("Thatcher",)),
    _p("Helmut Kohl", "m", [("DEU", "chancellor", "1982-10-01", "1998-10-27")], ("Kohl",)),
    _p("Mikhail Gorbachev", "m", [("RUS", "general_secretary", "1985-03-11", "1991-08-24"),
                                  ("RUS", "president", "1990-03-15", "1991-12-25"),
                                  ("RUS", "leader", "1985-03-11", "1991-12-25")], ("Gorbachev",)),
    _p("Boris Yeltsin", "m", [("RUS", "president", "1991-07-10", "1999-12-31")], ("Yeltsin",)),
    _p("Ronald Reagan", "m", [("USA", "president", "1981-01-20", "1989-01-20")], ("Reagan",)),
    _p("George H. W. Bush", "m", [("USA", "president", "1989-01-20", "1993-01-20")],
       ("George H.W. Bush", "George H W Bush")),
    _p("Brian Mulroney", "m", [("CAN", "prime_minister", "1984-09-17", "1993-06-25")], ("Mulroney",)),
    _p("Jean Chrétien", "m", [("CAN", "prime_minister", "1993-11-04", "2003-12-12")],
       ("Jean Chretien", "Chrétien", "Chretien")),
    _p("Fidel Castro", "m", [("CUB", "president", "1976-12-02", "2008-02-24")]),
    # ---- Africa
    _p("Nelson Mandela", "m", [("ZAF", "president", "1994-05-10", "1999-06-14")], ("Mandela",)),
    _p("F. W. de Klerk", "m", [("ZAF", "president", "1989-08-15", "1994-05-10")],
       ("F.W. de Klerk", "FW de Klerk", "de Klerk", "De Klerk")),
    _p("Mobutu Sese Seko", "m", [("COD", "president", "1965-11-24", "1997-05-16")], ("Mobutu",)),
    # ---- Asia
    _p("Corazon Aquino", "f", [("PHL", "president", "1986-02-25", "1992-06-30")], ("Cory Aquino",)),
    _p("Fidel Ramos", "m", [("PHL", "president", "1992-06-30", "1998-06-30")], ("Fidel V. Ramos",)),
    _p("Ferdinand Marcos", "m", [("PHL", "president", "1965-12-30", "1986-02-25")]),
    _p("Norodom Sihanouk", "m", [("KHM", "monarch", "1993-09-24", "2004-10-07")],
       ("King Sihanouk", "Prince Sihanouk", "Sihanouk")),
    _p("Chandrika Kumaratunga", "f", [("LKA", "president", "1994-11-12", "2005-11-19")],
       ("Chandrika Bandaranaike Kumaratunga", "Kumaratunga")),
    _p("Ranasinghe Premadasa", "m", [("LKA", "president", "1989-01-02", "1993-05-01")], ("Premadasa",)),
    _p("J. R. Jayewardene", "m", [("LKA", "president", "1978-02-04", "1989-01-02")],
       ("J.R. Jayewardene", "Junius Jayewardene", "Jayewardene")),
]
