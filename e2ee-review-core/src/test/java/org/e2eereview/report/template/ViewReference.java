package org.e2eereview.report.template;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;

import org.e2eereview.report.view.ReportView;

/** The fields templates see, listed from the view's records, for docs/reports.md. */
final class ViewReference {

    private ViewReference() {
    }

    static String table() {
        StringBuilder out = new StringBuilder("| field | type |\n|---|---|\n");
        walk(ReportView.class, "", out);
        return out.toString();
    }

    private static void walk(Class<?> record, String prefix, StringBuilder out) {
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            Type type = c.getGenericType();
            if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
                Class<?> element = (Class<?>) p.getActualTypeArguments()[0];
                if (element.isRecord()) {
                    out.append("| `").append(path).append("[]` | list of records |\n");
                    walk(element, path + "[].", out);
                } else {
                    out.append("| `").append(path).append("` | list of ").append(name(element)).append(" |\n");
                }
            } else if (c.getType().isRecord()) {
                out.append("| `").append(path).append("` | record |\n");
                walk(c.getType(), path + ".", out);
            } else {
                out.append("| `").append(path).append("` | ").append(name(c.getType())).append(" |\n");
            }
        }
    }

    private static String name(Class<?> type) {
        if (type == String.class) return "text";
        if (type == int.class) return "number";
        if (type == boolean.class) return "boolean";
        return type.getSimpleName();
    }
}
