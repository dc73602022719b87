/* Cookie consent in the GOV.UK pattern. The visitor's choice is kept in one first-party cookie,
   cookies_policy = {"version": <policy version>, "analytics": true|false}, for a year. Nothing
   optional is stored or loaded until the visitor accepts. Loaded in <head> so the banner is
   decided before the page is painted; buttons are wired by delegation. The analytics provider
   (data-analytics-provider: google-analytics-4, matomo, plausible or own-script) is set up and its
   script added only after consent; withdrawing consent turns it off, deletes its cookies and stops
   it loading on later pages. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.documentElement;
  var COOKIE = "cookies_policy";
  var ONE_YEAR = 60 * 60 * 24 * 365;
  var version = Number(script.getAttribute("data-policy-version"));
  var analyticsSrc = script.getAttribute("data-analytics-src") || "";
  var provider = script.getAttribute("data-analytics-provider") || "";
  var options = JSON.parse(script.getAttribute("data-analytics-options") || "{}");
  var analyticsCookies = (script.getAttribute("data-analytics-cookies") || "")
    .split(",").map(function (name) { return name.trim(); }).filter(Boolean);

  function readCookie(name) {
    var found = null;
    document.cookie.split(";").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (pair.slice(0, at).trim() === name) {
        found = pair.slice(at + 1).trim();
      }
    });
    return found;
  }

  function readPolicy() {
    var raw = readCookie(COOKIE);
    if (raw === null) {
      return null;
    }
    try {
      var policy = JSON.parse(decodeURIComponent(raw));
      return policy && policy.version === version ? policy : null;
    } catch (error) {
      return null;
    }
  }

  function writePolicy(analytics) {
    var value = encodeURIComponent(JSON.stringify({ version: version, analytics: analytics }));
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie =
      COOKIE + "=" + value + "; max-age=" + ONE_YEAR + "; path=/; SameSite=Lax" + secure;
  }

  /* Providers set cookies on the host or on a parent domain (Google Analytics picks the highest
     it can): expire the name on each. */
  function expireCookie(name) {
    var labels = location.hostname.split(".");
    var domains = [""];
    for (var at = 0; at < labels.length - 1; at += 1) {
      domains.push("; domain=." + labels.slice(at).join("."));
    }
    domains.forEach(function (domain) {
      document.cookie = name + "=; max-age=0; path=/" + domain;
    });
  }

  function removeAnalyticsCookies() {
    document.cookie.split(";").forEach(function (pair) {
      var name = pair.split("=")[0].trim();
      var isAnalytics = analyticsCookies.some(function (prefix) {
        return name === prefix || name.indexOf(prefix) === 0;
      });
      if (isAnalytics) {
        expireCookie(name);
      }
    });
  }

  /* What each provider needs before its script runs, as its own documentation sets it up. */
  var setUp = {
    "google-analytics-4": function () {
      window["ga-disable-" + options.measurement_id] = false;
      window.dataLayer = window.dataLayer || [];
      window.gtag = function () { window.dataLayer.push(arguments); };
      window.gtag("js", new Date());
      window.gtag("config", options.measurement_id);
    },
    matomo: function (tag) {
      var paq = (window._paq = window._paq || []);
      paq.push(["setTrackerUrl", new URL("matomo.php", tag.src).href]);
      paq.push(["setSiteId", String(options.site_id)]);
      paq.push(["trackPageView"]);
      paq.push(["enableLinkTracking"]);
    },
    plausible: function (tag) {
      tag.setAttribute("data-domain", options.domain);
    }
  };

  /* How each provider is told to stop on this page once consent is withdrawn. */
  var turnOff = {
    "google-analytics-4": function () {
      window["ga-disable-" + options.measurement_id] = true;
    },
    matomo: function () {
      if (window._paq) {
        window._paq.push(["disableCookies"]);
        window._paq.push(["setDoNotTrack", true]);
      }
    }
  };

  function loadAnalytics() {
    if (!analyticsSrc || document.querySelector("script[data-vs-analytics]")) {
      return;
    }
    var tag = document.createElement("script");
    tag.src = new URL(analyticsSrc, document.baseURI).href;
    tag.async = true;
    tag.setAttribute("data-vs-analytics", "");
    if (setUp[provider]) {
      setUp[provider](tag);
    }
    document.head.appendChild(tag);
  }

  function stopAnalytics() {
    if (turnOff[provider] && document.querySelector("script[data-vs-analytics]")) {
      turnOff[provider]();
    }
    removeAnalyticsCookies();
  }

  function applyPolicy(policy) {
    if (policy && policy.analytics) {
      loadAnalytics();
    } else {
      stopAnalytics();
    }
  }

  function showMessage(message) {
    message.hidden = false;
    message.setAttribute("tabindex", "-1");
    message.focus();
  }

  function answerBanner(accepted) {
    var banner = document.querySelector("[data-vs-cookie-banner]");
    root.classList.remove("vs-consent-needed");
    if (!banner) {
      return;
    }
    banner.classList.add("vs-cookie-banner--answered");
    banner.querySelector("[data-vs-cookie-question]").hidden = true;
    var shown = accepted ? "[data-vs-cookie-accepted]" : "[data-vs-cookie-rejected]";
    showMessage(banner.querySelector(shown));
  }

  function choose(accepted) {
    writePolicy(accepted);
    applyPolicy({ analytics: accepted });
  }

  function hideBanner(banner) {
    banner.classList.remove("vs-cookie-banner--answered");
    banner.hidden = true;
  }

  function fillSettingsForm(form) {
    var policy = readPolicy();
    var answer = policy && policy.analytics ? "yes" : "no";
    var radio = form.querySelector("input[name='analytics'][value='" + answer + "']");
    if (radio) {
      radio.checked = true;
    }
  }

  function saveSettingsForm(form) {
    var accepted = form.querySelector("input[name='analytics']:checked").value === "yes";
    choose(accepted);
    root.classList.remove("vs-consent-needed");
    var banner = document.querySelector("[data-vs-cookie-banner]");
    if (banner) {
      hideBanner(banner);
    }
    showMessage(document.querySelector("[data-vs-cookie-saved]"));
  }

  document.addEventListener("click", function (event) {
    if (!(event.target instanceof Element)) {
      return;
    }
    var choice = event.target.closest("[data-vs-cookie-choice]");
    if (choice) {
      var accepted = choice.getAttribute("data-vs-cookie-choice") === "accept";
      choose(accepted);
      answerBanner(accepted);
    }
    var hide = event.target.closest("[data-vs-cookie-hide]");
    if (hide) {
      hideBanner(hide.closest("[data-vs-cookie-banner]"));
    }
  });

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("[data-vs-cookie-form]");
    if (form) {
      event.preventDefault();
      saveSettingsForm(form);
    }
  });

  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("[data-vs-cookie-form]");
    if (form) {
      fillSettingsForm(form);
    }
  });

  var policy = readPolicy();
  if (analyticsSrc && policy === null) {
    root.classList.add("vs-consent-needed");
  }
  applyPolicy(policy);
})();
