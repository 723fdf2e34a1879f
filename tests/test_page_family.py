"""A page family is one template, one small generator and one *_URL/*_SAVE_AS pair (README, Architecture)."""

from __future__ import annotations

import shutil
import subprocess
import sys

from conftest import CONTENT, ROOT, read_page

GENERATOR = '''
"""Awards listed by name: the README's example of a page family."""

from .base import HonoursGenerator


class AwardListGenerator(HonoursGenerator):
    """One page listing every award of the registries."""

    def generate_output(self, writer):
        self.write(writer, "HONOURS_AWARD_LIST", "award_list", "Danh mục khen thưởng",
                   awards=sorted(award.name for award in self.ledger.registries.awards.values()))
'''
TEMPLATE = """{% extends "base.html" %}
{% block content %}<h1>{{ honours_page.title }}</h1>
<ul class="awards">{% for name in awards %}<li>{{ name }}</li>{% endfor %}</ul>{% endblock %}
"""


def test_a_new_page_family_needs_a_template_a_generator_and_a_url_pair_only(tmp_path):
    shutil.copytree(ROOT / "plugins", tmp_path / "plugins", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "theme", tmp_path / "theme")
    (tmp_path / "plugins/honours/pages/award_list.py").write_text(GENERATOR, encoding="utf-8")
    (tmp_path / "theme/templates/award_list.html").write_text(TEMPLATE, encoding="utf-8")
    (tmp_path / "settings.py").write_text(
        f"import sys\nsys.path.insert(0, {str(tmp_path / 'plugins')!r})\n"
        f"sys.path.insert(1, {str(ROOT)!r})\nfrom pelicanconf import *  # noqa: F403\n"
        f"PLUGIN_PATHS = [{str(tmp_path / 'plugins')!r}]\nTHEME = {str(tmp_path / 'theme')!r}\n"
        "HONOURS_SEARCH_INDEX = False\n"
        'HONOURS_AWARD_LIST_URL = "danh-muc-khen-thuong/"\n'
        'HONOURS_AWARD_LIST_SAVE_AS = "danh-muc-khen-thuong/index.html"\n', encoding="utf-8")
    output = tmp_path / "output"
    result = subprocess.run([sys.executable, "-m", "pelican", str(CONTENT), "-s", str(tmp_path / "settings.py"),
                             "-o", str(output), "--fatal", "errors"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    page = read_page(output, "/danh-muc-khen-thuong/")
    assert page.h1.get_text() == "Danh mục khen thưởng"
    names = [li.get_text() for li in page.find("ul", class_="awards").find_all("li")]
    assert "Giấy khen" in names and names == sorted(names)
    assert "/danh-muc-khen-thuong/" in (output / "sitemap.xml").read_text(encoding="utf-8")
