package org.e2eereview.catalog;

import org.e2eereview.model.Doc;
import org.e2eereview.model.ModelEnum;

/** Whether a public-safety feature keeps end-to-end encryption intact. */
public enum Preserves implements ModelEnum {
    @Doc("Keeps end-to-end encryption: nobody outside the conversation reads content.")
    YES,
    @Doc("Keeps it only under stated conditions; otherwise it becomes a weakening.")
    CONDITIONAL,
    @Doc("Works only by weakening end-to-end encryption.")
    NO;

}
