"""What the extraction must reach, per group of parts: one home for the evaluation (which fails
below them) and for the calibration (which may not choose a way of combining that breaks them).
"""

from __future__ import annotations

# field -> (metric, minimum): the suite fails below these (tests/extraction/test_targets.py).
# Issue 11's targets (issue 8 for danger), enforced on the tuned parts taken together.
TARGETS: dict[str, tuple[str, float]] = {
    "strands": ("f1", 0.95),
    "incident_types": ("f1", 0.90),
    "reporter_role": ("accuracy", 0.95),
    "occurred_on": ("within_a_day", 0.95),
    "place": ("found", 0.95),
    "danger_now": ("recall", 1.0),
    "danger_now ": ("precision", 0.90),
}
# The whole set: since round 8 more than half of it is fresh (tuned on by the classifiers only)
# or held out, so it has floors, not the targets. Each change of the set re-sets them at what
# was measured there less 0.004, rounded down to 0.005: the same pinned packages on another
# CPU gave fresh role 0.919 for 0.922 (round 12), so a floor at the figure itself fails on a
# machine that is only different (docs/extraction.md, round 14: 3,336 accounts, held_out_13
# and tuning_14a-b joined the tuned parts and held_out_14 came in; place with round 9's scorer,
# `scoring.place_found`). Otherwise a floor is only ever raised.
WHOLE_SET_TARGETS: dict[str, tuple[str, float]] = {
    "strands": ("f1", 0.945), "incident_types": ("f1", 0.875),
    "reporter_role": ("accuracy", 0.925), "occurred_on": ("within_a_day", 0.945),
    "place": ("found", 0.825), "danger_now": ("recall", 0.965), "danger_now ": ("precision", 0.89)}
# The fresh parts (parts.FRESH: tuned on by the classifiers, never by the rules): floors at what
# round 14 measured there, less the same margin, re-set with the parts (2,690 accounts:
# held_out_13_tuned and tuning_14a-b joined), so a change that loses ground on text like the
# unseen is caught.
# Danger now's were moved once more in round 13, by a choice written down: the rules read off
# the danger set (danger_still.py) and an alarm allowed a point under the rules' precision found
# 4 more live dangers of 438 for 7 more false alarms in 2,390 accounts, so recall's floors rose
# (0.955 -> 0.965 here, 0.96 -> 0.965 on the whole set) and precision's fell by a point.
# Round 14: with held_out_13 among the fresh parts recall fell to 0.963 (the alarm at 0.5 finds 2
# more of 458 there, but takes the rules-fitted parts' precision under issue 8's 0.90: 10 false
# alarms in 546), and the round's danger rules (danger_going.py) brought it back to 0.965.
# Place's were raised in round 14 with the venue before a named place (fresh 0.758 -> 0.801),
# and the date's with the dates read off the facts sets (fresh 0.932 -> 0.941).
FRESH_FLOORS: dict[str, tuple[str, float]] = {
    "strands": ("f1", 0.935), "incident_types": ("f1", 0.865),
    "reporter_role": ("accuracy", 0.915), "occurred_on": ("within_a_day", 0.935),
    "place": ("found", 0.795), "danger_now": ("recall", 0.96), "danger_now ": ("precision", 0.89)}
GROUP_TARGETS = {"all": WHOLE_SET_TARGETS, "fresh": FRESH_FLOORS}
