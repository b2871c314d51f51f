/**
 * The JUnit 5 API for Java teams: review a model from a test ({@link org.e2eereview.junit.E2eeReview}),
 * assert on its findings with messages that list them ({@link org.e2eereview.junit.E2eeAssertions}),
 * and turn a review into one dynamic test per rule and element ({@link org.e2eereview.junit.E2eeTestFactory}).
 * It needs {@code junit-jupiter-api} on the test class path; nothing else in the library uses JUnit.
 * See docs/junit.md.
 */
package org.e2eereview.junit;
