package id.pantau.local.fuzz;

/** A request whose answer broke a rule: where it came from, what was sent and what came back. */
record Failure(int task, int request, FuzzRequest sent, Answer answer, String problem)
    implements Comparable<Failure> {
  private static final int CLIP = 400;

  @Override
  public int compareTo(Failure o) {
    return task != o.task ? Integer.compare(task, o.task) : Integer.compare(request, o.request);
  }

  String describe() {
    return "task "
        + task
        + " request "
        + request
        + ": "
        + problem
        + "\n  sent:     "
        + sent.describe(CLIP)
        + "\n  answered: "
        + answer.describe(CLIP);
  }
}
