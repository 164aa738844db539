/*
 * Review change form: a preview of the Markdown body as readers will see it (rendered
 * and sanitised by the server), and one-click "add to the film" for credits the text
 * mentions, without leaving the page or losing unsaved edits.
 */
"use strict";
(function () {
    function csrfToken(form) {
        const field = form.querySelector("input[name=csrfmiddlewaretoken]");
        return field ? field.value : "";
    }

    function post(url, form, data) {
        data.append("csrfmiddlewaretoken", csrfToken(form));
        return fetch(url, {
            method: "POST",
            body: data,
            credentials: "same-origin",
            headers: {"Accept": "application/json"},
        }).then(function (response) { return response.json(); });
    }

    document.addEventListener("click", function (event) {
        const previewButton = event.target.closest("[data-markdown-preview]");
        if (previewButton) {
            event.preventDefault();
            const form = previewButton.closest("form");
            const source = document.getElementById(previewButton.dataset.source);
            const target = previewButton.parentElement.querySelector(".markdown-preview");
            const data = new FormData();
            data.append("text", source ? source.value : "");
            post(previewButton.dataset.markdownPreview, form, data).then(function (result) {
                // The server returns sanitised HTML (allow-listed tags only).
                target.innerHTML = result.html || "<p><em>—</em></p>";
                target.hidden = false;
            });
            return;
        }
        const creditButton = event.target.closest(".credit-check button[name=credit]");
        if (creditButton) {
            event.preventDefault();
            const form = creditButton.closest("form");
            const data = new FormData();
            data.append("credit", creditButton.value);
            post(creditButton.getAttribute("formaction"), form, data).then(function (result) {
                const item = creditButton.closest("li");
                const note = document.createElement("span");
                note.textContent = " " + (result.message || result.error);
                creditButton.replaceWith(note);
                if (result.message) { item.classList.add("added"); }
            });
        }
    });
})();
