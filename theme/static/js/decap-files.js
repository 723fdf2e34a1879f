/* Web editor (/admin/): what Decap writes and shows, as the site needs it.

   - empty optional fields are not written to the file (the build refuses a key left blank), nor
     `illustrative: false`.
   - registry files (content/data/*.yml, a YAML list, which Decap cannot edit as such) are read and
     written by a small format that keeps their header comment.
   - the preview is the article as the site shows it, with the site's style sheet and award table.
   - react-select's "No options", which Decap's locale cannot reach, is shown in Vietnamese.
   Loaded after decap-widgets.js, before Decap starts. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var R = window.HONOURS_RULES, Form = window.HonoursForm;
  if (!CMS || !h || !createClass || !R || !Form) return;

  function nameOf(registry, slug) {
    return slug && R[registry][slug] ? R[registry][slug].name : slug || "…";
  }

  /* ---- saving: no empty keys, no `illustrative: false` ---- */

  function isEmpty(value) {
    return value === undefined || value === null || value === "" ||
      (value && typeof value.size === "number" && typeof value.toJS === "function" && value.size === 0);
  }

  function withoutEmpty(value) {
    if (!value || typeof value.toJS !== "function") return value;
    if (typeof value.keySeq === "function" && typeof value.get === "function" && !value.push) {
      return value.map(withoutEmpty).filter(function (v) { return !isEmpty(v); });
    }
    return value.map(withoutEmpty);
  }

  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry;
      // The last check: whatever the form did not show, nothing the build refuses is saved.
      var problems = Form.entryProblems ? Form.entryProblems(entry) : [];
      if (problems.length) {
        throw new Error("chưa lưu vì còn " + problems.length + " lỗi: " +
          problems.map(function (p) { return p.field + ": " + p.message; }).join("; "));
      }
      if (entry.get("collection") !== "tin-tuc") return undefined;
      var data = withoutEmpty(entry.get("data"));
      if (data.get("illustrative") === false) data = data.delete("illustrative");
      var honours = data.get("honours");
      if (honours && honours.get && !honours.get("awards") && isEmpty(honours.get("year"))) data = data.delete("honours");
      return data;
    }
  });

  /* ---- registry files: a YAML list, with the header comment kept ---- */

  var KEY_ORDER = ["slug", "name", "kind", "level", "recipients", "rank", "parent", "aliases",
    "valid_from", "valid_until", "successor", "note", "act", "source"];

  function ordered(entry) {
    var out = {};
    KEY_ORDER.concat(Object.keys(entry)).forEach(function (key) {
      var value = entry[key];
      if (!(key in out) && !isEmpty(value) && !(Array.isArray(value) && !value.length)) out[key] = value;
    });
    return out;
  }

  if (window.jsyaml) {
    CMS.registerCustomFormat("hh-registry", "yml", {
      fromFile: function (content) {
        var lines = String(content || "").split("\n"), header = [];
        while (lines.length && /^\s*(#.*)?$/.test(lines[0])) header.push(lines.shift());
        var entries = window.jsyaml.load(lines.join("\n"), { schema: window.jsyaml.JSON_SCHEMA }) || [];
        return { header: header.join("\n").replace(/\s+$/, ""), registry: { entries: entries } };
      },
      toFile: function (data) {
        var entries = ((data.registry || {}).entries || []).map(function (entry) {
          return window.jsyaml.safeDump([ordered(entry)], { lineWidth: -1, noRefs: true });
        });
        return (data.header ? data.header + "\n\n" : "") + entries.join("\n");
      }
    });
  }

  /* ---- preview: the article as the site shows it ---- */

  function counts(line, kind) {
    var value = line[R.countKeys[kind]];
    var named = (line.recipients || []).filter(function (r) {
      return (r.household ? "household" : r.name ? "individual" : "collective") === kind;
    }).length;
    var number = typeof value === "number" ? value : named;
    return number ? number.toLocaleString("vi-VN") : "";
  }

  function awardTable(honours, date) {
    var lines = (honours && honours.awards) || [];
    if (!lines.length) return null;
    var defaultYear = honours.year || (Form.parseDate(date) || {}).year || "";
    var kinds = R.kinds;
    return h("div", { className: "table-wrap" }, h("table", { className: "awards" },
      h("caption", null, "Khen thưởng nêu trong bài"),
      h("thead", null, h("tr", null, h("th", null, "Cấp khen thưởng"), h("th", null, "Hình thức, danh hiệu"),
        h("th", null, "Năm thi đua"), kinds.map(function (kind) {
          return h("th", { key: kind, className: "num" }, R.kindLabels[kind].replace(/^./, function (c) { return c.toUpperCase(); }));
        }))),
      h("tbody", null, lines.map(function (line, index) {
        var names = (line.recipients || []).map(function (r) {
          return (r.name || r.household ? (r.name || r.household) + " (" + nameOf("units", r.unit) + ")" : nameOf("units", r.unit));
        });
        return h("tr", { key: index },
          h("td", null, nameOf("authorities", line.by)),
          h("td", null, nameOf("awards", line.award), names.length ? h("br") : null,
            names.length ? h("small", null, names.join("; ")) : null),
          h("td", null, String(line.year || defaultYear)),
          kinds.map(function (kind) { return h("td", { key: kind, className: "num" }, counts(line, kind)); }));
      }))));
  }

  var ArticlePreview = createClass({
    render: function () {
      var data = this.props.entry.get("data").toJS();
      var date = Form.parseDate(data.date);
      return h("main", { id: "noi-dung", className: "wrap" }, h("article", null,
        data.status === "draft" ? h("p", { className: "illustrative" }, "Bản nháp: chưa hiện trên trang.") : null,
        data.illustrative ? h("p", { className: "illustrative" }, "Dữ liệu minh họa") : null,
        h("h1", null, data.title || "(chưa có tiêu đề)"),
        h("p", { className: "meta" }, date ? date.day + "/" + date.month + "/" + date.year : "",
          data.author ? " · " + data.author : ""),
        data.summary ? h("p", { className: "summary" }, data.summary) : null,
        awardTable(data.honours, data.date),
        h("div", { className: "content" }, this.props.widgetFor("body"))));
    }
  });

  var css = document.body && document.body.getAttribute("data-site-css");
  if (css) CMS.registerPreviewStyle(css);
  CMS.registerPreviewTemplate("tin-tuc", ArticlePreview);

  /* ---- words Decap's locale cannot reach: react-select's "No options" ---- */

  var NO_OPTIONS = "Không có lựa chọn nào phù hợp";
  new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      change.addedNodes.forEach(function (node) {
        var walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
        if (node.nodeType === Node.TEXT_NODE && node.nodeValue === "No options") node.nodeValue = NO_OPTIONS;
        while (walker.nextNode()) {
          if (walker.currentNode.nodeValue === "No options") walker.currentNode.nodeValue = NO_OPTIONS;
        }
      });
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
