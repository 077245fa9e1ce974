from tests.survei_publik.conftest import dunia  # noqa: F401  (an open SKM round with a link)
