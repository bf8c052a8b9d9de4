package id.pantau.api.hooks;

import java.util.List;

/** A webhook as {@code GET /api/v1/hooks} shows it: never its secret. */
public record HookView(
    String name,
    String url,
    List<String> regions,
    List<String> units,
    List<String> kinds,
    String owner,
    String savedAt) {}
