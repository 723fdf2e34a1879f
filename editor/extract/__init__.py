"""Read award counts out of Vietnamese news prose.

Two users: the editor's command `extract <file>` proposes the front-matter
award lines of an article from its text, and `invoke check` warns when the
counts an article states differ from its front-matter (`compare`).

Per sentence: *normalise* words (normalise.py), *lex* them into items by
longest phrase match against the vocabulary and the registries (lexicon.py,
lexer.py, numbers.py), *assemble* items into events (assemble.py), set each
event's *status* (statuses.py), then over the whole article set aside
*repeated* statements (statements.py) and *resolve* authorities and awards to
registry slugs (extractor.py). The words and rules are data: vocabulary.yml.
"""

from .agreement import compare
from .cli import guess_year, main
from .extractor import Extractor, extract, extractor_for
from .items import Proposal
from .normalise import normalize_word, phrase_key, tokenize
from .numbers import number_from_words
from .output import to_json, to_yaml
from .sentences import sentences, table_sentences
from .vocabulary import GENERIC_AWARDS

__all__ = ["GENERIC_AWARDS", "Extractor", "Proposal", "compare", "extract", "extractor_for", "guess_year", "main",
           "normalize_word", "number_from_words", "phrase_key", "sentences", "table_sentences", "to_json",
           "to_yaml", "tokenize"]
