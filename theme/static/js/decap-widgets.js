/* Web editor (/admin/): the site's own widgets, preview and file format for Decap CMS.

   - hh-count: a whole number typed as text, so "1.780" is read as Vietnamese writes it (1780) and
     "2,5" is refused with a message: a browser's number box would silently make them 1.78 or 25.
   - hh-string, hh-select, hh-slug, hh-date: Decap's own fields plus the build's checks
     (decap-rules.js), each problem shown at the field it concerns.
   - hh-list: Decap's list, whose collapsed lines show names instead of codes, and which opens a
     line that has a problem, so a message is never hidden in a closed line.
   - dates are shown and typed day/month/year whatever the browser's language.
   Saving, the registry files and the preview are in decap-files.js.
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
      return Form.registryProblems(slug, (data.registry || {}).entries, R);
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
    var together = item.get(R.combinedKey);
    if (together !== undefined && together !== null && together !== "") parts.push(together + " " + R.combinedLabel);
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

  /* Decap's object, keeping only its own fields' controls. Decap's lists and objects hand every
     nested control up to the form, which keeps one per top-level field: the last one handed up
     (a field deep in a list) would then be the only one checked on saving. This object stops
     that, so that saving checks every field inside it. */
  function blankValue(value) {
    if (value === undefined || value === null || value === "") return true;
    if (typeof value.every === "function" && typeof value.toJS === "function") return value.every(blankValue);
    return false;
  }

  function objectWidget(base) {
    class SiteObject extends base.control {
      constructor(props) {
        super(props);
        var self = this;
        this.processControlRef = function (ref) {
          var field = ref && ref.props && ref.props.field;
          var own = self.props.field.get("fields");
          if (field && own && own.includes(field)) self.childRefs[field.get("name")] = ref;
        };
        // An optional group left empty is not written, so its required fields are not required then.
        var validate = this.validate;
        this.validate = function () {
          if (self.props.field.get("required") !== false || !blankValue(self.props.value)) validate();
        };
      }
    }
    return SiteObject;
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
  register("hh-object", objectWidget(CMS.getWidget("object")), "object");
  register("hh-select", selectWidget(select), "select");
  register("hh-string", StringControl, "string");
  register("hh-count", CountControl, "string");
  register("hh-date", DateControl, "string");
  // Also in place of Decap's own date widget, which Decap needs by name to take an article's year.
  register("datetime", DateControl, "datetime");
  register("hh-slug", SlugControl, "string");
  Form.entryProblems = entryProblems; // for the last check before saving (decap-files.js)
})();
