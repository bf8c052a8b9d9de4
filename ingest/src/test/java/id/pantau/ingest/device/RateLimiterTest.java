package id.pantau.ingest.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.ingest.IngestException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  @Test
  void aBurstPassesThenTheNextRequestGets429WithTheSecondsToWait() {
    RateLimiter limiter =
        new RateLimiter(new RateLimits(new RateLimits.Rate(1, 3), RateLimits.Rate.NONE));
    for (int i = 0; i < 3; i++) limiter.device("phone-1");

    assertThatThrownBy(() -> limiter.device("phone-1"))
        .isInstanceOfSatisfying(
            IngestException.class,
            e -> {
              assertThat(e.status()).isEqualTo(429);
              assertThat(e.retryAfterSeconds()).isEqualTo(1);
              assertThat(e.errors())
                  .containsExactly(
                      "X-Pantau-Device: device 'phone-1' sent more than 1 requests a second"
                          + " (bursts of 3); retry after 1 s, or send fewer");
            });
    assertThatCode(() -> limiter.device("phone-2")).as("another device").doesNotThrowAnyException();
    for (int i = 0; i < 1000; i++) limiter.token("ops"); // tokens unlimited here
  }

  @Test
  void readsTheRatesFromTheEnvironmentAndZeroIsNoLimit() {
    RateLimits limits =
        RateLimits.fromEnv(
            Map.of(
                "PANTAU_INGEST_DEVICE_RATE", "2",
                "PANTAU_INGEST_DEVICE_BURST", "20",
                "PANTAU_INGEST_BEARER_RATE", "0"));

    assertThat(limits.device()).isEqualTo(new RateLimits.Rate(2, 20));
    assertThat(limits.token().limited()).isFalse();
    assertThat(RateLimits.fromEnv(Map.of())).isEqualTo(RateLimits.DEFAULT);
    assertThatThrownBy(() -> RateLimits.fromEnv(Map.of("PANTAU_INGEST_DEVICE_RATE", "-1")))
        .hasMessageContaining("PANTAU_INGEST_DEVICE_RATE");
  }
}
