"""Build a Freedom of Information disclosure log from Markdown responses with front-matter."""
