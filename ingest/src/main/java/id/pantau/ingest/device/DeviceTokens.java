package id.pantau.ingest.device;

import id.pantau.events.Env;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a bearer token of role DEVICE may still post events ({@code
 * PANTAU_INGEST_DEVICE_TOKENS}). A shared DEVICE token lets whoever holds it post as any device, so
 * once the fleet is registered and signs its requests, {@link #REFUSE} closes that door; {@link
 * #ACCEPT} (the default) keeps fleets not yet registered, and the demo, working.
 */
public enum DeviceTokens {
  ACCEPT,
  REFUSE;

  public static final String VARIABLE = "PANTAU_INGEST_DEVICE_TOKENS";

  /** {@code accept} or {@code refuse} in any case; unset or blank: {@link #ACCEPT}. */
  public static DeviceTokens fromEnv(Map<String, String> env) {
    String v = Env.text(env, VARIABLE, null);
    if (v == null) return ACCEPT;
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "accept" -> ACCEPT;
      case "refuse" -> REFUSE;
      default ->
          throw new IllegalArgumentException(
              VARIABLE
                  + ": must be accept or refuse (refuse once every device is registered and signs"
                  + " its requests) (got '"
                  + v
                  + "')");
    };
  }
}
