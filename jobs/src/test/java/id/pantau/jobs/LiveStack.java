package id.pantau.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pantau.events.Topics;
import id.pantau.infra.InfluxServer;
import id.pantau.infra.KafkaBroker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.BoundParameterQuery;
import org.influxdb.dto.QueryResult;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Kafka broker (Pantau's topics, 2 partitions each) and a real influxd for the whole-job
 * ITs, with what they share: the jobs started on them, a producer, topic readers, InfluxQL rows and
 * waiting on a condition with a deadline.
 */
public final class LiveStack implements AutoCloseable {
  public static final ObjectMapper JSON = new ObjectMapper();

  /** How long a whole-job IT waits for what it expects. */
  public static final Duration DEADLINE = Duration.ofSeconds(90);

  public final KafkaBroker kafka;
  public final InfluxServer influx;
  private final InfluxDB client;
  private final KafkaProducer<String, String> producer;

  private LiveStack(KafkaBroker kafka, InfluxServer influx) {
    this.kafka = kafka;
    this.influx = influx;
    this.client = InfluxDBFactory.connect(influx.url());
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    this.producer = new KafkaProducer<>(p);
  }

  public static LiveStack start(Path dir) throws IOException {
    KafkaBroker kafka = KafkaBroker.start(dir.resolve("kafka"));
    InfluxServer influx = null;
    try {
      kafka.createPantauTopics(2);
      influx = InfluxServer.start(dir.resolve("influx"));
      return new LiveStack(kafka, influx);
    } catch (IOException | RuntimeException e) {
      if (influx != null) influx.close();
      kafka.close();
      throw e;
    }
  }

  /** The jobs' settings for this stack, reading every topic from its beginning. */
  public JobsConfig config() {
    return JobsConfig.defaults()
        .withKafka(kafka.bootstrapServers())
        .withInflux(influx.url())
        .withStartFrom("earliest");
  }

  /** All Pantau jobs on the test's MiniCluster, between this Kafka and this influxd. */
  public JobClient startJobs(String name) throws Exception {
    return startJobs(name, config());
  }

  /** All Pantau jobs with these settings (e.g. {@link #config()} at another parallelism). */
  public JobClient startJobs(String name, JobsConfig cfg) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    PantauJobs.build(env, JobSources.kafka(cfg), JobSinks.real(cfg), cfg);
    return env.executeAsync(name);
  }

  /** Produces one record and waits for Kafka's acknowledgement. */
  public void send(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while producing to " + topic, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("Kafka refused a record of " + topic, e.getCause());
    }
  }

  /** Reads a topic from its beginning, keeping every record seen as JSON. */
  public TopicReader read(String topic) {
    return new TopicReader(topic);
  }

  public final class TopicReader implements AutoCloseable {
    private final String topic;
    private final KafkaConsumer<String, String> consumer;
    private final List<JsonNode> seen = new ArrayList<>();

    private TopicReader(String topic) {
      this.topic = topic;
      Properties p = new Properties();
      p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
      p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + topic + "-" + System.nanoTime());
      p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
      p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
      consumer = new KafkaConsumer<>(p);
      consumer.subscribe(List.of(topic));
    }

    /** Polls once (up to half a second), then returns everything seen so far. */
    public List<JsonNode> poll() {
      for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
        try {
          seen.add(JSON.readTree(r.value()));
        } catch (IOException e) {
          throw new AssertionError("not JSON on " + topic + ": " + r.value(), e);
        }
      }
      return seen;
    }

    /** The first record seen that matches, or null. */
    public JsonNode find(Predicate<JsonNode> match) {
      return poll().stream().filter(match).findFirst().orElse(null);
    }

    /** Waits for a record that matches. */
    public JsonNode await(String what, Duration deadline, Predicate<JsonNode> match)
        throws InterruptedException {
      try {
        return LiveStack.await(what + " on " + topic, deadline, () -> find(match));
      } catch (AssertionError e) {
        // What did come, so a failure says why the awaited record was not among it.
        List<JsonNode> last = seen.subList(Math.max(0, seen.size() - 12), seen.size());
        throw new AssertionError(
            e.getMessage() + "; the last " + last.size() + " of " + seen.size() + " seen: " + last);
      }
    }

    @Override
    public void close() {
      consumer.close();
    }
  }

  /** The rows of an InfluxQL query on database pantau (parameters bound), each column by name. */
  public List<Map<String, Object>> rows(String influxQl, Map<String, Object> params) {
    BoundParameterQuery.QueryBuilder q = BoundParameterQuery.QueryBuilder.newQuery(influxQl);
    q.forDatabase("pantau");
    params.forEach(q::bind);
    QueryResult r = client.query(q.create());
    List<Map<String, Object>> rows = new ArrayList<>();
    if (r.hasError() || r.getResults() == null) return rows;
    for (QueryResult.Result result : r.getResults()) {
      if (result.hasError() || result.getSeries() == null) continue;
      for (QueryResult.Series s : result.getSeries()) {
        for (List<Object> values : s.getValues()) {
          Map<String, Object> row = new HashMap<>();
          if (s.getTags() != null) row.putAll(s.getTags());
          for (int i = 0; i < s.getColumns().size(); i++)
            row.put(s.getColumns().get(i), values.get(i));
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** The newest point of the unit in the measurement, its tags included, or null. */
  public Map<String, Object> latest(String measurement, String unit) {
    List<Map<String, Object>> rows =
        rows(
            "SELECT * FROM " + measurement + " WHERE unit = $unit ORDER BY time DESC LIMIT 1",
            Map.of("unit", unit));
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Waits for the unit's newest occupancy point to say {@code n} present; returns that point. */
  public Map<String, Object> awaitPresent(String unit, int n) throws InterruptedException {
    return await(
        "present = " + n + " of " + unit + " in InfluxDB",
        DEADLINE,
        () -> {
          Map<String, Object> row = latest("occupancy", unit);
          return row != null && ((Number) row.get("present")).intValue() == n ? row : null;
        });
  }

  /** Polls the probe until it gives a value, failing after the deadline. */
  public static <T> T await(String what, Duration deadline, Supplier<T> probe)
      throws InterruptedException {
    long end = System.nanoTime() + deadline.toNanos();
    while (System.nanoTime() < end) {
      T v = probe.get();
      if (v != null) return v;
      LockSupport.parkNanos(200_000_000L); // a poll interval, not a wait for something
      if (Thread.interrupted()) throw new InterruptedException(what);
    }
    throw new AssertionError("timed out after " + deadline + " waiting for " + what);
  }

  @Override
  public void close() {
    producer.close();
    client.close();
    influx.close();
    kafka.close();
  }

  /** An instant as devices and admins send it: ISO-8601 at WIB's offset. */
  public static String wib(Instant t) {
    return t.atOffset(ZoneOffset.ofHours(7)).toString();
  }

  /** Publishes a unit's reference data, in force from {@code from}. */
  public void sendUnit(
      String unitId, String name, String region, String timeZone, int headcount, Instant from) {
    send(
        Topics.UNITS,
        unitId,
        """
        {"unitId":"%s","name":"%s","region":"%s","timeZone":"%s","headcount":%d,
         "effectiveFrom":"%s"}"""
            .formatted(unitId, name, region, timeZone, headcount, wib(from)));
  }

  /** An attendance event (WFO, from a kiosk) as ingest publishes it; the same call, the same id. */
  public static String attendance(String nip, String unit, String action, Instant t) {
    return """
        {"type":"attendance","eventId":"%s-%s-%d","nip":"%s","unitId":"%s","action":"%s",
         "mode":"WFO","time":"%s","source":"KIOSK"}"""
        .formatted(nip, action, t.toEpochMilli(), nip, unit, action, wib(t));
  }

  /** One stack for a test class, registered as a static {@code @RegisterExtension}. */
  public static PerClass perClass() {
    return new PerClass();
  }

  /**
   * Starts a stack in a temporary folder before the class's {@code @BeforeAll} and closes it, and
   * removes the folder, after its {@code @AfterAll}.
   */
  public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
    private Path dir;
    private LiveStack stack;

    private PerClass() {}

    /** The class's stack. */
    public LiveStack get() {
      return stack;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      dir = Files.createTempDirectory("pantau-it-");
      stack = start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      if (stack != null) stack.close();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
      }
    }
  }
}
