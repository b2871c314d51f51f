package org.e2eereview.archunit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.function.Function;

import org.e2eereview.load.ModelFormat;
import org.e2eereview.load.ModelLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;

/**
 * Each rule on small compiled fixtures: a base that breaks nothing, and one offending class at a time.
 * Violations are compared line by line, model location first, code location last.
 */
class ModelArchRulesTest {

    static final String MODEL = """
            e2ee-review: 1
            system: { name: Fixture }
            parties:
              users: { kind: user }
              provider: { kind: provider }
              vendor: { kind: third-party }
            components:
              phone: { kind: client, run-by: users, supplied-by: provider, code: [app.phone..] }
              relay: { kind: server, run-by: provider, code: [app.relay..] }
              metrics: { kind: telemetry-service, run-by: vendor, code: [app.metrics..] }
              vault: { kind: hsm, run-by: provider, code: [app.vault..] }
            keys:
              device-key: { kind: device, generated-on: phone, code: [app.keys.DeviceKey] }
              chat-key: { kind: session, derived-from: [device-key], protects: [messages], code: [app.keys.ChatKey] }
              orphan-key: { kind: storage, code: [app.keys.OrphanKey] }
              backup-key:
                kind: backup
                recovery: { secret: pin, stored-on: [vault], enforced-by: vault }
            data:
              messages: { kind: message-content, created-on: [phone] }
            conversations:
              chat: { members: [users], content: [messages], end-to-end: { default: true } }
            flows:
              send: { from: phone, to: relay, carries: [messages], protection: end-to-end }
            code:
              logging: [app.log..]
              serialisation: [java.io.Serializable]
              crypto-primitives: [app.lib..]
            """;

    /** Code that keeps to the model: keys on the phone, crypto where keys are, the phone talking to the relay. */
    static final Map<String, String> BASE = Map.of(
            "app/keys/DeviceKey.java", """
                    package app.keys;
                    public final class DeviceKey {
                        final java.security.KeyPair pair;
                        DeviceKey(java.security.KeyPair pair) { this.pair = pair; }
                        public static DeviceKey generate() throws Exception {
                            return new DeviceKey(java.security.KeyPairGenerator.getInstance("EC").generateKeyPair());
                        }
                        public byte[] encoded() { return pair.getPrivate().getEncoded(); }
                    }
                    """,
            "app/keys/ChatKey.java", """
                    package app.keys;
                    public final class ChatKey {
                        final byte[] bytes;
                        ChatKey(byte[] bytes) { this.bytes = bytes; }
                        public static ChatKey from(DeviceKey key) { return new ChatKey(key.encoded()); }
                    }
                    """,
            "app/keys/OrphanKey.java", "package app.keys;\npublic final class OrphanKey {}\n",
            "app/lib/Box.java", """
                    package app.lib;
                    public final class Box {
                        public static byte[] seal(byte[] b) throws Exception {
                            return javax.crypto.Cipher.getInstance("AES").doFinal(b);
                        }
                    }
                    """,
            "app/log/Log.java", "package app.log;\npublic final class Log { public static void info(String s) {} }\n",
            "app/proto/Msg.java", "package app.proto;\npublic record Msg(String to, byte[] body) {}\n",
            "app/phone/Phone.java", """
                    package app.phone;
                    import app.keys.*;
                    public final class Phone {
                        void send(app.relay.Api relay, String text) throws Exception {
                            ChatKey key = ChatKey.from(DeviceKey.generate());
                            javax.crypto.Cipher.getInstance("AES");
                            relay.post(new app.proto.Msg("bob", app.lib.Box.seal(text.getBytes())));
                            app.log.Log.info("sent");
                        }
                    }
                    """,
            "app/relay/Api.java", """
                    package app.relay;
                    public final class Api {
                        public void post(app.proto.Msg m) { app.log.Log.info("queued"); }
                        app.phone.Phone replyTo;
                    }
                    """,
            "app/metrics/Counter.java", "package app.metrics;\npublic final class Counter { public void add() {} }\n",
            "app/vault/Guard.java", """
                    package app.vault;
                    public final class Guard {
                        byte[] unwrap(byte[] b) throws Exception {
                            return javax.crypto.Cipher.getInstance("AES").doFinal(b);
                        }
                    }
                    """);

