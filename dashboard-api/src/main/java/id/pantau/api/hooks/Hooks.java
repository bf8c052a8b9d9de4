package id.pantau.api.hooks;

import com.fasterxml.jackson.databind.ObjectReader;
import id.pantau.access.Principal;
import id.pantau.api.ApiException;
import id.pantau.api.access.Capability;
import id.pantau.api.access.Permissions;
import id.pantau.events.Json;
import id.pantau.events.Topics;
import id.pantau.kafka.Start;
import id.pantau.kafka.TopicFollower;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alert webhooks of one dashboard-api process, free of HTTP: configured by BKD admins, stored
 * on {@link Topics#HOOKS}, each delivered by its own {@link HookWorker} from the progress saved on
 * {@link Topics#HOOK_DELIVERIES}.
 *
 * <p>At start it reads both compacted topics to their ends (one {@link TopicFollower} each, closed
 * once caught up: this process is their only writer, and from then on it writes what it changes),
 * then starts a worker per hook. Until then the API answers 503. Kafka unreachable: the followers
 * retry; a change answers 503.
 */
public final class Hooks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Hooks.class);
  private static final ObjectReader HOOK = Json.MAPPER.readerFor(Hook.class);
  private static final ObjectReader PROGRESS = Json.MAPPER.readerFor(HookTopics.Progress.class);

  private final String bootstrap;
  private final HookTopics topics;
  private final Backoff backoff;
  private final Clock clock;
  private final HttpClient http;
  private final Map<String, Hook> loadedHooks = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, Long>> loadedProgress = new ConcurrentHashMap<>();
  private final Map<String, HookWorker> workers = new ConcurrentHashMap<>();
  private final TopicFollower progressReader;
  private volatile TopicFollower hookReader;
  private volatile boolean loaded;
  private boolean closed; // guarded by this

  private Hooks(String bootstrap, HookTopics topics, Backoff backoff, Clock clock) {
    this.bootstrap = bootstrap;
    this.topics = topics;
    this.backoff = backoff;
    this.clock = clock;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    this.progressReader =
        TopicFollower.of(bootstrap, topics.progressTopic())
            .clientId("pantau-dashboard-hook-progress")
            .name("hook progress")
            .from(Start.beginning())
            .onRecord(this::readProgress)
            .onCaughtUp(this::progressLoaded)
            .start();
  }

  /** The hooks of {@link Topics#HOOKS}, delivering {@link Topics#ALERTS}, retried per default. */
  public static Hooks start(String bootstrap) {
    return start(bootstrap, Backoff.DEFAULT);
  }

  /** Returns at once, even when Kafka is unreachable: the hooks load when it answers. */
  public static Hooks start(String bootstrap, Backoff backoff) {
    HookTopics topics =
        new HookTopics(bootstrap, Topics.HOOKS, Topics.HOOK_DELIVERIES, Topics.ALERTS);
    return new Hooks(bootstrap, topics, backoff, Clock.systemUTC());
  }

  /** True once every hook and its progress has been read and its worker started. */
  public boolean loaded() {
    return loaded;
  }

  /** A hook saved: created (true) or replaced. */
  public record Saved(boolean created, HookView hook) {}

  /**
   * Creates or replaces the hook {@code name}. A new hook delivers the alerts written from now on;
   * a replaced one goes on where it was.
   *
   * @throws ApiException 400 naming each bad field, 403 for another role or a scope the caller does
   *     not have, 503 while loading or when Kafka does not answer
   */
  public synchronized Saved put(Principal caller, String name, byte[] body) {
    requireAdmin(caller);
    Hook hook = HookRequest.parse(caller, name, body, clock.instant());
    requireLoaded();
    HookWorker old = workers.get(name);
    if (old != null && !old.hook().withinScopeOf(caller)) {
      throw ApiException.forbidden(
          "name: '" + name + "' is a hook of a wider scope than this token's; pick another name");
    }
    Map<Integer, Long> from = null;
    try {
      if (old == null) {
        from = topics.alertEnds();
        topics.saveProgress(name, from); // first: a restart before any alert still starts here
      }
      topics.saveHook(hook);
    } catch (IllegalStateException e) {
      throw unavailable(e);
    }
    if (old != null) {
      old.close(); // first, so the two never deliver side by side
      from = old.saved();
    }
    workers.put(name, worker(hook, from));
    return new Saved(old == null, hook.view());
  }

  /** Every hook the caller may see, by name. */
  public List<HookView> list(Principal caller) {
    requireAdmin(caller);
    requireLoaded();
    return workers.values().stream()
        .map(HookWorker::hook)
        .filter(h -> h.withinScopeOf(caller))
        .sorted(Comparator.comparing(Hook::name))
        .map(Hook::view)
        .toList();
  }

  /** The hook, without its secret; 404 when there is none the caller may see. */
  public HookView get(Principal caller, String name) {
    return visible(caller, name).hook().view();
  }

  /** The hook's last attempts (at most {@value HookWorker#KEPT_ATTEMPTS}), newest first. */
  public List<Attempt> deliveries(Principal caller, String name) {
    List<Attempt> all = new ArrayList<>(visible(caller, name).attempts());
    Collections.reverse(all);
    return all;
  }

  /** Deletes the hook and its progress (a hook made again with the name starts afresh). */
  public synchronized void delete(Principal caller, String name) {
    HookWorker w = visible(caller, name);
    try {
      topics.deleteHook(name);
      topics.deleteProgress(name);
    } catch (IllegalStateException e) {
      throw unavailable(e);
    }
    workers.remove(name);
    w.close();
  }

  private HookWorker visible(Principal caller, String name) {
    requireAdmin(caller);
    requireLoaded();
    HookWorker w = name == null ? null : workers.get(name);
    if (w == null || !w.hook().withinScopeOf(caller)) {
      throw ApiException.notFound("name: no hook '" + name + "' among those this token may see");
    }
    return w;
  }

  private HookWorker worker(Hook hook, Map<Integer, Long> from) {
    return new HookWorker(hook, from, bootstrap, http, backoff, topics, clock);
  }

  // --- loading, on the followers' threads ------------------------------------------------------

  private void readProgress(ConsumerRecord<byte[], byte[]> r) {
    String name = key(r);
    if (r.value() == null) {
      loadedProgress.remove(name);
      return;
    }
    try {
      HookTopics.Progress p = PROGRESS.readValue(r.value());
      loadedProgress.put(name, p.offsets() == null ? Map.of() : Map.copyOf(p.offsets()));
    } catch (IOException e) {
      LOG.warn("hook progress: skipping the record of '{}': {}", name, e.getMessage());
    }
  }

  private synchronized void progressLoaded() {
    progressReader.close();
    if (closed) return;
    hookReader =
        TopicFollower.of(bootstrap, topics.hooksTopic())
            .clientId("pantau-dashboard-hooks")
            .name("hooks")
            .from(Start.beginning())
            .onRecord(this::readHook)
            .onCaughtUp(this::hooksLoaded)
            .start();
  }

  private void readHook(ConsumerRecord<byte[], byte[]> r) {
    String name = key(r);
    if (r.value() == null) {
      loadedHooks.remove(name);
      return;
    }
    try {
      loadedHooks.put(name, HOOK.readValue(r.value()));
    } catch (IOException e) {
      LOG.warn("hooks: skipping the record of '{}': {}", name, e.getMessage());
    }
  }

  private synchronized void hooksLoaded() {
    hookReader.close();
    if (closed) return;
    for (Hook h : loadedHooks.values()) {
      Map<Integer, Long> from = loadedProgress.get(h.name());
      if (from == null) {
        // Its progress is saved before the hook itself: lost with its topic, start at the end.
        LOG.warn("hooks: '{}' has no saved progress; it delivers the alerts from now on", h.name());
        try {
          from = topics.alertEnds();
        } catch (IllegalStateException e) {
          LOG.error("hooks: '{}' not started (PUT it again): {}", h.name(), e.getMessage());
          continue;
        }
      }
      workers.put(h.name(), worker(h, from));
    }
    loadedHooks.clear();
    loadedProgress.clear();
    loaded = true;
    LOG.info("hooks: {} delivering", workers.size());
  }

  private static String key(ConsumerRecord<byte[], byte[]> r) {
    return r.key() == null ? "" : new String(r.key(), StandardCharsets.UTF_8);
  }

  // --- checks -----------------------------------------------------------------------------------

  private static void requireAdmin(Principal caller) {
    Permissions.require(caller, Capability.WEBHOOKS);
  }

  private void requireLoaded() {
    if (!loaded) {
      throw new ApiException(
          503, List.of("hooks: still loading the webhooks from Kafka"), Map.of("Retry-After", "5"));
    }
  }

  private static ApiException unavailable(IllegalStateException e) {
    LOG.warn("hooks: Kafka did not take a change: {}", e.getMessage());
    return new ApiException(
        503,
        List.of("kafka: unreachable, the hook was not changed; try again"),
        Map.of("Retry-After", "5"));
  }

  /** Stops every worker (a request in flight or a retry's wait ends at once) and the readers. */
  @Override
  public void close() {
    TopicFollower reader;
    synchronized (this) {
      if (closed) return;
      closed = true;
      reader = hookReader;
    }
    progressReader.close();
    if (reader != null) reader.close();
    workers.values().forEach(HookWorker::close);
    workers.clear();
    topics.close();
  }
}
