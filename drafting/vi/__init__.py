"""Vietnamese: numbers, money, dates, text lint, and the same as Jinja filters (Babel ``vi``)."""
