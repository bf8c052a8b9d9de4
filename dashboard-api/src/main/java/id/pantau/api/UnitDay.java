package id.pantau.api;

/** A unit on a local date (YYYY-MM-DD): what the follow-ups are indexed by. */
record UnitDay(String unit, String date) {}