    /** The relay reading the device key: the offence most tests start from. */
    static final Map<String, String> PEEK = Map.of("app/relay/Peek.java",
            "package app.relay;\nclass Peek { byte[] b(app.keys.DeviceKey k) { return k.encoded(); } }\n");

    @TempDir
    Path dir;

    static ModelArchRules rules(String model) throws Exception {
        return ModelArchRules.of(new ModelLoader().parse("m.yaml", model.getBytes(StandardCharsets.UTF_8)));
    }

    JavaClasses compile(Map<String, String> extra) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(BASE);
        all.putAll(extra);
        return Compiled.sources(all, dir);
    }

    static List<String> violations(ArchRule rule, JavaClasses classes) {
        return rule.evaluate(classes).getFailureReport().getDetails();
    }

    /** "(m.yaml:N)" for the first line of the model that starts with {@code start}. */
    static String at(String model, String start) {
        List<String> lines = model.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(start)) return "(m.yaml:" + (i + 1) + ")";
        }
        throw new AssertionError("no line starts with " + start);
    }

    @Test
    void codeThatKeepsToTheModelPassesEveryRule() throws Exception {
        JavaClasses classes = compile(Map.of());
        ModelArchRules rules = rules(MODEL);
        for (ArchRule r : rules.rules()) assertThat(violations(r, classes)).as(r.getDescription()).isEmpty();
        assertThatCode(() -> rules.check(classes)).doesNotThrowAnyException();
        assertThatCode(() -> rules.all().check(classes)).doesNotThrowAnyException();
    }

    @Test
    void keyClassesUsedWhereTheKeyIsNotHeldAreReported() throws Exception {
        Map<String, String> offences = new LinkedHashMap<>(PEEK);
        offences.put("app/relay/Lost.java", "package app.relay;\nclass Lost { app.keys.OrphanKey k; }\n");
        offences.put("app/util/Dump.java",
                "package app.util;\nclass Dump { Object d(app.keys.ChatKey k) { return k; } }\n");
        offences.put("app/keys/OrphanKey.java",
                "package app.keys;\npublic final class OrphanKey { ChatKey wrapped; }\n");
        JavaClasses classes = compile(offences);
        String relay = "Component 'relay' " + at(MODEL, "  relay:") + " uses ";
        String device = relay + "key 'device-key' " + at(MODEL, "  device-key:") + ", held only by 'phone': ";
        String chat = "key 'chat-key' " + at(MODEL, "  chat-key:") + ", held only by 'phone': ";
        assertThat(violations(rules(MODEL).keysStayWithTheirHolders(), classes)).containsExactlyInAnyOrder(
                device + "Method <app.relay.Peek.b(app.keys.DeviceKey)> calls method <app.keys.DeviceKey.encoded()> "
                        + "in (Peek.java:2)",
                device + "Method <app.relay.Peek.b(app.keys.DeviceKey)> has parameter of type <app.keys.DeviceKey> "
                        + "in (Peek.java:0)",
                relay + "key 'orphan-key' " + at(MODEL, "  orphan-key:") + ", which no component holds: "
                        + "Field <app.relay.Lost.k> has type <app.keys.OrphanKey> in (Lost.java:0)",
                "Code of no component uses " + chat + "Method <app.util.Dump.d(app.keys.ChatKey)> has parameter of "
                        + "type <app.keys.ChatKey> in (Dump.java:0)",
                "Class of key 'orphan-key' " + at(MODEL, "  orphan-key:") + " uses " + chat
                        + "Field <app.keys.OrphanKey.wrapped> has type <app.keys.ChatKey> in (OrphanKey.java:0)");
        assertThat(violations(rules(MODEL.replace("kind: storage,", "kind: storage, protects: [chat-key],"))
                .keysStayWithTheirHolders(), classes)).as("a key that wraps another may hold its class")
                .noneMatch(l -> l.startsWith("Class of key"));
    }

    @Test
    void aKeyDeliveredWithoutEndToEndProtectionIsHeldWhereItArrives() throws Exception {
        JavaClasses classes = compile(PEEK);
        String escrow = MODEL.replace("  send: {",
                "  escrow: { from: phone, to: relay, carries: [device-key], protection: transport }\n  send: {");
        assertThat(violations(rules(escrow).keysStayWithTheirHolders(), classes)).isEmpty();
        String wrapped = escrow.replace("protection: transport }", "protection: end-to-end }");
        assertThat(violations(rules(wrapped).keysStayWithTheirHolders(), classes)).hasSize(2);
    }

    @Test
    void keyClassesAndSinksThatMeetAreReportedEitherWay() throws Exception {
        JavaClasses classes = compile(Map.of(
                "app/keys/DeviceKey.java", BASE.get("app/keys/DeviceKey.java").replace("public final class DeviceKey {",
                        "public final class DeviceKey implements java.io.Serializable {"),
                "app/log/KeyLog.java",
                "package app.log;\npublic final class KeyLog { void log(app.keys.ChatKey k) {} }\n",
                "app/log/Logged.java", "package app.log;\n"
                        + "@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)\n"
                        + "public @interface Logged {}\n",
                "app/keys/OrphanKey.java", "package app.keys;\n@app.log.Logged\npublic final class OrphanKey {}\n"));
        String code = "  serialisation:";
        assertThat(violations(rules(MODEL).keysStayOutOfSinks(), classes)).containsExactlyInAnyOrder(
                "Key 'device-key' " + at(MODEL, "  device-key:") + " uses serialisation code " + at(MODEL, code)
                        + ": Class <app.keys.DeviceKey> implements interface <java.io.Serializable> "
                        + "in (DeviceKey.java:0)",
                "Logging code " + at(MODEL, "  logging:") + " uses key 'chat-key' " + at(MODEL, "  chat-key:")
                        + ": Method <app.log.KeyLog.log(app.keys.ChatKey)> has parameter of type <app.keys.ChatKey> "
                        + "in (KeyLog.java:0)",
                "Key 'orphan-key' " + at(MODEL, "  orphan-key:") + " uses logging code " + at(MODEL, "  logging:")
                        + ": Class <app.keys.OrphanKey> is annotated with <app.log.Logged> in (OrphanKey.java:0)");
        assertThat(violations(rules(MODEL.replace("  serialisation: [java.io.Serializable]\n", "")
                .replace("logging: [app.log..]", "telemetry: [app.log..]")).keysStayOutOfSinks(), classes))
                .as("without serialisation named, and the log package named as telemetry").hasSize(2)
                .allMatch(l -> l.contains("elemetry code (m.yaml:")).noneMatch(l -> l.contains("Serializable"));
    }

    @Test
    void cryptoPrimitivesWhereNoKeyIsAreReported() throws Exception {
        JavaClasses classes = compile(Map.of(
                "app/relay/Seal.java", """
                        package app.relay;
                        class Seal {
                            Object c() throws Exception { return javax.crypto.Cipher.getInstance("AES"); }
                            byte[] s() throws Exception { return app.lib.Box.seal(new byte[0]); }
                        }
                        """,
                "app/util/Gen.java", """
                        package app.util;
                        class Gen {
                            Object g() throws Exception { return java.security.KeyPairGenerator.getInstance("EC"); }
                        }
                        """));
        String relay = "Component 'relay' " + at(MODEL, "  relay:") + " uses a crypto primitive but holds no key: ";
        assertThat(violations(rules(MODEL).cryptoOnlyWhereKeysAre(), classes)).containsExactlyInAnyOrder(
                relay + "Method <app.relay.Seal.c()> calls method <javax.crypto.Cipher.getInstance(java.lang.String)> "
                        + "in (Seal.java:3)",
                relay + "Method <app.relay.Seal.s()> calls method <app.lib.Box.seal([B)> in (Seal.java:4)",
                "Code of no component or key uses a crypto primitive: Method <app.util.Gen.g()> calls method "
                        + "<java.security.KeyPairGenerator.getInstance(java.lang.String)> in (Gen.java:3)");
    }

    @Test
    void dependenciesBetweenComponentsWithoutAFlowAreReported() throws Exception {
        JavaClasses classes = compile(Map.of(
                "app/phone/Stats.java",
                "package app.phone;\nclass Stats { void tick(app.metrics.Counter c) {\n c.add(); } }\n"));
        String phone = "Component 'phone' " + at(MODEL, "  phone:") + " depends on component 'metrics' "
                + at(MODEL, "  metrics:") + " with no flow between them: ";
        assertThat(violations(rules(MODEL).dependenciesFollowFlows(), classes)).containsExactlyInAnyOrder(
                phone + "Method <app.phone.Stats.tick(app.metrics.Counter)> calls method <app.metrics.Counter.add()> "
                        + "in (Stats.java:3)",
                phone + "Method <app.phone.Stats.tick(app.metrics.Counter)> has parameter of type "
                        + "<app.metrics.Counter> in (Stats.java:0)");
        String withFlow = MODEL.replace("  send: {",
                "  usage: { from: phone, to: metrics, carries: [messages], protection: transport }\n  send: {");
        assertThat(violations(rules(withFlow).dependenciesFollowFlows(), classes)).isEmpty();
    }

    @Test
    void aPatternThatMatchesNoClassIsReported() throws Exception {
        JavaClasses classes = compile(Map.of());
        String model = MODEL.replace("  vault:",
                "  archive: { kind: storage, run-by: provider, code: [app.relay.Api, app.archive..] }\n  vault:");
        assertThat(violations(rules(model).codePatternsMatchClasses(), classes)).containsExactly(
                "Pattern 'app.archive..' of component 'archive' " + at(model, "  archive:")
                        + " matches no imported class");
        assertThat(violations(rules(model.replace("code: [app.keys.OrphanKey]", "code: [app.keys.Orphan*]"))
                .codePatternsMatchClasses(), classes)).hasSize(1);
    }

    @Test
    void nestedClassesBelongWhereTheirOuterClassDoes() throws Exception {
        JavaClasses classes = compile(Map.of(
                "app/relay/Outer.java",
                "package app.relay;\nclass Outer { Runnable r = () -> {}; class In { app.keys.DeviceKey k; } }\n"));
        assertThat(violations(rules(MODEL.replace("code: [app.relay..]", "code: [app.relay.Outer, app.relay.Api]"))
                .keysStayWithTheirHolders(), classes)).singleElement()
                .satisfies(l -> assertThat(l).startsWith("Component 'relay' ").contains("<app.relay.Outer$In.k>"));
    }

    /**
     * The reason rule descriptions carry no line and violations cite (file:line): a baseline taken with
     * FreezingArchRule still holds after the model is edited above everything it cites.
     */
    @Test
    void aFrozenBaselineSurvivesEditsToTheModel() throws Exception {
        JavaClasses classes = compile(PEEK);
        Path model = dir.resolve("model.yaml");
        Path store = dir.resolve("store");
        ArchConfiguration.get().setProperty("freeze.store.default.path", store.toString());
        ArchConfiguration.get().setProperty("freeze.store.default.allowStoreCreation", "true");
        try {
            Function<String, ArchRule> frozen = text -> {
                try {
                    Files.writeString(model, text);
                    return FreezingArchRule.freeze(ModelArchRules.from(model).keysStayWithTheirHolders());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            assertThatCode(() -> frozen.apply(MODEL).check(classes)).as("first run records the baseline")
                    .doesNotThrowAnyException();
            String edited = "# a comment\n# and another\n"
                    + MODEL.replace("  vendor:", "  auditor: { kind: third-party }\n  vendor:");
            assertThatCode(() -> frozen.apply(edited).check(classes)).as("the same violations, cited at other lines")
                    .doesNotThrowAnyException();
            String relayNow = at(edited, "  relay:").replace("m.yaml", model.toString());
            assertThat(relayNow).isNotEqualTo(at(MODEL, "  relay:").replace("m.yaml", model.toString()));
            assertThat(violations(ModelArchRules.from(model).keysStayWithTheirHolders(), classes)).as("lines moved")
                    .hasSize(2).allMatch(l -> l.startsWith("Component 'relay' " + relayNow));
            Properties rules = new Properties();
            try (var in = Files.newInputStream(store.resolve("stored.rules"))) {
                rules.load(in);
            }
            assertThat(rules.stringPropertyNames()).as("one rule, recognised across the edit").hasSize(1);

            Map<String, String> grab = new LinkedHashMap<>(PEEK);
            grab.put("app/relay/Grab.java", "package app.relay;\nclass Grab { app.keys.DeviceKey k; }\n");
            JavaClasses more = compile(grab);
            assertThatThrownBy(() -> frozen.apply(edited).check(more)).as("a new violation is not frozen")
                    .hasMessageContaining("<app.relay.Grab.k>").hasMessageNotContaining("app.relay.Peek");
        } finally {
            ArchConfiguration.get().reset();
        }
    }

    @Test
    void descriptionsNameTheModelButNoLineOrCount() throws Exception {
        for (ArchRule r : rules(MODEL).rules()) {
            assertThat(r.getDescription()).contains(" m.yaml").doesNotContainPattern("[0-9]");
        }
        assertThat(rules(MODEL).rules()).extracting(ArchRule::getDescription).doesNotHaveDuplicates();
    }

    @Test
    void reportsAreTheSameOnEveryRun() throws Exception {
        Map<String, String> extra = Map.of(
                "app/relay/Peek.java", """
                        package app.relay;
                        class Peek {
                            byte[] b(app.keys.DeviceKey k) {
                                return app.keys.ChatKey.from(k) != null ? k.encoded() : null;
                            }
                        }
                        """,
                "app/phone/Stats.java", "package app.phone;\nclass Stats { app.metrics.Counter c; }\n");
        String first = rules(MODEL).all().evaluate(compile(extra)).getFailureReport().toString();
        Map<String, String> all = new LinkedHashMap<>(BASE);
        all.putAll(extra);
        String again = rules(MODEL).all().evaluate(Compiled.sources(all, dir.resolve("again"))).getFailureReport()
                .toString();
        assertThat(again).isEqualTo(first).contains("app.relay.Peek", "app.metrics.Counter");
    }

    @Test
    void anUnusableModelIsOneLocatedErrorPerProblem(@TempDir Path tmp) throws Exception {
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, MODEL.replace("code: [app.relay..]", "code: [app.relay...]")
                .replace("kind: hsm", "kind: hms"));
        assertThatThrownBy(() -> ModelArchRules.from(bad)).isExactlyInstanceOf(AssertionError.class)
                .hasMessageStartingWith("e2ee-review cannot use the model " + bad + ":\n" + bad + ":9:")
                .hasMessageContaining("bad value 'app.relay...'")
                .hasMessageContaining("\n" + bad + ":11:").hasMessageNotContaining("Exception").hasNoCause();
        assertThatThrownBy(() -> ModelArchRules.from(tmp.resolve("none.yaml"))).isExactlyInstanceOf(AssertionError.class)
                .hasMessage("e2ee-review cannot use the model " + tmp.resolve("none.yaml") + ":\n"
                        + tmp.resolve("none.yaml") + ": no such file");
    }

    /** Whatever the loader accepts as a code pattern, ArchUnit's matcher accepts too. */
    @Test
    void everyPatternTheLoaderAcceptsArchUnitAccepts() {
        java.util.regex.Pattern format = java.util.regex.Pattern.compile(ModelFormat.CODE_PATTERN);
        Random random = new Random(20261202L);
        String alphabet = "ab1_*.$(|[";
        int accepted = 0;
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int n = 1 + random.nextInt(10); n > 0; n--) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (!format.matcher(s).matches()) continue;
            accepted++;
            assertThatCode(() -> PackageMatcher.of(s.toString())).as(s.toString()).doesNotThrowAnyException();
        }
        assertThat(accepted).as("enough accepted patterns to mean something").isGreaterThan(1000);
        for (String p : List.of("com.acme..", "..log..", "com.acme.*Key", "java.io.Serializable", "com..server.*")) {
            assertThat(format.matcher(p).matches()).as(p).isTrue();
        }
    }
}
