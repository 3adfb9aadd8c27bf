// Task forms: validation as you type (each count against the one it cannot exceed, each tally row
// adding up to the ballots returned) and, for votes and elections, the computed outcome before submitting.
(function () {
  "use strict";
  var form = document.getElementById("task-form");
  if (!form) { return; }
  // The page's language is the layout's <html lang>: no inline script is needed to pass it.
  var en = document.documentElement.lang === "en";
  function t(vi, eng) { return en ? eng : vi; }
  function num(name) { var el = form.elements.namedItem(name); return el && el.value !== "" && el.value !== undefined ? Number(el.value) : null; }
  function count(el) { return el && el.value !== "" ? Number(el.value) : null; }
  // A row's inputs get their message in their own cell; a field's, in its box below it.
  function boxFor(el) {
    var cell = el.closest("td");
    if (!cell) { return form.querySelector('.field-error[data-for="' + CSS.escape(el.name) + '"]'); }
    var box = cell.querySelector(".field-error");
    if (!box) { box = document.createElement("div"); box.className = "field-error"; cell.appendChild(box); }
    return box;
  }
  function setError(el, message) {
    var box = boxFor(el);
    el.classList.toggle("invalid", !!message);
    if (box) { box.textContent = message || ""; }
  }
  // What a count cannot exceed: votes the ballots returned (or, before those are entered, those present).
  function ceiling() {
    var returned = num("ballotsReturned");
    return returned !== null ? { n: returned, vi: "số phiếu thu vào", en: "the ballots returned" } : num("present") !== null ? { n: num("present"), vi: "số người có mặt", en: "those present" } : null;
  }
  // high + normal + low + invalid of one candidate must come to the ballots returned.
  function rowSum(el) {
    if (!/^tallies\[\d+\]\.invalid$/.test(el.name) || num("ballotsReturned") === null) { return ""; }
    var tr = el.closest("tr"), parts = ["high", "normal", "low", "invalid"].map(function (k) { return count(tr.querySelector(".sub-" + k)); });
    if (parts.some(function (p) { return p === null; })) { return ""; }
    var sum = parts.reduce(function (a, b) { return a + b; }, 0), returned = num("ballotsReturned");
    return sum === returned ? "" : t("Cộng bốn cột = " + sum + " ≠ " + returned + " phiếu thu vào", "The four columns add up to " + sum + " ≠ " + returned + " ballots returned");
  }
  var showAll = false;
  function check(el) {
    if (!el.name || el.type === "hidden" || el.tagName === "BUTTON" || el.closest("template")) { return true; }
    var v = el.value.trim(), msg = "", cap;
    if (el.required && v === "") { msg = t("Bắt buộc nhập", "Required"); }
    else if (el.type === "number" && v !== "") {
      var n = Number(v);
      if (!Number.isInteger(n)) { msg = t("Phải là số nguyên", "Must be a whole number"); }
      else if (el.min !== "" && n < Number(el.min)) { msg = t("Không được nhỏ hơn ", "Must be at least ") + el.min; }
      else if (el.max !== "" && n > Number(el.max)) { msg = t("Không được lớn hơn ", "Must be at most ") + el.max; }
      else if (el.name === "present" && num("summoned") !== null && n > num("summoned")) { msg = t("Số có mặt (" + n + ") không được vượt số được triệu tập (" + num("summoned") + ")", "Present (" + n + ") cannot exceed those summoned (" + num("summoned") + ")"); }
      else if (el.name === "ballotsIssued" && num("present") !== null && n > num("present")) { msg = t("Số phiếu phát ra (" + n + ") không được vượt số có mặt (" + num("present") + ")", "Ballots issued (" + n + ") cannot exceed those present (" + num("present") + ")"); }
      else if (el.name === "ballotsReturned" && num("ballotsIssued") !== null && n > num("ballotsIssued")) { msg = t("Số phiếu thu vào (" + n + ") không được vượt số phiếu phát ra (" + num("ballotsIssued") + ")", "Ballots returned (" + n + ") cannot exceed those issued (" + num("ballotsIssued") + ")"); }
      else if (/^(tallies\[\d+\]\.(high|normal|low|invalid)|candidates\[\d+\]\.votes)$/.test(el.name) && (cap = ceiling()) && n > cap.n) { msg = t("Không được vượt " + cap.vi + " (" + cap.n + ")", "Cannot exceed " + cap.en + " (" + cap.n + ")"); }
      else { msg = rowSum(el); }
    }
    if (!msg && /\]\.reason$/.test(el.name)) {
      var sel = form.elements.namedItem(el.name.replace(/reason$/, "approved"));
      if (sel && sel.value === "false" && v === "") { msg = t("Cần nêu lý do không đạt", "A reason is required to reject"); }
    }
    var tr = el.closest("tr");
    if (el.dataset.touched || showAll || (tr && tr.querySelector("[data-touched]"))) { setError(el, msg); }
    return !msg;
  }
  function checkAll() {
    var ok = true;
    Array.prototype.forEach.call(form.elements, function (el) { if (!check(el)) { ok = false; } });
    var submit = document.getElementById("submit-task");
    if (submit) { submit.disabled = !ok; }
    return ok;
  }
  // The head-decision rows follow the tally: one per candidate exactly at the threshold, none for
  // anyone else. A row taken away keeps what was typed in it, in case the figure comes back.
  var parked = {};
  function syncHeadRows(candidates) {
    var table = form.querySelector("table.computed-rows");
    if (!table) { return; }
    var body = table.tBodies[0], template = document.getElementById(table.dataset.field + "-template");
    var at = candidates.filter(function (c) { return c.atThreshold; }).map(function (c) { return c.candidate; });
    function nameOf(tr) { return tr.querySelector(".sub-candidate").value; }
    Array.prototype.slice.call(body.rows).forEach(function (tr) {
      if (at.indexOf(nameOf(tr)) < 0) { parked[nameOf(tr)] = tr; tr.remove(); }
    });
    at.forEach(function (name) {
      if (Array.prototype.some.call(body.rows, function (tr) { return nameOf(tr) === name; })) { return; }
      var row = parked[name] || template.content.firstElementChild.cloneNode(true);
      row.querySelector(".sub-candidate").value = name;
      body.appendChild(row);
    });
    Array.prototype.forEach.call(body.rows, function (tr, i) {
      tr.dataset.row = String(i);
      Array.prototype.forEach.call(tr.querySelectorAll("[name]"), function (el) { el.name = el.name.replace(/\[[^\]]*\]/, "[" + i + "]"); });
    });
    var field = table.closest(".field");
    field.querySelector(".table-wrap").hidden = body.rows.length === 0;
    field.querySelector(".computed-empty").hidden = body.rows.length > 0;
  }
  function rowsOf(field, read) {
    var rows = [];
    Array.prototype.forEach.call(form.querySelectorAll('table[data-field="' + field + '"] tbody tr'), function (tr) { var r = read(tr); if (r) { rows.push(r); } });
    return rows;
  }
  // What to ask the server for, or null while the figures it needs are missing.
  function request() {
    var figures = { summoned: num("summoned"), present: num("present"), ballotsIssued: num("ballotsIssued"), ballotsReturned: num("ballotsReturned"), caseId: form.dataset.case, taskId: form.dataset.task };
    if (figures.summoned === null || figures.present === null) { return null; }
    if (form.dataset.kind === "Election") {
      if (num("seats") === null) { return null; }
      figures.seats = num("seats");
      var chair = form.elements.namedItem("chair");
      figures.chair = chair ? chair.value.trim() : null;
      figures.candidates = rowsOf("candidates", function (tr) {
        var name = tr.querySelector(".sub-name"), votes = count(tr.querySelector(".sub-votes"));
        return name && name.value.trim() !== "" && votes !== null ? { name: name.value.trim(), votes: votes } : null;
      });
      return { url: "/api/tasks/preview-election", body: figures };
    }
    figures.tallies = rowsOf("tallies", function (tr) {
      var name = tr.querySelector(".sub-candidate");
      return name && name.value.trim() !== "" ? { candidate: name.value.trim(), high: count(tr.querySelector(".sub-high")), normal: count(tr.querySelector(".sub-normal")),
        low: count(tr.querySelector(".sub-low")), invalid: count(tr.querySelector(".sub-invalid")) } : null;
    });
    return { url: "/api/tasks/preview-tally", body: figures };
  }
  var pending = null;
  function preview() {
    var box = document.getElementById("tally-preview"), ask = request();
    if (!box || !ask) { return; }
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(ask.url, { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": en ? "en" : "vi" }, credentials: "same-origin", body: JSON.stringify(ask.body) })
        .then(function (r) { return r.json().then(function (b) { return { ok: r.ok, body: b }; }); })
        .then(function (res) {
          box.innerHTML = "";
          if (!res.ok) { box.className = "preview invalid"; box.textContent = res.body.title || ""; return; }
          var o = res.body, h = document.createElement("p"), ul = document.createElement("ul");
          box.className = "preview " + (o.valid ? "valid" : "invalid");
          h.innerHTML = "<strong></strong>"; h.firstChild.textContent = t("Kết quả tính: ", "Computed outcome: ") + (en ? o.explanationEn : o.explanationVi);
          o.candidates.forEach(function (c) { var li = document.createElement("li"); li.className = c.passes ? "pass" : "fail"; li.textContent = en ? c.explanationEn : c.explanationVi; ul.appendChild(li); });
          box.appendChild(h); box.appendChild(ul);
          if (ask.body.tallies) { syncHeadRows(o.valid ? o.candidates : []); checkAll(); }
        });
    }, 150);
  }
  form.addEventListener("input", function (e) {
    e.target.dataset.touched = "1"; checkAll(); preview();
  });
  form.addEventListener("change", function () { checkAll(); });
  form.addEventListener("submit", function (e) { showAll = true; if (!checkAll()) { e.preventDefault(); } });
  preview();
})();

