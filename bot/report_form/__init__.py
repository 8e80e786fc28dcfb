"""The report conversation's logic without Rasa: which questions remain, how answers and
corrections map to slots, and the words the assistant says back (used by ``actions/``)."""
