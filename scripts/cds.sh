# Class-data sharing for the launchers (sourced by launch.sh; bash 3.2+). A JDK 13+ dynamic AppCDS
# archive of the classes a command loaded (-XX:ArchiveClassesAtExit) lets the next start of the same
# command map them instead of reading, parsing and verifying them from the jars again.
#
# One archive per checkout, launcher jar, command (the first argument), build and JVM options. The
# build key is a SHA-256 over the JVM's files (java binary, lib/modules, libjvm: another JDK is
# another key) and every class-path file's name, size and mtime, so a rebuilt jar never meets an
# archive of the old one; publishing an archive deletes those of older builds.
# Archives live in the user cache folder next to the CLI's galleries (PVIT_CACHE_DIR, else
# $XDG_CACHE_HOME/pvit or ~/.cache/pvit, ~/Library/Caches/pvit on macOS) under cds/, and the file name
# carries its byte size: HotSpot 17 crashes on a truncated archive, so a file of another size is
# never handed to the JVM. A missing archive is made by the next run of the command that exits 0: the
# JVM writes it to a temporary file at exit, a second JVM checks that it maps (-Xshare:on), and only
# then is it renamed into place, so a failing, killed or crashed run leaves nothing in use. Any
# problem (no cache folder, not writable, no sha256 tool, odd JVM) just means a run without the
# archive, silently. PVIT_CDS=0 turns it off; so does a PVIT_JAVA_OPTS with CDS options of its own.

# JVM options that keep CDS messages (e.g. classes it cannot archive, an archive it rejects) off
# stdout, where they would mix with the command's output.
cds_quiet=(-Xlog:cds=off -Xlog:cds+dynamic=off)

# The archive folder, like the CLI's cache folder (GalleryCache.userCacheDir), in cds_dir. Shell
# variables only: every fork shows in each start's time.
cds_set_dir() {
  local base
  if [ -n "${PVIT_CACHE_DIR:-}" ]; then
    base="$PVIT_CACHE_DIR"
  else
    [ -n "${HOME:-}" ] || return 1
    case "${OSTYPE:-}" in
      darwin*) base="$HOME/Library/Caches/pvit" ;;
      msys* | cygwin* | win32*) base="${LOCALAPPDATA:-$HOME/AppData/Local}/pvit/cache" ;;
      *) base="${XDG_CACHE_HOME:-$HOME/.cache}/pvit" ;;
    esac
  fi
  cds_dir="$base/cds"
}

# SHA-256 of each file argument, one "HASH  NAME" line each.
cds_sha256() {
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum "$@"
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 "$@"
  else
    return 1
  fi
}

# GNU or BSD stat by platform (not by trying: a fallback per call could mix a file system's free
# space into the key); prints "NAME SIZE MTIME" per file argument.
cds_stat() {
  case "${OSTYPE:-}" in
    darwin* | *bsd*) stat -f '%N %z %m' "$@" 2>/dev/null ;;
    *) stat -c '%n %s %Y' "$@" 2>/dev/null ;;
  esac
}

cds_size() {
  case "${OSTYPE:-}" in
    darwin* | *bsd*) stat -f '%z' "$1" 2>/dev/null ;;
    *) stat -c '%s' "$1" 2>/dev/null ;;
  esac
}

