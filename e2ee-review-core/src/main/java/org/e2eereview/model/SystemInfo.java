package org.e2eereview.model;

/**
 * The system under review.
 *
 * @param claimsEndToEnd whether the service is presented to users as end-to-end encrypted
 */
public record SystemInfo(String name, String version, boolean claimsEndToEnd, String description, Source source) {
}
