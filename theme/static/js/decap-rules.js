/* Web editor (/admin/): the build's checks that the form can make before saving.

   Pure functions over an article's (or a registry's) data and the rules the
   build writes from its registries and settings (admin/rules.js,
   window.HONOURS_RULES). Each problem names its field as the build's messages
   do ("honours.awards[2].collectives", 1-based), so the form shows it at that
   field. The build stays the judge: tests run the same cases through these
   functions and through `invoke check` and expect the same verdicts. */
(function (root) {
  "use strict";

  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  var DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::\d{2})?)?$/;
  var DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

  /* A count as typed: digits, with Vietnamese thousands separators ("1.780", "1 780") read as such.
     Returns {value} or {error}: never a different number. */
  function parseCount(text) {
    var raw = String(text == null ? "" : text).trim();
    if (raw === "") return { value: null };
    var compact = raw.replace(/[\s\u00a0\u202f]/g, "");
    if (/^\d+$/.test(compact) && (compact === raw || /^\d{1,3}([\s\u00a0\u202f]\d{3})+$/.test(raw))) {
      return { value: parseInt(compact, 10) };
    }
    if (/^\d{1,3}(\.\d{3})+$/.test(raw)) return { value: parseInt(raw.replace(/\./g, ""), 10) };
    if (/^-\s*\d/.test(raw)) return { error: "không được là số âm (đang là " + raw + ")" };
    if (/^\d+[.,]\d+$/.test(raw)) {
      return { error: "phải là một số nguyên, không phải " + raw +
        " — số lượng không có phần lẻ; hàng nghìn viết đủ ba chữ số sau dấu chấm, ví dụ 1.780" };
    }
    return { error: "phải là một số nguyên, không phải “" + raw + "” — chỉ gõ chữ số, ví dụ 12 hoặc 1.780" };
  }

  /* The article's address part made from its title, as Pelican makes it (letters without their marks). */
  function slugify(text, substitutions) {
    var value = String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/\u0111/g, "d").replace(/\u0110/g, "D").normalize("NFKC");
    // As unidecode spells them: dashes become hyphens, other signs are dropped by the substitutions below.
    value = value.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/[\u00a0\u2000-\u200a\u202f]/g, " ")
      .replace(/[^\x00-\x7f]/g, "").toLowerCase();
    (substitutions || []).forEach(function (pair) {
      value = value.replace(new RegExp(pair[0], "g"), pair[1]);
    });
    return value.replace(/^-+|-+$/g, "");
  }

  function blank(value) {
    return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
  }

  function parseDate(value) {
    var match = DATE_TIME.exec(String(value || "").trim());
    if (!match) return null;
    var day = new Date(Date.UTC(+match[1], +match[2] - 1, +match[3]));
    if (day.getUTCMonth() !== +match[2] - 1 || day.getUTCDate() !== +match[3]) return null;
    if (match[4] !== undefined && (+match[4] > 23 || +match[5] > 59)) return null;
    return { year: +match[1], month: match[2], day: match[3] };
  }

  function Collector() {
    this.list = [];
  }
  Collector.prototype.add = function (field, message) {
    this.list.push({ field: field, message: message });
  };

  /* A whole number within bounds, or null; reports what is wrong. */
  function integer(out, field, value, minimum, maximum) {
    if (blank(value)) return null;
    if (typeof value === "string") {
      var parsed = parseCount(value);
      if (parsed.error) { out.add(field, parsed.error); return null; }
      value = parsed.value;
    }
    if (typeof value !== "number" || !isFinite(value) || Math.floor(value) !== value) {
      out.add(field, "phải là một số nguyên, không phải " + value);
      return null;
    }
    if (value < minimum) { out.add(field, "không được nhỏ hơn " + minimum + " (đang là " + value + ")"); return null; }
    if (maximum !== undefined && value > maximum) {
      out.add(field, "không được lớn hơn " + maximum + " (đang là " + value + ")");
      return null;
    }
    return value;
  }

  function year(out, field, value, R, latest) {
    var found = integer(out, field, value, 0);
    if (found === null) return null;
    if (found < R.yearMin || found > latest) {
      out.add(field, "năm thi đua " + found + " nằm ngoài khoảng " + R.yearMin + "–" + latest +
        " — năm thi đua không thể sau năm đăng bài");
      return null;
    }
    return found;
  }

  function text(out, field, value, required, maximum) {
    if (blank(value)) {
      if (required) out.add(field, "chưa điền — trường này bắt buộc");
      return null;
    }
    var trimmed = String(value).trim();
    if (maximum && trimmed.length > maximum) {
      out.add(field, "dài " + trimmed.length + " ký tự, quá " + maximum + " ký tự cho phép");
      return null;
    }
    return trimmed;
  }

  function known(out, field, value, registry, what) {
    if (blank(value)) { out.add(field, "chưa chọn " + what + " — trường này bắt buộc"); return null; }
    if (!Object.prototype.hasOwnProperty.call(registry, value)) {
      out.add(field, "không có " + what + " “" + value + "” trong danh mục — chọn trong danh sách, hoặc thêm vào mục “Danh mục”");
      return null;
    }
    return value;
  }

  function unitExists(unit, inYear) {
    return !((unit.from !== null && unit.from > inYear) || (unit.until !== null && unit.until < inYear));
  }

  function recipients(out, items, line, R, inYear) {
    var named = [];
    (items || []).forEach(function (item, index) {
      var where = line + ".recipients[" + (index + 1) + "]";
      item = item || {};
      var unit = known(out, where + ".unit", item.unit, R.units, "đơn vị");
      // A blank name or household is not written to the file (decap-widgets.js), so it means "none".
      var name = text(out, where + ".name", item.name, false, R.maxLength.name);
      var household = text(out, where + ".household", item.household, false, R.maxLength.household);
      if (name && household) {
        out.add(where + ".household", "một người nhận không thể vừa là cá nhân vừa là hộ gia đình — chỉ ghi họ tên hoặc tên hộ");
        return;
      }
      if (!unit) return;
      if (inYear !== null && !unitExists(R.units[unit], inYear)) {
        var successor = R.units[unit].successor;
        out.add(where + ".unit", "“" + R.units[unit].name + "” không còn tồn tại trong năm " + inYear +
          (successor && R.units[successor] ? " — chọn “" + R.units[successor].name + "”" : " — kiểm tra lại đơn vị"));
        return;
      }
      named.push(household ? "household" : name ? "individual" : "collective");
    });
    return named;
  }

  function allowedFor(award, R) {
    return award.recipients.map(function (k) { return R.kindLabels[k]; }).join(", ");
  }

  /* A count for collectives and individuals together: only for awards given to both, never beside their own counts. */
  function combinedCount(out, field, award, counts, combined, many, R) {
    if (award.recipients.indexOf("collective") < 0 || award.recipients.indexOf("individual") < 0) {
      out.add(field, "“" + award.name + "” chỉ tặng cho " + allowedFor(award, R) +
        ", không tặng chung cho tập thể và cá nhân — ghi vào ô của đúng đối tượng");
    }
    if (counts.collective !== null || counts.individual !== null) {
      out.add(field, "đã ghi riêng số tập thể hoặc số cá nhân nên không ghi thêm số chung — chỉ dùng một cách ghi");
    }
    if (many.collective + many.individual > combined) {
      out.add(field, "ghi tên " + (many.collective + many.individual) + " tập thể, cá nhân nhưng số chung chỉ là " +
        combined + " — tăng số lượng hoặc bớt tên");
    }
  }

  function awardLine(out, entry, index, R, defaultYear, latest) {
    var line = "honours.awards[" + index + "]";
    var before = out.list.length;
    entry = entry || {};
    var by = known(out, line + ".by", entry.by, R.authorities, "cấp khen thưởng");
    var award = known(out, line + ".award", entry.award, R.awards, "hình thức khen thưởng");
    var lineYear = blank(entry.year) ? defaultYear : year(out, line + ".year", entry.year, R, latest);
    var counts = {};
    R.kinds.forEach(function (kind) {
      var key = R.countKeys[kind];
      counts[kind] = integer(out, line + "." + key, entry[key], 0, R.countMax);
    });
    var combined = integer(out, line + "." + R.combinedKey, entry[R.combinedKey], 0, R.countMax);
    var named = recipients(out, entry.recipients, line, R, lineYear);
    text(out, line + ".decision_number", entry.decision_number, false, R.maxLength.decision_number);
    text(out, line + ".note", entry.note, false, R.maxLength.note);
    if (out.list.length > before || !by || !award || lineYear === null) return;
    var kinds = R.kinds;
    if (kinds.every(function (k) { return counts[k] === null; }) && combined === null && !named.length) {
      out.add(line, "thiếu số lượng được khen — ghi ít nhất một số lượng, hoặc ghi tên người, tập thể được khen");
      return;
    }
    var many = {};
    kinds.forEach(function (kind) { many[kind] = named.filter(function (k) { return k === kind; }).length; });
    if (combined !== null) {
      combinedCount(out, line + "." + R.combinedKey, R.awards[award], counts, combined, many, R);
      many.collective = many.individual = 0; // the named ones are part of the count together
    }
    var total = combined || 0;
    kinds.forEach(function (kind) {
      var key = R.countKeys[kind];
      var stated = counts[kind];
      var final = stated === null ? many[kind] : stated;
      total += final;
      if (stated !== null && many[kind] > stated) {
        out.add(line + "." + key, "ghi tên " + many[kind] + " " + R.kindLabels[kind] + " nhưng số " + R.kindLabels[kind] +
          " chỉ là " + stated + " — tăng số lượng lên ít nhất " + many[kind] + " hoặc bớt tên");
      }
      if (final && R.awards[award].recipients.indexOf(kind) < 0) {
        out.add(line + "." + key, "“" + R.awards[award].name + "” không tặng cho " + R.kindLabels[kind] +
          " — chỉ tặng cho: " + allowedFor(R.awards[award], R));
      }
    });
    if (!total) out.add(line, "tổng số được khen bằng 0 — ghi số lượng được khen, hoặc xóa dòng này");
  }

  function addressOf(data, date, R) {
    if (!R.articleAddress || !date) return "";
    var slug = blank(data.slug) ? slugify(data.title, R.slugSubstitutions) : String(data.slug).trim();
    return R.articleAddress.replace("{year}", date.year).replace("{month}", date.month)
      .replace("{day}", date.day).replace("{slug}", slug);
  }

  /* Every problem of an article's data; `path` is its file in the repository (null for a new one). */
  function articleProblems(data, R, path) {
    var out = new Collector();
    data = data || {};
    text(out, "title", data.title, true, R.maxLength.title);
    var date = null;
    if (blank(data.date)) out.add("date", "chưa điền ngày đăng — trường này bắt buộc");
    else if (!(date = parseDate(data.date))) out.add("date", "ngày đăng không hợp lệ — viết ngày/tháng/năm giờ:phút, ví dụ 01/02/2018 08:00");
    if (!blank(data.slug) && !SLUG.test(String(data.slug).trim())) {
      out.add("slug", "địa chỉ chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ hoa-son-tong-ket-2017");
    }
    if (!blank(data.status) && R.statuses.indexOf(data.status) < 0) out.add("status", "trạng thái không hợp lệ");
    var address = data.status === "draft" ? "" : addressOf(data, date, R);
    var owner = address && R.addresses[address];
    if (owner && owner !== path) {
      out.add("slug", "địa chỉ /" + address + " đã có bài khác dùng (" + owner + ") — điền một địa chỉ khác vào ô này");
    }
    var honours = data.honours;
    if (honours && typeof honours === "object") {
      var latest = date ? date.year : 9999;
      var defaultYear = blank(honours.year) ? latest : year(out, "honours.year", honours.year, R, latest);
      if (honours.awards === undefined || honours.awards === null) {
        if (!blank(honours.year)) out.add("honours.awards", "thiếu danh sách khen thưởng — thêm ít nhất một dòng khen thưởng");
      } else {
        (honours.awards || []).forEach(function (entry, index) {
          awardLine(out, entry, index + 1, R, defaultYear === null ? latest : defaultYear, latest);
        });
      }
    }
    return out.list;
  }

  var REGISTRY_CHOICE = { units: ["kind", "unitKind"], authorities: ["level", "level"], awards: ["kind", "awardKind"] };

  function day(out, field, value) {
    if (blank(value)) return null;
    var match = DAY.exec(String(value).trim());
    if (!match || !parseDate(value)) { out.add(field, "ngày không hợp lệ — viết ngày/tháng/năm, ví dụ 01/07/2022"); return null; }
    return String(value).trim();
  }

  /* Every problem of a registry file's entries ("units", "authorities" or "awards"). */
  function registryProblems(name, entries, R) {
    var out = new Collector();
    var seen = {};
    var slugs = {};
    (entries || []).forEach(function (entry) { if (entry && entry.slug) slugs[entry.slug] = true; });
    (entries || []).forEach(function (entry, index) {
      var at = name + "[" + (index + 1) + "]";
      entry = entry || {};
      var slug = text(out, at + ".slug", entry.slug, true);
      if (slug && !SLUG.test(slug)) out.add(at + ".slug", "mã chỉ gồm chữ thường không dấu, số và dấu gạch nối, ví dụ xa-hoa-son");
      else if (slug && seen[slug]) out.add(at + ".slug", "mã “" + slug + "” đã được dùng cho “" + seen[slug] + "” — đặt mã khác");
      else if (slug) seen[slug] = entry.name || slug;
      text(out, at + ".name", entry.name, true);
      var choice = REGISTRY_CHOICE[name];
      if (blank(entry[choice[0]])) out.add(at + "." + choice[0], "chưa chọn — trường này bắt buộc");
      else if (R.registryChoices[choice[1]].indexOf(entry[choice[0]]) < 0) out.add(at + "." + choice[0], "giá trị không hợp lệ");
      if (name === "awards") {
        var kinds = entry.recipients || [];
        if (!kinds.length) out.add(at + ".recipients", "chưa chọn đối tượng được tặng");
        if (blank(entry.rank)) out.add(at + ".rank", "thiếu thứ hạng — 1 là cao nhất");
        else integer(out, at + ".rank", entry.rank, 1);
      }
      if (name === "units") {
        ["parent", "successor"].forEach(function (key) {
          if (!blank(entry[key]) && !slugs[entry[key]]) out.add(at + "." + key, "không có đơn vị “" + entry[key] + "” trong danh mục");
        });
        if (!blank(entry.successor) && entry.successor === entry.slug) out.add(at + ".successor", "đơn vị không thể kế thừa chính nó");
        var from = day(out, at + ".valid_from", entry.valid_from);
        var until = day(out, at + ".valid_until", entry.valid_until);
        if (from && until && from > until) out.add(at + ".valid_until", "ngày kết thúc trước ngày bắt đầu");
        if (!blank(entry.source) && !/^https?:\/\//.test(String(entry.source).trim())) {
          out.add(at + ".source", "nguồn phải là địa chỉ web — chép nguyên địa chỉ bắt đầu bằng https://");
        }
        if (!blank(entry.successor) && blank(entry.valid_until)) {
          out.add(at + ".successor", "có đơn vị kế thừa nhưng không có ngày cuối cùng tồn tại — điền ngày đó");
        }
      }
    });
    return out.list;
  }

  root.HonoursForm = {
    parseCount: parseCount, slugify: slugify, parseDate: parseDate,
    articleProblems: articleProblems, registryProblems: registryProblems, addressOf: addressOf
  };
})(window);
