package org.e2eereview.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelSource;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelReference;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.common.types.StructTypeReference;

/**
 * Checked CEL expressions as compact bytes, read straight back into cel-java's AST: the form the
 * build prepares the bundled rules in ({@link PreparedRules}). cel-java's own serialized form goes
 * through protobuf, whose parsing and conversion were most of readying the rules in a cold run.
 * It covers what checked rule expressions hold: constants, identifiers, field selections, calls,
 * list and map literals and comprehensions; references; and simple, list, map and view types. An
 * expression with anything else is not prepared ({@link #encode} says so) and is checked when it
 * loads instead.
 */
final class CheckedCodec {

    /** Changed with the form: part of the prepared rules' fingerprint. */
    static final int FORM = 1;

    /** The simple types an expression's type map may name, by name. */
    private static final Map<String, CelType> SIMPLE = new LinkedHashMap<>();

    static {
        for (CelType t : List.of(SimpleType.BOOL, SimpleType.INT, SimpleType.UINT, SimpleType.DOUBLE, SimpleType.STRING,
                SimpleType.BYTES, SimpleType.DYN, SimpleType.ANY, SimpleType.NULL_TYPE, SimpleType.TIMESTAMP,
                SimpleType.DURATION)) {
            SIMPLE.put(t.name(), t);
        }
    }

