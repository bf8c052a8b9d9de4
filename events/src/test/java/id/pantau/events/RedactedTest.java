package id.pantau.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactedTest {
  public record Login(String url, String user, String password, int port) {}

  @Test
  void printsARecordAsJavaDoesWithItsSecretsHidden() {
    Login login = new Login("http://x", "writer", "s3cret", 8086);
    assertThat(Redacted.toString(login, "password"))
        .isEqualTo("Login[url=http://x, user=writer, password=***, port=8086]");
  }

  @Test
  void anUnsetSecretReadsNullAsTheRecordItselfWouldPrintIt() {
    Login none = new Login("http://x", null, null, 8086);
    assertThat(Redacted.toString(none, "password")).isEqualTo(none.toString());
  }
}
