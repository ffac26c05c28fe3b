package io.vigie.stream.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import io.vigie.core.assess.Statements;
import io.vigie.core.contract.ActionCommand;
import io.vigie.core.contract.Alert;
import io.vigie.core.contract.Category;
import io.vigie.core.contract.Decision;
import io.vigie.core.contract.Severity;
import io.vigie.stream.serde.Json;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The console's web side on Javalin: sign-in, the queue, the alert page with claim, reveal and decision, the lead's
 * view and label export, plus {@code /health}, {@code /ready} and {@code /metrics}. Pages are JTE templates compiled
 * at build time; the browser runs one small plain script ({@code /static/console.js}) for the queue's refresh and
 * the reveal button, and works without it.
 *
 * <p>Security: every page but sign-in and the probes needs a session (a signed, HttpOnly, SameSite=Strict cookie,
 * or a trusted proxy's header when configured); every POST needs the session's CSRF token (form field
 * {@code _csrf} or header {@code X-CSRF-Token}) and is refused with 403 otherwise; the lead's pages need the lead
 * role. Responses carry a strict Content-Security-Policy (no inline script or style) and are not cached. Nothing
 * typed into a form and no alert content is logged.
 *
 * <p>Thread-safe; {@link #close()} stops the server.
 */
final class ConsoleWeb implements AutoCloseable {

    static final String CSRF_FIELD = "_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final int QUEUE_LIMIT = 500;
    private static final int NOTE_MAX = 2000;
    private static final String VIEWER = "vigie.viewer";
    private static final Set<String> OPEN_PATHS = Set.of("/login", "/health", "/ready", "/metrics");
    /** Messages shown after a redirect, by code: never text from the request. */
    private static final Map<String, String> FLASH = Map.of(
            "claimed", "You hold this alert now.",
            "renewed", "Your claim is renewed.",
            "lost", "Someone else claimed this alert first.",
            "released", "The claim is released.",
            "decided", "Decision recorded and sent to the engine.",
            "revealed", "Text revealed.");

    private final ConsoleConfig config;
    private final ReviewQueue queue;
    private final Users users;
    private final Sessions sessions;
    private final Publisher publisher;
    private final ConsoleMetrics metrics;
    private final RuleDescriptions rules;
    private final BooleanSupplier ready;
    private final Supplier<String> scrape;
    private final Clock clock;
    private final String instance;
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);
    private final Map<String, List<Long>> failures = new ConcurrentHashMap<>();
    private final Set<String> proxyAddresses;
    private final String proxyHeader;
    private final Javalin app;

    ConsoleWeb(ConsoleConfig config, ReviewQueue queue, Users users, Sessions sessions, Publisher publisher,
               ConsoleMetrics metrics, RuleDescriptions rules, BooleanSupplier ready, Supplier<String> scrape,
               Clock clock, String instance) {
        this.config = config;
        this.queue = queue;
        this.users = users;
        this.sessions = sessions;
        this.publisher = publisher;
        this.metrics = metrics;
        this.rules = rules;
        this.ready = ready;
        this.scrape = scrape;
        this.clock = clock;
        this.instance = instance;
        this.proxyHeader = config.getString(ConsoleConfig.PROXY_HEADER).trim();
        this.proxyAddresses = Set.copyOf(config.getList(ConsoleConfig.PROXY_ADDRESSES));
        this.app = Javalin.create(c -> {
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            c.jetty.host = config.getString(ConsoleConfig.HTTP_BIND_ADDRESS);
            c.jetty.port = config.getInt(ConsoleConfig.HTTP_PORT);
            c.http.maxRequestSize = 64 * 1024;
            c.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/io/vigie/stream/console/static";
                s.location = Location.CLASSPATH;
                s.headers = Map.of("Cache-Control", "no-cache");
            });
            c.routes.before(this::secure);
            c.routes.get("/health", ctx -> ctx.contentType("text/plain").result("UP\n"));
            c.routes.get("/ready", ctx -> {
                boolean r = ready.getAsBoolean();
                ctx.status(r ? 200 : 503).contentType("text/plain").result(r ? "READY\n" : "NOT READY\n");
            });
            c.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(scrape.get()));
            c.routes.get("/login", this::loginPage);
            c.routes.post("/login", this::login);
            c.routes.post("/logout", this::logout);
            c.routes.get("/", this::queuePage);
            c.routes.get("/queue/rows", this::queueRows);
            c.routes.get("/alerts/{id}", this::alertPage);
            c.routes.post("/alerts/{id}/claim", ctx -> claim(ctx, false));
            c.routes.post("/alerts/{id}/release", ctx -> claim(ctx, true));
            c.routes.post("/alerts/{id}/reveal", this::reveal);
            c.routes.post("/alerts/{id}/decide", this::decide);
            c.routes.get("/lead", this::leadPage);
            c.routes.get("/lead/labels.json", this::exportLabels);
            c.routes.error(404, ctx -> {
                if (ctx.result() == null || ctx.result().isEmpty()) {
                    message(ctx, 404, "Not found", "There is nothing at this address.");
                }
            });
            c.routes.exception(Exception.class, (e, ctx) -> {
                ConsoleLog.LOG.error("Request {} {} failed: {}", ctx.method(), shape(ctx.path()),
                        e.getClass().getSimpleName());
                // the stack only on request: an exception's message may quote alert content
                ConsoleLog.LOG.debug("Stack of the failed request", e);
                message(ctx, 500, "Something went wrong", "The request failed; nothing was recorded.");
            });
        });
    }

    /** Starts serving; returns the bound port. */
    int start() {
        app.start();
        return app.port();
    }

    int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    // ---------------------------------------------------------------- security

    /** Headers on every response, then sign-in and CSRF checks. */
    private void secure(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; "
                + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: with no-referrer Chrome sends "Origin: null" on form posts, which the origin check refuses
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        String path = ctx.path();
        if (OPEN_PATHS.contains(path) || path.startsWith("/static/")) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        Pages.Viewer viewer = viewer(ctx).orElse(null);
        if (viewer == null) {
            if (ctx.method().name().equals("GET") && !path.startsWith("/queue/")) {
                ctx.redirect("/login");
            } else {
                ctx.status(401).contentType("text/plain").result("sign in first\n");
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(VIEWER, viewer);
        if (ctx.method().name().equals("POST")) {
            String token = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
            if (!viewer.csrf().equals(token == null ? "" : token) || !sameOrigin(ctx)) {
                metrics.csrfRefused();
                audit(viewer, AuditEvent.Type.REFUSED, alertIdOf(path), "csrf");
                ConsoleLog.LOG.warn("Refused a POST {} without a valid CSRF token", shape(path));
                message(ctx, 403, "Refused", "This request did not carry the page's security token. Reload the "
                        + "page and try again.");
                ctx.skipRemainingHandlers();
            }
        }
    }

    /** True unless the browser says the request comes from another origin (an opaque "null" origin included). */
    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            return true;
        }
        String host = ctx.header("Host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    /** The signed-in user: a valid session cookie of a user still in the users file, or the proxy's header. */
    private Optional<Pages.Viewer> viewer(Context ctx) {
        if (!proxyHeader.isEmpty() && proxyAddresses.contains(ctx.req().getRemoteAddr())) {
            String name = ctx.header(proxyHeader);
            if (name != null && !name.isBlank()) {
                Optional<Users.User> user = users.find(name.trim());
                if (user.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Sessions.Session> s = sessions.verify(ctx.cookie(Sessions.COOKIE));
                Sessions.Session session = s.filter(x -> x.user().equals(user.get().name())).orElse(null);
                if (session == null) {
                    String cookie = sessions.issue(user.get().name());
                    setSessionCookie(ctx, cookie);
                    session = sessions.verify(cookie).orElseThrow();
                    audit(user.get().name(), user.get().role(), AuditEvent.Type.LOGIN, null, "proxy");
                }
                return Optional.of(new Pages.Viewer(user.get().name(), user.get().role(),
                        sessions.csrfToken("session", session.id())));
            }
        }
        return sessions.verify(ctx.cookie(Sessions.COOKIE)).flatMap(s -> users.find(s.user())
                .map(u -> new Pages.Viewer(u.name(), u.role(), sessions.csrfToken("session", s.id()))));
    }

    private void setSessionCookie(Context ctx, String value) {
        ctx.cookie(new Cookie(Sessions.COOKIE, value, "/", sessions.ttlSeconds(),
                config.getBoolean(ConsoleConfig.COOKIE_SECURE), true, null, SameSite.STRICT));
    }

    private void clearCookie(Context ctx, String name) {
        ctx.cookie(new Cookie(name, "", "/", 0, config.getBoolean(ConsoleConfig.COOKIE_SECURE), true, null,
                SameSite.STRICT));
    }

    private static Pages.Viewer viewerOf(Context ctx) {
        return ctx.attribute(VIEWER);
    }

    // ---------------------------------------------------------------- sign-in

    private void loginPage(Context ctx) {
        if (viewer(ctx).isPresent()) {
            ctx.redirect("/");
            return;
        }
        render(ctx, 200, "login.jte", new Pages.LoginPage(loginToken(ctx), null));
    }

    /** The sign-in form's CSRF token, bound to a pre-session nonce cookie set here when missing. */
    private String loginToken(Context ctx) {
        String nonce = ctx.cookie(Sessions.LOGIN_COOKIE);
        if (nonce == null || nonce.length() < 16) {
            nonce = Sessions.randomId();
            ctx.cookie(new Cookie(Sessions.LOGIN_COOKIE, nonce, "/", 3600,
                    config.getBoolean(ConsoleConfig.COOKIE_SECURE), true, null, SameSite.STRICT));
        }
        return sessions.csrfToken("login", nonce);
    }

    private void login(Context ctx) {
        String nonce = ctx.cookie(Sessions.LOGIN_COOKIE);
        if (!sessions.csrfValid("login", nonce, ctx.formParam(CSRF_FIELD))) {
            metrics.csrfRefused();
            render(ctx, 403, "login.jte", new Pages.LoginPage(loginToken(ctx),
                    "The sign-in form expired. Please try again."));
            return;
        }
        String name = Optional.ofNullable(ctx.formParam("username")).orElse("").trim();
        char[] password = Optional.ofNullable(ctx.formParam("password")).orElse("").toCharArray();
        Optional<Users.User> user = users.find(name);
        try {
            if (lockedOut(name)) {
                metrics.login(ConsoleMetrics.Login.LOCKED);
                audit(user.map(Users.User::name).orElse("unknown"), null, AuditEvent.Type.LOGIN_FAILED, null,
                        "locked");
                render(ctx, 429, "login.jte", new Pages.LoginPage(loginToken(ctx),
                        "Too many failed attempts. Try again later."));
                return;
            }
            boolean ok = user.isPresent() && user.get().hash() != null
                    && PasswordHasher.verify(password, user.get().hash());
            if (!ok) {
                failures.computeIfAbsent(name, k -> new ArrayList<>());
                synchronized (failures.get(name)) {
                    failures.get(name).add(clock.millis());
                }
                metrics.login(ConsoleMetrics.Login.FAILED);
                // the name is recorded only when it is a user's: a mistyped password in the name field must not land
                // in the audit topic
                audit(user.map(Users.User::name).orElse("unknown"), null, AuditEvent.Type.LOGIN_FAILED, null,
                        user.isPresent() ? "password" : "unknown-user");
                render(ctx, 401, "login.jte", new Pages.LoginPage(loginToken(ctx), "Wrong name or password."));
                return;
            }
        } finally {
            PasswordHasher.wipe(password);
        }
        failures.remove(name);
        metrics.login(ConsoleMetrics.Login.OK);
        setSessionCookie(ctx, sessions.issue(user.get().name()));
        clearCookie(ctx, Sessions.LOGIN_COOKIE);
        audit(user.get().name(), user.get().role(), AuditEvent.Type.LOGIN, null, "password");
        ctx.redirect("/");
    }

    private boolean lockedOut(String name) {
        List<Long> times = failures.get(name);
        if (times == null) {
            return false;
        }
        long window = config.getLong(ConsoleConfig.LOGIN_LOCKOUT_MS);
        long now = clock.millis();
        synchronized (times) {
            times.removeIf(t -> now - t > window);
            return times.size() >= config.getInt(ConsoleConfig.LOGIN_MAX_FAILURES);
        }
    }

    private void logout(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        sessions.verify(ctx.cookie(Sessions.COOKIE)).ifPresent(sessions::revoke);
        clearCookie(ctx, Sessions.COOKIE);
        audit(viewer, AuditEvent.Type.LOGOUT, null, null);
        ctx.redirect("/login");
    }

    // ---------------------------------------------------------------- queue

    private void queuePage(Context ctx) {
        render(ctx, 200, "queue.jte", queueModel(ctx));
    }

    private void queueRows(Context ctx) {
        render(ctx, 200, "queue_rows.jte", queueModel(ctx));
    }

    private Pages.QueuePage queueModel(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        ReviewQueue.Status status = parseEnum(ReviewQueue.Status.class, ctx.queryParam("status"));
        Category category = parseCategory(ctx.queryParam("category"));
        Severity severity = parseSeverity(ctx.queryParam("severity"));
        String language = ReviewQueue.language(ctx.queryParam("language"));
        ReviewQueue.Scope scope = parseEnum(ReviewQueue.Scope.class, ctx.queryParam("scope"));
        boolean minor = "1".equals(ctx.queryParam("minor")) || "on".equals(ctx.queryParam("minor"));
        ReviewQueue.Filter filter = new ReviewQueue.Filter(status, category, severity, language, scope, minor);
        Instant now = clock.instant();
        List<Pages.Row> rows = new ArrayList<>();
        for (ReviewQueue.Reviewed r : queue.list(filter, QUEUE_LIMIT)) {
            String claim = r.claim() == null ? "" : r.claim().reviewer() + " until "
                    + Pages.time(r.claim().expiresAt()).substring(11);
            rows.add(new Pages.Row(r, Pages.age(r.age(now)), claim,
                    r.claim() != null && r.claim().reviewer().equals(viewer.name())));
        }
        ReviewQueue.Summary summary = queue.summary();
        List<Pages.CategoryCount> byCategory = new ArrayList<>();
        summary.openByCategory().forEach((c, n) -> byCategory.add(new Pages.CategoryCount(c.value(), n)));
        String query = "status=" + filter.status().name().toLowerCase(Locale.ROOT)
                + (category == null ? "" : "&category=" + category.value())
                + (severity == null ? "" : "&severity=" + severity.value())
                + (language == null ? "" : "&language=" + language)
                + "&scope=" + filter.scope().name().toLowerCase(Locale.ROOT) + (minor ? "&minor=1" : "");
        Pages.FilterForm form = new Pages.FilterForm(filter.status().name().toLowerCase(Locale.ROOT),
                category == null ? "" : category.value(), severity == null ? "" : severity.value(),
                language == null ? "" : language, filter.scope().name().toLowerCase(Locale.ROOT), minor, query);
        return new Pages.QueuePage(viewer, ready.getAsBoolean(), form, rows, summary.open(), byCategory,
                severityLines(summary), Arrays.stream(Category.values()).map(Category::value).toList(),
                Arrays.stream(Severity.values()).map(Severity::value).toList(), flash(ctx));
    }

    private static List<Pages.SeverityLine> severityLines(ReviewQueue.Summary summary) {
        List<Pages.SeverityLine> out = new ArrayList<>();
        List<Severity> order = new ArrayList<>(List.of(Severity.values()));
        java.util.Collections.reverse(order);
        for (Severity s : order) {
            ReviewQueue.Waiting w = summary.bySeverity().get(s);
            out.add(new Pages.SeverityLine(s.value(), w.count(), w.count() == 0 ? "" : Pages.age(w.oldest()),
                    w.count() == 0 ? "" : Pages.age(w.median())));
        }
        return out;
    }

    // ---------------------------------------------------------------- alert page

    private void alertPage(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        String id = ctx.pathParam("id");
        Optional<ReviewQueue.Reviewed> r = queue.get(id);
        if (r.isEmpty()) {
            message(ctx, 404, "Unknown alert", ready.getAsBoolean() ? "This alert is not in the queue."
                    : "The queue is still loading; try again in a moment.");
            return;
        }
        boolean revealed = "1".equals(ctx.queryParam("revealed"));
        audit(viewer, AuditEvent.Type.VIEW, id, null);
        render(ctx, 200, "alert.jte", alertModel(viewer, r.get(), revealed, flash(ctx), null));
    }

    private Pages.AlertPage alertModel(Pages.Viewer viewer, ReviewQueue.Reviewed r, boolean revealed, String flash,
                                       String error) {
        Alert a = r.alert();
        Instant now = clock.instant();
        List<Alert.Signal> own = new ArrayList<>();
        List<Pages.SignalRow> signals = new ArrayList<>();
        for (Alert.Signal s : a.signals()) {
            boolean here = s.messageId() == null || s.messageId().equals(a.messageId());
            if (here) {
                own.add(s);
            }
            String where = !here ? "earlier message " + s.messageId()
                    : s.start() < 0 ? "not in the text (e.g. a media hash)" : "this message";
            signals.add(signalRow(s, where));
        }
        List<Pages.ContextRow> context = new ArrayList<>();
        List<Alert.ContextMessage> lead = new ArrayList<>(a.context());
        lead.sort(java.util.Comparator.comparing(Alert.ContextMessage::sentAt,
                java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder())));
        for (Alert.ContextMessage m : lead) {
            List<Alert.Signal> spans = new ArrayList<>(m.signals());
            for (Alert.Signal s : a.signals()) {
                if (m.messageId() != null && m.messageId().equals(s.messageId()) && !spans.contains(s)
                        && spans.stream().noneMatch(x -> x.ruleId().equals(s.ruleId()) && x.start() == s.start()
                        && x.end() == s.end())) {
                    spans.add(s);
                }
            }
            List<Pages.SignalRow> rows = spans.stream().map(s -> signalRow(s, "")).toList();
            context.add(new Pages.ContextRow(m.messageId(), who(a, m.senderId()), Pages.time(m.sentAt()),
                    Highlight.of(m.text(), spans), rows));
        }
        List<Pages.PersonRow> people = new ArrayList<>();
        Alert.AgeInfo age = a.age();
        Alert.PersonAge senderAge = age == null ? null : age.sender();
        people.add(person("sender", a.senderId(), senderAge));
        List<Alert.PersonAge> recipientAges = age == null ? List.of() : age.recipients();
        for (String rid : a.recipientIds()) {
            people.add(person("recipient", rid, recipientAges.stream().filter(p -> rid.equals(p.userId()))
                    .findFirst().orElse(null)));
        }
        List<Pages.RelatedRow> related = new ArrayList<>();
        for (ReviewQueue.Related rel : queue.related(a.alertId(), 20)) {
            ReviewQueue.Reviewed o = rel.reviewed();
            related.add(new Pages.RelatedRow(o.alert().alertId(), Pages.time(o.queuedAt()),
                    o.alert().severity().value(), categories(o.alert().categories()), String.join(", ", rel.links()),
                    o.decision() == null ? "open" : o.decision().verdict() + " by " + o.decision().reviewer()
                            + (o.decision().ban() ? " (ban)" : "")));
        }
        List<Pages.DecisionRow> decisions = r.decisions().stream().map(d -> new Pages.DecisionRow(d.reviewer(),
                d.verdict().name(), d.action().name(), categories(d.effectiveCategories(a.categories())),
                Pages.time(d.decidedAt()), d.note() == null ? "" : d.note(), d.override())).toList();
        ReviewQueue.Claim claim = r.claim();
        boolean mine = claim != null && claim.reviewer().equals(viewer.name());
        return new Pages.AlertPage(viewer, r, Pages.time(r.queuedAt()), Pages.age(r.age(now)),
                Highlight.of(a.text(), own), signals, context, people, chart(a), related, decisions, statement(a),
                claim == null ? "" : claim.reviewer(), claim == null ? "" : Pages.time(claim.expiresAt()), mine,
                claim != null && !mine, revealed, flash, error,
                Arrays.stream(Category.values()).map(Category::value).toList(),
                a.categories().stream().map(Category::value).toList());
    }

    private Pages.SignalRow signalRow(Alert.Signal s, String where) {
        return new Pages.SignalRow(s.ruleId(), s.category() == null ? "" : s.category().value(), s.score(),
                s.evidence() == null ? "" : s.evidence(), rules.of(s.ruleId()), where);
    }

    private static String who(Alert a, String senderId) {
        if (senderId == null) {
            return "?";
        }
        if (senderId.equals(a.senderId())) {
            return "sender " + senderId;
        }
        return (a.recipientIds().contains(senderId) ? "recipient " : "") + senderId;
    }

    private static Pages.PersonRow person(String role, String userId, Alert.PersonAge age) {
        return new Pages.PersonRow(role, userId == null ? "?" : userId,
                age == null || age.declared() == null ? "–" : String.valueOf(age.declared()),
                age == null || age.stated() == null ? "–" : String.valueOf(age.stated()),
                age != null && age.likelyMinor());
    }

    private Pages.RiskChart chart(Alert current) {
        List<ReviewQueue.RiskPoint> points = queue.riskOverTime(current.conversationId());
        int w = 360;
        int h = 120;
        int pad = 14;
        List<Pages.ChartPoint> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        long t0 = points.isEmpty() ? 0 : points.get(0).at().toEpochMilli();
        long t1 = points.isEmpty() ? 1 : points.get(points.size() - 1).at().toEpochMilli();
        for (ReviewQueue.RiskPoint p : points) {
            int x = t1 == t0 ? w / 2 : pad + (int) ((p.at().toEpochMilli() - t0) * (w - 2 * pad) / (t1 - t0));
            int y = h - pad - Math.max(0, Math.min(100, p.risk())) * (h - 2 * pad) / 100;
            line.append(x).append(',').append(y).append(' ');
            out.add(new Pages.ChartPoint(x, y, Pages.time(p.at()) + ": risk " + p.risk()
                    + (p.stages().isEmpty() ? "" : ", " + p.stages()), p.alertId().equals(current.alertId())));
        }
        String stages = current.conversation() == null ? "" : String.join(" → ",
                current.conversation().stages().stream().map(Enum::name).toList());
        return new Pages.RiskChart(w, h, line.toString().trim(), out, stages);
    }

    /** The statement of reasons the sender would be shown if a reviewer confirms with a ban (EU DSA art. 17). */
    private ActionCommand.StatementOfReasons statement(Alert a) {
        List<String> facts = new ArrayList<>();
        facts.add(Statements.FACT_BANNED);
        if (ReviewQueue.likelyMinor(a)) {
            facts.add(Statements.FACT_RECIPIENT_MINOR);
        }
        if (a.kind() == Alert.Kind.KNOWN_MEDIA) {
            facts.add(Statements.FACT_KNOWN_MEDIA);
        }
        List<String> ruleIds = a.signals().stream().map(Alert.Signal::ruleId).distinct().toList();
        return new ActionCommand.StatementOfReasons(false, a.categories(), ruleIds, facts,
                config.getString(ConsoleConfig.REDRESS));
    }

    // ---------------------------------------------------------------- actions

    private void claim(Context ctx, boolean release) {
        Pages.Viewer viewer = viewerOf(ctx);
        String id = ctx.pathParam("id");
        if (queue.get(id).isEmpty()) {
            message(ctx, 404, "Unknown alert", "This alert is not in the queue.");
            return;
        }
        Instant now = clock.instant();
        Optional<ReviewQueue.Claim> held = queue.claim(id);
        ClaimRecord record;
        if (release) {
            if (held.isEmpty()) {
                ctx.redirect("/alerts/" + id + "?msg=released");
                return;
            }
            boolean mine = held.get().reviewer().equals(viewer.name());
            if (!mine && !viewer.lead()) {
                message(ctx, 403, "Refused", "Only " + held.get().reviewer() + " or a lead can release this claim.");
                return;
            }
            record = new ClaimRecord(id, mine ? viewer.name() : held.get().reviewer(), now, null, true, !mine);
        } else {
            record = new ClaimRecord(id, viewer.name(), now,
                    now.plusMillis(config.getLong(ConsoleConfig.CLAIM_TTL_MS)), false, false);
        }
        try {
            publisher.claim(record, event(viewer, release ? AuditEvent.Type.RELEASE : AuditEvent.Type.CLAIM, id,
                    release && !record.reviewer().equals(viewer.name()) ? "force" : null));
        } catch (Publisher.PublishException e) {
            message(ctx, 503, "Not recorded", e.getMessage());
            return;
        }
        String msg;
        if (release) {
            msg = "released";
            metrics.claim(ReviewQueue.ClaimOutcome.RELEASED);
        } else {
            Optional<ReviewQueue.Claim> after = queue.claim(id);
            boolean won = after.isPresent() && after.get().reviewer().equals(viewer.name());
            ReviewQueue.ClaimOutcome outcome = !won ? ReviewQueue.ClaimOutcome.LOST
                    : held.isPresent() ? ReviewQueue.ClaimOutcome.RENEWED : ReviewQueue.ClaimOutcome.WON;
            metrics.claim(outcome);
            msg = outcome == ReviewQueue.ClaimOutcome.LOST ? "lost" : won && held.isPresent() ? "renewed" : "claimed";
        }
        ctx.redirect("/alerts/" + id + "?msg=" + msg);
    }

    private void reveal(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        String id = ctx.pathParam("id");
        if (queue.get(id).isEmpty()) {
            message(ctx, 404, "Unknown alert", "This alert is not in the queue.");
            return;
        }
        audit(viewer, AuditEvent.Type.REVEAL, id, null);
        if (ctx.header(CSRF_HEADER) != null) {
            ctx.status(204);
        } else {
            ctx.redirect("/alerts/" + id + "?revealed=1&msg=revealed");
        }
    }

    private void decide(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        String id = ctx.pathParam("id");
        Optional<ReviewQueue.Reviewed> found = queue.get(id);
        if (found.isEmpty()) {
            message(ctx, 404, "Unknown alert", "This alert is not in the queue.");
            return;
        }
        ReviewQueue.Reviewed r = found.get();
        boolean override = "on".equals(ctx.formParam("override")) || "1".equals(ctx.formParam("override"));
        String error = null;
        Decision.Verdict verdict = null;
        ReviewDecision.Action action = ReviewDecision.Action.NONE;
        Set<Category> chosen = EnumSet.noneOf(Category.class);
        String note = Optional.ofNullable(ctx.formParam("note")).orElse("").strip();
        try {
            verdict = Decision.Verdict.parse(ctx.formParam("verdict"));
            String chosenAction = ctx.formParam("action");
            action = chosenAction == null || chosenAction.isBlank() ? ReviewDecision.Action.NONE
                    : ReviewDecision.Action.valueOf(chosenAction.trim().toUpperCase(Locale.ROOT));
            for (String c : ctx.formParams("category")) {
                chosen.add(Category.parse(c));
            }
        } catch (IllegalArgumentException e) {
            error = "Choose CONFIRMED or DISMISSED, an action and valid categories.";
        }
        if (error == null && note.length() > NOTE_MAX) {
            error = "The reason is longer than " + NOTE_MAX + " characters.";
        }
        if (error == null && verdict == Decision.Verdict.CONFIRMED && chosen.isEmpty()) {
            error = "A confirmed alert needs at least one category (or dismiss it).";
        }
        if (error == null && verdict == Decision.Verdict.DISMISSED && action != ReviewDecision.Action.NONE) {
            error = "A dismissed alert cannot ban anyone.";
        }
        if (error == null && !override && r.claim() != null && !r.claim().reviewer().equals(viewer.name())) {
            error = r.claim().reviewer() + " holds this alert until " + Pages.time(r.claim().expiresAt())
                    + ". Tick \u201cdecide anyway\u201d to decide it yourself.";
        }
        if (error == null && !override && r.decision() != null) {
            error = "Already decided by " + r.decision().reviewer() + ". Tick \u201cdecide anyway\u201d to record "
                    + "another decision.";
        }
        if (error != null) {
            audit(viewer, AuditEvent.Type.REFUSED, id, "decision-invalid");
            render(ctx, 409, "alert.jte", alertModel(viewer, r, false, null, error));
            return;
        }
        Alert a = r.alert();
        List<Category> categories = verdict == Decision.Verdict.DISMISSED ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(chosen));
        boolean ban = verdict == Decision.Verdict.CONFIRMED && action != ReviewDecision.Action.NONE;
        Instant now = clock.instant();
        ReviewDecision d = new ReviewDecision(id, viewer.name(), verdict, ban, now, note.isEmpty() ? null : note,
                action, categories, a.senderId(), action == ReviewDecision.Action.BAN_DEVICE ? a.deviceId() : null,
                override, ReviewDecision.SOURCE);
        try {
            publisher.decide(d, event(viewer, AuditEvent.Type.DECIDE, id, verdict + " " + action
                    + (override ? " override" : "")));
        } catch (Publisher.PublishException e) {
            message(ctx, 503, "Not recorded", e.getMessage());
            return;
        }
        metrics.decided(d, a.severity(), Duration.between(r.queuedAt(), now));
        ctx.redirect("/alerts/" + id + "?msg=decided");
    }

    // ---------------------------------------------------------------- lead

    private boolean requireLead(Context ctx) {
        Pages.Viewer viewer = viewerOf(ctx);
        if (!viewer.lead()) {
            audit(viewer, AuditEvent.Type.REFUSED, null, "lead-only");
            message(ctx, 403, "Leads only", "This page is for leads.");
            return false;
        }
        return true;
    }

    private void leadPage(Context ctx) {
        if (!requireLead(ctx)) {
            return;
        }
        ReviewQueue.Summary summary = queue.summary();
        List<Pages.ReviewerLine> reviewers = queue.reviewerStats().stream().map(s -> new Pages.ReviewerLine(
                s.reviewer(), s.lastHour(), s.lastDay(), s.total(), s.confirmed(), s.dismissed(),
                Pages.age(s.medianTimeToDecision()))).toList();
        List<Pages.DisagreementRow> disagreements = queue.disagreements().stream().map(x -> {
            Alert a = x.reviewed().alert();
            ReviewDecision d = x.decision();
            return new Pages.DisagreementRow(a.alertId(), a.conversationId(), a.severity().value() + " "
                    + categories(a.categories()) + " → " + a.action().value(), d.reviewer(), d.verdict().name(),
                    categories(d.effectiveCategories(a.categories())), x.kind(), Pages.time(d.decidedAt()),
                    d.note() == null ? "" : d.note());
        }).toList();
        render(ctx, 200, "lead.jte", new Pages.LeadPage(viewerOf(ctx), summary.open(), severityLines(summary),
                reviewers, disagreements, queue.size(), queue.evicted()));
    }

    private void exportLabels(Context ctx) throws Exception {
        if (!requireLead(ctx)) {
            return;
        }
        Map<String, LabelExport.Label> labels = LabelExport.of(queue);
        audit(viewerOf(ctx), AuditEvent.Type.EXPORT, null, labels.size() + " conversations");
        ctx.header("Content-Disposition", "attachment; filename=\"review-labels.json\"");
        ctx.contentType("application/json").result(Json.MAPPER.writerWithDefaultPrettyPrinter()
                .writeValueAsString(labels) + "\n");
    }

    // ---------------------------------------------------------------- helpers

    private void render(Context ctx, int status, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
    }

    private void message(Context ctx, int status, String title, String text) {
        Pages.Viewer viewer = ctx.attribute(VIEWER);
        render(ctx, status, "message.jte", new Pages.MessagePage(viewer, title, text));
    }

    private AuditEvent event(Pages.Viewer viewer, AuditEvent.Type type, String alertId, String detail) {
        return new AuditEvent(clock.instant(), viewer.name(), viewer.role().value(), type, alertId, detail, instance);
    }

    private void audit(Pages.Viewer viewer, AuditEvent.Type type, String alertId, String detail) {
        audit(viewer.name(), viewer.role(), type, alertId, detail);
    }

    /** Writes an audit line; a failure is logged and counted but does not fail the page (the view still happened). */
    private void audit(String actor, Role role, AuditEvent.Type type, String alertId, String detail) {
        try {
            publisher.audit(new AuditEvent(clock.instant(), actor, role == null ? null : role.value(), type, alertId,
                    detail, instance));
        } catch (Publisher.PublishException e) {
            ConsoleLog.LOG.error("Audit line {} not written: {}", type, e.getMessage());
        }
    }

    /** The message of a redirect's {@code msg} code; null for none or an unknown code. */
    private static String flash(Context ctx) {
        String code = ctx.queryParam("msg");
        return code == null ? null : FLASH.get(code);
    }

    /** A path as logged: alert ids replaced, so that a log line names the kind of request only. */
    private static String shape(String path) {
        return path.replaceAll("/alerts/[^/]+", "/alerts/{id}");
    }

    private static String alertIdOf(String path) {
        if (!path.startsWith("/alerts/")) {
            return null;
        }
        String rest = path.substring("/alerts/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static String categories(List<Category> cs) {
        return String.join(", ", cs.stream().map(Category::value).toList());
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Category parseCategory(String s) {
        try {
            return s == null || s.isBlank() ? null : Category.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Severity parseSeverity(String s) {
        try {
            return s == null || s.isBlank() ? null : Severity.parse(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
