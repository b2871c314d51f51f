#!/usr/bin/env bash
# Cold start, measured as CI pays it: whole processes, one per run (docs/performance.md).
# For each model, side by side and interleaved, RUNS times: a process that only composes the file
# with SnakeYAML (ParseOnly, on a class path of SnakeYAML alone), `java -jar e2ee-review-cli/target/e2ee-review.jar
# review FILE --fail-on none` (the README's command), the same review through bin/e2ee-review when
# the package step made its archive, an earlier jar when given as BASELINE_JAR=FILE, and an unpacked
# distribution's launcher when given as INSTALLED=DIR/bin/e2ee-review (docs/install.md). Prints per
# file the median wall time of each, its ratio to the parse-only median, and the median of the
# ratios within each round (which drift on a shared host moves less).
#
# Usage: src/bench/coldstart.sh [-n RUNS] [MODEL...]   (default: 15 runs; examples/*.yaml and a
# 10,000-element synthetic model). Needs e2ee-review-cli/target/e2ee-review.jar: mvn -B -ntp -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=15
if [ "${1:-}" = -n ]; then runs=$2; shift 2; fi
jar=e2ee-review-cli/target/e2ee-review.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -ntp -q package -DskipTests first" >&2; exit 2; }
work=target/coldstart
rm -rf "$work" && mkdir -p "$work/classes" "$work/times"

# SnakeYAML alone, taken from the jar under test so that both sides parse with the same version.
(cd "$work" && jar xf "../../$jar" org/yaml && jar cf snakeyaml.jar org && rm -r org)
javac -nowarn -d "$work/classes" -cp "$work/snakeyaml.jar" e2ee-review-core/src/bench/java/org/e2eereview/bench/ParseOnly.java \
  e2ee-review-core/src/bench/java/org/e2eereview/bench/SyntheticModelFile.java e2ee-review-core/src/test/java/org/e2eereview/bench/SyntheticModel.java
if [ "$#" -gt 0 ]; then
  models=("$@")
else
  java -cp "$work/classes" org.e2eereview.bench.SyntheticModelFile 10000 "$work/synthetic-10k.yaml"
  models=(examples/*.yaml "$work/synthetic-10k.yaml")
fi

variants=(parse)
# BASELINE_JAR=FILE adds an earlier build of the tool, to measure before and after in one run.
[ -n "${BASELINE_JAR:-}" ] && variants+=(baseline)
variants+=(jar)
[ -f e2ee-review-cli/target/e2ee-review.jsa ] && variants+=(launcher)
# INSTALLED=DIR/bin/e2ee-review adds the distribution unpacked at DIR, as a user runs it from PATH.
[ -n "${INSTALLED:-}" ] && variants+=(installed)
run() { # variant model
  case $1 in
    parse) java -cp "$work/classes:$work/snakeyaml.jar" org.e2eereview.bench.ParseOnly "$2" ;;
    baseline) java -jar "$BASELINE_JAR" review "$2" --fail-on none ;;
    jar) java -jar "$jar" review "$2" --fail-on none ;;
    launcher) bin/e2ee-review review "$2" --fail-on none ;;
    installed) "$INSTALLED" review "$2" --fail-on none ;;
  esac > /dev/null
}
key() { basename "$1" .yaml; }

echo "# $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "# warming the file cache: one untimed run of each"
for m in "${models[@]}"; do for v in "${variants[@]}"; do run "$v" "$m"; done; done
for ((r = 0; r < runs; r++)); do
  for m in "${models[@]}"; do
    # Each round starts with another variant, so neither side always runs first.
    for ((i = 0; i < ${#variants[@]}; i++)); do
      v=${variants[$(((i + r) % ${#variants[@]}))]}
      start=$EPOCHREALTIME
      run "$v" "$m"
      end=$EPOCHREALTIME
      echo "$r $(( (${end/./} - ${start/./}) / 1000 ))" >> "$work/times/$(key "$m").$v"
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
header="| model | size |  parse-only |"
for v in "${variants[@]:1}"; do header+=" review, $v (× parse) | per-round × |"; done
echo "$header"
for m in "${models[@]}"; do
  k=$(key "$m")
  p=$(cut -d' ' -f2 "$work/times/$k.parse" | median)
  line="| $k | $(( $(stat -c %s "$m") / 1024 )) KB | $p ms |"
  for v in "${variants[@]:1}"; do
    t=$(cut -d' ' -f2 "$work/times/$k.$v" | median)
    ratio=$(awk 'NR == FNR { parse[$1] = $2; next } { print $2 / parse[$1] }' "$work/times/$k.parse" \
      "$work/times/$k.$v" | median)
    line+=" $t ms ($(awk -v a="$t" -v b="$p" 'BEGIN { printf "%.2f", a / b }')×) | $(printf '%.2f' "$ratio")× |"
  done
  echo "$line"
done
