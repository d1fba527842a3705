# Shared by tools/run and tools/test: install missing Debian packages, then build.
# Sourced, not run. Sets GRAPHONY_BUILD to the build directory.

GRAPHONY_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GRAPHONY_BUILD="${GRAPHONY_BUILD:-$GRAPHONY_ROOT/build}"

graphony_install_packages() {
  local wanted missing=()
  wanted=$(grep -v '^\s*#' "$GRAPHONY_ROOT/tools/packages.txt" | tr -s ' \n' ' ')
  for pkg in $wanted; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "graphony: every needed Debian package is installed"
    return 0
  fi
  echo "graphony: installing ${#missing[@]} Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -q || return 1
  "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" || return 1
}

graphony_build() {
  local jobs
  jobs=$(nproc 2>/dev/null || echo 2)
  cmake -S "$GRAPHONY_ROOT" -B "$GRAPHONY_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null || return 1
  cmake --build "$GRAPHONY_BUILD" -j "$jobs" || return 1
}
