"""The coming-back form (framework-free): which question comes next, its words, and how an
answer is read. Checking the reference and secret needs the database; actions do that."""
