"""The web editor at /admin/: Decap CMS, configured from the registries at build time.

Editors who never use git write articles in a form: the award data's `by`,
`award` and recipients' `unit` are lists to choose from, generated from
content/data/*.yml, so an unknown slug cannot be typed. The page, its
`config.yml` and Decap's own files (from `node_modules/`, filled by `npm ci`)
are written into one folder of the output. Without those files (a machine
without Node) the page says how to install the editor; the build goes on.
"""

from __future__ import annotations

import logging
import os
import posixpath
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml
from pelican.utils import sanitised_join

from ..core.registries import Registries
from ..settings import save_as_for, setting
from .admin_fields import articles_collection, registry_collection
from .admin_rules import RULES_NAME, form_rules, rules_script
from .base import HonoursGenerator

logger = logging.getLogger(__name__)

# Where `npm ci` puts the standalone bundle of the `decap-cms` package.
BUNDLE_FOLDER = ("decap-cms", "dist")
BUNDLE_MAIN = "decap-cms.js"
CONFIG_NAME = "config.yml"
# The commit status the pull request check reports (.github/workflows/check.yml, .gitlab-ci.yml's job).
PREVIEW_CONTEXT = {"github": "kiem-tra-bai", "gitlab": "check"}
# The editor's own scripts (theme/static/js), loaded after Decap's and the generated rules, in this order.
SCRIPTS = ("decap-vi.js", "decap-rules.js", "decap-widgets.js", "decap-files.js")
# A YAML reader and writer for the registry files, installed by `npm ci` with Decap (its front-matter parser uses it).
YAML_SCRIPT = ("js-yaml", "dist", "js-yaml.min.js")
CONFIG_HEADER = (
    "# Cấu hình trình soạn thảo trên web (Decap CMS), do Pelican tạo lại mỗi lần xây dựng trang\n"
    "# từ content/data/*.yml: đừng sửa tệp này, hãy sửa danh mục.\n"
)


@dataclass(frozen=True)
class AdminPage:
    """What the admin template needs: whether the editor is installed, and where its script is."""

    installed: bool
    script_url: str = ""
    rules_url: str = ""
    yaml_url: str = ""
    scripts: tuple[str, ...] = ()


class AdminGenerator(HonoursGenerator):
    """Write admin/index.html, admin/config.yml and Decap's files."""

    position = 60

    def generate_output(self, writer) -> None:
        save_as = save_as_for(self.settings, "HONOURS_ADMIN")
        if not save_as:
            return
        folder, node_modules = posixpath.dirname(save_as), os.path.abspath(self.setting("HONOURS_ADMIN_NODE_MODULES"))
        files = bundle_files(node_modules)
        if files:
            for name, source in files:
                copy_into_output(self.output_path, posixpath.join(folder, name), source)
            script_url = posixpath.join(folder, BUNDLE_MAIN)
        else:
            logger.info("Chưa cài trình soạn thảo trên web (Decap CMS): không có %s; trang %s chỉ hướng dẫn "
                        "cách cài (chạy `npm ci` trong thư mục dự án).",
                        os.path.join(node_modules, *BUNDLE_FOLDER, BUNDLE_MAIN), save_as)
            script_url = ""
        yaml_script = Path(node_modules, *YAML_SCRIPT)
        if files and yaml_script.is_file():
            copy_into_output(self.output_path, posixpath.join(folder, YAML_SCRIPT[-1]), yaml_script)
        config = admin_config(self.settings, self.ledger.registries)
        self.write_text(writer, posixpath.join(folder, CONFIG_NAME), CONFIG_HEADER + dump_yaml(config))
        contents = [*self.context.get("articles", ()), *self.context.get("hidden_articles", ()),
                    *self.context.get("pages", ()), *self.context.get("hidden_pages", ())]
        rules = form_rules(self.settings, self.ledger.registries, contents)
        self.write_text(writer, posixpath.join(folder, RULES_NAME), rules_script(rules))
        self.write(writer, "HONOURS_ADMIN", "admin", "Trình soạn thảo trên web",
                   honours_admin=AdminPage(bool(files), script_url, posixpath.join(folder, RULES_NAME),
                                           posixpath.join(folder, YAML_SCRIPT[-1]), SCRIPTS))


def bundle_files(node_modules: str) -> list[tuple[str, Path]]:
    """Decap's files to publish, as (name, source), sorted; empty when it is not installed.

    The main script loads the rest on demand from its own folder: the numbered
    chunks and the WebAssembly image encoders. Source maps (25 MB) are left out;
    the licence notice the script points to is kept.
    """
    dist = Path(node_modules, *BUNDLE_FOLDER)
    if not (dist / BUNDLE_MAIN).is_file():
        return []
    wanted = []
    for path in sorted(dist.iterdir()):
        name = path.name
        chunk = name.endswith("." + BUNDLE_MAIN) and name.split(".", 1)[0].isdigit()
        if path.is_file() and (name in (BUNDLE_MAIN, BUNDLE_MAIN + ".LICENSE.txt") or chunk
                               or name.endswith(".wasm")):
            wanted.append((name, path))
    return wanted


def copy_into_output(output_path: str, save_as: str, source: Path) -> None:
    """Copy a file into the output byte for byte.

    Pelican's writer renders a template to text and writes it as UTF-8: right
    for pages, config.yml and CSV, but the 5 MB script would be decoded and
    encoded again for nothing and the WebAssembly files are not text at all.
    So these are copied, with the writer's own guard against paths that leave
    the output folder (`sanitised_join`).
    """
    target = sanitised_join(output_path, save_as)
    os.makedirs(os.path.dirname(target), exist_ok=True)
    shutil.copyfile(source, target)


def admin_config(settings: dict, registries: Registries) -> dict:
    """Decap's configuration: where articles live and the form that edits them."""
    content = setting(settings, "HONOURS_ADMIN_CONTENT_FOLDER").strip("/")
    articles = settings["ARTICLE_PATHS"][0].strip("/")
    images = setting(settings, "HONOURS_IMAGE_PATH").strip("/")
    data = setting(settings, "HONOURS_DATA_PATH").strip("/")
    config = {
        "backend": dict(setting(settings, "HONOURS_ADMIN_BACKEND")),
        "local_backend": setting(settings, "HONOURS_ADMIN_LOCAL_BACKEND"),
        "locale": "vi",
        # The "check for preview" button needs a deploy-preview service this site does not have.
        "show_preview_links": False,
    }
    if setting(settings, "HONOURS_ADMIN_PUBLISH_MODE"):
        # Each article a branch and a pull request, checked by CI before it is merged (see README);
        # the editor shows the check's commit status, named as CI reports it.
        config["publish_mode"] = setting(settings, "HONOURS_ADMIN_PUBLISH_MODE")
        config["show_preview_links"] = True
        context = PREVIEW_CONTEXT.get(config["backend"].get("name"))
        if context:
            config["backend"].setdefault("preview_context", context)
    if settings.get("SITEURL"):
        config["site_url"] = config["display_url"] = settings["SITEURL"]
    config.update({
        "media_folder": posixpath.join(content, images),
        "public_folder": "/" + images,
        # New files are named from the title without diacritics, as the site's own slugs are.
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": [articles_collection(posixpath.join(content, articles), registries),
                        registry_collection(posixpath.join(content, data), registries)],
    })
    return config


class _Dumper(yaml.SafeDumper):
    """Writes a list used twice (the units) out twice rather than as an &anchor, for people reading it."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(data: dict) -> str:
    """YAML in the order the config was built in (not alphabetical), Vietnamese letters as they are."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False,
                     width=1000)
