#!/usr/bin/env bash
# Every report format of large models, measured as a user pays it: one whole process per format
# (docs/performance.md, "Every format of a large model"). For each synthetic model size, RUNS times,
# side by side and starting with another format each round: `JAVA_OPTS=-Xmx$HEAP bin/e2ee-review
# review FILE --fail-on none --format F -o FILE.F` for every format, and `assess` in its two (the launcher, with the settings
# the distribution runs with), or with -j `java -Xmx$HEAP -jar e2ee-review-cli/target/e2ee-review.jar`
# (the JVM's defaults), and with -j the same with an earlier jar when given as BASELINE_JAR=FILE. Prints per size and format the median wall time and CPU time
# (user + system, which a busy shared host distorts less than wall time), each as a ratio to text's,
# the median peak resident set (from /usr/bin/time), the output's size and the exit code; a run that
# fails shows its exit code and the first line of its error.
#
# A run that takes longer than TIMEOUT seconds (default 900) is stopped and shows exit 124.
#
# Usage: src/bench/formats.sh [-j] [-n RUNS] [-x HEAP] [ELEMENTS...]   (default: the launcher, 3 runs, -Xmx2g,
# 10000 and 100000 elements; WORK=DIR for another working directory than target/formats).
# Needs e2ee-review-cli/target/e2ee-review.jar: mvn -B -ntp -q package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=3
heap=2g
plain=
while [ "$#" -gt 0 ]; do
  case $1 in
    -n) runs=$2; shift 2 ;;
    -x) heap=$2; shift 2 ;;
    -j) plain=1; shift ;;
    *) break ;;
  esac
done
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(10000 100000)
jar=e2ee-review-cli/target/e2ee-review.jar
[ -f "$jar" ] || { echo "no $jar: run mvn -B -ntp -q package -DskipTests first" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time for the peak resident set" >&2; exit 2; }
work=${WORK:-target/formats}
timeout=${TIMEOUT:-900}
rm -rf "$work" && mkdir -p "$work/classes" "$work/runs"
javac -nowarn -d "$work/classes" e2ee-review-core/src/bench/java/org/e2eereview/bench/SyntheticModelFile.java \
  e2ee-review-core/src/test/java/org/e2eereview/bench/SyntheticModel.java
# assess-text and assess-json are `assess FILE --format text|json`: the nine reviews a submission publishes,
# without the submission, to tell what the reviews cost from what rendering them costs.
formats=(text json sarif junit md html submission-md submission-html submission-pdf assess-text assess-json)
jars=(jar)
if [ -n "${BASELINE_JAR:-}" ]; then
  [ -n "$plain" ] || { echo "BASELINE_JAR compares two jars as java -jar runs them: give -j too" >&2; exit 2; }
  jars+=(baseline)
fi

run() { # jar size format round
  local j=$jar
  [ "$1" = baseline ] && j=$BASELINE_JAR
  local out="$work/out.$1.$2.$3" rec="$work/runs/$1.$2.$3"
  local start=$EPOCHREALTIME rc=0
  local command=(java -Xmx"$heap" -jar "$j")
  [ -n "$plain" ] || command=(env JAVA_OPTS=-Xmx"$heap" bin/e2ee-review)
  local verb=review format=$3
  case $3 in assess-*) verb=assess format=${3#assess-} ;; esac
  /usr/bin/time -f '%M %U %S' -o "$work/rss" timeout "$timeout" "${command[@]}" $verb "$work/synthetic-$2.yaml" \
    --fail-on none --today 2026-06-01 --format "$format" -o "$out" 2> "$work/err" > /dev/null || rc=$?
  local end=$EPOCHREALTIME
  local m
  read -r -a m < <(tail -1 "$work/rss")
  echo "$4 $(( (${end/./} - ${start/./}) / 1000 )) ${m[0]} $(stat -c %s "$out" 2>/dev/null || echo 0) $rc \
$(awk -v u="${m[1]}" -v s="${m[2]}" 'BEGIN { printf "%d", (u + s) * 1000 }')" >> "$rec"
  [ "$rc" = 0 ] || head -1 "$work/err" | cut -c1-120 > "$rec.error"
  rm -f "$out"
}

echo "# $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), -Xmx$heap, $([ -n "$plain" ] && echo "java -jar" || echo "bin/e2ee-review"), $runs run(s), load: $(cut -d' ' -f1-3 /proc/loadavg)"
for s in "${sizes[@]}"; do
  java -cp "$work/classes" org.e2eereview.bench.SyntheticModelFile "$s" "$work/synthetic-$s.yaml"
  for ((r = 0; r < runs; r++)); do
    for ((i = 0; i < ${#formats[@]}; i++)); do
      f=${formats[$(((i + r) % ${#formats[@]}))]}
      for j in "${jars[@]}"; do run "$j" "$s" "$f" "$r"; done
    done
  done
done
echo "# load after: $(cut -d' ' -f1-3 /proc/loadavg)"

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "| jar | elements | model | format | wall (median) | × text | CPU (median) | × text | peak RSS (median) | output | exit |"
echo "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---|"
for j in "${jars[@]}"; do
  for s in "${sizes[@]}"; do
    text=$(cut -d' ' -f2 "$work/runs/$j.$s.text" | median)
    textcpu=$(cut -d' ' -f6 "$work/runs/$j.$s.text" | median)
    model=$(( $(stat -c %s "$work/synthetic-$s.yaml") / 1024 / 1024 ))
    for f in "${formats[@]}"; do
      rec="$work/runs/$j.$s.$f"
      t=$(cut -d' ' -f2 "$rec" | median)
      cpu=$(cut -d' ' -f6 "$rec" | median)
      rss=$(cut -d' ' -f3 "$rec" | median)
      size=$(cut -d' ' -f4 "$rec" | median)
      codes=$(cut -d' ' -f5 "$rec" | sort -u | tr '\n' ' ')
      [ -f "$rec.error" ] && codes+="($(cat "$rec.error"))"
      printf '| %s | %s | %s MB | %s | %s ms | %.2f× | %s ms | %.2f× | %s MB | %s | %s |\n' "$j" "$s" "$model" "$f" \
        "$t" "$(awk -v a="$t" -v b="$text" 'BEGIN { print a / b }')" \
        "$cpu" "$(awk -v a="$cpu" -v b="$textcpu" 'BEGIN { print a / b }')" "$((${rss%.*} / 1024))" \
        "$(awk -v b="$size" 'BEGIN { printf (b >= 1048576 ? "%.1f MB" : "%.0f KB"), (b >= 1048576 ? b / 1048576 : b / 1024) }')" \
        "$codes"
    done
  done
done
