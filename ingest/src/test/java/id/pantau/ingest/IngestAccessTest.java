package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pantau.access.Role;
import id.pantau.ingest.device.DeviceTokens;
import id.pantau.ingest.device.RateLimiter;
import id.pantau.ingest.device.RateLimits;
import org.junit.jupiter.api.Test;

class IngestAccessTest {
  @Test
  void aKnownTokenIsHashedOnceThenRemembered() {
    IngestAccess access = new IngestAccess(TestData.tokens(), false);

    var first = access.events("Bearer " + TestData.DEVICE);
    var again = access.events("Bearer " + TestData.DEVICE);

    assertThat(again).isSameAs(first);
    assertThat(access.tokensRemembered()).isEqualTo(1);
  }

  @Test
  void anUnknownTokenIsRefusedEveryTimeAndNotRemembered() {
    IngestAccess access = new IngestAccess(TestData.tokens(), false);

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> access.events("Bearer not-a-token"))
          .isInstanceOf(IngestException.class)
          .extracting(e -> ((IngestException) e).status())
          .isEqualTo(401);
    }
    assertThat(access.tokensRemembered()).isZero();
  }

  @Test
  void aRememberedTokenStillNeedsTheRightRole() {
    IngestAccess access = new IngestAccess(TestData.tokens(), false);
    access.events("Bearer " + TestData.DEVICE);

    assertThatThrownBy(() -> access.referenceData("Bearer " + TestData.DEVICE))
        .isInstanceOf(IngestException.class)
        .extracting(e -> ((IngestException) e).status())
        .isEqualTo(403);
  }

  @Test
  void theMemoryStaysBounded() {
    IngestAccess access = new IngestAccess(TestData.tokens(), false);
    // The same token with trailing spaces is another header value, trimmed to the same token.
    for (int i = 0; i <= IngestAccess.KNOWN_TOKENS_REMEMBERED + 5; i++) {
      access.events("Bearer " + TestData.DEVICE + " ".repeat(i));
    }
    assertThat(access.tokensRemembered()).isLessThanOrEqualTo(IngestAccess.KNOWN_TOKENS_REMEMBERED);
  }

  @Test
  void refusingDeviceTokensLeavesBackOfficeTokensAndTheRelaxedDemoAlone() {
    IngestAccess access =
        new IngestAccess(
            TestData.tokens(), true, DeviceTokens.REFUSE, new RateLimiter(RateLimits.NONE));

    assertThatThrownBy(() -> access.events("Bearer " + TestData.DEVICE))
        .isInstanceOf(IngestException.class)
        .extracting(e -> ((IngestException) e).status())
        .isEqualTo(401);
    assertThat(access.events("Bearer " + TestData.OPERATOR).role()).isEqualTo(Role.OPERATOR);
    assertThat(access.events(null)).isSameAs(IngestAccess.ANONYMOUS_DEVICE);
  }
}
