/* Search page: Pagefind's JavaScript API with a small Vietnamese interface.
   Pagefind already ignores tone marks; the index also holds each đ-word in
   folded form ("dong" for "Đồng"), which is cut off before excerpts are shown.
   Kind, year and unit come from each page's metadata and are filtered here.
   The query and filters are kept in the address (?q=…&loai=…&nam=…&don_vi=…)
   so that a search can be shared. */
(function () {
  "use strict";
  var root = document.getElementById("tim-kiem");
  if (!root) return;
  var form = root.querySelector(".search-form");
  var input = root.querySelector("#tu-khoa");
  var status = root.querySelector(".search-status");
  var list = root.querySelector(".search-results");
  var more = root.querySelector(".search-more");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var PAGE = 10;
  /* Pagefind ranks by word frequency, not by the words standing together:
     the first 20 results are re-ordered so that a page whose title holds the
     query as a phrase comes first, then pages whose text does. Their
     fragments are a few kilobytes each; the first ten are shown anyway. */
  var RERANK = 20;
  var pagefind, results = [], next = 0, shownCount = 0, query = "", chosen = {}, timer = null, generation = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function bare(word) { return fold(word).replace(/[^\p{L}\p{N}]/gu, ""); }
  function escapeHtml(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /* An excerpt from the page's own words only: the folded words are cut off
     and the words that match the query (ignoring marks) are highlighted. */
  function excerpt(data) {
    var text = ownText(data);
    var words = text.split(/\s+/).filter(Boolean);
    var terms = fold(query).split(/\s+/).map(bare).filter(Boolean);
    var last = terms.length - 1;
    var matched = words.map(function (w) {
      var b = bare(w);
      for (var i = 0; i < terms.length; i++) {
        if (b !== "" && (i === last ? b.indexOf(terms[i]) === 0 : b === terms[i])) return i;
      }
      return -1;
    });
    var hits = matched.map(function (i) { return i >= 0; });
    /* Centre the excerpt where most different query words occur close together. */
    var best = 0, bestScore = 0;
    matched.forEach(function (term, i) {
      if (term < 0) return;
      var seen = {};
      matched.slice(i, i + 6).forEach(function (t) { if (t >= 0) seen[t] = true; });
      var score = Object.keys(seen).length;
      if (score > bestScore) { best = i; bestScore = score; }
    });
    var start = Math.max(0, best - 12), end = Math.min(words.length, start + 32);
    var out = words.slice(start, end).map(function (w, i) {
      return hits[start + i] ? "<mark>" + escapeHtml(w) + "</mark>" : escapeHtml(w);
    }).join(" ");
    return (start > 0 ? "… " : "") + out + (end < words.length ? " …" : "");
  }

  function ownText(data) {
    var text = data.content || "";
    var folded = data.meta && data.meta.fold;
    var cut = folded ? text.lastIndexOf(folded) : -1;
    return cut >= 0 ? text.slice(0, cut) : text;
  }
  function phrase(text) { return " " + fold(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(" ") + " "; }

  /* 3 when the title is the query as a phrase with at most two words more
     (the page of what was typed: "Xã Đức Thắng" for "duc thang", an award's
     roll "… năm 2017"), 2 when the title holds the phrase, 1 when the text
     does, 0 otherwise. */
  function phraseScore(data, wanted) {
    var title = phrase((data.meta && data.meta.title) || "");
    if (title.indexOf(wanted) >= 0) {
      return words(title) - words(wanted) <= 2 ? 3 : 2;
    }
    return phrase(ownText(data)).indexOf(wanted) >= 0 ? 1 : 0;
  }
  function words(text) { return text.split(" ").filter(Boolean).length; }

  function rerank(found) {
    var wanted = phrase(query);
    var head = found.slice(0, RERANK);
    return Promise.all(head.map(function (r) { return r.data(); })).then(function (items) {
      var order = head.map(function (r, i) { return { result: r, score: phraseScore(items[i], wanted), index: i }; });
      order.sort(function (a, b) { return b.score - a.score || a.index - b.index; });
      return order.map(function (o) { return o.result; }).concat(found.slice(RERANK));
    });
  }

  function matches(data) {
    var meta = data.meta || {};
    return Object.keys(chosen).every(function (key) {
      return (meta[key] || "").split("|").indexOf(chosen[key]) >= 0;
    });
  }

  function render(data) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var meta = document.createElement("span");
    meta.className = "meta";
    meta.textContent = [data.meta.loai, data.meta.nam].filter(Boolean).join(" · ");
    var text = document.createElement("p");
    text.innerHTML = excerpt(data);
    li.appendChild(link);
    li.appendChild(meta);
    li.appendChild(text);
    list.appendChild(li);
  }

  /* Load results in batches until a page of matches is shown or none are left. */
  function showMore() {
    var mine = generation, added = 0;
    more.hidden = true;
    function batch() {
      if (mine !== generation) return null;
      if (added >= PAGE || next >= results.length) return finish();
      var slice = results.slice(next, next + PAGE);
      next += slice.length;
      return Promise.all(slice.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== generation) return null;
        items.filter(matches).forEach(function (data) { render(data); added += 1; shownCount += 1; });
        return batch();
      });
    }
    function finish() {
      var filtering = Object.keys(chosen).length > 0;
      if (!shownCount) status.textContent = "Không tìm thấy kết quả nào.";
      else if (filtering) status.textContent = "Có " + shownCount + " kết quả phù hợp" + (next < results.length ? " (còn nữa)." : ".");
      else status.textContent = "Tìm thấy " + results.length + " kết quả.";
      more.hidden = next >= results.length;
      return null;
    }
    return batch();
  }

  /* The query and chosen filters as the page's address, without reloading it. */
  function remember() {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    Object.keys(chosen).sort().forEach(function (key) { params.set(key, chosen[key]); });
    var search = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : ""));
  }

  function search() {
    query = input.value.trim();
    chosen = {};
    selects.forEach(function (s) { if (s.value) chosen[s.dataset.filter] = s.value; });
    remember();
    var mine = ++generation;
    list.innerHTML = "";
    more.hidden = true;
    results = []; next = 0; shownCount = 0;
    if (!query) { status.textContent = ""; return; }
    status.textContent = "Đang tìm…";
    ready.then(function () { return pagefind.search(query); }).then(function (found) {
      if (mine !== generation) return null;
      return rerank(found.results);
    }).then(function (ranked) {
      if (!ranked || mine !== generation) return null;
      results = ranked;
      return showMore();
    }).catch(failed);
  }

  function failed() {
    status.textContent = "Không tải được chỉ mục tìm kiếm. Hãy thử tải lại trang.";
  }

  /* The form is on the page from the start (no layout shift); a search typed
     before the index has loaded waits for it. */
  var ready = import(root.dataset.bundle + "pagefind.js").then(function (module) {
    pagefind = module;
    return pagefind.options({ excerptLength: 30 });
  });
  ready.then(function () { root.dataset.ready = "true"; }, failed);

  var initial = new URLSearchParams(window.location.search);
  selects.forEach(function (s) {
    var value = initial.get(s.dataset.filter);
    if (value && Array.prototype.some.call(s.options, function (o) { return o.value === value; })) s.value = value;
  });
  input.value = initial.get("q") || "";
  if (input.value) search();
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(search, 250); });
  selects.forEach(function (s) { s.addEventListener("change", search); });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); search(); });
  more.addEventListener("click", showMore);
})();
