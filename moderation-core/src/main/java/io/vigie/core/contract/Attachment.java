package io.vigie.core.contract;

/**
 * A media attachment of a chat message, by its hashes only (the media itself never reaches us).
 *
 * @param kind   "image", "video", ...; may be null
 * @param sha256 lower-case hex SHA-256 of the file; may be null
 * @param pdq    64 hex chars (256 bits) PDQ perceptual hash; may be null
 * @param mime   MIME type; may be null
 */
public record Attachment(String kind, String sha256, String pdq, String mime) {
}