# Sets cds_opts (options for the java command) and, when this run should write the archive,
# cds_tmp, cds_final, cds_build and cds_prefix (name stems for publishing and clean-up).
# Arguments: the jar, the class path, the command's first argument, the JVM options. Returns
# non-zero (cds_opts empty) when CDS is not used. Three forks when the archive exists (readlink,
# stat, sha256sum).
cds_prepare() {
  local jar="$1" cp="$2" cmd="$3"
  shift 3
  cds_opts=()
  cds_tmp=""
  cds_final=""
  [ "${PVIT_CDS:-1}" != "0" ] || return 1
  # Only named commands: --help or a usage error is fast anyway, and its archive would be nearly empty.
  [[ "$cmd" =~ ^[a-z][a-z0-9-]*$ ]] || return 1
  case " $* " in
    *Xshare* | *SharedArchiveFile* | *ArchiveClassesAtExit* | *DumpLoadedClassList*) return 1 ;;
  esac
  local java_bin jhome files stats build_input options_input archives hashes build options path line name size f
  # bash's command hash table finds java without a subshell (bash 4+); command -v otherwise.
  if hash java 2>/dev/null && [ -n "${BASH_CMDS[java]:-}" ]; then
    java_bin="${BASH_CMDS[java]}"
  else
    java_bin="$(command -v java)" || return 1
  fi
  java_bin="$(readlink -f "$java_bin" 2>/dev/null)" || return 1
  jhome="${java_bin%/bin/*}"
  cds_set_dir || return 1
  # Every file of the class path, wildcards (dir/*) expanded as the JVM does (a superset is fine).
  files=("$jar")
  local ifs="$IFS"
  IFS=:
  for f in $cp; do
    [ -f "$f" ] && files+=("$f")
  done
  IFS="$ifs"
  # One stat for the JDK's files, the class path and the archives already there (their sizes).
  archives=()
  for f in "$cds_dir"/*.jsa; do
    [ -f "$f" ] && archives+=("$f")
  done
  stats="$(cds_stat "$java_bin" "$jhome/lib/modules" "$jhome"/lib/server/libjvm.* "${files[@]}" \
    ${archives[@]+"${archives[@]}"})"
  build_input="pvit-cds/1"
  archives=()
  while IFS= read -r line; do
    case "$line" in
      "$cds_dir"/*.jsa\ *) archives+=("$line") ;;
      *) build_input="$build_input
$line" ;;
    esac
  done <<<"$stats"
  # Two keys: the build (JDK and class-path files), whose change makes older archives stale for
  # good, and the JVM options, which may alternate (e.g. a run with -Xmx): archives of the current
  # build with other options are kept. The checkout's path keeps two clones from evicting each
  # other's archives.
  printf -v options_input '%s\n' "$@"
  hashes="$(cds_sha256 /dev/fd/3 /dev/fd/4 /dev/fd/5 3<<<"$build_input" 4<<<"$options_input" 5<<<"$jar")" || return 1
  { read -r build _ && read -r options _ && read -r path _; } <<<"$hashes" || return 1
  [ ${#build} -eq 64 ] && [ ${#options} -eq 64 ] && [ ${#path} -eq 64 ] || return 1
  name="${jar##*/}"
  cds_prefix="$cds_dir/${name%.jar}-$cmd-${path:0:12}"
  cds_build="$cds_prefix-${build:0:16}"
  for line in ${archives[@]+"${archives[@]}"}; do
    f="${line% * *}"
    size="${line#"$f" }"
    size="${size%% *}"
    case "$f" in
      "$cds_build-${options:0:16}-$size.jsa")
        cds_opts=("${cds_quiet[@]}" "-XX:SharedArchiveFile=$f")
        return 0
        ;;
    esac
  done
  # No usable archive: this run writes one. The JVM refuses to start with ArchiveClassesAtExit
  # when its base archive is not mapped (a JDK without one, -Xshare:off in JAVA_TOOL_OPTIONS) or
  # when it cannot create the file: a JVM start checks the first (only in runs that write an
  # archive), mktemp the second.
  java "${cds_quiet[@]}" "$@" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q 'UseSharedSpaces *= true' \
    || return 1
  (umask 077 && mkdir -p "$cds_dir") 2>/dev/null || return 1
  cds_tmp="$(mktemp "$cds_dir/.pvit-cds.XXXXXX" 2>/dev/null)" || return 1
  cds_final="$cds_build-${options:0:16}"
  cds_opts=("${cds_quiet[@]}" "-XX:ArchiveClassesAtExit=$cds_tmp")
}

# Runs the java command that writes the archive (cds_tmp), forwarding termination signals to it,
# then checks and publishes the archive if the command succeeded. Arguments: the class path for
# the check, the JVM options, "--", the java command. Returns the command's exit status.
cds_run_and_publish() {
  local cp="$1"
  shift
  local jvm_opts=()
  while [ "$1" != "--" ]; do
    jvm_opts+=("$1")
    shift
  done
  shift
  # In the background so that a TERM or Ctrl-C reaching this script can be passed on; a background
  # command ignores SIGINT and reads /dev/null unless told otherwise, hence TERM and <&0.
  "$@" <&0 &
  local pid=$! rc=0
  trap 'kill -TERM "$pid" 2>/dev/null' TERM INT HUP
  while :; do
    rc=0
    wait "$pid" || rc=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  trap - TERM INT HUP
  if [ "$rc" -eq 0 ] && [ -s "$cds_tmp" ] && java "${cds_quiet[@]}" -Xshare:on "-XX:SharedArchiveFile=$cds_tmp" \
      -XX:ErrorFile=/dev/null -XX:-CreateCoredumpOnCrash ${jvm_opts[@]+"${jvm_opts[@]}"} -cp "$cp" -version >/dev/null 2>&1; then
    local size f
    size="$(cds_size "$cds_tmp")"
    if [ -n "$size" ] && mv -f "$cds_tmp" "$cds_final-$size.jsa" 2>/dev/null; then
      # Archives of this checkout's older builds (or JDKs) of the same command are stale for good.
      for f in "$cds_prefix"-*.jsa; do
        case "$f" in
          "$cds_build"-*) ;;
          *) rm -f "$f" ;;
        esac
      done
      # Another run may have published the same archive with another size in the meantime.
      for f in "$cds_final"-*.jsa; do
        [ "$f" = "$cds_final-$size.jsa" ] || rm -f "$f"
      done
    fi
  fi
  rm -f "$cds_tmp"
  # Temporary files of runs that were killed outright (kill -9) are older than any live run's.
  find "$(dirname "$cds_tmp")" -maxdepth 1 -name '.pvit-cds.??????' -type f -mmin +120 -exec rm -f {} + 2>/dev/null
  return "$rc"
}
