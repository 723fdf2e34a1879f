/* Web editor (/admin/): the site's own widgets, preview and file format for Decap CMS.

   - hh-count: a whole number typed as text, so "1.780" is read as Vietnamese writes it (1780) and
     "2,5" is refused with a message: a browser's number box would silently make them 1.78 or 25.
   - hh-string, hh-select, hh-slug, hh-date: Decap's own fields plus the build's checks
     (decap-rules.js), each problem shown at the field it concerns.
   - hh-list: Decap's list, whose collapsed lines show names instead of codes, and which opens a
     line that has a problem, so a message is never hidden in a closed line.
   - dates are shown and typed day/month/year whatever the browser's language.
   - the preview is the article as the site shows it, with the site's style sheet and award table.
   - registry files (content/data/*.yml, a YAML list) are read and written by a small format that
     keeps their header comment.
   - empty optional fields are not written to the file (the build refuses a key left blank).
   Loaded after decap-cms.js, admin/rules.js and decap-rules.js, before Decap starts. */
(function () {
  "use strict";
  var CMS = window.CMS, h = window.h, createClass = window.createClass;
  var R = window.HONOURS_RULES, Form = window.HonoursForm;
  if (!CMS || !h || !createClass || !R || !Form) return;

  /* ---- where a field is: the list items it is inside, found through Decap's parentIds ---- */

  var lists = {}; // a list control's forID -> the control, while it is shown

  function indexes(props) {
    var ids = props.parentIds || [], found = {};
    for (var i = 0; i < ids.length - 1; i++) {
      var list = lists[ids[i]];
      if (!list) continue;
      var position = list.state.keys.indexOf(ids[i + 1]);
      if (position >= 0) found[list.props.field.get("name")] = position + 1;
    }
    return found;
  }

  function pathOf(props) {
    var template = props.field.get("hh_path");
    if (!template) return null;
    var found = indexes(props), missing = false;
    var path = template.replace(/\{(\w+)\}/g, function (_, name) {
      if (!found[name]) missing = true;
      return found[name];
    });
    return missing ? null : path;
  }

  function entryOf(props) {
    return props.getEntry ? props.getEntry() : props.entry;
  }

  var REGISTRY_FILES = { units: true, authorities: true, awards: true };

  /* Every problem of the entry being edited, as the build would report it. */
  function entryProblems(entry) {
    if (!entry) return [];
    var data = entry.get("data");
    data = data && data.toJS ? data.toJS() : data || {};
    var slug = entry.get("slug");
    if (entry.get("collection") === "danh-muc" && REGISTRY_FILES[slug]) {
      return Form.registryProblems(slug, data.entries, R);
    }
    if (entry.get("collection") === "tin-tuc") {
      return Form.articleProblems(data, R, entry.get("newRecord") ? null : entry.get("path"));
    }
    return [];
  }

  /* The problems at this field (a line's own problems are shown at its award). */
  function fieldProblems(props) {
    var path = pathOf(props);
    if (!path) return [];
    var line = /\.award$/.test(path) ? path.replace(/\.award$/, "") : null;
    return entryProblems(entryOf(props)).filter(function (p) { return p.field === path || p.field === line; });
  }

  /* Decap's answer for a field with problems. The PRESENCE type makes Decap show its
     "fix the fields first" notice (translated in decap-vi.js) for any problem, not only a blank field. */
  function verdict(problems) {
    if (!problems.length) return { error: false };
    return { error: { type: "PRESENCE", message: problems.map(function (p) { return p.message; }).join("; ") } };
  }

  /* ---- text inputs ---- */

  function textInput(props, value, onChange, extra) {
    return h("input", Object.assign({
      type: "text", id: props.forID, className: props.classNameWrapper, value: value,
      onFocus: props.setActiveStyle, onBlur: props.setInactiveStyle,
      onChange: function (event) { onChange(event.target.value); }
    }, extra || {}));
  }

  var StringControl = createClass({
    isValid: function () { return verdict(fieldProblems(this.props)); },
    render: function () {
      var props = this.props;
      return textInput(props, props.value == null ? "" : props.value, props.onChange);
    }
  });

  var CountControl = createClass({
    getInitialState: function () {
      var value = this.props.value;
      return { text: value === undefined || value === null ? "" : String(value) };
    },
    change: function (text) {
      this.setState({ text: text });
      var parsed = Form.parseCount(text);
      // A text that is not a number is kept as typed, so the check shows the message and the save waits.
      this.props.onChange(parsed.error ? text : parsed.value === null ? "" : parsed.value);
    },
    isValid: function () {
      var parsed = Form.parseCount(this.state.text);
      if (parsed.error) return verdict([{ message: parsed.error }]);
      return verdict(fieldProblems(this.props));
    },
    render: function () {
      var parsed = Form.parseCount(this.state.text);
      var shown = parsed.value !== null && parsed.value !== undefined && String(parsed.value) !== this.state.text.trim()
        ? h("small", { className: "hh-read-as" }, "Đọc là: " + parsed.value) : null;
      return h("div", null, textInput(this.props, this.state.text, this.change, { inputMode: "numeric" }), shown);
    }
  });

  /* ---- dates: day/month/year on screen, year-month-day in the file ---- */

  function two(n) { return (n < 10 ? "0" : "") + n; }

  function nowInVietnam() {
    var now = new Date(Date.now() + 7 * 3600 * 1000); // Asia/Ho_Chi_Minh has no summer time
    return now.getUTCFullYear() + "-" + two(now.getUTCMonth() + 1) + "-" + two(now.getUTCDate()) + " " +
      two(now.getUTCHours()) + ":" + two(now.getUTCMinutes());
  }

  function toScreen(stored, withTime) {
    var match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?/.exec(String(stored || ""));
    if (!match) return stored ? String(stored) : "";
    return match[3] + "/" + match[2] + "/" + match[1] + (withTime ? " " + (match[4] || "00") + ":" + (match[5] || "00") : "");
  }

  function toFile(text, withTime) {
    var match = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})(?:\s+(\d{1,2})[:h](\d{2}))?\s*$/.exec(text);
    if (!match) return null;
    var stored = match[3] + "-" + two(+match[2]) + "-" + two(+match[1]);
    if (withTime) stored += " " + two(+(match[4] || 0)) + ":" + (match[5] || "00");
    return Form.parseDate(stored) ? stored : null;
  }

  var DateControl = createClass({
    withTime: function () { return !!this.props.field.get("hh_time"); },
    getInitialState: function () {
      var value = this.props.value;
      return { text: value === "{{now}}" ? "" : toScreen(value, this.withTime()) };
    },
    componentDidMount: function () {
      var value = this.props.value;
      if (value === "{{now}}" || (this.withTime() && !value && this.props.field.get("default"))) {
        var now = nowInVietnam();
        this.setState({ text: toScreen(now, true) });
        this.props.onChange(now);
      }
    },
    change: function (text) {
      this.setState({ text: text });
      var stored = toFile(text, this.withTime());
      this.props.onChange(text.trim() === "" ? "" : stored || text);
    },
    isValid: function () {
      var text = this.state.text.trim();
      if (text && !toFile(text, this.withTime())) {
        return verdict([{ message: "ngày không hợp lệ — viết ngày/tháng/năm" +
          (this.withTime() ? " giờ:phút, ví dụ 01/02/2018 08:00" : ", ví dụ 20/01/2018") }]);
      }
      return verdict(fieldProblems(this.props));
    },
    render: function () {
      return textInput(this.props, this.state.text, this.change,
        { placeholder: this.withTime() ? "ngày/tháng/năm giờ:phút" : "ngày/tháng/năm" });
    }
  });

  /* ---- the article's address ---- */

  var SlugControl = createClass({
    isValid: function () { return verdict(fieldProblems(this.props)); },
    render: function () {
      var props = this.props, entry = entryOf(props);
      var data = entry && entry.get("data") ? entry.get("data").toJS() : {};
      var address = Form.addressOf(data, Form.parseDate(data.date), R);
      return h("div", null,
        textInput(props, props.value == null ? "" : props.value, props.onChange,
          { placeholder: Form.slugify(data.title, R.slugSubstitutions) }),
        address ? h("small", { className: "hh-address" }, "Địa chỉ bài trên trang: /" + address) : null);
    }
  });

  /* ---- lists and choices: Decap's own, with the build's checks and names ---- */

  function nameOf(registry, slug) {
    return slug && R[registry][slug] ? R[registry][slug].name : slug || "…";
  }

  function awardSummary(item) {
    var parts = [];
    R.kinds.forEach(function (kind) {
      var count = item.get(R.countKeys[kind]);
      if (count !== undefined && count !== null && count !== "") parts.push(count + " " + R.kindLabels[kind]);
    });
    var named = item.get("recipients");
    if (named && named.size) parts.push(named.size + " được ghi tên");
    return nameOf("awards", item.get("award")) + " – " + nameOf("authorities", item.get("by")) +
      (parts.length ? ": " + parts.join(", ") : "");
  }

  function recipientSummary(item) {
    var who = item.get("name") || item.get("household");
    var unit = nameOf("units", item.get("unit"));
    return who ? who + " – " + unit : unit;
  }

  var SUMMARIES = {
    award: awardSummary,
    recipient: recipientSummary,
    registry: function (item) { return (item.get("name") || "…") + " (" + (item.get("slug") || "chưa có mã") + ")"; }
  };

  function listWidget(base) {
    class SiteList extends base.control {
      constructor(props) {
        super(props);
        var validate = this.validate;
        this.validate = function () {
          validate();
          this.openLinesWithProblems();
        }.bind(this);
      }
      openLinesWithProblems() {
        var collapsed = this.state.itemsCollapsed.slice(), changed = false;
        for (var i = 0; i < collapsed.length; i++) {
          if (collapsed[i] && this.hasError(i)) { collapsed[i] = false; changed = true; }
        }
        if (changed) this.setState({ listCollapsed: false, itemsCollapsed: collapsed });
      }
      componentDidMount() {
        lists[this.props.forID] = this;
        if (super.componentDidMount) super.componentDidMount();
      }
      componentDidUpdate() {
        lists[this.props.forID] = this;
        this.openLinesWithProblems();
      }
      componentWillUnmount() {
        if (lists[this.props.forID] === this) delete lists[this.props.forID];
      }
      render() {
        lists[this.props.forID] = this; // before the fields inside are drawn and checked
        return super.render();
      }
      objectLabel(item) {
        var summary = SUMMARIES[this.props.field.get("hh_summary")];
        return summary && item && item.get ? summary(item) : super.objectLabel(item);
      }
    }
    return SiteList;
  }

  function selectWidget(base) {
    class SiteSelect extends base.control {
      constructor(props) {
        super(props);
        var own = this.isValid;
        this.isValid = function () {
          var result = own();
          return result && result.error ? result : verdict(fieldProblems(this.props));
        }.bind(this);
      }
    }
    return SiteSelect;
  }

  function register(name, control, like, extra) {
    var base = CMS.getWidget(like);
    CMS.registerWidget(Object.assign({
      name: name, controlComponent: control, previewComponent: base.preview, schema: base.schema,
      globalStyles: base.globalStyles
    }, extra || {}));
  }

  var list = CMS.getWidget("list"), select = CMS.getWidget("select");
  register("hh-list", listWidget(list), "list");
  register("hh-select", selectWidget(select), "select");
  register("hh-string", StringControl, "string");
  register("hh-count", CountControl, "string");
  register("hh-date", DateControl, "string");
  register("hh-slug", SlugControl, "string");

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
    "valid_from", "valid_until", "successor", "note"];

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
        return { header: header.join("\n").replace(/\s+$/, ""), entries: entries };
      },
      toFile: function (data) {
        var entries = (data.entries || []).map(function (entry) {
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