    /** An expression holds something this form does not cover. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String what) {
            super(what);
        }
    }

    private CheckedCodec() {
    }

    static byte[] encode(CelAbstractSyntaxTree ast) throws Unsupported {
        if (!ast.isChecked()) throw new Unsupported("not checked");
        CelSource source = ast.getSource();
        if (!source.getMacroCalls().isEmpty() || !source.getExtensions().isEmpty()) {
            throw new Unsupported("macro calls or extensions kept in the source");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            expr(out, ast.getExpr());
            out.writeUTF(source.getDescription());
            out.writeInt(source.getLineOffsets().size());
            for (int offset : source.getLineOffsets()) out.writeInt(offset);
            List<Map.Entry<Long, Integer>> positions = sorted(source.getPositionsMap());
            out.writeInt(positions.size());
            for (Map.Entry<Long, Integer> p : positions) {
                out.writeLong(p.getKey());
                out.writeInt(p.getValue());
            }
            List<Map.Entry<Long, CelReference>> references = sorted(ast.getReferenceMap());
            out.writeInt(references.size());
            for (Map.Entry<Long, CelReference> r : references) {
                out.writeLong(r.getKey());
                out.writeUTF(r.getValue().name());
                out.writeInt(r.getValue().overloadIds().size());
                for (String id : r.getValue().overloadIds()) out.writeUTF(id);
                out.writeBoolean(r.getValue().value().isPresent());
                if (r.getValue().value().isPresent()) constant(out, r.getValue().value().get());
            }
            List<Map.Entry<Long, CelType>> types = sorted(ast.getTypeMap());
            out.writeInt(types.size());
            for (Map.Entry<Long, CelType> t : types) {
                out.writeLong(t.getKey());
                type(out, t.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }

    static CelAbstractSyntaxTree decode(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        CelExpr expr = expr(in);
        CelSource.Builder source = CelSource.newBuilder().setDescription(in.readUTF());
        for (int i = count(in); i > 0; i--) source.addLineOffsets(in.readInt());
        for (int i = count(in); i > 0; i--) source.addPositions(in.readLong(), in.readInt());
        ImmutableMap.Builder<Long, CelReference> references = ImmutableMap.builder();
        for (int i = count(in); i > 0; i--) {
            long id = in.readLong();
            CelReference.Builder r = CelReference.newBuilder().setName(in.readUTF());
            for (int k = count(in); k > 0; k--) r.addOverloadIds(in.readUTF());
            if (in.readBoolean()) r.setValue(constant(in));
            references.put(id, r.build());
        }
        ImmutableMap.Builder<Long, CelType> types = ImmutableMap.builder();
        for (int i = count(in); i > 0; i--) types.put(in.readLong(), type(in));
        if (in.read() != -1) throw new IOException("bytes left over after a checked expression");
        return CelAbstractSyntaxTree.newCheckedAst(expr, source.build(), references.build(), types.build());
    }

    private static <V> List<Map.Entry<Long, V>> sorted(Map<Long, V> map) {
        return map.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder())).toList();
    }

    private static void expr(DataOutputStream out, CelExpr e) throws IOException, Unsupported {
        out.writeLong(e.id());
        CelExpr.ExprKind.Kind kind = e.getKind();
        out.writeByte(kind.ordinal());
        switch (kind) {
            case NOT_SET -> { }
            case CONSTANT -> constant(out, e.constant());
            case IDENT -> out.writeUTF(e.ident().name());
            case SELECT -> {
                expr(out, e.select().operand());
                out.writeUTF(e.select().field());
                out.writeBoolean(e.select().testOnly());
            }
            case CALL -> {
                out.writeBoolean(e.call().target().isPresent());
                if (e.call().target().isPresent()) expr(out, e.call().target().get());
                out.writeUTF(e.call().function());
                exprs(out, e.call().args());
            }
            case LIST -> {
                exprs(out, e.list().elements());
                out.writeInt(e.list().optionalIndices().size());
                for (int i : e.list().optionalIndices()) out.writeInt(i);
            }
            case MAP -> {
                out.writeInt(e.map().entries().size());
                for (CelExpr.CelMap.Entry entry : e.map().entries()) {
                    out.writeLong(entry.id());
                    expr(out, entry.key());
                    expr(out, entry.value());
                    out.writeBoolean(entry.optionalEntry());
                }
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                out.writeUTF(c.iterVar());
                out.writeUTF(c.iterVar2());
                expr(out, c.iterRange());
                out.writeUTF(c.accuVar());
                expr(out, c.accuInit());
                expr(out, c.loopCondition());
                expr(out, c.loopStep());
                expr(out, c.result());
            }
            default -> throw new Unsupported("an expression of kind " + kind);
        }
    }

    private static void exprs(DataOutputStream out, List<CelExpr> list) throws IOException, Unsupported {
        out.writeInt(list.size());
        for (CelExpr e : list) expr(out, e);
    }

    private static CelExpr expr(DataInputStream in) throws IOException {
        long id = in.readLong();
        int ordinal = in.readUnsignedByte();
        CelExpr.ExprKind.Kind[] kinds = CelExpr.ExprKind.Kind.values();
        if (ordinal >= kinds.length) throw new IOException("no expression kind " + ordinal);
        return switch (kinds[ordinal]) {
            case NOT_SET -> CelExpr.ofNotSet(id);
            case CONSTANT -> CelExpr.ofConstant(id, constant(in));
            case IDENT -> CelExpr.ofIdent(id, in.readUTF());
            case SELECT -> CelExpr.ofSelect(id, expr(in), in.readUTF(), in.readBoolean());
            case CALL -> {
                Optional<CelExpr> target = in.readBoolean() ? Optional.of(expr(in)) : Optional.empty();
                yield CelExpr.ofCall(id, target, in.readUTF(), exprs(in));
            }
            case LIST -> {
                ImmutableList<CelExpr> elements = exprs(in);
                ImmutableList.Builder<Integer> optional = ImmutableList.builder();
                for (int i = count(in); i > 0; i--) optional.add(in.readInt());
                yield CelExpr.ofList(id, elements, optional.build());
            }
            case MAP -> {
                ImmutableList.Builder<CelExpr.CelMap.Entry> entries = ImmutableList.builder();
                for (int i = count(in); i > 0; i--) {
                    entries.add(CelExpr.ofMapEntry(in.readLong(), expr(in), expr(in), in.readBoolean()));
                }
                yield CelExpr.ofMap(id, entries.build());
            }
            case COMPREHENSION -> CelExpr.ofComprehension(id, in.readUTF(), in.readUTF(), expr(in), in.readUTF(),
                    expr(in), expr(in), expr(in), expr(in));
            default -> throw new IOException("an expression of kind " + kinds[ordinal]);
        };
    }

    private static ImmutableList<CelExpr> exprs(DataInputStream in) throws IOException {
        ImmutableList.Builder<CelExpr> list = ImmutableList.builder();
        for (int i = count(in); i > 0; i--) list.add(expr(in));
        return list.build();
    }

    private static void constant(DataOutputStream out, CelConstant c) throws IOException, Unsupported {
        switch (c.getKind()) {
            case BOOLEAN_VALUE -> {
                out.writeByte(1);
                out.writeBoolean(c.booleanValue());
            }
            case INT64_VALUE -> {
                out.writeByte(2);
                out.writeLong(c.int64Value());
            }
            case STRING_VALUE -> {
                out.writeByte(3);
                out.writeUTF(c.stringValue());
            }
            case DOUBLE_VALUE -> {
                out.writeByte(4);
                out.writeDouble(c.doubleValue());
            }
            default -> throw new Unsupported("a constant of kind " + c.getKind());
        }
    }

    private static CelConstant constant(DataInputStream in) throws IOException {
        return switch (in.readUnsignedByte()) {
            case 1 -> CelConstant.ofValue(in.readBoolean());
            case 2 -> CelConstant.ofValue(in.readLong());
            case 3 -> CelConstant.ofValue(in.readUTF());
            case 4 -> CelConstant.ofValue(in.readDouble());
            default -> throw new IOException("no such constant kind");
        };
    }

    private static void type(DataOutputStream out, CelType t) throws IOException, Unsupported {
        if (t instanceof ListType l) {
            out.writeByte(2);
            type(out, l.elemType());
        } else if (t instanceof MapType m) {
            out.writeByte(3);
            type(out, m.keyType());
            type(out, m.valueType());
        } else if (t instanceof StructTypeReference || t instanceof StructType) {
            // A view by name, as cel-java's own serialized form keeps it: its fields were checked.
            out.writeByte(4);
            out.writeUTF(t.name());
        } else if (t.equals(SIMPLE.get(t.name()))) {
            out.writeByte(1);
            out.writeUTF(t.name());
        } else {
            throw new Unsupported("the type " + t.name() + " (" + t.getClass().getSimpleName() + ")");
        }
    }

    private static CelType type(DataInputStream in) throws IOException {
        return switch (in.readUnsignedByte()) {
            case 1 -> {
                String name = in.readUTF();
                CelType t = SIMPLE.get(name);
                if (t == null) throw new IOException("no simple type " + name);
                yield t;
            }
            case 2 -> ListType.create(type(in));
            case 3 -> MapType.create(type(in), type(in));
            case 4 -> StructTypeReference.create(in.readUTF());
            default -> throw new IOException("no such type kind");
        };
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) throw new IOException("a count of " + n + " with " + in.available() + " bytes left");
        return n;
    }
}
