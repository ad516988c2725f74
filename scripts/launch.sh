#!/usr/bin/env bash
# Shared launcher: builds a module's thin CLI jar on first use (tests skipped) and whenever a source
# or pom is newer than the jar, then runs it. Usage: launch.sh MODULE JAR_NAME [ARGS...]
# With PVIT_MAIN_CLASS set, runs that class with the jar, MODULE/target/lib/* and PVIT_EXTRA_CLASSPATH
# on the classpath instead of the jar's manifest (pvit-spark: Spark is provided, absent from the manifest).
# Uses a class-data-sharing archive per command from the user cache folder (scripts/cds.sh;
# PVIT_CDS=0 turns it off).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
module="$1"
jar="$root/$module/target/$2"
shift 2
needs_build() {
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$root/pom.xml" "$root/pvit-core" "$root/pvit-cli-options" "$root/$module" \
      \( -path '*/target' -prune \) -o \( -type f -newer "$jar" -print \) 2>/dev/null | head -n 1)" ]
}
if needs_build; then
  log="${TMPDIR:-/tmp}/$module-build.log"
  echo "$module: building the CLI (first use or sources changed)..." >&2
  if ! (cd "$root" && mvn -q -B -DskipTests -pl "$module" -am package >"$log" 2>&1); then
    echo "$module: build failed; see $log" >&2
    exit 1
  fi
  # Maven keeps a jar whose content did not change (e.g. only a test changed): without a new mtime,
  # every later start would build again.
  touch "$jar"
fi
# libtorch's large conv buffers exceed glibc's default mmap threshold and page-fault on every call
# (the 608 detector ran 2-3x slower); keep them on the heap unless the user chose otherwise. Give
# freed memory back: two arenas (not 8 per core), trim above 128 MB, and the JVM calls malloc_trim
# every second (docs/server.md has the measurements).
export MALLOC_MMAP_THRESHOLD_="${MALLOC_MMAP_THRESHOLD_:-1073741824}"
export MALLOC_TRIM_THRESHOLD_="${MALLOC_TRIM_THRESHOLD_:-134217728}"
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# (JDKs before 17.0.9 lack the option and ignore it.)
trim_opts="-XX:+IgnoreUnrecognizedVMOptions -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=1000"
# One OpenMP thread per calling thread: the CLI parallelises across images, and libtorch's spinning
# OpenMP teams slow the nets down badly when called from worker threads on shared cores.
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
# Word-split like the user's shell would: PVIT_JAVA_OPTS holds several options.
# shellcheck disable=SC2206
jvm_opts=($trim_opts ${PVIT_JAVA_OPTS:-} -Dai.djl.offline=true)
if [ -n "${PVIT_MAIN_CLASS:-}" ]; then
  cp="$jar:$(dirname "$jar")/lib/*${PVIT_EXTRA_CLASSPATH:+:$PVIT_EXTRA_CLASSPATH}"
  target=(-cp "$cp" "$PVIT_MAIN_CLASS")
  check_cp="$cp"
else
  # The jar's manifest names its libraries in lib/: they are part of the class path CDS checks.
  cp="$jar:$(dirname "$jar")/lib/*"
  target=(-jar "$jar")
  check_cp="$jar"
fi
# Class-data sharing (scripts/cds.sh): maps the classes an earlier run of the same command loaded.
# shellcheck source=cds.sh
. "$root/scripts/cds.sh"
if cds_prepare "$jar" "$cp" "${1:-}" "${jvm_opts[@]}" && [ -n "$cds_tmp" ]; then
  status=0
  cds_run_and_publish "$check_cp" "${jvm_opts[@]}" -- java "${cds_opts[@]}" "${jvm_opts[@]}" "${target[@]}" "$@" \
    || status=$?
  exit "$status"
fi
exec java ${cds_opts[@]+"${cds_opts[@]}"} "${jvm_opts[@]}" "${target[@]}" "$@"
