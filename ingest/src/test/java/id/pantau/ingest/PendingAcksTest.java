package id.pantau.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PendingAcksTest {
  @Test
  void isDoneOnlyOnceSealedAndEveryRecordWasAcknowledged() {
    PendingAcks acks = new PendingAcks(2);
    EventPublisher.Acknowledgement first = acks.next();
    EventPublisher.Acknowledgement second = acks.next();

    first.done(null);
    second.done(null);
    assertThat(acks.done()).isNotDone(); // more records may still follow

    acks.seal();
    assertThat(acks.done()).isCompleted();
    assertThat(acks.acked(0)).isTrue();
    assertThat(acks.acked(1)).isTrue();
  }

  @Test
  void acknowledgementsArrivingAfterTheSealCompleteIt() {
    PendingAcks acks = new PendingAcks(1);
    EventPublisher.Acknowledgement only = acks.next();
    acks.seal();
    assertThat(acks.done()).isNotDone();

    only.done(null);

    assertThat(acks.done()).isCompleted();
  }

  @Test
  void nothingSentIsDoneAtTheSeal() {
    PendingAcks acks = new PendingAcks(0);
    acks.seal();
    assertThat(acks.done()).isCompleted();
  }

  @Test
  void theFirstFailureFailsItAndKeepsWhichRecordsWereAcknowledged() {
    PendingAcks acks = new PendingAcks(3);
    EventPublisher.Acknowledgement a = acks.next();
    EventPublisher.Acknowledgement b = acks.next();
    EventPublisher.Acknowledgement c = acks.next();
    acks.seal();

    a.done(null);
    b.done(new IllegalStateException("broker gone"));
    c.done(null);

    assertThat(acks.failed()).isTrue();
    assertThat(acks.done()).isCompletedExceptionally();
    assertThat(acks.sent()).isEqualTo(3);
    assertThat(acks.acked(0)).isTrue();
    assertThat(acks.acked(1)).isFalse();
    assertThat(acks.acked(2)).isTrue();
  }
}
