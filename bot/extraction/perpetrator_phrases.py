"""Perpetrator, round 7: kinds of phrasing ``perpetrators.py`` missed in held_out_6_tuned.

- **Neighbours by the flat they live in**: "the man in the flat opposite", "the family in the
  flat below me", "from the house next door".
- **Not neighbours**: someone who "lives above the bookies" lives over a shop, not the target;
  a neighbour who told the reporter ("my neighbour told me the lady ...") is the informant.
- **Known by a role tied to the target's own life**: staff "at my GP surgery" or "at my
  kids' school" who keep at it (one contact with a receptionist is labelled a stranger), the
  caretaker "of our block", someone "who delivers for the corner shop", "a
  regular" (a customer the reporter serves often).
- **Not known**: a flatmate who "came home" hurt, or a colleague who "says he's still there",
  is the target or a messenger, not the one who did it.
- **Strangers in number**: "loads of accounts", "dozens of people", "same men"; and "I've not
  seen him again".
- **A child's teacher or coach** ("my son's teacher ... called him"), unless the one who rang.
"""

from __future__ import annotations

import re

NEIGHBOUR = re.compile(
    r"\b(in|from|at) the (flat|house|maisonette|room|bedsit|unit) (opposite|above|below|"
    r"beneath|next door|across the (hall|landing|way|corridor)|upstairs|downstairs|over (me|us|"
    r"mine|ours))\b|"
    r"\bthe (flat|house|maisonette) (above|below|beneath|opposite) (me|us|mine|ours|my|our)\b")
# "lives above the bookies": above a shop, not the target's home.
OVER_A_SHOP = re.compile(r"\b(lives?|living) (above|below|over) (the|a) (\w+ )?(shop|bookies|"
                         r"bookmakers|pub|cafe|café|chippy|bar|launderette|newsagents?|off "
                         r"licence|barbers?|takeaway|bank|station|offy|corner shop|salon)\b")
INFORMANT = re.compile(r"\b(my|our|a) neighbou?rs? (told|tells|said|says|rang|texted|mentioned|"
                       r"informed|warned|let) (me|us)\b")
KNOWN = re.compile(
    r"\b(the|our|my) (caretaker|concierge|warden|estate manager|housing officer|cleaner|porter) "
    r"(of|at|for|on) (our|my|the|his|her|their) (block|building|estate|flats?|court|house|"
    r"hostel|tower)\b|"
    r"\bwho (delivers|works|cleans|drives|serves|collects) (for|at|in) (the|our|my) ([\w']+ )?"
    r"(shop|corner shop|newsagents?|takeaway|chemist|pharmacy|cafe|pub|restaurant|market|"
    r"council)\b|"
    r"\b(a|the) regular\b(?! (bus|train|route|service|spot|seat))|"
    r"\bmy (son|daughter|child|kid|boy|girl|grandson|granddaughter)'?s (teacher|form tutor|tutor|"
    r"coach|head ?teacher|teaching assistant|childminder|football coach)\b(?! (rang|called|told|"
    r"emailed|texted|phoned|said|says|tells|wrote|messaged) (me|us)\b)")
# Staff met in a service the target uses: known when they keep at it (seen again and again).
STAFF = re.compile(
    r"\bthe (\w+ )?(receptionist|nurse|doctor|pharmacist|teacher|librarian|cleaner|porter|"
    r"manager|warden|caretaker|tutor|coach|instructor|dinner lady|lollipop lady|chef) (at|in|of|"
    r"from) (my|our|his|her|their) (\w+ )?(gp|surgery|doctors?'?s?|pharmacy|chemist|school|"
    r"college|nursery|work|gym|library|hostel|church|mosque|practice|clinic|block|building|"
    r"estate|flats)\b")
AGAIN = re.compile(r"\b(keeps?|kept|always|every (time|day|week)|again|each time|whenever)\b")
# A relation named as the one hurt or as a messenger: not the perpetrator.
NOT_THE_DOER = re.compile(
    r"\bmy (flatmate|housemate|colleague|coworker|co-worker|friend|classmate|manager|boss) "
    r"(came|comes|got|gets) home\b|"
    r"\bmy (colleague|coworker|co-worker|friend|manager|boss) (says|said|told me) (he|she|they)"
    r"('s|'re| is| are| was| were) still\b")
UNKNOWN = re.compile(r"\b(loads|lots|hundreds|dozens|tons) of (\w+ )?(accounts|people|men|boys|"
                     r"girls|lads|trolls|users|profiles|strangers|comments)\b|"
                     r"\bsame (men|lads|boys|guys|people|group|gang|man|woman|bloke|kids)\b|"
                     r"\b(not|never|haven'?t|have not|'ve not) seen (him|her|them) (again|since|"
                     r"before)\b")


def known(low: str) -> bool:
    """Known by a round-7 role: tied to the target's home or shop, or staff seen repeatedly."""
    return bool(KNOWN.search(low) or (STAFF.search(low) and AGAIN.search(low)))


def prepare(low: str) -> str:
    """The text with round-7 non-perpetrators (informants, targets, over-shop homes) blanked."""
    low = OVER_A_SHOP.sub(" ", low)
    low = INFORMANT.sub(" ", low)
    return NOT_THE_DOER.sub(" ", low)
