package id.pantau.access;

/** The roles of the v1 APIs, plus DEVICE for phones and kiosks that post to ingest. */
public enum Role {
  BKD_ADMIN,
  UNIT_HEAD,
  LEADERSHIP,
  OPERATOR,
  DEVICE
}
