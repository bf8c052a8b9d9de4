package id.pantau.api;

/** Answers whether a service is reachable now, within a short timeout; never throws. */
@FunctionalInterface
public interface Probe {
  boolean up();
}
