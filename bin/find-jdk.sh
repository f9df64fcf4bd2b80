# shellcheck shell=bash
# Finds a JDK >= 21 for ngnc. Source this file, then call:
#
#   ngnc_find_jdk || exit 1     # sets NGNC_JAVA_HOME, NGNC_JAVA (the java launcher), NGNC_FEATURE (e.g. 25)
#
# Order: $JAVA_HOME if it is >= 21; else `java` on PATH if >= 21; else the newest JDK >= 21 under
# /usr/lib/jvm (or the directories in $NGNC_JDK_DIRS, space separated). On failure it prints how to
# fix it to stderr and returns 1. Versions are read from the JDK's `release` file (no JVM is started),
# falling back to `java -version` when there is none.

NGNC_MIN_JAVA=21

# ngnc_jdk_feature HOME -> prints the feature version (8, 17, 21, 25, ...) of the JDK at HOME;
# returns 1 if HOME is not a JDK. (ngnc_jdk_feature_var does the same into NGNC_FEATURE, without a subshell.)
ngnc_jdk_feature() {
  ngnc_jdk_feature_var "$1" || return 1
  printf '%s\n' "$NGNC_FEATURE"
}

ngnc_jdk_feature_var() {
  local home="$1" line v=""
  NGNC_FEATURE=""
  [ -x "$home/bin/java" ] || return 1
  if [ -r "$home/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in JAVA_VERSION=*) v="${line#JAVA_VERSION=}"; v="${v//\"/}"; break ;; esac
    done < "$home/release"
  fi
  if [ -z "$v" ]; then
    # e.g. openjdk version "17.0.15" 2025-04-15  /  java version "1.8.0_392"
    v="$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([^"]*\)".*/\1/p' | head -n1)"
  fi
  case "$v" in 1.*) v="${v#1.}" ;; esac
  v="${v%%[!0-9]*}"
  [ -n "$v" ] || return 1
  NGNC_FEATURE="$v"
}

# ngnc_java_home_of JAVA -> prints the JDK home that a java launcher (path or command name) belongs to.
ngnc_java_home_of() {
  local j
  j="$(command -v "$1" 2>/dev/null)" || return 1
  j="$(readlink -f "$j" 2>/dev/null || printf '%s' "$j")"
  j="${j%/*}"
  printf '%s\n' "${j%/*}"
}

ngnc_describe_version() {
  if [ -n "$1" ]; then printf 'Java %s, too old' "$1"; else printf '%s' "$2"; fi
}

ngnc_find_jdk() {
  local home v best="" best_v=0 tried=()
  NGNC_JAVA_HOME=""
  NGNC_JAVA=""

  if [ -n "${JAVA_HOME:-}" ]; then
    ngnc_jdk_feature_var "$JAVA_HOME"; v="$NGNC_FEATURE"
    if [ -n "$v" ] && [ "$v" -ge "$NGNC_MIN_JAVA" ]; then
      NGNC_JAVA_HOME="$JAVA_HOME"
    else
      tried+=("JAVA_HOME=$JAVA_HOME ($(ngnc_describe_version "$v" "not a JDK"))")
    fi
  fi

  if [ -z "$NGNC_JAVA_HOME" ] && home="$(ngnc_java_home_of java)"; then
    ngnc_jdk_feature_var "$home"; v="$NGNC_FEATURE"
    if [ -n "$v" ] && [ "$v" -ge "$NGNC_MIN_JAVA" ]; then
      NGNC_JAVA_HOME="$home"
    else
      tried+=("java on PATH: $home ($(ngnc_describe_version "$v" "unknown version"))")
    fi
  fi

  if [ -z "$NGNC_JAVA_HOME" ]; then
    local dir
    for dir in ${NGNC_JDK_DIRS:-/usr/lib/jvm}; do
      for home in "$dir"/*; do
        [ -d "$home" ] || continue
        ngnc_jdk_feature_var "$home" || continue
        v="$NGNC_FEATURE"
        if [ "$v" -ge "$NGNC_MIN_JAVA" ] && [ "$v" -gt "$best_v" ]; then
          best="$home"; best_v="$v"
        fi
      done
      tried+=("JDKs under $dir")
    done
    NGNC_JAVA_HOME="$best"
  fi

  if [ -z "$NGNC_JAVA_HOME" ]; then
    {
      echo "ngnc: no JDK $NGNC_MIN_JAVA or newer found."
      local t
      for t in "${tried[@]}"; do echo "  looked at: $t"; done
      echo "Install a JDK $NGNC_MIN_JAVA+ (e.g. Temurin 21 or 25) and point JAVA_HOME at it:"
      echo "  export JAVA_HOME=/path/to/jdk-21"
    } >&2
    return 1
  fi
  NGNC_JAVA="$NGNC_JAVA_HOME/bin/java"
  ngnc_jdk_feature_var "$NGNC_JAVA_HOME"   # leaves NGNC_FEATURE = the chosen JDK's version
  return 0
}

# ngnc_maven_env: after ngnc_find_jdk, exports JAVA_HOME for Maven (and quiets the JDK 24+ warning
# that Maven 3's bundled Guava triggers with sun.misc.Unsafe).
ngnc_maven_env() {
  export JAVA_HOME="$NGNC_JAVA_HOME"
  if [ "${NGNC_FEATURE:-0}" -ge 23 ]; then
    case " ${MAVEN_OPTS:-} " in
      *sun-misc-unsafe-memory-access*) ;;
      *) export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow" ;;
    esac
  fi
}