// A form that undoes much (cancelling a case) says what it cancels and asks first.
document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (e) {
        if (!window.confirm(form.dataset.confirm)) { e.preventDefault(); }
    });
});

// List fields of any length: "+ Add a row" copies the last row with the next index, × empties a row
// and hides it (the server leaves empty rows out).
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var add = e.target.closest && e.target.closest("button.add-row");
    if (add) {
      var body = document.getElementById(add.dataset.table).tBodies[0];
      var last = body.rows[body.rows.length - 1];
      var next = body.rows.length;
      var row = last.cloneNode(true);
      row.hidden = false;
      row.dataset.row = String(next);
      Array.prototype.forEach.call(row.querySelectorAll("[name]"), function (el) {
        el.name = el.name.replace(/\[\d+\]/, "[" + next + "]");
        if (el.tagName === "SELECT") { el.selectedIndex = 0; } else { el.value = ""; }
        el.classList.remove("invalid");
        el.removeAttribute("data-touched");
        if (el.getAttribute("aria-label")) { el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(next))); }
      });
      Array.prototype.forEach.call(row.querySelectorAll(".field-error"), function (box) { box.textContent = ""; });
      body.appendChild(row);
      var first = row.querySelector("input, select");
      if (first) { first.focus(); }
      return;
    }
    var remove = e.target.closest && e.target.closest("button.remove-row");
    if (remove) {
      var tr = remove.closest("tr");
      Array.prototype.forEach.call(tr.querySelectorAll("[name]"), function (el) {
        if (el.tagName === "SELECT") { el.selectedIndex = 0; } else { el.value = ""; }
        el.dispatchEvent(new Event("input", { bubbles: true }));
      });
      tr.hidden = true;
    }
  });
})();
