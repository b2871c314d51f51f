package org.e2eereview.model;

/** A named element of a model: its id is its key in the YAML map. */
public interface Element {
    String id();

    Source source();
}
